package org.gengdi.store.geopackage;

import static org.gengdi.store.geopackage.Sqlite.q;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.LikePattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Translates a filter (and a query bbox) into a parameterised SQLite WHERE clause plus the part SQLite cannot decide
 * exactly as {@link FilterEvaluator} does, which the cursor evaluates in memory.
 *
 * <p>A node goes to SQL only where SQLite's answer is provably the evaluator's: comparisons of a column with a
 * literal of the attribute's own type (not DATETIME, whose stored text formats vary between writers; not ±0.0 or NaN,
 * which SQLite and {@link Double#compare} order differently; no string ordering against a literal with characters
 * from U+D800 up, where UTF-8 and UTF-16 orders differ), LIKE on strings (GLOB when case-sensitive, else the
 * evaluator's own regular expression through {@code gengdi_matches}), IS NULL, BETWEEN, IN, ids and their logic.
 * Every translated leaf is two-valued ({@code IFNULL(…, 0)}), and NOT over a leaf that names an attribute
 * requires the attribute to be non-null — the evaluator's SQL null semantics. Spatial, distance and temporal
 * operators stay in memory; spatial ones that imply envelope overlap also add an R-tree pre-filter.
 * Identifiers come only from the schema, as the table's SQL column names ({@link LayerInfo#columns()}, which differ
 * from the published attribute names for columns named in other scripts); values only as parameters.
 */
final class SqlFilter {
    /** Above this many ids, a ResourceId is bound as one JSON array instead of one parameter each. */
    private static final int MAX_INLINE_IDS = 200;
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * The translation.
     *
     * @param where    the SQL condition ({@code 1} when everything matches)
     * @param params   its parameters, in order
     * @param residual what is left to evaluate in memory, or null when SQL decides alone
     */
    record Plan(String where, List<Object> params, Filter residual) {
    }

    private final FeatureType type;
    private final LayerInfo layer;
    private final String pk;
    private final String rtree;
    private final List<Object> params = new ArrayList<>();

    private SqlFilter(LayerInfo layer) {
        this.type = layer.type();
        this.layer = layer;
        this.pk = q(layer.pkColumn());
        this.rtree = layer.rtree() == null ? null : q(layer.rtree());
    }

    /** Splits {@code filter AND bbox} into SQL and an in-memory residual. */
    static Plan plan(Filter filter, Envelope bbox, LayerInfo layer) {
        return new SqlFilter(layer).split(filter, bbox);
    }

    /** True when SQLite decides this filter alone. */
    static boolean pushable(Filter f, FeatureType type) {
        if (f instanceof Filter.Include || f instanceof Filter.Exclude || f instanceof Filter.ResourceId) {
            return true;
        }
        if (f instanceof Filter.And a) {
            return a.children().stream().allMatch(c -> pushable(c, type));
        }
        if (f instanceof Filter.Or o) {
            return o.children().stream().allMatch(c -> pushable(c, type));
        }
        if (f instanceof Filter.Not n) {
            return pushable(n.child(), type);
        }
        if (f instanceof Filter.IsNull n) {
            return type.isGeometry(n.property()) || attr(type, n.property()) != null;
        }
        if (f instanceof Filter.Compare c) {
            AttributeDef a = attr(type, c.property());
            return literalFits(a, c.literal(), c.op() != Filter.CompareOp.EQ && c.op() != Filter.CompareOp.NE,
                    !c.matchCase());
        }
        if (f instanceof Filter.Like l) {
            return attr(type, l.property()).type() == AttributeType.STRING;
        }
        if (f instanceof Filter.Between b) {
            AttributeDef a = attr(type, b.property());
            return literalFits(a, b.lower(), true, false) && literalFits(a, b.upper(), true, false);
        }
        if (f instanceof Filter.In in) {
            AttributeDef a = attr(type, in.property());
            return in.values().stream().allMatch(v -> literalFits(a, v, false, false));
        }
        if (f instanceof Filter.TemporalFilter t) {
            attr(type, t.property());
        }
        return false; // Spatial, Distance, TemporalFilter
    }

    private Plan split(Filter filter, Envelope bbox) {
        List<Filter> conjuncts = new ArrayList<>();
        if (bbox != null) {
            conjuncts.add(new Filter.Spatial(type.geometryName(), Filter.SpatialOp.BBOX, GF.toGeometry(bbox)));
        }
        Filter f = Filters.and(List.of(filter));
        conjuncts.addAll(f instanceof Filter.And a ? a.children() : List.of(f));
        List<String> sql = new ArrayList<>();
        List<Filter> residual = new ArrayList<>();
        for (Filter c : conjuncts) {
            if (c instanceof Filter.Include) {
                continue;
            }
            if (pushable(c, type)) {
                sql.add(sql(c));
            } else {
                residual.add(c);
                Envelope e = impliedEnvelope(c);
                if (e != null && rtree != null) {
                    sql.add(pk + " IN (SELECT id FROM " + rtree
                            + " WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)");
                    params.add(e.getMaxX());
                    params.add(e.getMinX());
                    params.add(e.getMaxY());
                    params.add(e.getMinY());
                }
            }
        }
        String where = sql.isEmpty() ? "1" : String.join(" AND ", sql);
        return new Plan(where, List.copyOf(params), residual.isEmpty() ? null : Filters.and(residual));
    }

    /** The envelope every match's geometry must intersect, when the node implies one. */
    private static Envelope impliedEnvelope(Filter f) {
        if (f instanceof Filter.Spatial s && s.op() != Filter.SpatialOp.DISJOINT && !s.literal().isEmpty()) {
            return s.literal().getEnvelopeInternal();
        }
        if (f instanceof Filter.Distance d && !d.beyond() && !d.literal().isEmpty()) {
            Envelope e = new Envelope(d.literal().getEnvelopeInternal());
            e.expandBy(d.distance());
            return e;
        }
        return null;
    }

    private String sql(Filter f) {
        if (f instanceof Filter.Include) {
            return "1";
        }
        if (f instanceof Filter.Exclude) {
            return "0";
        }
        if (f instanceof Filter.And a) {
            return join(a.children(), " AND ", "1");
        }
        if (f instanceof Filter.Or o) {
            return join(o.children(), " OR ", "0");
        }
        if (f instanceof Filter.Not n) {
            String prop = Filters.propertyOf(n.child());
            String inner = "NOT (" + sql(n.child()) + ")";
            if (prop == null || n.child() instanceof Filter.IsNull || type.isGeometry(prop)) {
                return "(" + inner + ")";
            }
            // SQL semantics as in the evaluator: NOT of a comparison with a null value is not true either.
            return "(" + column(prop) + " IS NOT NULL AND " + inner + ")";
        }
        if (f instanceof Filter.IsNull n) {
            return (type.isGeometry(n.property()) ? q(layer.geometryColumn()) : column(n.property())) + " IS NULL";
        }
        if (f instanceof Filter.ResourceId r) {
            return ids(r);
        }
        if (f instanceof Filter.Compare c) {
            return compare(c);
        }
        if (f instanceof Filter.Like l) {
            return like(l);
        }
        if (f instanceof Filter.Between b) {
            if (b.lower() == null || b.upper() == null) {
                return "0";
            }
            params.add(b.lower());
            params.add(b.upper());
            return "IFNULL(" + column(b.property()) + " BETWEEN ? AND ?, 0)";
        }
        if (f instanceof Filter.In in) {
            StringBuilder s = new StringBuilder();
            for (Object v : in.values()) {
                if (v != null) {
                    s.append(s.length() == 0 ? "?" : ", ?");
                    params.add(v);
                }
            }
            return s.length() == 0 ? "0" : "IFNULL(" + column(in.property()) + " IN (" + s + "), 0)";
        }
        throw new IllegalStateException("not translatable: " + f);
    }

    private String join(List<Filter> children, String op, String empty) {
        if (children.isEmpty()) {
            return empty;
        }
        List<String> parts = new ArrayList<>();
        for (Filter c : children) {
            parts.add(sql(c));
        }
        return "(" + String.join(op, parts) + ")";
    }

    private String compare(Filter.Compare c) {
        if (c.literal() == null) {
            return "0";
        }
        String op = switch (c.op()) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
        String col = column(c.property());
        if (!c.matchCase() && c.literal() instanceof String s) {
            params.add(s.toLowerCase(java.util.Locale.ROOT));
            return "IFNULL(" + SqlFunctions.LOWER + "(" + col + ") " + op + " ?, 0)";
        }
        params.add(c.literal());
        return "IFNULL(" + col + " " + op + " ?, 0)";
    }

    private String like(Filter.Like l) {
        String col = column(l.property());
        if (l.matchCase()) {
            params.add(glob(l));
            return "IFNULL(" + col + " GLOB ?, 0)";
        }
        Pattern p = FilterEvaluator.likePattern(l);
        params.add(p.pattern());
        params.add(p.flags());
        return "IFNULL(" + SqlFunctions.MATCHES + "(" + col + ", ?, ?), 0)";
    }

    /** The LIKE pattern as a GLOB, read exactly as {@link FilterEvaluator#likePattern} reads it. */
    static String glob(Filter.Like l) {
        return LikePattern.rewrite(l, "*", "?", SqlFilter::globLiteral);
    }

    private static void globLiteral(StringBuilder g, char ch) {
        if (ch == '*' || ch == '?' || ch == '[') {
            g.append('[').append(ch).append(']');
        } else {
            g.append(ch);
        }
    }

    private String ids(Filter.ResourceId r) {
        List<Long> fids = new ArrayList<>();
        for (String id : r.ids()) {
            Long fid = fid(id);
            if (fid != null) {
                fids.add(fid);
            }
        }
        if (fids.isEmpty()) {
            return "0";
        }
        if (fids.size() > MAX_INLINE_IDS) {
            params.add(fids.toString());
            return pk + " IN (SELECT value FROM json_each(?))";
        }
        params.addAll(fids);
        return pk + " IN (" + "?, ".repeat(fids.size() - 1) + "?)";
    }

    /** The fid an id names: only the canonical decimal form, since ids are compared as strings. */
    static Long fid(String id) {
        try {
            long v = Long.parseLong(id);
            return Long.toString(v).equals(id) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The SQL column of a property (the published name may differ, see {@link ForeignNames}). */
    private String column(String property) {
        return q(layer.column(attr(type, property).name()));
    }

    private static AttributeDef attr(FeatureType type, String property) {
        AttributeDef a = type.attribute(property);
        if (a == null) {
            throw new InvalidFilterException("unknown property '" + property + "' in " + type.name(), property);
        }
        return a;
    }

    /** True when comparing the attribute with this literal in SQLite gives the evaluator's answer. */
    private static boolean literalFits(AttributeDef a, Object lit, boolean ordering, boolean ignoreCase) {
        if (lit == null) {
            return true; // decided as a constant
        }
        AttributeType t = a.type();
        if (t == AttributeType.DATETIME || !t.javaType().isInstance(lit)) {
            return false;
        }
        if (lit instanceof Double d) {
            return d != 0.0 && !d.isNaN();
        }
        if (lit instanceof LocalDate d) {
            return d.getYear() >= 1 && d.getYear() <= 9999;
        }
        if (lit instanceof String s && ordering) {
            String cmp = ignoreCase ? s.toLowerCase(java.util.Locale.ROOT) : s;
            return cmp.chars().allMatch(ch -> ch < 0xD800);
        }
        return true;
    }
}
