package org.gengdi.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Jobs survive a crash: a server in its own JVM holds a finished, a running and a queued job when it is killed
 * (SIGKILL, no shutdown hook runs); after a restart on the same data directory the finished job's results are
 * unchanged, the running job is failed with a reason, and the queued job runs to success.
 */
class JobDurabilityTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process startServer(Path dataDir, int port, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.gengdi.server.Gengdi", "serve",
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                "--gengdi.sample.parcels=1500", "--gengdi.processes.diagnostic=true", "--gengdi.jobs.workers=1"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        String health = "http://127.0.0.1:" + port + "/health";
        long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < end) {
            if (!p.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(log));
            }
            try {
                if (Http.get(health).status() == 200) {
                    return p;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("server did not start: " + Files.readString(log));
    }

    @Test
    void jobsSurviveAKill() throws Exception {
        Path dir = Files.createTempDirectory("gengdi-durable");
        Path log = dir.resolve("server.log");
        int port = freePort();
        String api = "http://127.0.0.1:" + port + "/ogcapi";
        Process server = startServer(dir.resolve("data"), port, log);
        String finished;
        String running;
        String queued;
        JsonNode finishedResults;
        try {
            finished = Http.post(api + "/processes/gengdi:Area/execution", "{\"inputs\":{\"layer\":"
                    + "\"YJJBNTBHTB\"}}", true).header("Location");
            assertThat(Http.awaitFinished(finished, Duration.ofSeconds(60)).path("status").asText())
                    .isEqualTo("successful");
            finishedResults = Http.get(finished + "/results").json();
            running = Http.post(api + "/processes/gengdi:Wait/execution", "{\"inputs\":{\"seconds\":120}}", true)
                    .header("Location");
            awaitStatus(running, "running");
            queued = Http.post(api + "/processes/gengdi:Buffer/execution", "{\"inputs\":{\"geometry\":{\"type\":"
                    + "\"Point\",\"coordinates\":[116.4,39.9]},\"distance\":10}}", true).header("Location");
            Thread.sleep(300);
            assertThat(Http.get(queued).json().path("status").asText()).isEqualTo("accepted");
        } finally {
            server.destroyForcibly().waitFor();   // SIGKILL: no graceful shutdown, no hooks
        }
        Process again = startServer(dir.resolve("data"), port, log);
        try {
            JsonNode f = Http.get(finished).json();
            assertThat(f.path("status").asText()).isEqualTo("successful");
            assertThat(Http.get(finished + "/results").json()).isEqualTo(finishedResults);
            JsonNode r = Http.get(running).json();
            assertThat(r.path("status").asText()).isEqualTo("failed");
            assertThat(r.path("message").asText()).contains("server stopped");
            assertThat(Http.get(running + "/results").json().path("detail").asText()).contains("failed");
            JsonNode q = Http.awaitFinished(queued, Duration.ofSeconds(60));
            assertThat(q.path("status").asText()).isEqualTo("successful");
            assertThat(Http.get(queued + "/results").status()).isEqualTo(200);
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    private static void awaitStatus(String url, String status) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Http.get(url).json().path("status").asText().equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(url + " never became " + status);
    }
}
