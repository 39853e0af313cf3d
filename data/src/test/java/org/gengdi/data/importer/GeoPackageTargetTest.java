package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All-or-nothing against a real GeoPackage file: after each failed import every row of every table, and the
 * file's bytes, are what they were before.
 */
class GeoPackageTargetTest {
    @TempDir
    Path dir;
    Path gpkg;

    @BeforeEach
    void loadAGoodLayer() {
        gpkg = dir.resolve("t.gpkg");
        Path good = TestShapefile.polygons().charset(DbfEncoding.GBK).fields("BSM:C:18", "DLBM:C:5", "ZLDWMC:C:60")
                .add(ShapefileImportTest.SQUARE_1, "1", "0101", "王家村")
                .add(ShapefileImportTest.SQUARE_2, "2", "0103", "李家庄村").write(dir, "good");
        try (FeatureStore store = GeoPackageStore.open(gpkg)) {
            ImportReport r = new LayerImporter(store).run(ImportRequest.of(good).withKind(LayerKind.CULTIVATED_LAND));
            assertThat(r.featuresWritten()).isEqualTo(2);
            assertThat(ImportTestSupport.features(store, "DLTB")).extracting(f -> f.get("ZLDWMC"))
                    .containsExactly("王家村", "李家庄村");
        }
    }

    /** Every table's rows, in rowid order, hashed. */
    private String rowsChecksum() throws SQLException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master ORDER BY type, name")) {
                while (rs.next()) {
                    md.update((rs.getString(1) + "\u0000" + rs.getString(2) + "\n").getBytes(StandardCharsets.UTF_8));
                    tables.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' "
                    + "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")) {
                tables.clear();
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (Statement s2 = c.createStatement(); ResultSet rs = s2.executeQuery("SELECT * FROM \""
                        + t.replace("\"", "\"\"") + "\"")) {
                    int n = rs.getMetaData().getColumnCount();
                    List<String> rows = new ArrayList<>();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(t);
                        for (int i = 1; i <= n; i++) {
                            Object v = rs.getObject(i);
                            row.append('|').append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v);
                        }
                        rows.add(row.toString());
                    }
                    rows.sort(null);
                    rows.forEach(r -> md.update((r + "\n").getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private String fileChecksum() throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(gpkg)));
    }

    private void assertFailsAndLeavesTheFileUnchanged(ImportRequest request, String messageStart) throws Exception {
        String rows = rowsChecksum();
        String bytes = fileChecksum();
        try (FeatureStore store = GeoPackageStore.open(gpkg)) {
            String snapshot = StoreSnapshot.of(store);
            assertThatThrownBy(() -> new LayerImporter(store).run(request)).isInstanceOf(ImportException.class)
                    .hasMessageStartingWith(messageStart);
            assertThat(StoreSnapshot.of(store)).isEqualTo(snapshot);
        }
        assertThat(rowsChecksum()).isEqualTo(rows);
        assertThat(fileChecksum()).isEqualTo(bytes);
    }

    @Test
    void anInvalidGeometryLeavesTheGeoPackageUnchanged() throws Exception {
        Path bowTie = TestShapefile.polygons().fields("BSM:C:18", "DLBM:C:5")
                .add(ShapefileImportTest.SQUARE_1, "3", "0101").add(ShapefileImportTest.BOW_TIE, "4", "0101")
                .write(dir, "bowtie");
        assertFailsAndLeavesTheFileUnchanged(ImportRequest.of(bowTie).withKind(LayerKind.CULTIVATED_LAND)
                .withReplace(true), "file bowtie.shp, feature 2 (FID 1): invalid geometry: Self-intersection");
    }

    @Test
    void aTruncatedShapefileLeavesTheGeoPackageUnchanged() throws Exception {
        Path cut = TestShapefile.polygons().fields("BSM:C:18", "DLBM:C:5")
                .add(ShapefileImportTest.SQUARE_1, "5", "0101").add(ShapefileImportTest.SQUARE_2, "6", "0101")
                .write(dir, "cut");
        try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
            f.setLength(f.length() - 10);
        }
        assertFailsAndLeavesTheFileUnchanged(ImportRequest.of(cut).withKind(LayerKind.CULTIVATED_LAND)
                .withReplace(true), "file cut.shp, feature 2 (FID 1): the .shp file is truncated");
    }

    @Test
    void aMappingNamingAMissingFieldLeavesTheGeoPackageUnchanged() throws Exception {
        Path shp = TestShapefile.polygons().fields("BSM:C:18", "DLBM:C:5").add(ShapefileImportTest.SQUARE_1, "7", "0101")
                .write(dir, "m");
        assertFailsAndLeavesTheFileUnchanged(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND).withReplace(true)
                .withMapping(FieldMapping.of("--map", Map.of("TKXS", "KCXS"))),
                "--map: source field TKXS does not exist in m.shp");
    }

    @Test
    void aBadValueLateInTheFileLeavesTheGeoPackageUnchanged() throws Exception {
        TestShapefile many = TestShapefile.polygons().fields("BSM:C:18", "DLBM:C:5", "GDDB:C:8");
        for (int i = 0; i < 500; i++) {
            many.add(ShapefileImportTest.SQUARE_1, Integer.toString(i), "0101", i == 499 ? "五等" : "5");
        }
        Path shp = many.write(dir, "late");
        assertFailsAndLeavesTheFileUnchanged(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND).withReplace(true),
                "file late.shp, feature 500 (FID 499), field GDDB: value '五等' is not a valid integer");
    }

    @Test
    void aNewLayerThatFailsLeavesNoTable() throws Exception {
        Path bowTie = TestShapefile.polygons().fields("BSM:C:18").add(ShapefileImportTest.BOW_TIE, "1")
                .write(dir, "newbt");
        assertFailsAndLeavesTheFileUnchanged(ImportRequest.of(bowTie), "file newbt.shp, feature 1 (FID 0)");
        try (FeatureStore store = GeoPackageStore.open(gpkg)) {
            assertThat(store.layerNames()).containsExactly("DLTB");
        }
    }

    @Test
    void aSuccessfulReplaceIsVisibleAfterReopening() {
        Path shp = TestShapefile.polygons().charset(DbfEncoding.GBK).fields("BSM:C:18", "DLBM:C:5", "ZLDWMC:C:60")
                .add(ShapefileImportTest.SQUARE_2, "9", "0102", "碾子沟村").write(dir, "new");
        try (FeatureStore store = GeoPackageStore.open(gpkg)) {
            new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND).withReplace(true)
                    .withRepair(true));
        }
        try (FeatureStore store = GeoPackageStore.open(gpkg)) {
            assertThat(ImportTestSupport.features(store, "DLTB")).extracting(f -> f.get("ZLDWMC"))
                    .containsExactly("碾子沟村");
        }
    }
}
