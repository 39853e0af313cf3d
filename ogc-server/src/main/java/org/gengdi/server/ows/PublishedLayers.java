package org.gengdi.server.ows;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
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

    /** Every published layer, in the store's order. */
    public List<PublishedLayer> all() {
        List<PublishedLayer> out = new ArrayList<>();
        for (String name : store.layerNames()) {
            store.source(name).ifPresent(s -> out.add(PublishedLayer.of(s)));
        }
        return out;
    }

    /**
     * The layer with this name (exact, else case-insensitive); empty for names that are not plain identifiers, so
     * no caller can smuggle a path or an expression through a layer name.
     */
    public Optional<PublishedLayer> find(String name) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            return Optional.empty();
        }
        Optional<FeatureSource> s = store.source(name);
        if (s.isEmpty()) {
            for (String n : store.layerNames()) {
                if (n.equalsIgnoreCase(name)) {
                    s = store.source(n);
                }
            }
        }
        return s.map(PublishedLayer::of);
    }

    /**
     * The service metadata's update sequence: the highest data version of any layer, which grows with every import
     * or replacement (store versions are store-wide counters).
     */
    public long updateSequence() {
        long max = 0;
        for (String name : store.layerNames()) {
            max = Math.max(max, store.source(name).map(FeatureSource::version).orElse(0L));
        }
        return max;
    }

    /**
     * The number of features a query matches, paging ignored: the cached total when the query selects everything
     * (no box, no filter), else counted by the store. Every protocol counts through here, so WFS and OGC API
     * Features always agree.
     */
    public long count(PublishedLayer layer, Query query) {
        Query q = query.unpaged();
        if (q.bbox() == null && q.filter() instanceof Filter.Include) {
            return summary(layer).featureCount();
        }
        return layer.source().count(q);
    }

    /**
     * OWS Common GetCapabilities: the current update sequence, after checking the one a client gave (null for none).
     * A value this server did not issue, or a newer one, is InvalidUpdateSequence; an equal or older one is fine.
     */
    public long checkUpdateSequence(String given) {
        long current = updateSequence();
        if (given == null) {
            return current;
        }
        long value;
        try {
            value = Long.parseLong(given);
        } catch (NumberFormatException e) {
            throw new OwsException(OwsException.Code.InvalidUpdateSequence, "updateSequence",
                    "updateSequence '" + given + "' is not one this server issued (it issues integers; now "
                            + current + ")");
        }
        if (value > current) {
            throw new OwsException(OwsException.Code.InvalidUpdateSequence, "updateSequence",
                    "updateSequence " + value + " is newer than this server's " + current);
        }
        return current;
    }

    /** The summary (count, bounds) of one layer, cached per data version. */
    public LayerSummary summary(PublishedLayer layer) {
        return summary(layer.source());
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
