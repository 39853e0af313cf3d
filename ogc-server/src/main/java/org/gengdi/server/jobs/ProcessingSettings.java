package org.gengdi.server.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the process engine ({@code gengdi.processes.*} and {@code gengdi.jobs.*}).
 *
 * @param workers          asynchronous jobs run at once by this instance
 * @param queueLimit       accepted jobs waiting (in the shared table) before new submissions get 503
 * @param syncConcurrency  synchronous executions at once; more wait up to {@code syncWait}, then get 503
 * @param syncWait         how long a synchronous request waits for a slot
 * @param retention        how long finished jobs and their results are kept
 * @param maxTime          the longest any execution may run (a process's own limit applies when shorter)
 * @param maxInputBytes    the largest request body / complex input
 * @param maxFeatures      the most features one complex input may hold
 * @param referenceAllow   URL prefixes that reference inputs may be fetched from (empty: only this server's own
 *                         WFS / OGC API URLs, resolved internally)
 * @param diagnostic       also publish the diagnostic {@code gengdi:Wait} process
 * @param instanceId       this instance's name in the job table (default: host name and data directory)
 * @param heartbeat        how often running jobs' heartbeats are written
 * @param staleAfter       a running job without heartbeat this long is failed as orphaned by any instance
 */
public record ProcessingSettings(int workers, int queueLimit, int syncConcurrency, Duration syncWait,
                                 Duration retention, Duration maxTime, long maxInputBytes, int maxFeatures,
                                 List<String> referenceAllow, boolean diagnostic, String instanceId,
                                 Duration heartbeat, Duration staleAfter) {
    public ProcessingSettings {
        referenceAllow = referenceAllow == null ? List.of() : List.copyOf(referenceAllow);
    }

    public static ProcessingSettings defaults(String instanceId) {
        return new ProcessingSettings(2, 100, 4, Duration.ofSeconds(2), Duration.ofDays(7), Duration.ofMinutes(30),
                64L << 20, 200_000, List.of(), false, instanceId, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** The problems with these settings, empty when usable. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (workers < 1 || workers > 64) {
            p.add("gengdi.jobs.workers must be 1 to 64");
        }
        if (queueLimit < 1) {
            p.add("gengdi.jobs.queue-limit must be at least 1");
        }
        if (syncConcurrency < 1 || syncConcurrency > 256) {
            p.add("gengdi.processes.sync-concurrency must be 1 to 256");
        }
        if (retention.isNegative() || retention.isZero()) {
            p.add("gengdi.jobs.retention must be positive");
        }
        if (maxInputBytes < 1024) {
            p.add("gengdi.processes.max-input-bytes must be at least 1024");
        }
        for (String a : referenceAllow) {
            if (!a.matches("https?://[^/]+/.*")) {
                p.add("gengdi.processes.reference-allow entries are http(s) URL prefixes with a path: " + a);
            }
        }
        if (staleAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            p.add("gengdi.jobs.stale-after must be at least three heartbeats");
        }
        return p;
    }
}
