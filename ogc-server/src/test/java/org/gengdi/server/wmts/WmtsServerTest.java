package org.gengdi.server.wmts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import javax.xml.validation.Schema;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.server.SampleServer;
import org.gengdi.server.encode.OgcSchemas;
import org.gengdi.server.wmts.TileMatrixSet.TileMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.context.ConfigurableApplicationContext;

/** WMTS 1.0.0, KVP and RESTful, against the real server on a small sample county. */
class WmtsServerTest {
    static final String LAYER = "YJJBNTBHTB";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static FeatureStore store;
    private static WmtsService wmts;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-wmts");
        base = SampleServer.base(ctx);
        store = ctx.getBean(FeatureStore.class);
        wmts = ctx.getBean(WmtsService.class);
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

    static BufferedImage image(HttpResponse<byte[]> r) throws Exception {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(256);
        assertThat(img.getHeight()).isEqualTo(256);
        return img;
    }

    /** Pixels that are clearly red (the red-line outline). */
    static int redPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if ((rgb >>> 24) > 128 && r > 180 && g < 90 && b < 90) {
                    n++;
                }
            }
        }
        return n;
    }

    static int visiblePixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    static void assertException(HttpResponse<byte[]> r, String code, String locator) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(400);
        assertThat(text(r)).contains("ExceptionReport", "exceptionCode=\"" + code + "\"", "locator=\"" + locator + "\"")
                .doesNotContain("at org.");
    }

    /** A point on a red-line parcel, in the layer's CRS. */
    static Coordinate onRedLine() {
        FeatureSource src = store.require(LAYER);
        try (FeatureCursor c = src.query(Query.ALL.withPage(0, 1))) {
            return c.next().geometry().getInteriorPoint().getCoordinate();
        }
    }

    /** {TileMatrix, TileRow, TileCol} of the tile holding a point of the layer CRS at a level of a set. */
    static String[] tileAt(TileMatrixSet set, int level, Coordinate layerPoint) {
        int srid = store.require(LAYER).schema().srid();
        Envelope p = CrsRegistry.get().transform(srid, set.srid()).transform(new Envelope(layerPoint));
        TileMatrix m = set.matrices().get(level);
        long[] t = set.tilesCovering(m, p);
        return new String[] {m.identifier(), Long.toString(t[0]), Long.toString(t[1])};
    }

    static TileMatrixSet set(String id) {
        return TileMatrixSets.forLayers(ctx.getBean(org.gengdi.server.ows.PublishedLayers.class)).find(id);
    }

    static String kvp(String layer, String set, String[] tile, String format) {
        return "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + layer + "&STYLE=default&FORMAT=" + format
                + "&TILEMATRIXSET=" + set + "&TILEMATRIX=" + tile[0] + "&TILEROW=" + tile[1] + "&TILECOL=" + tile[2];
    }

    static String rest(String layer, String set, String[] tile, String ext) {
        return "/wmts/1.0.0/" + layer + "/default/" + set + "/" + tile[0] + "/" + tile[1] + "/" + tile[2] + "." + ext;
    }

    @Test
    void capabilitiesValidateAgainstTheWmtsSchemaInBothEncodings() throws Exception {
        Schema schema = OgcSchemas.compile(OgcSchemas.official(WmtsCapabilities.SCHEMA));
        HttpResponse<byte[]> r = get("/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(OgcSchemas.validate(schema, r.body())).isEmpty();
        String caps = text(r);
        assertThat(caps).contains("<ows:Identifier>YJJBNTBHTB</ows:Identifier>", "永久基本农田保护图斑",
                "<ows:WGS84BoundingBox>", "<Format>image/png</Format>", "<Format>image/jpeg</Format>",
                "<TileMatrixSet>WebMercatorQuad</TileMatrixSet>", "<TileMatrixSet>CGCS2000Quad</TileMatrixSet>",
                "<TileMatrixSet>CGCS2000_GK_4527</TileMatrixSet>", "<TileMatrixSetLimits>",
                "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible", "urn:ogc:def:crs:EPSG::4490",
                base + "/wmts/1.0.0/YJJBNTBHTB/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png",
                // 天地图 level 1 (our 0): two tiles, 1:279 541 132, top left 90 −180 in EPSG:4490's lat/lon order
                "<ScaleDenominator>279541132.0143", "<TopLeftCorner>90 -180</TopLeftCorner>",
                "<ScaleDenominator>559082264.0287", "<TileMatrix>13</TileMatrix><MinTileRow>")
                .doesNotContain("ZRRMC");
        HttpResponse<byte[]> restCaps = get("/wmts/1.0.0/WMTSCapabilities.xml");
        assertThat(restCaps.statusCode()).isEqualTo(200);
        assertThat(OgcSchemas.validate(schema, restCaps.body())).isEmpty();
    }

    @Test
    void cgcs2000QuadLevelZeroIsTwoTilesOfTheWorld() {
        TileMatrixSet s = TileMatrixSet.cgcs2000Geographic();
        TileMatrix zero = s.matrices().get(0);
        assertThat(zero.matrixWidth()).isEqualTo(2);
        assertThat(zero.matrixHeight()).isEqualTo(1);
        assertThat(s.extent()).isEqualTo(new Envelope(-180, 180, -90, 90));
        assertThat(zero.scaleDenominator()).isCloseTo(279541132.0143589, org.assertj.core.data.Offset.offset(1e-3));
        TileMatrixSet gk = set("CGCS2000_GK_4527");
        assertThat(gk.originX()).isEqualTo(39_000_000);
        assertThat(gk.matrices().get(0).matrixWidth()).isEqualTo(1);
        assertThat(gk.matrices().get(12).resolution()).isEqualTo(1.0);
    }

    @Test
    void kvpAndRestGiveTheSameTileWithTheRedLineInEverySet() throws Exception {
        Coordinate p = onRedLine();
        for (String[] c : new String[][] {{"CGCS2000Quad", "13"}, {"WebMercatorQuad", "14"},
                {"CGCS2000_GK_4527", "6"}}) {
            String[] tile = tileAt(set(c[0]), Integer.parseInt(c[1]), p);
            HttpResponse<byte[]> k = get(kvp(LAYER, c[0], tile, "image/png"));
            HttpResponse<byte[]> r = get(rest(LAYER, c[0], tile, "png"));
            assertThat(k.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
            assertThat(r.body()).as(c[0]).isEqualTo(k.body());
            assertThat(redPixels(image(k))).as(c[0] + " red outline").isGreaterThan(50);
            BufferedImage jpeg = image(get(rest(LAYER, c[0], tile, "jpg")));
            assertThat(redPixels(jpeg)).as("jpeg").isGreaterThan(20);
        }
    }

    @Test
    void aTileFarFromTheCountyIsTransparent() throws Exception {
        BufferedImage img = image(get(kvp(LAYER, "CGCS2000Quad", new String[] {"14", "5", "7"}, "image/png")));
        assertThat(visiblePixels(img)).isZero();
        BufferedImage merc = image(get(rest(LAYER, "WebMercatorQuad", new String[] {"3", "7", "0"}, "png")));
        assertThat(visiblePixels(merc)).isZero();
    }

    @Test
    void badRequestsGetTheRightExceptionCodes() throws Exception {
        String[] ok = tileAt(set("CGCS2000Quad"), 10, onRedLine());
        assertException(get(kvp("NOSUCHLAYER", "CGCS2000Quad", ok, "image/png")), "InvalidParameterValue", "layer");
        assertException(get(kvp(LAYER, "CGCS2000Quad", ok, "image/gif")), "InvalidParameterValue", "format");
        assertException(get(kvp(LAYER, "NoSuchSet", ok, "image/png")), "InvalidParameterValue", "tilematrixset");
        assertException(get(kvp(LAYER, "CGCS2000Quad", new String[] {"10", "1024", "0"}, "image/png")),
                "TileOutOfRange", "tilerow");
        assertException(get(kvp(LAYER, "CGCS2000Quad", new String[] {"10", "0", "2048"}, "image/png")),
                "TileOutOfRange", "tilecol");
        assertException(get(kvp(LAYER, "CGCS2000Quad", new String[] {"10", "-1", "0"}, "image/png")),
                "TileOutOfRange", "tilerow");
        assertException(get(kvp(LAYER, "CGCS2000Quad", new String[] {"25", "0", "0"}, "image/png")),
                "TileOutOfRange", "tilematrix");
        assertException(get(kvp(LAYER, "CGCS2000Quad", new String[] {"10", "x", "0"}, "image/png")),
                "InvalidParameterValue", "tilerow");
        assertException(get("/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=" + LAYER),
                "MissingParameterValue", "format");
        HttpResponse<byte[]> style = get(kvp(LAYER, "CGCS2000Quad", ok, "image/png").replace("STYLE=default",
                "STYLE=fancy"));
        assertException(style, "InvalidParameterValue", "style");
        assertException(get(rest(LAYER, "WebMercatorQuad", new String[] {"2", "4", "0"}, "png")), "TileOutOfRange",
                "tilerow");
        assertException(get(rest(LAYER, "WebMercatorQuad", new String[] {"2", "0", "0"}, "gif")),
                "InvalidParameterValue", "format");
        assertException(get(rest("nope", "WebMercatorQuad", new String[] {"2", "0", "0"}, "png")),
                "InvalidParameterValue", "layer");
        HttpResponse<byte[]> op = get("/wmts?SERVICE=WMTS&REQUEST=GetLegend");
        assertThat(op.statusCode()).isEqualTo(501);
        assertThat(text(op)).contains("OperationNotSupported");
    }

    @Test
    void getFeatureInfoFindsTheParcelUnderThePixel() throws Exception {
        FeatureSource src = store.require(LAYER);
        String number;
        Coordinate p;
        try (FeatureCursor c = src.query(Query.ALL.withPage(0, 1))) {
            org.gengdi.core.feature.Feature f = c.next();
            number = String.valueOf(f.get("YJJBNTTBBH"));
            p = f.geometry().getInteriorPoint().getCoordinate();
        }
        TileMatrixSet set = set("WebMercatorQuad");
        String[] tile = tileAt(set, 16, p);
        TileMatrix m = set.matrix(tile[0]);
        Envelope e = set.extent(m, Long.parseLong(tile[1]), Long.parseLong(tile[2]), Long.parseLong(tile[1]),
                Long.parseLong(tile[2]));
        Coordinate q = CrsRegistry.get().transform(src.schema().srid(), set.srid()).transform(new Envelope(p))
                .centre();
        int i = (int) ((q.x - e.getMinX()) / (e.getWidth() / 256));
        int j = (int) ((e.getMaxY() - q.y) / (e.getHeight() / 256));
        HttpResponse<byte[]> json = get("/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=" + LAYER
                + "&STYLE=default&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=" + tile[0] + "&TILEROW="
                + tile[1] + "&TILECOL=" + tile[2] + "&I=" + i + "&J=" + j + "&INFOFORMAT=application/json");
        assertThat(json.statusCode()).as(text(json)).isEqualTo(200);
        assertThat(text(json)).contains("\"FeatureCollection\"", number).doesNotContain("ZRRMC", "ZRRZJHM", "LXDH");
        HttpResponse<byte[]> html = get("/wmts/1.0.0/" + LAYER + "/default/WebMercatorQuad/" + tile[0] + "/"
                + tile[1] + "/" + tile[2] + "/" + j + "/" + i + ".html");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(text(html)).contains(number, "永久基本农田图斑编号");
        assertException(get("/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=" + LAYER
                + "&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=" + tile[0] + "&TILEROW=" + tile[1] + "&TILECOL="
                + tile[2] + "&I=256&J=0&INFOFORMAT=application/json"), "PointIJOutOfRange", "i");
        assertException(get("/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=" + LAYER
                + "&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=" + tile[0] + "&TILEROW=" + tile[1] + "&TILECOL="
                + tile[2] + "&I=1&J=1&INFOFORMAT=image/png"), "InvalidParameterValue", "infoformat");
    }

    @Test
    void theSecondRequestOfATileAndItsMetatileNeighboursComeFromTheCache() throws Exception {
        TileCache cache = wmts.cache();
        String[] tile = tileAt(set("WebMercatorQuad"), 12, onRedLine());
        long before = cache.renders();
        byte[] first = get(kvp(LAYER, "WebMercatorQuad", tile, "image/png")).body();
        assertThat(cache.renders()).isEqualTo(before + 1);
        byte[] second = get(kvp(LAYER, "WebMercatorQuad", tile, "image/png")).body();
        assertThat(second).isEqualTo(first);
        long row = Long.parseLong(tile[1]);
        long col = Long.parseLong(tile[2]);
        String[] neighbour = {tile[0], Long.toString(row ^ 1), Long.toString(col ^ 1)}; // same 4×4 block
        assertThat(get(rest(LAYER, "WebMercatorQuad", neighbour, "png")).statusCode()).isEqualTo(200);
        assertThat(cache.renders()).isEqualTo(before + 1);
        assertThat(cache.bytes()).isPositive();
    }

    @Test
    void concurrentRequestsForOneMetatileShareOneRendering() throws Exception {
        TileCache cache = wmts.cache();
        String[] tile = tileAt(set("CGCS2000Quad"), 12, onRedLine());
        long row0 = Long.parseLong(tile[1]) / 4 * 4;
        long col0 = Long.parseLong(tile[2]) / 4 * 4;
        long before = cache.renders();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String[] t = {tile[0], Long.toString(row0 + i / 4), Long.toString(col0 + i % 4)};
                calls.add(() -> get(kvp(LAYER, "CGCS2000Quad", t, "image/png")).statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(cache.renders()).isEqualTo(before + 1);
    }

    @Test
    void replacingALayersDataInvalidatesItsTiles() throws Exception {
        String name = "WMTSTEST";
        FeatureType red = store.require(LAYER).schema();
        FeatureType type = red.renamed(name, "瓦片缓存测试");
        write(type, true);
        String[] tile = tileAt(set("CGCS2000Quad"), 13, onRedLine());
        long before = wmts.cache().renders();
        BufferedImage drawn = image(get(kvp(name, "CGCS2000Quad", tile, "image/png")));
        assertThat(visiblePixels(drawn)).isPositive();
        image(get(kvp(name, "CGCS2000Quad", tile, "image/png")));
        assertThat(wmts.cache().renders()).isEqualTo(before + 1);
        write(type, false); // replaced by an empty layer
        Thread.sleep(GetTileOperation.VERSION_CHECK_NANOS / 1_000_000 + 100); // the version is trusted for a second
        BufferedImage after = image(get(kvp(name, "CGCS2000Quad", tile, "image/png")));
        assertThat(wmts.cache().renders()).isEqualTo(before + 2);
        assertThat(visiblePixels(after)).isZero();
    }

    /** Replaces the layer {@code type} names with the red-line parcels, or with nothing. */
    private static void write(FeatureType type, boolean withParcels) {
        try (LayerWriter w = store.write(type, true)) {
            if (withParcels) {
                try (FeatureCursor c = store.require(LAYER).query(Query.ALL)) {
                    while (c.hasNext()) {
                        Feature f = c.next();
                        Object[] values = new Object[f.valueCount()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = f.value(i);
                        }
                        w.add(new Feature(type, null, f.geometry(), values));
                    }
                }
            }
            w.commit();
        }
    }
    @Test
    void owsLibReadsTheCapabilitiesAndGetsATile() throws Exception {
        String[] tile = tileAt(set("CGCS2000Quad"), 11, onRedLine());
        Path dir = Files.createTempDirectory("owslib-wmts");
        Path script = dir.resolve("wmts.py");
        Files.writeString(script, String.join("\n",
                "import sys",
                "from owslib.wmts import WebMapTileService",
                "url, z, row, col = sys.argv[1:5]",
                "wmts = WebMapTileService(url, version='1.0.0')",
                "print('TITLE', wmts['YJJBNTBHTB'].title)",
                "print('SETS', sorted(wmts.tilematrixsets))",
                "print('LINKS', sorted(wmts['YJJBNTBHTB'].tilematrixsetlinks))",
                "m = wmts.tilematrixsets['CGCS2000Quad'].tilematrix['0']",
                "print('LEVEL0', m.matrixwidth, m.matrixheight)",
                "img = wmts.gettile(layer='YJJBNTBHTB', tilematrixset='CGCS2000Quad', tilematrix=z, row=int(row),",
                "                   column=int(col), format='image/png')",
                "print('PNG', img.read()[:4] == b'\\x89PNG')",
                "rest = wmts.buildTileResource(layer='YJJBNTBHTB', style='default', format='image/png',",
                "                              tilematrixset='CGCS2000Quad', tilematrix=z, row=row, column=col)",
                "print('REST', rest)",
                ""));
        String out = SampleServer.run(dir, "/usr/bin/python3", script.toString(),
                base + "/wmts", tile[0], tile[1], tile[2]);
        assertThat(out).contains("TITLE 永久基本农田保护图斑", "'CGCS2000Quad'", "'WebMercatorQuad'", "LEVEL0 2 1",
                "PNG True", "REST " + base + rest(LAYER, "CGCS2000Quad", tile, ""));
    }
}
