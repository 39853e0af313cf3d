package org.gengdi.server.wms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.validation.Schema;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.SampleServer;
import org.gengdi.server.encode.OgcSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.context.ConfigurableApplicationContext;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/** WMS 1.3.0 and 1.1.1 against the real server on a small sample county. */
class WmsServerTest {
    static final String LAYER = "YJJBNTBHTB";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static FeatureStore store;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-wms");
        base = SampleServer.base(ctx);
        store = ctx.getBean(FeatureStore.class);
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static FeatureSource source() {
        return store.require(LAYER);
    }

    static int srid() {
        return source().schema().srid();
    }

    static BufferedImage image(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img).as("an image: " + r.headers().firstValue("Content-Type").orElse("")).isNotNull();
        return img;
    }

    /** Pixels that are clearly red (the red-line outline). */
    static int redPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int a = rgb >>> 24;
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (a > 128 && r > 180 && g < 90 && b < 90) {
                    n++;
                }
            }
        }
        return n;
    }

    static void assertException(HttpResponse<byte[]> r, String code) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(400);
        assertThat(text(r)).contains("ServiceExceptionReport", "code=\"" + code + "\"").doesNotContain("at org.");
    }

    /** The county's red-line extent in EPSG:4490, lon/lat. */
    static Envelope geographicExtent() {
        return CrsRegistry.get().transform(srid(), 4490).transform(source().bounds());
    }

    static String bbox(double a, double b, double c, double d) {
        return String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", a, b, c, d);
    }

    @Test
    void capabilities130ValidateAndListLayersCrsAndBoxesInEpsgAxisOrder() throws Exception {
        HttpResponse<byte[]> r = get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
        assertThat(r.statusCode()).isEqualTo(200);
        Schema schema = OgcSchemas.compile(OgcSchemas.official(
                "http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd"));
        assertThat(OgcSchemas.validate(schema, r.body())).isEmpty();
        String caps = text(r);
        assertThat(caps).contains("<Name>YJJBNTBHTB</Name>", "永久基本农田保护图斑", "<CRS>EPSG:4490</CRS>",
                "<CRS>EPSG:4326</CRS>", "<CRS>EPSG:3857</CRS>", "<CRS>EPSG:" + srid() + "</CRS>", "<CRS>CRS:84</CRS>",
                "queryable=\"1\"", "GetLegendGraphic", "<MaxWidth>4096</MaxWidth>").doesNotContain("ZRRMC");
        // EPSG:4490 boxes are latitude first in 1.3.0: minx is a latitude of China, not a longitude
        int i = caps.indexOf("<BoundingBox CRS=\"EPSG:4490\" minx=\"");
        assertThat(i).isPositive();
        double minx = Double.parseDouble(caps.substring(i + 35, caps.indexOf('"', i + 35)));
        assertThat(minx).isBetween(3.0, 54.0);
    }

    @Test
    void capabilities111ValidateAgainstTheDtdWithLongitudeFirstBoxes() throws Exception {
        HttpResponse<byte[]> r = get("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/vnd.ogc.wms_xml");
        List<String> problems = new ArrayList<>();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setValidating(true);
        var builder = f.newDocumentBuilder();
        builder.setEntityResolver((publicId, systemId) -> {
            InputStream dtd = getClass().getClassLoader().getResourceAsStream("ogc/wms/1.1.1/WMS_MS_Capabilities.dtd");
            assertThat(systemId).endsWith("WMS_MS_Capabilities.dtd");
            return new InputSource(dtd);
        });
        builder.setErrorHandler(new DefaultHandler() {
            @Override
            public void error(SAXParseException e) {
                problems.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        builder.parse(new ByteArrayInputStream(r.body()));
        assertThat(problems).isEmpty();
        String caps = text(r);
        assertThat(caps).contains("<SRS>EPSG:4490</SRS>", "<LatLonBoundingBox", "WMT_MS_Capabilities");
        int i = caps.indexOf("<BoundingBox SRS=\"EPSG:4490\" minx=\"");
        double minx = Double.parseDouble(caps.substring(i + 35, caps.indexOf('"', i + 35)));
        assertThat(minx).as("longitude first in 1.1.1").isBetween(73.0, 136.0);
    }

    @Test
    void theSameMapIn111And130AxisOrdersIsTheSameImageAndShowsTheRedLine() throws Exception {
        Envelope e = geographicExtent();
        String common = "&LAYERS=" + LAYER + "&STYLES=&WIDTH=300&HEIGHT=240&FORMAT=image/png";
        BufferedImage v111 = image(get("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&SRS=EPSG:4490&BBOX="
                + bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()) + common));
        BufferedImage v130 = image(get("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&CRS=EPSG:4490&BBOX="
                + bbox(e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX()) + common));
        assertThat(v111.getWidth()).isEqualTo(300);
        assertThat(v111.getHeight()).isEqualTo(240);
        assertThat(redPixels(v111)).as("red-line outlines").isGreaterThan(500);
        int differing = 0;
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 300; x++) {
                if (v111.getRGB(x, y) != v130.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        assertThat(differing).isZero();
        // CRS:84 in 1.3.0 is longitude first again
        BufferedImage crs84 = image(get("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&CRS=CRS:84&BBOX="
                + bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()) + common));
        assertThat(redPixels(crs84)).isEqualTo(redPixels(v111));
    }

    @Test
    void getFeatureInfoFindsTheParcelUnderThePixelWithoutPersonalFields() throws Exception {
        Feature parcel;
        try (FeatureCursor c = source().query(Query.ALL.withPage(100, 1))) {
            parcel = c.next();
        }
        Point inside = parcel.geometry().getInteriorPoint();
        Point p = (Point) CrsRegistry.get().transform(srid(), 4490).transform(inside);
        double half = 0.0005;
        String box = bbox(p.getY() - half, p.getX() - half, p.getY() + half, p.getX() + half); // lat/lon in 1.3.0
        String q = "/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.3.0&CRS=EPSG:4490&BBOX=" + box
                + "&WIDTH=101&HEIGHT=101&LAYERS=" + LAYER + "&QUERY_LAYERS=" + LAYER + "&STYLES=&I=50&J=50";
        HttpResponse<byte[]> json = get(q + "&INFO_FORMAT=application/json&FEATURE_COUNT=5");
        assertThat(json.statusCode()).as(text(json)).isEqualTo(200);
        JsonNode doc = JSON.readTree(json.body());
        List<String> ids = new ArrayList<>();
        doc.get("features").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).contains(LAYER + "." + parcel.id());
        assertThat(text(json)).doesNotContain("ZRRMC", "ZRRZJHM", "LXDH");

        HttpResponse<byte[]> html = get(q + "&INFO_FORMAT=text/html");
        assertThat(text(html)).contains("<table", "永久基本农田图斑编号", parcel.id()).doesNotContain("ZRRMC");
        HttpResponse<byte[]> plain = get(q + "&INFO_FORMAT=text/plain");
        assertThat(text(plain)).contains(LAYER + "." + parcel.id(), "YJJBNTTBBH");
        HttpResponse<byte[]> gml = get(q + "&INFO_FORMAT=application/vnd.ogc.gml");
        assertThat(text(gml)).contains("gml:featureMember", "fid=\"" + LAYER + "." + parcel.id() + "\"");

        // 1.1.1 names the pixel X/Y and boxes are longitude first
        String q111 = "/wms?SERVICE=WMS&REQUEST=GetFeatureInfo&VERSION=1.1.1&SRS=EPSG:4490&BBOX="
                + bbox(p.getX() - half, p.getY() - half, p.getX() + half, p.getY() + half)
                + "&WIDTH=101&HEIGHT=101&LAYERS=" + LAYER + "&QUERY_LAYERS=" + LAYER
                + "&STYLES=&X=50&Y=50&INFO_FORMAT=application/json";
        assertThat(text(get(q111))).contains(LAYER + "." + parcel.id());
        assertException(get(q.replace("&I=50&J=50", "&I=500&J=50") + "&INFO_FORMAT=text/plain"), "InvalidPoint");
        assertException(get(q.replace("QUERY_LAYERS=" + LAYER, "QUERY_LAYERS=DLTB") + "&INFO_FORMAT=text/plain"),
                "LayerNotDefined");
    }

    @Test
    void badRequestsGetServiceExceptionsWithWmsCodesOrImagesWhenAsked() throws Exception {
        Envelope e = geographicExtent();
        String ok = "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&CRS=EPSG:4490&BBOX="
                + bbox(e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX()) + "&STYLES=&WIDTH=200&HEIGHT=200"
                + "&FORMAT=image/png";
        assertException(get(ok + "&LAYERS=NOPE"), "LayerNotDefined");
        assertException(get(ok.replace("EPSG:4490", "EPSG:9999") + "&LAYERS=" + LAYER), "InvalidCRS");
        assertException(get(ok.replace("image/png", "image/tiff") + "&LAYERS=" + LAYER), "InvalidFormat");
        assertException(get(ok.replace("WIDTH=200", "WIDTH=50000") + "&LAYERS=" + LAYER), "InvalidParameterValue");
        assertException(get(ok.replace("&STYLES=", "&STYLES=nope") + "&LAYERS=" + LAYER), "StyleNotDefined");
        assertException(get(ok + "&LAYERS=" + LAYER + "&CQL_FILTER=ZRRMC%3D'x'"), "InvalidParameterValue");
        HttpResponse<byte[]> srs = get("/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&SRS=EPSG:9999&BBOX=1,2,3,4"
                + "&LAYERS=" + LAYER + "&STYLES=&WIDTH=10&HEIGHT=10&FORMAT=image/png");
        assertException(srs, "InvalidSRS");
        assertThat(text(srs)).doesNotContain("http://www.opengis.net/ogc");

        BufferedImage inImage = image(get(ok + "&LAYERS=NOPE&EXCEPTIONS=INIMAGE"));
        assertThat(inImage.getWidth()).isEqualTo(200);
        assertThat(redPixels(inImage) + darkPixels(inImage)).as("the message is drawn").isPositive();
        BufferedImage blank = image(get(ok + "&LAYERS=NOPE&EXCEPTIONS=BLANK"));
        assertThat(darkPixels(blank) + redPixels(blank)).isZero();
    }

    @Test
    void sldBodyRestylesTheMapAndIsCheckedLikeEveryOtherInput() throws Exception {
        Envelope e = geographicExtent();
        String q = "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&SRS=EPSG:4490&BBOX="
                + bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()) + "&LAYERS=" + LAYER
                + "&STYLES=&WIDTH=200&HEIGHT=160&FORMAT=image/png&SLD_BODY=";
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\" "
                + "xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer><Name>" + LAYER + "</Name><UserStyle>"
                + "<Name>blue</Name><FeatureTypeStyle><Rule>%s<PolygonSymbolizer><Fill><CssParameter name=\"fill\">"
                + "#0000FF</CssParameter></Fill></PolygonSymbolizer></Rule></FeatureTypeStyle></UserStyle>"
                + "</NamedLayer></StyledLayerDescriptor>";
        BufferedImage blue = image(get(q + enc(sld.formatted(""))));
        assertThat(redPixels(blue)).isZero();
        int bluePixels = 0;
        for (int y = 0; y < blue.getHeight(); y++) {
            for (int x = 0; x < blue.getWidth(); x++) {
                int rgb = blue.getRGB(x, y);
                if ((rgb & 0xff) > 200 && ((rgb >> 16) & 0xff) < 60) {
                    bluePixels++;
                }
            }
        }
        assertThat(bluePixels).isGreaterThan(1000);
        String personal = "<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>ZRRMC</ogc:PropertyName>"
                + "<ogc:Literal>x</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>";
        assertException(get(q + enc(sld.formatted(personal))), "InvalidParameterValue");
        assertException(get(q + enc("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + sld.formatted(""))),
                "InvalidParameterValue");
        assertException(get(q + enc(sld.formatted("").replace("<Name>" + LAYER, "<Name>NOPE"))), "LayerNotDefined");
        assertException(get(q.replace("&SLD_BODY=", "&SLD=") + enc("http://169.254.169.254/latest/meta-data")),
                "InvalidParameterValue");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void legendHasARowPerRule() throws Exception {
        BufferedImage legend = image(get("/wms?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=1.3.0&FORMAT=image/png"
                + "&LAYER=DLTB"));
        assertThat(legend.getHeight()).isGreaterThan(3 * 20);
        assertThat(darkPixels(legend)).as("titles are drawn").isPositive();
    }

    // ------------------------------------------------------------------------------------------ real clients
    @Test
    void owsLibReadsCapabilitiesMapsAndFeatureInfo() throws Exception {
        Envelope e = geographicExtent();
        Path dir = Files.createTempDirectory("owslib-wms");
        Path script = dir.resolve("wms.py");
        Files.writeString(script, String.join("\n",
                "import sys, json",
                "from owslib.wms import WebMapService",
                "url, minx, miny, maxx, maxy = sys.argv[1], *map(float, sys.argv[2:6])",
                "for version in ('1.3.0', '1.1.1'):",
                "    wms = WebMapService(url, version=version)",
                "    print(version, 'TITLE', wms['YJJBNTBHTB'].title)",
                "    print(version, 'CRS', 'EPSG:4490' in wms['YJJBNTBHTB'].crsOptions)",
                "    img = wms.getmap(layers=['YJJBNTBHTB'], styles=[''], srs='EPSG:4490', bbox=(minx, miny, maxx, maxy),",
                "                     size=(256, 256), format='image/png')",
                "    print(version, 'PNG', img.read()[:4] == b'\\x89PNG')",
                "    info = wms.getfeatureinfo(layers=['YJJBNTBHTB'], srs='EPSG:4490', bbox=(minx, miny, maxx, maxy),",
                "                              size=(256, 256), format='image/png', query_layers=['YJJBNTBHTB'],",
                "                              info_format='application/json', xy=(128, 128), feature_count=3)",
                "    print(version, 'INFO', json.loads(info.read())['type'])",
                ""));
        String out = SampleServer.run(dir, "/usr/bin/python3", script.toString(), base + "/wms", Double.toString(e.getMinX()),
                Double.toString(e.getMinY()), Double.toString(e.getMaxX()), Double.toString(e.getMaxY()));
        assertThat(out).contains("1.3.0 TITLE 永久基本农田保护图斑", "1.3.0 CRS True", "1.3.0 PNG True",
                "1.3.0 INFO FeatureCollection", "1.1.1 TITLE 永久基本农田保护图斑", "1.1.1 PNG True",
                "1.1.1 INFO FeatureCollection");
    }

    @Test
    void gdalTranslatesAWmsMapIntoAnImage() throws Exception {
        Envelope e = geographicExtent();
        Path dir = Files.createTempDirectory("gdal-wms");
        Path png = dir.resolve("redline.png");
        String url = "WMS:" + base + "/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=" + LAYER
                + "&SRS=EPSG:4490&BBOX=" + bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY())
                + "&FORMAT=image/png";
        SampleServer.run(dir, "gdal_translate", "-of", "PNG", "-outsize", "256", "256", url, png.toString());
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(redPixels(img)).isGreaterThan(100);
    }

    static int darkPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if ((rgb >>> 24) > 128 && ((rgb >> 16) & 0xff) < 200 && (rgb & 0xff) < 200) {
                    n++;
                }
            }
        }
        return n;
    }
}
