package org.gengdi.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gengdi.store.geopackage.ForeignNamesGdalTest.list;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.StoreException;
import org.gengdi.store.contract.ParcelFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GeoPackageStore#openReadOnly}: reads files in either journal mode and leaves them exactly as they were. */
class GeoPackageReadOnlyTest {
    @TempDir
    Path dir;

    /** The file's bytes and which of its companion files exist. */
    record Snapshot(byte[] bytes, List<Boolean> companions) {
        static Snapshot of(Path file) throws Exception {
            return new Snapshot(Files.readAllBytes(file), List.of("-wal", "-shm", "-journal").stream()
                    .map(s -> Files.exists(file.resolveSibling(file.getFileName() + s))).toList());
        }

        void assertSame(Snapshot other) {
            assertThat(other.bytes).as("file bytes").isEqualTo(bytes);
            assertThat(other.companions).as("-wal, -shm, -journal present").isEqualTo(companions);
        }
    }

    private static String journalMode(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void readEverything(GeoPackageStore store) {
        for (String layer : store.layerNames()) {
            var s = store.require(layer);
            s.bounds();
            s.count(Query.ALL);
            s.version();
            list(s.query(Query.ALL));
        }
    }

    @Test
    void aGdalFileInRollbackJournalModeIsLeftUnchanged() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogr2ogr")), "GDAL (ogr2ogr) not installed");
        Path gpkg = ForeignNamesGdalTest.countyFile(dir);
        assertThat(journalMode(gpkg)).isEqualTo("delete");
        Snapshot before = Snapshot.of(gpkg);
        assertThat(before.companions()).containsOnly(false);
        try (GeoPackageStore store = GeoPackageStore.openReadOnly(gpkg)) {
            assertThat(store.isReadOnly()).isTrue();
            assertThat(store.isAvailable()).isTrue();
            readEverything(store);
            before.assertSame(Snapshot.of(gpkg)); // while open, too
        }
        before.assertSame(Snapshot.of(gpkg));
        assertThat(journalMode(gpkg)).isEqualTo("delete");
    }

    @Test
    void aClosedFileInWalModeIsLeftUnchangedWithoutCompanionFiles() throws Exception {
        Path gpkg = dir.resolve("ours.gpkg");
        try (GeoPackageStore store = GeoPackageStore.open(gpkg)) {
            CountyParcels.write(store, "DLTB", 50);
        }
        Snapshot before = Snapshot.of(gpkg);
        assertThat(before.companions()).containsOnly(false);
        assertThat(before.bytes()[18]).as("WAL mode in the header").isEqualTo((byte) 2);
        try (GeoPackageStore store = GeoPackageStore.openReadOnly(gpkg)) {
            assertThat(store.layerNames()).containsExactly("DLTB");
            assertThat(store.require("DLTB").count(Query.ALL)).isEqualTo(50);
            assertThat(store.require("DLTB").version()).isPositive();
            readEverything(store);
            before.assertSame(Snapshot.of(gpkg));
        }
        before.assertSame(Snapshot.of(gpkg));
    }

    @Test
    void aWalFileAnotherConnectionWritesIsReadWithItsWal() throws Exception {
        Path gpkg = dir.resolve("live.gpkg");
        try (GeoPackageStore writer = GeoPackageStore.open(gpkg)) {
            CountyParcels.write(writer, "DLTB", 20);
            assertThat(gpkg.resolveSibling("live.gpkg-wal")).exists();
            try (GeoPackageStore reader = GeoPackageStore.openReadOnly(gpkg)) {
                assertThat(reader.require("DLTB").count(Query.ALL)).isEqualTo(20);
                try (var w = writer.write(ParcelFixture.type(), false)) {
                    ParcelFixture.features().subList(0, 5).forEach(w::add);
                    w.commit();
                }
                assertThat(reader.layerNames()).containsExactly("CONTRACT_DLTB", "DLTB");
                assertThat(reader.require("CONTRACT_DLTB").count(Query.ALL)).isEqualTo(5);
            }
        }
    }

    @Test
    void writingAndDroppingAreRefused() throws Exception {
        Path gpkg = dir.resolve("ours.gpkg");
        try (GeoPackageStore store = GeoPackageStore.open(gpkg)) {
            CountyParcels.write(store, "DLTB", 5);
        }
        Snapshot before = Snapshot.of(gpkg);
        try (GeoPackageStore store = GeoPackageStore.openReadOnly(gpkg)) {
            assertThatThrownBy(() -> store.write(ParcelFixture.type(), true)).isInstanceOf(StoreException.class)
                    .hasMessage("cannot write layer CONTRACT_DLTB: the GeoPackage ours.gpkg is open read-only");
            assertThatThrownBy(() -> store.drop("DLTB")).isInstanceOf(StoreException.class)
                    .hasMessage("cannot drop layer DLTB: the GeoPackage ours.gpkg is open read-only");
            assertThat(store.require("DLTB").count(Query.ALL)).isEqualTo(5);
            assertThat(store.openConnections()).isGreaterThanOrEqualTo(0);
        }
        before.assertSame(Snapshot.of(gpkg));
    }

    @Test
    void aMissingFileIsAnErrorAndIsNotCreated() {
        Path missing = dir.resolve("missing.gpkg");
        assertThatThrownBy(() -> GeoPackageStore.openReadOnly(missing)).isInstanceOf(StoreException.class)
                .hasMessage("no GeoPackage " + missing + ": the file does not exist")
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.UNAVAILABLE);
        assertThat(missing).doesNotExist();
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void filesThatAreNoGeoPackageAreRefusedUntouched() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.gpkg"));
        assertThatThrownBy(() -> GeoPackageStore.openReadOnly(empty)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is not a GeoPackage");
        assertThat(empty).isEmptyFile();
        Path text = Files.writeString(dir.resolve("text.gpkg"), "not a database at all, just some text".repeat(10));
        assertThatThrownBy(() -> GeoPackageStore.openReadOnly(text)).isInstanceOf(StoreException.class)
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_DATA);
        Path plain = dir.resolve("plain.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + plain); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (a INTEGER)");
        }
        assertThatThrownBy(() -> GeoPackageStore.openReadOnly(plain)).isInstanceOf(StoreException.class)
                .hasMessage(plain + " is not a GeoPackage");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("empty.gpkg", "text.gpkg", "plain.sqlite");
    }
}
