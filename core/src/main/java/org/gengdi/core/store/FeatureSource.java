package org.gengdi.core.store;

import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.locationtech.jts.geom.Envelope;

/**
 * One layer of a store: its schema, extent, and queries over it. Implementations push down to their database
 * whatever they can (bbox, filter, sort, paging) and must return exactly the features the in-memory
 * {@link org.gengdi.core.filter.FilterEvaluator} would select, in the same order.
 */
public interface FeatureSource {

    FeatureType schema();

    /** The extent of all features in the stored CRS, or an empty envelope for an empty layer. */
    Envelope bounds();

    /** The number of features matching the query's bbox and filter (paging is ignored). */
    long count(Query query);

    /**
     * Streams the matching features. Without sort keys, features come in id order. The caller must close the
     * cursor; memory stays constant however many features match.
     */
    FeatureCursor query(Query query);

    /** True when the store evaluates this filter in its database rather than in memory. */
    default boolean canPushDown(Filter filter) {
        return false;
    }

    /** Increases whenever the layer's data changes (imports), so caches can tell stale entries. */
    default long version() {
        return 0;
    }
}
