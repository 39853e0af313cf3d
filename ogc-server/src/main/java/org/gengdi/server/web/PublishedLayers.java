package org.gengdi.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.locationtech.jts.geom.Envelope;

/**
 * The layers the server publishes, with the summary the landing page and capabilities need. Counts and
 * bounds are cached per layer data version, so listing layers does not scan tables on every request.
 */
public final class PublishedLayers {
    /** One published layer's summary. */
    public record LayerSummary(String name, String title, int srid, String geometryKind, long featureCount,
                               Envelope bounds) {
    }

    private record Cached(long version, LayerSummary summary) {
    }

    private final FeatureStore store;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public PublishedLayers(FeatureStore store) {
        this.store = store;
    }

    public FeatureStore store() {
        return store;
    }

    public List<LayerSummary> summaries() {
        List<LayerSummary> out = new ArrayList<>();
        for (String name : store.layerNames()) {
            store.source(name).ifPresent(src -> out.add(summary(src)));
        }
        return out;
    }

    private LayerSummary summary(FeatureSource src) {
        FeatureType t = src.schema();
        Cached c = cache.get(t.name());
        long v = src.version();
        if (c == null || c.version() != v) {
            c = new Cached(v, new LayerSummary(t.name(), t.title(), t.srid(), t.geometryKind().ogcName(),
                    src.count(Query.ALL), src.bounds()));
            cache.put(t.name(), c);
        }
        return c.summary();
    }
}
