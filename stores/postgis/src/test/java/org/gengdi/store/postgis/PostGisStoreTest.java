package org.gengdi.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.CodeList;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.FeatureTypeCodec;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;
import org.gengdi.store.contract.FeatureStoreContract;
import org.gengdi.store.contract.FilterCases;
import org.gengdi.store.contract.ParcelFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * The store contract against a live PostGIS, plus what only PostGIS has: index use, server-side streaming in
 * constant memory, transactional metadata, tables without metadata.
 */
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = ".*\\S.*", disabledReason = TestDatabase.SKIPPED)
class PostGisStoreTest extends FeatureStoreContract {
    private static final GeometryFactory GF = new GeometryFactory();
    private String schema;

    @Override
    protected FeatureStore openEmptyStore() {
        TestDatabase.url();
        schema = TestDatabase.freshSchema("contract");
        return TestDatabase.open(schema);
    }

    @Override
    protected long openResources() {
        return pg().activeConnections();
    }

    @Override
    protected void afterAll() {
        if (store != null) {
            TestDatabase.dropSchema(schema);
        }
    }

    private PostGisStore pg() {
        return (PostGisStore) store;
    }

    // ---------------------------------------------------------------- index use

    @Test
    void bboxQueriesUseTheGistIndex() throws SQLException {
        FeatureType t = gridType("EXPLAIN_GRID");
        try (LayerWriter w = store.write(t, false)) {
            for (int k = 0; k < 20_000; k++) {
                w.add(gridFeature(t, k, 200));
            }
            w.commit();
        }
        PostGisSource s = (PostGisSource) store.require("EXPLAIN_GRID");
        String index = gistIndexOf("EXPLAIN_GRID");
        Envelope box = new Envelope(5_000, 5_500, 2_000, 2_400); // 5 × 4 cells of 100 m

        String bboxPlan = s.explain(Query.ALL.withBbox(box));
        assertThat(bboxPlan).contains("\"Index Name\": \"" + index + "\"").doesNotContain("Seq Scan");

        String mixedPlan = s.explain(Query.filter(Filter.eq("DLBM", "0101")).withBbox(box));
        assertThat(mixedPlan).contains("\"Index Name\": \"" + index + "\"").doesNotContain("Seq Scan");

        String spatialPlan = s.explain(Query.filter(new Filter.Spatial("geom", Filter.SpatialOp.INTERSECTS,
                GF.toGeometry(box))));
        assertThat(spatialPlan).contains("\"Index Name\": \"" + index + "\"");
        assertThat(s.count(Query.ALL.withBbox(box))).isEqualTo(7 * 6); // 5 × 4 cells and the ring of cells touching them
    }

    @Test
    void deepPagesAreFetchedByThePrimaryKeyNotByScanningTheTable() {
        FeatureType t = gridType("EXPLAIN_PAGES");
        try (LayerWriter w = store.write(t, false)) {
            for (int k = 0; k < 20_000; k++) {
                w.add(gridFeature(t, k, 200));
            }
            w.commit();
        }
        PostGisSource s = (PostGisSource) store.require("EXPLAIN_PAGES");
        String plan = s.explain(Query.ALL.withPage(15_000, 1_000));
        assertThat(plan).contains("Index Only Scan", "\"Index Cond\"").doesNotContain("Seq Scan", "Hash");
        try (FeatureCursor c = s.query(Query.ALL.withPage(15_000, 3))) {
            assertThat(c.next().id()).isEqualTo("15001");
            assertThat(c.next().id()).isEqualTo("15002");
        }
    }

    // ---------------------------------------------------------------- streaming

    @Test
    void streamingAHundredThousandFeaturesKeepsMemoryFlat() {
        int n = 100_000;
        FeatureType t = gridType("STREAM_100K");
        long w0 = System.nanoTime();
        try (LayerWriter w = store.write(t, false)) {
            for (int k = 0; k < n; k++) {
                w.add(gridFeature(t, k, 400));
            }
            w.commit();
        }
        double writeSeconds = (System.nanoTime() - w0) / 1e9;
        FeatureSource s = store.require("STREAM_100K");

        // Warm-up pass, then a timed pass.
        assertThat(drainCount(s)).isEqualTo(n);
        long t0 = System.nanoTime();
        assertThat(drainCount(s)).isEqualTo(n);
        double readSeconds = (System.nanoTime() - t0) / 1e9;

        long base = heapAfterGc();
        long peak = 0;
        long count = 0;
        try (FeatureCursor c = s.query(Query.ALL)) {
            while (c.hasNext()) {
                Feature f = c.next();
                assertThat(f.geometry()).isNotNull();
                count++;
                if (count % 25_000 == 0) {
                    peak = Math.max(peak, heapAfterGc() - base);
                }
            }
        }
        assertThat(count).isEqualTo(n);
        System.out.printf("PostGIS: wrote %d features in %.2f s (%.0f/s); streamed in %.3f s (%.0f features/s); "
                + "heap growth while streaming %.2f MB%n", n, writeSeconds, n / writeSeconds, readSeconds,
                n / readSeconds, peak / 1048576.0);
        assertThat(peak).as("heap growth while streaming (bytes)").isLessThan(4L << 20);
    }

    private static long drainCount(FeatureSource s) {
        long k = 0;
        try (FeatureCursor c = s.query(Query.ALL)) {
            while (c.hasNext()) {
                c.next();
                k++;
            }
        }
        return k;
    }

    private static long heapAfterGc() {
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, mx.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    // ---------------------------------------------------------------- transactions

    @Test
    void failedOrRolledBackWritesLeaveMetadataAndTablesUnchanged() throws SQLException {
        FeatureType t = smallType("TX_BASE", false);
        writeLayer(t, smallFeatures(t, 5, "原"), false);
        long version = store.require("TX_BASE").version();
        List<String> before = catalogueSnapshot();

        // Replace, then roll back.
        try (LayerWriter w = store.write(smallType("TX_BASE", true), true)) {
            smallFeatures(smallType("TX_BASE", true), 50, "新").forEach(w::add);
            w.rollback();
        }
        assertThat(catalogueSnapshot()).isEqualTo(before);

        // A new layer never committed.
        try (LayerWriter w = store.write(smallType("TX_NEW", false), false)) {
            smallFeatures(smallType("TX_NEW", false), 50, "新").forEach(w::add);
        }
        assertThat(catalogueSnapshot()).isEqualTo(before);

        // A commit that fails in the database (duplicate ids) rolls everything back.
        List<Feature> dup = new ArrayList<>(smallFeatures(t, 3, "重"));
        dup.add(new Feature(t, "2", ParcelFixture.cells(9, 9, 10, 10), new Object[] {"重复", 9}));
        try (LayerWriter w = store.write(t, true)) {
            dup.forEach(w::add);
            Throwable e = assertStoreError(StoreException.Kind.INVALID_DATA, w::commit);
            assertThat(e.getMessage()).contains("duplicate");
        }
        assertThat(catalogueSnapshot()).isEqualTo(before);

        // A rejected feature, then close.
        try (LayerWriter w = store.write(t, true)) {
            w.add(smallFeatures(t, 1, "甲").get(0));
            assertStoreError(StoreException.Kind.INVALID_DATA,
                    () -> w.add(new Feature(t, "8", ParcelFixture.point(1, 1), new Object[] {"点", 1})));
        }
        assertThat(catalogueSnapshot()).isEqualTo(before);

        FeatureSource s = store.require("TX_BASE");
        assertThat(s.version()).isEqualTo(version);
        assertThat(s.schema()).isEqualTo(t);
        assertSameFeatures(s.query(Query.ALL), smallFeatures(t, 5, "原"));
    }

    /** The metadata rows and every relation of the schema, as text. */
    private List<String> catalogueSnapshot() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name, title, geometry_kind, srid, attributes::text, "
                    + "feature_count, min_x, max_y, data_version, updated FROM " + LayerTable.quote(schema)
                    + ".gengdi_layer ORDER BY name")) {
                while (rs.next()) {
                    StringBuilder b = new StringBuilder("row");
                    for (int i = 1; i <= 10; i++) {
                        b.append('|').append(rs.getString(i));
                    }
                    out.add(b.toString());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT relname || ':' || relkind::text || ':' || reltuples "
                    + "FROM pg_class WHERE relnamespace = ?::regnamespace ORDER BY relname")) {
                ps.setString(1, LayerTable.quote(schema));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void replacingWithChangedColumnTypesKeepsPooledStatementsWorking() {
        FeatureType v1 = new FeatureType("W_RETYPE", "改类型", "geom", GeometryKind.POLYGON, 4527,
                List.of(AttributeDef.string("BH", 10, "编号")));
        FeatureType v2 = new FeatureType("W_RETYPE", "改类型", "geom", GeometryKind.POLYGON, 4527,
                List.of(AttributeDef.of("BH", AttributeType.LONG, "编号")));
        Polygon cell = ParcelFixture.cells(0, 0, 1, 1);
        writeLayer(v1, List.of(new Feature(v1, "1", cell, new Object[] {"甲"})), false);
        for (int i = 0; i < 30; i++) { // every pooled connection prepares the statement
            assertThat(toList(store.require("W_RETYPE").query(Query.ALL)).get(0).get("BH")).isEqualTo("甲");
        }
        writeLayer(v2, List.of(new Feature(v2, "1", cell, new Object[] {7L})), true);
        for (int i = 0; i < 30; i++) {
            assertThat(toList(store.require("W_RETYPE").query(Query.ALL)).get(0).get("BH")).isEqualTo(7L);
        }
    }

    // ---------------------------------------------------------------- Chinese

    @Test
    void chineseSchemaAndValuesRoundTrip() throws SQLException {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("011", "永久基本农田");
        codes.put("012", "一般耕地");
        CodeList list = new CodeList("ZH_LB", "耕地类别（测试）", codes);
        FeatureType t = new FeatureType("ZH_LAYER", "永久基本农田保护红线“测试”", "geom", GeometryKind.MULTIPOLYGON,
                4490, List.of(AttributeDef.string("XZQMC", 100, "行政区名称"),
                AttributeDef.string("LB", 3, "类别").withCodeList(list),
                AttributeDef.string("ZRRMC", 60, "责任人名称").asPersonal(),
                AttributeDef.of("BZ", AttributeType.STRING, "备注\t（含制表符）")));
        String village = "𡌶家村（一组）";
        String remark = "第一行\n第二行\t制表\\反斜杠 \"引号\" 'single' \\N";
        Feature f = new Feature(t, "1", GF.createMultiPolygon(new Polygon[] {(Polygon) GF.toGeometry(
                new Envelope(120.1, 120.2, 30.1, 30.2))}), new Object[] {village, "011", "王建国", remark});
        writeLayer(t, List.of(f), false);

        FeatureSource s = store.require("ZH_LAYER");
        assertThat(s.schema()).isEqualTo(t);
        assertSameFeatures(s.query(Query.ALL), List.of(f));
        assertThat(s.count(Query.filter(Filter.eq("XZQMC", village)))).isEqualTo(1);
        assertThat(s.count(Query.filter(Filter.Like.sql("BZ", "%\\\\N")))).isEqualTo(1);
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT title, \"XZQMC\" FROM " + LayerTable.quote(schema)
                     + ".gengdi_layer, " + LayerTable.quote(schema) + ".\"ZH_LAYER\" WHERE name = 'ZH_LAYER'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("永久基本农田保护红线“测试”");
            assertThat(rs.getString(2)).isEqualTo(village);
        }
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT attributes = ?::jsonb FROM " + LayerTable.quote(schema) + ".gengdi_layer WHERE name = 'ZH_LAYER'")) {
            ps.setString(1, FeatureTypeCodec.attributesToJson(t.attributes())); // the form the GeoPackage store keeps
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
            }
        }
    }

    // ---------------------------------------------------------------- other tables, push-down

    @Test
    void tablesWithoutMetadataAreServedFromTheCatalogue() throws SQLException {
        String q = LayerTable.quote(schema);
        try (Connection c = TestDatabase.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + q + ".ext_parcels (gid serial PRIMARY KEY, name varchar(20), "
                    + "area numeric(12,2), created timestamp, shape geometry(Polygon, 4527))");
            st.execute("COMMENT ON TABLE " + q + ".ext_parcels IS '外部图斑'");
            st.execute("COMMENT ON COLUMN " + q + ".ext_parcels.name IS '名称'");
            st.execute("INSERT INTO " + q + ".ext_parcels (name, area, shape) VALUES "
                    + "('甲', 1.5, ST_MakeEnvelope(0, 0, 10, 10, 4527)), "
                    + "('乙', 2.5, ST_MakeEnvelope(20, 0, 30, 10, 4527)), (NULL, NULL, NULL)");
            st.execute("CREATE TABLE " + q + ".no_key (name text, geom geometry(Point, 4527))");
        }
        assertThat(store.layerNames()).contains("ext_parcels").doesNotContain("no_key");
        FeatureSource s = store.require("EXT_PARCELS");
        FeatureType t = s.schema();
        assertThat(t.title()).isEqualTo("外部图斑");
        assertThat(t.geometryName()).isEqualTo("shape");
        assertThat(t.geometryKind()).isEqualTo(GeometryKind.POLYGON);
        assertThat(t.attributes()).containsExactly(new AttributeDef("name", AttributeType.STRING, 20, "名称", false, null),
                new AttributeDef("area", AttributeType.DOUBLE, 0, "area", false, null));
        assertThat(s.bounds()).isEqualTo(new Envelope(0, 30, 0, 10));
        assertThat(s.version()).isZero();
        assertThat(ids(s.query(Query.filter(new Filter.Compare("area", Filter.CompareOp.GT, 2.0, true)))))
                .containsExactly("2");
        assertThat(ids(s.query(Query.ALL.withBbox(new Envelope(5, 6, 5, 6))))).containsExactly("1");
    }

    @Test
    void everyContractFilterIsPushedDown() {
        List<String> notPushed = new ArrayList<>();
        for (FilterCases.FilterCase c : FilterCases.all()) {
            if (!source.canPushDown(c.filter())) {
                notPushed.add(c.name());
            }
        }
        assertThat(notPushed).isEmpty();
        assertThat(source.canPushDown(Filter.Like.sql("TBMJ", "3%"))).as("LIKE on a double").isFalse();
    }

    @Test
    void likeOnADoubleRunsInMemoryWithTheSameAnswer() {
        Query q = Query.filter(Filter.and(Filter.Like.sql("TBMJ", "3%.5%"), Filter.eq("SJNF", 2020)))
                .withPage(2, 5);
        assertThat(ids(source.query(q))).containsExactlyElementsOf(ids(oracle.select(q)));
        assertThat(source.count(q)).isEqualTo(oracle.count(q));
    }

    // ---------------------------------------------------------------- helpers

    private String gistIndexOf(String table) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT indexname FROM pg_indexes WHERE schemaname = ? AND tablename = ? AND indexdef ILIKE '%gist%'")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a GIST index on " + table).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static FeatureType gridType(String name) {
        return new FeatureType(name, "网格" + name, "geom", GeometryKind.POLYGON, 4527, List.of(
                AttributeDef.string("DLBM", 5, "地类编码"), AttributeDef.of("MJ", AttributeType.DOUBLE, "面积"),
                AttributeDef.string("ZLDWMC", 60, "坐落单位名称")));
    }

    /** Cell {@code k} of a grid {@code cols} wide, 100 m cells. */
    private static Feature gridFeature(FeatureType t, int k, int cols) {
        double x = (k % cols) * 100.0;
        double y = (k / cols) * 100.0;
        Polygon p = (Polygon) GF.toGeometry(new Envelope(x, x + 100, y, y + 100));
        String[] dlbm = {"0101", "0102", "0103", "0201", "0301"};
        return new Feature(t, Integer.toString(k + 1), p, new Object[] {dlbm[k % dlbm.length], 10_000.0, "王家村"});
    }
}
