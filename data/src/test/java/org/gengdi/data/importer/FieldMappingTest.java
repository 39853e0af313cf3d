package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldMappingTest {
    @TempDir
    Path dir;

    private static List<SourceField> source(String... names) {
        return java.util.Arrays.stream(names).map(n -> new SourceField(n, AttributeType.STRING, 10)).toList();
    }

    @Test
    void propertiesFileWithChineseNamesAndComments() throws IOException {
        Path p = Files.writeString(dir.resolve("m.properties"), "\uFEFF# 映射\n地类代码 = DLBM\n! x\nTKXS: KCXS\nBZ2 =\n",
                StandardCharsets.UTF_8);
        FieldMapping m = FieldMapping.load(p);
        assertThat(m.entries()).containsExactly(java.util.Map.entry("地类代码", "DLBM"),
                java.util.Map.entry("TKXS", "KCXS"), java.util.Map.entry("BZ2", FieldMapping.DROP));
        assertThat(m.origin()).isEqualTo("mapping file m.properties");
    }

    @Test
    void jsonFileFlatOrUnderFields() throws IOException {
        Path flat = Files.writeString(dir.resolve("a.json"), "{\"TKXS\":\"KCXS\",\"X\":null}");
        Path nested = Files.writeString(dir.resolve("b.json"), "{\"fields\":{\"图斑号\":\"TBBH\"}}");
        assertThat(FieldMapping.load(flat).entries()).containsEntry("TKXS", "KCXS").containsEntry("X", "-");
        assertThat(FieldMapping.load(nested).entries()).containsEntry("图斑号", "TBBH");
    }

    @Test
    void badMappingFilesSayWhy() throws IOException {
        Path dup = Files.writeString(dir.resolve("d.properties"), "tkxs=KCXS\nTKXS=KCMJ\n");
        assertThatThrownBy(() -> FieldMapping.load(dup)).isInstanceOf(ImportException.class)
                .hasMessage("mapping file d.properties, line 2: source field TKXS is mapped twice");
        Path bad = Files.writeString(dir.resolve("b.properties"), "TKXS = 扣除系数\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FieldMapping.load(bad)).hasMessageStartingWith(
                "mapping file b.properties, line 1: target field '扣除系数' is not an ASCII field name");
        Path noSep = Files.writeString(dir.resolve("n.properties"), "TKXS KCXS\n");
        assertThatThrownBy(() -> FieldMapping.load(noSep)).hasMessage(
                "mapping file n.properties, line 1: expected 'source = TARGET', got 'TKXS KCXS'");
        Path json = Files.writeString(dir.resolve("j.json"), "[1]");
        assertThatThrownBy(() -> FieldMapping.load(json)).hasMessageContaining("expected a JSON object");
    }

    @Test
    void defaultRenamesShipWithTheErdiaoNames() {
        FieldMapping d = FieldMapping.defaultRenames();
        assertThat(d.entries()).containsEntry("TKXS", "KCXS").containsEntry("TKMJ", "KCMJ")
                .containsEntry("GDPDJ", "GDPDJB");
        for (String target : d.entries().values()) {
            assertThat(LayerCatalogue.type(LayerKind.CULTIVATED_LAND, 4490).indexOf(target)).as(target)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void matchingOrderExplicitThenNameThenTitleThenRenames() {
        var target = LayerCatalogue.type(LayerKind.CULTIVATED_LAND, 4527);
        FieldPlan plan = FieldPlan.toSchema(source("tkxs", "kcxs", "图斑面积", "地类编码", "dlbm", "CUN"), target,
                FieldMapping.of("m", java.util.Map.of("cun", "ZLDWMC")), FieldMapping.defaultRenames(),
                List.of("DLBM"), "f.shp");
        assertThat(plan.used).containsEntry("ZLDWMC", "CUN").containsEntry("KCXS", "kcxs")
                .containsEntry("TBMJ", "图斑面积").containsEntry("DLBM", "dlbm");
        assertThat(plan.unmapped).containsExactly("tkxs", "地类编码");
    }

    @Test
    void twoSourcesOntoOneTargetIsAnError() {
        var target = LayerCatalogue.type(LayerKind.CULTIVATED_LAND, 4527);
        assertThatThrownBy(() -> FieldPlan.toSchema(source("A", "B"), target,
                FieldMapping.of("m", new java.util.LinkedHashMap<>(java.util.Map.of("A", "DLBM", "B", "DLBM"))),
                null, List.of(), "f.shp"))
                .hasMessageStartingWith("m: two source fields are mapped to DLBM");
    }

    @Test
    void sourceSchemaNamesFollowTheDocumentedRule() {
        FieldPlan plan = FieldPlan.fromSource(source("DLBM", "坐落单位名称", "村名", "面积(m2)", "2023年", "AREA M2",
                "geom", "dlbm", "x-y", "DROPME"), "L", "l", GeometryKind.MULTIPOLYGON, 4527,
                FieldMapping.of("m", java.util.Map.of("dropme", "-", "x-y", "XY")), "f.shp");
        assertThat(plan.target.attributes()).extracting(a -> a.name() + "/" + a.title()).containsExactly(
                "DLBM/DLBM", "ZLDWMC/坐落单位名称", "F3/村名", "F4/面积(m2)", "F5/2023年", "AREA_M2/AREA M2",
                "geom_2/geom", "dlbm_2/dlbm", "XY/x-y");
        assertThat(plan.unmapped).containsExactly("DROPME");
    }
}
