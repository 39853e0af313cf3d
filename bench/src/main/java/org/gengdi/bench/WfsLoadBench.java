package org.gengdi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * WFS GetFeature load benchmark against a running Gengdi server (started by {@code bench/run.sh wfs-load}).
 *
 * <ol>
 *   <li><b>Throughput</b>: N concurrent clients (default 8) request pages of COUNT features (default 1,000) of the
 *   red-line layer, as GeoJSON and as GML 3.2, for a warm-up period and then a measured window. STARTINDEX walks
 *   round-robin over every full page of the layer, so no two consecutive requests ask the same page. Every response
 *   is read to the end and checked: HTTP 200, the content type, {@code numberReturned} in the document head equal to
 *   COUNT, and a properly closed document at the end (a response that fails half-way is truncated, not closed).
 *   With {@code --count-features} the features in each body are also counted. Failures are counted by reason and
 *   printed, in the warm-up as well as in the window.</li>
 *   <li><b>Heap while streaming</b> (needs {@code --jmx}): the whole cultivated-land layer in one request, as GML 3.2
 *   and as GeoJSON, read and counted to the last feature. Two passes per format over the server's JMX:
 *   (a) baseline = used heap after two forced GCs; then the peak used heap, polled every 10 ms, and the sum of the
 *   heap pools' peaks (reset after the GC) as an upper bound — these include garbage that the young generation
 *   has not collected yet, so they mostly show how large the collector lets the young generation grow;
 *   (b) baseline again, then a full GC every {@code --gc-interval-ms} while the response streams: the largest used
 *   heap right after one of those GCs is the live heap during the request, the figure the target is about
 *   (does streaming hold features in memory?).</li>
 * </ol>
 *
 * <p>With {@code --jmx} the server's CPU time, GC time and the machine's load average over each window are printed
 * too (the machine is shared, so those say how much the figures can be trusted). With {@code --jfr-dir} a JFR
 * profile of the server is recorded over each measured load window (summarised by {@link JfrTop}).
 */
public final class WfsLoadBench {
    private static final String TARGET_NOTE = "targets: >= 200 requests/s for 1,000 features as GeoJSON from PostGIS"
            + " with 8 clients (MapServer 8 ~44, QGIS Server ~82 on this kind of machine); heap growth < 64 MB"
            + " while streaming the whole layer";

    private WfsLoadBench() {
    }

    /** The two output formats measured. */
    enum Format {
        GEOJSON("GeoJSON", "application/json", Pattern.compile("\"numberReturned\"\\s*:\\s*(\\d+)"), "]}",
                "{\"type\":\"Feature\",", "application/geo+json"),
        GML("GML 3.2", null, Pattern.compile("numberReturned=\"(\\d+)\""), "</wfs:FeatureCollection>",
                "<wfs:member>", "application/gml+xml");

        final String label;
        /** OUTPUTFORMAT, or null for the server's default (GML 3.2 for WFS 2.0). */
        final String outputFormat;
        final Pattern numberReturned;
        final String end;
        final byte[] featureMark;
        final String contentType;

        Format(String label, String outputFormat, Pattern numberReturned, String end, String featureMark,
               String contentType) {
            this.label = label;
            this.outputFormat = outputFormat;
            this.numberReturned = numberReturned;
            this.end = end;
            this.featureMark = featureMark.getBytes(StandardCharsets.US_ASCII);
            this.contentType = contentType;
        }

        static Format parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "geojson", "json" -> GEOJSON;
                case "gml", "gml32" -> GML;
                default -> throw new IllegalArgumentException("unknown format " + s + " (geojson or gml)");
            };
        }
    }

    /** Command-line options. */
    static final class Options {
        String store = "server";
        String url;
        String jmx;
        int clients = 8;
        double warmup = 10;
        double duration = 20;
        long count = 1000;
        String layer = "gengdi:YJJBNTBHTB";
        List<Format> formats = List.of(Format.GEOJSON, Format.GML);
        String heapLayer = "gengdi:DLTB";
        long heapCount = 100_000;
        boolean load = true;
        boolean heap = true;
        boolean gzip;
        boolean countFeatures;
        int gcIntervalMs = 250;
        Path jfrDir;
        String jfrSettings = "profile";
        Path summary;
        double targetRps = 200;
        double targetHeapMb = 64;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--no-load" -> o.load = false;
                    case "--no-heap" -> o.heap = false;
                    case "--gzip" -> o.gzip = true;
                    case "--count-features" -> o.countFeatures = true;
                    default -> {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(a + " needs a value");
                        }
                        String v = args[++i];
                        switch (a) {
                            case "--store" -> o.store = v;
                            case "--url" -> o.url = v;
                            case "--jmx" -> o.jmx = v;
                            case "--clients" -> o.clients = Integer.parseInt(v);
                            case "--warmup" -> o.warmup = Double.parseDouble(v);
                            case "--duration" -> o.duration = Double.parseDouble(v);
                            case "--count" -> o.count = Long.parseLong(v);
                            case "--layer" -> o.layer = v;
                            case "--formats" -> o.formats = Arrays.stream(v.split(",")).map(Format::parse).toList();
                            case "--heap-layer" -> o.heapLayer = v;
                            case "--heap-count" -> o.heapCount = Long.parseLong(v);
                            case "--gc-interval-ms" -> o.gcIntervalMs = Integer.parseInt(v);
                            case "--jfr-dir" -> o.jfrDir = Path.of(v);
                            case "--jfr-settings" -> o.jfrSettings = v;
                            case "--summary" -> o.summary = Path.of(v);
                            case "--target-rps" -> o.targetRps = Double.parseDouble(v);
                            case "--target-heap-mb" -> o.targetHeapMb = Double.parseDouble(v);
                            default -> throw new IllegalArgumentException("unknown option " + a);
                        }
                    }
                }
            }
            if (o.url == null) {
                throw new IllegalArgumentException("--url http://HOST:PORT/ows is required");
            }
            if (o.clients < 1 || o.count < 1 || o.duration <= 0 || o.warmup < 0) {
                throw new IllegalArgumentException("clients, count and duration must be positive");
            }
            return o;
        }
    }

    public static void main(String[] args) throws Exception {
        // HttpURLConnection keeps at most http.maxConnections idle connections per host (default 5): with 8
        // clients the rest would reconnect on every request.
        System.setProperty("http.maxConnections", "256");
        System.setProperty("http.keepAlive", "true");
        Options o;
        try {
            o = Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println("WfsLoadBench: " + e.getMessage());
            System.err.println("usage: WfsLoadBench --url http://127.0.0.1:PORT/ows [--store NAME] [--jmx HOST:PORT]"
                    + " [--clients 8] [--warmup 10] [--duration 20] [--count 1000] [--layer gengdi:YJJBNTBHTB]"
                    + " [--formats geojson,gml] [--heap-layer gengdi:DLTB] [--heap-count 100000] [--no-load]"
                    + " [--no-heap] [--gzip] [--count-features] [--gc-interval-ms 250] [--jfr-dir DIR]"
                    + " [--jfr-settings profile|default]"
                    + " [--summary FILE]");
            System.exit(2);
            return;
        }
        new Run(o).run();
    }

    /** One benchmark run against one server. */
    private static final class Run {
        private final Options o;
        private final Server server;
        private final List<String> summary = new ArrayList<>();
        private boolean failed;

        Run(Options o) throws IOException {
            this.o = o;
            this.server = o.jmx == null ? null : Server.connect(o.jmx);
        }

        void run() throws Exception {
            try {
                System.out.printf(Locale.ROOT, "== %s: %s%s%n", o.store, o.url,
                        server == null ? " (no JMX: no server CPU, GC or heap figures)" : " (JMX " + o.jmx + ")");
                if (server != null) {
                    System.out.println("   server JVM: " + server.describe());
                }
                if (o.load) {
                    load();
                }
                if (o.heap) {
                    if (server == null) {
                        System.out.println("heap: skipped (needs --jmx)");
                    } else {
                        heap();
                    }
                }
                System.out.println();
                System.out.println("Summary " + o.store + " (" + TARGET_NOTE + ")");
                summary.forEach(System.out::println);
                if (o.summary != null) {
                    List<String> lines = new ArrayList<>();
                    lines.add("-- " + o.store + " --");
                    lines.addAll(summary);
                    Files.write(o.summary, lines, StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
                }
            } finally {
                if (server != null) {
                    server.close();
                }
            }
            if (failed) {
                System.exit(1);
            }
        }

        // ---------------------------------------------------------------------------------------------- load

        void load() throws Exception {
            long matched = Http.numberMatched(o.url, o.layer);
            long pages = matched / o.count;
            System.out.printf(Locale.ROOT, "%n%s: %,d features, %,d full pages of %,d; %d clients, %.0f s warm-up,"
                            + " %.0f s measured per format%s%n", o.layer, matched, pages, o.count, o.clients, o.warmup,
                    o.duration, o.gzip ? ", Accept-Encoding: gzip" : ", no compression");
            if (pages < 1) {
                throw new IllegalStateException(o.layer + " has fewer than " + o.count + " features");
            }
            summary.add(String.format(Locale.ROOT, "%-10s %-8s %8s %11s %9s %9s %9s %7s %7s %7s %7s %8s %10s %s",
                    "store", "format", "req/s", "features/s", "MB/s", "p50 ms", "p95 ms", "errors", "srv cpu",
                    "pg cpu", "others", "srv GC%", "cpu ms/req", "target"));
            for (Format f : o.formats) {
                LoadResult r = loadFormat(f, pages);
                boolean isTarget = f == Format.GEOJSON && o.store.toLowerCase(Locale.ROOT).contains("postgis");
                String verdict = isTarget ? String.format(Locale.ROOT, ">= %.0f req/s: %s", o.targetRps,
                        r.rps >= o.targetRps ? "MET" : "NOT MET") : "-";
                summary.add(String.format(Locale.ROOT,
                        "%-10s %-8s %8.1f %,11.0f %9.1f %9.1f %9.1f %7d %7s %7.2f %7.2f %8s %10s %s",
                        o.store, f.label, r.rps, r.rps * o.count, r.mbps, r.p50, r.p95, r.errors,
                        r.serverCores < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", r.serverCores),
                        r.postgresCores, r.otherCores,
                        r.gcPercent < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", r.gcPercent),
                        r.serverCores < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f",
                                (r.serverCores + r.postgresCores) * 1000 / r.rps), verdict));
                if (r.errors > 0) {
                    failed = true;
                }
            }
            summary.add(String.format(Locale.ROOT, "  %d clients, %.0f s measured after %.0f s warm-up, %,d-feature"
                            + " pages of %s; errors = failed responses in the warm-up and the window; srv cpu / pg cpu / others = cores busy in the window (of %d) in the"
                            + " Gengdi server, PostgreSQL and other processes (the load generator apart); cpu ms/req ="
                            + " (srv + pg) CPU time per response", o.clients,
                    o.duration, o.warmup, o.count, o.layer, Runtime.getRuntime().availableProcessors()));
        }

        record LoadResult(double rps, double mbps, double p50, double p95, long errors, double serverCores,
                          double gcPercent, double postgresCores, double otherCores) {
        }

        LoadResult loadFormat(Format f, long pages) throws Exception {
            System.out.printf(Locale.ROOT, "%n-- %s, %s --%n", o.store, f.label);
            AtomicLong sequence = new AtomicLong();
            Errors warmupErrors = new Errors();
            Errors errors = new Errors();
            long t0 = System.nanoTime();
            long measureStart = t0 + (long) (o.warmup * 1e9);
            long measureEnd = measureStart + (long) (o.duration * 1e9);
            Worker[] workers = new Worker[o.clients];
            CountDownLatch done = new CountDownLatch(o.clients);
            for (int i = 0; i < o.clients; i++) {
                workers[i] = new Worker(f, pages, sequence, measureStart, measureEnd, warmupErrors, errors, done);
                Thread t = new Thread(workers[i], "client-" + i);
                t.setDaemon(true);
                t.start();
            }
            // Server and machine figures over the measured window only.
            sleepUntil(measureStart);
            Usage before = Usage.now(server);
            String jfrName = null;
            if (server != null && o.jfrDir != null) {
                jfrName = "wfsload-" + sanitize(o.store) + "-" + sanitize(f.label);
                server.jfrStart(jfrName, o.jfrSettings);
            }
            sleepUntil(measureEnd);
            Usage after = Usage.now(server);
            if (jfrName != null) {
                Files.createDirectories(o.jfrDir);
                Path file = o.jfrDir.toAbsolutePath().resolve(jfrName + ".jfr");
                server.jfrStop(jfrName, file);
                System.out.println("JFR recording of the measured window: " + file);
            }
            done.await();
            long straggle = (System.nanoTime() - measureEnd) / 1_000_000;

            long n = 0;
            long bytes = 0;
            long wire = 0;
            long features = 0;
            List<long[]> latencies = new ArrayList<>();
            long warmupRequests = 0;
            for (Worker w : workers) {
                n += w.measured.size;
                bytes += w.measuredBytes;
                wire += w.measuredWireBytes;
                features += w.measuredFeatures;
                latencies.add(w.measured.toArray());
                warmupRequests += w.warmupRequests;
            }
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            double window = o.duration;
            double rps = n / window;
            double mbps = bytes / window / 1048576.0;
            double p50 = percentile(all, 0.50);
            double p95 = percentile(all, 0.95);
            double p99 = percentile(all, 0.99);
            double max = all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6;
            double mean = Arrays.stream(all).average().orElse(Double.NaN) / 1e6;
            System.out.printf(Locale.ROOT, "warm-up: %,d requests, %d failed%n", warmupRequests,
                    warmupErrors.total());
            warmupErrors.print("  warm-up failure");
            System.out.printf(Locale.ROOT, "measured %.0f s: %,d good responses = %.1f requests/s, %,.0f features/s,"
                    + " %.1f MB/s (%,.0f bytes per response)%n", window, n, rps, rps * o.count, mbps,
                    n == 0 ? 0.0 : (double) bytes / n);
            if (o.gzip) {
                System.out.printf(Locale.ROOT, "gzip on the wire: %,.0f bytes per response (%.1f MB/s)%n",
                        n == 0 ? 0.0 : (double) wire / n, wire / window / 1048576.0);
            }
            if (o.countFeatures) {
                System.out.printf(Locale.ROOT, "features counted in the bodies: %,d (%,d expected)%n", features,
                        n * o.count);
            }
            System.out.printf(Locale.ROOT, "latency ms: mean %.1f, p50 %.1f, p95 %.1f, p99 %.1f, max %.1f%n", mean,
                    p50, p95, p99, max);
            System.out.printf(Locale.ROOT, "failed in the window: %d%n", errors.total());
            errors.print("  failure");
            System.out.printf(Locale.ROOT, "last requests finished %d ms after the window%n", straggle);
            double seconds = (after.nanos - before.nanos) / 1e9;
            double cores = -1;
            double gc = -1;
            if (server != null) {
                cores = (after.serverCpuNanos - before.serverCpuNanos) / 1e9 / seconds;
                gc = 100.0 * (after.serverGcMillis - before.serverGcMillis) / 1000.0 / seconds;
            }
            double clientCores = (after.clientCpuNanos - before.clientCpuNanos) / 1e9 / seconds;
            double machine = (after.machineBusyTicks - before.machineBusyTicks) / Usage.TICKS_PER_SECOND / seconds;
            double postgres = (after.postgresTicks - before.postgresTicks) / Usage.TICKS_PER_SECOND / seconds;
            System.out.printf(Locale.ROOT, "in the window (cores busy of %d): machine %.2f = Gengdi server %s"
                            + " + PostgreSQL %.2f + this load generator %.2f + others %.2f; load average %.2f -> %.2f%n",
                    Runtime.getRuntime().availableProcessors(), machine,
                    server == null ? "n/a" : String.format(Locale.ROOT, "%.2f (GC %.1f%% of wall time, %d"
                            + " collections)", cores, gc, after.serverGcCount - before.serverGcCount),
                    postgres, clientCores, machine - Math.max(cores, 0) - postgres - clientCores,
                    before.loadAverage, after.loadAverage);
            if (server != null && n > 0) {
                double perRequest = (cores + postgres + clientCores) / rps;
                System.out.printf(Locale.ROOT, "CPU per response: server %.1f ms + PostgreSQL %.1f ms + load generator"
                                + " %.1f ms; all %d cores to these alone would give at most ≈ %.0f requests/s%n",
                        cores * 1000 / rps, postgres * 1000 / rps, clientCores * 1000 / rps,
                        Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors() / perRequest);
            }
            double others = machine - Math.max(cores, 0) - postgres - clientCores;
            // Failures in the warm-up count too: the summary's error column is every failed response.
            return new LoadResult(rps, mbps, p50, p95, errors.total() + warmupErrors.total(), cores, gc, postgres,
                    others);
        }

        /** One client: requests pages back to back until the window closes. */
        private final class Worker implements Runnable {
            final Format format;
            final long pages;
            final AtomicLong sequence;
            final long measureStart;
            final long measureEnd;
            final Errors warmupErrors;
            final Errors errors;
            final CountDownLatch done;
            final LongList measured = new LongList();
            final Http.Reader reader;
            long measuredBytes;
            long measuredWireBytes;
            long measuredFeatures;
            long warmupRequests;

            Worker(Format format, long pages, AtomicLong sequence, long measureStart, long measureEnd,
                   Errors warmupErrors, Errors errors, CountDownLatch done) {
                this.format = format;
                this.pages = pages;
                this.sequence = sequence;
                this.measureStart = measureStart;
                this.measureEnd = measureEnd;
                this.warmupErrors = warmupErrors;
                this.errors = errors;
                this.done = done;
                this.reader = new Http.Reader(format, o.countFeatures);
            }

            @Override
            public void run() {
                try {
                    while (System.nanoTime() < measureEnd) {
                        long page = sequence.getAndIncrement() % pages;
                        String url = Http.getFeatureUrl(o.url, o.layer, format, o.count, page * o.count);
                        long start = System.nanoTime();
                        String problem;
                        try {
                            problem = reader.fetch(url, o.gzip, o.count);
                        } catch (IOException | RuntimeException e) {
                            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                            pause(); // a refused connection fails at once: do not spin
                        }
                        long end = System.nanoTime();
                        boolean inWindow = end >= measureStart && end <= measureEnd;
                        if (problem != null) {
                            (inWindow || end > measureEnd ? errors : warmupErrors).add(problem, url);
                        } else if (inWindow) {
                            measured.add(end - start);
                            measuredBytes += reader.bytes;
                            measuredWireBytes += reader.wireBytes;
                            measuredFeatures += reader.features;
                        } else if (end < measureStart) {
                            warmupRequests++;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }
        }

        // ---------------------------------------------------------------------------------------------- heap

        void heap() throws Exception {
            long matched = Http.numberMatched(o.url, o.heapLayer);
            long expected = Math.min(matched, o.heapCount);
            System.out.printf(Locale.ROOT, "%n-- %s: heap while streaming %s in one request (%,d features, COUNT=%d)"
                    + " --%n", o.store, o.heapLayer, matched, o.heapCount);
            System.out.println("server max heap: " + server.maxHeapMb() + " MB");
            summary.add(String.format(Locale.ROOT, "%-10s %-8s %9s %8s %10s %11s %11s %10s %s", "store", "format",
                    "seconds", "MB out", "base MB", "live +MB", "peak +MB", "pools +MB", "target"));
            for (Format f : List.of(Format.GML, Format.GEOJSON)) {
                if (!o.formats.contains(f)) {
                    continue;
                }
                String url = Http.getFeatureUrl(o.url, o.heapLayer, f, o.heapCount, 0);
                Http.Reader reader = new Http.Reader(f, true);
                // warm-up once, so that the figures are not about class loading and JIT.
                check(reader.fetch(url, o.gzip, expected), f, "warm-up");

                // (a) peak used heap, garbage included.
                long base = server.usedAfterGc();
                server.resetPeaks();
                Poller poller = new Poller(server, 10, false);
                poller.start();
                long t0 = System.nanoTime();
                String problem = reader.fetch(url, o.gzip, expected);
                double seconds = (System.nanoTime() - t0) / 1e9;
                poller.stopAndJoin();
                long pools = server.sumOfPeaks();
                long polledPeak = Math.max(poller.max, base);
                check(problem, f, "pass a");
                long bytes = reader.bytes;
                long features = reader.features;

                // (b) live heap: full GCs while the response streams.
                long base2 = server.usedAfterGc();
                Poller gcs = new Poller(server, o.gcIntervalMs, true);
                gcs.start();
                String problem2 = reader.fetch(url, o.gzip, expected);
                gcs.stopAndJoin();
                check(problem2, f, "pass b");
                double live = gcs.samples == 0 ? Double.NaN : (gcs.max - base2) / 1048576.0;

                System.out.printf(Locale.ROOT, "%s: %,d features (%,d expected), %.1f MB in %.2f s%n", f.label,
                        features, expected, bytes / 1048576.0, seconds);
                System.out.printf(Locale.ROOT, "  (a) baseline %.1f MB after GC; peak used %.1f MB polled every 10 ms"
                                + " (+%.1f MB), sum of heap-pool peaks %.1f MB (+%.1f MB) — includes garbage not yet"
                                + " collected%n", base / 1048576.0, polledPeak / 1048576.0,
                        (polledPeak - base) / 1048576.0, pools / 1048576.0, (pools - base) / 1048576.0);
                System.out.printf(Locale.ROOT, "  (b) baseline %.1f MB after GC; largest used heap right after a full"
                                + " GC during the request %.1f MB (+%.1f MB) over %d forced GCs every %d ms%n",
                        base2 / 1048576.0, gcs.max / 1048576.0, live, gcs.samples, o.gcIntervalMs);
                summary.add(String.format(Locale.ROOT, "%-10s %-8s %9.2f %8.1f %10.1f %11.1f %11.1f %10.1f %s",
                        o.store, f.label, seconds, bytes / 1048576.0, base / 1048576.0, live,
                        (polledPeak - base) / 1048576.0, (pools - base) / 1048576.0,
                        String.format(Locale.ROOT, "live < %.0f MB: %s; peak incl. garbage %s", o.targetHeapMb,
                                Double.isNaN(live) ? "n/a" : live < o.targetHeapMb ? "MET" : "NOT MET",
                                (polledPeak - base) / 1048576.0 < o.targetHeapMb ? "also under" : "over")));
            }
            summary.add("  live = used heap right after full GCs forced during the request minus the baseline after"
                    + " GC; peak = polled used heap (garbage included) minus baseline; pools = sum of the heap pools'"
                    + " peaks minus baseline (an upper bound)");
        }

        private void check(String problem, Format f, String pass) {
            if (problem != null) {
                failed = true;
                throw new IllegalStateException(f.label + " " + pass + " of the whole layer failed: " + problem);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- HTTP

    /** Requests and response checks. */
    static final class Http {
        private Http() {
        }

        static String getFeatureUrl(String base, String layer, Format f, long count, long startIndex) {
            StringBuilder sb = new StringBuilder(base).append(base.contains("?") ? "&" : "?")
                    .append("SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=")
                    .append(URLEncoder.encode(layer, StandardCharsets.UTF_8)).append("&COUNT=").append(count);
            if (startIndex > 0) {
                sb.append("&STARTINDEX=").append(startIndex);
            }
            if (f.outputFormat != null) {
                sb.append("&OUTPUTFORMAT=").append(URLEncoder.encode(f.outputFormat, StandardCharsets.UTF_8));
            }
            return sb.toString();
        }

        private static final Pattern MATCHED = Pattern.compile("numberMatched=\"(\\d+)\"");

        /** numberMatched from a RESULTTYPE=hits request. */
        static long numberMatched(String base, String layer) throws IOException {
            String url = base + (base.contains("?") ? "&" : "?") + "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                    + "&TYPENAMES=" + URLEncoder.encode(layer, StandardCharsets.UTF_8) + "&RESULTTYPE=hits";
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            int status = c.getResponseCode();
            InputStream in = status == 200 ? c.getInputStream() : c.getErrorStream();
            String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("hits request for " + layer + " answered HTTP " + status + ": "
                        + snippet(body));
            }
            Matcher m = MATCHED.matcher(body);
            if (!m.find()) {
                throw new IOException("no numberMatched in the hits answer for " + layer + ": " + snippet(body));
            }
            return Long.parseLong(m.group(1));
        }

        static String snippet(String s) {
            String t = s.replaceAll("\\s+", " ").trim();
            return t.length() > 300 ? t.substring(0, 300) + "…" : t;
        }

        /** Reads one response to the end with reused buffers; one per thread. */
        static final class Reader {
            private static final int HEAD = 8192;
            private static final int TAIL = 256;
            final Format format;
            final boolean countFeatures;
            final byte[] buffer = new byte[65536];
            final byte[] head = new byte[HEAD];
            final byte[] tail = new byte[TAIL];
            final int[] failure;
            long bytes;
            /** Bytes received, before gzip decoding. */
            long wireBytes;
            long features;

            Reader(Format format, boolean countFeatures) {
                this.format = format;
                this.countFeatures = countFeatures;
                this.failure = kmpTable(format.featureMark);
            }

            /** Fetches and checks; null when the response is good, else what is wrong. */
            String fetch(String url, boolean gzip, long expectedReturned) throws IOException {
                bytes = 0;
                wireBytes = 0;
                features = 0;
                HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
                c.setConnectTimeout(10_000);
                c.setReadTimeout(120_000);
                if (gzip) {
                    c.setRequestProperty("Accept-Encoding", "gzip");
                }
                int status = c.getResponseCode();
                if (status != 200) {
                    InputStream err = c.getErrorStream();
                    String body = err == null ? "" : new String(err.readNBytes(4096), StandardCharsets.UTF_8);
                    if (err != null) {
                        err.transferTo(OutputStreamSink.INSTANCE);
                        err.close();
                    }
                    return "HTTP " + status + ": " + snippet(body);
                }
                String type = c.getContentType();
                Counting raw = new Counting(c.getInputStream());
                boolean zipped = "gzip".equalsIgnoreCase(c.getContentEncoding());
                int headLen = 0;
                int tailLen = 0;
                int matched = 0;
                byte[] mark = format.featureMark;
                try (raw; InputStream in = zipped ? new GZIPInputStream(raw, 65536) : raw) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        bytes += n;
                        if (headLen < HEAD) {
                            int k = Math.min(n, HEAD - headLen);
                            System.arraycopy(buffer, 0, head, headLen, k);
                            headLen += k;
                        }
                        if (n >= TAIL) {
                            System.arraycopy(buffer, n - TAIL, tail, 0, TAIL);
                            tailLen = TAIL;
                        } else {
                            int keep = Math.min(tailLen, TAIL - n);
                            System.arraycopy(tail, tailLen - keep, tail, 0, keep);
                            System.arraycopy(buffer, 0, tail, keep, n);
                            tailLen = keep + n;
                        }
                        if (countFeatures) {
                            for (int i = 0; i < n; i++) {
                                byte b = buffer[i];
                                while (matched > 0 && mark[matched] != b) {
                                    matched = failure[matched - 1];
                                }
                                if (mark[matched] == b) {
                                    matched++;
                                    if (matched == mark.length) {
                                        features++;
                                        matched = failure[matched - 1];
                                    }
                                }
                            }
                        }
                    }
                }
                wireBytes = raw.count;
                if (gzip && !zipped) {
                    return "asked for gzip, got Content-Encoding " + c.getContentEncoding();
                }
                if (type == null || !type.startsWith(format.contentType)) {
                    return "content type " + type + ", expected " + format.contentType;
                }
                String headText = new String(head, 0, headLen, StandardCharsets.UTF_8);
                Matcher m = format.numberReturned.matcher(headText);
                if (!m.find()) {
                    return "no numberReturned in the first " + HEAD + " bytes: " + snippet(headText);
                }
                long returned = Long.parseLong(m.group(1));
                if (returned != expectedReturned) {
                    return "numberReturned " + returned + ", expected " + expectedReturned;
                }
                String tailText = new String(tail, 0, tailLen, StandardCharsets.UTF_8).stripTrailing();
                if (!tailText.endsWith(format.end)) {
                    return "truncated or unclosed document after " + bytes + " bytes, ends with: "
                            + snippet(tailText.substring(Math.max(0, tailText.length() - 80)));
                }
                if (countFeatures && features != expectedReturned) {
                    return features + " features in the body, numberReturned says " + returned;
                }
                if (!countFeatures) {
                    features = returned;
                }
                return null;
            }

            private static int[] kmpTable(byte[] p) {
                int[] t = new int[p.length];
                int k = 0;
                for (int i = 1; i < p.length; i++) {
                    while (k > 0 && p[k] != p[i]) {
                        k = t[k - 1];
                    }
                    if (p[k] == p[i]) {
                        k++;
                    }
                    t[i] = k;
                }
                return t;
            }
        }
    }

    /** Counts the bytes read through it. */
    private static final class Counting extends java.io.FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** Discards bytes. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }

    // ---------------------------------------------------------------------------------------------- JMX

    /** The server JVM over JMX. */
    static final class Server implements AutoCloseable {
        private static final ObjectName DIAGNOSTIC = name("com.sun.management:type=DiagnosticCommand");
        private final JMXConnector connector;
        final MBeanServerConnection mbs;
        final MemoryMXBean memory;
        final OperatingSystemMXBean os;
        final List<MemoryPoolMXBean> heapPools;
        final List<java.lang.management.GarbageCollectorMXBean> gcs;

        private Server(JMXConnector connector) throws IOException {
            this.connector = connector;
            this.mbs = connector.getMBeanServerConnection();
            this.memory = ManagementFactory.newPlatformMXBeanProxy(mbs, ManagementFactory.MEMORY_MXBEAN_NAME,
                    MemoryMXBean.class);
            this.os = ManagementFactory.newPlatformMXBeanProxy(mbs, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
                    com.sun.management.OperatingSystemMXBean.class);
            List<MemoryPoolMXBean> pools = new ArrayList<>();
            for (MemoryPoolMXBean p : ManagementFactory.getPlatformMXBeans(mbs, MemoryPoolMXBean.class)) {
                if (p.getType() == MemoryType.HEAP) {
                    pools.add(p);
                }
            }
            this.heapPools = pools;
            this.gcs = ManagementFactory.getPlatformMXBeans(mbs, java.lang.management.GarbageCollectorMXBean.class);
        }

        static Server connect(String hostPort) throws IOException {
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + hostPort + "/jmxrmi");
            return new Server(JMXConnectorFactory.connect(url));
        }

        String describe() {
            List<String> names = gcs.stream().map(java.lang.management.GarbageCollectorMXBean::getName).toList();
            return String.format(Locale.ROOT, "max heap %d MB, collectors %s, %d processors", maxHeapMb(), names,
                    os.getAvailableProcessors());
        }

        long maxHeapMb() {
            return memory.getHeapMemoryUsage().getMax() / 1048576;
        }

        long usedAfterGc() throws InterruptedException {
            memory.gc();
            Thread.sleep(100);
            memory.gc();
            return memory.getHeapMemoryUsage().getUsed();
        }

        long used() {
            return memory.getHeapMemoryUsage().getUsed();
        }

        void resetPeaks() {
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        long sumOfPeaks() {
            return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        }

        long cpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }

        long gcMillis() {
            return gcs.stream().mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
        }

        long gcCount() {
            return gcs.stream().mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
        }

        void jfrStart(String name, String settings) throws Exception {
            dcmd("jfrStart", "name=" + name, "settings=" + settings);
        }

        void jfrStop(String name, Path file) throws Exception {
            dcmd("jfrStop", "name=" + name, "filename=" + file);
        }

        private void dcmd(String op, String... args) throws Exception {
            mbs.invoke(DIAGNOSTIC, op, new Object[] {args}, new String[] {String[].class.getName()});
        }

        @Override
        public void close() throws IOException {
            connector.close();
        }

        private static ObjectName name(String s) {
            try {
                return new ObjectName(s);
            } catch (javax.management.MalformedObjectNameException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Samples the server's used heap (optionally right after a forced full GC) until stopped. */
    private static final class Poller extends Thread {
        private final Server server;
        private final int intervalMs;
        private final boolean forceGc;
        private volatile boolean stop;
        volatile long max;
        volatile int samples;

        Poller(Server server, int intervalMs, boolean forceGc) {
            super("heap-poller");
            setDaemon(true);
            this.server = server;
            this.intervalMs = intervalMs;
            this.forceGc = forceGc;
        }

        @Override
        public void run() {
            try {
                while (!stop) {
                    Thread.sleep(intervalMs);
                    if (stop) {
                        break;
                    }
                    if (forceGc) {
                        server.memory.gc();
                    }
                    if (stop) {
                        break; // the request ended during the GC: the sample would not be "during the request"
                    }
                    long u = server.used();
                    max = Math.max(max, u);
                    samples++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void stopAndJoin() throws InterruptedException {
            stop = true;
            join();
        }
    }

    /** Server and machine counters at one moment. */
    private record Usage(long nanos, long serverCpuNanos, long serverGcMillis, long serverGcCount,
                         long clientCpuNanos, double loadAverage, long machineBusyTicks, long postgresTicks) {
        /** Linux USER_HZ, the unit of /proc/stat and /proc/PID/stat times. */
        static final double TICKS_PER_SECOND = 100.0;

        static Usage now(Server s) {
            com.sun.management.OperatingSystemMXBean self =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Usage(System.nanoTime(), s == null ? 0 : s.cpuNanos(), s == null ? 0 : s.gcMillis(),
                    s == null ? 0 : s.gcCount(), self.getProcessCpuTime(), self.getSystemLoadAverage(),
                    readMachineBusyTicks(), readProcessTicks("postgres"));
        }

        /** Busy CPU time of the whole machine (all cores) from /proc/stat; -1 when unreadable. */
        static long readMachineBusyTicks() {
            try {
                String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
                String[] f = cpu.trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    if (i != 4 && i != 5) { // idle, iowait
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /** utime + stime of every process with this command name (e.g. the PostgreSQL backends). */
        static long readProcessTicks(String comm) {
            long sum = 0;
            try (var dirs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                    .chars().allMatch(Character::isDigit))) {
                for (Path d : dirs) {
                    try {
                        String stat = Files.readString(d.resolve("stat"));
                        int open = stat.indexOf('(');
                        int close = stat.lastIndexOf(')');
                        if (!stat.substring(open + 1, close).equals(comm)) {
                            continue;
                        }
                        String[] f = stat.substring(close + 2).split(" ");
                        sum += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return sum;
        }
    }

    // ---------------------------------------------------------------------------------------------- small things

    /** Failures by reason, with the first URL of each. */
    private static final class Errors {
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final Map<String, String> firstUrl = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();

        void add(String reason, String url) {
            String key = reason.length() > 400 ? reason.substring(0, 400) : reason;
            counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            firstUrl.putIfAbsent(key, url);
            total.incrementAndGet();
        }

        long total() {
            return total.get();
        }

        void print(String prefix) {
            Map<String, Long> sorted = new LinkedHashMap<>();
            counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                    .forEach(e -> sorted.put(e.getKey(), e.getValue().get()));
            sorted.forEach((reason, n) -> System.out.printf(Locale.ROOT, "%s x%d: %s%n    first at %s%n", prefix,
                    n, reason, firstUrl.get(reason)));
        }
    }

    /** A growable long array. */
    private static final class LongList {
        long[] a = new long[1024];
        int size;

        void add(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        long[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 200)));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sanitize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }
}
