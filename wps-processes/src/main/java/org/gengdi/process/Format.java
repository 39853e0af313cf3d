package org.gengdi.process;

import java.util.List;
import java.util.Locale;

/**
 * A format of complex data: a media type, and for XML the schema that WPS 1.0.0 clients match on.
 *
 * @param mediaType the media type, e.g. {@code application/geo+json}
 * @param schema    the XML schema URL, or {@code null}
 * @param aliases   other media types clients use for the same format (matched case-insensitively)
 */
public record Format(String mediaType, String schema, List<String> aliases) {
    public Format {
        aliases = List.copyOf(aliases);
    }

    public static final Format GEOJSON = new Format("application/geo+json", null,
            List.of("application/json", "application/vnd.geo+json", "application/geojson"));
    public static final Format GML32 = new Format("application/gml+xml; version=3.2",
            "http://schemas.opengis.net/gml/3.2.1/gml.xsd",
            List.of("text/xml; subtype=gml/3.2.1", "text/xml; subtype=gml/3.2", "application/gml+xml"));
    public static final Format GML31 = new Format("text/xml; subtype=gml/3.1.1",
            "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd",
            List.of("application/gml+xml; version=3.1", "text/xml"));
    public static final Format WKT = new Format("application/wkt", null, List.of("text/plain; subtype=wkt",
            "text/plain"));
    /** A layer reference: {@code {"layer": "YJJBNTBHTB", "filter": "<CQL2 text>"}}. */
    public static final Format LAYER = new Format("application/vnd.gengdi.layer+json", null, List.of());
    public static final Format JSON = new Format("application/json", null, List.of());
    public static final Format HTML = new Format("text/html", null, List.of());

    /** True when a media type (parameters and spacing ignored where they don't matter) names this format. */
    public boolean matches(String type) {
        if (type == null) {
            return false;
        }
        String t = normal(type);
        if (normal(mediaType).equals(t)) {
            return true;
        }
        for (String a : aliases) {
            if (normal(a).equals(t)) {
                return true;
            }
        }
        return false;
    }

    private static String normal(String type) {
        return type.toLowerCase(Locale.ROOT).replace(" ", "").replace("\"", "");
    }

    /** True for XML formats (GML), which WPS embeds as XML rather than as text. */
    public boolean xml() {
        return schema != null;
    }

    /** The first format of a list that a media type names, or {@code null}. */
    public static Format find(List<Format> formats, String type) {
        for (Format f : formats) {
            if (f.matches(type)) {
                return f;
            }
        }
        return null;
    }
}
