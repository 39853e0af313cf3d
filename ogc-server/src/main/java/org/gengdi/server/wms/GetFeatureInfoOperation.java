package org.gengdi.server.wms;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filters;
import org.gengdi.server.ows.FeatureInfo;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
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

        FeatureInfo.write(f, hits.stream().map(h -> new FeatureInfo.Hits(h.layer(), h.query())).toList(),
                map.crs().srid(), response);
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
}
