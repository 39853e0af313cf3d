package org.gengdi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WMTS cached-tile load: requests/s and latency of RESTful GetTile (256 px PNG) with N concurrent clients, over the
 * block of tiles the layer's TileMatrixLimits give at one level (read from the capabilities, at most 256 tiles
 * around its centre). A first pass renders every tile once (the metatiles go into the server's cache); the warm-up
 * and the measured window then cycle over the same tiles, so every answer is a cached one. Each response must be
 * HTTP 200 image/png, else it counts as an error.
 *
 * <p>Target (issue 4): cached WMTS tiles ≥ 3 000 requests/s.
 *
 * <pre>
 * java -cp ... org.gengdi.bench.WmtsLoadBench --url http://127.0.0.1:PORT [--store NAME] [--layer YJJBNTBHTB]
 *     [--set WebMercatorQuad] [--level 15] [--clients 8] [--warmup 5] [--duration 15] [--summary FILE]
 * </pre>
 */
public final class WmtsLoadBench {
    static final double TARGET = 3000;

    private WmtsLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        String store = "server";
        String layer = "YJJBNTBHTB";
        String set = "WebMercatorQuad";
        int level = 15;
        int clients = 8;
        double warmup = 5;
        double duration = 15;
        Path summary = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = v.replaceAll("/+$", "");
                case "--store" -> store = v;
                case "--layer" -> layer = v;
                case "--set" -> set = v;
                case "--level" -> level = Integer.parseInt(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--warmup" -> warmup = Double.parseDouble(v);
                case "--duration" -> duration = Double.parseDouble(v);
                case "--summary" -> summary = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("usage: WmtsLoadBench --url http://host:port [--store NAME] [--layer L]"
                    + " [--set S] [--level Z] [--clients N] [--warmup S] [--duration S] [--summary FILE]");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String caps = http.send(HttpRequest.newBuilder(URI.create(url + "/wmts/1.0.0/WMTSCapabilities.xml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long[] limits = limits(caps, layer, set, level);
        List<String> tiles = new ArrayList<>();
        long rowMid = (limits[0] + limits[1]) / 2;
        long colMid = (limits[2] + limits[3]) / 2;
        for (long r = Math.max(limits[0], rowMid - 7); r <= Math.min(limits[1], rowMid + 8); r++) {
            for (long c = Math.max(limits[2], colMid - 7); c <= Math.min(limits[3], colMid + 8); c++) {
                tiles.add(url + "/wmts/1.0.0/" + layer + "/default/" + set + "/" + level + "/" + r + "/" + c + ".png");
            }
        }
        System.out.printf(Locale.ROOT, "%s: %s in %s level %d, %d tiles (rows %d-%d, cols %d-%d of the limits)%n",
                store, layer, set, level, tiles.size(), limits[0], limits[1], limits[2], limits[3]);
        long t0 = System.nanoTime();
        for (String t : tiles) {
            check(http.send(HttpRequest.newBuilder(URI.create(t)).build(), HttpResponse.BodyHandlers.ofByteArray()));
        }
        System.out.printf(Locale.ROOT, "first pass (renders the metatiles): %.1f s%n", (System.nanoTime() - t0) / 1e9);

        AtomicLong errors = new AtomicLong();
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmup * 1e9);
        long end = measureFrom + (long) (duration * 1e9);
        CountDownLatch done = new CountDownLatch(clients);
        for (int k = 0; k < clients; k++) {
            int id = k;
            latencies[id] = new long[1 << 16];
            Thread client = new Thread(() -> {
                int i = id * 37;
                try {
                    while (true) {
                        long a = System.nanoTime();
                        if (a >= end) {
                            break;
                        }
                        String t = tiles.get(Math.floorMod(i++, tiles.size()));
                        try {
                            check(http.send(HttpRequest.newBuilder(URI.create(t)).build(),
                                    HttpResponse.BodyHandlers.ofByteArray()));
                        } catch (IOException | RuntimeException e) {
                            errors.incrementAndGet();
                            continue;
                        } catch (InterruptedException e) {
                            return;
                        }
                        long b = System.nanoTime();
                        if (a >= measureFrom && b <= end) {
                            if (counts[id] == latencies[id].length) {
                                latencies[id] = Arrays.copyOf(latencies[id], counts[id] * 2);
                            }
                            latencies[id][counts[id]++] = b - a;
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "wmts-client-" + id);
            client.start();
        }
        done.await();
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        long[] all = new long[n];
        int p = 0;
        for (int k = 0; k < clients; k++) {
            System.arraycopy(latencies[k], 0, all, p, counts[k]);
            p += counts[k];
        }
        Arrays.sort(all);
        double rate = n / duration;
        String line = String.format(Locale.ROOT, "%s WMTS cached tiles, %d clients: %.0f requests/s (target ≥ %.0f), "
                        + "latency ms p50 %.2f, p99 %.2f, max %.2f; %d errors%n", store, clients, rate, TARGET,
                pct(all, 0.50), pct(all, 0.99), n == 0 ? 0 : all[n - 1] / 1e6, errors.get());
        System.out.print(line);
        if (summary != null) {
            Files.writeString(summary, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        if (errors.get() > 0 || n == 0) {
            System.exit(1);
        }
    }

    private static void check(HttpResponse<byte[]> r) throws IOException {
        if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("image/png")) {
            throw new IOException("HTTP " + r.statusCode() + ": " + new String(r.body(), 0,
                    Math.min(300, r.body().length), StandardCharsets.UTF_8));
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }

    /** {minRow, maxRow, minCol, maxCol} of a layer's TileMatrixLimits at one level of one set. */
    static long[] limits(String caps, String layer, String set, int level) {
        int at = caps.indexOf("<ows:Identifier>" + layer + "</ows:Identifier>");
        int layerEnd = caps.indexOf("</Layer>", at);
        int link = caps.indexOf("<TileMatrixSet>" + set + "</TileMatrixSet>", at);
        if (at < 0 || link < 0 || link > layerEnd) {
            throw new IllegalStateException("no " + set + " link for layer " + layer + " in the capabilities");
        }
        Matcher m = Pattern.compile("<TileMatrix>" + level + "</TileMatrix><MinTileRow>(\\d+)</MinTileRow><MaxTileRow>"
                + "(\\d+)</MaxTileRow><MinTileCol>(\\d+)</MinTileCol><MaxTileCol>(\\d+)</MaxTileCol>")
                .matcher(caps.substring(link, caps.indexOf("</TileMatrixSetLink>", link)));
        if (!m.find()) {
            throw new IllegalStateException("no limits for level " + level + " of " + set);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))};
    }
}
