package org.gengdi.core.filter.cql2;

import java.util.Objects;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;

/**
 * Parses CQL2 text (OGC 21-065) and the common ECQL forms of GeoServer into the {@link Filter} AST: the
 * {@code CQL_FILTER} vendor parameter of WFS/WMS and {@code filter} with {@code filter-lang=cql2-text} in OGC API
 * Features Part 3.
 *
 * <p>Accepted (keywords case-insensitive; precedence NOT &gt; AND &gt; OR; parentheses):
 * <ul>
 *   <li>{@code prop = | <> | != | < | <= | > | >= literal}, either way round; literals are {@code 'strings'}
 *       ({@code ''} for a quote), numbers, {@code TRUE}/{@code FALSE}, {@code DATE('2020-01-31')},
 *       {@code TIMESTAMP('2020-01-31T08:00:00Z')} and bare ECQL date-times. A number compared with a string
 *       attribute keeps its spelling ({@code DLBM = 0101} means {@code '0101'}).</li>
 *   <li>{@code CASEI(prop) = CASEI('x')} (case-insensitive; also with LIKE and IN); {@code ACCENTI} is refused.</li>
 *   <li>{@code prop [NOT] LIKE 'pat'} ({@code %}, {@code _}, escape {@code \}), {@code ILIKE} (case-insensitive),
 *       {@code prop [NOT] BETWEEN a AND b}, {@code prop [NOT] IN (a, b, …)}, {@code prop IS [NOT] NULL}.</li>
 *   <li>{@code S_INTERSECTS, S_EQUALS, S_DISJOINT, S_TOUCHES, S_WITHIN, S_OVERLAPS, S_CROSSES, S_CONTAINS} and their
 *       ECQL names without {@code S_}, with the geometry property and a literal in either order; literals
 *       {@code POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION},
 *       {@code BBOX(w,s,e,n)} and {@code ENVELOPE(w,s,e,n)}.</li>
 *   <li>ECQL {@code BBOX(geom, minx, miny, maxx, maxy [, 'EPSG:4490'])},
 *       {@code DWITHIN(geom, literal, distance, units)} and {@code BEYOND(…)} (units meters/metres/m,
 *       kilometers/kilometres/km, feet/ft; on geographic layers converted to degrees approximately).</li>
 *   <li>{@code T_AFTER, T_BEFORE, T_EQUALS} with an instant, {@code T_DURING} with
 *       {@code INTERVAL('…','…')} (bounds may be {@code '..'}); ECQL {@code prop AFTER|BEFORE|TEQUALS instant} and
 *       {@code prop DURING begin/end}. Other temporal functions are refused.</li>
 *   <li>{@code INCLUDE}, {@code EXCLUDE}, {@code TRUE}, {@code FALSE}, and ECQL feature ids
 *       {@code IN ('RED_LINE.1', …)}.</li>
 * </ul>
 *
 * <p>Geometry literals are read in the axis order of {@link FilterContext#literalCrs()} (CQL2's default is CRS84,
 * longitude first), or of the CRS an ECQL BBOX names — box corners too, so {@code BBOX(30, 117, 30.1, 117.1,
 * 'urn:ogc:def:crs:EPSG::4490')} is latitude first — and transformed into the layer's CRS (boxes as densified
 * envelopes). Property names are
 * only looked up in the schema, never evaluated (GeoServer CVE-2024-36401 came from evaluating them); unknown and
 * hidden names are refused alike. Arithmetic, property-to-property comparisons and functions other than those
 * above are refused.
 */
public final class Cql2Text {
    /**
     * The deepest nesting accepted whatever the context allows, so that the recursive parser (and the validator
     * after it) never comes near the end of the stack.
     */
    static final int HARD_MAX_DEPTH = 256;

    private Cql2Text() {
    }

    /**
     * The filter the text describes, validated against {@code ctx.type()} (property names in schema spelling,
     * literals coerced to the attribute types, geometries in the layer's CRS).
     *
     * @throws FilterParseException   for text that is not a supported filter: syntax (with the character position
     *                                and what was expected), unsupported operators, too deep or too long
     * @throws InvalidFilterException for unknown or hidden properties and literals that do not fit the attribute
     */
    public static Filter parse(String text, FilterContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (text == null || text.isBlank()) {
            throw new FilterParseException("empty filter", 0);
        }
        if (text.length() > ctx.maxLength()) {
            throw new FilterParseException("filter is " + text.length() + " characters long; at most "
                    + ctx.maxLength() + " are accepted", ctx.maxLength());
        }
        int maxDepth = Math.max(1, Math.min(ctx.maxDepth(), HARD_MAX_DEPTH));
        Filter parsed = new Cql2Parser(text, ctx, maxDepth).parse();
        Filter valid = FilterValidator.validate(parsed, ctx.type(), ctx.hidden());
        if (Filters.depth(valid) > ctx.maxDepth()) {
            throw new FilterParseException("filter nests logical operators " + Filters.depth(valid)
                    + " deep; at most " + ctx.maxDepth() + " levels are accepted");
        }
        return valid;
    }
}
