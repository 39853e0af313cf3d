package org.gengdi.server.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of one request, checked against the names the resource accepts: an unknown parameter
 * (a misspelt {@code limt}, an upper-case {@code LIMIT}) or one given twice is refused with 400 rather than
 * silently ignored. An empty value counts as absent, as HTML forms send empty fields.
 */
final class QueryParams {
    /** The longest piece of user text repeated in an error message. */
    private static final int ECHO = 60;

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param standard the parameters of the resource ({@code f}, {@code limit}, …)
     * @param extra    further accepted names (the queryables of a collection); may be empty
     */
    static QueryParams of(HttpServletRequest request, Set<String> standard, Collection<String> extra) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : request.getParameterMap().entrySet()) {
            String name = e.getKey();
            if (!standard.contains(name) && !extra.contains(name)) {
                Set<String> accepted = new TreeSet<>(standard);
                accepted.addAll(extra);
                throw ApiException.badRequest("unknown query parameter '" + echo(name) + "'; this resource accepts "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted)));
            }
            String[] given = e.getValue();
            if (given.length > 1) {
                throw ApiException.badRequest("query parameter '" + name + "' is given " + given.length
                        + " times; give it once");
            }
            if (given.length == 1 && !given[0].isBlank()) {
                values.put(name, given[0].strip());
            }
        }
        return new QueryParams(values);
    }

    /** The value, or null when absent or empty. */
    String get(String name) {
        return values.get(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The parameters given, in request order (empty ones left out). */
    Map<String, String> all() {
        return values;
    }

    /** A non-negative whole number, or {@code absent}; anything else is a 400 naming the parameter. */
    long number(String name, long absent, long minimum) {
        String v = values.get(name);
        if (v == null) {
            return absent;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            if (v.matches("[0-9]{19,}")) {
                return Long.MAX_VALUE;        // huge but well-formed: clamped by the caller like any large value
            }
            throw ApiException.badRequest(name + " must be a whole number, not '" + echo(v) + "'");
        }
        if (n < minimum) {
            throw ApiException.badRequest(name + " must be at least " + minimum + ", not " + n);
        }
        return n;
    }

    /** User text shortened for messages, so that an error never repeats a whole hostile input. */
    static String echo(String s) {
        return s.length() <= ECHO ? s : s.substring(0, ECHO) + "…";
    }
}
