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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Golden images of every shipped default style, and a CJK label test.
 *
 * <p>Each layer with a default SLD ({@code data/src/main/resources/styles/}) is drawn as a 256×256 PNG
 * (WMS 1.1.1, the layer's own CGCS2000 Gauss-Krüger CRS, default style, opaque white background) over a fixed
 * window of the deterministic sample county (1500 parcels, default seed) and compared with
 * {@code src/test/resources/golden/NAME.png}: a pixel differs when any of its channels (A, R, G, B) differs by more
 * than {@value #CHANNEL_TOLERANCE}; at most {@value #MAX_DIFFERING_PERCENT} % of the pixels may differ (antialiasing
 * and font rasterisation vary a little between JDK builds). On a mismatch the image drawn is written next to the
 * temporary directory named in the failure message.
 *
 * <p>A missing golden FAILS the test. To (re)write the goldens after an intended change of a style, the renderer or
 * the sample county, run with {@code -Dgengdi.golden.update=true}, e.g.
 * <pre>
 * mvn -o -B verify -pl data,ogc-server -Dtest=WmsGoldenImageTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgengdi.golden.update=true
 * </pre>
 * then look at the new PNGs before keeping them. The goldens are read from and written to the source tree
 * ({@code ${basedir}/src/test/resources/golden}), not the class path copy.
 */
class WmsGoldenImageTest {
    static final int CHANNEL_TOLERANCE = 8;
    static final double MAX_DIFFERING_PERCENT = 0.5;
    static final int SIZE = 256;
    private static final boolean UPDATE = Boolean.getBoolean("gengdi.golden.update");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static FeatureStore store;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-wms-golden");
        base = SampleServer.base(ctx);
        store = ctx.getBean(FeatureStore.class);
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    static Path goldenDir() {
        return Path.of(System.getProperty("basedir", "."), "src", "test", "resources", "golden");
    }

    /**
     * Layer and the window drawn: a share (0 to 1) of the layer's extent around its centre — the small layers whole,
     * the dense parcel layers a part so that single parcels, hatches and outlines can be seen at 256 px — or, when
     * negative, a square of that many metres: around the layer's first feature for the scattered reserve area,
     * around the centre for the villages (3 km: about 1:42,000, where their names are drawn).
     */
    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("YJJBNTBHTB", 0.3),
                Arguments.of("YJJBNTCBQ", -1500.0),
                Arguments.of("STBHHX", 1.0),
                Arguments.of("CZKFBJ", 1.0),
                Arguments.of("DLTB", 0.3),
                Arguments.of("GBZNT", 0.5),
                Arguments.of("HHGLFW", 1.0),
                Arguments.of("YYSYBHQ", 1.0),
                Arguments.of("XJXZQ", 1.0),
                Arguments.of("XZQ", 1.0),
                Arguments.of("CJDCQ", -3000.0));
    }

    /** A square window (in the layer's CRS units, metres) around the centre of the layer's extent. */
    static Envelope window(FeatureSource source, double share) throws Exception {
        Envelope b = source.bounds();
        if (share < 0) {
            double cx = b.centre().x;
            double cy = b.centre().y;
            if (source.schema().name().equals("YJJBNTCBQ")) {
                try (FeatureCursor c = source.query(Query.ALL)) {
                    Point p = c.next().geometry().getInteriorPoint();
                    cx = p.getX();
                    cy = p.getY();
                }
            }
            return new Envelope(cx + share / 2, cx - share / 2, cy + share / 2, cy - share / 2);
        }
        double side = Math.max(b.getWidth(), b.getHeight()) * share * (share >= 1.0 ? 1.04 : 1.0);
        double cx = b.centre().x;
        double cy = b.centre().y;
        return new Envelope(cx - side / 2, cx + side / 2, cy - side / 2, cy + side / 2);
    }

    static String getMap(String layer, int srid, Envelope e, String extra) {
        return String.format(Locale.ROOT, "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.1.1&SRS=EPSG:%d"
                        + "&BBOX=%.3f,%.3f,%.3f,%.3f&LAYERS=%s&WIDTH=%d&HEIGHT=%d&FORMAT=image/png%s", srid,
                e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), layer, SIZE, SIZE, extra);
    }

    static BufferedImage fetch(String pathAndQuery) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(SIZE);
        assertThat(img.getHeight()).isEqualTo(SIZE);
        return img;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void defaultStyleMatchesItsGoldenImage(String layer, double share) throws Exception {
        FeatureSource source = store.require(layer);
        Envelope e = window(source, share);
        BufferedImage actual = fetch(getMap(layer, source.schema().srid(), e, "&STYLES=&TRANSPARENT=FALSE"));
        assertThat(inkPixels(actual)).as("something of " + layer + " is drawn").isGreaterThan(200);
        Path golden = goldenDir().resolve(layer + ".png");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            ImageIO.write(actual, "png", golden.toFile());
            System.out.println("golden image written: " + golden.toAbsolutePath());
            return;
        }
        assertThat(golden).as("golden image missing: run once with -Dgengdi.golden.update=true and look at it")
                .exists();
        BufferedImage expected = ImageIO.read(golden.toFile());
        assertThat(expected.getWidth()).isEqualTo(SIZE);
        assertThat(expected.getHeight()).isEqualTo(SIZE);
        int differing = differingPixels(expected, actual);
        double percent = 100.0 * differing / (SIZE * SIZE);
        if (percent > MAX_DIFFERING_PERCENT) {
            Path out = Path.of(System.getProperty("java.io.tmpdir"), "gengdi-golden-actual");
            Files.createDirectories(out);
            ImageIO.write(actual, "png", out.resolve(layer + ".png").toFile());
            throw new AssertionError(String.format(Locale.ROOT, "%s: %d pixels (%.2f %%) differ from %s by more than"
                            + " %d in a channel (at most %.1f %% may); the image drawn is %s", layer, differing,
                    percent, golden, CHANNEL_TOLERANCE, MAX_DIFFERING_PERCENT, out.resolve(layer + ".png")));
        }
    }

    static int differingPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    if (Math.abs(((p >>> shift) & 0xff) - ((q >>> shift) & 0xff)) > CHANNEL_TOLERANCE) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    /** Pixels that are not (almost) white and not transparent. */
    static int inkPixels(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if ((rgb >>> 24) > 128 && (((rgb >> 16) & 0xff) < 235 || ((rgb >> 8) & 0xff) < 235
                        || (rgb & 0xff) < 235)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void goldenComparisonSeesARealChange() throws Exception {
        // the tolerance is not so loose that a restyled map passes: the red line drawn blue differs from its golden
        FeatureSource source = store.require("YJJBNTBHTB");
        Envelope e = window(source, 0.3);
        BufferedImage red = fetch(getMap("YJJBNTBHTB", source.schema().srid(), e, "&STYLES=&TRANSPARENT=FALSE"));
        BufferedImage shifted = fetch(getMap("YJJBNTBHTB", source.schema().srid(),
                new Envelope(e.getMinX() + e.getWidth() / 64, e.getMaxX() + e.getWidth() / 64, e.getMinY(),
                        e.getMaxY()), "&STYLES=&TRANSPARENT=FALSE"));
        assertThat(100.0 * differingPixels(red, shifted) / (SIZE * SIZE)).as("a map moved by 4 px")
                .isGreaterThan(MAX_DIFFERING_PERCENT * 4);
        assertThat(differingPixels(red, red)).isZero();
    }

    // ------------------------------------------------------------------------------------------ CJK labels

    /**
     * A village name drawn alone (CQL_FILTER picks the village; SLD_BODY keeps only the default style's label,
     * black, without halo) at about 1:28,000, where CJDCQ is labelled. Missing glyphs would be drawn as the same
     * box (tofu) for every character, so two different names of the same length would give the same ink; real
     * glyphs give clearly different ink, and every character of the name must be in the font the style names.
     */
    @Test
    void villageNamesAreDrawnWithRealChineseGlyphs() throws Exception {
        FeatureSource villages = store.require("CJDCQ");
        int srid = villages.schema().srid();
        List<Feature> all = new ArrayList<>();
        try (FeatureCursor c = villages.query(Query.ALL)) {
            while (c.hasNext()) {
                all.add(c.next());
            }
        }
        // two villages with names of the same length that share no character
        Feature a = null;
        Feature b = null;
        search:
        for (Feature f : all) {
            for (Feature g : all) {
                String n = name(f);
                String m = name(g);
                if (f != g && n.length() >= 3 && n.length() == m.length()
                        && n.chars().noneMatch(ch -> m.indexOf(ch) >= 0)
                        && n.chars().allMatch(ch -> ch >= 0x4E00 && ch <= 0x9FFF)
                        && m.chars().allMatch(ch -> ch >= 0x4E00 && ch <= 0x9FFF)) {
                    a = f;
                    b = g;
                    break search;
                }
            }
        }
        assertThat(a).as("two village names of the same length without a common character among "
                + all.stream().map(WmsGoldenImageTest::name).toList()).isNotNull();
        java.awt.Font font = new java.awt.Font("Noto Sans CJK SC", java.awt.Font.PLAIN, 16);
        assertThat(font.getFamily(Locale.ROOT)).as("the CJK font the default style names is installed")
                .isEqualTo("Noto Sans CJK SC");
        assertThat(font.canDisplayUpTo(name(a) + name(b))).isEqualTo(-1);

        boolean[][] inkA = labelInk(a, srid);
        boolean[][] inkB = labelInk(b, srid);
        int countA = count(inkA);
        int countB = count(inkB);
        // 16 px CJK glyphs: a few dozen dark pixels per character at least
        assertThat(countA).as(name(a) + " is drawn").isGreaterThan(25 * name(a).length());
        assertThat(countB).as(name(b) + " is drawn").isGreaterThan(25 * name(b).length());
        // label boxes aligned at their top-left ink corner: the two names' ink must differ substantially
        int differ = 0;
        for (int y = 0; y < Math.max(inkA.length, inkB.length); y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean p = y < inkA.length && x < inkA[y].length && inkA[y][x];
                boolean q = y < inkB.length && x < inkB[y].length && inkB[y][x];
                if (p != q) {
                    differ++;
                }
            }
        }
        assertThat(differ).as("'%s' and '%s' look different (tofu boxes would look the same)", name(a), name(b))
                .isGreaterThan(Math.min(countA, countB) / 3);
    }

    static String name(Feature f) {
        Object v = f.get("ZLDWMC");
        return v == null ? "" : v.toString();
    }

    /** The label's dark pixels, cropped to their bounding box. */
    private boolean[][] labelInk(Feature village, int srid) throws Exception {
        Point p = village.geometry().getInteriorPoint();
        double half = 1000; // 2 km over 256 px: about 1:28,000 at 0.28 mm per pixel
        Envelope e = new Envelope(p.getX() - half, p.getX() + half, p.getY() - half, p.getY() + half);
        String sld = "<StyledLayerDescriptor version=\"1.0.0\" xmlns=\"http://www.opengis.net/sld\""
                + " xmlns:ogc=\"http://www.opengis.net/ogc\"><NamedLayer><Name>CJDCQ</Name>"
                + "<UserStyle><Name>label</Name>"
                + "<FeatureTypeStyle><Rule><MaxScaleDenominator>50000</MaxScaleDenominator><TextSymbolizer><Label>"
                + "<ogc:PropertyName>ZLDWMC</ogc:PropertyName></Label><Font>"
                + "<CssParameter name=\"font-family\">Noto Sans CJK SC</CssParameter>"
                + "<CssParameter name=\"font-size\">16</CssParameter></Font><LabelPlacement><PointPlacement>"
                + "<AnchorPoint><AnchorPointX>0.5</AnchorPointX><AnchorPointY>0.5</AnchorPointY></AnchorPoint>"
                + "</PointPlacement></LabelPlacement><Fill><CssParameter name=\"fill\">#000000</CssParameter></Fill>"
                + "</TextSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>";
        String id = String.valueOf(village.get("ZLDWDM"));
        BufferedImage img = fetch(getMap("CJDCQ", srid, e, "&STYLES=&TRANSPARENT=FALSE&CQL_FILTER="
                + enc("ZLDWDM='" + id + "'") + "&SLD_BODY=" + enc(sld)));
        int minX = SIZE;
        int minY = SIZE;
        int maxX = -1;
        int maxY = -1;
        boolean[][] dark = new boolean[SIZE][SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = img.getRGB(x, y);
                if ((rgb >>> 24) > 128 && ((rgb >> 8) & 0xff) < 128) {
                    dark[y][x] = true;
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertThat(maxX).as("the label of " + name(village) + " is in the map").isGreaterThanOrEqualTo(0);
        boolean[][] crop = new boolean[maxY - minY + 1][maxX - minX + 1];
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                crop[y - minY][x - minX] = dark[y][x];
            }
        }
        // about one glyph high and a few glyphs wide
        assertThat(crop.length).as("label height").isBetween(8, 40);
        assertThat(crop[0].length).as("label width").isGreaterThan(crop.length * (name(village).length() - 1));
        return crop;
    }

    static int count(boolean[][] ink) {
        int n = 0;
        for (boolean[] row : ink) {
            for (boolean b : row) {
                if (b) {
                    n++;
                }
            }
        }
        return n;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
