package org.gengdi.core.filter.cql2;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsDefinition;
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
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.cql2.Cql2Terms.Lit;
import org.gengdi.core.filter.cql2.Cql2Terms.Operand;
import org.gengdi.core.filter.cql2.Cql2Terms.Prop;
import org.gengdi.core.filter.cql2.TemporalLiteralReader.TemporalValue;
import org.gengdi.core.filter.cql2.Token.Kind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The recursive-descent parser behind {@link Cql2Text}: one method per grammar rule, property names checked against
 * the schema as they are read, geometry literals transformed into the layer's CRS as they are read. Nesting is
 * counted on the way down, so hostile input is refused before the stack is at risk.
 */
final class Cql2Parser {
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS",
            "NULL", "INCLUDE", "EXCLUDE");

    private static final Map<String, SpatialOp> SPATIAL = Map.ofEntries(
            Map.entry("S_INTERSECTS", SpatialOp.INTERSECTS), Map.entry("INTERSECTS", SpatialOp.INTERSECTS),
            Map.entry("S_EQUALS", SpatialOp.EQUALS), Map.entry("EQUALS", SpatialOp.EQUALS),
            Map.entry("S_DISJOINT", SpatialOp.DISJOINT), Map.entry("DISJOINT", SpatialOp.DISJOINT),
            Map.entry("S_TOUCHES", SpatialOp.TOUCHES), Map.entry("TOUCHES", SpatialOp.TOUCHES),
            Map.entry("S_WITHIN", SpatialOp.WITHIN), Map.entry("WITHIN", SpatialOp.WITHIN),
            Map.entry("S_OVERLAPS", SpatialOp.OVERLAPS), Map.entry("OVERLAPS", SpatialOp.OVERLAPS),
            Map.entry("S_CROSSES", SpatialOp.CROSSES), Map.entry("CROSSES", SpatialOp.CROSSES),
            Map.entry("S_CONTAINS", SpatialOp.CONTAINS), Map.entry("CONTAINS", SpatialOp.CONTAINS));

    private static final Map<String, TemporalOp> TEMPORAL_FUNCTIONS = Map.of("T_AFTER", TemporalOp.AFTER,
            "T_BEFORE", TemporalOp.BEFORE, "T_DURING", TemporalOp.DURING, "T_EQUALS", TemporalOp.TEQUALS);
    /** ECQL's infix temporal operators: {@code property AFTER instant}, {@code property DURING period}. */
    private static final Map<String, TemporalOp> TEMPORAL_INFIX = Map.of("AFTER", TemporalOp.AFTER,
            "BEFORE", TemporalOp.BEFORE, "DURING", TemporalOp.DURING, "TEQUALS", TemporalOp.TEQUALS);
    private static final String TEMPORAL_SUPPORTED = "T_AFTER, T_BEFORE, T_DURING and T_EQUALS";

    private static final GeometryFactory GF = new GeometryFactory();

    private final TokenCursor in;
    private final GeometryLiteralReader geometries;
    private final TemporalLiteralReader temporals;
    private final FeatureType type;
    private final Set<String> hidden;
    private final CrsRef literalCrs;
    private final int maxNesting;
    private int nesting;

    Cql2Parser(String text, FilterContext ctx, int maxNesting) {
        this.in = new TokenCursor(text);
        this.geometries = new GeometryLiteralReader(in);
        this.temporals = new TemporalLiteralReader(in);
        this.type = ctx.type();
        this.hidden = ctx.hidden();
        this.literalCrs = ctx.literalCrs();
        this.maxNesting = maxNesting;
    }

    /** The whole text as one filter (not yet validated). */
    Filter parse() {
        Filter f = orExpression();
        if (!in.at(Kind.EOF)) {
            throw in.expected(in.at(Kind.RPAREN) ? "end of filter (unbalanced ')')" : "AND, OR or end of filter");
        }
        return f;
    }

    // ---------------------------------------------------------------------------------------------- logic

    private Filter orExpression() {
        List<Filter> terms = new ArrayList<>();
        terms.add(andExpression());
        while (in.acceptKeyword("OR")) {
            terms.add(andExpression());
        }
        return terms.size() == 1 ? terms.get(0) : Filters.or(terms);
    }

    private Filter andExpression() {
        List<Filter> factors = new ArrayList<>();
        factors.add(notExpression());
        while (in.acceptKeyword("AND")) {
            factors.add(notExpression());
        }
        return factors.size() == 1 ? factors.get(0) : Filters.and(factors);
    }

    private Filter notExpression() {
        if (in.atKeyword("NOT")) {
            enter(in.next());
            Filter f = new Filter.Not(notExpression());
            nesting--;
            return f;
        }
        return primary();
    }

    private Filter primary() {
        Token t = in.peek();
        if (t.is(Kind.LPAREN)) {
            enter(in.next());
            Filter f = orExpression();
            in.expect(Kind.RPAREN, "')'");
            nesting--;
            return f;
        }
        String kw = t.keyword();
        if (kw == null) {
            return predicate();
        }
        if (in.peek(1).is(Kind.LPAREN)) {
            SpatialOp spatial = SPATIAL.get(kw);
            if (spatial != null) {
                return spatial(in.next(), spatial);
            }
            TemporalOp temporal = TEMPORAL_FUNCTIONS.get(kw);
            if (temporal != null) {
                return temporalFunction(in.next(), temporal);
            }
            switch (kw) {
                case "BBOX":
                    return bbox(in.next());
                case "DWITHIN":
                    return distance(in.next(), false);
                case "BEYOND":
                    return distance(in.next(), true);
                case "IN":
                    return resourceIds(in.next());
                case "CASEI", "ACCENTI", "DATE", "TIMESTAMP", "INTERVAL":
                    return predicate();
                default:
                    throw unknownFunction(t);
            }
        }
        switch (kw) {
            case "INCLUDE":
                in.next();
                return Filter.INCLUDE;
            case "EXCLUDE":
                in.next();
                return Filter.EXCLUDE;
            case "TRUE", "FALSE":
                if (!isComparison(in.peek(1))) {
                    in.next();
                    return kw.equals("TRUE") ? Filter.INCLUDE : Filter.EXCLUDE;
                }
                return predicate();
            default:
                return predicate();
        }
    }

    private void enter(Token at) {
        if (++nesting > maxNesting) {
            throw new FilterParseException("filter nests deeper than " + maxNesting
                    + " levels (each parenthesis, NOT and CASEI counts as one)", at.start());
        }
    }

    // ------------------------------------------------------------------------------------------ predicates

    /** {@code operand} followed by a comparison, LIKE, BETWEEN, IN, IS NULL or an ECQL temporal operator. */
    private Filter predicate() {
        Operand left = operand();
        Token op = in.peek();
        if (isComparison(op)) {
            in.next();
            Operand right = operand();
            return compare(left, op, right);
        }
        boolean negated = false;
        if (op.isKeyword("NOT")) {
            String after = in.peek(1).keyword();
            if (after != null && (after.equals("LIKE") || after.equals("ILIKE") || after.equals("BETWEEN")
                    || after.equals("IN"))) {
                in.next();
                negated = true;
                op = in.peek();
            }
        }
        String kw = op.keyword();
        Filter f;
        if (kw == null) {
            throw expectedOperator();
        }
        switch (kw) {
            case "LIKE", "ILIKE" -> f = like(left, in.next());
            case "BETWEEN" -> f = between(left, in.next());
            case "IN" -> f = inList(left, in.next());
            case "IS" -> {
                in.next();
                boolean not = in.acceptKeyword("NOT");
                in.expectKeyword("NULL");
                f = new Filter.IsNull(property(left, op, "IS NULL").name());
                return not ? new Filter.Not(f) : f;
            }
            default -> {
                TemporalOp t = TEMPORAL_INFIX.get(kw);
                if (t == null) {
                    throw expectedOperator();
                }
                in.next();
                Prop p = property(left, op, kw);
                TemporalValue arg = t == TemporalOp.DURING ? temporals.period() : temporals.instant(kw);
                return temporal(p, t, arg, op, kw);
            }
        }
        return negated ? new Filter.Not(f) : f;
    }

    private FilterParseException expectedOperator() {
        return in.expected("a comparison operator (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL");
    }

    private static boolean isComparison(Token t) {
        return switch (t.kind()) {
            case EQ, NE, LT, LE, GT, GE -> true;
            default -> false;
        };
    }

    private Filter compare(Operand left, Token op, Operand right) {
        CompareOp cmp = switch (op.kind()) {
            case EQ -> CompareOp.EQ;
            case NE -> CompareOp.NE;
            case LT -> CompareOp.LT;
            case LE -> CompareOp.LE;
            case GT -> CompareOp.GT;
            default -> CompareOp.GE;
        };
        return Cql2Terms.compare(type, cmp, left, right, m -> new FilterParseException(m, op.start()),
                m -> new FilterParseException(m, left.position()));
    }

    private Filter like(Operand left, Token op) {
        Prop p = property(left, op, op.keyword());
        boolean caseInsensitive = op.isKeyword("ILIKE") || p.caseInsensitive();
        Token t = in.peek();
        String pattern;
        if (t.isKeyword("CASEI") && in.peek(1).is(Kind.LPAREN)) {
            in.next();
            in.next();
            pattern = in.expect(Kind.STRING, "a pattern string").text();
            in.expect(Kind.RPAREN, "')'");
            caseInsensitive = true;
        } else if (t.isKeyword("ACCENTI") && in.peek(1).is(Kind.LPAREN)) {
            throw accentInsensitive(t);
        } else {
            pattern = in.expect(Kind.STRING, "a pattern string after " + op.keyword()).text();
        }
        return new Filter.Like(p.name(), pattern, '%', '_', '\\', !caseInsensitive);
    }

    private Filter between(Operand left, Token op) {
        Prop p = property(left, op, "BETWEEN");
        if (p.caseInsensitive()) {
            throw new FilterParseException("CASEI is not supported with BETWEEN", p.position());
        }
        Lit lower = literal("a lower bound");
        in.expectKeyword("AND");
        Lit upper = literal("an upper bound");
        return new Filter.Between(p.name(), value(p, lower), value(p, upper));
    }

    private Filter inList(Operand left, Token op) {
        Prop p = property(left, op, "IN");
        in.expect(Kind.LPAREN, "'(' after IN");
        List<Lit> values = new ArrayList<>();
        do {
            values.add(literal("a value"));
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RPAREN, "',' or ')'");
        return Cql2Terms.in(type, p, values);
    }

    /** ECQL's feature-id filter {@code IN ('RED_LINE.1', 'RED_LINE.2')}. */
    private Filter resourceIds(Token op) {
        in.expect(Kind.LPAREN, "'(' after IN");
        Set<String> ids = new LinkedHashSet<>();
        do {
            Token t = in.peek();
            if (t.is(Kind.STRING) || t.is(Kind.NUMBER)) {
                ids.add(in.next().text());
            } else {
                throw in.expected("a feature id in quotes");
            }
        } while (in.accept(Kind.COMMA));
        in.expect(Kind.RPAREN, "',' or ')'");
        return new Filter.ResourceId(ids);
    }

    // -------------------------------------------------------------------------------------------- operands

    private Operand operand() {
        Token t = in.peek();
        switch (t.kind()) {
            case QUOTED_NAME:
                in.next();
                return propertyNamed(t);
            case NAME: {
                String kw = t.keyword();
                if (in.peek(1).is(Kind.LPAREN)) {
                    if (kw.equals("CASEI")) {
                        enter(in.next());
                        in.next();
                        Operand o = operand();
                        in.expect(Kind.RPAREN, "')'");
                        nesting--;
                        return o instanceof Prop p ? p.caseInsensitively() : ((Lit) o).caseInsensitively();
                    }
                    if (kw.equals("ACCENTI")) {
                        throw accentInsensitive(t);
                    }
                    if (kw.equals("DATE") || kw.equals("TIMESTAMP")) {
                        return literal("a literal");
                    }
                    if (kw.equals("INTERVAL")) {
                        throw new FilterParseException("INTERVAL(…) is only allowed in T_DURING, T_AFTER, T_BEFORE "
                                + "and DURING", t.start());
                    }
                    if (GeometryLiteralReader.TAGS.contains(kw)) {
                        throw new FilterParseException("a geometry literal is only allowed in a spatial function "
                                + "such as S_INTERSECTS(geom, " + kw + "(…))", t.start());
                    }
                    throw unknownFunction(t);
                }
                if (kw.equals("TRUE") || kw.equals("FALSE")) {
                    return literal("a literal");
                }
                if (kw.equals("NULL")) {
                    throw new FilterParseException("compare with NULL using IS NULL or IS NOT NULL", t.start());
                }
                if (RESERVED.contains(kw)) {
                    throw in.expected("a property name or a literal");
                }
                in.next();
                return propertyNamed(t);
            }
            default:
                return literal("a property name or a literal");
        }
    }

    /** A string, number, boolean, date or timestamp literal, possibly wrapped in CASEI(…). */
    private Lit literal(String what) {
        Token t = in.peek();
        switch (t.kind()) {
            case STRING:
                in.next();
                return new Lit(t.text(), t.text(), t.start(), false);
            case NUMBER:
            case MINUS:
            case PLUS:
                return number(what);
            case DATETIME:
                in.next();
                return new Lit(TemporalLiteralReader.instant(t.text(), t.start()), t.text(), t.start(), false);
            case NAME: {
                String kw = t.keyword();
                if (kw.equals("TRUE") || kw.equals("FALSE")) {
                    in.next();
                    return new Lit(kw.equals("TRUE"), kw, t.start(), false);
                }
                if ((kw.equals("DATE") || kw.equals("TIMESTAMP")) && in.peek(1).is(Kind.LPAREN)) {
                    Temporal v = temporals.dateOrTimestamp();
                    return new Lit(v, v.toString(), t.start(), false);
                }
                if (kw.equals("CASEI") && in.peek(1).is(Kind.LPAREN)) {
                    enter(in.next());
                    in.next();
                    Lit l = literal(what);
                    in.expect(Kind.RPAREN, "')'");
                    nesting--;
                    return new Lit(l.value(), l.text(), l.position(), true);
                }
                if (kw.equals("ACCENTI") && in.peek(1).is(Kind.LPAREN)) {
                    throw accentInsensitive(t);
                }
                break;
            }
            case QUOTED_NAME:
                throw new FilterParseException("expected " + what + " but found property name \""
                        + Token.echo(t.text()) + "\"; strings are written in single quotes", t.start());
            default:
                break;
        }
        throw in.expected(what);
    }

    private Lit number(String what) {
        Token sign = in.at(Kind.MINUS) || in.at(Kind.PLUS) ? in.next() : null;
        Token t = in.peek();
        if (!t.is(Kind.NUMBER)) {
            throw in.expected(sign == null ? what : "a number after '" + sign.text() + "'");
        }
        in.next();
        String text = (sign != null && sign.is(Kind.MINUS) ? "-" : "") + t.text();
        boolean integral = text.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'));
        Number parsed = null;
        if (integral) {
            try {
                parsed = Long.parseLong(text);
            } catch (NumberFormatException tooLong) {
                parsed = null;
            }
        }
        if (parsed == null) {
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) {
                throw new FilterParseException("number out of range: " + Token.echo(text), t.start());
            }
            parsed = d;
        }
        return new Lit(parsed, text, sign == null ? t.start() : sign.start(), false);
    }

    /** A literal's value as the attribute expects it: numbers for string attributes keep their spelling. */
    private Object value(Prop p, Lit l) {
        return Cql2Terms.value(type, p, l);
    }

    private Prop property(Operand o, Token op, String operator) {
        if (o instanceof Prop p) {
            return p;
        }
        throw new FilterParseException(operator + " needs a property name on its left", o.position());
    }

    /**
     * Resolves a property name against the schema — it is only ever looked up, never evaluated. Unknown and
     * hidden names are refused alike, so the refusal does not reveal that a hidden field exists.
     */
    private Prop propertyNamed(Token t) {
        return Cql2Terms.property(type, hidden, t.text(), t.start(), "position " + t.start());
    }

    private static FilterParseException accentInsensitive(Token t) {
        return new FilterParseException("ACCENTI (accent-insensitive comparison) is not supported; Chinese text "
                + "has no accents to ignore", t.start());
    }

    private FilterParseException unknownFunction(Token t) {
        String kw = t.keyword();
        if (kw.startsWith("T_")) {
            return new FilterParseException("temporal function " + Token.echo(t.text()) + " is not supported; "
                    + "supported are " + TEMPORAL_SUPPORTED, t.start());
        }
        if (kw.startsWith("A_")) {
            return new FilterParseException("array functions such as " + Token.echo(t.text())
                    + " are not supported", t.start());
        }
        if (kw.equals("RELATE")) {
            return new FilterParseException("RELATE is not supported; use S_INTERSECTS, S_WITHIN, S_CONTAINS, …",
                    t.start());
        }
        return new FilterParseException("unknown function '" + Token.echo(t.text()) + "'", t.start());
    }

    // --------------------------------------------------------------------------------------------- spatial

    /** One argument of a spatial function: the layer's geometry property, or a literal already in its CRS. */
    private record GeomArg(String property, Geometry literal) {
    }

    private GeomArg geomArg() {
        if (GeometryLiteralReader.atLiteral(in)) {
            return new GeomArg(null, toLayer(geometries.read(literalCrs.axisOrder()), literalCrs));
        }
        Token t = in.peek();
        if (!t.is(Kind.NAME) && !t.is(Kind.QUOTED_NAME)) {
            throw in.expected("the geometry property or a geometry literal");
        }
        if (t.is(Kind.NAME) && (RESERVED.contains(t.keyword()) || in.peek(1).is(Kind.LPAREN))) {
            throw in.expected("the geometry property or a geometry literal (POINT, POLYGON, BBOX, …)");
        }
        in.next();
        return new GeomArg(geometryProperty(t), null);
    }

    private String geometryProperty(Token t) {
        Prop p = propertyNamed(t);
        if (!type.isGeometry(p.name())) {
            throw new InvalidFilterException("'" + p.name() + "' is not the geometry property of " + type.name()
                    + " (" + type.geometryName() + ") (at position " + t.start() + ")", p.name());
        }
        return p.name();
    }

    /** {@code S_op(a, b)} / {@code op(a, b)}: one argument the geometry property, the other a literal. */
    private Filter spatial(Token fn, SpatialOp op) {
        in.expect(Kind.LPAREN, "'('");
        GeomArg a = geomArg();
        in.expect(Kind.COMMA, "','");
        GeomArg b = geomArg();
        in.expect(Kind.RPAREN, "')'");
        if (a.property() != null && b.literal() != null) {
            return new Filter.Spatial(a.property(), op, b.literal());
        }
        if (a.literal() != null && b.property() != null) {
            // op(literal, property): WITHIN and CONTAINS change places; the other operators are symmetric
            SpatialOp swapped = op == SpatialOp.WITHIN ? SpatialOp.CONTAINS
                    : op == SpatialOp.CONTAINS ? SpatialOp.WITHIN : op;
            return new Filter.Spatial(b.property(), swapped, a.literal());
        }
        throw new FilterParseException(fn.keyword() + " needs the geometry property (" + type.geometryName()
                + ") as one argument and a geometry literal as the other", fn.start());
    }

    /** ECQL {@code BBOX(geom, minx, miny, maxx, maxy [, 'crs'])}; without a CRS the literal CRS applies. */
    private Filter bbox(Token fn) {
        in.expect(Kind.LPAREN, "'('");
        Token prop = in.peek();
        if (!prop.is(Kind.NAME) && !prop.is(Kind.QUOTED_NAME)) {
            throw in.expected("the geometry property");
        }
        in.next();
        String property = geometryProperty(prop);
        double[] v = new double[4];
        for (int k = 0; k < 4; k++) {
            in.expect(Kind.COMMA, k == 0 ? "','" : "',' and " + (4 - k) + " more number" + (k == 3 ? "" : "s"));
            v[k] = in.number("a number");
        }
        CrsRef crs = literalCrs;
        if (in.accept(Kind.COMMA)) {
            Token c = in.peek();
            if (!c.is(Kind.STRING) && !c.is(Kind.NAME)) {
                throw in.expected("a CRS such as 'EPSG:4490'");
            }
            in.next();
            try {
                crs = CrsRegistry.get().parse(c.text());
            } catch (IllegalArgumentException e) {
                throw new FilterParseException(e.getMessage(), c.start());
            }
        }
        in.expect(Kind.RPAREN, "')'");
        AxisOrder order = crs.axisOrder();
        Envelope box = CrsRegistry.envelope(v[0], v[1], v[2], v[3], order);
        if (!(v[0] <= v[2] && v[1] <= v[3])) {
            throw new FilterParseException("BBOX corners are out of order: expected " + (order == AxisOrder.NORTH_EAST
                    ? "(min lat, min lon, max lat, max lon) for " + crs.text()
                    : "(minx, miny, maxx, maxy)"), fn.start());
        }
        Geometry g = toLayer(new GeometryLiteral(GF.toGeometry(box), box, fn.start()), crs);
        return new Filter.Spatial(property, SpatialOp.BBOX, g);
    }

    /** ECQL {@code DWITHIN(geom, literal, distance, units)} and {@code BEYOND(…)}. */
    private Filter distance(Token fn, boolean beyond) {
        in.expect(Kind.LPAREN, "'('");
        GeomArg a = geomArg();
        in.expect(Kind.COMMA, "','");
        GeomArg b = geomArg();
        in.expect(Kind.COMMA, "',' and a distance");
        Token at = in.peek();
        double d = in.number("a distance");
        if (d < 0) {
            throw new FilterParseException("a distance cannot be negative", at.start());
        }
        in.expect(Kind.COMMA, "',' and units such as meters");
        Token u = in.peek();
        if (!u.is(Kind.NAME) && !u.is(Kind.STRING)) {
            throw in.expected("distance units (" + DistanceUnit.ACCEPTED + ")");
        }
        in.next();
        DistanceUnit unit = DistanceUnit.of(u.text());
        if (unit == null) {
            throw new FilterParseException("unknown distance units '" + Token.echo(u.text()) + "'; accepted are "
                    + DistanceUnit.ACCEPTED, u.start());
        }
        in.expect(Kind.RPAREN, "')'");
        String property = a.property() != null ? a.property() : b.property();
        Geometry literal = a.literal() != null ? a.literal() : b.literal();
        if (property == null || literal == null) {
            throw new FilterParseException(fn.keyword() + " needs the geometry property (" + type.geometryName()
                    + ") as one argument and a geometry literal as the other", fn.start());
        }
        CrsDefinition layerCrs = CrsRegistry.get().byEpsg(type.srid());
        double inLayerUnits = DistanceUnit.toLayerUnits(unit.toMetres(d), literal, layerCrs);
        if (!Double.isFinite(inLayerUnits)) {
            throw new FilterParseException("distance out of range", at.start());
        }
        return new Filter.Distance(property, literal, inLayerUnits, beyond);
    }

    /** A literal transformed from its CRS into the layer's; boxes as envelopes (edges densified). */
    private Geometry toLayer(GeometryLiteral lit, CrsRef from) {
        int to = type.srid();
        try {
            CrsTransform t = CrsRegistry.get().transform(from.srid(), to);
            Geometry g;
            if (lit.box() != null) {
                Envelope e = t.transform(lit.box());
                if (e.isNull()) {
                    throw new FilterParseException("the box lies outside the area EPSG:" + to + " can describe",
                            lit.position());
                }
                g = GF.toGeometry(e);
            } else {
                g = t.transform(lit.geometry());
            }
            g.setSRID(to);
            return g;
        } catch (FilterParseException e) {
            throw e;
        } catch (IllegalArgumentException e) {      // CoordinateTransformException, UnknownCrsException
            throw new FilterParseException("cannot transform the geometry literal from " + Token.echo(from.text())
                    + " to EPSG:" + to + ": " + e.getMessage(), lit.position());
        }
    }

    // -------------------------------------------------------------------------------------------- temporal

    /** {@code T_op(a, b)} with the property on either side. */
    private Filter temporalFunction(Token fn, TemporalOp op) {
        in.expect(Kind.LPAREN, "'('");
        Object a = temporalArg();
        in.expect(Kind.COMMA, "','");
        Object b = temporalArg();
        in.expect(Kind.RPAREN, "')'");
        String name = fn.keyword();
        if (a instanceof Prop p && b instanceof TemporalValue v) {
            return temporal(p, op, v, fn, name);
        }
        if (b instanceof Prop p && a instanceof TemporalValue v) {
            TemporalOp swapped = switch (op) {
                case AFTER -> TemporalOp.BEFORE;
                case BEFORE -> TemporalOp.AFTER;
                case TEQUALS -> TemporalOp.TEQUALS;
                case DURING -> throw new FilterParseException("T_DURING(…, property) asks whether a time lies during "
                        + "an instant; write T_DURING(property, INTERVAL(…))", fn.start());
            };
            return temporal(p, swapped, v, fn, name);
        }
        throw new FilterParseException(name + " needs a date or time property as one argument and DATE(…), "
                + "TIMESTAMP(…) or INTERVAL(…) as the other", fn.start());
    }

    /** A property ({@link Prop}) or a temporal literal ({@link TemporalValue}). */
    private Object temporalArg() {
        Token t = in.peek();
        if (temporals.atLiteral()) {
            return temporals.literal("a property, DATE(…), TIMESTAMP(…) or INTERVAL(…)");
        }
        if (t.is(Kind.QUOTED_NAME) || (t.is(Kind.NAME) && !RESERVED.contains(t.keyword())
                && !in.peek(1).is(Kind.LPAREN))) {
            in.next();
            return propertyNamed(t);
        }
        throw in.expected("a property, DATE(…), TIMESTAMP(…) or INTERVAL(…)");
    }

    /** {@code property op arg} mapped onto the AST's AFTER, BEFORE, DURING and TEQUALS. */
    private static Filter temporal(Prop p, TemporalOp op, TemporalValue arg, Token at, String name) {
        return Cql2Terms.temporal(p, op, arg, name, "T_DURING", m -> new FilterParseException(m, at.start()));
    }
}
