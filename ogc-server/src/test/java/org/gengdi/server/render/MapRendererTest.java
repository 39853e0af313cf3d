package org.gengdi.server.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengdi.server.render.TestLayers.count;
import static org.gengdi.server.render.TestLayers.feature;
import static org.gengdi.server.render.TestLayers.fill;
import static org.gengdi.server.render.TestLayers.layer;
import static org.gengdi.server.render.TestLayers.near;
import static org.gengdi.server.render.TestLayers.rgb;
import static org.gengdi.server.render.TestLayers.rule;
import static org.gengdi.server.render.TestLayers.source;
import static org.gengdi.server.render.TestLayers.style;
import static org.gengdi.server.render.TestLayers.view100;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.filter.Filter;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.Hatch;
import org.gengdi.server.render.Symbolizer.LineSymbolizer;
import org.gengdi.server.render.Symbolizer.Mark;
import org.gengdi.server.render.Symbolizer.PointSymbolizer;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.gengdi.server.render.Symbolizer.Stroke;
import org.gengdi.server.render.TestLayers.RecordingSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Geometry drawing, rules, scales, filters, queries and limits, checked on pixels. */
class MapRendererTest {
    static final Color RED = new Color(255, 0, 0);
    static final Color YELLOW = new Color(255, 255, 0);
    static final Color BLUE = new Color(0, 0, 255);
    static final String SQUARE = "POLYGON ((20 20, 80 20, 80 80, 20 80, 20 20))";

    private final MapRenderer renderer = new MapRenderer();

    private BufferedImage render(MapView view, MapLayer... layers) {
        return renderer.render(view, List.of(layers), RenderLimits.DEFAULT);
    }

    static String box(double x0, double y0, double x1, double y1) {
        return String.format(java.util.Locale.ROOT, "POLYGON ((%.1f %.1f, %.1f %.1f, %.1f %.1f, %.1f %.1f, %.1f %.1f))",
                x0, y0, x1, y0, x1, y1, x0, y1, x0, y0);
    }

    private static Style outlined(Color fill, Color stroke, double width) {
        return style(rule(new PolygonSymbolizer(Fill.solid(fill), Stroke.solid(stroke, width))));
    }

    @Test
    void aRedOutlinedSquareIsRedOnItsEdgeFilledInsideAndBackgroundOutside() {
        BufferedImage img = render(view100(), layer(source(feature("1", SQUARE, "a", 1)), outlined(YELLOW, RED, 3)));
        assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(rgb(img, 50, 50)).isEqualTo(0xFFFF00);
        assertThat(rgb(img, 20, 50)).isEqualTo(0xFF0000);   // west edge: x = 20
        assertThat(rgb(img, 50, 20)).isEqualTo(0xFF0000);   // north edge: y = 80 → row 20
        assertThat(rgb(img, 79, 50)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 5, 5)).isEqualTo(0xFFFFFF);
        assertThat(rgb(img, 95, 95)).isEqualTo(0xFFFFFF);
    }

    @Test
    void northIsUp() {
        // a box in the northern part (y 60..90) must be drawn in the image's top rows (10..40)
        BufferedImage img = render(view100(), layer(source(feature("1", "POLYGON ((10 60, 90 60, 90 90, 10 90, 10 60))",
                "n", 1)), style(rule(fill(BLUE)))));
        assertThat(rgb(img, 50, 25)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 50, 75)).isEqualTo(0xFFFFFF);
        assertThat(rgb(img, 5, 25)).isEqualTo(0xFFFFFF);
    }

    @Test
    void holesStayEmptyAndEveryPartOfAMultipolygonIsFilled() {
        // exterior and hole both counter-clockwise: non-zero filling would fill the hole, even-odd does not
        String withHole = "POLYGON ((10 10, 60 10, 60 60, 10 60, 10 10), (25 25, 45 25, 45 45, 25 45, 25 25))";
        String multi = "MULTIPOLYGON (((70 70, 90 70, 90 90, 70 90, 70 70)), ((70 10, 90 10, 90 30, 70 30, 70 10)))";
        BufferedImage img = render(view100(), layer(source(feature("1", withHole, "h", 1), feature("2", multi, "m", 2)),
                style(rule(fill(BLUE)))));
        assertThat(rgb(img, 15, 85)).isEqualTo(0x0000FF);   // in the ring
        assertThat(rgb(img, 35, 65)).isEqualTo(0xFFFFFF);   // in the hole
        assertThat(rgb(img, 80, 20)).isEqualTo(0x0000FF);   // first part (north-east)
        assertThat(rgb(img, 80, 80)).isEqualTo(0x0000FF);   // second part (south-east)
        assertThat(rgb(img, 65, 50)).isEqualTo(0xFFFFFF);
    }

    @Test
    void aHatchFillAlternatesHatchAndBackground() {
        Fill hatch = new Fill(null, Hatch.SLASH, RED, 8, 2);
        BufferedImage img = render(view100(), layer(source(feature("1", SQUARE, "r", 1)),
                style(rule(new PolygonSymbolizer(hatch, null)))));
        int red = 0;
        int white = 0;
        int changes = 0;
        boolean last = false;
        for (int x = 25; x < 75; x++) {
            int c = rgb(img, x, 50);
            boolean isRed = near(c, RED, 60);
            red += isRed ? 1 : 0;
            white += near(c, Color.WHITE, 60) ? 1 : 0;
            changes += x > 25 && isRed != last ? 1 : 0;
            last = isRed;
        }
        assertThat(red).isGreaterThan(5);
        assertThat(white).isGreaterThan(15);
        assertThat(changes).isGreaterThanOrEqualTo(8);       // 50 px at an 8 px spacing: ~6 stripes
        assertThat(rgb(img, 10, 10)).isEqualTo(0xFFFFFF);   // no hatch outside the polygon
    }

    @Test
    void hatchesJoinAcrossTiles() {
        // the same hatch drawn as one 100 px map and as two 50 px halves must give the same pixels
        Fill hatch = new Fill(null, Hatch.TIMES, BLUE, 7, 1);
        RecordingSource src = source(feature("1", "POLYGON ((-10 -10, 110 -10, 110 110, -10 110, -10 -10))", "x", 1));
        Style s = style(rule(new PolygonSymbolizer(hatch, null)));
        BufferedImage whole = render(view100(), layer(src, s));
        BufferedImage east = render(MapView.of(new Envelope(50, 100, 0, 100), TestLayers.SRID, 50, 100, false),
                layer(src, s));
        for (int y = 0; y < 100; y++) {
            for (int x = 0; x < 50; x++) {
                assertThat(rgb(east, x, y)).as("pixel %d,%d", x, y).isEqualTo(rgb(whole, x + 50, y));
            }
        }
    }

    @Test
    void aRuleOutsideItsScaleRangeDrawsNothingAndTheLayerIsNotRead() {
        RecordingSource src = source(feature("1", SQUARE, "a", 1));
        // view100 is at 1 m a pixel: scale 1:3571
        double scale = view100().scaleDenominator();
        assertThat(scale).isCloseTo(1 / 0.00028, org.assertj.core.data.Offset.offset(0.01));
        Rule small = new Rule("near", null, null, false, 0, 1000, List.of(fill(RED)));
        BufferedImage img = render(view100(), layer(src, style(small)));
        assertThat(count(img, c -> (c & 0xFFFFFF) != 0xFFFFFF)).isZero();
        assertThat(src.queries).isEmpty();

        Rule range = new Rule("county", null, null, false, 3000, 5000, List.of(fill(RED)));
        img = render(view100(), layer(src, style(small, range)));
        assertThat(rgb(img, 50, 50)).isEqualTo(0xFF0000);
    }

    @Test
    void elseFilterRulesDrawWhatNoOtherRuleMatched() {
        RecordingSource src = source(feature("1", "POLYGON ((10 10, 40 10, 40 40, 10 40, 10 10))", "a", 1),
                feature("2", "POLYGON ((60 60, 90 60, 90 90, 60 90, 60 60))", "b", 2));
        Rule one = new Rule("one", null, Filter.eq("CODE", 1), false, 0, Double.POSITIVE_INFINITY, List.of(fill(RED)));
        Rule other = new Rule("other", null, null, true, 0, Double.POSITIVE_INFINITY, List.of(fill(BLUE)));
        BufferedImage img = render(view100(), layer(src, style(one, other)));
        assertThat(rgb(img, 25, 75)).isEqualTo(0xFF0000);   // feature 1 (south-west)
        assertThat(rgb(img, 75, 25)).isEqualTo(0x0000FF);   // feature 2 (north-east): else
    }

    @Test
    void ruleFiltersAreSentToTheStoreWhenEveryRuleHasOne() {
        RecordingSource src = source(feature("1", "POLYGON ((10 10, 40 10, 40 40, 10 40, 10 10))", "a", 1),
                feature("2", "POLYGON ((60 60, 90 60, 90 90, 60 90, 60 60))", "b", 2));
        Rule one = new Rule("one", null, Filter.eq("CODE", 1), false, 0, Double.POSITIVE_INFINITY, List.of(fill(RED)));
        BufferedImage img = render(view100(), layer(src, style(one)));
        assertThat(rgb(img, 25, 75)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 75, 25)).isEqualTo(0xFFFFFF);
        assertThat(src.read.get()).isEqualTo(1);
    }

    @Test
    void theExtraFilterSelectsAndTheBboxIsTheViewGrownBySymbolMargins() {
        RecordingSource src = source(feature("1", "POLYGON ((10 10, 40 10, 40 40, 10 40, 10 10))", "a", 1),
                feature("2", "POLYGON ((60 60, 90 60, 90 90, 60 90, 60 60))", "b", 2),
                feature("3", "POLYGON ((500 500, 600 500, 600 600, 500 600, 500 500))", "a", 3));
        MapLayer layer = new MapLayer(org.gengdi.server.ows.PublishedLayer.of(src), outlined(RED, RED, 4),
                Filter.eq("NAME", "a"));
        BufferedImage img = render(view100(), layer);
        assertThat(rgb(img, 25, 75)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 75, 25)).isEqualTo(0xFFFFFF);
        assertThat(src.queries).hasSize(1);
        Envelope bbox = src.queries.get(0).bbox();
        assertThat(bbox.contains(new Envelope(0, 100, 0, 100))).isTrue();
        assertThat(bbox.getWidth()).isLessThan(110);         // 3 px margin for a 4 px stroke, not the whole layer
        assertThat(src.queries.get(0).filter()).isEqualTo(Filter.eq("NAME", "a"));
        assertThat(src.read.get()).isEqualTo(1);             // feature 3 is outside, 2 filtered out
        assertThat(src.open.get()).isZero();
    }

    @Test
    void linesAndEveryMarkDrawInk() {
        RecordingSource lines = source(feature("1", "LINESTRING (0 50, 100 50)", "l", 1));
        BufferedImage img = render(view100(), layer(lines, style(rule(new LineSymbolizer(Stroke.solid(BLUE, 3))))));
        assertThat(rgb(img, 50, 50)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 50, 40)).isEqualTo(0xFFFFFF);
        for (Mark mark : Mark.values()) {
            RecordingSource points = source(feature("1", "MULTIPOINT ((25 25), (75 75))", "p", 1));
            BufferedImage m = render(view100(), layer(points, style(rule(new PointSymbolizer(mark, 12,
                    Fill.solid(RED), null)))));
            assertThat(rgb(m, 25, 75)).as(mark.name()).isEqualTo(0xFF0000);
            assertThat(rgb(m, 75, 25)).as(mark.name()).isEqualTo(0xFF0000);
            int ink = count(m, c -> (c & 0xFFFFFF) != 0xFFFFFF);
            assertThat(ink).as(mark.name()).isBetween(2 * 20, 2 * 150);
        }
    }

    @Test
    void marksOfDifferentShapesDiffer() {
        Set<Integer> inks = new HashSet<>();
        for (Mark mark : Mark.values()) {
            BufferedImage m = render(view100(), layer(source(feature("1", "POINT (50 50)", "p", 1)),
                    style(rule(new PointSymbolizer(mark, 20, Fill.solid(RED), null)))));
            inks.add(count(m, c -> near(c, RED, 40)));
        }
        assertThat(inks).hasSize(Mark.values().length);
    }

    @Test
    void geometriesSmallerThanAPixelBecomeOnePixel() {
        RecordingSource src = source(feature("1", "POLYGON ((50.1 50.1, 50.4 50.1, 50.4 50.4, 50.1 50.4, 50.1 50.1))",
                "tiny", 1));
        BufferedImage img = render(view100(), layer(src, outlined(YELLOW, RED, 1)));
        assertThat(count(img, c -> (c & 0xFFFFFF) != 0xFFFFFF)).isEqualTo(1);
        assertThat(rgb(img, 50, 49)).isEqualTo(0xFF0000);
    }

    @Test
    void vertexDecimationKeepsTheShape() {
        // a circle of 20 000 vertices, 0.01 px apart
        Geometry circle = TestLayers.wkt("POINT (50 50)").buffer(30, 5000);
        RecordingSource src = new RecordingSource(TestLayers.TYPE, List.of(new Feature.Builder(TestLayers.TYPE)
                .set("NAME", "c").geometry(circle).build("1")));
        BufferedImage img = render(view100(), layer(src, style(rule(fill(BLUE)))));
        assertThat(rgb(img, 50, 50)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 50, 22)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 50, 18)).isEqualTo(0xFFFFFF);
        int blue = count(img, c -> near(c, BLUE, 128));
        assertThat((double) blue).isCloseTo(Math.PI * 30 * 30, org.assertj.core.data.Percentage.withPercentage(3));
    }

    @Test
    void deepZoomClipsHugeGeometriesAndStillFills() {
        // a 1 km square seen at 1 mm a pixel: its corners lie a million pixels away
        RecordingSource src = source(feature("1", "POLYGON ((-500 -500, 500 -500, 500 500, -500 500, -500 -500))",
                "big", 1), feature("2", "LINESTRING (-1000 -1000, 1000 1000)", "diag", 2));
        Style s = style(new Rule("a", null, Filter.eq("CODE", 1), false, 0, Double.POSITIVE_INFINITY,
                        List.of(new PolygonSymbolizer(Fill.solid(YELLOW), Stroke.solid(RED, 2)))),
                new Rule("l", null, Filter.eq("CODE", 2), false, 0, Double.POSITIVE_INFINITY,
                        List.of(new LineSymbolizer(Stroke.solid(BLUE, 3)))));
        MapView view = MapView.of(new Envelope(-0.05, 0.05, -0.05, 0.05), TestLayers.SRID, 100, 100, false);
        BufferedImage img = render(view, layer(src, s));
        assertThat(rgb(img, 5, 50)).isEqualTo(0xFFFF00);
        assertThat(rgb(img, 95, 50)).isEqualTo(0xFFFF00);
        assertThat(rgb(img, 50, 50)).isEqualTo(0x0000FF);    // the diagonal through the centre
        assertThat(rgb(img, 10, 90)).isEqualTo(0x0000FF);
        assertThat(count(img, c -> near(c, RED, 30))).isZero();
    }

    @Test
    void transparentMapsHaveAlphaAndLayersDrawInOrder() {
        RecordingSource a = source(feature("1", SQUARE, "a", 1));
        RecordingSource b = source(feature("1", "POLYGON ((50 0, 100 0, 100 100, 50 100, 50 0))", "b", 1));
        MapView view = MapView.of(new Envelope(0, 100, 0, 100), TestLayers.SRID, 100, 100, true);
        BufferedImage img = render(view, layer(a, style(rule(fill(RED)))), layer(b, style(rule(fill(BLUE)))));
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(img.getRGB(5, 5) >>> 24).isZero();
        assertThat(img.getRGB(30, 50)).isEqualTo(0xFFFF0000);
        assertThat(img.getRGB(70, 50)).isEqualTo(0xFF0000FF); // the second layer on top
    }

    @Test
    void featuresAreTransformedIntoTheMapCrs() {
        // a GK zone 39 square near 117°E 32°N drawn on a CGCS2000 lon/lat map
        double x = 39_500_000;
        double y = 3_540_000;
        String wkt = "POLYGON ((" + (x - 500) + " " + (y - 500) + ", " + (x + 500) + " " + (y - 500) + ", " + (x + 500)
                + " " + (y + 500) + ", " + (x - 500) + " " + (y + 500) + ", " + (x - 500) + " " + (y - 500) + "))";
        RecordingSource src = source(feature("1", wkt, "gk", 1));
        Envelope lonLat = CrsRegistry.get().transform(TestLayers.SRID, 4490).transform(new Envelope(x - 1000, x + 1000,
                y - 1000, y + 1000));
        MapView view = MapView.of(lonLat, 4490, 100, 100, false);
        BufferedImage img = render(view, layer(src, style(rule(fill(RED)))));
        assertThat(rgb(img, 50, 50)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 30, 30)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 10, 10)).isEqualTo(0xFFFFFF);
        // the query was in the layer's CRS
        assertThat(src.queries.get(0).bbox().getMinX()).isGreaterThan(39_000_000);
        assertThat(view.scaleDenominator()).isBetween(70_000.0, 100_000.0);   // ~2.4 km over 100 px
    }

    @Test
    void spatialRuleFiltersAreInTheLayersCrsEvenOnALonLatMap() {
        double x = 39_500_000;
        double y = 3_540_000;
        String west = box(x - 900, y - 300, x - 100, y + 300);
        String east = box(x + 100, y - 300, x + 900, y + 300);
        RecordingSource src = source(feature("1", west, "w", 1), feature("2", east, "e", 2));
        Geometry eastHalf = TestLayers.wkt(box(x, y - 1000, x + 1000, y + 1000));
        Rule inEast = new Rule("east", null, new Filter.Spatial("geom", Filter.SpatialOp.INTERSECTS, eastHalf), false, 0,
                Double.POSITIVE_INFINITY, List.of(fill(RED)));
        Rule other = new Rule("other", null, null, true, 0, Double.POSITIVE_INFINITY, List.of(fill(BLUE)));
        Envelope lonLat = CrsRegistry.get().transform(TestLayers.SRID, 4490).transform(new Envelope(x - 1000, x + 1000,
                y - 1000, y + 1000));
        BufferedImage img = render(MapView.of(lonLat, 4490, 100, 100, false), layer(src, style(inEast, other)));
        assertThat(rgb(img, 75, 50)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 25, 50)).isEqualTo(0x0000FF);
    }

    @Test
    void mixedCollectionsDrawEachPartAsWhatItIs() {
        RecordingSource src = source(feature("1", "GEOMETRYCOLLECTION (POLYGON ((10 10, 40 10, 40 40, 10 40, 10 10)),"
                + " LINESTRING (60 0, 60 100), POINT (80 80))", "mixed", 1));
        BufferedImage img = render(view100(), layer(src, style(rule(fill(RED),
                new LineSymbolizer(Stroke.solid(BLUE, 3)), new PointSymbolizer(Mark.SQUARE, 9, Fill.solid(YELLOW),
                        null)))));
        assertThat(rgb(img, 15, 85)).isEqualTo(0xFF0000);
        assertThat(rgb(img, 25, 75)).isEqualTo(0xFFFF00);   // a point symbolizer marks the polygon's interior point
        assertThat(rgb(img, 60, 20)).isEqualTo(0x0000FF);
        assertThat(rgb(img, 80, 20)).isEqualTo(0xFFFF00);
    }

    @Test
    void invalidGeometriesDoNotFailTheMap() {
        RecordingSource src = source(feature("1", "POLYGON ((10 10, 90 90, 90 10, 10 90, 10 10))", "bow-tie", 1),
                feature("2", "POLYGON EMPTY", "empty", 2));
        BufferedImage img = render(view100(), layer(src, style(rule(fill(RED), new Symbolizer.TextSymbolizer("NAME",
                new Symbolizer.Font(null, 12, false, false), Color.BLACK, null, 0.5, 0.5, 0, 0, 0)))));
        assertThat(rgb(img, 20, 50)).isEqualTo(0xFF0000);
    }

    // ------------------------------------------------------------------------------------------------ limits

    @Test
    void sizeLimitsAreCheckedBeforeAnythingIsRead() {
        RecordingSource src = source(feature("1", SQUARE, "a", 1));
        RenderLimits limits = RenderLimits.DEFAULT;
        MapView wide = MapView.of(new Envelope(0, 100, 0, 100), TestLayers.SRID, 100_000, 10, false);
        assertThatThrownBy(() -> renderer.render(wide, List.of(layer(src, style(rule(fill(RED))))), limits))
                .isInstanceOfSatisfying(RenderLimitException.class,
                        e -> assertThat(e.limit()).isEqualTo(RenderLimitException.Limit.WIDTH))
                .hasMessageContaining("4096");
        MapView tall = MapView.of(new Envelope(0, 100, 0, 100), TestLayers.SRID, 10, 5000, false);
        assertThatThrownBy(() -> renderer.render(tall, List.of(), limits))
                .isInstanceOfSatisfying(RenderLimitException.class,
                        e -> assertThat(e.limit()).isEqualTo(RenderLimitException.Limit.HEIGHT));
        MapView big = MapView.of(new Envelope(0, 100, 0, 100), TestLayers.SRID, 3000, 3000, false);
        assertThatThrownBy(() -> renderer.render(big, List.of(), limits.withMaxSize(4096, 4096, 1_000_000)))
                .isInstanceOfSatisfying(RenderLimitException.class,
                        e -> assertThat(e.limit()).isEqualTo(RenderLimitException.Limit.PIXELS));
        assertThat(src.queries).isEmpty();
    }

    @Test
    void tooManyFeaturesThrowAndTheCursorIsClosed() {
        List<Feature> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(feature(String.valueOf(i), "POINT (" + (i * 2) + " 50)", "p", i));
        }
        RecordingSource src = new RecordingSource(TestLayers.TYPE, many);
        MapLayer layer = layer(src, style(rule(new PointSymbolizer(Mark.CIRCLE, 4, Fill.solid(RED), null))));
        assertThatThrownBy(() -> renderer.render(view100(), List.of(layer), RenderLimits.DEFAULT.withMaxFeatures(20)))
                .isInstanceOfSatisfying(RenderLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(RenderLimitException.Limit.FEATURES);
                    assertThat(e.allowed()).isEqualTo(20);
                });
        assertThat(src.read.get()).isEqualTo(21);
        assertThat(src.open.get()).isZero();
        // the limit counts all layers of the map together
        assertThatThrownBy(() -> renderer.render(view100(), List.of(layer, layer),
                RenderLimits.DEFAULT.withMaxFeatures(80))).isInstanceOf(RenderLimitException.class);
        assertThat(src.open.get()).isZero();
        assertThat(renderer.render(view100(), List.of(layer), RenderLimits.DEFAULT.withMaxFeatures(50))).isNotNull();
    }

    @Test
    void timeIsLimitedAndTheCursorIsClosed() {
        RecordingSource src = source(feature("1", SQUARE, "a", 1));
        assertThatThrownBy(() -> renderer.render(view100(), List.of(layer(src, style(rule(fill(RED))))),
                RenderLimits.DEFAULT.withMaxTime(Duration.ZERO)))
                .isInstanceOfSatisfying(RenderLimitException.class,
                        e -> assertThat(e.limit()).isEqualTo(RenderLimitException.Limit.TIME));
        assertThat(src.open.get()).isZero();
    }

    @Test
    void badViewsAreRejected() {
        assertThatThrownBy(() -> MapView.of(new Envelope(10, 10, 0, 5), 4527, 10, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MapView.of(new Envelope(0, 10, 0, 5), 4527, 0, 10, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void geographicScaleUsesMetresPerDegreeAtTheEquator() {
        // 1 degree over 400 px: 111 319.49 m / 400 / 0.00028
        MapView view = MapView.of(new Envelope(117, 118, 32, 33), 4490, 400, 400, false);
        assertThat(view.scaleDenominator()).isCloseTo(111_319.49 / 400 / 0.00028,
                org.assertj.core.data.Percentage.withPercentage(0.001));
    }
}
