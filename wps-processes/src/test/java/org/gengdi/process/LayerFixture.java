package org.gengdi.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Layers held in memory in EPSG:4527 (a GK zone), as a process context serves them: for analysis unit tests. */
public final class LayerFixture implements ProcessContext {
    public static final int SRID = 4527;
    private final Map<String, List<Feature>> layers = new HashMap<>();
    private int next = 1;

    /** Adds a feature of a kind: WKT and attribute pairs. */
    public LayerFixture add(LayerKind kind, String wkt, Object... attributes) {
        FeatureType type = LayerCatalogue.type(kind, SRID);
        Feature.Builder b = new Feature.Builder(type);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            b.set((String) attributes[i], attributes[i + 1]);
        }
        try {
            b.geometry(new WKTReader().read(wkt));
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalArgumentException(e);
        }
        layers.computeIfAbsent(kind.layerName(), k -> new ArrayList<>()).add(b.build(Integer.toString(next++)));
        return this;
    }

    /** Declares an empty but published layer. */
    public LayerFixture empty(LayerKind kind) {
        layers.computeIfAbsent(kind.layerName(), k -> new ArrayList<>());
        return this;
    }

    @Override
    public void progress(int percent, String message) {
    }

    @Override
    public boolean cancelled() {
        return false;
    }

    @Override
    public void checkCancelled() {
    }

    @Override
    public FeatureCursor features(InputValue.LayerReference layer, int srid) {
        return FeatureCursor.of(layers.getOrDefault(layer.layer(), List.of()));
    }

    @Override
    public FeatureCursor features(InputValue.LayerReference layer, Envelope bbox, int bboxSrid, int srid) {
        List<Feature> out = new ArrayList<>();
        for (Feature f : layers.getOrDefault(layer.layer(), List.of())) {
            Geometry g = f.geometry();
            if (g != null && g.getEnvelopeInternal().intersects(bbox)) {
                out.add(f);
            }
        }
        return FeatureCursor.of(out);
    }

    @Override
    public Optional<FeatureType> layerType(String layer) {
        Optional<LayerKind> kind = LayerCatalogue.kindOf(layer);
        return layers.containsKey(layer) && kind.isPresent() ? Optional.of(LayerCatalogue.type(kind.get(), SRID))
                : Optional.empty();
    }
}
