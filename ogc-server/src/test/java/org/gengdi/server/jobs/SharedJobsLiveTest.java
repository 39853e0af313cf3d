package org.gengdi.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server instances on one PostGIS schema share the job table: a job submitted to one is visible, polled and
 * retrieved on the other, and a dismiss on the second stops a job the first is running.
 */
class SharedJobsLiveTest {
    private static final String SCHEMA = "gengdi_shared_jobs";
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    @BeforeAll
    static void start() throws Exception {
        String url = System.getProperty("gengdi.test.pg.url", "");
        assumeTrue(!url.isBlank(), "gengdi.test.pg.url is not set (scripts/test.sh always sets it)");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE"); // our own schema, from an earlier run
        }
        String[] pg = {"--gengdi.store=postgis", "--gengdi.postgis.url=" + url, "--gengdi.postgis.schema=" + SCHEMA,
                "--gengdi.postgis.pool-size=4", "--gengdi.processes.diagnostic=true"};
        a = SampleServer.start("gengdi-shared-a", pg);
        b = SampleServer.start("gengdi-shared-b", pg);
    }

    @AfterAll
    static void stop() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    @Test
    void aJobSubmittedToOneInstanceIsServedByTheOther() throws Exception {
        String apiA = SampleServer.base(a) + "/ogcapi";
        String apiB = SampleServer.base(b) + "/ogcapi";
        Http.Answer accepted = Http.post(apiA + "/processes/gengdi:Area/execution",
                "{\"inputs\":{\"layer\":{\"layer\":\"YJJBNTBHTB\",\"filter\":\"DLBM = '0101'\"}}}", true);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        String id = accepted.json().path("jobID").asText();
        JsonNode onB = Http.awaitFinished(apiB + "/jobs/" + id, Duration.ofSeconds(60));
        assertThat(onB.path("status").asText()).isEqualTo("successful");
        JsonNode resultsA = Http.get(apiA + "/jobs/" + id + "/results").json();
        JsonNode resultsB = Http.get(apiB + "/jobs/" + id + "/results").json();
        assertThat(resultsB).isEqualTo(resultsA);
        assertThat(resultsB.path("count").asLong()).isPositive();
        assertThat(Http.get(apiB + "/jobs").json().path("jobs").toString()).contains(id);
    }

    @Test
    void aDismissOnOneInstanceStopsTheJobOnTheOther() throws Exception {
        String apiA = SampleServer.base(a) + "/ogcapi";
        String apiB = SampleServer.base(b) + "/ogcapi";
        String id = Http.post(apiA + "/processes/gengdi:Wait/execution", "{\"inputs\":{\"seconds\":60}}", true)
                .json().path("jobID").asText();
        for (int i = 0; i < 200 && !Http.get(apiB + "/jobs/" + id).json().path("status").asText()
                .equals("running"); i++) {
            Thread.sleep(100);
        }
        assertThat(Http.get(apiB + "/jobs/" + id).json().path("status").asText()).isEqualTo("running");
        assertThat(Http.delete(apiB + "/jobs/" + id).status()).isEqualTo(200);
        // the runner notices at its next heartbeat or progress write and stops; the job stays dismissed
        Thread.sleep(1500);
        assertThat(Http.get(apiA + "/jobs/" + id).json().path("status").asText()).isEqualTo("dismissed");
        assertThat(Http.get(apiA + "/jobs/" + id + "/results").status()).isEqualTo(404);
    }
}
