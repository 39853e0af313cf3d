package org.gengdi.server.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The public portal in headless Chromium (Debian's {@code /usr/bin/chromium}, driven by playwright-core from the
 * portal's npm project; no browser download): the page loads, WMTS tiles paint, the layer switcher and legends work,
 * search by village name, village code and red-line parcel number zooms there, a click shows the parcel's
 * attributes, no personal field or value reaches the page, nothing is loaded from elsewhere, and the page works
 * behind a proxy under a prefix. The checks are in {@code src/main/portal/test/portal.test.mjs}; it exits non-zero
 * when one fails or does not run, and this test fails then — also when node or Chromium is missing.
 */
class PortalPageTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext ctx;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-portal");
        base = SampleServer.base(ctx);
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    void thePortalWorksInChromium() throws Exception {
        Path script = Path.of("src/main/portal/test/portal.test.mjs").toAbsolutePath();
        assertThat(script).exists();
        Path dir = Files.createTempDirectory("portal-test");
        // the personal values the store holds (ID and phone numbers): the page must never receive one
        Set<String> personal = new LinkedHashSet<>();
        try (FeatureCursor c = ctx.getBean(FeatureStore.class).require("YJJBNTBHTB").query(Query.ALL)) {
            while (c.hasNext()) {
                Feature f = c.next();
                for (String field : new String[] {"ZRRZJHM", "LXDH"}) {
                    if (f.get(field) != null) {
                        personal.add(f.get(field).toString());
                    }
                }
            }
        }
        assertThat(personal).hasSizeGreaterThan(1000);
        Path secrets = Files.write(dir.resolve("personal.txt"), personal);

        String out = SampleServer.run(dir, "node", script.toString(), base, dir.toString(), secrets.toString());
        assertThat(out).contains("PASS redirect", "PASS loads", "PASS layerSwitcher", "PASS tiles", "PASS legend",
                "PASS toggleLayer", "PASS searchVillageName", "PASS searchVillageCode", "PASS searchParcel",
                "PASS click", "PASS clickNothing", "PASS noPersonalData", "PASS onlyThisServer",
                "PASS noHttpErrors", "PASS noScriptErrors", "PASS proxyTiles", "PASS proxySearch",
                "PASS proxyRelativeUrls").doesNotContain("FAIL");

        // the screenshot, read here too: a map with red outlines beside the panel
        BufferedImage shot = ImageIO.read(dir.resolve("portal.png").toFile());
        assertThat(shot.getWidth()).isEqualTo(1280);
        int red = 0;
        for (int y = 48; y < shot.getHeight(); y += 2) {
            for (int x = 280; x < shot.getWidth(); x += 2) {
                int rgb = shot.getRGB(x, y);
                if (((rgb >> 16) & 0xff) > 170 && ((rgb >> 8) & 0xff) < 110 && (rgb & 0xff) < 110) {
                    red++;
                }
            }
        }
        assertThat(red).as("red-line pixels in the screenshot").isGreaterThan(200);
    }

    @Test
    void thePageAndItsBundleAreServedWithRelativeUrls() throws Exception {
        HttpResponse<String> folder = get("/portal?x=1");
        assertThat(folder.statusCode()).isEqualTo(302);
        assertThat(folder.headers().firstValue("Location")).hasValue("portal/?x=1");

        HttpResponse<String> page = get("/portal/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html").containsIgnoringCase("utf-8"));
        assertThat(page.body()).contains("永久基本农田保护红线公示", "src=\"portal.js\"", "href=\"portal.css\"",
                "href=\"ol.css\"").doesNotContain("http://", "https://", "src=\"/", "href=\"/", "//cdn");

        HttpResponse<String> js = get("/portal/portal.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .contains("javascript"));
        // OpenLayers is in the bundle (not fetched from a CDN), and the script asks only for relative URLs
        assertThat(js.body().length()).isGreaterThan(200_000);
        assertThat(js.body()).contains("WebMercatorQuad").doesNotContain("unpkg.com", "jsdelivr",
                "cdnjs");
        for (String file : new String[] {"/portal/ol.css", "/portal/portal.css", "/portal/portal.js.LICENSE.txt"}) {
            assertThat(get(file).statusCode()).as(file).isEqualTo(200);
        }
        assertThat(get("/portal/portal.js.LICENSE.txt").body()).contains("==== ol 10.10.0", "BSD");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
