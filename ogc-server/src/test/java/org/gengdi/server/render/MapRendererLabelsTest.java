package org.gengdi.server.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.server.render.TestLayers.count;
import static org.gengdi.server.render.TestLayers.feature;
import static org.gengdi.server.render.TestLayers.layer;
import static org.gengdi.server.render.TestLayers.near;
import static org.gengdi.server.render.TestLayers.rule;
import static org.gengdi.server.render.TestLayers.source;
import static org.gengdi.server.render.TestLayers.style;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import org.gengdi.server.render.Symbolizer.Font;
import org.gengdi.server.render.Symbolizer.Halo;
import org.gengdi.server.render.Symbolizer.TextSymbolizer;
import org.gengdi.server.render.TestLayers.RecordingSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Labels: CJK glyphs, halos, placement, collisions, priorities. */
class MapRendererLabelsTest {
    static final Color RED = new Color(255, 0, 0);
    static final Color BLUE = new Color(0, 0, 255);
    private final MapRenderer renderer = new MapRenderer();

    static TextSymbolizer label(String property, String family, double size, Color color, Halo halo,
                                double priority) {
        return new TextSymbolizer(property, new Font(family, size, false, false), color, halo, 0.5, 0.5, 0, 0,
                priority);
    }

    /** A 200×100 px white map of (0,0)–(200,100). */
    static MapView view() {
        return MapView.of(new Envelope(0, 200, 0, 100), TestLayers.SRID, 200, 100, false);
    }

    private BufferedImage labelled(String text, TextSymbolizer ts) {
        RecordingSource src = source(feature("1", "POINT (100 50)", text, 1));
        return renderer.render(view(), List.of(layer(src, style(rule(ts)))), RenderLimits.DEFAULT);
    }

    /** The bounding box of the pixels that are not white. */
    static Rectangle ink(BufferedImage img) {
        Rectangle r = null;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    r = r == null ? new Rectangle(x, y, 1, 1) : r.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return r;
    }

    /** The ink pattern (dark or not) inside a rectangle, as a string of 0 and 1. */
    static String pattern(BufferedImage img, Rectangle r) {
        StringBuilder sb = new StringBuilder();
        for (int y = r.y; y < r.y + r.height; y++) {
            for (int x = r.x; x < r.x + r.width; x++) {
                sb.append((img.getRGB(x, y) & 0xFF) < 128 ? '1' : '0');
            }
        }
        return sb.toString();
    }

    @Test
    void chineseLabelsRenderAsGlyphsNotBoxes() {
        // the chosen font can display the text, whatever family was asked for
        for (String family : new String[] {null, "SimSun", "Microsoft YaHei", "Arial", "宋体", "NoSuchFont"}) {
            java.awt.Font f = LabelFonts.shared().font(new Font(family, 16, false, false), "耕地示范县王家村");
            assertThat(f.canDisplayUpTo("耕地示范县王家村")).as(family + " → " + f.getFamily()).isEqualTo(-1);
        }
        // and the drawn labels are real glyphs: different characters give different ink (boxes would not)
        TextSymbolizer ts = label("NAME", null, 20, Color.BLACK, null, 0);
        BufferedImage a = labelled("耕地", ts);
        BufferedImage b = labelled("村庄", ts);
        Rectangle ra = ink(a);
        Rectangle rb = ink(b);
        assertThat(ra).isNotNull();
        assertThat(rb).isNotNull();
        assertThat(ra.width).isBetween(30, 48);              // two ideographs of 20 px
        assertThat(ra.height).isBetween(12, 24);
        int dark = count(a, c -> (c & 0xFF) < 100);
        assertThat(dark).isGreaterThan(40);
        Rectangle both = ra.union(rb);
        assertThat(pattern(a, both)).isNotEqualTo(pattern(b, both));
        // a string of tofu boxes would have the same ink pattern for any two characters
        String tofuA = pattern(labelled("\uE000\uE001", ts), both);
        assertThat(pattern(a, both)).isNotEqualTo(tofuA);
    }

    @Test
    void mixedChineseAndLatinLabelsRender() {
        BufferedImage img = labelled("YJ-0017 红线", label("NAME", "DejaVu Sans", 14, Color.BLACK, null, 0));
        assertThat(ink(img).width).isGreaterThan(60);
        assertThat(LabelFonts.shared().font(new Font("DejaVu Sans", 14, false, false), "YJ-0017 红线")
                .canDisplayUpTo("YJ-0017 红线")).isEqualTo(-1);
    }

    @Test
    void haloPixelsSurroundTheText() {
        Color halo = new Color(255, 255, 0);
        BufferedImage img = labelled("耕地保护", label("NAME", null, 20, Color.BLACK, new Halo(2, halo), 0));
        int yellow = count(img, c -> near(c, halo, 10));
        int black = count(img, c -> near(c, Color.BLACK, 60));
        assertThat(yellow).isGreaterThan(50);
        assertThat(black).isGreaterThan(40);
        // the halo reaches beyond the text's own ink
        BufferedImage plain = labelled("耕地保护", label("NAME", null, 20, Color.BLACK, null, 0));
        Rectangle withHalo = ink(img);
        Rectangle without = ink(plain);
        assertThat(withHalo.width).isGreaterThanOrEqualTo(without.width + 3);
        assertThat(withHalo.contains(without)).isTrue();
    }

    @Test
    void ofTwoOverlappingLabelsOnlyTheHigherPriorityOneIsDrawn() {
        RecordingSource src = source(feature("1", "POINT (100 50)", "红线图斑一", 1),
                feature("2", "POINT (104 52)", "红线图斑二", 2));
        Style s = style(
                new Rule("low", null, org.gengdi.core.filter.Filter.eq("CODE", 1), false, 0, Double.POSITIVE_INFINITY,
                        List.of(label("NAME", null, 16, RED, null, 1))),
                new Rule("high", null, org.gengdi.core.filter.Filter.eq("CODE", 2), false, 0,
                        Double.POSITIVE_INFINITY, List.of(label("NAME", null, 16, BLUE, null, 5))));
        BufferedImage img = renderer.render(view(), List.of(layer(src, s)), RenderLimits.DEFAULT);
        assertThat(count(img, c -> near(c, BLUE, 60))).isGreaterThan(30);
        assertThat(count(img, c -> near(c, RED, 60))).isZero();

        // far enough apart, both are drawn
        RecordingSource apart = source(feature("1", "POINT (50 50)", "红线图斑一", 1),
                feature("2", "POINT (150 50)", "红线图斑二", 2));
        img = renderer.render(view(), List.of(layer(apart, s)), RenderLimits.DEFAULT);
        assertThat(count(img, c -> near(c, BLUE, 60))).isGreaterThan(30);
        assertThat(count(img, c -> near(c, RED, 60))).isGreaterThan(30);
    }

    @Test
    void labelsOfAllLayersArePlacedAfterTheGeometryAndOnTop() {
        RecordingSource labels = source(feature("1", "POINT (100 50)", "耕地", 1));
        RecordingSource cover = source(feature("1", "POLYGON ((0 0, 200 0, 200 100, 0 100, 0 0))", "cover", 1));
        BufferedImage img = renderer.render(view(), List.of(
                layer(labels, style(rule(label("NAME", null, 20, RED, null, 0)))),
                layer(cover, style(rule(TestLayers.fill(BLUE))))), RenderLimits.DEFAULT);
        assertThat(count(img, c -> near(c, RED, 60))).isGreaterThan(30);
    }

    @Test
    void polygonsAreLabelledInsideTheViewAndLabelsAreNotCut() {
        // a polygon mostly outside the view: its label goes at an interior point of the visible part
        RecordingSource src = source(feature("1", "POLYGON ((150 -500, 1000 -500, 1000 500, 150 500, 150 -500))",
                "东", 1), feature("2", "POINT (199 50)", "边缘标注", 2));
        BufferedImage img = renderer.render(view(), List.of(layer(src, style(rule(
                label("NAME", null, 16, Color.BLACK, null, 0))))), RenderLimits.DEFAULT);
        Rectangle r = ink(img);
        assertThat(r).isNotNull();
        assertThat(r.x).isGreaterThanOrEqualTo(150);
        // the point label at the east edge would be cut: it is left out, so only one glyph's width of ink
        assertThat(r.width).isLessThan(24);
    }

    @Test
    void smallPolygonsGetNoLabelAndPersonalFieldsAreNeverLabelled() {
        RecordingSource src = source(feature("1", "POLYGON ((10 10, 13 10, 13 13, 10 13, 10 10))", "很长的名字不适合小图斑", 1),
                feature("2", "POLYGON ((50 10, 190 10, 190 90, 50 90, 50 10))", "大", 2));
        BufferedImage img = renderer.render(view(), List.of(layer(src, style(rule(
                label("OWNER", null, 16, Color.BLACK, null, 0))))), RenderLimits.DEFAULT);
        assertThat(ink(img)).isNull();
        img = renderer.render(view(), List.of(layer(src, style(rule(
                label("NAME", null, 16, Color.BLACK, null, 0))))), RenderLimits.DEFAULT);
        Rectangle r = ink(img);
        assertThat(r.x).isGreaterThan(50);
    }

    @Test
    void anchorAndDisplacementMoveTheLabel() {
        RecordingSource src = source(feature("1", "POINT (100 50)", "耕地", 1));
        // anchor (0, 0.5): the label starts at the point; displaced 10 px right and 20 px up
        TextSymbolizer ts = new TextSymbolizer("NAME", new Font(null, 16, false, false), Color.BLACK, null, 0, 0.5,
                10, 20, 0);
        BufferedImage img = renderer.render(view(), List.of(layer(src, style(rule(ts)))), RenderLimits.DEFAULT);
        Rectangle r = ink(img);
        assertThat(r.x).isBetween(109, 114);
        assertThat(r.y + r.height / 2.0).isBetween(24.0, 36.0);   // 50 - 20 px, in image rows
    }

    @Test
    void labelTextIsOneLineWithoutTrailingZeros() {
        assertThat(Labels.text(12.50)).isEqualTo("12.5");
        assertThat(Labels.text(3.0)).isEqualTo("3");
        assertThat(Labels.text(17)).isEqualTo("17");
        assertThat(Labels.text("a\nb\tc")).isEqualTo("a b c");
        assertThat(Labels.text("  ")).isNull();
        assertThat(Labels.text("长".repeat(500))).hasSize(Labels.MAX_TEXT);
    }
}
