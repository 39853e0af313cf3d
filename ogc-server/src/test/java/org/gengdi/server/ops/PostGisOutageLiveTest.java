package org.gengdi.server.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostGIS goes away under a running server and comes back: meanwhile requests fail fast with 503 (an OWS report or
 * problem JSON, never a 500 or a hang) and readiness says so; afterwards the server serves again without a restart,
 * the job that was running when the database died ends properly, and jobs are accepted again. The database is a
 * throwaway cluster of this test's own ({@code scripts/pg-throwaway.sh}), never the shared test database.
 */
class PostGisOutageLiveTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;
    private static int port;
    private static ConfigurableApplicationContext ctx;
    private static String base;

    private static void pg(String... args) throws Exception {
        Path script = Path.of("../scripts/pg-throwaway.sh").toAbsolutePath().normalize();
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = script.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        SampleServer.run(Files.createTempDirectory("pg-throwaway-out"), cmd);
    }

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(!System.getProperty("gengdi.test.pg.url", "").isBlank(),
                "gengdi.test.pg.url is not set (scripts/test.sh always sets it and installs PostgreSQL)");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        dir = Path.of("/tmp", "gengdi-outage-" + ProcessHandle.current().pid());
        pg("init", dir.toString(), Integer.toString(port));
        ctx = SampleServer.start("gengdi-outage", "--gengdi.store=postgis", "--gengdi.postgis.url=jdbc:postgresql://"
                        + "127.0.0.1:" + port + "/gengdi?user=postgres", "--gengdi.postgis.pool-size=6",
                "--gengdi.processes.diagnostic=true", "--gengdi.jobs.heartbeat=1s", "--gengdi.jobs.stale-after=30s");
        base = SampleServer.base(ctx);
    }

    @AfterAll
    static void stop() throws Exception {
        if (ctx != null) {
            ctx.close();
        }
        if (dir != null) {
            pg("destroy", dir.toString());
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> submit(double seconds) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ogcapi/processes/gengdi:Wait/execution"))
                .header("Content-Type", "application/json").header("Prefer", "respond-async")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":{\"seconds\":"
                        + seconds + "}}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final String WFS = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gengdi:YJJBNTBHTB"
            + "&COUNT=3";

    @Test
    void theServerFailsFastAndRecoversWithoutARestart() throws Exception {
        assertThat(get(WFS).statusCode()).isEqualTo(200);
        HttpResponse<String> accepted = submit(4);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 50 && !get(job.replace(base, "")).body().contains("\"running\""); i++) {
            Thread.sleep(100);
        }

        pg("stop", dir.toString());
        long t0 = System.nanoTime();
        HttpResponse<String> wfs = get(WFS);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(12);
        assertThat(wfs.statusCode()).as(wfs.body()).isEqualTo(503);
        assertThat(wfs.body()).contains("ExceptionReport").doesNotContain("\tat ");
        HttpResponse<String> api = get("/ogcapi/collections/YJJBNTBHTB/items?limit=2&filter=DLBM%3D%270101%27");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(get("/health/ready").statusCode()).isEqualTo(503);
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = submit(0);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        Thread.sleep(4000);                               // the running job finishes its work during the outage

        pg("start", dir.toString(), Integer.toString(port));
        int status = 0;
        for (int i = 0; i < 60 && status != 200; i++) {
            status = get(WFS).statusCode();
            if (status != 200) {
                Thread.sleep(500);
            }
        }
        assertThat(status).as("WFS after the database came back").isEqualTo(200);
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        JsonNode s = null;
        for (int i = 0; i < 100; i++) {
            s = JSON.readTree(get(job.replace(base, "")).body());
            if (s.path("status").asText().matches("successful|failed")) {
                break;
            }
            Thread.sleep(200);
        }
        // the outcome the worker kept through the outage is stored once the database is back
        assertThat(s.path("status").asText()).as(s.toString()).isEqualTo("successful");
        HttpResponse<String> again = submit(0);
        assertThat(again.statusCode()).isEqualTo(201);
        String second = again.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 100 && !get(second.replace(base, "")).body().contains("\"successful\""); i++) {
            Thread.sleep(100);
        }
        assertThat(get(second.replace(base, "")).body()).contains("\"successful\"");
    }
}
