package org.gengdi.core.filter.cql2;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.CompareOp;
import org.gengdi.core.filter.Filter.SpatialOp;
import org.gengdi.core.filter.Filter.TemporalOp;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.cql2.Cql2Terms.Lit;
import org.gengdi.core.filter.cql2.Cql2Terms.Operand;
import org.gengdi.core.filter.cql2.Cql2Terms.Prop;
import org.gengdi.core.filter.cql2.TemporalLiteralReader.TemporalValue;
import org.gengdi.core.filter.cql2.TemporalLiteralReader.TimeInstant;
import org.gengdi.core.filter.cql2.TemporalLiteralReader.TimeInterval;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Parses the JSON encoding of CQL2 (OGC 21-065r2, {@code filter-lang=cql2-json} in OGC API Features Part 3) into
 * the {@link Filter} AST, with the same meaning, limits and checks as {@link Cql2Text}: the same filter written in
 * either encoding gives an equal AST.
 *
 * <p>Accepted:
 * <ul>
 *   <li>{@code {"op": "and" | "or", "args": [e1, e2, …]}}, {@code {"op": "not", "args": [e]}}, {@code true} and
 *       {@code false};</li>
 *   <li>{@code {"op": "=" | "<>" | "<" | ">" | "<=" | ">=", "args": [a, b]}} with a property
 *       ({@code {"property": "DLBM"}}) on one side and a literal (string, number, boolean, {@code {"date": "…"}},
 *       {@code {"timestamp": "…"}}) on the other, either of them possibly wrapped in
 *       {@code {"op": "casei", "args": [x]}};</li>
 *   <li>{@code like} ({@code %}, {@code _}, escape {@code \}; the pattern possibly in {@code casei}),
 *       {@code between} (three arguments), {@code in} ({@code [property, [v1, v2, …]]}) and {@code isNull};</li>
 *   <li>{@code s_intersects, s_equals, s_disjoint, s_touches, s_within, s_overlaps, s_crosses, s_contains} with the
 *       geometry property and a GeoJSON geometry ({@code Point} … {@code GeometryCollection}) or a
 *       {@code {"bbox": [w, s, e, n]}} in either order;</li>
 *   <li>{@code t_after, t_before, t_equals} with an instant and {@code t_during} with
 *       {@code {"interval": [begin, end]}} (bounds {@code ".."} for open ends).</li>
 * </ul>
 * Arithmetic, functions, property-to-property comparisons, {@code accenti}, array operators and the other temporal
 * operators are refused with a {@link FilterParseException} naming the JSON location (a JSON pointer such as
 * {@code /args/1/args/0}).
 *
 * <p>Geometry coordinates are read in the axis order of {@link FilterContext#literalCrs()} (CRS84: longitude first;
 * {@code http://www.opengis.net/def/crs/EPSG/0/4490}: latitude first) and transformed into the layer's CRS. A
 * property name is only ever looked up in the schema, never evaluated; unknown and hidden names are refused alike.
 * The document may be at most {@link FilterContext#maxLength()} characters long, logical operators and
 * {@code casei} may nest at most {@link FilterContext#maxDepth()} levels, and the JSON reader itself refuses deeper
 * nesting before any tree is built, so no input can exhaust the stack. Duplicate member names are refused.
 */
public final class Cql2Json {
    private static final Map<String, CompareOp> COMPARISONS = Map.of("=", CompareOp.EQ, "<>", CompareOp.NE,
            "<", CompareOp.LT, "<=", CompareOp.LE, ">", CompareOp.GT, ">=", CompareOp.GE);
    private static final Map<String, SpatialOp> SPATIAL = Map.of("s_intersects", SpatialOp.INTERSECTS,
            "s_equals", SpatialOp.EQUALS, "s_disjoint", SpatialOp.DISJOINT, "s_touches", SpatialOp.TOUCHES,
            "s_within", SpatialOp.WITHIN, "s_overlaps", SpatialOp.OVERLAPS, "s_crosses", SpatialOp.CROSSES,
            "s_contains", SpatialOp.CONTAINS);
    private static final Map<String, TemporalOp> TEMPORAL = Map.of("t_after", TemporalOp.AFTER,
            "t_before", TemporalOp.BEFORE, "t_during", TemporalOp.DURING, "t_equals", TemporalOp.TEQUALS);
    private static final Set<String> ARITHMETIC = Set.of("+", "-", "*", "/", "^", "%", "div");
    /** JSON levels a geometry literal adds below its operator (object, coordinate arrays, collection members). */
    private static final int GEOMETRY_LEVELS = 12;

    private static final GeometryFactory GF = new GeometryFactory();
    /** Readers by nesting limit (at most {@link Cql2Text#HARD_MAX_DEPTH} of them; mappers are thread-safe). */
    private static final Map<Integer, ObjectMapper> MAPPERS = new ConcurrentHashMap<>();

    private Cql2Json() {
    }

    /**
     * The filter the document describes, validated against {@code ctx.type()} (property names in schema spelling,
     * literals coerced to the attribute types, geometries in the layer's CRS).
     *
     * @throws FilterParseException   for text that is not JSON, or JSON that is not a supported CQL2 expression
     *                                (with the JSON location), and for documents too long or too deep
     * @throws InvalidFilterException for unknown or hidden properties and literals that do not fit the attribute
     */
    public static Filter parse(String json, FilterContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (json == null || json.isBlank()) {
            throw new FilterParseException("empty filter", 0);
        }
        if (json.length() > ctx.maxLength()) {
            throw new FilterParseException("filter is " + json.length() + " characters long; at most "
                    + ctx.maxLength() + " are accepted", ctx.maxLength());
        }
        int maxNesting = Math.max(1, Math.min(ctx.maxDepth(), Cql2Text.HARD_MAX_DEPTH));
        JsonNode root = read(json, maxNesting);
        Filter parsed = new Reader(ctx, maxNesting).expression(root, "");
        Filter valid = FilterValidator.validate(parsed, ctx.type(), ctx.hidden());
        if (Filters.depth(valid) > ctx.maxDepth()) {
            throw new FilterParseException("filter nests logical operators " + Filters.depth(valid)
                    + " deep; at most " + ctx.maxDepth() + " levels are accepted");
        }
        return valid;
    }

    /** The JSON tree, read with limits: each logical level is two JSON levels ({@code {"args": [ … ]}}). */
    private static JsonNode read(String json, int maxNesting) {
        ObjectMapper mapper = MAPPERS.computeIfAbsent(maxNesting, Cql2Json::mapper);
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new FilterParseException("empty filter", 0);
            }
            return root;
        } catch (JsonProcessingException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof StreamConstraintsException) {
                    throw new FilterParseException("filter nests deeper than " + maxNesting
                            + " levels (each and, or, not and casei counts as one)");
                }
            }
            JsonLocation at = e.getLocation();
            int position = at == null || at.getCharOffset() < 0 ? -1
                    : (int) Math.min(at.getCharOffset(), json.length());
            throw new FilterParseException("not a CQL2 JSON document: " + syntaxProblem(e), position);
        }
    }

    /** A reader refusing JSON nested deeper than the filter may nest, duplicate members and trailing values. */
    private static ObjectMapper mapper(int maxNesting) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(2 * maxNesting + GEOMETRY_LEVELS)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    }

    /** Jackson's description of a syntax error, without the Java type names some of its messages carry. */
    private static String syntaxProblem(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "unreadable JSON";
        }
        if (m.startsWith("Trailing token")) {
            return "more than one JSON value";
        }
        if (m.startsWith("Duplicate field")) {
            return Token.echo(m.replaceAll("\\s*\\(.*", ""));
        }
        int newline = m.indexOf('\n');
        return Token.echo(newline < 0 ? m : m.substring(0, newline));
    }

    // ================================================================================================== reader

    /** One parse: the schema, the literal CRS and the nesting count. */
    private static final class Reader {
        private final FeatureType type;
        private final Set<String> hidden;
        private final CrsRef literalCrs;
        private final int maxNesting;
        private int nesting;

        Reader(FilterContext ctx, int maxNesting) {
            this.type = ctx.type();
            this.hidden = ctx.hidden();
            this.literalCrs = ctx.literalCrs();
            this.maxNesting = maxNesting;
        }

        // ------------------------------------------------------------------------------------------ logic

        Filter expression(JsonNode n, String path) {
            if (n.isBoolean()) {
                return n.booleanValue() ? Filter.INCLUDE : Filter.EXCLUDE;
            }
            if (!n.isObject()) {
                throw error("expected a CQL2 expression (an object with \"op\" and \"args\", or true/false) but "
                        + "found " + describe(n), path);
            }
            if (!n.has("op")) {
                if (n.has("property")) {
                    throw error("a property alone is not a filter; compare it with a value", path);
                }
                throw error("expected an object with \"op\" and \"args\"", path);
            }
            String op = op(n, path);
            List<JsonNode> args = args(n, path);
            switch (op) {
                case "and", "or" -> {
                    if (args.size() < 2) {
                        throw error("'" + op + "' needs at least 2 arguments, got " + args.size(), path);
                    }
                    enter(path);
                    List<Filter> children = new ArrayList<>(args.size());
                    for (int i = 0; i < args.size(); i++) {
                        children.add(expression(args.get(i), argPath(path, i)));
                    }
                    nesting--;
                    return op.equals("and") ? Filters.and(children) : Filters.or(children);
                }
                case "not" -> {
                    arity(op, args, 1, path);
                    enter(path);
                    Filter child = expression(args.get(0), argPath(path, 0));
                    nesting--;
                    return new Filter.Not(child);
                }
                case "like" -> {
                    return like(args, path);
                }
                case "between" -> {
                    return between(args, path);
                }
                case "in" -> {
                    return inList(args, path);
                }
                case "isNull" -> {
                    arity(op, args, 1, path);
                    Operand o = scalar(args.get(0), argPath(path, 0));
                    if (!(o instanceof Prop p)) {
                        throw error("isNull needs a property as its argument", argPath(path, 0));
                    }
                    return new Filter.IsNull(p.name());
                }
                default -> {
                    CompareOp cmp = COMPARISONS.get(op);
                    if (cmp != null) {
                        arity(op, args, 2, path);
                        return compare(cmp, scalar(args.get(0), argPath(path, 0)),
                                scalar(args.get(1), argPath(path, 1)), path);
                    }
                    SpatialOp spatial = SPATIAL.get(op);
                    if (spatial != null) {
                        arity(op, args, 2, path);
                        return spatial(op, spatial, args, path);
                    }
                    TemporalOp temporal = TEMPORAL.get(op);
                    if (temporal != null) {
                        arity(op, args, 2, path);
                        return temporal(op, temporal, args, path);
                    }
                    throw unsupported(op, path, "a filter");
                }
            }
        }

        private void enter(String path) {
            if (++nesting > maxNesting) {
                throw error("filter nests deeper than " + maxNesting
                        + " levels (each and, or, not and casei counts as one)", path);
            }
        }

        // ------------------------------------------------------------------------------------- predicates

        private Filter compare(CompareOp cmp, Operand left, Operand right, String path) {
            return Cql2Terms.compare(type, cmp, left, right, m -> error(m, path), m -> error(m, argPath(path, 0)));
        }

        private Filter like(List<JsonNode> args, String path) {
            arity("like", args, 2, path);
            Prop p = property(scalar(args.get(0), argPath(path, 0)), "like", argPath(path, 0));
            boolean[] caseInsensitive = {p.caseInsensitive()};
            String pattern = pattern(args.get(1), argPath(path, 1), caseInsensitive);
            return new Filter.Like(p.name(), pattern, '%', '_', '\\', !caseInsensitive[0]);
        }

        /** A like pattern: a string, possibly in {@code casei} (which sets {@code caseInsensitive[0]}). */
        private String pattern(JsonNode n, String path, boolean[] caseInsensitive) {
            if (n.isTextual()) {
                return n.textValue();
            }
            if (n.isObject() && n.has("op")) {
                String op = op(n, path);
                if (op.equals("casei")) {
                    List<JsonNode> args = args(n, path);
                    arity(op, args, 1, path);
                    enter(path);
                    caseInsensitive[0] = true;
                    String p = pattern(args.get(0), argPath(path, 0), caseInsensitive);
                    nesting--;
                    return p;
                }
                if (op.equals("accenti")) {
                    throw accentInsensitive(path);
                }
            }
            throw error("expected a pattern string but found " + describe(n), path);
        }

        private Filter between(List<JsonNode> args, String path) {
            arity("between", args, 3, path);
            Prop p = property(scalar(args.get(0), argPath(path, 0)), "between", argPath(path, 0));
            if (p.caseInsensitive()) {
                throw error("casei is not supported with between", argPath(path, 0));
            }
            Lit lower = literal(args.get(1), argPath(path, 1), "a lower bound");
            Lit upper = literal(args.get(2), argPath(path, 2), "an upper bound");
            return new Filter.Between(p.name(), value(p, lower), value(p, upper));
        }

        private Filter inList(List<JsonNode> args, String path) {
            arity("in", args, 2, path);
            Prop p = property(scalar(args.get(0), argPath(path, 0)), "in", argPath(path, 0));
            JsonNode list = args.get(1);
            String listPath = argPath(path, 1);
            if (!list.isArray()) {
                throw error("'in' needs an array of values as its second argument but found " + describe(list),
                        listPath);
            }
            if (list.isEmpty()) {
                throw error("'in' needs at least one value", listPath);
            }
            List<Lit> values = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                values.add(literal(list.get(i), listPath + "/" + i, "a value"));
            }
            return Cql2Terms.in(type, p, values);
        }

        // --------------------------------------------------------------------------------------- operands

        private Operand scalar(JsonNode n, String path) {
            if (n.isObject() && n.has("property")) {
                return propertyRef(n, path);
            }
            if (n.isObject() && n.has("op")) {
                String op = op(n, path);
                if (op.equals("casei")) {
                    List<JsonNode> args = args(n, path);
                    arity(op, args, 1, path);
                    enter(path);
                    Operand o = scalar(args.get(0), argPath(path, 0));
                    nesting--;
                    if (o instanceof Prop p) {
                        return p.caseInsensitively();
                    }
                    Lit l = (Lit) o;
                    return l.caseInsensitively();
                }
                if (op.equals("accenti")) {
                    throw accentInsensitive(path);
                }
                throw unsupported(op, path, "a value");
            }
            return literal(n, path, "a property or a literal");
        }

        /** A string, number, boolean, date or timestamp literal, possibly in casei. */
        private Lit literal(JsonNode n, String path, String what) {
            if (n.isTextual()) {
                return new Lit(n.textValue(), n.textValue(), -1, false);
            }
            if (n.isNumber()) {
                return number(n, path);
            }
            if (n.isBoolean()) {
                return new Lit(n.booleanValue(), n.booleanValue() ? "TRUE" : "FALSE", -1, false);
            }
            if (n.isNull()) {
                throw error("null is not a value; test for it with isNull", path);
            }
            if (n.isObject()) {
                if (n.has("date") && n.size() == 1) {
                    Temporal d = temporal(n.get("date"), path + "/date", true);
                    return new Lit(d, d.toString(), -1, false);
                }
                if (n.has("timestamp") && n.size() == 1) {
                    Temporal t = temporal(n.get("timestamp"), path + "/timestamp", false);
                    return new Lit(t, t.toString(), -1, false);
                }
                if (n.has("op") && op(n, path).equals("casei")) {
                    Operand o = scalar(n, path);
                    if (o instanceof Lit l) {
                        return l;
                    }
                    throw error("expected " + what + " but found a property; comparing two properties is not "
                            + "supported", path);
                }
                if (n.has("property")) {
                    throw error("expected " + what + " but found a property; comparing two properties is not "
                            + "supported", path);
                }
                if (n.has("interval")) {
                    throw error("an interval is only allowed in t_during, t_after and t_before", path);
                }
                if (n.has("type") || n.has("bbox")) {
                    throw error("a geometry is only allowed in a spatial operator such as s_intersects", path);
                }
                if (n.has("op")) {
                    throw unsupported(op(n, path), path, what);
                }
            }
            throw error("expected " + what + " but found " + describe(n), path);
        }

        private Lit number(JsonNode n, String path) {
            String text = n.asText();
            if (n.isIntegralNumber() && n.canConvertToLong()) {
                return new Lit(n.longValue(), text, -1, false);
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw error("number out of range: " + Token.echo(text), path);
            }
            return new Lit(d, text, -1, false);
        }

        /** A literal's value as the attribute expects it: numbers for string attributes keep their spelling. */
        private Object value(Prop p, Lit l) {
            return Cql2Terms.value(type, p, l);
        }

        private Prop property(Operand o, String operator, String path) {
            if (o instanceof Prop p) {
                return p;
            }
            throw error("'" + operator + "' needs a property as its first argument", path);
        }

        /**
         * {@code {"property": "NAME"}}, resolved against the schema — only ever looked up, never evaluated. Unknown
         * and hidden names are refused alike, so the refusal does not reveal that a hidden field exists.
         */
        private Prop propertyRef(JsonNode n, String path) {
            only(n, path, "property");
            JsonNode v = n.get("property");
            if (!v.isTextual()) {
                throw error("a property name must be a string, not " + describe(v), path + "/property");
            }
            return Cql2Terms.property(type, hidden, v.textValue(), -1, where(path + "/property"));
        }

        // ---------------------------------------------------------------------------------------- spatial

        /** {@code s_op(a, b)}: one argument the geometry property, the other a literal (already in the layer CRS). */
        private Filter spatial(String name, SpatialOp op, List<JsonNode> args, String path) {
            Object a = geometryArgument(args.get(0), argPath(path, 0));
            Object b = geometryArgument(args.get(1), argPath(path, 1));
            if (a instanceof String property && b instanceof Geometry literal) {
                return new Filter.Spatial(property, op, literal);
            }
            if (a instanceof Geometry literal && b instanceof String property) {
                // op(literal, property): within and contains change places; the other operators are symmetric
                SpatialOp swapped = op == SpatialOp.WITHIN ? SpatialOp.CONTAINS
                        : op == SpatialOp.CONTAINS ? SpatialOp.WITHIN : op;
                return new Filter.Spatial(property, swapped, literal);
            }
            throw error("'" + name + "' needs the geometry property (" + type.geometryName()
                    + ") as one argument and a geometry literal as the other", path);
        }

        /** The geometry property's name (a String) or a literal transformed into the layer CRS (a Geometry). */
        private Object geometryArgument(JsonNode n, String path) {
            if (n.isObject() && n.has("property")) {
                Prop p = propertyRef(n, path);
                if (!type.isGeometry(p.name())) {
                    throw new InvalidFilterException("'" + p.name() + "' is not the geometry property of "
                            + type.name() + " (" + type.geometryName() + ") (at " + where(path) + ")", p.name());
                }
                return p.name();
            }
            if (n.isObject() && n.has("bbox")) {
                only(n, path, "bbox");
                return toLayer(null, box(n.get("bbox"), path + "/bbox"), path);
            }
            if (n.isObject() && n.has("type")) {
                Geometry g = geometry(n, path, true);
                check(g, path);
                return toLayer(g, null, path);
            }
            if (n.isObject() && n.has("op")) {
                throw unsupported(op(n, path), path, "a geometry");
            }
            throw error("expected the geometry property or a geometry (GeoJSON or {\"bbox\": […]}) but found "
                    + describe(n), path);
        }

        /** A GeoJSON geometry in the literal CRS's axis order, returned x = east, y = north. */
        private Geometry geometry(JsonNode n, String path, boolean collectionAllowed) {
            JsonNode t = n.get("type");
            if (t == null || !t.isTextual()) {
                throw error("a GeoJSON geometry needs a \"type\"", path);
            }
            String kind = t.textValue();
            if (kind.equals("GeometryCollection")) {
                only(n, path, "type", "geometries", "bbox");
                if (!collectionAllowed) {
                    throw error("a GeometryCollection cannot contain a GeometryCollection", path);
                }
                JsonNode members = array(n.get("geometries"), path + "/geometries", "\"geometries\"");
                List<Geometry> parts = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) {
                    JsonNode m = members.get(i);
                    String p = path + "/geometries/" + i;
                    if (!m.isObject()) {
                        throw error("expected a GeoJSON geometry but found " + describe(m), p);
                    }
                    parts.add(geometry(m, p, false));
                }
                return GF.createGeometryCollection(parts.toArray(new Geometry[0]));
            }
            only(n, path, "type", "coordinates", "bbox");
            JsonNode c = n.get("coordinates");
            String cp = path + "/coordinates";
            if (c == null) {
                throw error("a GeoJSON " + Token.echo(kind) + " needs \"coordinates\"", path);
            }
            return switch (kind) {
                case "Point" -> GF.createPoint(position(c, cp));
                case "LineString" -> lineString(c, cp);
                case "Polygon" -> polygon(c, cp);
                case "MultiPoint" -> {
                    JsonNode ps = array(c, cp, "a list of positions");
                    Point[] points = new Point[ps.size()];
                    for (int i = 0; i < points.length; i++) {
                        points[i] = GF.createPoint(position(ps.get(i), cp + "/" + i));
                    }
                    yield GF.createMultiPoint(points);
                }
                case "MultiLineString" -> {
                    JsonNode ls = array(c, cp, "a list of lines");
                    LineString[] lines = new LineString[ls.size()];
                    for (int i = 0; i < lines.length; i++) {
                        lines[i] = lineString(ls.get(i), cp + "/" + i);
                    }
                    yield GF.createMultiLineString(lines);
                }
                case "MultiPolygon" -> {
                    JsonNode ps = array(c, cp, "a list of polygons");
                    Polygon[] polygons = new Polygon[ps.size()];
                    for (int i = 0; i < polygons.length; i++) {
                        polygons[i] = polygon(ps.get(i), cp + "/" + i);
                    }
                    yield GF.createMultiPolygon(polygons);
                }
                default -> throw error("unknown GeoJSON geometry type '" + Token.echo(kind) + "'; expected Point, "
                        + "LineString, Polygon, MultiPoint, MultiLineString, MultiPolygon or GeometryCollection",
                        path + "/type");
            };
        }

        private JsonNode array(JsonNode n, String path, String what) {
            if (n == null || !n.isArray()) {
                throw error("expected " + what + " (an array) but found " + (n == null ? "nothing" : describe(n)),
                        path);
            }
            if (n.isEmpty()) {
                throw error("empty geometries are not supported", path);
            }
            return n;
        }

        private Coordinate position(JsonNode n, String path) {
            if (!n.isArray() || n.size() < 2 || n.size() > 3) {
                throw error("a position is an array of 2 (or 3) numbers, not " + describe(n), path);
            }
            double a = coordinate(n.get(0), path + "/0");
            double b = coordinate(n.get(1), path + "/1");
            if (n.size() == 3) {
                coordinate(n.get(2), path + "/2");      // read and dropped: filters are two-dimensional
            }
            return CrsRegistry.coordinate(a, b, literalCrs.axisOrder());
        }

        private double coordinate(JsonNode n, String path) {
            if (!n.isNumber() || !Double.isFinite(n.doubleValue())) {
                throw error("a coordinate must be a finite number, not " + describe(n), path);
            }
            return n.doubleValue();
        }

        private Coordinate[] positions(JsonNode n, String path) {
            JsonNode ps = array(n, path, "a list of positions");
            Coordinate[] cs = new Coordinate[ps.size()];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = position(ps.get(i), path + "/" + i);
            }
            return cs;
        }

        private LineString lineString(JsonNode n, String path) {
            Coordinate[] cs = positions(n, path);
            if (cs.length < 2) {
                throw error("a line needs at least 2 positions", path);
            }
            return GF.createLineString(cs);
        }

        private Polygon polygon(JsonNode n, String path) {
            JsonNode rs = array(n, path, "a list of rings");
            LinearRing[] rings = new LinearRing[rs.size()];
            for (int i = 0; i < rings.length; i++) {
                String rp = path + "/" + i;
                Coordinate[] cs = positions(rs.get(i), rp);
                if (cs.length < 4) {
                    throw error("a polygon ring needs at least 4 positions", rp);
                }
                if (!cs[0].equals2D(cs[cs.length - 1])) {
                    throw error("a polygon ring must be closed (its last position equal to its first)", rp);
                }
                rings[i] = GF.createLinearRing(cs);
            }
            return GF.createPolygon(rings[0], Arrays.copyOfRange(rings, 1, rings.length));
        }

        /** {@code [w, s, e, n]} or {@code [w, s, zmin, e, n, zmax]} in the literal CRS's axis order. */
        private Envelope box(JsonNode n, String path) {
            if (!n.isArray() || (n.size() != 4 && n.size() != 6)) {
                throw error("a bbox needs 4 numbers (west, south, east, north) or 6 (west, south, min z, east, "
                        + "north, max z), not " + describe(n), path);
            }
            boolean six = n.size() == 6;
            double[] v = new double[n.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = coordinate(n.get(i), path + "/" + i);
            }
            double[] written = {v[0], v[1], v[six ? 3 : 2], v[six ? 4 : 3]};
            AxisOrder order = literalCrs.axisOrder();
            boolean eastOk = order == AxisOrder.NORTH_EAST ? written[1] <= written[3] : written[0] <= written[2];
            boolean northOk = order == AxisOrder.NORTH_EAST ? written[0] <= written[2] : written[1] <= written[3];
            if (!eastOk || !northOk) {
                throw error("bbox corners are out of order: expected " + (order == AxisOrder.NORTH_EAST
                        ? "(south, west, north, east) in this latitude-first CRS" : "(west, south, east, north)")
                        + " with the first corner south-west of the second (boxes across the antimeridian are "
                        + "not supported)", path);
            }
            return CrsRegistry.envelope(written[0], written[1], written[2], written[3], order);
        }

        /** Rejects invalid polygons: spatial operators give no meaningful answer for them. */
        private void check(Geometry g, String path) {
            if (g.getDimension() < 2) {
                return;
            }
            TopologyValidationError err = new IsValidOp(g).getValidationError();
            if (err != null) {
                Coordinate c = err.getCoordinate();
                String near = c == null ? "" : " near (" + c.x + " " + c.y + ")";
                throw error("the geometry is not valid: " + err.getMessage() + near, path);
            }
        }

        /** A literal transformed from the literal CRS into the layer's; boxes as envelopes (edges densified). */
        private Geometry toLayer(Geometry geometry, Envelope box, String path) {
            int to = type.srid();
            try {
                CrsTransform t = CrsRegistry.get().transform(literalCrs.srid(), to);
                Geometry g;
                if (box != null) {
                    Envelope e = t.transform(box);
                    if (e.isNull()) {
                        throw error("the box lies outside the area EPSG:" + to + " can describe", path);
                    }
                    g = GF.toGeometry(e);
                } else {
                    g = t.transform(geometry);
                }
                g.setSRID(to);
                return g;
            } catch (FilterParseException e) {
                throw e;
            } catch (IllegalArgumentException e) {      // CoordinateTransformException, UnknownCrsException
                throw error("cannot transform the geometry from " + Token.echo(literalCrs.text()) + " to EPSG:"
                        + to + ": " + e.getMessage(), path);
            }
        }

        // --------------------------------------------------------------------------------------- temporal

        /** An instant or an interval; bounds of an interval are null where it is open. */
        private record Time(Temporal begin, Temporal end, boolean interval) {
        }

        /** {@code t_op(a, b)} with the property on either side. */
        private Filter temporal(String name, TemporalOp op, List<JsonNode> args, String path) {
            Object a = temporalArgument(args.get(0), argPath(path, 0));
            Object b = temporalArgument(args.get(1), argPath(path, 1));
            if (a instanceof Prop p && b instanceof Time v) {
                return temporal(p, op, v, name, path);
            }
            if (b instanceof Prop p && a instanceof Time v) {
                TemporalOp swapped = switch (op) {
                    case AFTER -> TemporalOp.BEFORE;
                    case BEFORE -> TemporalOp.AFTER;
                    case TEQUALS -> TemporalOp.TEQUALS;
                    case DURING -> throw error("t_during(…, property) asks whether a time lies during an instant; "
                            + "write t_during(property, interval)", path);
                };
                return temporal(p, swapped, v, name, path);
            }
            throw error("'" + name + "' needs a date or time property as one argument and a date, timestamp or "
                    + "interval as the other", path);
        }

        private Object temporalArgument(JsonNode n, String path) {
            if (n.isObject() && n.has("property")) {
                return propertyRef(n, path);
            }
            if (n.isObject() && n.size() == 1 && n.has("date")) {
                Temporal d = temporal(n.get("date"), path + "/date", true);
                return new Time(d, null, false);
            }
            if (n.isObject() && n.size() == 1 && n.has("timestamp")) {
                Temporal t = temporal(n.get("timestamp"), path + "/timestamp", false);
                return new Time(t, null, false);
            }
            if (n.isObject() && n.size() == 1 && n.has("interval")) {
                JsonNode i = n.get("interval");
                String ip = path + "/interval";
                if (!i.isArray() || i.size() != 2) {
                    throw error("an interval is an array of 2 bounds, not " + describe(i), ip);
                }
                Temporal begin = bound(i.get(0), ip + "/0");
                Temporal end = bound(i.get(1), ip + "/1");
                if (begin != null && end != null
                        && TemporalLiteralReader.toInstant(begin).isAfter(TemporalLiteralReader.toInstant(end))) {
                    throw error("the interval ends before it begins", ip);
                }
                return new Time(begin, end, true);
            }
            if (n.isObject() && n.has("op")) {
                throw unsupported(op(n, path), path, "a date, timestamp or interval");
            }
            throw error("expected a property, {\"date\": …}, {\"timestamp\": …} or {\"interval\": […]} but found "
                    + describe(n), path);
        }

        /** An interval bound: {@code ".."}, a date or timestamp string, or a date/timestamp object. */
        private Temporal bound(JsonNode n, String path) {
            if (n.isTextual()) {
                String s = n.textValue();
                if (s.equals("..")) {
                    return null;
                }
                try {
                    return TemporalLiteralReader.instant(s, -1);
                } catch (FilterParseException e) {
                    throw error(e.getMessage(), path);
                }
            }
            if (n.isObject() && n.size() == 1 && n.has("date")) {
                return temporal(n.get("date"), path + "/date", true);
            }
            if (n.isObject() && n.size() == 1 && n.has("timestamp")) {
                return temporal(n.get("timestamp"), path + "/timestamp", false);
            }
            if (n.isObject() && n.has("property")) {
                throw error("an interval bound cannot be a property", path);
            }
            throw error("expected an interval bound ('2020-01-01', '2020-01-01T00:00:00Z' or '..') but found "
                    + describe(n), path);
        }

        private Temporal temporal(JsonNode n, String path, boolean date) {
            if (n == null || !n.isTextual()) {
                throw error("expected a quoted " + (date ? "date such as \"2020-01-31\"" : "timestamp such as "
                        + "\"2020-01-31T08:00:00Z\"") + " but found " + (n == null ? "nothing" : describe(n)), path);
            }
            try {
                return date ? TemporalLiteralReader.date(n.textValue(), -1)
                        : TemporalLiteralReader.timestamp(n.textValue(), -1);
            } catch (FilterParseException e) {
                throw error(e.getMessage(), path);
            }
        }

        private Filter temporal(Prop p, TemporalOp op, Time arg, String name, String path) {
            TemporalValue value = arg.interval() ? new TimeInterval(arg.begin(), arg.end())
                    : new TimeInstant(arg.begin());
            return Cql2Terms.temporal(p, op, value, "'" + name + "'", "t_during", m -> error(m, path));
        }

        // ----------------------------------------------------------------------------------------- shared

        /** The {@code "op"} member, which must be a string. */
        private String op(JsonNode n, String path) {
            JsonNode op = n.get("op");
            if (!op.isTextual()) {
                throw error("\"op\" must be a string, not " + describe(op), path + "/op");
            }
            return op.textValue();
        }

        /** The {@code "args"} array of an operator object, which has no other members. */
        private List<JsonNode> args(JsonNode n, String path) {
            only(n, path, "op", "args");
            JsonNode args = n.get("args");
            if (args == null || !args.isArray()) {
                throw error("'" + Token.echo(n.get("op").asText()) + "' needs an \"args\" array", path);
            }
            List<JsonNode> out = new ArrayList<>(args.size());
            args.forEach(out::add);
            return out;
        }

        private void arity(String op, List<JsonNode> args, int expected, String path) {
            if (args.size() != expected) {
                throw error("'" + op + "' needs " + expected + " argument" + (expected == 1 ? "" : "s") + ", got "
                        + args.size(), path);
            }
        }

        /** Refuses members other than the allowed ones (a misspelt member must not be silently ignored). */
        private void only(JsonNode n, String path, String... allowed) {
            Iterator<String> names = n.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                boolean ok = false;
                for (String a : allowed) {
                    ok |= a.equals(name);
                }
                if (!ok) {
                    throw error("unexpected member \"" + Token.echo(name) + "\"; expected only "
                            + String.join(", ", allowed), path);
                }
            }
        }

        private FilterParseException unsupported(String op, String path, String expected) {
            String lower = op.toLowerCase(Locale.ROOT);
            if (ARITHMETIC.contains(op)) {
                return error("arithmetic ('" + op + "') is not supported", path);
            }
            if (lower.startsWith("t_")) {
                return error("temporal operator '" + Token.echo(op) + "' is not supported; supported are t_after, "
                        + "t_before, t_during and t_equals", path);
            }
            if (lower.startsWith("a_")) {
                return error("array operators such as '" + Token.echo(op) + "' are not supported", path);
            }
            if (lower.equals("casei")) {
                return error("casei(…) is a value, not a filter; compare it with =, like or in", path);
            }
            if (lower.equals("accenti")) {
                return accentInsensitive(path);
            }
            if (COMPARISONS.containsKey(op) || SPATIAL.containsKey(op) || TEMPORAL.containsKey(op)
                    || Set.of("and", "or", "not", "like", "between", "in", "isNull").contains(op)) {
                return error("expected " + expected + " but found the predicate '" + op + "'", path);
            }
            if (!op.equals(lower) && (SPATIAL.containsKey(lower) || TEMPORAL.containsKey(lower)
                    || Set.of("and", "or", "not", "like", "between", "in").contains(lower))) {
                return error("unknown operator '" + Token.echo(op) + "'; CQL2 JSON operators are lower case ('"
                        + lower + "')", path);
            }
            return error("unknown function '" + Token.echo(op) + "'", path);
        }

        private FilterParseException accentInsensitive(String path) {
            return error("accenti (accent-insensitive comparison) is not supported; Chinese text has no accents "
                    + "to ignore", path);
        }
    }

    // ================================================================================================ helpers

    private static String argPath(String path, int i) {
        return path + "/args/" + i;
    }

    private static String where(String path) {
        return path.isEmpty() ? "the top level" : path;
    }

    private static FilterParseException error(String message, String path) {
        return new FilterParseException(message + " (at " + where(path) + ")");
    }

    /** How a JSON value reads in an error message. */
    private static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "string \"" + Token.echo(n.textValue()) + "\"";
        }
        if (n.isNumber()) {
            return "number " + Token.echo(n.asText());
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isNull()) {
            return "null";
        }
        if (n.isArray()) {
            return "an array of " + n.size();
        }
        return "an object";
    }
}
