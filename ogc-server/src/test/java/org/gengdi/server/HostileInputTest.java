package org.gengdi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hostile inputs of the security issue, one case (at least) per kind, against a real server: entity tricks in
 * every XML input, filter-property and CQL2 injection, SSRF through references, path traversal in identifiers,
 * oversized requests and answers, deep nesting, and a slow client. Each is refused with a 4xx (or bounded), never a
 * 5xx, a leak or a hang, and the data stay intact.
 */
class HostileInputTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
    private static final String LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>";
    private static ConfigurableApplicationContext ctx;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-hostile", "--server.tomcat.connection-timeout=2s");
        base = SampleServer.base(ctx);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    private static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void refused(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.body()).doesNotContain("root:x:", "\tat org.", "Exception:");
    }

    private static long count() throws Exception {
        String body = get("/ogcapi/collections/YJJBNTBHTB/items?limit=1").body();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"numberMatched\":(\\d+)").matcher(body);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void entitiesAreRefusedInEveryXmlInput() throws Exception {
        for (String prolog : new String[] {XXE, LAUGHS}) {
            String ent = prolog == XXE ? "&x;" : "&e;";
            refused(post("/wfs", "text/xml", prolog + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                    + "service=\"WFS\" version=\"2.0.0\"><wfs:Query typeNames=\"" + ent + "\"/></wfs:GetFeature>"));
            refused(post("/wps", "text/xml", prolog + "<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" "
                    + "service=\"WPS\" version=\"1.0.0\">" + ent + "</wps:Execute>"));
            refused(get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=YJJBNTBHTB&CRS=EPSG:4490&BBOX=32,117,"
                    + "32.1,117.1&WIDTH=32&HEIGHT=32&FORMAT=image/png&SLD_BODY=" + enc(prolog
                    + "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\">" + ent
                    + "</StyledLayerDescriptor>")));
            // GML inside a process input
            refused(post("/ogcapi/processes/gengdi:Area/execution", "application/json", "{\"inputs\":{\"geometry\":"
                    + "{\"value\":\"" + (prolog + "<gml:Point xmlns:gml='http://www.opengis.net/gml/3.2'><gml:pos>"
                    + ent + "</gml:pos></gml:Point>").replace("\"", "\\\"") + "\",\"mediaType\":"
                    + "\"application/gml+xml; version=3.2\"}}}"));
        }
    }

    @Test
    void filtersNameOnlyPublicPropertiesAndLiteralsStayLiterals() throws Exception {
        long before = count();
        refused(get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gengdi:YJJBNTBHTB&CQL_FILTER="
                + enc("ZRRMC = 'x'")));                                          // a personal field
        refused(get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gengdi:YJJBNTBHTB&CQL_FILTER="
                + enc("\"DLBM\"\"; DROP TABLE x; --\" = 'a'")));                 // an injected property name
        refused(get("/ogcapi/collections/YJJBNTBHTB/items?filter=" + enc("exec('rm -rf /') = 1")));
        HttpResponse<String> literal = get("/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES="
                + "gengdi:YJJBNTBHTB&RESULTTYPE=hits&CQL_FILTER=" + enc("DLBM = '0101''; DROP TABLE \"YJJBNTBHTB\"; --'"));
        assertThat(literal.statusCode()).isEqualTo(200);
        assertThat(literal.body()).contains("numberMatched=\"0\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void referencesOutsideTheServerAreNotFetched() throws Exception {
        for (String href : new String[] {"http://169.254.169.254/latest/meta-data/", "file:///etc/passwd",
                "gopher://127.0.0.1:5432/", "http://127.0.0.1:1/x", "jar:file:/x!/y"}) {
            refused(post("/ogcapi/processes/gengdi:Area/execution", "application/json", "{\"inputs\":{\"geometry\":"
                    + "{\"href\":\"" + href + "\"}}}"));
            refused(get("/wps?SERVICE=WPS&VERSION=1.0.0&REQUEST=Execute&IDENTIFIER=gengdi:Area&DataInputs="
                    + enc("geometry=@xlink:href=" + href)));
        }
    }

    @Test
    void identifiersCannotTraversePaths() throws Exception {
        refused(get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER="
                + enc("../../etc/passwd")));
        refused(get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=YJJBNTBHTB&STYLES=" + enc("../../x")
                + "&CRS=EPSG:4490&BBOX=32,117,32.1,117.1&WIDTH=32&HEIGHT=32&FORMAT=image/png"));
        refused(get("/wmts/1.0.0/" + enc("..") + "/default/WebMercatorQuad/1/0/0.png"));
        refused(get("/wmts/1.0.0/YJJBNTBHTB/default/" + enc("..") + "/1/0/0.png"));
        refused(get("/ogcapi/jobs/" + enc("....etc")));
        refused(get("/wps/status/" + enc("..")));
        refused(get("/ogcapi/collections/" + enc("..") + "/items"));
    }

    @Test
    void oversizedRequestsAndAnswersAreBounded() throws Exception {
        refused(get("/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=YJJBNTBHTB&STYLES=&CRS=EPSG:4490"
                + "&BBOX=32,117,32.1,117.1&WIDTH=100000&HEIGHT=100000&FORMAT=image/png"));
        HttpResponse<String> big = post("/wfs", "text/xml", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs"
                + "/2.0\" service=\"WFS\" version=\"2.0.0\"><!--" + "x".repeat(17 << 20) + "--></wfs:GetFeature>");
        refused(big);
        // a huge page size is clamped, not honoured: the answer stays bounded
        HttpResponse<String> page = get("/ogcapi/collections/DLTB/items?limit=1000000000");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"numberReturned\":");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"numberReturned\":(\\d+)").matcher(page.body());
        assertThat(m.find()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isLessThanOrEqualTo(10_000);
    }

    @Test
    void deepNestingIsRefusedQuickly() throws Exception {
        long t0 = System.nanoTime();
        refused(get("/ogcapi/collections/YJJBNTBHTB/items?filter=" + enc("(".repeat(5000) + "DLBM = '0101'"
                + ")".repeat(5000))));
        String fes = "<fes:Not>".repeat(300) + "<fes:PropertyIsEqualTo><fes:ValueReference>DLBM</fes:ValueReference>"
                + "<fes:Literal>0101</fes:Literal></fes:PropertyIsEqualTo>" + "</fes:Not>".repeat(300);
        refused(post("/wfs", "text/xml", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\" service=\"WFS\" version=\"2.0.0\"><wfs:Query "
                + "typeNames=\"gengdi:YJJBNTBHTB\"><fes:Filter>" + fes + "</fes:Filter></wfs:Query></wfs:GetFeature>"));
        refused(post("/ogcapi/processes/gengdi:Area/execution", "application/json", "{\"inputs\":{\"geometry\":"
                + "{\"type\":\"GeometryCollection\",\"geometries\":[" + "{\"type\":\"GeometryCollection\",\"geometries\":["
                .repeat(200) + "]}".repeat(200) + "]}}}"));
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    }

    @Test
    void aSlowClientIsDroppedAndOthersAreServed() throws Exception {
        int port = URI.create(base).getPort();
        try (Socket slow = new Socket("127.0.0.1", port)) {
            OutputStream out = slow.getOutputStream();
            out.write("GET /wfs?SERVICE=WFS&REQUEST=GetCapabilities HTTP/1.1\r\nHost: x\r\n".getBytes(
                    StandardCharsets.US_ASCII));           // never finishes its headers
            out.flush();
            assertThat(get("/health").statusCode()).isEqualTo(200);
            slow.setSoTimeout(15_000);
            long t0 = System.nanoTime();
            InputStream in = slow.getInputStream();
            int b;
            try {
                b = in.read();
                while (b >= 0) {
                    b = in.read();                         // whatever the server says, it then closes
                }
            } catch (java.net.SocketException e) {
                b = -1;                                    // reset by the server: dropped as well
            }
            assertThat(b).isEqualTo(-1);
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(12);
        }
    }
}
