package org.gengdi.server.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.validation.Schema;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.SampleServer;
import org.gengdi.server.encode.OgcSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every malformed WMS request gets its WMS exception code with HTTP 400 — never a 500, a stack trace or an
 * out-of-memory — and every 1.3.0 exception report is valid against the official {@code exceptions_1_3_0.xsd}.
 * INIMAGE and BLANK answer an image of the requested size with HTTP 200 instead.
 */
class WmsBadRequestTest {
    static final String LAYER = "YJJBNTBHTB";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static FeatureStore store;
    private static Schema exceptions130;
    /** A valid 1.3.0 GetMap (EPSG:4490, latitude first) of the county, without LAYERS. */
    private static String map130;
    /** The same in 1.1.1 (longitude first). */
    private static String map111;
    /** A valid 1.3.0 GetFeatureInfo of the county on a 200×200 map, without I/J. */
    private static String info130;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-wms-bad");
        base = SampleServer.base(ctx);
        store = ctx.getBean(FeatureStore.class);
        exceptions130 = OgcSchemas.compile(OgcSchemas.official(
                "http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd"));
        FeatureSource s = store.require(LAYER);
        Envelope e = CrsRegistry.get().transform(s.schema().srid(), 4490).transform(s.bounds());
        map130 = "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&CRS=EPSG:4490&BBOX="
                + bbox(e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX()) + "&STYLES=&WIDTH=200&HEIGHT=200"
                + "&FORMAT=image/png";
        map111 = "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&SRS=EPSG:4490&BBOX="
                + bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()) + "&STYLES=&WIDTH=200&HEIGHT=200"
                + "&FORMAT=image/png";
        info130 = map130.replace("REQUEST=GetMap", "REQUEST=GetFeatureInfo") + "&LAYERS=" + LAYER
                + "&QUERY_LAYERS=" + LAYER + "&INFO_FORMAT=text/plain";
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    static String bbox(double a, double b, double c, double d) {
        return String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", a, b, c, d);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    /** HTTP 400, one ServiceException with this code, no stack trace; 1.3.0 reports schema-valid. */
    static String assertException(String request, String code) throws Exception {
        HttpResponse<byte[]> r = get(request);
        String body = text(r);
        assertThat(r.statusCode()).as(request + "\n" + body).isEqualTo(400);
        assertThat(body).as(request).contains("ServiceExceptionReport", "code=\"" + code + "\"")
                .doesNotContain("at org.", "at java.", "Exception:");
        if (request.contains("VERSION=1.3.0")) {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
            assertThat(OgcSchemas.validate(exceptions130, r.body())).as(request + "\n" + body).isEmpty();
            assertThat(body).contains("xmlns=\"http://www.opengis.net/ogc\"", "version=\"1.3.0\"");
        } else if (request.contains("VERSION=1.1.1")) {
            assertThat(r.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/vnd.ogc.se_xml");
            assertThat(body).contains("version=\"1.1.1\"").doesNotContain("http://www.opengis.net/ogc");
        }
        return body;
    }

    // ------------------------------------------------------------------------------------------ CRS and BBOX

    @Test
    void unknownCrsIsInvalidCrsIn130AndInvalidSrsIn111() throws Exception {
        assertException(map130.replace("EPSG:4490", "EPSG:9999") + "&LAYERS=" + LAYER, "InvalidCRS");
        assertException(map130.replace("EPSG:4490", "nonsense") + "&LAYERS=" + LAYER, "InvalidCRS");
        assertException(map111.replace("EPSG:4490", "EPSG:9999") + "&LAYERS=" + LAYER, "InvalidSRS");
        assertException(map111.replace("EPSG:4490", "EPSG:abc") + "&LAYERS=" + LAYER, "InvalidSRS");
    }

    @Test
    void invertedOrBrokenBboxIsInvalidParameterValue() throws Exception {
        assertException(map130.replaceAll("BBOX=[^&]*", "BBOX=33,118,32,117") + "&LAYERS=" + LAYER,
                "InvalidParameterValue");
        assertException(map111.replaceAll("BBOX=[^&]*", "BBOX=118,32,117,33") + "&LAYERS=" + LAYER,
                "InvalidParameterValue");
        assertException(map130.replaceAll("BBOX=[^&]*", "BBOX=32,117,32,118") + "&LAYERS=" + LAYER,
                "InvalidParameterValue"); // zero height
        assertException(map130.replaceAll("BBOX=[^&]*", "BBOX=1,2,3") + "&LAYERS=" + LAYER,
                "InvalidParameterValue");
        assertException(map130.replaceAll("BBOX=[^&]*", "BBOX=NaN,2,3,4") + "&LAYERS=" + LAYER,
                "InvalidParameterValue");
    }

    // ------------------------------------------------------------------------------------------ size

    @Test
    void hugeOrEmptyImagesAreRefusedBeforeAnythingIsAllocated() throws Exception {
        assertException(map130.replace("WIDTH=200", "WIDTH=100000") + "&LAYERS=" + LAYER, "InvalidParameterValue");
        assertException(map130.replace("HEIGHT=200", "HEIGHT=0") + "&LAYERS=" + LAYER, "InvalidParameterValue");
        assertException(map130.replace("WIDTH=200", "WIDTH=-5") + "&LAYERS=" + LAYER, "InvalidParameterValue");
        assertException(map130.replace("WIDTH=200", "WIDTH=abc") + "&LAYERS=" + LAYER, "InvalidParameterValue");
        assertException(map130.replace("WIDTH=200&HEIGHT=200", "WIDTH=100000&HEIGHT=100000") + "&LAYERS="
                + LAYER, "InvalidParameterValue");
        assertException(map111.replace("WIDTH=200", "WIDTH=100000") + "&LAYERS=" + LAYER, "InvalidParameterValue");
        // even with INIMAGE, an image that may not be drawn is not drawn
        HttpResponse<byte[]> r = get(map130.replace("WIDTH=200&HEIGHT=200", "WIDTH=100000&HEIGHT=100000")
                + "&LAYERS=" + LAYER + "&EXCEPTIONS=INIMAGE");
        assertThat(r.statusCode()).isIn(200, 400);
        assertThat(r.body().length).isLessThan(1 << 20);
        // the server is still well
        assertThat(get(map130 + "&LAYERS=" + LAYER).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------ layers, styles, format

    @Test
    void unknownLayerStyleAndFormat() throws Exception {
        assertException(map130 + "&LAYERS=NOPE", "LayerNotDefined");
        assertException(map130 + "&LAYERS=" + LAYER + ",NOPE", "LayerNotDefined");
        assertException(map111 + "&LAYERS=NOPE", "LayerNotDefined");
        assertException(map130.replace("&STYLES=", "&STYLES=nope") + "&LAYERS=" + LAYER, "StyleNotDefined");
        assertException(map111.replace("&STYLES=", "&STYLES=nope") + "&LAYERS=" + LAYER, "StyleNotDefined");
        assertException(map130.replace("image/png", "image/tiff") + "&LAYERS=" + LAYER, "InvalidFormat");
        assertException(map130.replace("image/png", "nonsense") + "&LAYERS=" + LAYER, "InvalidFormat");
        assertException(map111.replace("image/png", "image/tiff") + "&LAYERS=" + LAYER, "InvalidFormat");
    }

    // ------------------------------------------------------------------------------------------ SLD_BODY

    static String sld(String rule) {
        return "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" "
                + "xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer><Name>" + LAYER + "</Name><UserStyle>"
                + "<Name>s</Name><FeatureTypeStyle><Rule>" + rule + "</Rule></FeatureTypeStyle></UserStyle>"
                + "</NamedLayer></StyledLayerDescriptor>";
    }

    static final String FILL = "<PolygonSymbolizer><Fill><CssParameter name=\"fill\">#0000FF</CssParameter></Fill>"
            + "</PolygonSymbolizer>";

    @Test
    void brokenOrHostileSldBodiesAreRefused() throws Exception {
        String q = map130 + "&LAYERS=" + LAYER + "&SLD_BODY=";
        // the good one works
        assertThat(get(q + enc(sld(FILL))).statusCode()).isEqualTo(200);
        // malformed XML: unclosed element, garbage, truncated
        assertException(q + enc(sld(FILL).replace("</Rule>", "")), "InvalidParameterValue");
        assertException(q + enc("this is not xml"), "InvalidParameterValue");
        assertException(q + enc(sld(FILL).substring(0, 120)), "InvalidParameterValue");
        // an external entity (file and http) is never resolved
        String xxe = assertException(q + enc("<?xml version=\"1.0\"?><!DOCTYPE StyledLayerDescriptor [<!ENTITY x SYSTEM"
                + " \"file:///etc/passwd\">]>" + sld(FILL.replace("#0000FF", "&x;"))), "InvalidParameterValue");
        assertThat(xxe).doesNotContain("root:");
        assertException(q + enc("<!DOCTYPE StyledLayerDescriptor SYSTEM \"http://169.254.169.254/latest/sld.dtd\">"
                + sld(FILL)), "InvalidParameterValue");
        // entity expansion (billion laughs) is refused at once
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        lol.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            lol.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                lol.append("&lol").append(i - 1).append(';');
            }
            lol.append("\">");
        }
        lol.append("]>");
        long t0 = System.nanoTime();
        assertException(q + enc(lol + sld("<Name>&lol9;</Name>" + FILL)), "InvalidParameterValue");
        assertThat((System.nanoTime() - t0) / 1e9).as("seconds for the billion laughs").isLessThan(5);
        // a personal field, in a filter or as a label
        assertException(q + enc(sld("<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>ZRRMC</ogc:PropertyName>"
                + "<ogc:Literal>张三</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>" + FILL)),
                "InvalidParameterValue");
        String label = assertException(q + enc(sld("<TextSymbolizer><Label><ogc:PropertyName>ZRRMC</ogc:PropertyName>"
                + "</Label></TextSymbolizer>")), "InvalidParameterValue");
        assertThat(label).doesNotContain("张").doesNotContain("李").doesNotContain("王");
        assertException(q + enc(sld("<ogc:Filter><ogc:PropertyIsLike"
                + " wildCard=\"*\" singleChar=\".\" escape=\"!\"><ogc:PropertyName>ZRRZJHM</ogc:PropertyName>"
                + "<ogc:Literal>34*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter>" + FILL)), "InvalidParameterValue");
        // the server is still well
        assertThat(get(q + enc(sld(FILL))).statusCode()).isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------------ GetFeatureInfo

    @Test
    void featureInfoOutsideTheMapOrOnLayersNotDrawn() throws Exception {
        assertThat(get(info130 + "&I=100&J=100").statusCode()).isEqualTo(200);
        assertException(info130 + "&I=200&J=100", "InvalidPoint");
        assertException(info130 + "&I=100&J=200", "InvalidPoint");
        assertException(info130 + "&I=-1&J=100", "InvalidPoint");
        assertException(info130 + "&I=5000&J=5000", "InvalidPoint");
        assertException(info130 + "&I=x&J=1", "InvalidPoint");
        String info111 = map111.replace("REQUEST=GetMap", "REQUEST=GetFeatureInfo") + "&LAYERS=" + LAYER
                + "&QUERY_LAYERS=" + LAYER + "&INFO_FORMAT=text/plain";
        assertException(info111 + "&X=300&Y=10", "InvalidPoint");
        // QUERY_LAYERS not in LAYERS
        assertException(info130.replace("QUERY_LAYERS=" + LAYER, "QUERY_LAYERS=DLTB") + "&I=1&J=1",
                "LayerNotDefined");
        assertException(info130.replace("QUERY_LAYERS=" + LAYER, "QUERY_LAYERS=NOPE") + "&I=1&J=1",
                "LayerNotDefined");
        assertException(info130.replace("INFO_FORMAT=text/plain", "INFO_FORMAT=image/tiff") + "&I=1&J=1",
                "InvalidFormat");
    }

    // ------------------------------------------------------------------------------------------ missing, version

    @Test
    void missingParametersAreMissingParameterValue() throws Exception {
        String full = map130 + "&LAYERS=" + LAYER;
        assertThat(get(full).statusCode()).isEqualTo(200);
        assertException(map130, "MissingParameterValue"); // LAYERS
        // (a missing STYLES is taken as the default styles, as most servers do)
        for (String p : new String[] {"CRS", "BBOX", "WIDTH", "HEIGHT", "FORMAT"}) {
            assertException(full.replaceAll("&" + p + "=[^&]*", ""), "MissingParameterValue");
        }
        assertException(map111.replaceAll("&SRS=[^&]*", "") + "&LAYERS=" + LAYER, "MissingParameterValue");
        assertException(info130 + "&I=1", "MissingParameterValue"); // J
        assertException(info130.replaceAll("&QUERY_LAYERS=[^&]*", "") + "&I=1&J=1", "MissingParameterValue");
        // a missing INFO_FORMAT is answered as text/plain (deliberately lenient; 1.3.0 says it is mandatory)
        HttpResponse<byte[]> noFormat = get(info130.replaceAll("&INFO_FORMAT=[^&]*", "") + "&I=1&J=1");
        assertThat(noFormat.statusCode()).isEqualTo(200);
        assertThat(noFormat.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertException("/wms?SERVICE=WMS&VERSION=1.3.0", "MissingParameterValue"); // REQUEST
    }

    @Test
    void unsupportedVersionAndOperation() throws Exception {
        String body = assertException(map130.replace("VERSION=1.3.0", "VERSION=2.0.0") + "&LAYERS=" + LAYER,
                "InvalidParameterValue");
        assertThat(body).contains("1.3.0");
        assertException(map130.replace("VERSION=1.3.0", "VERSION=abc") + "&LAYERS=" + LAYER,
                "InvalidParameterValue");
        // OperationNotSupported is HTTP 501 Not Implemented (OWS Common), not a client error
        HttpResponse<byte[]> op = get(map130.replace("REQUEST=GetMap", "REQUEST=Explode") + "&LAYERS=" + LAYER);
        assertThat(op.statusCode()).isEqualTo(501);
        assertThat(text(op)).contains("code=\"OperationNotSupported\"");
        assertThat(OgcSchemas.validate(exceptions130, op.body())).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ INIMAGE, BLANK

    @Test
    void inImageAndBlankAnswerAnImageOfTheRequestedSize() throws Exception {
        String[] bad = {
            map130.replace("WIDTH=200&HEIGHT=200", "WIDTH=320&HEIGHT=150") + "&LAYERS=NOPE",
            map130.replace("WIDTH=200&HEIGHT=200", "WIDTH=320&HEIGHT=150").replace("EPSG:4490", "EPSG:9999")
                    + "&LAYERS=" + LAYER,
            map130.replace("WIDTH=200&HEIGHT=200", "WIDTH=320&HEIGHT=150").replaceAll("BBOX=[^&]*",
                    "BBOX=33,118,32,117") + "&LAYERS=" + LAYER,
            map130.replace("WIDTH=200&HEIGHT=200", "WIDTH=320&HEIGHT=150").replace("&STYLES=", "&STYLES=nope")
                    + "&LAYERS=" + LAYER,
            map130.replace("WIDTH=200&HEIGHT=200", "WIDTH=320&HEIGHT=150") + "&LAYERS=" + LAYER + "&SLD_BODY="
                    + enc("<broken"),
        };
        for (String q : bad) {
            for (String exceptions : new String[] {"INIMAGE", "BLANK", "XML"}) {
                HttpResponse<byte[]> r = get(q + "&EXCEPTIONS=" + exceptions);
                if (exceptions.equals("XML")) {
                    assertThat(r.statusCode()).as(q).isEqualTo(400);
                    continue;
                }
                assertThat(r.statusCode()).as(q + " " + exceptions + "\n" + text(r)).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
                assertThat(img).isNotNull();
                assertThat(img.getWidth()).isEqualTo(320);
                assertThat(img.getHeight()).isEqualTo(150);
                int ink = WmsGoldenImageTest.inkPixels(img);
                if (exceptions.equals("INIMAGE")) {
                    assertThat(ink).as("the message is drawn: " + q).isPositive();
                } else {
                    assertThat(ink).as("nothing is drawn: " + q).isZero();
                }
            }
        }
        // 1.1.1 names them application/vnd.ogc.se_inimage and application/vnd.ogc.se_blank; JPEG works too
        String q111 = map111.replace("WIDTH=200&HEIGHT=200", "WIDTH=120&HEIGHT=90") + "&LAYERS=NOPE";
        for (String exceptions : new String[] {"application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank"}) {
            for (String format : new String[] {"image/png", "image/jpeg"}) {
                HttpResponse<byte[]> r = get(q111.replace("image/png", format) + "&EXCEPTIONS=" + enc(exceptions));
                assertThat(r.statusCode()).as(exceptions + " " + format + "\n" + text(r)).isEqualTo(200);
                assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(format);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
                assertThat(img.getWidth()).isEqualTo(120);
                assertThat(img.getHeight()).isEqualTo(90);
            }
        }
    }
}
