package org.gengdi.server.wms;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.cql2.Cql2Text;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.render.ImageFormat;
import org.locationtech.jts.geom.Envelope;

/**
 * The map part of GetMap and GetFeatureInfo, parsed and checked before anything is drawn: the layers (in drawing
 * order) with their style names and CQL filters, the CRS and box (converted to x = easting/longitude), the size,
 * format, transparency and background colour, and how exceptions are to be reported.
 *
 * @param version     the WMS version
 * @param layers      the layers in drawing order
 * @param styles      the style name per layer, "" for the layer's default
 * @param filters     the CQL_FILTER per layer (INCLUDE where none)
 * @param crs         the map CRS
 * @param bbox        the map extent, x = easting/longitude
 * @param width       image width in pixels
 * @param height      image height in pixels
 * @param format      the image format as requested
 * @param transparent TRANSPARENT=TRUE
 * @param background  BGCOLOR (white by default)
 * @param exceptions  XML, INIMAGE or BLANK
 */
record MapRequest(WmsVersion version, List<PublishedLayer> layers, List<String> styles, List<Filter> filters,
                  CrsRef crs, Envelope bbox, int width, int height, String format, boolean transparent,
                  Color background, String exceptions) {

    /** How GetMap errors are reported: an XML report, the message drawn in an image, or an empty image. */
    static String exceptions(WmsVersion version, KvpRequest kvp) {
        String e = kvp.get("exceptions");
        if (e == null) {
            return "XML";
        }
        String u = e.toUpperCase(Locale.ROOT);
        if (u.endsWith("INIMAGE")) {
            return "INIMAGE";
        }
        if (u.endsWith("BLANK")) {
            return "BLANK";
        }
        return "XML";
    }

    static MapRequest parse(WmsVersion version, KvpRequest kvp, PublishedLayers published, WmsLimits limits,
                            boolean imageRequired) {
        String exceptions = exceptions(version, kvp);
        List<String> names = list(kvp.require("layers"));
        if (names.isEmpty()) {
            throw new OwsException(Code.LayerNotDefined, "layers", "LAYERS names no layer");
        }
        if (names.size() > limits.maxLayers()) {
            throw new OwsException(Code.InvalidParameterValue, "layers",
                    "at most " + limits.maxLayers() + " layers per request");
        }
        List<PublishedLayer> layers = new ArrayList<>();
        for (String n : names) {
            String name = n.contains(":") ? n.substring(n.indexOf(':') + 1) : n;
            layers.add(published.find(name).orElseThrow(() -> new OwsException(Code.LayerNotDefined, "layers",
                    "unknown layer '" + n + "'; GetCapabilities lists the layers")));
        }
        String stylesText = kvp.all().get("styles");
        List<String> styles = new ArrayList<>();
        if (stylesText == null || stylesText.isBlank()) {
            names.forEach(n -> styles.add(""));
        } else {
            for (String s : stylesText.split(",", -1)) {
                styles.add(s.strip());
            }
            if (styles.size() != layers.size()) {
                throw new OwsException(Code.StyleNotDefined, "styles", "STYLES must name one style (or none) per "
                        + "layer: " + layers.size() + " layers, " + styles.size() + " styles");
            }
        }

        String crsText = kvp.get(version.crsParameter());
        if (crsText == null) {
            throw new OwsException(Code.MissingParameterValue, version.crsParameter(),
                    "missing parameter " + version.crsParameter().toUpperCase(Locale.ROOT));
        }
        CrsRef crs = version.crs(crsText);
        Envelope bbox = bbox(kvp.require("bbox"), crs);
        int width = size(kvp, "width", limits.maxWidth());
        int height = size(kvp, "height", limits.maxHeight());

        String format = kvp.get("format");
        if (imageRequired) {
            if (format == null) {
                throw new OwsException(Code.MissingParameterValue, "format", "missing parameter FORMAT");
            }
            if (ImageFormat.forMime(format).isEmpty()) {
                throw new OwsException(Code.InvalidFormat, "format", "unsupported FORMAT '" + format
                        + "'; offered: " + String.join(", ", WmsFormats.MAP_FORMATS));
            }
        }
        String t = kvp.get("transparent");
        boolean transparent = t != null && t.equalsIgnoreCase("true");
        if (t != null && !t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
            throw new OwsException(Code.InvalidParameterValue, "transparent", "TRANSPARENT must be TRUE or FALSE");
        }
        Color background = color(kvp.get("bgcolor"));
        List<Filter> filters = filters(kvp.get("cql_filter"), layers);
        return new MapRequest(version, List.copyOf(layers), List.copyOf(styles), filters, crs, bbox, width, height,
                format, transparent, background, exceptions);
    }

    static Envelope bbox(String text, CrsRef crs) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new OwsException(Code.InvalidParameterValue, "bbox", "BBOX must be minx,miny,maxx,maxy: '"
                    + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new OwsException(Code.InvalidParameterValue, "bbox", "BBOX value '" + parts[i]
                        + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new OwsException(Code.InvalidParameterValue, "bbox", "BBOX values must be finite");
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw new OwsException(Code.InvalidParameterValue, "bbox",
                    "BBOX minimum must be below its maximum on both axes: '" + text + "'");
        }
        return CrsRegistry.envelope(v[0], v[1], v[2], v[3], crs.axisOrder());
    }

    private static int size(KvpRequest kvp, String key, int max) {
        String v = kvp.require(key);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new OwsException(Code.InvalidParameterValue, key, key.toUpperCase(Locale.ROOT)
                    + " must be a whole number of pixels, not '" + v + "'");
        }
        if (n < 1 || n > max) {
            throw new OwsException(Code.InvalidParameterValue, key, key.toUpperCase(Locale.ROOT)
                    + " must be between 1 and " + max + " pixels, not " + n);
        }
        return n;
    }

    private static Color color(String text) {
        if (text == null) {
            return Color.WHITE;
        }
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        } else if (t.startsWith("#")) {
            t = t.substring(1);
        }
        if (!t.matches("[0-9A-Fa-f]{6}")) {
            throw new OwsException(Code.InvalidParameterValue, "bgcolor", "BGCOLOR must be 0xRRGGBB, not '"
                    + text + "'");
        }
        return new Color(Integer.parseInt(t, 16));
    }

    /** CQL_FILTER: one filter, or one per layer separated by ';' (as GeoServer). */
    private static List<Filter> filters(String cql, List<PublishedLayer> layers) {
        List<Filter> out = new ArrayList<>();
        if (cql == null) {
            layers.forEach(l -> out.add(Filter.INCLUDE));
            return out;
        }
        String[] parts = cql.split(";", -1);
        if (parts.length != 1 && parts.length != layers.size()) {
            throw new OwsException(Code.InvalidParameterValue, "cql_filter",
                    "CQL_FILTER needs one filter, or one per layer separated by ';'");
        }
        for (int i = 0; i < layers.size(); i++) {
            PublishedLayer l = layers.get(i);
            String text = parts.length == 1 ? parts[0] : parts[i];
            if (text.isBlank() || text.strip().equalsIgnoreCase("INCLUDE")) {
                out.add(Filter.INCLUDE);
                continue;
            }
            CrsRegistry registry = CrsRegistry.get();
            FilterContext ctx = FilterContext.of(l.stored(), registry.parse(registry.shortName(l.stored().srid())))
                    .hiding(l.hidden());
            try {
                out.add(Cql2Text.parse(text, ctx));
            } catch (InvalidFilterException | FilterParseException e) {
                throw new OwsException(Code.InvalidParameterValue, "cql_filter", e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new OwsException(Code.InvalidParameterValue, "cql_filter", "unusable filter: "
                        + e.getMessage());
            }
        }
        return out;
    }

    /** A comma list of names, blanks left out. */
    static List<String> list(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
