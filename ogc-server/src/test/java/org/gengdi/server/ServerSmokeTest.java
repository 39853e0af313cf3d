package org.gengdi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the real server on a small sample county in a temporary data directory and checks the fixed endpoints. */
class ServerSmokeTest {
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static Path dataDir;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("gengdi-smoke");
        ctx = GengdiServer.start("--server.port=0", "--gengdi.data-dir=" + dataDir, "--gengdi.sample.parcels=600");
        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void firstStartGeneratesTheSampleIntoTheDataDirectory() {
        assertThat(dataDir.resolve("sample-county.gpkg")).exists();
    }

    @Test
    void landingPageListsLayersWithChineseTitlesAndServiceUrls() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/html"));
        assertThat(r.body()).contains("YJJBNTBHTB", "永久基本农田保护图斑", "DLTB", "地类图斑", "/ows?service=WFS");
    }

    @Test
    void healthReportsTheStoreReady() throws Exception {
        HttpResponse<String> r = get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"", "\"ready\":true", "geopackage");
    }

    @Test
    void owsEndpointsAnswerWithExceptionReports() throws Exception {
        HttpResponse<String> missing = get("/ows?service=WFS");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("exceptionCode=\"MissingParameterValue\"", "locator=\"request\"");

        HttpResponse<String> unknown = get("/ows?service=XYZ&request=GetCapabilities");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("InvalidParameterValue");

        // every service answers through its alias (see WfsServerTest, WmsServerTest, WmtsServerTest, WpsServerTest)
        assertThat(get("/wfs?REQUEST=GetCapabilities").statusCode()).isEqualTo(200);
        assertThat(get("/wms?REQUEST=GetCapabilities").statusCode()).isEqualTo(200);
        assertThat(get("/wmts?REQUEST=GetCapabilities").statusCode()).isEqualTo(200);
        assertThat(get("/wps?REQUEST=GetCapabilities").body()).contains("wps:Capabilities");
        HttpResponse<String> op = get("/wps?REQUEST=Transaction");
        assertThat(op.statusCode()).isEqualTo(501);
        assertThat(op.body()).contains("OperationNotSupported");
    }

    @Test
    void ogcApiLandingAndPortalExist() throws Exception {
        HttpResponse<String> api = get("/ogcapi");
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"rel\":\"conformance\"");
        assertThat(get("/portal").statusCode()).isEqualTo(302); // to /portal/, where the page's relative URLs resolve
        HttpResponse<String> portal = get("/portal/");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("永久基本农田");
    }

    @Test
    void unknownPathIsA404NotAStackTrace() throws Exception {
        HttpResponse<String> r = get("/nope/../../etc/passwd");
        assertThat(r.statusCode()).isIn(400, 404);
        assertThat(r.body()).doesNotContain("Exception", "at org.");
    }
}
