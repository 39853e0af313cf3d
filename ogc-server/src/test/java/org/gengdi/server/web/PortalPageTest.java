package org.gengdi.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public portal in headless Chromium (Debian's, driven by playwright-core from the portal's npm project):
 * the page loads, WMTS tiles paint, search by a village name and by a red-line parcel number zooms there, and a click
 * shows the parcel's attributes without personal fields. The script's checks are in
 * {@code src/main/portal/test/portal.test.mjs}; it fails (exit code) when any check fails.
 */
class PortalPageTest {
    private static ConfigurableApplicationContext ctx;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-portal");
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    @Test
    void thePortalWorksInChromium() throws Exception {
        Path script = Path.of("src/main/portal/test/portal.test.mjs").toAbsolutePath();
        assertThat(script).exists();
        Path dir = Files.createTempDirectory("portal-test");
        String out = SampleServer.run(dir, "node", script.toString(), SampleServer.base(ctx),
                dir.resolve("portal.png").toString());
        assertThat(out).contains("PASS loads", "PASS tiles", "PASS searchVillage", "PASS searchParcel", "PASS click",
                "PASS noPersonalFields", "PASS noScriptErrors").doesNotContain("FAIL");
        assertThat(Files.size(dir.resolve("portal.png"))).isGreaterThan(10_000);
    }

    @Test
    void thePageIsServedWithItsBundle() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String base = SampleServer.base(ctx);
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/portal")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("永久基本农田保护红线公示", "/portal/portal.js").doesNotContain("http://",
                "https://");
        var js = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/portal/portal.js"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body().length()).isGreaterThan(100_000);   // OpenLayers is in the bundle, not fetched from a CDN
    }
}
