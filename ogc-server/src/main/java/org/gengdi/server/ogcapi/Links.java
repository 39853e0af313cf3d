package org.gengdi.server.ogcapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links of one request. The base comes from {@link ServletUriComponentsBuilder}, so behind a proxy that
 * sends {@code X-Forwarded-Host}/{@code -Proto}/{@code -Port}/{@code -Prefix} the links point at the proxy
 * ({@code server.forward-headers-strategy=framework}).
 */
final class Links {
    static final String JSON = "application/json";
    static final String GEOJSON = "application/geo+json";
    static final String HTML = "text/html";
    static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
    static final String SCHEMA = "application/schema+json";
    static final String PROBLEM = "application/problem+json";
    static final String REL_QUERYABLES = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    /** One link of a document. */
    record Link(String href, String rel, String type, String title) {
        ObjectNode toJson(ObjectNode into) {
            into.put("href", href).put("rel", rel).put("type", type);
            if (title != null) {
                into.put("title", title);
            }
            return into;
        }
    }

    private final String base;

    private Links(String base) {
        this.base = base;
    }

    static Links of(HttpServletRequest request) {
        return new Links(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/ogcapi");
    }

    /** The API root, e.g. {@code https://proxy.example/gengdi/ogcapi}. */
    String base() {
        return base;
    }

    /** An absolute URL of a path below the root ({@code "/collections"}) with these query parameters. */
    String url(String path, Map<String, String> params) {
        StringBuilder b = new StringBuilder(base).append(path);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return b.toString();
    }

    String url(String path) {
        return base + path;
    }

    /** The path with the given parameters and {@code f} set to the format. */
    String url(String path, Map<String, String> params, Format f) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.remove("f");
        p.put("f", f.parameter());
        return url(path, p);
    }

    /**
     * The {@code self} link in the format of the response and an {@code alternate} in the other one, both keeping
     * the request's other parameters.
     */
    List<Link> selfAndAlternate(String path, Map<String, String> params, Format format, String jsonType,
                                String title) {
        Format other = format == Format.JSON ? Format.HTML : Format.JSON;
        return List.of(
                new Link(url(path, params, format), "self", format == Format.JSON ? jsonType : HTML,
                        "this document"),
                new Link(url(path, params, other), "alternate", other == Format.JSON ? jsonType : HTML,
                        (other == Format.JSON ? "JSON: " : "HTML: ") + title));
    }

    static ArrayNode toJson(List<Link> links, ArrayNode into) {
        for (Link l : links) {
            l.toJson(into.addObject());
        }
        return into;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
