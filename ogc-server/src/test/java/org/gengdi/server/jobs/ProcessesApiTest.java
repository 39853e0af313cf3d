package org.gengdi.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.sf.geographiclib.Geodesic;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OGC API - Processes against a real server on the sample county: discovery, synchronous and asynchronous
 * execution of gengdi:Area and gengdi:Buffer with answers checked against independent formulas, layer references,
 * dismiss, and every kind of bad request answered with problem JSON and the right status.
 */
class ProcessesApiTest {
    private static ConfigurableApplicationContext ctx;
    private static String api;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("processes-api", "--gengdi.processes.diagnostic=true",
                "--gengdi.processes.max-input-bytes=300000");
        api = SampleServer.base(ctx) + "/ogcapi";
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    /** A 0.01° × 0.01° box at 30°N as GeoJSON (longitude first). */
    private static final String BOX = "{\"type\":\"Polygon\",\"coordinates\":[[[114.0,30.0],[114.01,30.0],"
            + "[114.01,30.01],[114.0,30.01],[114.0,30.0]]]}";

    /** The closed-form area of a latitude/longitude quadrangle on the CGCS2000 ellipsoid. */
    private static double quadrangle(double lat1, double lat2, double dLon) {
        double a = 6378137.0;
        double f = 1 / 298.257222101;
        double e2 = f * (2 - f);
        double e = Math.sqrt(e2);
        double b2 = a * a * (1 - e2);
        java.util.function.DoubleUnaryOperator q = phi -> {
            double s = Math.sin(Math.toRadians(phi));
            return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
        };
        return b2 * Math.toRadians(dLon) / 2 * (q.applyAsDouble(lat2) - q.applyAsDouble(lat1));
    }

    @Test
    void listsAndDescribesTheProcesses() throws Exception {
        JsonNode list = Http.get(api + "/processes").json();
        List<String> ids = new ArrayList<>();
        list.path("processes").forEach(p -> ids.add(p.path("id").asText()));
        assertThat(ids).contains("gengdi:Area", "gengdi:Buffer", "gengdi:Wait");
        JsonNode area = Http.get(api + "/processes/gengdi:Area").json();
        assertThat(area.path("jobControlOptions").toString()).contains("async-execute", "dismiss");
        assertThat(area.path("inputs").path("geometry").path("maxOccurs").asInt()).isEqualTo(100);
        assertThat(area.path("inputs").path("layer").path("schema").toString()).contains("YJJBNTBHTB");
        assertThat(area.path("outputs").path("area").path("schema").path("type").asText()).isEqualTo("number");
        JsonNode buffer = Http.get(api + "/processes/gengdi:Buffer").json();
        assertThat(buffer.path("inputs").path("distance").path("schema").path("maximum").asDouble())
                .isEqualTo(50_000);
        Http.Answer zh = Http.get(api + "/processes?f=html");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.text()).contains("椭球面积");
        JsonNode conformance = Http.get(api + "/conformance").json();
        assertThat(conformance.toString()).contains("ogcapi-processes-1/1.0/conf/job-list");
        JsonNode landing = Http.get(api).json();
        assertThat(landing.toString()).contains("/ogcapi/processes", "/ogcapi/jobs");
    }

    @Test
    void synchronousAreaMatchesTheClosedForm() throws Exception {
        Http.Answer a = Http.post(api + "/processes/gengdi:Area/execution",
                "{\"inputs\":{\"geometry\":" + BOX + "},\"response\":\"document\"}", false);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        double expected = quadrangle(30.0, 30.01, 0.01);
        JsonNode doc = a.json();
        assertThat(doc.path("area").asDouble()).isCloseTo(expected, org.assertj.core.data.Offset.offset(
                expected * 1e-6));
        assertThat(doc.path("areaMu").asDouble()).isCloseTo(expected * 15 / 10000, org.assertj.core.data.Offset
                .offset(expected * 15 / 10000 * 1e-6));
        assertThat(doc.path("count").asInt()).isEqualTo(1);
        JsonNode features = doc.path("features").path("value");
        assertThat(features.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(features.path("features").get(0).path("properties").path("AREA_M2").asDouble())
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.01));

        Http.Answer raw = Http.post(api + "/processes/gengdi:Area/execution",
                "{\"inputs\":{\"geometry\":{\"value\":\"POLYGON ((114 30, 114.01 30, 114.01 30.01, 114 30.01, "
                        + "114 30))\",\"mediaType\":\"application/wkt\"}},\"outputs\":{\"area\":{}}}", false);
        assertThat(raw.status()).as(raw.text()).isEqualTo(200);
        assertThat(raw.header("Content-Type")).startsWith("text/plain");
        assertThat(Double.parseDouble(raw.text())).isCloseTo(expected, org.assertj.core.data.Offset.offset(
                expected * 1e-6));
    }

    @Test
    void bufferIsMetresOnTheGround() throws Exception {
        Http.Answer a = Http.post(api + "/processes/gengdi:Buffer/execution",
                "{\"inputs\":{\"geometry\":{\"type\":\"Point\",\"coordinates\":[116.4,39.9]},"
                        + "\"distance\":{\"measurement\":100,\"uom\":\"metre\"}}}", false);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        assertThat(a.header("Content-Type")).startsWith("application/geo+json");
        JsonNode ring = a.json().path("features").get(0).path("geometry").path("coordinates").get(0);
        assertThat(ring.size()).isEqualTo(33);
        for (JsonNode p : ring) {
            double d = Geodesic.WGS84.Inverse(39.9, 116.4, p.get(1).asDouble(), p.get(0).asDouble()).s12;
            assertThat(d).isBetween(99.5, 100.5);
        }
    }

    @Test
    void layerReferenceReadsThePublishedLayer() throws Exception {
        String filter = "DLBM = '0101'";
        JsonNode items = Http.get(api + "/collections/YJJBNTBHTB/items?limit=1&filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8)).json();
        long expected = items.path("numberMatched").asLong();
        assertThat(expected).isPositive();
        JsonNode doc = Http.post(api + "/processes/gengdi:Area/execution", "{\"inputs\":{\"layer\":{\"layer\":"
                + "\"YJJBNTBHTB\",\"filter\":\"" + filter + "\"}},\"outputs\":{\"count\":{},\"area\":{}},"
                + "\"response\":\"document\"}", false).json();
        assertThat(doc.path("count").asLong()).isEqualTo(expected);
        double paddy = doc.path("area").asDouble();
        JsonNode all = Http.post(api + "/processes/gengdi:Area/execution", "{\"inputs\":{\"layer\":\"YJJBNTBHTB\"},"
                + "\"outputs\":{\"area\":{}},\"response\":\"document\"}", false).json();
        assertThat(paddy).isPositive().isLessThan(all.path("area").asDouble());
        // the same selection as a reference to this server's own OGC API Features items URL
        String href = api + "/collections/YJJBNTBHTB/items?filter=" + URLEncoder.encode(filter,
                StandardCharsets.UTF_8);
        JsonNode byRef = Http.post(api + "/processes/gengdi:Area/execution", "{\"inputs\":{\"layer\":{\"href\":\""
                + href + "\"}},\"outputs\":{\"count\":{}},\"response\":\"document\"}", false).json();
        assertThat(byRef.path("count").asLong()).isEqualTo(expected);
    }

    @Test
    void asynchronousJobRunsAndKeepsItsResults() throws Exception {
        Http.Answer accepted = Http.post(api + "/processes/gengdi:Area/execution",
                "{\"inputs\":{\"geometry\":" + BOX + "},\"outputs\":{\"area\":{},\"features\":{\"transmissionMode\":"
                        + "\"reference\"}}}", true);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
        String location = accepted.header("Location");
        assertThat(location).contains("/ogcapi/jobs/");
        assertThat(accepted.json().path("status").asText()).isIn("accepted", "running", "successful");
        JsonNode status = Http.awaitFinished(location, Duration.ofSeconds(30));
        assertThat(status.path("status").asText()).isEqualTo("successful");
        assertThat(status.path("progress").asInt()).isEqualTo(100);
        JsonNode results = Http.get(location + "/results").json();
        assertThat(results.path("area").asDouble()).isCloseTo(quadrangle(30.0, 30.01, 0.01),
                org.assertj.core.data.Offset.offset(1.0));
        String href = results.path("features").path("href").asText();
        assertThat(href).endsWith("/results/features");
        Http.Answer features = Http.get(href);
        assertThat(features.status()).isEqualTo(200);
        assertThat(features.json().path("features").size()).isEqualTo(1);
        JsonNode jobs = Http.get(api + "/jobs").json();
        assertThat(jobs.path("jobs").toString()).contains(status.path("jobID").asText());
    }

    @Test
    void dismissStopsARunningJob() throws Exception {
        Http.Answer accepted = Http.post(api + "/processes/gengdi:Wait/execution",
                "{\"inputs\":{\"seconds\":30}}", true);
        String location = accepted.header("Location");
        JsonNode s = null;
        for (int i = 0; i < 100; i++) {
            s = Http.get(location).json();
            if (s.path("status").asText().equals("running") && s.path("progress").asInt() > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(s.path("status").asText()).isEqualTo("running");
        Http.Answer dismissed = Http.delete(location);
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.json().path("status").asText()).isEqualTo("dismissed");
        assertThat(Http.get(location + "/results").status()).isEqualTo(404);
        assertThat(Http.get(location + "/results").json().path("type").asText()).endsWith("no-such-job");
        assertThat(Http.delete(location).status()).isEqualTo(404);
    }

    @Test
    void badRequestsGetProblemJson() throws Exception {
        String exec = api + "/processes/gengdi:Area/execution";
        expect(Http.post(api + "/processes/gengdi:Nothing/execution", "{\"inputs\":{}}", false), 404,
                "no-such-process");
        expect(Http.get(api + "/processes/gengdi:Nothing"), 404, "no-such-process");
        expect(Http.post(api + "/processes/gengdi:Buffer/execution", "{\"inputs\":{\"distance\":5}}", false), 400,
                "invalid-input");
        expect(Http.post(api + "/processes/gengdi:Buffer/execution", "{\"inputs\":{\"geometry\":" + BOX
                + ",\"distance\":\"far\"}}", false), 400, "invalid-input");
        expect(Http.post(api + "/processes/gengdi:Buffer/execution", "{\"inputs\":{\"geometry\":" + BOX
                + ",\"distance\":999999}}", false), 400, "invalid-input");
        expect(Http.post(exec, "{\"inputs\":{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[1,2]]}}}", false),
                400, "invalid-input");
        expect(Http.post(exec, "{\"inputs\":{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],"
                + "[1,0],[0,1],[0,0]]]}}}", false), 400, "invalid-input");   // a bow-tie
        expect(Http.post(exec, "{\"inputs\":{\"geometry\":{\"value\":\"<gml:Polygon xmlns:gml=\\\"x\\\">\","
                + "\"mediaType\":\"application/gml+xml; version=3.2\"}}}", false), 400, "invalid-input");
        expect(Http.post(exec, "{\"inputs\":{\"nothing\":1}}", false), 400, null);
        expect(Http.post(exec, "{\"inputs\":", false), 400, null);
        expect(Http.post(exec, "{\"inputs\":{\"layer\":\"NO_SUCH_LAYER\"}}", false), 400, "invalid-input");
        expect(Http.post(exec, "{\"inputs\":{\"layer\":{\"layer\":\"YJJBNTBHTB\",\"filter\":\"ZRRMC = 'x'\"}}}",
                false), 400, "invalid-input");   // a personal field is not a published property
        expect(Http.post(exec, "{\"inputs\":{\"geometry\":{\"href\":\"file:///etc/passwd\"}}}", false), 400,
                "invalid-input");
        expect(Http.post(exec, "{\"inputs\":{\"geometry\":{\"href\":\"http://169.254.169.254/latest/meta-data\"}}}",
                false), 400, "invalid-input");
        String big = "{\"inputs\":{\"geometry\":{\"type\":\"MultiPoint\",\"coordinates\":["
                + "[114.0,30.0],".repeat(30_000) + "[114.0,30.0]]}}}";
        expect(Http.post(exec, big, false), 413, null);
        expect(Http.get(api + "/jobs/3f2504e0-4f89-11d3-9a0c-0305e82c3301"), 404, "no-such-job");
        expect(Http.get(api + "/jobs/..%2e..%2eetc"), 404, "no-such-job");
    }

    private static void expect(Http.Answer a, int status, String type) {
        assertThat(a.status()).as(a.text()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = a.json();
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("detail").asText()).isNotBlank().doesNotContain("Exception", "\tat ");
        if (type != null) {
            assertThat(p.path("type").asText()).endsWith(type);
        }
    }
}
