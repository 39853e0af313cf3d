package org.gengdi.core.feature;

import java.util.List;
import org.gengdi.core.filter.Filter;
import org.locationtech.jts.geom.Envelope;

/**
 * What a caller asks of one layer. All coordinates (bbox, geometry literals in the filter) are in the layer's
 * stored CRS: protocols transform them through the CRS registry before building a query, so stores never
 * deal with axis order or reprojection.
 *
 * @param bbox       features whose geometry intersects this envelope ({@code null}: no bbox)
 * @param filter     the filter ({@link Filter#INCLUDE} for all)
 * @param properties the attribute names to return ({@code null}: all); the geometry is always returned
 * @param sortBy     sort keys; features with equal keys come in id order so that paging is stable
 * @param offset     features to skip (≥ 0)
 * @param limit      the maximum number of features ({@code -1}: no limit)
 */
public record Query(Envelope bbox, Filter filter, List<String> properties, List<SortBy> sortBy, long offset,
                    long limit) {

    public static final Query ALL = new Query(null, Filter.INCLUDE, null, List.of(), 0, -1);

    public Query {
        if (filter == null) {
            filter = Filter.INCLUDE;
        }
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
        properties = properties == null ? null : List.copyOf(properties);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be ≥ 0");
        }
        if (limit < -1) {
            throw new IllegalArgumentException("limit must be ≥ 0 or -1");
        }
    }

    public static Query filter(Filter f) {
        return ALL.withFilter(f);
    }

    public Query withBbox(Envelope e) {
        return new Query(e, filter, properties, sortBy, offset, limit);
    }

    public Query withFilter(Filter f) {
        return new Query(bbox, f, properties, sortBy, offset, limit);
    }

    public Query withProperties(List<String> p) {
        return new Query(bbox, filter, p, sortBy, offset, limit);
    }

    public Query withSort(List<SortBy> s) {
        return new Query(bbox, filter, properties, s, offset, limit);
    }

    public Query withPage(long newOffset, long newLimit) {
        return new Query(bbox, filter, properties, sortBy, newOffset, newLimit);
    }

    /** The same selection without paging or sorting, as used to count matches. */
    public Query unpaged() {
        return new Query(bbox, filter, null, List.of(), 0, -1);
    }
}
