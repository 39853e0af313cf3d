package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.data.importer.ImportTestSupport.failsUnchanged;
import static org.gengdi.data.importer.ImportTestSupport.features;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.store.postgis.PostGisConfig;
import org.gengdi.store.postgis.PostGisStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports into a live PostGIS (system property {@code gengdi.test.pg.url}; skipped without it): a failed import
 * leaves the table exactly as it was, checked through the store and with SQL.
 */
class PostGisImportLiveTest {
    private static final String PROPERTY = "gengdi.test.pg.url";

    @TempDir
    Path dir;
    String url;
    String schema;
    PostGisStore store;

    @BeforeEach
    void open() {
        url = System.getProperty(PROPERTY, "");
        assumeTrue(!url.isBlank(), PROPERTY + " is not set: PostGIS import tests skipped");
        schema = "import_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        store = PostGisStore.open(PostGisConfig.of(url).withSchema(schema).withPoolSize(4));
    }

    @AfterEach
    void close() throws Exception {
        if (store != null) {
            store.close();
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            }
        }
    }

    private String tableChecksum() throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                     + "FROM \"" + schema + "\".\"DLTB\" t")) {
            rs.next();
            return rs.getLong(1) + ":" + rs.getString(2);
        } catch (java.sql.SQLException e) {
            // the table name may be stored in lower case
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY "
                         + "t::text), '')) FROM \"" + schema + "\".dltb t")) {
                rs.next();
                return rs.getLong(1) + ":" + rs.getString(2);
            }
        }
    }

    @Test
    void failedImportsLeaveTheTableUnchanged() throws Exception {
        Path good = TestShapefile.polygons().charset(DbfEncoding.GBK).fields("BSM:C:18", "DLBM:C:5", "ZLDWMC:C:60")
                .add(ShapefileImportTest.SQUARE_1, "1", "0101", "王家村")
                .add(ShapefileImportTest.SQUARE_2, "2", "0103", "李家庄村").write(dir, "good");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(good).withKind(LayerKind.CULTIVATED_LAND));
        assertThat(report.featuresWritten()).isEqualTo(2);
        assertThat(features(store, "DLTB")).extracting(f -> f.get("ZLDWMC")).containsExactly("王家村", "李家庄村");
        String before = tableChecksum();

        Path bowTie = TestShapefile.polygons().charset(StandardCharsets.UTF_8).fields("BSM:C:18", "DLBM:C:5")
                .add(ShapefileImportTest.SQUARE_1, "3", "0101").add(ShapefileImportTest.BOW_TIE, "4", "0101")
                .write(dir, "bowtie");
        failsUnchanged(store, ImportRequest.of(bowTie).withKind(LayerKind.CULTIVATED_LAND).withReplace(true))
                .hasMessageStartingWith("file bowtie.shp, feature 2 (FID 1): invalid geometry");

        Path cut = TestShapefile.polygons().fields("BSM:C:18", "DLBM:C:5")
                .add(ShapefileImportTest.SQUARE_1, "5", "0101").add(ShapefileImportTest.SQUARE_2, "6", "0101")
                .write(dir, "cut");
        try (RandomAccessFile f = new RandomAccessFile(cut.toFile(), "rw")) {
            f.setLength(f.length() - 10);
        }
        failsUnchanged(store, ImportRequest.of(cut).withKind(LayerKind.CULTIVATED_LAND).withReplace(true))
                .hasMessageStartingWith("file cut.shp, feature 2 (FID 1): the .shp file is truncated");

        assertThat(tableChecksum()).isEqualTo(before);
    }
}
