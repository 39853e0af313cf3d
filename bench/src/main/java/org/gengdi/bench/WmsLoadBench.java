package org.gengdi.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * WMS GetMap load: requests/s and latency of 256×256 PNG maps of the red line over land use
 * ({@code LAYERS=DLTB,YJJBNTBHTB}, default styles) with N concurrent clients, at the whole-county extent and at
 * ~1 km windows spread over the county (a different window for each request, from a fixed pseudo-random sequence,
 * so that no answer can be a cached one).
 *
 * <p>Every response is checked: HTTP 200, {@code Content-Type: image/png}, and the body decodes (ImageIO) to a
 * 256×256 image; anything else counts as an error, by reason. The county extent and the CRS (the layer's own
 * CGCS2000 Gauss-Krüger zone, metres, WMS 1.1.1 so the BBOX is easting first) come from the 1.1.1 capabilities.
 *
 * <p>Targets (issue 4, uncached, 8 clients): ≥ 10 requests/s at county extent, ≥ 600 requests/s at 1 km;
 * MapServer 8 on the same machine kind from PostGIS for scale: ~4.5 and ~320 requests/s.
 *
 * <pre>
 * java -cp ... org.gengdi.bench.WmsLoadBench --url http://127.0.0.1:PORT/wms [--store NAME] [--clients 8,4]
 *     [--warmup 5] [--duration 15] [--window-m 1000] [--size 256] [--layers DLTB,YJJBNTBHTB] [--cases county,km]
 *     [--summary FILE]
 * </pre>
 */
public final class WmsLoadBench {
    static final double TARGET_COUNTY = 10;
    static final double TARGET_KM = 600;
    static final double MAPSERVER_COUNTY = 4.5;
    static final double MAPSERVER_KM = 320;

    private WmsLoadBench() {
    }

    static final class Options {
        String url;
        String store = "server";
        List<Integer> clients = List.of(8, 4);
        double warmup = 5;
        double duration = 15;
        double windowM = 1000;
        int size = 256;
        String layers = "DLTB,YJJBNTBHTB";
        String extentLayer = "XJXZQ";
        List<String> cases = List.of("county", "km");
        Path summary;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a);
                }
                String v = args[++i];
                switch (a) {
                    case "--url" -> o.url = v;
                    case "--store" -> o.store = v;
                    case "--clients" -> o.clients = Arrays.stream(v.split(",")).map(Integer::parseInt).toList();
                    case "--warmup" -> o.warmup = Double.parseDouble(v);
                    case "--duration" -> o.duration = Double.parseDouble(v);
                    case "--window-m" -> o.windowM = Double.parseDouble(v);
                    case "--size" -> o.size = Integer.parseInt(v);
                    case "--layers" -> o.layers = v;
                    case "--extent-layer" -> o.extentLayer = v;
                    case "--summary" -> o.summary = Path.of(v);
                    case "--cases" -> o.cases = Arrays.asList(v.split(","));
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (o.url == null) {
                throw new IllegalArgumentException("--url http://HOST:PORT/wms is required");
            }
            return o;
        }
    }

    /** The county extent in a projected CRS. */
    record Extent(String srs, double minX, double minY, double maxX, double maxY) {
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: WmsLoadBench --url http://127.0.0.1:PORT/wms [--store NAME] [--clients 8,4]"
                    + " [--warmup 5] [--duration 15] [--window-m 1000] [--size 256] [--layers DLTB,YJJBNTBHTB]"
                    + " [--extent-layer XJXZQ] [--cases county,km] [--summary FILE]");
            System.exit(2);
            return;
        }
        System.setProperty("http.maxConnections", "64");
        Extent county = countyExtent(o);
        System.out.printf(Locale.ROOT, "%s: county extent (%s from the capabilities) %s %.0f,%.0f,%.0f,%.0f"
                        + " = %.1f × %.1f km; %s, %d×%d PNG%n", o.store, o.extentLayer, county.srs, county.minX,
                county.minY, county.maxX, county.maxY, (county.maxX - county.minX) / 1000,
                (county.maxY - county.minY) / 1000, o.layers, o.size, o.size);
        List<String> lines = new ArrayList<>();
        boolean failed = false;
        for (int clients : o.clients) {
            for (boolean whole : new boolean[] {true, false}) {
                if (!o.cases.contains(whole ? "county" : "km")) {
                    continue;
                }
                Result r = run(o, county, whole, clients);
                String target;
                if (clients == 8) {
                    double t = whole ? TARGET_COUNTY : TARGET_KM;
                    target = String.format(Locale.ROOT, ">= %.0f: %s (MapServer ~%.1f)", t,
                            r.rps >= t ? "MET" : "NOT MET", whole ? MAPSERVER_COUNTY : MAPSERVER_KM);
                } else {
                    target = "(targets are for 8 clients)";
                }
                lines.add(String.format(Locale.ROOT, "%-10s %-7s %7d %9.1f %8.1f %8.1f %8.1f %7d %6.2f  %s",
                        o.store, whole ? "county" : (int) o.windowM + " m", clients, r.rps, r.p50, r.p99, r.max,
                        r.errors, r.loadAfter, target));
                failed |= r.errors > 0;
            }
        }
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%-10s %-7s %7s %9s %8s %8s %8s %7s %6s  %s", "store", "extent",
                "clients", "req/s", "p50 ms", "p99 ms", "max ms", "errors", "load", "target (req/s, 8 clients)"));
        out.addAll(lines);
        out.add(String.format(Locale.ROOT, "  GetMap %s %d×%d PNG, %s; %.0f s measured after %.0f s warm-up;"
                        + " errors = non-200, non-PNG or undecodable answers; load = 1-min load average after the run"
                        + " (%d cores)", o.layers, o.size, o.size, county.srs, o.duration, o.warmup,
                Runtime.getRuntime().availableProcessors()));
        System.out.println();
        out.forEach(System.out::println);
        if (o.summary != null) {
            Files.write(o.summary, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.exit(failed ? 1 : 0);
    }

    // ---------------------------------------------------------------------------------------------- extent

    static Extent countyExtent(Options o) throws Exception {
        String caps = o.url + (o.url.contains("?") ? "&" : "?") + "SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1";
        HttpURLConnection c = (HttpURLConnection) URI.create(caps).toURL().openConnection();
        byte[] body;
        try (InputStream in = c.getInputStream()) {
            body = in.readAllBytes();
        }
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        NodeList layers = d.getElementsByTagName("Layer");
        for (int i = 0; i < layers.getLength(); i++) {
            Element layer = (Element) layers.item(i);
            NodeList names = layer.getElementsByTagName("Name");
            if (names.getLength() == 0 || !names.item(0).getTextContent().strip().equals(o.extentLayer)
                    || names.item(0).getParentNode() != layer) {
                continue;
            }
            NodeList boxes = layer.getElementsByTagName("BoundingBox");
            for (int k = 0; k < boxes.getLength(); k++) {
                Element b = (Element) boxes.item(k);
                String srs = b.getAttribute("SRS");
                if (!srs.startsWith("EPSG:")) {
                    continue;
                }
                int code = Integer.parseInt(srs.substring(5));
                if (code >= 4491 && code <= 4554) { // the layer's CGCS2000 Gauss-Krüger zone
                    return new Extent(srs, Double.parseDouble(b.getAttribute("minx")),
                            Double.parseDouble(b.getAttribute("miny")), Double.parseDouble(b.getAttribute("maxx")),
                            Double.parseDouble(b.getAttribute("maxy")));
                }
            }
        }
        throw new IllegalStateException("no Gauss-Krüger BoundingBox of " + o.extentLayer + " in " + caps);
    }

    // ---------------------------------------------------------------------------------------------- load

    record Result(double rps, double p50, double p99, double max, long errors, double loadAfter) {
    }

    static Result run(Options o, Extent county, boolean whole, int clients) throws Exception {
        String label = whole ? "whole county" : String.format(Locale.ROOT, "%.0f m windows", o.windowM);
        System.out.printf(Locale.ROOT, "%n-- %s, %s, %d clients --%n", o.store, label, clients);
        double loadBefore = loadAverage();
        long cpuBefore = processCpuNanos();
        Errors errors = new Errors();
        AtomicLong sequence = new AtomicLong(whole ? 0 : 1_000_003L * clients);
        long t0 = System.nanoTime();
        long measureStart = t0 + (long) (o.warmup * 1e9);
        long measureEnd = measureStart + (long) (o.duration * 1e9);
        Worker[] workers = new Worker[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            workers[i] = new Worker(o, county, whole, sequence, measureStart, measureEnd, errors, done);
            Thread t = new Thread(workers[i], "client-" + i);
            t.setDaemon(true);
            t.start();
        }
        sleepUntil(measureStart);
        long cpuStart = processCpuNanos();
        sleepUntil(measureEnd);
        long cpuEnd = processCpuNanos();
        done.await();
        long straggle = (System.nanoTime() - measureEnd) / 1_000_000;
        long n = 0;
        long bytes = 0;
        long warm = 0;
        List<long[]> lat = new ArrayList<>();
        for (Worker w : workers) {
            n += w.measured.size();
            bytes += w.bytes;
            warm += w.warmupRequests;
            lat.add(w.measured.stream().mapToLong(Long::longValue).toArray());
        }
        long[] all = lat.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double rps = n / o.duration;
        double p50 = percentile(all, 0.50);
        double p95 = percentile(all, 0.95);
        double p99 = percentile(all, 0.99);
        double max = all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6;
        double loadAfter = loadAverage();
        System.out.printf(Locale.ROOT, "warm-up %.0f s: %,d requests; measured %.0f s: %,d good responses = %.1f"
                        + " requests/s (%,.0f bytes per PNG)%n", o.warmup, warm, o.duration, n, rps,
                n == 0 ? 0.0 : (double) bytes / n);
        System.out.printf(Locale.ROOT, "latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f; last requests finished"
                + " %d ms after the window%n", p50, p95, p99, max, straggle);
        System.out.printf(Locale.ROOT, "failed (warm-up and window): %d%n", errors.total());
        errors.print();
        System.out.printf(Locale.ROOT, "this load generator used %.2f cores in the window (%.1f ms per response,"
                        + " PNG decoding included); load average %.2f -> %.2f%n",
                (cpuEnd - cpuStart) / 1e9 / o.duration, n == 0 ? 0.0 : (cpuEnd - cpuStart) / 1e6 / n, loadBefore,
                loadAfter);
        if (cpuBefore < 0) {
            System.out.println("(process CPU time not available)");
        }
        return new Result(rps, p50, p99, max, errors.total(), loadAfter);
    }

    /** One client: GetMap requests back to back until the window closes. */
    private static final class Worker implements Runnable {
        final Options o;
        final Extent county;
        final boolean whole;
        final AtomicLong sequence;
        final long measureStart;
        final long measureEnd;
        final Errors errors;
        final CountDownLatch done;
        final List<Long> measured = new ArrayList<>();
        final byte[] buffer = new byte[64 * 1024];
        long bytes;
        long warmupRequests;

        Worker(Options o, Extent county, boolean whole, AtomicLong sequence, long measureStart, long measureEnd,
               Errors errors, CountDownLatch done) {
            this.o = o;
            this.county = county;
            this.whole = whole;
            this.sequence = sequence;
            this.measureStart = measureStart;
            this.measureEnd = measureEnd;
            this.errors = errors;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                while (System.nanoTime() < measureEnd) {
                    String url = url(sequence.getAndIncrement());
                    long start = System.nanoTime();
                    String problem;
                    int length = 0;
                    try {
                        ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
                        problem = fetch(url, body);
                        length = body.size();
                    } catch (IOException | RuntimeException e) {
                        problem = e.getClass().getSimpleName() + ": " + e.getMessage();
                        try {
                            Thread.sleep(50); // a refused connection fails at once: do not spin
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    long end = System.nanoTime();
                    if (problem != null) {
                        errors.add(problem, url);
                    } else if (end >= measureStart && end <= measureEnd) {
                        measured.add(end - start);
                        bytes += length;
                    } else if (end < measureStart) {
                        warmupRequests++;
                    }
                }
            } finally {
                done.countDown();
            }
        }

        /** The request's URL: the county, or a window of the county chosen from the request's number. */
        String url(long n) {
            double minX;
            double minY;
            double maxX;
            double maxY;
            if (whole) {
                // a square around the county's centre that holds all of it (the map is square)
                double side = Math.max(county.maxX - county.minX, county.maxY - county.minY);
                double cx = (county.minX + county.maxX) / 2;
                double cy = (county.minY + county.maxY) / 2;
                minX = cx - side / 2;
                minY = cy - side / 2;
                maxX = cx + side / 2;
                maxY = cy + side / 2;
            } else {
                SplittableRandom r = new SplittableRandom(0x5EED_0000L + n);
                double w = o.windowM;
                minX = county.minX + r.nextDouble() * Math.max(1, county.maxX - county.minX - w);
                minY = county.minY + r.nextDouble() * Math.max(1, county.maxY - county.minY - w);
                maxX = minX + w;
                maxY = minY + w;
            }
            return String.format(Locale.ROOT, "%s%sSERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=%s&STYLES=&SRS=%s"
                            + "&BBOX=%.2f,%.2f,%.2f,%.2f&WIDTH=%d&HEIGHT=%d&FORMAT=image/png", o.url,
                    o.url.contains("?") ? "&" : "?", o.layers, county.srs, minX, minY, maxX, maxY, o.size, o.size);
        }

        /** Null when the answer is a good PNG of the requested size, else why not. */
        String fetch(String url, ByteArrayOutputStream body) throws IOException {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(120_000);
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            if (in != null) {
                try (in) {
                    for (int k; (k = in.read(buffer)) >= 0; ) {
                        body.write(buffer, 0, k);
                    }
                }
            }
            if (status != 200) {
                String text = body.toString(StandardCharsets.UTF_8);
                return "HTTP " + status + ": " + text.substring(0, Math.min(200, text.length())).replace('\n', ' ');
            }
            String type = c.getContentType();
            if (type == null || !type.startsWith("image/png")) {
                return "Content-Type " + type;
            }
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(body.toByteArray()));
            if (img == null) {
                return "the body does not decode as PNG";
            }
            if (img.getWidth() != o.size || img.getHeight() != o.size) {
                return "image " + img.getWidth() + "x" + img.getHeight();
            }
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------- small things

    private static final class Errors {
        private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
        private final Map<String, String> firstUrl = new ConcurrentHashMap<>();
        private final AtomicLong total = new AtomicLong();

        void add(String reason, String url) {
            total.incrementAndGet();
            counts.computeIfAbsent(reason, k -> new AtomicLong()).incrementAndGet();
            firstUrl.putIfAbsent(reason, url);
        }

        long total() {
            return total.get();
        }

        void print() {
            counts.forEach((reason, n) -> System.out.printf(Locale.ROOT, "  %,d × %s (first: %s)%n", n.get(), reason,
                    firstUrl.get(reason)));
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
        for (long left; (left = nanoTime - System.nanoTime()) > 0; ) {
            Thread.sleep(Math.max(1, Math.min(left / 1_000_000, 200)));
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
