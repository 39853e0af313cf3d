package org.gengdi.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.store.geopackage.GdalInteropTest.run;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A GeoPackage written by GDAL with a table and columns named in Chinese, as counties make them: nothing is dropped,
 * the generated names are published with the Chinese names as titles, and every query form reads the SQL columns.
 */
class ForeignNamesGdalTest {
    static final String TABLE = "永久基本农田";
    static final String LAYER = "L_" + ForeignNamesTest.crc(TABLE);

    @TempDir
    Path dir;
    Path gpkg;

    @BeforeAll
    static void gdalInstalled() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ogr2ogr")), "GDAL (ogr2ogr) not installed");
    }

    /** Writes the county file with ogr2ogr: 永久基本农田 (地类编码, 村名, 面积) and an ASCII layer beside it. */
    static Path countyFile(Path dir) throws Exception {
        Path geojson = dir.resolve("jbnt.geojson");
        Files.writeString(geojson, """
                {"type": "FeatureCollection", "features": [
                 {"type": "Feature", "properties": {"地类编码": "0101", "村名": "王家村", "面积": 1234.5},
                  "geometry": {"type": "Polygon", "coordinates": [[[116.0, 39.0], [116.1, 39.0], [116.1, 39.1], [116.0, 39.0]]]}},
                 {"type": "Feature", "properties": {"地类编码": "0103", "村名": "李家庄村", "面积": 99.25},
                  "geometry": {"type": "Polygon", "coordinates": [[[117.0, 40.0], [117.2, 40.0], [117.2, 40.2], [117.0, 40.0]]]}},
                 {"type": "Feature", "properties": {"地类编码": "0102", "村名": null, "面积": 500.0},
                  "geometry": {"type": "Polygon", "coordinates": [[[118.0, 41.0], [118.2, 41.0], [118.2, 41.2], [118.0, 41.0]]]}}
                ]}
                """);
        Path gpkg = dir.resolve("county.gpkg");
        run("ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:4490", "-nln", TABLE, gpkg.toString(), geojson.toString());
        run("ogr2ogr", "-f", "GPKG", "-update", "-a_srs", "EPSG:4490", "-nln", "plain", gpkg.toString(),
                geojson.toString());
        return gpkg;
    }

    @BeforeEach
    void write() throws Exception {
        gpkg = countyFile(dir);
    }

    @Test
    void chineseTableAndColumnsArePublishedWithGeneratedNames() {
        try (GeoPackageStore store = GeoPackageStore.openReadOnly(gpkg)) {
            assertThat(store.layerNames()).containsExactly(LAYER, "plain");
            FeatureType t = store.require(LAYER).schema();
            assertThat(t.title()).isEqualTo(TABLE);
            assertThat(t.attributes()).extracting(a -> a.name() + "/" + a.title() + "/" + a.type())
                    .containsExactly("DLBM/地类编码/STRING", "F2/村名/STRING", "MJ/面积/DOUBLE");
            // The ASCII layer of the same file: Chinese columns only, so the same names.
            assertThat(store.require("plain").schema().attributes()).extracting(AttributeDef::name)
                    .containsExactly("DLBM", "F2", "MJ");
            // Found by its table name too, as the same layer.
            assertThat(store.require(TABLE).schema()).isEqualTo(t);
            assertThat(store.layout(LAYER)).hasValueSatisfying(l -> {
                assertThat(l.table()).isEqualTo(TABLE);
                assertThat(l.geometryColumn()).isEqualTo("geom");
                assertThat(l.primaryKey()).isEqualTo("fid");
                assertThat(l.columns()).containsExactly(Map.entry("DLBM", "地类编码"), Map.entry("F2", "村名"),
                        Map.entry("MJ", "面积"));
                assertThat(l.unread()).isEmpty();
            });
            assertThat(store.layout("nothing")).isEmpty();

            FeatureSource s = store.require(LAYER);
            List<Feature> all = list(s.query(Query.ALL));
            assertThat(all).extracting(f -> f.get("DLBM")).containsExactly("0101", "0103", "0102");
            assertThat(all).extracting(f -> f.get("F2")).containsExactly("王家村", "李家庄村", null);
            assertThat(all).extracting(f -> f.get("MJ")).containsExactly(1234.5, 99.25, 500.0);
            assertThat(s.bounds()).isEqualTo(new Envelope(116.0, 118.2, 39.0, 41.2));
            assertThat(s.count(Query.ALL)).isEqualTo(3);
            assertThat(s.version()).isZero();
        }
    }

    @Test
    void filtersSortsAndSelectionsUseTheSqlColumns() {
        try (GeoPackageStore store = GeoPackageStore.openReadOnly(gpkg)) {
            FeatureSource s = store.require(LAYER);
            Filter village = Filter.eq("F2", "王家村");
            assertThat(s.canPushDown(village)).isTrue();
            assertThat(ids(s, Query.filter(village))).containsExactly("1");
            assertThat(s.count(Query.filter(village))).isEqualTo(1);
            assertThat(ids(s, Query.filter(Filter.Like.sql("F2", "李%")))).containsExactly("2");
            assertThat(ids(s, Query.filter(new Filter.IsNull("F2")))).containsExactly("3");
            assertThat(ids(s, Query.filter(new Filter.Not(village)))).containsExactly("2");
            assertThat(ids(s, Query.filter(new Filter.Between("MJ", 100.0, 600.0)))).containsExactly("3");
            assertThat(ids(s, Query.filter(new Filter.In("DLBM", List.of("0101", "0102"))))).containsExactly("1", "3");
            assertThat(ids(s, Query.filter(new Filter.Compare("MJ", Filter.CompareOp.GT, 200.0, true))))
                    .containsExactly("1", "3");
            // Partly in memory: a spatial filter with an attribute comparison, and a bbox.
            Filter spatial = new Filter.Spatial("geom", Filter.SpatialOp.INTERSECTS,
                    new GeometryFactory().toGeometry(new Envelope(115, 117.5, 38, 40.5)));
            assertThat(ids(s, Query.filter(Filter.and(spatial, Filter.eq("DLBM", "0103")))))
                    .containsExactly("2");
            assertThat(s.count(Query.filter(Filter.and(spatial, new Filter.IsNull("F2"))))).isZero();
            assertThat(ids(s, Query.ALL.withBbox(new Envelope(116.95, 117.5, 39.95, 40.5)))).containsExactly("2");
            assertThat(((GeoPackageSource) s).explain(Query.ALL.withBbox(new Envelope(0, 1, 0, 1)))).contains("rtree");
            // Sorting by generated names, descending and with nulls.
            assertThat(ids(s, Query.ALL.withSort(List.of(SortBy.desc("F2"))))).containsExactly("1", "2", "3");
            assertThat(ids(s, Query.ALL.withSort(List.of(SortBy.asc("MJ"))))).containsExactly("2", "3", "1");
            assertThat(ids(s, Query.ALL.withSort(List.of(SortBy.desc("mj"))).withPage(1, 1)))
                    .containsExactly("3");
            // Selecting some properties.
            Feature f = list(s.query(Query.filter(village).withProperties(List.of("F2")))).get(0);
            assertThat(f.get("F2")).isEqualTo("王家村");
            assertThat(f.get("DLBM")).isNull();
        }
    }

    @Test
    void aRowThatIsNotValidUtf8IsReadAgainByItsSqlColumns() throws Exception {
        // With the ST_ functions, which GDAL's R-tree triggers call.
        try (Connection c = Sqlite.openWriter(gpkg); Statement st = c.createStatement()) {
            st.execute("UPDATE \"" + TABLE + "\" SET \"村名\" = CAST(X'E78E8BFF' AS TEXT) WHERE fid = 2");
        }
        try (GeoPackageStore store = GeoPackageStore.openReadOnly(gpkg)) {
            List<Feature> all = list(store.require(LAYER).query(Query.ALL));
            assertThat(all.get(1).get("DLBM")).isEqualTo("0103");
            assertThat((String) all.get(1).get("F2")).startsWith("王");
            assertThat(all.get(1).get("MJ")).isEqualTo(99.25);
        }
    }

    @Test
    void aWritableStoreDropsAndReplacesTheChineseTableByItsLayerName() throws Exception {
        try (GeoPackageStore store = GeoPackageStore.open(gpkg)) {
            FeatureType t = store.require(LAYER).schema();
            List<Feature> kept = list(store.require(LAYER).query(Query.ALL));
            try (var w = store.write(t, true)) {
                kept.forEach(w::add);
                w.commit();
            }
            // The layer is now a Gengdi table of that name; the Chinese table is gone.
            assertThat(store.layerNames()).containsExactly(LAYER, "plain");
            assertThat(store.layout(LAYER).orElseThrow().table()).isEqualTo(LAYER);
            assertThat(list(store.require(LAYER).query(Query.ALL))).extracting(f -> f.get("F2"))
                    .containsExactly("王家村", "李家庄村", null);
            assertThat(store.require(LAYER).schema().attribute("F2").title()).isEqualTo("村名");
            assertThat(store.drop("plain")).isTrue();
        }
        GdalInteropTest.Run info = run("ogrinfo", "-q", gpkg.toString());
        assertThat(info.out()).contains(LAYER).doesNotContain(TABLE).doesNotContain("plain");
        assertThat(info.err()).isEmpty();
        GdalInteropTest.assertSpecChecks(gpkg);
    }

    @Test
    void binaryColumnsAreReportedAsUnread() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE plain ADD COLUMN \"照片\" BLOB");
        }
        try (FeatureStore store = GeoPackageStore.openReadOnly(gpkg)) {
            assertThat(((GeoPackageStore) store).layout("plain").orElseThrow().unread()).containsExactly("照片");
            assertThat(store.require("plain").schema().attributes()).hasSize(3);
            assertThat(store.require("plain").schema().attribute("MJ").type()).isEqualTo(AttributeType.DOUBLE);
        }
    }

    static List<Feature> list(FeatureCursor c) {
        List<Feature> out = new ArrayList<>();
        try (c) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> ids(FeatureSource s, Query q) {
        return list(s.query(q)).stream().map(Feature::id).toList();
    }
}
