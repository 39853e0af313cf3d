package org.gengdi.process.farmland;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.process.InputValue;
import org.gengdi.process.ProcessContext;
import org.locationtech.jts.geom.Envelope;

/**
 * The published layers an analysis reads, by kind: the national layer names unless the request names others.
 * Reads are limited to a box (pushed down to the store's spatial index) and come back in the analysis zone. A kind
 * the server does not publish is {@linkplain #has absent}: the rules needing it report NOT_EVALUATED.
 */
public final class FarmlandLayers {
    private final ProcessContext context;
    private final Map<LayerKind, String> names = new EnumMap<>(LayerKind.class);

    public FarmlandLayers(ProcessContext context, Map<LayerKind, String> overrides) {
        this.context = context;
        for (LayerKind k : LayerKind.values()) {
            names.put(k, overrides.getOrDefault(k, k.layerName()));
        }
    }

    /** The layer name used for a kind. */
    public String name(LayerKind kind) {
        return names.get(kind);
    }

    public boolean has(LayerKind kind) {
        return context.layerType(names.get(kind)).isPresent();
    }

    public Optional<FeatureType> type(LayerKind kind) {
        return context.layerType(names.get(kind));
    }

    /** The features of a kind whose envelope meets {@code box} (in the zone), transformed into the zone. */
    public List<Feature> read(LayerKind kind, Envelope box, AnalysisZone zone) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = context.features(new InputValue.LayerReference(names.get(kind), null), box,
                zone.srid(), zone.srid())) {
            int n = 0;
            while (c.hasNext()) {
                out.add(c.next());
                if (++n % 2000 == 0) {
                    context.checkCancelled();
                }
            }
        }
        return out;
    }
}
