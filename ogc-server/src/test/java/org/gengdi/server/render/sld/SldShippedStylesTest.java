package org.gengdi.server.render.sld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.server.render.sld.SldFixtures.ctx;
import static org.gengdi.server.render.sld.SldFixtures.feature;
import static org.gengdi.server.render.sld.SldFixtures.matches;
import static org.gengdi.server.render.sld.SldFixtures.rule;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.validation.Schema;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.CodeLists;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.server.encode.OgcSchemas;
import org.gengdi.server.render.Rule;
import org.gengdi.server.render.Style;
import org.gengdi.server.render.Symbolizer;
import org.gengdi.server.render.Symbolizer.Hatch;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.gengdi.server.render.Symbolizer.TextSymbolizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The default styles shipped in data/src/main/resources/styles: valid SLD 1.0.0, and the look a bureau expects. */
class SldShippedStylesTest {
    private static final Schema SLD_1_0 = OgcSchemas.compile(
            OgcSchemas.official("http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd"));

    static byte[] shipped(LayerKind kind) throws IOException {
        try (InputStream in = SldShippedStylesTest.class.getClassLoader()
                .getResourceAsStream("styles/" + kind.layerName() + ".sld")) {
            assertThat(in).as("styles/%s.sld on the class path", kind.layerName()).isNotNull();
            return in.readAllBytes();
        }
    }

    static Style style(LayerKind kind) throws IOException {
        return SldReader.readStyle(new java.io.ByteArrayInputStream(shipped(kind)), ctx(kind));
    }

    @ParameterizedTest
    @EnumSource(LayerKind.class)
    void everyLayerKindHasAShippedStyleThatValidatesAgainstTheSld100Schema(LayerKind kind) throws IOException {
        assertThat(OgcSchemas.validate(SLD_1_0, shipped(kind))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LayerKind.class)
    void everyShippedStyleReadsForItsLayerWithAChineseTitleOnEveryRule(LayerKind kind) throws IOException {
        List<LayerStyle> all = SldReader.read(new java.io.ByteArrayInputStream(shipped(kind)),
                SldFixtures.catalogue());
        assertThat(all).singleElement().satisfies(ls -> {
            assertThat(ls.layerName()).isEqualTo(kind.layerName());
            assertThat(ls.isDefault()).isTrue();
        });
        Style s = all.get(0).style();
        assertThat(s.title()).matches(t -> t.codePoints().anyMatch(SldShippedStylesTest::isHan), "Chinese");
        assertThat(s.rules()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.title()).as("title of rule %s", r.name()).isNotNull()
                    .matches(t -> t.codePoints().anyMatch(SldShippedStylesTest::isHan), "Chinese");
            assertThat(r.symbolizers()).isNotEmpty();
        });
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    @Test
    void redLineParcelsAreOutlinedInRedWithALightFill() throws IOException {
        Style s = style(LayerKind.RED_LINE);
        PolygonSymbolizer p = (PolygonSymbolizer) rule(s, "redline").symbolizers().get(0);
        assertThat(p.stroke().color()).isEqualTo(Color.RED);
        assertThat(p.stroke().width()).isEqualTo(1.5);
        assertThat(p.fill().hatch()).isNull();
        assertThat(p.fill().color().getAlpha()).isBetween(64, 160);
        assertThat(rule(s, "redline").appliesAt(1_000_000)).isTrue();
        // parcel numbers only at large scales
        Rule numbers = rule(s, "parcel_number");
        assertThat(numbers.appliesAt(2000)).isTrue();
        assertThat(numbers.appliesAt(5000)).isFalse();
        assertThat(((TextSymbolizer) numbers.symbolizers().get(0)).property()).isEqualTo("YJJBNTTBBH");
    }

    @Test
    void theReserveAreaIsHatchedWithSlashesAndOutlined() throws IOException {
        PolygonSymbolizer p = (PolygonSymbolizer) style(LayerKind.RESERVE).rules().get(0).symbolizers().get(0);
        assertThat(p.fill().hatch()).isEqualTo(Hatch.SLASH);
        assertThat(p.fill().color()).as("no solid background").isNull();
        assertThat(p.fill().hatchColor()).isEqualTo(new Color(0xC8782D));
        assertThat(p.fill().hatchSpacing()).isEqualTo(8);
        assertThat(p.fill().hatchWidth()).isEqualTo(1);
        assertThat(p.stroke()).isNotNull();
    }

    @Test
    void theEcologicalRedLineIsGreenAndTheUrbanBoundaryAPurpleDashedOutline() throws IOException {
        PolygonSymbolizer eco = (PolygonSymbolizer) style(LayerKind.ECOLOGICAL_RED_LINE).rules().get(0)
                .symbolizers().get(0);
        assertThat(isGreen(eco.fill().color())).isTrue();
        assertThat(isGreen(eco.stroke().color())).isTrue();
        PolygonSymbolizer urban = (PolygonSymbolizer) style(LayerKind.URBAN_BOUNDARY).rules().get(0)
                .symbolizers().get(0);
        assertThat(urban.fill()).isNull();
        assertThat(urban.stroke().dash()).containsExactly(10f, 4f);
        Color c = urban.stroke().color();
        assertThat(c.getRed() > c.getGreen() && c.getBlue() > c.getGreen()).as("purple %s", c).isTrue();
    }

    @Test
    void riversAndWaterSourcesAreBlueAndTheWaterSourceLevelsHaveTheirOwnRules() throws IOException {
        PolygonSymbolizer river = (PolygonSymbolizer) style(LayerKind.RIVER_LAKE_RANGE).rules().get(0)
                .symbolizers().get(0);
        assertThat(isBlue(river.fill().color())).isTrue();
        Style water = style(LayerKind.WATER_SOURCE_AREA);
        Feature first = feature(LayerKind.WATER_SOURCE_AREA, Map.of("BHQJB", "一级"));
        Feature second = feature(LayerKind.WATER_SOURCE_AREA, Map.of("BHQJB", "二级"));
        assertThat(matches(rule(water, "level1"), first)).isTrue();
        assertThat(matches(rule(water, "level1"), second)).isFalse();
        assertThat(matches(rule(water, "level2"), second)).isTrue();
        assertThat(rule(water, "other").elseFilter()).isTrue();
        for (Rule r : water.rules()) {
            assertThat(isBlue(((PolygonSymbolizer) r.symbolizers().get(0)).fill().color())).isTrue();
        }
    }

    @Test
    void administrativeBoundariesAreDashedByLevelAndLabelledInACjkFontAtSuitableScales() throws IOException {
        record Level(LayerKind kind, String property, double maxScale) {
        }
        List<float[]> dashes = new ArrayList<>();
        List<Double> widths = new ArrayList<>();
        for (Level l : List.of(new Level(LayerKind.COUNTY, "XZQMC", 1_000_000),
                new Level(LayerKind.TOWNSHIP, "XZQMC", 250_000), new Level(LayerKind.VILLAGE, "ZLDWMC", 50_000))) {
            Style s = style(l.kind());
            PolygonSymbolizer b = (PolygonSymbolizer) rule(s, "boundary").symbolizers().get(0);
            assertThat(b.fill()).isNull();
            assertThat(b.stroke().dash()).isNotNull();
            dashes.add(b.stroke().dash());
            widths.add(b.stroke().width());
            Rule name = rule(s, "name");
            assertThat(name.maxScale()).isEqualTo(l.maxScale());
            TextSymbolizer t = (TextSymbolizer) name.symbolizers().get(0);
            assertThat(t.property()).isEqualTo(l.property());
            assertThat(t.font().family()).isEqualTo("Noto Sans CJK SC");
            assertThat(t.halo()).isNotNull();
            assertThat(t.halo().color()).isEqualTo(Color.WHITE);
            assertThat(t.anchorX()).isEqualTo(0.5);
            assertThat(t.anchorY()).isEqualTo(0.5);
        }
        assertThat(dashes.get(0)).isNotEqualTo(dashes.get(1));
        assertThat(dashes.get(1)).isNotEqualTo(dashes.get(2));
        assertThat(widths).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void landUseParcelsHaveOneRulePerFirstLevelClassThatMatchesThatClassOnly() throws IOException {
        Style s = style(LayerKind.CULTIVATED_LAND);
        List<String> classes = List.of("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12");
        for (String c : classes) {
            Rule r = rule(s, "class_" + c);
            assertThat(r.title()).startsWith(c + " ");
            PolygonSymbolizer p = (PolygonSymbolizer) r.symbolizers().get(0);
            assertThat(p.fill().color().getAlpha()).isEqualTo(255);
            Color grey = p.stroke().color();
            assertThat(grey.getRed()).isEqualTo(grey.getGreen()).isEqualTo(grey.getBlue());
            assertThat(p.stroke().width()).isLessThanOrEqualTo(0.5);
        }
        // every code of the 三调 working classification, with and without a K suffix, falls in exactly its class
        List<String> codes = new ArrayList<>(CodeLists.DLBM.codes().keySet());
        Stream.of("0201K", "0301K", "0403K", "1104K", "1104A", "0810A").forEach(codes::add);
        for (String code : codes) {
            Feature f = feature(LayerKind.CULTIVATED_LAND, Map.of("DLBM", code));
            List<String> matched = s.rules().stream().filter(r -> matches(r, f)).map(Rule::name).toList();
            assertThat(matched).as("rules matching DLBM %s", code)
                    .containsExactly("class_" + LandClass.firstLevel(code));
        }
        Feature none = feature(LayerKind.CULTIVATED_LAND, Map.of());
        assertThat(s.rules().stream().filter(r -> matches(r, none))).isEmpty();
        assertThat(rule(s, "class_other").elseFilter()).isTrue();
        // cultivated land is yellowish, forest green, water blue
        Color cultivated = ((PolygonSymbolizer) rule(s, "class_01").symbolizers().get(0)).fill().color();
        assertThat(cultivated.getRed()).isGreaterThan(200);
        assertThat(cultivated.getGreen()).isGreaterThan(200);
        assertThat(cultivated.getBlue()).isLessThan(cultivated.getGreen() - 40);
        assertThat(isGreen(((PolygonSymbolizer) rule(s, "class_03").symbolizers().get(0)).fill().color())).isTrue();
        assertThat(isBlue(((PolygonSymbolizer) rule(s, "class_11").symbolizers().get(0)).fill().color())).isTrue();
    }

    @Test
    void highStandardFarmlandIsFilledAndOutlined() throws IOException {
        PolygonSymbolizer p = (PolygonSymbolizer) style(LayerKind.HIGH_STANDARD_FARMLAND).rules().get(0)
                .symbolizers().get(0);
        assertThat(p.fill().color()).isNotNull();
        assertThat(p.stroke()).isNotNull();
    }

    @Test
    void shippedStylesOnlyUseSymbolizersTheRendererDraws() throws IOException {
        for (LayerKind k : LayerKind.values()) {
            for (Rule r : style(k).rules()) {
                for (Symbolizer sym : r.symbolizers()) {
                    assertThat(sym).isInstanceOfAny(PolygonSymbolizer.class, TextSymbolizer.class);
                }
            }
        }
    }

    private static boolean isGreen(Color c) {
        return c.getGreen() > c.getRed() && c.getGreen() > c.getBlue();
    }

    private static boolean isBlue(Color c) {
        return c.getBlue() > c.getRed() && c.getBlue() >= c.getGreen();
    }
}
