package org.gengdi.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A full queue answers 503 with Retry-After at once, never a hang; the queue drains after dismissals; an execution
 * longer than the time limit is stopped and reported failed.
 */
class JobQueueLimitTest {
    private static ConfigurableApplicationContext ctx;
    private static String api;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-queue", "--gengdi.processes.diagnostic=true", "--gengdi.jobs.workers=1",
                "--gengdi.jobs.queue-limit=2", "--gengdi.processes.max-time=3s");
        api = SampleServer.base(ctx) + "/ogcapi";
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @Test
    void aFullQueueAnswers503WithRetryAfter() throws Exception {
        String wait = "{\"inputs\":{\"seconds\":60}}";
        String running = Http.post(api + "/processes/gengdi:Wait/execution", wait, true).header("Location");
        for (int i = 0; i < 100 && !Http.get(running).json().path("status").asText().equals("running"); i++) {
            Thread.sleep(50);
        }
        String q1 = Http.post(api + "/processes/gengdi:Wait/execution", wait, true).header("Location");
        String q2 = Http.post(api + "/processes/gengdi:Wait/execution", wait, true).header("Location");
        long t0 = System.nanoTime();
        Http.Answer full = Http.post(api + "/processes/gengdi:Wait/execution", wait, true);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.header("Retry-After")).isEqualTo("5");
        assertThat(full.json().path("detail").asText()).contains("queue is full");
        for (String job : new String[] {q1, q2, running}) {
            assertThat(Http.delete(job).status()).isEqualTo(200);
        }
        Http.Answer again = Http.post(api + "/processes/gengdi:Wait/execution", "{\"inputs\":{\"seconds\":0}}",
                true);
        assertThat(again.status()).isEqualTo(201);
    }

    @Test
    void anExecutionOverTheTimeLimitIsStopped() throws Exception {
        long t0 = System.nanoTime();
        String job = Http.post(api + "/processes/gengdi:Wait/execution", "{\"inputs\":{\"seconds\":30}}", true)
                .header("Location");
        com.fasterxml.jackson.databind.JsonNode s = Http.awaitFinished(job, java.time.Duration.ofSeconds(60));
        assertThat(s.path("status").asText()).isEqualTo("failed");
        assertThat(s.path("message").asText()).contains("time limit of 3 s");
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(25);
        Http.Answer sync = Http.post(api + "/processes/gengdi:Wait/execution", "{\"inputs\":{\"seconds\":30}}",
                false);
        assertThat(sync.status()).isEqualTo(503);
        assertThat(sync.json().path("detail").asText()).contains("time limit");
    }
}
