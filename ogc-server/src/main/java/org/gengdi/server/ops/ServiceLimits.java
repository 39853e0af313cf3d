package org.gengdi.server.ops;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many requests of each service class may run at once ({@code gengdi.limits.<service>}), and how long a request
 * waits for a free slot ({@code gengdi.limits.wait}) before it is answered 503 with Retry-After.
 *
 * @param concurrency service class → concurrent requests (services not listed are not limited)
 * @param maxWait     the longest wait for a slot
 */
public record ServiceLimits(Map<String, Integer> concurrency, Duration maxWait) {
    /** The service classes: OWS services, OGC API Features and Processes, and the portal. */
    public static final String[] SERVICES = {"wms", "wmts", "wfs", "wps", "features", "processes"};

    public ServiceLimits {
        concurrency = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(concurrency));
    }

    /** Defaults for a 2-core machine: map and process work bounded, tiles and features freer. */
    public static Map<String, Integer> defaults() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("wms", 8);
        m.put("wmts", 32);
        m.put("wfs", 16);
        m.put("wps", 8);
        m.put("features", 16);
        m.put("processes", 8);
        return m;
    }
}
