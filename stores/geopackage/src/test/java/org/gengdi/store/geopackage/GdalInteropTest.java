package org.gengdi.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.store.contract.ParcelFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/** Files we write open cleanly in GDAL; files GDAL writes open in the store. Skipped when GDAL is not installed. */
class GdalInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void gdalInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogrinfo")) || onPath("ogrinfo"), "GDAL (ogrinfo) not installed");
    }

    @Test
    void gdalReadsOurFileWithoutWarnings() throws Exception {
        Path file = dir.resolve("county.gpkg");
        try (GeoPackageStore store = GeoPackageStore.open(file)) {
            CountyParcels.write(store, "DLTB", 250);
            store.write(ParcelFixture.type(), false).close(); // a rolled-back writer leaves nothing behind
            try (var w = store.write(ParcelFixture.type(), false)) {
                ParcelFixture.features().subList(0, 300).forEach(w::add);
                w.commit();
            }
        }
        Run summary = run("ogrinfo", "-so", file.toString(), "DLTB");
        assertThat(summary.out()).contains("Layer name: DLTB", "Feature Count: 250", "Geometry: Multi Polygon",
                "CGCS2000 / 3-degree Gauss-Kruger zone 39", "ZLDWMC: String (60.0)", "GDDB: Integer (0.0)",
                "TBMJ: Real (0.0)");
        Run all = run("ogrinfo", "-al", "-q", file.toString());
        assertThat(all.out()).contains("王家村", "𡌶家村", "反斜杠\\路径", "OGRFeature(CONTRACT_DLTB):1");
        assertThat(all.err()).isEmpty();
        assertThat(all.out()).doesNotContainIgnoringCase("warning").doesNotContain("ERROR");
        Run layers = run("ogrinfo", "-q", file.toString());
        assertThat(layers.out()).contains("DLTB (Multi Polygon)", "CONTRACT_DLTB (Multi Polygon)");
        assertThat(layers.err()).isEmpty();
        assertSpecChecks(file);
    }

    @Test
    void storeReadsAGeoPackageWrittenByGdal() throws Exception {
        Path geojson = dir.resolve("parcels.geojson");
        Files.writeString(geojson, """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"name": "王家村", "code": "0101", "n": 3, "big": 5000000000,
                   "area": 12.5, "day": "2020-05-01", "ts": "2020-05-01T12:30:00Z", "ok": true},
                  "geometry": {"type": "Polygon", "coordinates": [[[116.0, 39.0], [116.1, 39.0], [116.1, 39.1], [116.0, 39.0]]]}},
                 {"type": "Feature", "properties": {"name": "李家庄", "code": "0103", "n": 7, "big": 1,
                   "area": 0.25, "day": "2021-01-31", "ts": "2021-01-31T00:00:00Z", "ok": false},
                  "geometry": {"type": "Polygon", "coordinates": [[[117.0, 40.0], [117.2, 40.0], [117.2, 40.2], [117.0, 40.0]]]}},
                 {"type": "Feature", "properties": {"name": null, "code": "0201", "n": null, "big": null,
                   "area": null, "day": null, "ts": null, "ok": null},
                  "geometry": null}
                ]}
                """);
        Path gpkg = dir.resolve("gdal.gpkg");
        Run r = run("ogr2ogr", "-f", "GPKG", gpkg.toString(), geojson.toString(), "-nln", "parcels");
        assertThat(r.err()).isEmpty();
        try (GeoPackageStore store = GeoPackageStore.open(gpkg)) {
            assertThat(store.layerNames()).containsExactly("parcels");
            FeatureSource s = store.require("parcels");
            FeatureType t = s.schema();
            assertThat(t.srid()).isEqualTo(4326);
            assertThat(t.geometryKind()).isEqualTo(GeometryKind.POLYGON);
            assertThat(t.geometryName()).isEqualTo("geom");
            Map<String, AttributeType> types = new java.util.LinkedHashMap<>();
            t.attributes().forEach(a -> types.put(a.name(), a.type()));
            assertThat(types).containsExactly(Map.entry("name", AttributeType.STRING),
                    Map.entry("code", AttributeType.STRING), Map.entry("n", AttributeType.INTEGER),
                    Map.entry("big", AttributeType.LONG), Map.entry("area", AttributeType.DOUBLE),
                    Map.entry("day", AttributeType.DATE), Map.entry("ts", AttributeType.DATETIME),
                    Map.entry("ok", AttributeType.BOOLEAN));
            assertThat(s.count(Query.ALL)).isEqualTo(3);
            assertThat(s.bounds()).isEqualTo(new Envelope(116.0, 117.2, 39.0, 40.2));
            List<Feature> fs = list(s.query(Query.ALL));
            Feature first = fs.get(0);
            assertThat(first.id()).isEqualTo("1");
            assertThat(first.get("name")).isEqualTo("王家村");
            assertThat(first.get("n")).isEqualTo(3);
            assertThat(first.get("big")).isEqualTo(5_000_000_000L);
            assertThat(first.get("area")).isEqualTo(12.5);
            assertThat(first.get("day")).isEqualTo(LocalDate.of(2020, 5, 1));
            assertThat(((OffsetDateTime) first.get("ts")).toInstant()).isEqualTo(OffsetDateTime.parse("2020-05-01T12:30:00Z").toInstant());
            assertThat(first.get("ok")).isEqualTo(true);
            assertThat(fs.get(2).geometry()).isNull();
            assertThat(fs.get(2).get("n")).isNull();
            assertThat(list(s.query(Query.ALL.withBbox(new Envelope(116.95, 117.5, 39.95, 40.5))))).extracting(Feature::id)
                    .containsExactly("2");
            assertThat(s.count(Query.filter(Filter.Like.sql("name", "王%")))).isEqualTo(1);
            assertThat(((GeoPackageSource) s).explain(Query.ALL.withBbox(new Envelope(0, 1, 0, 1)))).contains("rtree");

            // A layer we add to GDAL's file keeps it valid for GDAL.
            try (var w = store.write(ParcelFixture.type(), false)) {
                ParcelFixture.features().subList(0, 10).forEach(w::add);
                w.commit();
            }
            assertThat(store.layerNames()).containsExactly("CONTRACT_DLTB", "parcels");
        }
        Run info = run("ogrinfo", "-q", gpkg.toString());
        assertThat(info.out()).contains("parcels (Polygon)", "CONTRACT_DLTB (Multi Polygon)");
        assertThat(info.err()).isEmpty();
        try (GeoPackageStore store = GeoPackageStore.open(gpkg)) {
            assertThat(store.drop("parcels")).isTrue();
        }
        Run afterDrop = run("ogrinfo", "-q", gpkg.toString());
        assertThat(afterDrop.out()).doesNotContain("parcels").contains("CONTRACT_DLTB");
        assertThat(afterDrop.err()).isEmpty();
        assertSpecChecks(gpkg);
    }

    @Test
    void threeDimensionalGeometriesFromGdalAreRead() throws Exception {
        Path geojson = dir.resolve("z.geojson");
        Files.writeString(geojson, """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"name": "井"}, "geometry": {"type": "Point", "coordinates": [116.5, 39.5, 42.25]}}
                ]}
                """);
        Path gpkg = dir.resolve("z.gpkg");
        run("ogr2ogr", "-f", "GPKG", gpkg.toString(), geojson.toString(), "-nln", "wells");
        try (GeoPackageStore store = GeoPackageStore.open(gpkg)) {
            Feature f = list(store.require("wells").query(Query.ALL)).get(0);
            assertThat(f.geometry().getCoordinate().getZ()).isEqualTo(42.25);
            assertThat(f.geometry().getCoordinate().getX()).isEqualTo(116.5);
            assertThat(f.get("name")).isEqualTo("井");
        }
    }

    /** GeoPackage requirements checked with SQL: header ids, integrity, foreign keys, contents and extensions. */
    static void assertSpecChecks(Path file) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement()) {
            assertThat(scalar(s, "PRAGMA application_id")).isEqualTo(String.valueOf(0x47504B47));
            assertThat(scalar(s, "PRAGMA integrity_check")).isEqualTo("ok");
            try (ResultSet rs = s.executeQuery("PRAGMA foreign_key_check")) {
                assertThat(rs.next()).as("foreign key violations").isFalse();
            }
            assertThat(scalar(s, "SELECT count(*) FROM gpkg_spatial_ref_sys WHERE srs_id IN (-1, 0, 4326)")).isEqualTo("3");
            List<String> rtrees = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT 'rtree_' || table_name || '_' || column_name FROM gpkg_extensions"
                    + " WHERE extension_name = 'gpkg_rtree_index'")) {
                while (rs.next()) {
                    rtrees.add(rs.getString(1));
                }
            }
            for (String r : rtrees) {
                assertThat(scalar(s, "SELECT rtreecheck('" + r + "')")).as(r).isEqualTo("ok");
                assertThat(scalar(s, "SELECT count(*) FROM \"" + r + "\""))
                        .isEqualTo(scalar(s, "SELECT count(*) FROM \"" + r.substring(6, r.lastIndexOf('_'))
                                + "\" WHERE geom IS NOT NULL"));
            }
            assertThat(scalar(s, "SELECT count(*) FROM gpkg_contents c WHERE data_type = 'features' AND NOT EXISTS"
                    + " (SELECT 1 FROM gpkg_extensions e WHERE e.table_name = c.table_name"
                    + " AND e.extension_name = 'gpkg_rtree_index')")).isEqualTo("0");
        }
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<Feature> list(FeatureCursor c) {
        List<Feature> out = new ArrayList<>();
        try (c) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    record Run(String out, String err) {
    }

    static Run run(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C.UTF-8");
        Process p = pb.start();
        // Read stderr on another thread so a full pipe cannot block the process.
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread t = new Thread(() -> {
            try {
                err.complete(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                err.completeExceptionally(e);
            }
        });
        t.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        t.join();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out + err.join()).isZero();
        return new Run(out, err.join());
    }

    private static boolean onPath(String exe) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) {
                return true;
            }
        }
        return false;
    }
}
