package org.gengdi.server.wms;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filters;
import org.gengdi.server.encode.FeatureCollectionInfo;
import org.gengdi.server.encode.FeatureEncoder;
import org.gengdi.server.encode.GeoJsonEncoder;
import org.gengdi.server.encode.GmlEncoder;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.web.Html;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * GetFeatureInfo: the features of the QUERY_LAYERS under a pixel of the map (within a few pixels' tolerance), at most
 * FEATURE_COUNT per layer, without personal fields — as plain text, an HTML table, GeoJSON (WGS 84 lon/lat) or GML.
 * The search is one indexed store query per layer: the tolerance square around the pixel, moved into the layer's
 * CRS, as a spatial filter together with the layer's CQL_FILTER.
 */
final class GetFeatureInfoOperation {
    /** Pixels around the clicked one that still count as a hit (lines and points are hard to hit exactly). */
    static final int TOLERANCE = 3;

    private final PublishedLayers layers;
    private final WmsLimits limits;

    GetFeatureInfoOperation(PublishedLayers layers, WmsLimits limits) {
        this.layers = layers;
        this.limits = limits;
    }

    /** One layer's hits. */
    record Hits(PublishedLayer layer, Query query) {
    }

    void run(WmsVersion version, KvpRequest kvp, HttpServletResponse response) throws IOException {
        MapRequest map = MapRequest.parse(version, kvp, layers, limits, false);
        String format = kvp.get("info_format") == null ? WmsFormats.TEXT : kvp.get("info_format");
        String f = format.replace(" ", "").toLowerCase(Locale.ROOT);
        if (!WmsFormats.INFO_FORMATS.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList().contains(f)
                && !f.equals("application/geo+json") && !f.equals("text/xml")) {
            throw new OwsException(Code.InvalidFormat, "info_format", "unsupported INFO_FORMAT '" + format
                    + "'; offered: " + String.join(", ", WmsFormats.INFO_FORMATS));
        }
        int count = 1;
        if (kvp.get("feature_count") != null) {
            try {
                count = Integer.parseInt(kvp.get("feature_count"));
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1) {
                throw new OwsException(Code.InvalidParameterValue, "feature_count",
                        "FEATURE_COUNT must be a positive whole number");
            }
            count = Math.min(count, limits.maxFeatureCount());
        }
        int i = pixel(kvp, version.pixelX(), map.width());
        int j = pixel(kvp, version.pixelY(), map.height());
        List<Hits> hits = hits(map, MapRequest.list(kvp.require("query_layers")), i, j, count);

        response.setStatus(200);
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 16384);
        if (f.equals(WmsFormats.JSON) || f.equals("application/geo+json")) {
            response.setContentType(WmsFormats.JSON + ";charset=UTF-8");
            encode(new GeoJsonEncoder(), hits, CrsRegistry.get().parse("CRS:84"), out);
        } else if (f.startsWith(WmsFormats.GML) || f.equals("text/xml")) {
            response.setContentType(f.endsWith("3.1.1") ? "application/vnd.ogc.gml/3.1.1" : WmsFormats.GML);
            encode(f.endsWith("3.1.1") ? GmlEncoder.gml311() : GmlEncoder.gml2(), hits,
                    CrsRegistry.get().parse("EPSG:" + map.crs().srid()), out);
        } else {
            boolean html = f.equals(WmsFormats.HTML);
            response.setContentType((html ? WmsFormats.HTML : WmsFormats.TEXT) + ";charset=UTF-8");
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (html) {
                html(hits, w);
            } else {
                text(hits, w);
            }
            w.flush();
        }
        out.flush();
    }

    private static int pixel(KvpRequest kvp, String key, int size) {
        String v = kvp.require(key);
        int n;
        try {
            n = Integer.parseInt(v.contains(".") ? v.substring(0, v.indexOf('.')) : v);
        } catch (NumberFormatException e) {
            throw new OwsException(Code.InvalidPoint, key, key.toUpperCase(Locale.ROOT)
                    + " must be a pixel index, not '" + v + "'");
        }
        if (n < 0 || n >= size) {
            throw new OwsException(Code.InvalidPoint, key, key.toUpperCase(Locale.ROOT) + " must be within the map "
                    + "(0 to " + (size - 1) + "), not " + n);
        }
        return n;
    }

    /** The queries that find each query layer's features around pixel (i, j); checked before anything is written. */
    private List<Hits> hits(MapRequest map, List<String> queryLayers, int i, int j, int count) {
        Envelope b = map.bbox();
        double dx = b.getWidth() / map.width();
        double dy = b.getHeight() / map.height();
        double x = b.getMinX() + (i + 0.5) * dx;
        double y = b.getMaxY() - (j + 0.5) * dy;
        Envelope around = new Envelope(x - TOLERANCE * dx, x + TOLERANCE * dx, y - TOLERANCE * dy,
                y + TOLERANCE * dy);
        if (queryLayers.isEmpty()) {
            throw new OwsException(Code.LayerNotDefined, "query_layers", "QUERY_LAYERS names no layer");
        }
        List<Hits> out = new ArrayList<>();
        for (String name : queryLayers) {
            String n = name.contains(":") ? name.substring(name.indexOf(':') + 1) : name;
            int index = -1;
            for (int k = 0; k < map.layers().size(); k++) {
                if (map.layers().get(k).name().equalsIgnoreCase(n)) {
                    index = k;
                }
            }
            if (index < 0) {
                if (layers.find(n).isPresent()) {
                    throw new OwsException(Code.LayerNotDefined, "query_layers",
                            "QUERY_LAYERS names '" + name + "', which is not among LAYERS");
                }
                throw new OwsException(Code.LayerNotDefined, "query_layers", "unknown layer '" + name + "'");
            }
            PublishedLayer layer = map.layers().get(index);
            int srid = layer.stored().srid();
            Envelope inLayer = srid == map.crs().srid() ? around
                    : CrsRegistry.get().transform(map.crs().srid(), srid).transform(around);
            Geometry box = new GeometryFactory().toGeometry(inLayer);
            Filter near = new Filter.Spatial(layer.stored().geometryName(), Filter.SpatialOp.INTERSECTS, box);
            Filter filter = Filters.and(List.of(near, map.filters().get(index)));
            out.add(new Hits(layer, new Query(inLayer, filter, null, List.of(), 0, count)));
        }
        return out;
    }

    private static void encode(FeatureEncoder encoder, List<Hits> hits, org.gengdi.core.crs.CrsRef crs,
                               OutputStream out) throws IOException {
        List<Supplier<FeatureCursor>> cursors = new ArrayList<>();
        long total = 0;
        for (Hits h : hits) {
            total += Math.min(h.layer().source().count(h.query().unpaged()), h.query().limit());
            cursors.add(() -> h.layer().features(h.query(), h.layer().visible(), crs.srid()));
        }
        FeatureCollectionInfo info = FeatureCollectionInfo.of(hits.get(0).layer().visible(), crs)
                .withCounts(total, total);
        try (FeatureCursor c = FeatureCursor.concat(cursors)) {
            encoder.write(info, c, out);
        }
    }

    private static void text(List<Hits> hits, Writer w) throws IOException {
        boolean any = false;
        for (Hits h : hits) {
            try (FeatureCursor c = h.layer().features(h.query(), h.layer().visible(), h.layer().stored().srid())) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    any = true;
                    FeatureType t = f.type();
                    w.write("图层 Layer '" + t.name() + "' (" + t.title() + ")\n");
                    w.write("要素 Feature " + t.name() + "." + f.id() + ":\n");
                    for (int k = 0; k < t.attributes().size(); k++) {
                        AttributeDef a = t.attributes().get(k);
                        Object v = f.value(k);
                        w.write("  " + a.name() + " (" + a.title() + ") = " + (v == null ? "" : v) + "\n");
                    }
                    w.write("\n");
                }
            }
        }
        if (!any) {
            w.write("no features were found\n");
        }
    }

    private static void html(List<Hits> hits, Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>要素信息 Feature info"
                + "</title><style>table{border-collapse:collapse;font:13px sans-serif}td,th{border:1px solid #ccc;"
                + "padding:2px 6px;text-align:left}caption{font-weight:bold;text-align:left}</style></head><body>\n");
        boolean any = false;
        for (Hits h : hits) {
            try (FeatureCursor c = h.layer().features(h.query(), h.layer().visible(), h.layer().stored().srid())) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    any = true;
                    FeatureType t = f.type();
                    w.write("<table><caption>" + Html.escape(t.title()) + " " + Html.escape(t.name() + "." + f.id())
                            + "</caption>\n");
                    for (int k = 0; k < t.attributes().size(); k++) {
                        AttributeDef a = t.attributes().get(k);
                        Object v = f.value(k);
                        w.write("<tr><th title=\"" + Html.escape(a.name()) + "\">" + Html.escape(a.title()) + "</th><td>"
                                + Html.escape(v == null ? "" : v.toString()) + "</td></tr>\n");
                    }
                    w.write("</table><br>\n");
                }
            }
        }
        if (!any) {
            w.write("<p>没有找到要素 no features were found</p>\n");
        }
        w.write("</body></html>\n");
    }
}
