package org.gengdi.server.config;

import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/** Warns about {@code gengdi.*} settings that Gengdi does not know (usually a typo that would be ignored). */
public final class UnknownSettingsCheck {
    private static final Logger LOG = LoggerFactory.getLogger(UnknownSettingsCheck.class);

    /** Every key Gengdi reads, in canonical (kebab-case) form. */
    public static final Set<String> KNOWN = Set.of("gengdi.data-dir", "gengdi.store", "gengdi.geopackage.file",
            "gengdi.postgis.url", "gengdi.postgis.user", "gengdi.postgis.password", "gengdi.postgis.schema",
            "gengdi.postgis.pool-size", "gengdi.sample.generate-on-start", "gengdi.sample.parcels",
            "gengdi.sample.seed", "gengdi.jobs.workers", "gengdi.jobs.queue-limit", "gengdi.jobs.retention",
            "gengdi.jobs.instance-id", "gengdi.jobs.heartbeat", "gengdi.jobs.stale-after",
            "gengdi.processes.sync-concurrency", "gengdi.processes.sync-wait", "gengdi.processes.max-time",
            "gengdi.processes.max-input-bytes", "gengdi.processes.max-features", "gengdi.processes.reference-allow",
            "gengdi.processes.diagnostic", "gengdi.limits.wms", "gengdi.limits.wmts", "gengdi.limits.wfs",
            "gengdi.limits.wps", "gengdi.limits.features", "gengdi.limits.processes", "gengdi.limits.wait");

    private UnknownSettingsCheck() {
    }

    /** Logs a warning naming each unknown key; returns them (for tests). */
    public static Set<String> warnUnknown(Environment env) {
        Set<String> unknown = new TreeSet<>();
        if (env instanceof ConfigurableEnvironment ce) {
            for (PropertySource<?> ps : ce.getPropertySources()) {
                if (ps instanceof EnumerablePropertySource<?> eps) {
                    for (String name : eps.getPropertyNames()) {
                        String canonical = canonical(name);
                        if (canonical.startsWith("gengdi.") && !canonical.startsWith("gengdi.test.")
                                && !KNOWN.contains(canonical)) {
                            unknown.add(name);
                        }
                    }
                }
            }
        }
        for (String u : unknown) {
            LOG.warn("Unknown setting '{}' is ignored. Known settings: {}", u, new TreeSet<>(KNOWN));
        }
        return unknown;
    }

    /** {@code GENGDI_POSTGIS_POOL_SIZE} / {@code gengdi.postgis.poolSize} → {@code gengdi.postgis.pool-size}. */
    static String canonical(String name) {
        String n = name;
        if (n.startsWith("GENGDI_")) {
            n = n.toLowerCase().replace('_', '.');
            // environment variables cannot tell '.' from '-': map back the known multi-word keys
            for (String k : KNOWN) {
                if (k.replace('-', '.').equals(n)) {
                    return k;
                }
            }
            return n;
        }
        n = n.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
        return n.replace('_', '-');
    }
}
