package org.gengdi.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;
import org.gengdi.store.contract.ParcelFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.GeometryFactory;

/** All-or-nothing writes at the file level, and readers that run while an import writes. */
class GeoPackageTransactionTest {
    @TempDir
    Path dir;

    @Test
    void rollbackLeavesTheFileByteIdentical() throws Exception {
        Path file = dir.resolve("rollback.gpkg");
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            write(store, ParcelFixture.features().subList(0, 100), false);
        }
        byte[] before = Files.readAllBytes(file);
        String contentBefore = contentChecksum(file);
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            try (LayerWriter w = store.write(CountyParcels.DLTB, false)) {
                CountyParcels.features(CountyParcels.DLTB, 5000).forEachRemaining(w::add);
                w.rollback();
            }
            try (LayerWriter w = store.write(ParcelFixture.type(), true)) {
                ParcelFixture.features().subList(500, 900).forEach(w::add);
                // closed without commit
            }
            assertThatThrownBy(() -> write(store, List.of(new Feature(ParcelFixture.type(), "1",
                    new GeometryFactory().createPoint(), new Object[16])), true))
                    .isInstanceOf(StoreException.class);
            assertThat(contentChecksum(file)).as("content while open").isEqualTo(contentBefore);
            assertThat(store.require(ParcelFixture.LAYER).count(Query.ALL)).isEqualTo(100);
        }
        assertThat(contentChecksum(file)).isEqualTo(contentBefore);
        assertThat(Files.readAllBytes(file)).as("file bytes").isEqualTo(before);
    }

    @Test
    void readersRunInParallelWhileAnImportWrites() throws Exception {
        Path file = dir.resolve("parallel.gpkg");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            write(store, ParcelFixture.features(), false);
            AtomicBoolean committed = new AtomicBoolean();
            List<Future<Integer>> readers = new ArrayList<>();
            try (LayerWriter w = store.write(ParcelFixture.type(), true)) {
                ParcelFixture.features().subList(0, 1000).forEach(w::add);
                for (int t = 0; t < 4; t++) {
                    readers.add(pool.submit(() -> {
                        int rounds = 0;
                        while (!committed.get() || rounds < 3) {
                            FeatureSource s = store.require(ParcelFixture.LAYER);
                            long n = s.count(Query.ALL);
                            long streamed;
                            try (var c = s.query(Query.filter(org.gengdi.core.filter.Filter.eq("SJNF", 2020)))) {
                                streamed = 0;
                                while (c.hasNext()) {
                                    c.next();
                                    streamed++;
                                }
                            }
                            if (!committed.get()) {
                                assertThat(n).isIn(2000L, 1000L);
                            }
                            assertThat(streamed).isPositive();
                            rounds++;
                        }
                        return rounds;
                    }));
                }
                Thread.sleep(300); // let the readers run against the open transaction
                assertThat(store.require(ParcelFixture.LAYER).count(Query.ALL)).isEqualTo(2000);
                w.commit();
                committed.set(true);
            }
            for (Future<Integer> r : readers) {
                assertThat(r.get()).isGreaterThanOrEqualTo(3);
            }
            assertThat(store.require(ParcelFixture.LAYER).count(Query.ALL)).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void dataVersionIsStoredInTheFile() {
        Path file = dir.resolve("version.gpkg");
        long v;
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            write(store, ParcelFixture.features().subList(0, 3), false);
            v = store.require(ParcelFixture.LAYER).version();
            assertThat(v).isPositive();
        }
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            assertThat(store.require(ParcelFixture.LAYER).version()).isEqualTo(v);
            write(store, ParcelFixture.features().subList(0, 4), true);
            assertThat(store.require(ParcelFixture.LAYER).version()).isGreaterThan(v);
        }
    }

    @Test
    void reservedAndForeignTableNamesAreRefused() {
        try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("names.gpkg"))) {
            assertThatThrownBy(() -> store.write(ParcelFixture.type().renamed("gpkg_contents", "x"), true))
                    .isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_DATA));
            assertThat(store.layerNames()).isEmpty();
        }
    }

    private static void write(GeoPackageStore store, List<Feature> fs, boolean replace) {
        try (LayerWriter w = store.write(ParcelFixture.type(), replace)) {
            fs.forEach(w::add);
            w.commit();
        }
    }

    /** SHA-256 over the schema and every row of every table, read through a separate connection. */
    static String contentChecksum(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_master ORDER BY name")) {
                while (rs.next()) {
                    md.update((rs.getString(1) + rs.getString(2) + rs.getString(3)).getBytes(StandardCharsets.UTF_8));
                    if ("table".equals(rs.getString(1)) && !rs.getString(3).contains("VIRTUAL")) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t + "\" ORDER BY rowid")) {
                    ResultSetMetaData m = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            md.update(String.valueOf(v instanceof byte[] b ? HexFormat.of().formatHex(b) : v)
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
