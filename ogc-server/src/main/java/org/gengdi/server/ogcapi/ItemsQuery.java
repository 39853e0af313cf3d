package org.gengdi.server.ogcapi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.cql2.Cql2Json;
import org.gengdi.core.filter.cql2.Cql2Text;
import org.gengdi.server.ows.PublishedLayer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * A checked {@code /collections/{id}/items} request: paging ({@code limit} 1–{@value #MAX_LIMIT}, larger values
 * clamped, default {@value #DEFAULT_LIMIT}; {@code offset}), {@code bbox} with {@code bbox-crs}, the output
 * {@code crs}, {@code filter} in CQL2 text or JSON with {@code filter-crs}, {@code datetime} (checked; the
 * collections have no temporal extent), and the queryables as query parameters ({@code DLBM=0101} for equality,
 * {@code geom=POLYGON(…)} for intersection). Everything is validated here, before any feature is read, so a bad
 * request is a clean 400. Property names only ever come from the schema; personal fields are unknown names.
 *
 * @param layer  the collection
 * @param query  the selection in the layer's CRS, with the page
 * @param crs    the output CRS (its axis order is the order of the coordinates written)
 * @param limit  the page size after clamping
 * @param offset the index of the first feature of the page
 */
record ItemsQuery(PublishedLayer layer, Query query, CrsRef crs, long limit, long offset) {
    static final long DEFAULT_LIMIT = 10;
    static final long MAX_LIMIT = 10_000;
    /** The standard parameters of {@code /items}; the queryables are accepted besides. */
    static final Set<String> PARAMETERS = Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime",
            "filter", "filter-lang", "filter-crs");
    /** The parameters of {@code /items/{featureId}}. */
    static final Set<String> FEATURE_PARAMETERS = Set.of("f", "crs");

    /** The names usable as query parameters: the public attributes and the geometry property. */
    static List<String> queryableParameters(PublishedLayer layer) {
        List<String> names = new ArrayList<>();
        names.add(layer.visible().geometryName());
        for (AttributeDef a : layer.visible().attributes()) {
            names.add(a.name());
        }
        return names;
    }

    /**
     * @param layerBounds the layer's extent in its CRS (from the cached summary), or null when empty: a bbox is
     *                    clipped to it before it is transformed, so that a whole-world box from a zoomed-out client
     *                    does not fail in a Gauss-Krüger projection
     */
    static ItemsQuery parse(PublishedLayer layer, QueryParams p, Envelope layerBounds) {
        FeatureType stored = layer.stored();
        CollectionCrs offered = CollectionCrs.of(stored.srid());
        long limit = Math.min(p.number("limit", DEFAULT_LIMIT, 1), MAX_LIMIT);
        long offset = p.number("offset", 0, 0);
        CrsRef crs = p.has("crs") ? offered.parse(p.get("crs"), "crs") : CollectionCrs.crs84();
        CrsRef bboxCrs = p.has("bbox-crs") ? offered.parse(p.get("bbox-crs"), "bbox-crs") : CollectionCrs.crs84();
        CrsRef filterCrs = p.has("filter-crs") ? offered.parse(p.get("filter-crs"), "filter-crs")
                : CollectionCrs.crs84();
        checkDatetime(p.get("datetime"));

        List<Filter> filters = new ArrayList<>();
        Envelope bbox = null;
        if (p.has("bbox")) {
            bbox = bbox(p.get("bbox"), bboxCrs, stored.srid(), layerBounds);
            if (bbox == null) {
                filters.add(Filter.EXCLUDE);       // the box misses the layer's extent altogether
            }
        }
        String lang = p.has("filter-lang") ? p.get("filter-lang") : "cql2-text";
        if (!lang.equals("cql2-text") && !lang.equals("cql2-json")) {
            throw ApiException.badRequest("filter-lang must be cql2-text or cql2-json, not '"
                    + QueryParams.echo(lang) + "'");
        }
        if (p.has("filter")) {
            FilterContext ctx = FilterContext.of(stored, filterCrs).hiding(layer.hidden());
            filters.add(filter(p.get("filter"), lang, ctx));
        }
        for (AttributeDef a : layer.visible().attributes()) {
            if (p.has(a.name())) {
                filters.add(equality(layer, a, p.get(a.name())));
            }
        }
        String geometryName = layer.visible().geometryName();
        if (p.has(geometryName)) {
            filters.add(intersecting(layer, p.get(geometryName), filterCrs));
        }
        Query query = new Query(bbox, Filters.and(filters), null, List.of(), offset, limit);
        return new ItemsQuery(layer, query, crs, limit, offset);
    }

    /** The query of {@code /items/{featureId}}: {@code LAYER.fid} as written in the GeoJSON {@code id}, or the fid. */
    static ItemsQuery feature(PublishedLayer layer, String featureId, QueryParams p) {
        CollectionCrs offered = CollectionCrs.of(layer.stored().srid());
        CrsRef crs = p.has("crs") ? offered.parse(p.get("crs"), "crs") : CollectionCrs.crs84();
        String prefix = layer.stored().name() + ".";
        String fid = featureId.startsWith(prefix) ? featureId.substring(prefix.length()) : featureId;
        if (fid.isEmpty()) {
            throw ApiException.notFound("no feature '" + QueryParams.echo(featureId) + "' in " + layer.name());
        }
        Query query = Query.filter(new Filter.ResourceId(Set.of(fid))).withPage(0, 1);
        return new ItemsQuery(layer, query, crs, 1, 0);
    }

    private static Filter filter(String text, String lang, FilterContext ctx) {
        try {
            return lang.equals("cql2-json") ? Cql2Json.parse(text, ctx) : Cql2Text.parse(text, ctx);
        } catch (FilterParseException | InvalidFilterException e) {
            throw ApiException.invalidFilter(e.getMessage());
        } catch (IllegalArgumentException e) {           // a literal the CRS registry cannot transform
            throw ApiException.invalidFilter("unusable filter: " + e.getMessage());
        }
    }

    /** {@code NAME=value}: equality with the value converted to the attribute's type. */
    private static Filter equality(PublishedLayer layer, AttributeDef a, String value) {
        try {
            return FilterValidator.validate(new Filter.Compare(a.name(), Filter.CompareOp.EQ, value, true),
                    layer.stored(), layer.hidden());
        } catch (InvalidFilterException e) {
            throw ApiException.badRequest(a.name() + ": " + e.getMessage());
        }
    }

    /** {@code geom=WKT} in the filter CRS's axis order: the features whose geometry intersects it. */
    private static Filter intersecting(PublishedLayer layer, String wkt, CrsRef crs) {
        String name = layer.visible().geometryName();
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw ApiException.badRequest(name + " must be a WKT geometry such as POLYGON((117 30, 117.1 30, "
                    + "117.1 30.1, 117 30)): " + QueryParams.echo(String.valueOf(e.getMessage())));
        }
        if (g.isEmpty()) {
            throw ApiException.badRequest(name + ": empty geometries are not supported");
        }
        if (!new IsValidOp(g).isValid()) {
            throw ApiException.badRequest(name + ": the geometry is not valid: "
                    + new IsValidOp(g).getValidationError().getMessage());
        }
        g = CrsRegistry.toAxisOrder(g, crs.axisOrder());     // swapping is its own inverse: back to x = east
        int to = layer.stored().srid();
        try {
            Geometry inLayer = crs.srid() == to ? g : CrsRegistry.get().transform(crs.srid(), to).transform(g);
            inLayer.setSRID(to);
            return new Filter.Spatial(name, Filter.SpatialOp.INTERSECTS, inLayer);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(name + ": cannot transform the geometry into EPSG:" + to + ": "
                    + e.getMessage());
        }
    }

    /**
     * {@code minx,miny,maxx,maxy} (or 6 numbers with heights) in the axis order of the bbox CRS, as the box in the
     * layer's CRS; null when it misses the layer's extent entirely.
     */
    static Envelope bbox(String text, CrsRef crs, int layerSrid, Envelope layerBounds) {
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw ApiException.badRequest("bbox must be 4 numbers (minx,miny,maxx,maxy) or 6 (with heights), "
                    + "not '" + QueryParams.echo(text) + "'");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bbox value '" + QueryParams.echo(parts[i]) + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw ApiException.badRequest("bbox values must be finite numbers");
            }
        }
        boolean six = v.length == 6;
        double a = v[0];
        double b = v[1];
        double c = v[six ? 3 : 2];
        double d = v[six ? 4 : 3];
        AxisOrder order = crs.axisOrder();
        if (a > c || b > d) {
            throw ApiException.badRequest("bbox lower corner must not exceed its upper corner"
                    + (order == AxisOrder.NORTH_EAST ? " (this CRS lists latitude first: minlat,minlon,maxlat,maxlon)"
                    : "") + "; boxes across the antimeridian are not supported");
        }
        Envelope box = CrsRegistry.envelope(a, b, c, d, order);
        if (crs.crs().geographic() && (box.getMinY() < -90 || box.getMaxY() > 90 || box.getMinX() < -180
                || box.getMaxX() > 180)) {
            throw ApiException.badRequest("bbox lies outside -180..180 longitude, -90..90 latitude"
                    + (order == AxisOrder.NORTH_EAST ? "; this CRS lists latitude first (minlat,minlon,maxlat,maxlon)"
                    : ""));
        }
        if (crs.srid() == layerSrid) {
            return box;
        }
        if (layerBounds == null || layerBounds.isNull()) {
            return null;
        }
        CrsRegistry registry = CrsRegistry.get();
        try {
            // Clip to the layer's extent (with a margin) seen in the bbox CRS, then transform only what is left.
            Envelope margin = new Envelope(layerBounds);
            margin.expandBy(Math.max(layerBounds.getWidth(), layerBounds.getHeight()) * 0.1 + (registry
                    .byEpsg(layerSrid).geographic() ? 0.01 : 1000));
            CrsTransform toBoxCrs = registry.transform(layerSrid, crs.srid());
            Envelope domain = toBoxCrs.transform(margin);
            Envelope clipped = box.intersection(domain);
            if (clipped.isNull()) {
                return null;
            }
            return registry.transform(crs.srid(), layerSrid).transform(clipped);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bbox cannot be transformed into the layer's CRS (EPSG:" + layerSrid
                    + "): " + e.getMessage());
        }
    }

    /**
     * {@code datetime}: an RFC 3339 date or date-time, or an interval {@code start/end} with {@code ..} or nothing
     * for an open end. The collections have no temporal extent, so a valid value selects every feature.
     */
    static void checkDatetime(String value) {
        if (value == null) {
            return;
        }
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            throw ApiException.badRequest("datetime must be a date-time or an interval start/end, not '"
                    + QueryParams.echo(value) + "'");
        }
        for (String part : parts) {
            String s = part.strip();
            if (s.isEmpty() || s.equals("..")) {
                if (parts.length == 1) {
                    throw ApiException.badRequest("datetime must not be empty or '..' on its own");
                }
                continue;
            }
            try {
                if (s.length() == 10) {
                    LocalDate.parse(s);
                } else {
                    OffsetDateTime.parse(s.toUpperCase(Locale.ROOT));
                }
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("datetime '" + QueryParams.echo(s) + "' is not an RFC 3339 date "
                        + "(2020-01-31) or date-time (2020-01-31T08:00:00Z)");
            }
        }
    }
}
