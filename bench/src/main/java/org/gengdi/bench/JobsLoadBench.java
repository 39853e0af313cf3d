package org.gengdi.bench;

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

/**
 * Processing latency and job throughput through OGC API - Processes, with a trivial process ({@code gengdi:Area} of
 * one small polygon):
 * <ol>
 *   <li>synchronous execute: request-to-answer latency (p50/p99) over sequential requests;</li>
 *   <li>asynchronous: submit-to-result latency (POST with {@code Prefer: respond-async}, poll the status every
 *       5 ms, fetch the results) over sequential jobs;</li>
 *   <li>sustained jobs/s with the queue full: N clients submit as fast as the server accepts them (a 503 with
 *       Retry-After counts as "queue full" and the client backs off 20 ms); once the queue is full the rate of
 *       accepted jobs equals the rate of completed ones. At the end every accepted job must finish successfully.</li>
 * </ol>
 *
 * <pre>
 * java -cp ... org.gengdi.bench.JobsLoadBench --url http://127.0.0.1:PORT [--store NAME] [--requests 200]
 *     [--clients 8] [--duration 20] [--summary FILE]
 * </pre>
 */
public final class JobsLoadBench {
    private static final String BODY = "{\"inputs\":{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
            + "[[[114.0,30.0],[114.01,30.0],[114.01,30.01],[114.0,30.01],[114.0,30.0]]]}},"
            + "\"outputs\":{\"area\":{}}}";

    private JobsLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        String store = "server";
        int requests = 200;
        int clients = 8;
        double duration = 20;
        Path summary = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = v.replaceAll("/+$", "");
                case "--store" -> store = v;
                case "--requests" -> requests = Integer.parseInt(v);
                case "--clients" -> clients = Integer.parseInt(v);
                case "--duration" -> duration = Double.parseDouble(v);
                case "--summary" -> summary = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("usage: JobsLoadBench --url http://host:port [--store NAME] "
                    + "[--requests N] [--clients N] [--duration S] [--summary FILE]");
        }
        String exec = url + "/ogcapi/processes/gengdi:Area/execution";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();

        // 1. synchronous
        for (int i = 0; i < 50; i++) {
            sync(http, exec);
        }
        long[] syncLat = new long[requests];
        for (int i = 0; i < requests; i++) {
            long a = System.nanoTime();
            sync(http, exec);
            syncLat[i] = System.nanoTime() - a;
        }
        Arrays.sort(syncLat);

        // 2. asynchronous, one at a time
        for (int i = 0; i < 10; i++) {
            async(http, exec);
        }
        int asyncN = Math.max(20, requests / 2);
        long[] asyncLat = new long[asyncN];
        for (int i = 0; i < asyncN; i++) {
            long a = System.nanoTime();
            async(http, exec);
            asyncLat[i] = System.nanoTime() - a;
        }
        Arrays.sort(asyncLat);

        // 3. sustained with the queue full
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<String> last = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long measureFrom = start + 5_000_000_000L;
        long end = measureFrom + (long) (duration * 1e9);
        AtomicLong acceptedInWindow = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        for (int k = 0; k < clients; k++) {
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        try {
                            HttpResponse<String> r = http.send(post(exec).header("Prefer", "respond-async").build(),
                                    HttpResponse.BodyHandlers.ofString());
                            long now = System.nanoTime();
                            if (r.statusCode() == 201) {
                                accepted.incrementAndGet();
                                if (now >= measureFrom && now <= end) {
                                    acceptedInWindow.incrementAndGet();
                                }
                                last.add(r.headers().firstValue("Location").orElseThrow());
                                if (last.size() > 64) {
                                    last.remove(0);
                                }
                            } else if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                                refused.incrementAndGet();
                                Thread.sleep(20);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "jobs-client-" + k);
            t.start();
        }
        done.await();
        long drainStart = System.nanoTime();
        List<String> check = new ArrayList<>(last);
        for (String job : check) {
            String status = await(http, job, 120);
            if (!status.equals("successful")) {
                errors.incrementAndGet();
            }
        }
        double drain = (System.nanoTime() - drainStart) / 1e9;
        String text = String.format(Locale.ROOT,
                "%s processes (gengdi:Area of one polygon): sync execute p50 %.1f ms, p99 %.1f ms (%d requests); "
                        + "async submit-to-result p50 %.1f ms, p99 %.1f ms (%d jobs); queue full, %d clients: "
                        + "%.1f jobs/s sustained (%d accepted, %d refused with 503 + Retry-After, last %d jobs all "
                        + "successful after %.1f s of draining); %d errors%n",
                store, pct(syncLat, 0.5), pct(syncLat, 0.99), requests, pct(asyncLat, 0.5), pct(asyncLat, 0.99),
                asyncN, clients, acceptedInWindow.get() / duration, accepted.get(), refused.get(), check.size(),
                drain, errors.get());
        System.out.print(text);
        if (summary != null) {
            Files.writeString(summary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        if (errors.get() > 0 || refused.get() == 0) {
            if (refused.get() == 0) {
                System.out.println("the queue never filled: raise --clients");
            }
            System.exit(1);
        }
    }

    private static HttpRequest.Builder post(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
    }

    private static void sync(HttpClient http, String exec) throws Exception {
        HttpResponse<String> r = http.send(post(exec).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || Double.parseDouble(r.body()) < 1_000_000) {
            throw new IllegalStateException("sync execute: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static void async(HttpClient http, String exec) throws Exception {
        HttpResponse<String> r = http.send(post(exec).header("Prefer", "respond-async").build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("async execute: HTTP " + r.statusCode() + " " + r.body());
        }
        String job = r.headers().firstValue("Location").orElseThrow();
        String status = await(http, job, 60);
        if (!status.equals("successful")) {
            throw new IllegalStateException("job " + job + " ended " + status);
        }
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(job + "/results")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200 || !res.body().contains("\"area\"")) {
            throw new IllegalStateException("results: HTTP " + res.statusCode() + " " + res.body());
        }
    }

    private static String await(HttpClient http, String job, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            String s = http.send(HttpRequest.newBuilder(URI.create(job)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            int at = s.indexOf("\"status\":\"");
            String status = at < 0 ? "" : s.substring(at + 10, s.indexOf('"', at + 10));
            if (status.equals("successful") || status.equals("failed") || status.equals("dismissed")) {
                return status;
            }
            Thread.sleep(5);
        }
        return "timeout";
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }
}
