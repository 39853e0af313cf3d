package org.gengdi.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Per-service limits keep one heavy service from starving the rest: with one processing slot, a second execution
 * is answered 503 + Retry-After at once while WFS still answers; every request shows up in {@code /metrics}.
 */
class RequestGovernorTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext ctx;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-ops", "--gengdi.processes.diagnostic=true", "--gengdi.limits.processes=1",
                "--gengdi.limits.wait=200ms");
        base = SampleServer.base(ctx);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    private static HttpRequest waitFor(double seconds) {
        return HttpRequest.newBuilder(URI.create(base + "/ogcapi/processes/gengdi:Wait/execution"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":{\"seconds\":" + seconds + "}}")).build();
    }

    @Test
    void aBusyServiceAnswers503WhileOthersServe() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = HTTP.sendAsync(waitFor(3), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(700);
        long t0 = System.nanoTime();
        HttpResponse<String> refused = HTTP.send(waitFor(0), HttpResponse.BodyHandlers.ofString());
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        HttpResponse<String> wfs = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/wfs?SERVICE=WFS&REQUEST=GetCapabilities")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wfs.statusCode()).isEqualTo(200);
        assertThat(slow.get().statusCode()).isEqualTo(200);
        HttpResponse<String> after = HTTP.send(waitFor(0), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(200);

        HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains(
                "gengdi_requests_seconds_count{operation=\"GetCapabilities\",service=\"wfs\",status=\"200\"}",
                "gengdi_requests_seconds_count{operation=\"Execute\",service=\"processes\",status=\"503\"}",
                "gengdi_requests_active{service=\"wms\"}", "gengdi_jobs_queued", "jvm_memory_used_bytes");
    }
}
