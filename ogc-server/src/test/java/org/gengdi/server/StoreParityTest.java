package org.gengdi.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same sample county served from the embedded GeoPackage and from PostGIS answers every request byte for byte
 * the same (after the host name and the time stamp): filters, sorting, paging, counts, reprojection and encoders do
 * not depend on the store. Runs whenever the test PostGIS is configured, as it always is under scripts/test.sh.
 */
class StoreParityTest {
    private static final String SCHEMA = "gengdi_parity";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext gpkg;
    private static ConfigurableApplicationContext postgis;

    @BeforeAll
    static void start() throws Exception {
        String url = System.getProperty("gengdi.test.pg.url", "");
        assumeTrue(!url.isBlank(), "gengdi.test.pg.url is not set (scripts/test.sh always sets it)");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE"); // our own schema, from an earlier run
        }
        gpkg = SampleServer.start("gengdi-parity");
        postgis = SampleServer.start("gengdi-parity-pg", "--gengdi.store=postgis", "--gengdi.postgis.url=" + url,
                "--gengdi.postgis.schema=" + SCHEMA, "--gengdi.postgis.pool-size=4");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext c : new ConfigurableApplicationContext[] {gpkg, postgis}) {
            if (c != null) {
                c.close();
            }
        }
    }

    static List<String> requests() {
        String gf = "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gengdi:YJJBNTBHTB";
        String fes = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:And><fes:PropertyIsLike "
                + "wildCard=\"*\" singleChar=\"?\" escapeChar=\"\\\"><fes:ValueReference>ZLDWMC</fes:ValueReference>"
                + "<fes:Literal>*村</fes:Literal></fes:PropertyIsLike><fes:PropertyIsGreaterThan>"
                + "<fes:ValueReference>YJJBNTTBMJ</fes:ValueReference><fes:Literal>800</fes:Literal>"
                + "</fes:PropertyIsGreaterThan></fes:And></fes:Filter>";
        return List.of(
                "/ows?SERVICE=WFS&REQUEST=GetCapabilities",
                "/ows?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetCapabilities",
                "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType",
                gf + "&COUNT=40&STARTINDEX=120&OUTPUTFORMAT=application/json",
                gf + "&COUNT=25&SORTBY=" + enc("YJJBNTTBMJ DESC,BSM ASC"),
                gf + "&COUNT=30&FILTER=" + enc(fes) + "&SRSNAME=urn:ogc:def:crs:EPSG::4490",
                gf + "&RESULTTYPE=hits&CQL_FILTER=" + enc("DLBM IN ('0101','0102') AND GDDB <= 8"),
                gf + "&COUNT=50&OUTPUTFORMAT=csv&CQL_FILTER=" + enc("ZLDWMC LIKE '%社区%' OR ZLDWMC IS NULL"),
                "/ows?SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=gengdi:DLTB&MAXFEATURES=20"
                        + "&SRSNAME=EPSG:3857",
                "/ows?SERVICE=WFS&VERSION=1.0.0&REQUEST=GetFeature&TYPENAME=gengdi:XZQ",
                "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=gengdi:YJJBNTBHTB"
                        + "&VALUEREFERENCE=YJJBNTTBBH&COUNT=60&SORTBY=YJJBNTTBBH",
                gf + "&COUNT=10&CQL_FILTER=" + enc("NOPE = 1"),
                "/ogcapi/collections",
                "/ogcapi/collections/YJJBNTBHTB/items?limit=35&offset=70&crs="
                        + enc("http://www.opengis.net/def/crs/EPSG/0/4490") + "&filter="
                        + enc("GDDB BETWEEN 3 AND 9 AND ZLDWMC LIKE '%村'"),
                "/ogcapi/collections/DLTB/items?limit=20&filter-lang=cql2-json&filter="
                        + enc("{\"op\":\"=\",\"args\":[{\"property\":\"DLBM\"},\"0101\"]}"),
                "/ogcapi/collections/CJDCQ/items/CJDCQ.7");
    }

    @ParameterizedTest
    @MethodSource("requests")
    void bothStoresAnswerTheSame(String request) throws Exception {
        HttpResponse<String> a = get(gpkg, request);
        HttpResponse<String> b = get(postgis, request);
        assertThat(b.statusCode()).as(request).isEqualTo(a.statusCode());
        assertThat(normal(b.body(), postgis)).as(request).isEqualTo(normal(a.body(), gpkg));
        assertThat(a.body().length()).isGreaterThan(200);
    }

    private static HttpResponse<String> get(ConfigurableApplicationContext ctx, String request) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(SampleServer.base(ctx) + request)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String normal(String body, ConfigurableApplicationContext ctx) {
        return body.replace(SampleServer.base(ctx), "BASE")
                .replaceAll("timeStamp(=\"|\":\")[0-9TZ:.-]+", "timeStamp$1T");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
