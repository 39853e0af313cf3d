package org.gengdi.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The generated names of tables and columns named in other scripts (rules in {@link ForeignNames}). */
class ForeignNamesTest {

    static String crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", c.getValue());
    }

    @Test
    void columnsFollowTheImportersRule() {
        List<String> attrs = List.of("地类编码", "村名", "面积(m2)", "AREA-M2", "2023 area", "name", " ", "坐落单位名称");
        List<String> table = new java.util.ArrayList<>(List.of("fid", "geom"));
        table.addAll(attrs);
        assertThat(ForeignNames.attributeNames(attrs, table, "geom")).containsExactly("DLBM", "F2", "F3", "AREA_M2",
                "F_2023_area", "name", "F7", "ZLDWMC");
    }

    @Test
    void generatedColumnNamesNeverTakeAnExistingName() {
        // F2, DLBM and geom exist as columns (and keep their names); fid and geom are reserved as in the importer.
        List<String> attrs = List.of("dlbm", "村名", "F2", "地类编码", "FID ", "GEOM ");
        List<String> table = List.of("ogc_fid", "shape", "dlbm", "村名", "F2", "地类编码", "FID ", "GEOM ");
        assertThat(ForeignNames.attributeNames(attrs, table, "shape")).containsExactly("dlbm", "F2_2", "F2",
                "DLBM_2", "FID_2", "GEOM_2");
    }

    @Test
    void geometryColumnWithAnotherNameIsPublishedAsGeom() {
        assertThat(ForeignNames.geometryName("几何", List.of("fid", "几何", "name"))).isEqualTo("geom");
        assertThat(ForeignNames.geometryName("几何", List.of("fid", "几何", "GEOM"))).isEqualTo("geom_2");
        assertThat(ForeignNames.geometryName("shape", List.of("fid", "shape"))).isEqualTo("shape");
    }

    @Test
    void tablesGetAStableNameFromTheirOwn() {
        Map<String, String> names = ForeignNames.layerNames(List.of("dltb", "永久基本农田", "DLTB-2023", "2023年耕地"),
                List.of("dltb", "永久基本农田", "DLTB-2023", "2023年耕地", "gpkg_contents"));
        assertThat(names).containsExactly(Map.entry("dltb", "dltb"),
                Map.entry("2023年耕地", "L_2023_" + crc("2023年耕地")),
                Map.entry("DLTB-2023", "DLTB_2023_" + crc("DLTB-2023")),
                Map.entry("永久基本农田", "L_" + crc("永久基本农田")));
        // Adding another table changes no name.
        Map<String, String> more = ForeignNames.layerNames(List.of("基本农田", "dltb", "永久基本农田"),
                List.of("基本农田", "dltb", "永久基本农田"));
        assertThat(more.get("永久基本农田")).isEqualTo(names.get("永久基本农田"));
        // A table that already has the generated name keeps it; the generated one is suffixed.
        String taken = "L_" + crc("永久基本农田");
        assertThat(ForeignNames.layerNames(List.of("永久基本农田", taken), List.of("永久基本农田", taken.toLowerCase())))
                .containsEntry("永久基本农田", taken + "_2").containsEntry(taken, taken);
    }
}
