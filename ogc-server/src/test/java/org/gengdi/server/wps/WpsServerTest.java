package org.gengdi.server.wps;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.validation.Schema;
import org.gengdi.server.SampleServer;
import org.gengdi.server.encode.OgcSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * WPS 1.0.0 against a real server on the sample county: every document validates against the official WPS 1.0.0
 * schemas; gengdi:Area and gengdi:Buffer run by KVP and XML POST, raw and as documents, with outputs by reference
 * and lineage, synchronously and as monitored jobs; layer references (by name and by a reference to this server's
 * own WFS); every bad request gets its OWS exception; OWSLib's WebProcessingService works against it.
 */
class WpsServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Schema CAPS = schema("wpsGetCapabilities_response.xsd");
    private static final Schema DESCRIBE = schema("wpsDescribeProcess_response.xsd");
    private static final Schema EXECUTE = schema("wpsExecute_response.xsd");
    private static final Schema EXCEPTION = OgcSchemas.compile(OgcSchemas.official(
            "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd"));
    private static final String SQUARE = "POLYGON((114 30,114.01 30,114.01 30.01,114 30.01,114 30))";
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static String wps;

    private static Schema schema(String name) {
        return OgcSchemas.compile(OgcSchemas.official("http://schemas.opengis.net/wps/1.0.0/" + name));
    }

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-wps", "--gengdi.processes.diagnostic=true",
                "--gengdi.processes.max-time=6s", "--gengdi.processes.max-input-bytes=400000");
        base = SampleServer.base(ctx);
        wps = base + "/wps";
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(wps + "?" + query)).timeout(Duration.ofMinutes(1))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String xml) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(wps)).header("Content-Type", "text/xml")
                .timeout(Duration.ofMinutes(1)).POST(HttpRequest.BodyPublishers.ofString(xml,
                        StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void valid(Schema schema, HttpResponse<String> r) {
        assertThat(OgcSchemas.validate(schema, r.body().getBytes(StandardCharsets.UTF_8))).as(r.body()).isEmpty();
    }

    private static double quadrangle() {
        double a = 6378137.0;
        double f = 1 / 298.257222101;
        double e2 = f * (2 - f);
        double e = Math.sqrt(e2);
        java.util.function.DoubleUnaryOperator q = phi -> {
            double s = Math.sin(Math.toRadians(phi));
            return s / (1 - e2 * s * s) + Math.log((1 + e * s) / (1 - e * s)) / (2 * e);
        };
        return a * a * (1 - e2) * Math.toRadians(0.01) / 2 * (q.applyAsDouble(30.01) - q.applyAsDouble(30.0));
    }

    private static String literal(String body, String output) {
        Matcher m = Pattern.compile("<ows:Identifier>" + Pattern.quote(output) + "</ows:Identifier>.*?<wps:LiteralData"
                + "[^>]*>([^<]*)</wps:LiteralData>", Pattern.DOTALL).matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void capabilitiesAndDescriptionsAreSchemaValid() throws Exception {
        HttpResponse<String> caps = get("service=WPS&request=GetCapabilities");
        assertThat(caps.statusCode()).isEqualTo(200);
        valid(CAPS, caps);
        assertThat(caps.body()).contains("gengdi:Area", "gengdi:Buffer", "gengdi:OccupationAnalysis",
                "gengdi:ContiguityScore", "gengdi:AdjustmentPlanValidation", "gengdi:ReserveCandidates", "椭球面积");
        assertThat(get("service=WPS&request=GetCapabilities&language=en-US").body()).contains("Ellipsoidal area");
        HttpResponse<String> all = get("service=WPS&version=1.0.0&request=DescribeProcess&identifier=ALL");
        assertThat(all.statusCode()).isEqualTo(200);
        valid(DESCRIBE, all);
        assertThat(all.body()).contains("storeSupported=\"true\"", "<MimeType>application/geo+json</MimeType>",
                "<ows:Value>YJJBNTBHTB</ows:Value>", "<ows:UOM>metre</ows:UOM>");
        HttpResponse<String> posted = post("<wps:DescribeProcess xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" "
                + "xmlns:ows=\"http://www.opengis.net/ows/1.1\" service=\"WPS\" version=\"1.0.0\">"
                + "<ows:Identifier>gengdi:Buffer</ows:Identifier></wps:DescribeProcess>");
        valid(DESCRIBE, posted);
        assertThat(posted.body()).contains("gengdi:Buffer").doesNotContain("gengdi:Area<");
    }

    @Test
    void kvpExecuteDocumentAndRaw() throws Exception {
        HttpResponse<String> doc = get("service=WPS&version=1.0.0&request=Execute&identifier=gengdi:Area"
                + "&DataInputs=" + enc("geometry=" + SQUARE + "@mimeType=application/wkt") + "&lineage=true");
        assertThat(doc.statusCode()).as(doc.body()).isEqualTo(200);
        valid(EXECUTE, doc);
        assertThat(doc.body()).contains("ProcessSucceeded", "<wps:DataInputs>", "<wps:OutputDefinitions>");
        assertThat(Double.parseDouble(literal(doc.body(), "area"))).isCloseTo(quadrangle(),
                org.assertj.core.data.Offset.offset(quadrangle() * 1e-6));
        HttpResponse<String> raw = get("service=WPS&version=1.0.0&request=Execute&identifier=gengdi:Area"
                + "&DataInputs=" + enc("geometry=" + SQUARE + "@mimeType=application/wkt") + "&RawDataOutput=areaMu");
        assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(Double.parseDouble(raw.body())).isCloseTo(quadrangle() * 15 / 10000,
                org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void xmlExecuteWithGmlInAndOutAndAReference() throws Exception {
        String gml = "<gml:Point xmlns:gml=\"http://www.opengis.net/gml/3.2\" srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:pos>39.9 116.4</gml:pos></gml:Point>";
        HttpResponse<String> r = post("<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" "
                + "xmlns:ows=\"http://www.opengis.net/ows/1.1\" service=\"WPS\" version=\"1.0.0\">"
                + "<ows:Identifier>gengdi:Buffer</ows:Identifier><wps:DataInputs>"
                + "<wps:Input><ows:Identifier>geometry</ows:Identifier><wps:Data><wps:ComplexData "
                + "mimeType=\"application/gml+xml; version=3.2\">" + gml + "</wps:ComplexData></wps:Data></wps:Input>"
                + "<wps:Input><ows:Identifier>distance</ows:Identifier><wps:Data><wps:LiteralData uom=\"metre\">100"
                + "</wps:LiteralData></wps:Data></wps:Input></wps:DataInputs>"
                + "<wps:ResponseForm><wps:ResponseDocument><wps:Output mimeType=\"application/gml+xml; version=3.2\">"
                + "<ows:Identifier>buffer</ows:Identifier></wps:Output></wps:ResponseDocument></wps:ResponseForm>"
                + "</wps:Execute>");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        valid(EXECUTE, r);
        assertThat(r.body()).contains("ProcessSucceeded", "http://www.opengis.net/gml/3.2", "Polygon");

        HttpResponse<String> ref = post("<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" "
                + "xmlns:ows=\"http://www.opengis.net/ows/1.1\" service=\"WPS\" version=\"1.0.0\">"
                + "<ows:Identifier>gengdi:Area</ows:Identifier><wps:DataInputs><wps:Input><ows:Identifier>geometry"
                + "</ows:Identifier><wps:Data><wps:ComplexData mimeType=\"application/geo+json\"><![CDATA[{\"type\":"
                + "\"Polygon\",\"coordinates\":[[[114,30],[114.01,30],[114.01,30.01],[114,30.01],[114,30]]]}]]>"
                + "</wps:ComplexData></wps:Data></wps:Input></wps:DataInputs><wps:ResponseForm><wps:ResponseDocument>"
                + "<wps:Output asReference=\"true\"><ows:Identifier>features</ows:Identifier></wps:Output>"
                + "<wps:Output><ows:Identifier>area</ows:Identifier></wps:Output></wps:ResponseDocument>"
                + "</wps:ResponseForm></wps:Execute>");
        valid(EXECUTE, ref);
        Matcher m = Pattern.compile("<wps:Reference href=\"([^\"]+)\"").matcher(ref.body());
        assertThat(m.find()).as(ref.body()).isTrue();
        HttpResponse<String> stored = HTTP.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("\"FeatureCollection\"", "AREA_M2");
    }

    @Test
    void asynchronousExecutionIsMonitored() throws Exception {
        HttpResponse<String> accepted = get("service=WPS&version=1.0.0&request=Execute&identifier=gengdi:Wait"
                + "&DataInputs=" + enc("seconds=2") + "&storeExecuteResponse=true&status=true");
        valid(EXECUTE, accepted);
        assertThat(accepted.body()).contains("ProcessAccepted");
        Matcher m = Pattern.compile("statusLocation=\"([^\"]+)\"").matcher(accepted.body());
        assertThat(m.find()).isTrue();
        String location = m.group(1);
        boolean started = false;
        String body = "";
        for (int i = 0; i < 200 && !body.contains("ProcessSucceeded"); i++) {
            HttpResponse<String> s = HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(),
                    HttpResponse.BodyHandlers.ofString());
            valid(EXECUTE, s);
            body = s.body();
            started |= body.contains("ProcessStarted percentCompleted=");
            Thread.sleep(50);
        }
        assertThat(started).isTrue();
        assertThat(body).contains("ProcessSucceeded");
        assertThat(Double.parseDouble(literal(body, "waited"))).isGreaterThanOrEqualTo(2.0);
        // a job over the time limit (6 s) fails, and says so in a valid document
        HttpResponse<String> slow = get("service=WPS&version=1.0.0&request=Execute&identifier=gengdi:Wait"
                + "&DataInputs=" + enc("seconds=60") + "&storeExecuteResponse=true&status=true");
        Matcher n = Pattern.compile("statusLocation=\"([^\"]+)\"").matcher(slow.body());
        assertThat(n.find()).isTrue();
        String failed = "";
        for (int i = 0; i < 300 && !failed.contains("ProcessFailed"); i++) {
            failed = HTTP.send(HttpRequest.newBuilder(URI.create(n.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Thread.sleep(50);
        }
        assertThat(OgcSchemas.validate(EXECUTE, failed.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(failed).contains("ProcessFailed", "time limit");
    }

    @Test
    void layerReferencesByNameAndByOwnWfsUrl() throws Exception {
        String filter = "DLBM = '0101'";
        String items = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ogcapi/collections/YJJBNTBHTB/items?limit=1"
                + "&filter=" + enc(filter))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher nm = Pattern.compile("\"numberMatched\":(\\d+)").matcher(items);
        assertThat(nm.find()).isTrue();
        String all = get("service=WPS&version=1.0.0&request=Execute&identifier=gengdi:Area&DataInputs="
                + enc("layer=YJJBNTBHTB") + "&RawDataOutput=count").body();
        String wfsUrl = base + "/wfs?service=WFS&version=2.0.0&request=GetFeature&typeNames=gengdi:YJJBNTBHTB"
                + "&CQL_FILTER=" + enc(filter);
        HttpResponse<String> byRef = post("<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" "
                + "xmlns:ows=\"http://www.opengis.net/ows/1.1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "service=\"WPS\" version=\"1.0.0\"><ows:Identifier>gengdi:Area</ows:Identifier><wps:DataInputs>"
                + "<wps:Input><ows:Identifier>layer</ows:Identifier><wps:Reference xlink:href=\""
                + wfsUrl.replace("&", "&amp;") + "\"/></wps:Input></wps:DataInputs><wps:ResponseForm>"
                + "<wps:RawDataOutput><ows:Identifier>count</ows:Identifier></wps:RawDataOutput></wps:ResponseForm>"
                + "</wps:Execute>");
        assertThat(byRef.statusCode()).as(byRef.body()).isEqualTo(200);
        assertThat(Long.parseLong(byRef.body().strip())).isEqualTo(Long.parseLong(nm.group(1)));
        assertThat(Long.parseLong(all.strip())).isGreaterThan(Long.parseLong(byRef.body().strip()));
    }

    /** Polls a WPS status location until the job ends; returns the last document (each one schema-valid). */
    private static String await(String acceptedBody) throws Exception {
        Matcher m = Pattern.compile("statusLocation=\"([^\"]+)\"").matcher(acceptedBody);
        assertThat(m.find()).as(acceptedBody).isTrue();
        String body = "";
        for (int i = 0; i < 600 && !body.contains("ProcessSucceeded") && !body.contains("ProcessFailed"); i++) {
            HttpResponse<String> s = HTTP.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            valid(EXECUTE, s);
            body = s.body();
            Thread.sleep(100);
        }
        return body;
    }

    /** The four farmland analyses run as WPS jobs on the GeoPackage store and succeed. */
    @Test
    void farmlandAnalysesRunAsWpsJobs() throws Exception {
        String one = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ogcapi/collections/YJJBNTBHTB/items?limit=1"
                + "&offset=20")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher number = Pattern.compile("\"YJJBNTTBBH\":\"([^\"]+)\"").matcher(one);
        Matcher coord = Pattern.compile("\"coordinates\":\\[+(-?[0-9.]+),(-?[0-9.]+)").matcher(one);
        assertThat(number.find()).isTrue();
        assertThat(coord.find()).isTrue();
        double lon = Double.parseDouble(coord.group(1));
        double lat = Double.parseDouble(coord.group(2));
        String square = String.format(java.util.Locale.ROOT, "POLYGON((%1$.6f %2$.6f,%3$.6f %2$.6f,%3$.6f %4$.6f,"
                + "%1$.6f %4$.6f,%1$.6f %2$.6f))", lon - 0.001, lat - 0.001, lon + 0.001, lat + 0.001);
        String dltb = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ogcapi/collections/DLTB/items?limit=1"
                + "&filter=" + enc("DLBM = '0103'"))).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher bsm = Pattern.compile("\"BSM\":\"([^\"]+)\"").matcher(dltb);
        assertThat(bsm.find()).isTrue();
        String exec = "service=WPS&version=1.0.0&request=Execute&storeExecuteResponse=true&status=true&identifier=";
        String occupation = await(get(exec + "gengdi:OccupationAnalysis&DataInputs=" + enc("footprint=" + square
                + "@mimeType=application/wkt;projectCategory=GENERAL") + "&ResponseDocument=report").body());
        assertThat(occupation).contains("ProcessSucceeded", "R-OCC-GENERAL-BAN");
        String contiguity = await(get(exec + "gengdi:ContiguityScore&ResponseDocument=region").body());
        assertThat(contiguity).contains("ProcessSucceeded", "FCI");
        String plan = await(get(exec + "gengdi:AdjustmentPlanValidation&DataInputs=" + enc("planType=MAJOR_PROJECT;"
                + "removed=" + number.group(1) + ";addedBsm=" + bsm.group(1)) + "&ResponseDocument=report").body());
        assertThat(plan).contains("ProcessSucceeded", "R-BAL-QTY", "checklist");
        String reserve = await(get(exec + "gengdi:ReserveCandidates&DataInputs=" + enc("site=" + square
                + "@mimeType=application/wkt;requiredMu=10") + "&ResponseDocument=summary").body());
        assertThat(reserve).contains("ProcessSucceeded", "\"covered\" : true");
    }

    private static void exception(HttpResponse<String> r, int status, String code, String locator) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        valid(EXCEPTION, r);
        assertThat(r.body()).contains("exceptionCode=\"" + code + "\"").doesNotContain("Exception:", "\tat ");
        if (locator != null) {
            assertThat(r.body()).contains("locator=\"" + locator + "\"");
        }
    }

    @Test
    void badRequestsGetExceptionReports() throws Exception {
        String exec = "service=WPS&version=1.0.0&request=Execute&identifier=";
        exception(get(exec + "gengdi:Nothing"), 400, "InvalidParameterValue", "Identifier");
        exception(get("service=WPS&version=1.0.0&request=DescribeProcess&identifier=nothing"), 400,
                "InvalidParameterValue", "Identifier");
        exception(get("service=WPS&version=1.0.0&request=DescribeProcess"), 400, "MissingParameterValue",
                "identifier");
        exception(get(exec + "gengdi:Buffer&DataInputs=" + enc("distance=5")), 400, "MissingParameterValue",
                "geometry");
        exception(get(exec + "gengdi:Buffer&DataInputs=" + enc("geometry=POINT(116 39)@mimeType=application/wkt;"
                + "distance=far")), 400, "InvalidParameterValue", "distance");
        exception(get(exec + "gengdi:Area&DataInputs=" + enc("geometry={\"type\":\"Polygon\"@mimeType="
                + "application/geo+json")), 400, "InvalidParameterValue", "geometry");
        exception(get(exec + "gengdi:Area&DataInputs=" + enc("geometry=@xlink:href=file:///etc/passwd")), 400,
                "InvalidParameterValue", "geometry");
        exception(get(exec + "gengdi:Area&DataInputs=" + enc("geometry=@xlink:href=http://10.0.0.1/secret.json")),
                400, "InvalidParameterValue", "geometry");
        exception(get(exec + "gengdi:Area&DataInputs=" + enc("nothing=1")), 400, "InvalidParameterValue", "nothing");
        exception(get("service=WPS&version=2.0.0&request=DescribeProcess&identifier=ALL"), 400,
                "InvalidParameterValue", "version");
        exception(post("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" service=\"WPS\" version=\"1.0.0\">&e;"
                + "</wps:Execute>"), 400, "OperationParsingFailed", null);
        String big = "<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" xmlns:ows=\"http://www.opengis.net"
                + "/ows/1.1\" service=\"WPS\" version=\"1.0.0\"><ows:Identifier>gengdi:Area</ows:Identifier>"
                + "<wps:DataInputs><wps:Input><ows:Identifier>geometry</ows:Identifier><wps:Data><wps:ComplexData "
                + "mimeType=\"application/wkt\">MULTIPOINT(" + "114 30,".repeat(60_000) + "114 30)</wps:ComplexData>"
                + "</wps:Data></wps:Input></wps:DataInputs></wps:Execute>";
        HttpResponse<String> tooBig = post(big);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("exceptionCode=\"FileSizeExceeded\"");
        HttpResponse<String> status = HTTP.send(HttpRequest.newBuilder(URI.create(base
                + "/wps/status/3f2504e0-4f89-11d3-9a0c-0305e82c3301")).build(), HttpResponse.BodyHandlers.ofString());
        exception(status, 404, "InvalidParameterValue", "job");
    }

    @Test
    void owsLibRunsProcesses() throws Exception {
        Path dir = Files.createTempDirectory("owslib-wps");
        Path script = dir.resolve("wps.py");
        Files.writeString(script, String.join("\n",
                "import sys, json",
                "from owslib.wps import WebProcessingService, ComplexDataInput, monitorExecution",
                "url = sys.argv[1]",
                "wps = WebProcessingService(url, version='1.0.0', skip_caps=False)",
                "print('PROCESSES', sorted(p.identifier for p in wps.processes))",
                "d = wps.describeprocess('gengdi:Buffer')",
                "print('INPUTS', [i.identifier for i in d.dataInputs])",
                "gj = json.dumps({'type': 'Polygon', 'coordinates': [[[114, 30], [114.01, 30], [114.01, 30.01],",
                "                 [114, 30.01], [114, 30]]]})",
                "ex = wps.execute('gengdi:Area', [('geometry', ComplexDataInput(gj, mimeType='application/geo+json'))],",
                "                 output=[('area', False)], mode='sync')",
                "print('SYNC', ex.status, [(o.identifier, o.data) for o in ex.processOutputs])",
                "ex2 = wps.execute('gengdi:Area', [('layer', 'YJJBNTBHTB')], output=[('count', False)], mode='async')",
                "monitorExecution(ex2, sleepSecs=1)",
                "print('ASYNC', ex2.status, [(o.identifier, o.data) for o in ex2.processOutputs])",
                ""));
        String out = SampleServer.run(dir, "/usr/bin/python3", script.toString(), wps);
        assertThat(out).contains("'gengdi:Area'", "'gengdi:Buffer'", "INPUTS ['geometry', 'distance', "
                + "'quadrantSegments']", "SYNC ProcessSucceeded", "ASYNC ProcessSucceeded");
        Matcher m = Pattern.compile("SYNC ProcessSucceeded \\[\\('area', \\['([0-9.]+)'\\]\\)\\]").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isCloseTo(quadrangle(), org.assertj.core.data.Offset.offset(1.0));
        Matcher c = Pattern.compile("ASYNC ProcessSucceeded \\[\\('count', \\['(\\d+)'\\]\\)\\]").matcher(out);
        assertThat(c.find()).as(out).isTrue();
        assertThat(Long.parseLong(c.group(1))).isPositive();
        assertThat(List.of(out.split("\n"))).noneMatch(l -> l.startsWith("Traceback"));
    }
}
