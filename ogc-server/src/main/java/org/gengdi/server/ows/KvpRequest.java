package org.gengdi.server.ows;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The key-value pairs of an OWS GET request, with keys matched case-insensitively as the OWS specs require. */
public final class KvpRequest {
    private final Map<String, String> params;

    public KvpRequest(Map<String, String[]> raw) {
        Map<String, String> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        raw.forEach((k, v) -> {
            if (v != null && v.length > 0) {
                m.put(k.trim(), v[0]);
            }
        });
        this.params = Collections.unmodifiableMap(m);
    }

    /** The value or null; blank values count as absent. */
    public String get(String key) {
        String v = params.get(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public String require(String key) {
        String v = get(key);
        if (v == null) {
            throw new OwsException(OwsException.Code.MissingParameterValue, key.toLowerCase(Locale.ROOT),
                    "missing parameter " + key.toUpperCase(Locale.ROOT));
        }
        return v;
    }

    public Map<String, String> all() {
        return params;
    }
}
