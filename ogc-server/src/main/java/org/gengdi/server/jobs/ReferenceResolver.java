package org.gengdi.server.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gengdi.server.jobs.ExecuteRequest.RawInput;

/**
 * Resolves inputs given by reference without server-side request forgery. A reference to this server's own WFS
 * GetFeature or OGC API Features items becomes a layer reference, read internally (no HTTP request is made). Any
 * other URL is fetched only when it starts with a prefix of the configured allow-list, over http(s), without
 * following redirects, with a time and size limit. {@code file:}, {@code jar:} and every other URL are refused.
 */
final class ReferenceResolver {
    private static final Set<String> WFS_PARAMS = Set.of("service", "version", "request", "typename", "typenames",
            "cql_filter", "outputformat", "srsname");
    private static final Set<String> API_PARAMS = Set.of("filter", "filter-lang", "f");

    private final List<String> allowed;
    private final long maxBytes;
    private final HttpClient http;

    ReferenceResolver(List<String> allowedPrefixes, long maxBytes) {
        this.allowed = List.copyOf(allowedPrefixes);
        this.maxBytes = maxBytes;
        this.http = allowed.isEmpty() ? null : HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * The input a reference stands for.
     *
     * @param selfBase this server's base URL as the client sees it, e.g. {@code http://host:8080}
     */
    RawInput resolve(String inputId, RawInput.Reference ref, String selfBase) {
        URI uri;
        try {
            uri = new URI(ref.href().strip());
        } catch (URISyntaxException e) {
            throw refused(inputId, "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(inputId, "uses the scheme '" + scheme + ":'; only this server's http(s) URLs are read");
        }
        if (selfBase != null && sameOrigin(uri, URI.create(selfBase))) {
            return own(inputId, uri, URI.create(selfBase).getRawPath());
        }
        for (String prefix : allowed) {
            if (ref.href().startsWith(prefix)) {
                return fetch(inputId, uri, ref.mediaType());
            }
        }
        throw refused(inputId, "points outside this server and matches no allowed prefix "
                + "(gengdi.processes.reference-allow)");
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private RawInput own(String inputId, URI uri, String basePath) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String base = basePath == null ? "" : basePath.replaceAll("/+$", "");
        if (!path.startsWith(base)) {
            throw refused(inputId, "is not a WFS or OGC API Features URL of this server");
        }
        path = path.substring(base.length());
        Map<String, String> q = query(uri.getRawQuery());
        if (path.matches("/(ows|wfs)/?")) {
            check(inputId, q, WFS_PARAMS);
            if (!"getfeature".equalsIgnoreCase(q.getOrDefault("request", ""))) {
                throw refused(inputId, "is a WFS URL but not a GetFeature request");
            }
            String type = q.getOrDefault("typenames", q.get("typename"));
            if (type == null || type.contains(",") || type.contains("(")) {
                throw refused(inputId, "must name exactly one feature type (TYPENAMES)");
            }
            return new RawInput.Layer(type.substring(type.indexOf(':') + 1), q.get("cql_filter"));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/ogcapi/collections/([^/]+)/items/?")
                .matcher(path);
        if (m.matches()) {
            check(inputId, q, API_PARAMS);
            String lang = q.getOrDefault("filter-lang", "cql2-text");
            if (!lang.equals("cql2-text")) {
                throw refused(inputId, "may carry only a cql2-text filter");
            }
            return new RawInput.Layer(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8), q.get("filter"));
        }
        throw refused(inputId, "is not a WFS GetFeature or OGC API Features items URL of this server");
    }

    private static void check(String inputId, Map<String, String> q, Set<String> known) {
        for (String k : q.keySet()) {
            if (!known.contains(k)) {
                throw refused(inputId, "carries the parameter '" + k + "', which a reference cannot use here;"
                        + " put the selection into the filter");
            }
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k.toLowerCase(Locale.ROOT), v);
        }
        return out;
    }

    private RawInput fetch(String inputId, URI uri, String mediaType) {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                if (resp.statusCode() != 200) {
                    throw refused(inputId, "answered HTTP " + resp.statusCode());
                }
                byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (body.length > maxBytes) {
                    throw refused(inputId, "is larger than " + maxBytes / (1 << 20) + " MiB");
                }
                String type = mediaType != null ? mediaType
                        : resp.headers().firstValue("Content-Type").orElse(null);
                return new RawInput.Complex(type, new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw refused(inputId, "could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(inputId, "was interrupted");
        }
    }

    private static JobException refused(String inputId, String why) {
        return new JobException(JobException.Kind.REFERENCE_REFUSED, inputId,
                "the reference of input " + inputId + " " + why);
    }
}
