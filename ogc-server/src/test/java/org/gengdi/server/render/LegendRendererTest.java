package org.gengdi.server.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengdi.server.render.TestLayers.near;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.Hatch;
import org.gengdi.server.render.Symbolizer.LineSymbolizer;
import org.gengdi.server.render.Symbolizer.Mark;
import org.gengdi.server.render.Symbolizer.PointSymbolizer;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.gengdi.server.render.Symbolizer.Stroke;
import org.junit.jupiter.api.Test;

class LegendRendererTest {
    static final Color RED = new Color(255, 0, 0);
    static final Color GREEN = new Color(0, 160, 0);
    static final Color BLUE = new Color(0, 0, 255);

    static Rule rule(String title, Symbolizer... s) {
        return new Rule(title, title, null, false, 0, Double.POSITIVE_INFINITY, List.of(s));
    }

    static final Style STYLE = new Style("farmland", "耕地保护", List.of(
            rule("永久基本农田", new PolygonSymbolizer(Fill.solid(new Color(255, 200, 200)), Stroke.solid(RED, 2))),
            rule("生态保护红线", new LineSymbolizer(Stroke.solid(GREEN, 3))),
            rule("水源地", new PointSymbolizer(Mark.CIRCLE, 12, Fill.solid(BLUE), null))));

    /** Rows of the image that have non-background ink in the swatch column. */
    static List<int[]> swatchRows(BufferedImage img, int x0, int x1) {
        List<int[]> rows = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= img.getHeight(); y++) {
            boolean ink = false;
            for (int x = x0; y < img.getHeight() && x < x1; x++) {
                ink |= (img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
            if (ink && start < 0) {
                start = y;
            } else if (!ink && start >= 0) {
                rows.add(new int[] {start, y});
                start = -1;
            }
        }
        return rows;
    }

    @Test
    void oneRowPerRuleWithItsSwatchAndTitle() {
        BufferedImage img = new LegendRenderer().render(STYLE, LegendOptions.DEFAULT);
        assertThat(img.getHeight()).isBetween(3 * 20, 3 * 20 + 3 * 8);
        assertThat(img.getWidth()).isGreaterThan(20 + 6 * 12);   // six CJK characters of 12 px
        List<int[]> rows = swatchRows(img, 2, 22);
        assertThat(rows).hasSize(3);
        // polygon swatch: filled inside, red outline
        int y0 = (rows.get(0)[0] + rows.get(0)[1]) / 2;
        assertThat(img.getRGB(12, y0) & 0xFFFFFF).isEqualTo(0xFFC8C8);
        assertThat(TestLayers.count(img, c -> near(c, RED, 30))).isGreaterThan(40);
        // line and point swatches in their colours
        assertThat(TestLayers.count(img, c -> near(c, GREEN, 30))).isGreaterThan(20);
        int y2 = (rows.get(2)[0] + rows.get(2)[1]) / 2;
        assertThat(img.getRGB(12, y2) & 0xFFFFFF).isEqualTo(0x0000FF);
        // each row has title ink right of the swatch
        for (int[] r : rows) {
            int ink = 0;
            for (int y = r[0]; y < r[1]; y++) {
                for (int x = 28; x < img.getWidth(); x++) {
                    ink += (img.getRGB(x, y) & 0xFF) < 128 ? 1 : 0;
                }
            }
            assertThat(ink).isGreaterThan(30);
        }
    }

    @Test
    void swatchSizeAndTransparencyAreConfigurable() {
        BufferedImage img = new LegendRenderer().render(STYLE, LegendOptions.DEFAULT.withSwatch(40, 30)
                .withTransparent(true));
        assertThat(img.getHeight()).isGreaterThanOrEqualTo(3 * 30);
        assertThat(img.getColorModel().hasAlpha()).isTrue();
        assertThat(img.getRGB(0, 0) >>> 24).isZero();
        assertThat(new LegendRenderer().render(STYLE, 16, 16).getHeight()).isLessThan(img.getHeight());
    }

    @Test
    void hatchedSwatchesShowTheHatch() {
        Style reserve = new Style("reserve", "储备区", List.of(rule("储备区",
                new PolygonSymbolizer(new Fill(null, Hatch.BACKSLASH, RED, 5, 1), Stroke.solid(RED, 1)))));
        BufferedImage img = new LegendRenderer().render(reserve, LegendOptions.DEFAULT);
        int red = 0;
        int white = 0;
        for (int x = 6; x < 18; x++) {
            int c = img.getRGB(x, img.getHeight() / 2);
            red += near(c, RED, 80) ? 1 : 0;
            white += near(c, Color.WHITE, 80) ? 1 : 0;
        }
        assertThat(red).isGreaterThan(1);
        assertThat(white).isGreaterThan(3);
    }

    @Test
    void hugeLegendsAreRefused() {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rules.add(rule("规则" + i, new PolygonSymbolizer(Fill.solid(RED), null)));
        }
        assertThatThrownBy(() -> new LegendRenderer().render(new Style("many", null, rules), LegendOptions.DEFAULT))
                .isInstanceOf(RenderLimitException.class);
        assertThatThrownBy(() -> LegendOptions.DEFAULT.withSwatch(100_000, 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyStyleGivesABlankSwatch() {
        BufferedImage img = new LegendRenderer().render(new Style("none", null, List.of()), LegendOptions.DEFAULT);
        assertThat(img.getWidth()).isEqualTo(20);
        assertThat(img.getHeight()).isEqualTo(20);
    }
}
