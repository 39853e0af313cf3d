package org.gengdi.bench;

import java.util.Optional;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.process.InputValue;
import org.gengdi.process.ProcessContext;
import org.gengdi.process.ProcessException;
import org.locationtech.jts.geom.Envelope;

/**
 * A process context straight over a store (no server, no filters, no published view): what the analysis benchmarks
 * need to time the analyses themselves.
 */
final class StoreContext implements ProcessContext {
    private final FeatureStore store;

    StoreContext(FeatureStore store) {
        this.store = store;
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

    private FeatureSource source(String layer) {
        return store.source(layer).orElseThrow(() -> ProcessException.invalidInput(null, "no layer " + layer));
    }

    @Override
    public FeatureCursor features(InputValue.LayerReference layer, int srid) {
        return features(layer, null, 0, srid);
    }

    @Override
    public FeatureCursor features(InputValue.LayerReference layer, Envelope bbox, int bboxSrid, int srid) {
        FeatureSource s = source(layer.layer());
        int own = s.schema().srid();
        Query q = Query.ALL;
        if (bbox != null) {
            q = q.withBbox(bboxSrid == own ? bbox : CrsRegistry.get().transform(bboxSrid, own).transform(bbox));
        }
        FeatureCursor c = s.query(q);
        if (srid <= 0 || srid == own) {
            return c;
        }
        CrsTransform t = CrsRegistry.get().transform(own, srid);
        return c.mapped(f -> new Feature(f.type().withSrid(srid), f.id(), f.geometry() == null ? null
                : t.transform(f.geometry()), valuesOf(f)));
    }

    private static Object[] valuesOf(Feature f) {
        Object[] v = new Object[f.valueCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.value(i);
        }
        return v;
    }

    @Override
    public Optional<FeatureType> layerType(String layer) {
        return store.source(layer).map(FeatureSource::schema);
    }
}
