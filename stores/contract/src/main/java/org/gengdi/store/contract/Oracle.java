package org.gengdi.store.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.filter.Filters;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The expected answer to a query over in-memory features, independent of any store: selection by
 * {@link FilterEvaluator}, then the ordering rules every store follows.
 *
 * <p>Ordering rules (the contract's definition of {@link Query#sortBy()}):
 * <ul>
 *   <li>without sort keys, features come in id order;</li>
 *   <li>ids order numerically when both are integers, otherwise as strings;</li>
 *   <li>a null value sorts below every other value (first ascending, last descending);</li>
 *   <li>strings order by Unicode code point (UTF-8 byte order, PostgreSQL {@code COLLATE "C"});</li>
 *   <li>numbers numerically, dates and times by instant, {@code false} before {@code true};</li>
 *   <li>ties on every key come in id order, whatever the direction.</li>
 * </ul>
 */
public final class Oracle {
    private final FeatureType type;
    private final List<Feature> features;

    public Oracle(FeatureType type, List<Feature> features) {
        this.type = type;
        this.features = features;
    }

    /** The features a query selects, sorted and paged, as the store must return them. */
    public List<Feature> select(Query q) {
        Predicate<Feature> p = FilterEvaluator.compile(withBbox(q), type);
        List<Feature> out = new ArrayList<>();
        for (Feature f : features) {
            if (p.test(f)) {
                out.add(f);
            }
        }
        out.sort(comparator(type, q.sortBy()));
        int from = (int) Math.min(out.size(), q.offset());
        int to = q.limit() < 0 ? out.size() : (int) Math.min(out.size(), from + q.limit());
        return new ArrayList<>(out.subList(from, to));
    }

    /** The number of features matching the query's bbox and filter. */
    public long count(Query q) {
        return select(q.unpaged()).size();
    }

    /** The extent of the non-null geometries. */
    public Envelope bounds() {
        Envelope e = new Envelope();
        for (Feature f : features) {
            if (f.geometry() != null) {
                e.expandToInclude(f.geometry().getEnvelopeInternal());
            }
        }
        return e;
    }

    /** The query's filter with its bbox added as an INTERSECTS with the envelope's geometry. */
    public Filter withBbox(Query q) {
        if (q.bbox() == null) {
            return q.filter();
        }
        Geometry box = ParcelFixture.geometryFactory().toGeometry(q.bbox());
        return Filters.and(List.of(new Filter.Spatial(type.geometryName(), Filter.SpatialOp.BBOX, box), q.filter()));
    }

    /** The contract's feature order for these sort keys. */
    public static Comparator<Feature> comparator(FeatureType type, List<SortBy> keys) {
        Comparator<Feature> c = (a, b) -> 0;
        for (SortBy key : keys) {
            int i = type.indexOf(key.property());
            Comparator<Feature> k = (a, b) -> compareNullsLow(a.value(i), b.value(i));
            c = c.thenComparing(key.ascending() ? k : k.reversed());
        }
        return c.thenComparing(Feature::id, Oracle::compareIds);
    }

    /** Integer ids numerically, others as strings. */
    public static int compareIds(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    static int compareNullsLow(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof String sa && b instanceof String sb) {
            return compareCodePoints(sa, sb);
        }
        return FilterEvaluator.compareValues(a, b);
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
