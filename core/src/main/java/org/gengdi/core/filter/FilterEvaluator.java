package org.gengdi.core.filter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Evaluates a filter in memory. {@link #compile} resolves property indexes and prepares geometry literals once,
 * so testing a feature costs no lookups. Comparisons with a null value are false (SQL semantics), as in the stores.
 */
public final class FilterEvaluator {
    private FilterEvaluator() {
    }

    /** Compiles a (validated) filter for features of one type. */
    public static Predicate<Feature> compile(Filter f, FeatureType type) {
        if (f instanceof Filter.Include) {
            return x -> true;
        }
        if (f instanceof Filter.Exclude) {
            return x -> false;
        }
        if (f instanceof Filter.And a) {
            List<Predicate<Feature>> ps = compileAll(a.children(), type);
            return x -> {
                for (Predicate<Feature> p : ps) {
                    if (!p.test(x)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (f instanceof Filter.Or o) {
            List<Predicate<Feature>> ps = compileAll(o.children(), type);
            return x -> {
                for (Predicate<Feature> p : ps) {
                    if (p.test(x)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (f instanceof Filter.Not n) {
            // SQL three-valued logic: a comparison with a null value is unknown, and so is its negation.
            Predicate<Feature> p = compile(n.child(), type);
            Predicate<Feature> known = definedFor(n.child(), type);
            return x -> known.test(x) && !p.test(x);
        }
        if (f instanceof Filter.Compare c) {
            int i = index(type, c.property());
            Object lit = c.literal();
            boolean ci = !c.matchCase() && lit instanceof String;
            Object cmpLit = ci ? ((String) lit).toLowerCase(Locale.ROOT) : lit;
            return x -> {
                Object v = x.value(i);
                if (v == null || cmpLit == null) {
                    return false;
                }
                if (ci) {
                    v = v.toString().toLowerCase(Locale.ROOT);
                }
                int r = compareValues(v, cmpLit);
                return switch (c.op()) {
                    case EQ -> r == 0;
                    case NE -> r != 0;
                    case LT -> r < 0;
                    case LE -> r <= 0;
                    case GT -> r > 0;
                    case GE -> r >= 0;
                };
            };
        }
        if (f instanceof Filter.Like l) {
            int i = index(type, l.property());
            Pattern p = likePattern(l);
            return x -> {
                Object v = x.value(i);
                return v != null && p.matcher(v.toString()).matches();
            };
        }
        if (f instanceof Filter.IsNull n) {
            if (type.isGeometry(n.property())) {
                return x -> x.geometry() == null;
            }
            int i = index(type, n.property());
            return x -> x.value(i) == null;
        }
        if (f instanceof Filter.Between b) {
            int i = index(type, b.property());
            return x -> {
                Object v = x.value(i);
                return v != null && b.lower() != null && b.upper() != null
                        && compareValues(v, b.lower()) >= 0 && compareValues(v, b.upper()) <= 0;
            };
        }
        if (f instanceof Filter.In in) {
            int i = index(type, in.property());
            List<Object> vs = in.values();
            return x -> {
                Object v = x.value(i);
                if (v == null) {
                    return false;
                }
                for (Object lit : vs) {
                    if (lit != null && compareValues(v, lit) == 0) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (f instanceof Filter.ResourceId r) {
            Set<String> ids = new HashSet<>(r.ids());
            return x -> ids.contains(x.id());
        }
        if (f instanceof Filter.Spatial s) {
            return spatial(s);
        }
        if (f instanceof Filter.Distance d) {
            Geometry lit = d.literal();
            double dist = d.distance();
            return x -> {
                Geometry g = x.geometry();
                if (g == null) {
                    return false;
                }
                boolean within = g.isWithinDistance(lit, dist);
                return d.beyond() != within;
            };
        }
        if (f instanceof Filter.TemporalFilter t) {
            int i = index(type, t.property());
            return x -> {
                Object v = x.value(i);
                if (v == null) {
                    return false;
                }
                int r = compareTemporal(v, t.begin());
                return switch (t.op()) {
                    case AFTER -> r > 0;
                    case BEFORE -> r < 0;
                    case TEQUALS -> r == 0;
                    case DURING -> r > 0 && compareTemporal(v, t.end()) < 0;
                };
            };
        }
        throw new IllegalArgumentException("unsupported filter " + f);
    }

    /** True when the filter is decidable for a feature (no null operand), for NOT under SQL semantics. */
    private static Predicate<Feature> definedFor(Filter f, FeatureType type) {
        String prop = Filters.propertyOf(f);
        if (prop == null || f instanceof Filter.IsNull || type.isGeometry(prop)) {
            return x -> true;
        }
        int i = index(type, prop);
        return x -> x.value(i) != null;
    }

    private static List<Predicate<Feature>> compileAll(List<Filter> fs, FeatureType type) {
        List<Predicate<Feature>> out = new ArrayList<>();
        for (Filter c : fs) {
            out.add(compile(c, type));
        }
        return out;
    }

    private static Predicate<Feature> spatial(Filter.Spatial s) {
        Geometry lit = s.literal();
        PreparedGeometry prep = PreparedGeometryFactory.prepare(lit);
        Envelope env = lit.getEnvelopeInternal();
        return switch (s.op()) {
            case BBOX, INTERSECTS -> x -> x.geometry() != null
                    && env.intersects(x.geometry().getEnvelopeInternal()) && prep.intersects(x.geometry());
            case DISJOINT -> x -> x.geometry() != null && prep.disjoint(x.geometry());
            case EQUALS -> x -> x.geometry() != null && lit.equalsTopo(x.geometry());
            case TOUCHES -> x -> x.geometry() != null && prep.touches(x.geometry());
            case CROSSES -> x -> x.geometry() != null && prep.crosses(x.geometry());
            // op(feature, literal): feature WITHIN literal ⇔ literal CONTAINS feature
            case WITHIN -> x -> x.geometry() != null && prep.contains(x.geometry());
            case CONTAINS -> x -> x.geometry() != null && prep.within(x.geometry());
            case OVERLAPS -> x -> x.geometry() != null && prep.overlaps(x.geometry());
        };
    }

    private static int index(FeatureType type, String property) {
        int i = type.indexOf(property);
        if (i < 0) {
            throw new InvalidFilterException("unknown property '" + property + "' in " + type.name(), property);
        }
        return i;
    }

    /** Compares two values: numbers numerically, temporal values in time, others as strings. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareValues(Object a, Object b) {
        if (a instanceof Number na && b instanceof Number nb) {
            if (isIntegral(na) && isIntegral(nb)) {
                return Long.compare(na.longValue(), nb.longValue());
            }
            return Double.compare(na.doubleValue(), nb.doubleValue());
        }
        if (a instanceof Temporal && b instanceof Temporal) {
            return compareTemporal(a, (Temporal) b);
        }
        if (a instanceof Boolean && b instanceof Boolean) {
            return ((Boolean) a).compareTo((Boolean) b);
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable) {
            return ((Comparable) a).compareTo(b);
        }
        return a.toString().compareTo(b.toString());
    }

    private static boolean isIntegral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte;
    }

    private static int compareTemporal(Object v, Temporal t) {
        return toInstant(v).compareTo(toInstant(t));
    }

    private static java.time.Instant toInstant(Object v) {
        if (v instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (v instanceof java.time.Instant i) {
            return i;
        }
        if (v instanceof java.time.LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof java.time.ZonedDateTime z) {
            return z.toInstant();
        }
        throw new InvalidFilterException("not a date or time: " + v, null);
    }

    /** A LIKE pattern as a Java regex. */
    public static Pattern likePattern(Filter.Like l) {
        StringBuilder re = new StringBuilder();
        String p = l.pattern();
        for (int k = 0; k < p.length(); k++) {
            char ch = p.charAt(k);
            if (ch == l.escape() && k + 1 < p.length()) {
                re.append(Pattern.quote(String.valueOf(p.charAt(++k))));
            } else if (ch == l.wildCard()) {
                re.append(".*");
            } else if (ch == l.singleChar()) {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        int flags = Pattern.DOTALL | (l.matchCase() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(re.toString(), flags);
    }
}
