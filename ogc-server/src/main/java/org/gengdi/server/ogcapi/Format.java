package org.gengdi.server.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The two encodings of every resource: JSON (GeoJSON for features) by default, HTML for {@code f=html} or a client
 * whose {@code Accept} header prefers {@code text/html} (a browser). GDAL, QGIS and ArcGIS ask for JSON.
 */
enum Format {
    JSON("json"), HTML("html");

    private final String parameter;

    Format(String parameter) {
        this.parameter = parameter;
    }

    /** The value of the {@code f} parameter that asks for this format. */
    String parameter() {
        return parameter;
    }

    /** The format asked for by {@code f} (when given) or else by the {@code Accept} header. */
    static Format of(String f, HttpServletRequest request) {
        if (f != null) {
            return switch (f.strip().toLowerCase(Locale.ROOT)) {
                case "json", "geojson", "application/json", "application/geo+json" -> JSON;
                case "html", "text/html" -> HTML;
                default -> throw ApiException.badRequest("unknown format f=" + QueryParams.echo(f)
                        + "; use f=json or f=html");
            };
        }
        return fromAccept(request.getHeader("Accept"));
    }

    /**
     * HTML only when the Accept header rates {@code text/html} higher than any JSON type and than {@code * /*}
     * (browsers list it first); anything else, a missing or unreadable header included, gets JSON.
     */
    static Format fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        double html = 0;
        double json = 0;
        double any = 0;
        for (String part : accept.split(",")) {
            String[] pieces = part.split(";");
            String type = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].strip().toLowerCase(Locale.ROOT);
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (type.equals("text/html") || type.equals("application/xhtml+xml")) {
                html = Math.max(html, q);
            } else if (type.endsWith("/json") || type.endsWith("+json")) {
                json = Math.max(json, q);
            } else if (type.equals("*/*") || type.equals("application/*")) {
                any = Math.max(any, q);
            }
        }
        return html > 0 && html > json && html >= any ? HTML : JSON;
    }
}
