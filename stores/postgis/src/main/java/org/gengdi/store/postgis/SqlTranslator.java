package org.gengdi.store.postgis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.LikePattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;

/**
 * Translates queries on one layer table into parameterised PostgreSQL/PostGIS SQL whose result equals the
 * in-memory {@link org.gengdi.core.filter.FilterEvaluator} on the same (validated) filter.
 *
 * <p>Semantics, node by node:
 * <ul>
 * <li>A comparison with a {@code null} value is false, as in the evaluator. Plain SQL gets that for free at the
 *     top of a {@code WHERE} (unknown rejects the row); under {@code NOT} the evaluator keeps two-valued logic
 *     ("unknown" is false, and NOT of an undecidable leaf is false), so inside a NOT every leaf is emitted in a
 *     strict, never-null form ({@code col IS NOT NULL AND …}) and the NOT itself is guarded the way
 *     {@code FilterEvaluator} guards it (the child's property must be non-null).</li>
 * <li>Strings order as {@link String#compareTo} does: {@code COLLATE "C"} on ordering comparisons and sort keys
 *     (byte order of UTF-8 = code point order; it differs from UTF-16 order only between supplementary characters
 *     and U+E000–U+FFFF). {@code matchCase=false} lowercases both sides ({@code lower()} / Locale.ROOT).</li>
 * <li>LIKE patterns are rewritten to SQL's {@code %}/{@code _} with {@code \} as the escape character. LIKE on
 *     DOUBLE, DATE, DATETIME and BOOLEAN attributes is not translated (Java's {@code toString} of those differs
 *     from PostgreSQL's text form); {@link #canTranslate} says so and the source evaluates it in memory.</li>
 * <li>The query bbox is {@code geom && ST_MakeEnvelope(…)} (index) plus an exact {@code ST_Intersects} with
 *     the envelope polygon, so a feature whose box touches the envelope but whose shape does not is excluded,
 *     as in the evaluator's BBOX.</li>
 * <li>{@code Spatial(op, literal)} is {@code op(featureGeometry, literal)}; literals travel as WKB.</li>
 * </ul>
 */
final class SqlTranslator {
    /** Nulls sort before every value ascending and after every value descending: null is the smallest value. */
    static final String NULLS_ASC = "NULLS FIRST";
    static final String NULLS_DESC = "NULLS LAST";

    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final LayerTable table;

    SqlTranslator(LayerTable table) {
        this.table = table;
    }

    // ---- statements

    /**
     * {@code SELECT id, attributes…, ST_AsBinary(geom) … ORDER BY … OFFSET/LIMIT}.
     *
     * @param attributes the attributes to read (a subset of the type's, in the order they are read)
     * @param limit      {@code -1} for no limit
     */
    Sql select(List<AttributeDef> attributes, Envelope bbox, Filter filter, List<SortBy> sortBy, long offset,
               long limit) {
        List<Object> p = new ArrayList<>();
        StringBuilder s = new StringBuilder("SELECT ").append(q(table.idColumn()));
        for (AttributeDef a : attributes) {
            s.append(", ").append(q(a.name()));
        }
        s.append(", ST_AsBinary(").append(q(table.geometryColumn())).append(") FROM ").append(table.qualified());
        if (offset > 0) {
            // Deferred join: the skipped rows are walked on the id (and sort keys) alone — an index-only scan when
            // unsorted — and only the page's rows are read whole, geometry included. Plain OFFSET would read and
            // throw away every skipped row's attributes and geometry.
            // "= ANY(ARRAY(…))" rather than "IN (…)": the planner then fetches the page by the primary key instead
            // of hashing the ids against a scan of the whole table.
            s.append(" WHERE ").append(q(table.idColumn())).append(" = ANY(ARRAY(SELECT ").append(q(table.idColumn()))
                    .append(" FROM ").append(table.qualified());
            where(s, bbox, filter, p);
            orderBy(s, sortBy);
            if (limit >= 0) {
                s.append(" LIMIT ?");
                p.add(limit);
            }
            s.append(" OFFSET ?))");
            p.add(offset);
            orderBy(s, sortBy);
            return new Sql(s.toString(), p);
        }
        where(s, bbox, filter, p);
        orderBy(s, sortBy);
        if (limit >= 0) {
            s.append(" LIMIT ?");
            p.add(limit);
        }
        return new Sql(s.toString(), p);
    }

    /** {@code ORDER BY keys…, id}: the id last, so every order is total and pages never overlap. */
    private void orderBy(StringBuilder s, List<SortBy> sortBy) {
        s.append(" ORDER BY ");
        for (SortBy k : sortBy) {
            AttributeDef a = sortAttribute(k.property());
            s.append(q(a.name()));
            if (a.type() == AttributeType.STRING) {
                s.append(" COLLATE \"C\"");
            }
            s.append(k.ascending() ? " ASC " + NULLS_ASC : " DESC " + NULLS_DESC).append(", ");
        }
        s.append(q(table.idColumn()));
    }

    /** {@code SELECT count(*) …} of the features matching bbox and filter. */
    Sql count(Envelope bbox, Filter filter) {
        List<Object> p = new ArrayList<>();
        StringBuilder s = new StringBuilder("SELECT count(*) FROM ").append(table.qualified());
        where(s, bbox, filter, p);
        return new Sql(s.toString(), p);
    }

    /** The condition of a filter alone (for tests and diagnostics). */
    Sql condition(Filter filter) {
        List<Object> p = new ArrayList<>();
        String c = cond(filter, false, p);
        return new Sql(c, p);
    }

    private void where(StringBuilder s, Envelope bbox, Filter filter, List<Object> p) {
        List<String> parts = new ArrayList<>();
        if (bbox != null) {
            parts.add(bbox(bbox, p));
        }
        if (!(filter instanceof Filter.Include)) {
            parts.add(cond(filter, false, p));
        }
        if (!parts.isEmpty()) {
            s.append(" WHERE ").append(String.join(" AND ", parts));
        }
    }

    private String bbox(Envelope e, List<Object> p) {
        if (e.isNull()) {
            return "FALSE";
        }
        String g = q(table.geometryColumn());
        String env = "ST_MakeEnvelope(?, ?, ?, ?, " + table.srid() + ")";
        p.add(e.getMinX());
        p.add(e.getMinY());
        p.add(e.getMaxX());
        p.add(e.getMaxY());
        String exact;
        if (e.getWidth() > 0 && e.getHeight() > 0) {
            exact = "ST_Intersects(" + g + ", " + env + ")";
            p.add(e.getMinX());
            p.add(e.getMinY());
            p.add(e.getMaxX());
            p.add(e.getMaxY());
        } else {
            // A degenerate envelope is a point or a line (as JTS's toGeometry makes it), not a polygon.
            exact = "ST_Intersects(" + g + ", " + literal(FACTORY.toGeometry(e), p) + ")";
        }
        return g + " && " + env + " AND " + exact;
    }

    // ---- what can be translated

    /** True when the whole (validated) filter becomes SQL. */
    boolean canTranslate(Filter f) {
        if (f instanceof Filter.And a) {
            return a.children().stream().allMatch(this::canTranslate);
        }
        if (f instanceof Filter.Or o) {
            return o.children().stream().allMatch(this::canTranslate);
        }
        if (f instanceof Filter.Not n) {
            return canTranslate(n.child());
        }
        if (f instanceof Filter.Like l) {
            AttributeDef a = table.type().attribute(l.property());
            return a != null && likeable(a.type());
        }
        if (f instanceof Filter.TemporalFilter t) {
            return isSupportedTemporal(t.begin()) && (t.end() == null || isSupportedTemporal(t.end()));
        }
        return true;
    }

    /** A top-level AND split into the part SQL evaluates and the rest (INCLUDE when everything translates). */
    record Split(Filter pushed, Filter residual) {
    }

    Split split(Filter f) {
        if (canTranslate(f)) {
            return new Split(f, Filter.INCLUDE);
        }
        if (f instanceof Filter.And a) {
            List<Filter> pushed = new ArrayList<>();
            List<Filter> rest = new ArrayList<>();
            for (Filter c : a.children()) {
                (canTranslate(c) ? pushed : rest).add(c);
            }
            return new Split(Filters.and(pushed), Filters.and(rest));
        }
        return new Split(Filter.INCLUDE, f);
    }

    private static boolean likeable(AttributeType t) {
        return t == AttributeType.STRING || t == AttributeType.INTEGER || t == AttributeType.LONG;
    }

    private static boolean isSupportedTemporal(Temporal t) {
        return t instanceof LocalDate || t instanceof OffsetDateTime || t instanceof Instant
                || t instanceof LocalDateTime || t instanceof ZonedDateTime;
    }

    // ---- conditions

    /**
     * @param strict true inside a NOT: the result must never be SQL null
     */
    private String cond(Filter f, boolean strict, List<Object> p) {
        if (f instanceof Filter.Include) {
            return "TRUE";
        }
        if (f instanceof Filter.Exclude) {
            return "FALSE";
        }
        if (f instanceof Filter.And a) {
            return junction(a.children(), " AND ", "TRUE", strict, p);
        }
        if (f instanceof Filter.Or o) {
            return junction(o.children(), " OR ", "FALSE", strict, p);
        }
        if (f instanceof Filter.Not n) {
            return not(n, p);
        }
        if (f instanceof Filter.Compare c) {
            return compare(c, strict, p);
        }
        if (f instanceof Filter.Like l) {
            return like(l, strict, p);
        }
        if (f instanceof Filter.IsNull n) {
            String col = table.type().isGeometry(n.property()) ? q(table.geometryColumn()) : q(attr(n.property()).name());
            return col + " IS NULL";
        }
        if (f instanceof Filter.Between b) {
            AttributeDef a = attr(b.property());
            if (b.lower() == null || b.upper() == null) {
                return "FALSE";
            }
            p.add(b.lower());
            p.add(b.upper());
            return guard(strict, a, q(a.name()) + collateC(a) + " BETWEEN ? AND ?");
        }
        if (f instanceof Filter.In in) {
            AttributeDef a = attr(in.property());
            List<String> marks = new ArrayList<>();
            for (Object v : in.values()) {
                if (v != null) {
                    marks.add("?");
                    p.add(v);
                }
            }
            if (marks.isEmpty()) {
                return "FALSE";
            }
            return guard(strict, a, q(a.name()) + " IN (" + String.join(", ", marks) + ")");
        }
        if (f instanceof Filter.ResourceId r) {
            List<Long> ids = new ArrayList<>();
            for (String id : r.ids()) {
                Long fid = canonicalId(id);
                if (fid != null) {
                    ids.add(fid);
                }
            }
            if (ids.isEmpty()) {
                return "FALSE";
            }
            ids.sort(null);
            p.add(new Sql.Array("bigint", ids.toArray(new Long[0])));
            return q(table.idColumn()) + " = ANY(?)";
        }
        if (f instanceof Filter.Spatial s) {
            return spatial(s, strict, p);
        }
        if (f instanceof Filter.Distance d) {
            String g = q(table.geometryColumn());
            String lit = literal(d.literal(), p);
            p.add(d.distance());
            String expr = (d.beyond() ? "NOT " : "") + "ST_DWithin(" + g + ", " + lit + ", ?)";
            // Beyond of a null geometry is false in the evaluator; NOT(null) would be null, which is fine at the
            // top but not under another NOT, so the guard follows the usual strict rule.
            return strict ? "(" + g + " IS NOT NULL AND " + expr + ")" : expr;
        }
        if (f instanceof Filter.TemporalFilter t) {
            return temporal(t, strict, p);
        }
        throw new InvalidFilterException("unsupported filter " + f, null);
    }

    private String junction(List<Filter> children, String op, String empty, boolean strict, List<Object> p) {
        if (children.isEmpty()) {
            return empty;
        }
        List<String> parts = new ArrayList<>();
        for (Filter c : children) {
            parts.add(cond(c, strict, p));
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(op, parts) + ")";
    }

    /** NOT as the evaluator does it: false when the child's property is null, else the negated (strict) child. */
    private String not(Filter.Not n, List<Object> p) {
        Filter child = n.child();
        String inner = "NOT (" + cond(child, true, p) + ")";
        String prop = Filters.propertyOf(child);
        if (prop == null || child instanceof Filter.IsNull || table.type().isGeometry(prop)) {
            return inner;
        }
        return "(" + q(attr(prop).name()) + " IS NOT NULL AND " + inner + ")";
    }

    private String compare(Filter.Compare c, boolean strict, List<Object> p) {
        AttributeDef a = attr(c.property());
        Object lit = c.literal();
        if (lit == null) {
            return "FALSE";
        }
        String col = q(a.name());
        if (!c.matchCase() && lit instanceof String s) {
            col = "lower(" + col + ")";
            lit = s.toLowerCase(Locale.ROOT);
        }
        String op = switch (c.op()) {
            case EQ -> "=";
            case NE -> "<>";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
        };
        boolean ordering = c.op() != Filter.CompareOp.EQ && c.op() != Filter.CompareOp.NE;
        if (ordering && lit instanceof String) {
            col += " COLLATE \"C\"";
        }
        p.add(lit);
        return guard(strict, a, col + " " + op + " ?");
    }

    private String like(Filter.Like l, boolean strict, List<Object> p) {
        AttributeDef a = attr(l.property());
        if (!likeable(a.type())) {
            throw new InvalidFilterException("LIKE on " + a.type() + " is evaluated in memory", a.name());
        }
        String col = a.type() == AttributeType.STRING ? q(a.name()) : q(a.name()) + "::text";
        p.add(LikePattern.toSql(l, '\\'));
        return guard(strict, a, col + (l.matchCase() ? " LIKE" : " ILIKE") + " ? ESCAPE '\\'");
    }

    private String spatial(Filter.Spatial s, boolean strict, List<Object> p) {
        String g = q(table.geometryColumn());
        String lit = literal(s.literal(), p);
        String fn = switch (s.op()) {
            case BBOX, INTERSECTS -> "ST_Intersects";
            case EQUALS -> "ST_Equals";
            case DISJOINT -> "ST_Disjoint";
            case TOUCHES -> "ST_Touches";
            case CROSSES -> "ST_Crosses";
            case WITHIN -> "ST_Within";
            case CONTAINS -> "ST_Contains";
            case OVERLAPS -> "ST_Overlaps";
        };
        String expr = fn + "(" + g + ", " + lit + ")";
        return strict ? "(" + g + " IS NOT NULL AND " + expr + ")" : expr;
    }

    private String temporal(Filter.TemporalFilter t, boolean strict, List<Object> p) {
        AttributeDef a = attr(t.property());
        boolean dates = a.type() == AttributeType.DATE && t.begin() instanceof LocalDate
                && (t.end() == null || t.end() instanceof LocalDate);
        // The evaluator compares instants, a date being its UTC midnight.
        String col = a.type() == AttributeType.DATE && !dates
                ? "(" + q(a.name()) + "::timestamp AT TIME ZONE 'UTC')" : q(a.name());
        Object begin = dates ? t.begin() : utc(t.begin());
        String expr = switch (t.op()) {
            case AFTER -> col + " > ?";
            case BEFORE -> col + " < ?";
            case TEQUALS -> col + " = ?";
            case DURING -> col + " > ? AND " + col + " < ?";
        };
        p.add(begin);
        if (t.op() == Filter.TemporalOp.DURING) {
            p.add(dates ? t.end() : utc(t.end()));
            expr = "(" + expr + ")";
        }
        return guard(strict, a, expr);
    }

    private static OffsetDateTime utc(Temporal t) {
        if (t instanceof LocalDate d) {
            return d.atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (t instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (t instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (t instanceof LocalDateTime l) {
            return l.atOffset(ZoneOffset.UTC);
        }
        if (t instanceof ZonedDateTime z) {
            return z.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        throw new InvalidFilterException("not a date or time: " + t, null);
    }

    // ---- helpers

    private String guard(boolean strict, AttributeDef a, String expr) {
        return strict ? "(" + q(a.name()) + " IS NOT NULL AND " + expr + ")" : expr;
    }

    private String literal(Geometry g, List<Object> p) {
        p.add(new WKBWriter(2).write(g));
        return "ST_GeomFromWKB(?, " + table.srid() + ")";
    }

    private static String collateC(AttributeDef a) {
        return a.type() == AttributeType.STRING ? " COLLATE \"C\"" : "";
    }

    private AttributeDef attr(String property) {
        AttributeDef a = table.type().attribute(property);
        if (a == null) {
            throw new InvalidFilterException("unknown property '" + property + "' in " + table.type().name(), property);
        }
        return a;
    }

    private AttributeDef sortAttribute(String property) {
        AttributeDef a = table.type().attribute(property);
        if (a == null) {
            throw new InvalidFilterException("cannot sort " + table.type().name() + " by '" + property + "'", property);
        }
        return a;
    }

    /** The fid a feature id names, when it is the canonical decimal form of one (as the evaluator compares ids). */
    static Long canonicalId(String id) {
        if (id == null || id.isEmpty() || id.length() > 20) {
            return null;
        }
        try {
            long v = Long.parseLong(id);
            return Long.toString(v).equals(id) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String q(String identifier) {
        return LayerTable.quote(identifier);
    }
}
