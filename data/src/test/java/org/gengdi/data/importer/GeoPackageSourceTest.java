package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.data.importer.ImportTestSupport.failsUnchanged;
import static org.gengdi.data.importer.ImportTestSupport.features;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.junit.jupiter.api.Test;

/**
 * GeoPackages as counties get them from GDAL or QGIS, with a table and columns named in Chinese: the source file is
 * never changed, whatever its journal mode, and no column is lost on the way.
 */
class GeoPackageSourceTest extends ImportTargetTest {
    private static final String TABLE = "永久基本农田";

    @Override
    boolean needsGdal() {
        return true;
    }

    /** 永久基本农田 with columns 地类编码, 村名, 面积 in CGCS2000, written by ogr2ogr (rollback-journal mode). */
    private Path countyFile(String name) throws Exception {
        Path geojson = dir.resolve(name + ".geojson");
        Files.writeString(geojson, """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"地类编码": "0101", "村名": "王家村", "面积": 1234.5},
                  "geometry": {"type": "Polygon", "coordinates": [[[117.20, 36.50], [117.21, 36.50], [117.21, 36.51], [117.20, 36.50]]]}},
                 {"type": "Feature", "properties": {"地类编码": "0103", "村名": "李家庄村", "面积": 99.25},
                  "geometry": {"type": "Polygon", "coordinates": [[[117.30, 36.60], [117.31, 36.60], [117.31, 36.61], [117.30, 36.60]]]}},
                 {"type": "Feature", "properties": {"地类编码": "0102", "村名": "𡌶家村", "面积": 500.0},
                  "geometry": {"type": "Polygon", "coordinates": [[[117.40, 36.70], [117.41, 36.70], [117.41, 36.71], [117.40, 36.70]]]}}
                ]}
                """, StandardCharsets.UTF_8);
        Path gpkg = dir.resolve(name + ".gpkg");
        Ogr.ogr2ogr("-f", "GPKG", "-a_srs", "EPSG:4490", "-nln", TABLE, gpkg.toString(), geojson.toString());
        return gpkg;
    }

    /** The file's bytes and whether -wal, -shm and -journal files exist beside it. */
    private record Snapshot(byte[] bytes, List<Boolean> companions) {
        static Snapshot of(Path file) throws Exception {
            return new Snapshot(Files.readAllBytes(file), List.of("-wal", "-shm", "-journal").stream()
                    .map(s -> Files.exists(file.resolveSibling(file.getFileName() + s))).toList());
        }

        void assertUnchanged(Path file) throws Exception {
            Snapshot now = of(file);
            assertThat(now.bytes).as("bytes of " + file.getFileName()).isEqualTo(bytes);
            assertThat(now.companions).as("-wal, -shm, -journal beside " + file.getFileName()).isEqualTo(companions);
        }
    }

    private static String journalMode(Path file, String set) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode" + (set == null ? "" : " = " + set))) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", c.getValue());
    }

    @Test
    void importingLeavesAGdalFileExactlyAsItWas() throws Exception {
        Path gpkg = countyFile("county");
        assertThat(journalMode(gpkg, null)).isEqualTo("delete");
        Snapshot before = Snapshot.of(gpkg);
        assertThat(before.companions()).containsOnly(false);

        new LayerImporter(store).run(ImportRequest.of(gpkg).withKind(LayerKind.RED_LINE));
        // A failing import (the layer exists) opens the file too.
        failsUnchanged(store, ImportRequest.of(gpkg).withKind(LayerKind.RED_LINE));

        before.assertUnchanged(gpkg);
        assertThat(journalMode(gpkg, null)).isEqualTo("delete");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 'gengdi%'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("gengdi tables in the source").isZero();
        }
    }

    @Test
    void importingLeavesAFileInWalModeExactlyAsItWas() throws Exception {
        Path gpkg = countyFile("wal");
        assertThat(journalMode(gpkg, "WAL")).isEqualTo("wal");
        Snapshot before = Snapshot.of(gpkg);
        assertThat(before.companions()).containsOnly(false);
        assertThat(before.bytes()[18]).as("WAL mode in the header").isEqualTo((byte) 2);

        ImportReport report = new LayerImporter(store).run(ImportRequest.of(gpkg).withKind(LayerKind.RED_LINE));

        assertThat(report.featuresWritten()).isEqualTo(3);
        before.assertUnchanged(gpkg);
    }

    @Test
    void chineseColumnsFillNationalFieldsByTheirTitlesAndKeepTheirValues() throws Exception {
        Path gpkg = countyFile("jbnt");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(gpkg).withKind(LayerKind.RED_LINE)
                .withMapping(FieldMapping.of("--map", Map.of("村名", "ZLDWMC"))));

        List<Feature> got = features(store, "YJJBNTBHTB");
        assertThat(got).extracting(f -> f.get("DLBM")).containsExactly("0101", "0103", "0102");
        assertThat(got).extracting(f -> f.get("ZLDWMC")).containsExactly("王家村", "李家庄村", "𡌶家村");
        assertThat(report.fields()).containsEntry("DLBM", "地类编码").containsEntry("ZLDWMC", "村名");
        assertThat(report.unmappedSourceFields()).containsExactly("面积");
        assertThat(report.summary()).contains("  source fields not imported: 面积\n");
    }

    @Test
    void chineseColumnsWithoutANationalFieldAreListedAsNotImported() throws Exception {
        Path gpkg = countyFile("dltb");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(gpkg)
                .withKind(LayerKind.CULTIVATED_LAND));
        assertThat(features(store, "DLTB")).extracting(f -> f.get("DLBM")).containsExactly("0101", "0103", "0102");
        assertThat(report.unmappedSourceFields()).containsExactly("村名", "面积");
        assertThat(report.summary()).contains("source fields not imported: 村名, 面积");
    }

    @Test
    void theSourcesOwnSchemaKeepsEveryColumnUnderTheNamesTheStorePublishes() throws Exception {
        Path gpkg = countyFile("own");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(gpkg).toLayer("JBNT"));

        assertThat(store.require("JBNT").schema().attributes()).extracting(a -> a.name() + "/" + a.title())
                .containsExactly("DLBM/地类编码", "F2/村名", "MJ/面积");
        List<Feature> got = features(store, "JBNT");
        assertThat(got).extracting(f -> f.get("F2")).containsExactly("王家村", "李家庄村", "𡌶家村");
        assertThat(got).extracting(f -> f.get("MJ")).containsExactly(1234.5, 99.25, 500.0);
        assertThat(report.unmappedSourceFields()).isEmpty();
        assertThat(report.summary()).doesNotContain("not imported");
        // The GeoPackage store reading the source directly publishes the same names (FieldNames' rule).
        try (GeoPackageStore source = GeoPackageStore.openReadOnly(gpkg)) {
            assertThat(source.require(TABLE).schema().attributes()).extracting(AttributeDef::name)
                    .containsExactly("DLBM", "F2", "MJ");
        }
    }

    @Test
    void aChineseLayerIsChosenByItsTableOrItsPublishedName() throws Exception {
        Path gpkg = countyFile("two");
        Ogr.ogr2ogr("-f", "GPKG", "-update", "-a_srs", "EPSG:4490", "-nln", "plain", gpkg.toString(),
                dir.resolve("two.geojson").toString());
        Snapshot before = Snapshot.of(gpkg);
        failsUnchanged(store, ImportRequest.of(gpkg)).hasMessage("file two.gpkg holds layers " + TABLE
                + ", plain; choose one with --source-layer");
        failsUnchanged(store, ImportRequest.of(gpkg).fromLayer("耕地")).hasMessage("file two.gpkg has no layer 耕地"
                + " (its layers: " + TABLE + ", plain)");
        ImportReport byTable = new LayerImporter(store).run(ImportRequest.of(gpkg).fromLayer(TABLE)
                .withKind(LayerKind.RED_LINE));
        assertThat(byTable.featuresWritten()).isEqualTo(3);
        assertThat(byTable.crsDecision()).isEqualTo("from the GeoPackage layer " + TABLE);
        ImportReport byName = new LayerImporter(store).run(ImportRequest.of(gpkg).fromLayer("L_" + crc(TABLE))
                .toLayer("B2"));
        assertThat(byName.featuresWritten()).isEqualTo(3);
        assertThat(features(store, "B2").get(0).get("F2")).isEqualTo("王家村");
        before.assertUnchanged(gpkg);
    }

    @Test
    void binaryColumnsAreNamedInTheNotes() throws Exception {
        Path gpkg = countyFile("blob");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE \"" + TABLE + "\" ADD COLUMN \"照片\" BLOB");
        }
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(gpkg).withKind(LayerKind.RED_LINE));
        assertThat(report.notes()).contains("file blob.gpkg, layer " + TABLE + ": column 照片 holds binary data"
                + " (BLOB), which cannot be imported; it was left out");
        assertThat(report.summary()).contains("note: file blob.gpkg, layer " + TABLE + ": column 照片");
    }

    @Test
    void fieldsTheMappingDropsAreListedAsNotImported() throws Exception {
        Path gpkg = countyFile("drop");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(gpkg).withKind(LayerKind.RED_LINE)
                .withMapping(FieldMapping.of("--map", Map.of("村名", FieldMapping.DROP))));
        assertThat(report.unmappedSourceFields()).containsExactly("村名", "面积");
    }
}
