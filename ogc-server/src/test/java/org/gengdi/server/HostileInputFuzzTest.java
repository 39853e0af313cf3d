package org.gengdi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A bounded, deterministic fuzz run over the request parsers: valid KVP requests of every service and valid XML /
 * JSON bodies are mutated (values replaced by hostile strings, parameters dropped or doubled, bodies truncated,
 * bytes flipped, elements injected) and sent to a real server. Whatever comes in, the answer must not be a 5xx
 * and must come within the client's time limit — except the two 5xx the specifications prescribe: 501 with the OWS
 * code OperationNotSupported for an operation the service does not have (OWS Common's table of codes), and 503 with
 * Retry-After for a deliberate "busy".
 */
class HostileInputFuzzTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long SEED = 20261124L;
    private static final int ROUNDS = 900;
    private static ConfigurableApplicationContext ctx;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-fuzz", "--gengdi.processes.max-time=5s");
        base = SampleServer.base(ctx);
    }

    @AfterAll
    static void stop() {
        ctx.close();
    }

    private static final String[] JUNK = {"", " ", "-1", "0", "99999999999999999999", "1e309", "NaN", "-Infinity",
            "'", "\"", "';DROP TABLE x;--", "%00", "\u0000", "<x>", "&amp;", "../../etc/passwd", "file:///etc/passwd",
            "http://169.254.169.254/", "()", "((((((((((", "a".repeat(5000), "永久基本农田", "\uD83D\uDE00",
            "EPSG:999999", "urn:ogc:def:crs:EPSG::4490", "1,2,3", "1,2,3,4,5,6", "POLYGON((0 0,1 1,1 0,0 1,0 0))",
            "DLBM = ", "S_INTERSECTS(geom, POINT(", "ZRRMC = 'x'", "${jndi:ldap://x}", "%s%s%s", "\\", "*", ",,,,"};

    /** Valid requests as parameter maps, one per service and operation. */
    private static List<Map<String, String>> kvpSeeds() {
        List<Map<String, String>> seeds = new ArrayList<>();
        seeds.add(map("path", "/wfs", "SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature", "TYPENAMES",
                "gengdi:YJJBNTBHTB", "COUNT", "5", "CQL_FILTER", "DLBM = '0101'", "SRSNAME", "EPSG:4490",
                "BBOX", "32,117,33,118,urn:ogc:def:crs:EPSG::4490", "SORTBY", "YJJBNTTBBH DESC", "OUTPUTFORMAT",
                "application/json"));
        seeds.add(map("path", "/wfs", "SERVICE", "WFS", "VERSION", "1.1.0", "REQUEST", "GetPropertyValue",
                "TYPENAME", "YJJBNTBHTB", "VALUEREFERENCE", "DLBM", "RESOURCEID", "YJJBNTBHTB.1"));
        seeds.add(map("path", "/wms", "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetMap", "LAYERS",
                "YJJBNTBHTB,DLTB", "STYLES", "", "CRS", "EPSG:4490", "BBOX", "32.0,117.0,32.1,117.1", "WIDTH", "64",
                "HEIGHT", "64", "FORMAT", "image/png", "CQL_FILTER", "DLBM='0101';INCLUDE", "TRANSPARENT", "TRUE"));
        seeds.add(map("path", "/wms", "SERVICE", "WMS", "VERSION", "1.1.1", "REQUEST", "GetFeatureInfo", "LAYERS",
                "YJJBNTBHTB", "QUERY_LAYERS", "YJJBNTBHTB", "SRS", "EPSG:4490", "BBOX", "117.0,32.0,117.1,32.1",
                "WIDTH", "64", "HEIGHT", "64", "X", "5", "Y", "5", "INFO_FORMAT", "application/json",
                "FEATURE_COUNT", "3"));
        seeds.add(map("path", "/wms", "SERVICE", "WMS", "VERSION", "1.3.0", "REQUEST", "GetLegendGraphic", "LAYER",
                "YJJBNTBHTB", "FORMAT", "image/png"));
        seeds.add(map("path", "/wmts", "SERVICE", "WMTS", "VERSION", "1.0.0", "REQUEST", "GetTile", "LAYER",
                "YJJBNTBHTB", "STYLE", "default", "FORMAT", "image/png", "TILEMATRIXSET", "WebMercatorQuad",
                "TILEMATRIX", "12", "TILEROW", "1600", "TILECOL", "3380"));
        seeds.add(map("path", "/wps", "SERVICE", "WPS", "VERSION", "1.0.0", "REQUEST", "Execute", "IDENTIFIER",
                "gengdi:Buffer", "DataInputs", "geometry=POINT(117 32)@mimeType=application/wkt;distance=10",
                "RawDataOutput", "buffer"));
        seeds.add(map("path", "/wps", "SERVICE", "WPS", "VERSION", "1.0.0", "REQUEST", "DescribeProcess",
                "IDENTIFIER", "ALL", "language", "en-US"));
        seeds.add(map("path", "/ogcapi/collections/YJJBNTBHTB/items", "limit", "5", "offset", "3", "bbox",
                "117,32,118,33", "filter", "DLBM = '0101' AND GDDJ < 5", "filter-lang", "cql2-text", "crs",
                "http://www.opengis.net/def/crs/EPSG/0/4490", "f", "json"));
        seeds.add(map("path", "/ogcapi/jobs", "limit", "3", "offset", "0", "f", "json"));
        return seeds;
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static final String[] BODIES = {
        "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\" "
                + "service=\"WFS\" version=\"2.0.0\" count=\"3\"><wfs:Query typeNames=\"gengdi:YJJBNTBHTB\">"
                + "<fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>DLBM</fes:ValueReference><fes:Literal>0101"
                + "</fes:Literal></fes:PropertyIsEqualTo></fes:Filter></wfs:Query></wfs:GetFeature>",
        "<wps:Execute xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" xmlns:ows=\"http://www.opengis.net/ows/1.1\" "
                + "service=\"WPS\" version=\"1.0.0\"><ows:Identifier>gengdi:Area</ows:Identifier><wps:DataInputs>"
                + "<wps:Input><ows:Identifier>geometry</ows:Identifier><wps:Data><wps:ComplexData mimeType=\""
                + "application/gml+xml; version=3.2\"><gml:Polygon xmlns:gml=\"http://www.opengis.net/gml/3.2\" "
                + "srsName=\"EPSG:4490\"><gml:exterior><gml:LinearRing><gml:posList>117 32 117.01 32 117.01 32.01 "
                + "117 32</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></wps:ComplexData></wps:Data>"
                + "</wps:Input></wps:DataInputs></wps:Execute>",
        "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" xmlns:ogc=\"http://www.opengis"
                + ".net/ogc\"><NamedLayer><Name>YJJBNTBHTB</Name><UserStyle><FeatureTypeStyle><Rule><PolygonSymbolizer>"
                + "<Fill><CssParameter name=\"fill\">#ff0000</CssParameter></Fill></PolygonSymbolizer></Rule>"
                + "</FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>",
    };

    private static final String[] JSON_BODIES = {
        "{\"inputs\":{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[117,32],[117.01,32],[117.01,32.01],"
                + "[117,32]]]}},\"outputs\":{\"area\":{}},\"response\":\"document\"}",
        "{\"inputs\":{\"layer\":{\"layer\":\"YJJBNTBHTB\",\"filter\":\"DLBM = '0101'\"}},\"response\":\"raw\"}",
    };

    private static String mutateText(String s, Random r) {
        if (s.isEmpty()) {
            return JUNK[r.nextInt(JUNK.length)];
        }
        switch (r.nextInt(6)) {
            case 0:
                return s.substring(0, r.nextInt(s.length()));
            case 1: {
                char[] c = s.toCharArray();
                int i = r.nextInt(c.length);
                c[i] = (char) (r.nextInt(0x3000) + 1);
                return new String(c);
            }
            case 2: {
                int i = r.nextInt(s.length());
                return s.substring(0, i) + JUNK[r.nextInt(JUNK.length)] + s.substring(i);
            }
            case 3: {
                int i = r.nextInt(s.length());
                return s.substring(0, i) + "<x y=\"" + JUNK[r.nextInt(JUNK.length)] + "\">" + s.substring(i);
            }
            case 4:
                return s.replace("0101", JUNK[r.nextInt(JUNK.length)]);
            default:
                return s + s;
        }
    }

    @Test
    void noMutatedRequestGetsA5xx() throws Exception {
        Random r = new Random(SEED);
        List<Map<String, String>> seeds = kvpSeeds();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < ROUNDS; round++) {
            HttpRequest req;
            String what;
            int kind = r.nextInt(10);
            if (kind < 7) {
                Map<String, String> m = new LinkedHashMap<>(seeds.get(r.nextInt(seeds.size())));
                String path = m.remove("path");
                List<String> keys = new ArrayList<>(m.keySet());
                int changes = 1 + r.nextInt(3);
                for (int c = 0; c < changes && !keys.isEmpty(); c++) {
                    String k = keys.get(r.nextInt(keys.size()));
                    switch (r.nextInt(4)) {
                        case 0 -> m.remove(k);
                        case 1 -> m.put(k, JUNK[r.nextInt(JUNK.length)]);
                        case 2 -> m.put(k, mutateText(m.getOrDefault(k, ""), r));
                        default -> m.put(k.toLowerCase() + (r.nextBoolean() ? "" : "x"), JUNK[r.nextInt(JUNK.length)]);
                    }
                }
                StringBuilder q = new StringBuilder();
                m.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(URLEncoder.encode(k,
                        StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
                what = "GET " + path + "?" + q;
                req = HttpRequest.newBuilder(URI.create(base + path + "?" + q)).timeout(Duration.ofSeconds(60))
                        .build();
            } else if (kind < 9) {
                String body = mutateText(BODIES[r.nextInt(BODIES.length)], r);
                boolean sld = body.contains("StyledLayerDescriptor");
                String path = sld ? "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=YJJBNTBHTB&CRS=EPSG:4490"
                        + "&BBOX=32,117,32.1,117.1&WIDTH=32&HEIGHT=32&FORMAT=image/png&SLD_BODY="
                        + URLEncoder.encode(body, StandardCharsets.UTF_8) : "/ows";
                String w = sld ? "GET " + path : "POST /ows " + body;
                what = w.substring(0, Math.min(300, w.length()));
                req = sld ? HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).build()
                        : HttpRequest.newBuilder(URI.create(base + "/ows")).header("Content-Type", "text/xml")
                        .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            } else {
                String body = mutateText(JSON_BODIES[r.nextInt(JSON_BODIES.length)], r);
                what = "POST execution " + body.substring(0, Math.min(200, body.length()));
                req = HttpRequest.newBuilder(URI.create(base + "/ogcapi/processes/gengdi:Area/execution"))
                        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            }
            HttpResponse<byte[]> resp;
            try {
                resp = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
            } catch (java.net.http.HttpTimeoutException e) {
                failures.add("TIMEOUT " + what);
                continue;
            }
            sent++;
            int s = resp.statusCode();
            boolean busy = s == 503 && resp.headers().firstValue("Retry-After").isPresent();
            boolean unsupported = s == 501 && new String(resp.body(), StandardCharsets.UTF_8)
                    .contains("OperationNotSupported");
            if (s >= 500 && !busy && !unsupported) {
                failures.add(s + " " + what + " → " + new String(resp.body(), 0, Math.min(300, resp.body().length),
                        StandardCharsets.UTF_8));
            }
        }
        assertThat(sent).isGreaterThan(ROUNDS * 9 / 10);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }
}
