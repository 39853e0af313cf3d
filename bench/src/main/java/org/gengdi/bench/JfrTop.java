package org.gengdi.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of the server (made by {@link WfsLoadBench} with {@code --jfr-dir}): CPU samples by
 * thread group, by package of the top frame, the hottest methods by self and by total (inclusive) samples, the
 * Gengdi methods by total samples, allocation by class and by the first Gengdi frame, and GC pauses.
 *
 * <p>Usage: {@code JfrTop [--rows 20] FILE.jfr...}.
 */
public final class JfrTop {
    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        int rows = 20;
        List<Path> files = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rows") && i + 1 < args.length) {
                rows = Integer.parseInt(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: JfrTop [--rows 20] FILE.jfr...");
            System.exit(2);
        }
        for (Path f : files) {
            summarise(f, rows);
        }
    }

    static void summarise(Path file, int rows) throws IOException {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> selfPackage = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocClass = new HashMap<>();
        Map<String, Long> allocSite = new HashMap<>();
        long samples = 0;
        long allocTotal = 0;
        long gcCount = 0;
        Duration gcPause = Duration.ZERO;
        Duration longestGc = Duration.ZERO;
        java.time.Instant first = null;
        java.time.Instant last = null;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                if (first == null || e.getStartTime().isBefore(first)) {
                    first = e.getStartTime();
                }
                if (last == null || e.getEndTime().isAfter(last)) {
                    last = e.getEndTime();
                }
            }
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    RecordedStackTrace st = e.getStackTrace();
                    if (st == null || st.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    RecordedThread t = e.getThread("sampledThread");
                    threads.merge(threadGroup(t == null ? "?" : t.getJavaName()), 1L, Long::sum);
                    List<RecordedFrame> frames = st.getFrames();
                    String top = name(frames.get(0));
                    self.merge(top, 1L, Long::sum);
                    selfPackage.merge(pkg(frames.get(0)), 1L, Long::sum);
                    Set<String> seen = new HashSet<>();
                    for (RecordedFrame f : frames) {
                        String n = name(f);
                        if (seen.add(n)) {
                            total.merge(n, 1L, Long::sum);
                        }
                    }
                }
                case "jdk.ObjectAllocationSample" -> {
                    long w = e.getLong("weight");
                    allocTotal += w;
                    var cls = e.getClass("objectClass");
                    allocClass.merge(cls == null ? "?" : cls.getName(), w, Long::sum);
                    RecordedStackTrace st = e.getStackTrace();
                    String site = "?";
                    if (st != null) {
                        for (RecordedFrame f : st.getFrames()) {
                            if (f.isJavaFrame() && f.getMethod().getType().getName().startsWith("org.gengdi.")) {
                                site = name(f);
                                break;
                            }
                        }
                    }
                    allocSite.merge(site, w, Long::sum);
                }
                case "jdk.GarbageCollection" -> {
                    gcCount++;
                    Duration d = e.getDuration("sumOfPauses");
                    gcPause = gcPause.plus(d);
                    if (d.compareTo(longestGc) > 0) {
                        longestGc = d;
                    }
                }
                default -> {
                }
            }
        }
        double seconds = first == null ? 0 : Duration.between(first, last).toMillis() / 1000.0;
        System.out.printf(Locale.ROOT, "%n=== JFR %s: %.1f s, %,d CPU samples (Java code only; native, I/O waits and"
                + " GC threads are not sampled) ===%n", file.getFileName(), seconds, samples);
        System.out.printf(Locale.ROOT, "GC: %d collections, %.0f ms paused in total, longest %.1f ms; allocation"
                        + " sampled ≈ %.0f MB (%.0f MB/s)%n", gcCount, gcPause.toNanos() / 1e6,
                longestGc.toNanos() / 1e6, allocTotal / 1048576.0, seconds == 0 ? 0 : allocTotal / 1048576.0 / seconds);
        print("samples by thread", threads, samples, rows, "samples");
        print("self samples by package of the top frame", selfPackage, samples, rows, "samples");
        print("hottest methods, self (top frame)", self, samples, rows, "samples");
        print("hottest methods, total (anywhere on the stack)", filter(total, n -> !boring(n)), samples, rows,
                "samples");
        print("Gengdi methods, total", filter(total, n -> n.startsWith("org.gengdi.")), samples, rows, "samples");
        print("allocation by class", allocClass, allocTotal, Math.min(rows, 12), "MB");
        print("allocation by first Gengdi frame", allocSite, allocTotal, Math.min(rows, 12), "MB");
    }

    private static Map<String, Long> filter(Map<String, Long> m, Predicate<String> keep) {
        Map<String, Long> r = new HashMap<>();
        m.forEach((k, v) -> {
            if (keep.test(k)) {
                r.put(k, v);
            }
        });
        return r;
    }

    /** Frames that are on nearly every stack of a request thread and say nothing. */
    private static boolean boring(String n) {
        return n.startsWith("java.lang.Thread.run") || n.startsWith("org.apache.tomcat.util.threads.")
                || n.startsWith("org.apache.coyote.") || n.startsWith("org.apache.catalina.")
                || n.startsWith("org.apache.tomcat.util.net.") || n.startsWith("jakarta.servlet.")
                || n.startsWith("org.springframework.web.filter.") || n.startsWith("org.springframework.web.servlet.")
                || n.startsWith("java.lang.reflect.") || n.startsWith("jdk.internal.reflect.")
                || n.startsWith("org.springframework.web.method.") || n.startsWith("java.util.concurrent.ThreadPool");
    }

    private static void print(String title, Map<String, Long> m, long all, int rows, String unit) {
        System.out.println("-- " + title + ":");
        m.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(rows)
                .forEach(e -> {
                    double pct = all == 0 ? 0 : 100.0 * e.getValue() / all;
                    String v = unit.equals("MB") ? String.format(Locale.ROOT, "%8.0f MB", e.getValue() / 1048576.0)
                            : String.format(Locale.ROOT, "%8d", e.getValue());
                    System.out.printf(Locale.ROOT, "  %5.1f%% %s  %s%n", pct, v, e.getKey());
                });
    }

    private static String name(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        if (m == null) {
            return "?";
        }
        return m.getType().getName() + "." + m.getName() + (f.isJavaFrame() ? "" : " (native)");
    }

    private static String pkg(RecordedFrame f) {
        RecordedMethod m = f.getMethod();
        if (m == null) {
            return "?";
        }
        String t = m.getType().getName();
        String[] parts = t.split("\\.");
        int keep = t.startsWith("org.gengdi.") ? Math.min(4, parts.length - 1) : Math.min(3, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOf(parts, Math.max(1, keep)));
    }

    private static String threadGroup(String name) {
        return name.replaceAll("-?\\d+$", "-N").replaceAll("\\d+", "N");
    }
}
