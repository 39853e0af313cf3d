package org.gengdi.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.CodeList;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.FeatureTypeCodec;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.StoreException;
import org.gengdi.store.contract.FeatureStoreContract;
import org.gengdi.store.contract.FilterCases;
import org.gengdi.store.contract.ParcelFixture;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The store contract on a new GeoPackage file, plus what is particular to SQLite: plans, push-down, the file. */
class GeoPackageStoreTest extends FeatureStoreContract {
    private Path dir;

    @Override
    protected FeatureStore openEmptyStore() {
        try {
            dir = Files.createTempDirectory("gengdi-gpkg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GeoPackageStore.open(dir.resolve("contract.gpkg"));
    }

    @Override
    protected long openResources() {
        return ((GeoPackageStore) store).openConnections();
    }

    @Override
    protected void afterAll() {
        try {
            GdalInteropTest.assertSpecChecks(dir.resolve("contract.gpkg"));
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private GeoPackageSource gpkg() {
        return (GeoPackageSource) source;
    }

    @Test
    void bboxQueriesUseTheRtree() {
        Envelope e = new Envelope(39_501_000, 39_502_000, 3_541_000, 3_542_000);
        String plan = gpkg().explain(Query.ALL.withBbox(e));
        assertThat(plan).containsIgnoringCase("VIRTUAL TABLE INDEX").contains("rtree_CONTRACT_DLTB_geom");
        String spatial = gpkg().explain(Query.filter(new Filter.Distance("geom", ParcelFixture.point(3, 3), 50, false)));
        assertThat(spatial).contains("rtree_CONTRACT_DLTB_geom");
        String disjoint = gpkg().explain(Query.filter(
                new Filter.Spatial("geom", Filter.SpatialOp.DISJOINT, ParcelFixture.cells(1, 1, 2, 2))));
        assertThat(disjoint).as("DISJOINT implies no envelope").doesNotContain("rtree");
    }

    @Test
    void canPushDownTellsTheTruth() {
        assertThat(source.canPushDown(Filter.INCLUDE)).isTrue();
        assertThat(source.canPushDown(Filter.eq("ZLDWMC", "王家村"))).isTrue();
        assertThat(source.canPushDown(new Filter.Compare("BZ", Filter.CompareOp.EQ, "gps", false))).isTrue();
        assertThat(source.canPushDown(new Filter.Not(Filter.Like.sql("BZ", "%\\%%")))).isTrue();
        assertThat(source.canPushDown(new Filter.Between("BHKSSJ", LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)))).isTrue();
        assertThat(source.canPushDown(new Filter.In("GDDB", List.of(1, 2)))).isTrue();
        assertThat(source.canPushDown(new Filter.ResourceId(Set.of("1", "x")))).isTrue();
        assertThat(source.canPushDown(new Filter.IsNull("geom"))).isTrue();
        assertThat(source.canPushDown(Filter.bbox("geom", new Envelope(0, 1, 0, 1)))).isFalse();
        assertThat(source.canPushDown(Filter.eq("GXSJ", OffsetDateTime.parse("2023-01-01T00:00:00Z")))).isFalse();
        assertThat(source.canPushDown(Filter.eq("KCXS", 0.0))).isFalse();
        assertThat(source.canPushDown(new Filter.Compare("ZLDWMC", Filter.CompareOp.LT, "𡌶", true))).isFalse();
        assertThat(source.canPushDown(Filter.eq("GDDB", "5"))).as("unvalidated literal type").isFalse();
        assertThat(source.canPushDown(Filter.and(Filter.eq("SJNF", 2020),
                new Filter.TemporalFilter("BHKSSJ", Filter.TemporalOp.AFTER, LocalDate.of(2020, 1, 1), null)))).isFalse();
        assertThat(source.canPushDown(Filter.eq("NO_SUCH", 1))).isFalse();
    }

    @Test
    void contractCasesWithoutSpatialTemporalOrDateTimeNodesArePushedDown() {
        List<String> inMemory = new java.util.ArrayList<>();
        for (FilterCases.FilterCase c : FilterCases.all()) {
            Filter f = FilterValidator.validate(c.filter(), type);
            boolean[] sqlite = {true};
            Filters.walk(f, n -> sqlite[0] &= !(n instanceof Filter.Spatial || n instanceof Filter.Distance
                    || n instanceof Filter.TemporalFilter || "GXSJ".equals(Filters.propertyOf(n))
                    || n instanceof Filter.Compare cmp && Double.valueOf(0.0).equals(cmp.literal())
                    || n instanceof Filter.Compare cmp2 && cmp2.op() != Filter.CompareOp.EQ
                    && cmp2.literal() instanceof String str && str.codePoints().anyMatch(Character::isSupplementaryCodePoint)));
            assertThat(source.canPushDown(f)).as(c.name()).isEqualTo(sqlite[0]);
            if (!sqlite[0]) {
                inMemory.add(c.name());
            }
        }
        System.out.println("contract filter cases (partly) evaluated in memory by the GeoPackage store: " + inMemory);
    }

    @Test
    void likeBecomesAnExactGlob() {
        assertThat(SqlFilter.glob(Filter.Like.sql("A", "王%_\\%\\_*?[]"))).isEqualTo("王*?%_[*][?][[]]");
        assertThat(SqlFilter.glob(new Filter.Like("A", "a*b.c!*!!", '*', '.', '!', true))).isEqualTo("a*b?c[*]!");
        assertThat(SqlFilter.glob(Filter.Like.sql("A", "end\\"))).isEqualTo("end\\");
    }

    @Test
    void anAttributeNamedFidGetsAnotherPrimaryKey() {
        FeatureType t = new FeatureType("W_FID", "带FID字段", "geom", GeometryKind.POLYGON, ParcelFixture.SRID,
                List.of(AttributeDef.of("FID", AttributeType.LONG, "源要素号"), AttributeDef.string("MC", 10, "名称")));
        writeLayer(t, List.of(new Feature(t, "7", ParcelFixture.cells(0, 0, 1, 1), new Object[] {42L, "甲"})), false);
        FeatureSource s = store.require("W_FID");
        assertThat(s.schema()).isEqualTo(t);
        Feature f = toList(s.query(Query.filter(Filter.eq("FID", 42L)))).get(0);
        assertThat(f.id()).isEqualTo("7");
        assertThat(f.get("FID")).isEqualTo(42L);
        assertThat(((GeoPackageSource) s).layer().pkColumn()).isEqualTo("fid_1");

        FeatureType clash = new FeatureType("W_CLASH", null, "geom", GeometryKind.POLYGON, ParcelFixture.SRID,
                List.of(AttributeDef.string("GEOM", 10, "几何")));
        assertStoreError(StoreException.Kind.INVALID_DATA, () -> store.write(clash, false));
        writeLayer(smallType("W_AFTER_CLASH", false), List.of(), false); // the write lock was released
    }

    @Test
    void metadataIsTheSharedJsonAndEachLayerKeepsItsOwnCodeList() throws Exception {
        Map<String, String> codesA = new LinkedHashMap<>();
        codesA.put("2", "坡地");
        codesA.put("1", "平地");
        FeatureType a = new FeatureType("W_CL_A", "代码表“甲”", "geom", GeometryKind.POLYGON, ParcelFixture.SRID,
                List.of(AttributeDef.string("LB", 1, "类别\t𡌶\n\"引号\"")
                                .withCodeList(new CodeList("ZH_LB", "甲", codesA)),
                        AttributeDef.string("ZRRMC", 60, "责任人名称").asPersonal()));
        FeatureType b = new FeatureType("W_CL_B", "代码表乙", "geom", GeometryKind.POLYGON, ParcelFixture.SRID,
                List.of(AttributeDef.string("LB", 1, "类别")
                        .withCodeList(new CodeList("ZH_LB", "乙", Map.of("9", "九")))));
        writeLayer(a, List.of(), false);
        writeLayer(b, List.of(), false);
        assertThat(store.require("W_CL_A").schema()).isEqualTo(a); // the same code-list id, yet not overwritten by b
        assertThat(List.copyOf(store.require("W_CL_A").schema().attribute("LB").codeList().codes().keySet()))
                .containsExactly("2", "1");
        assertThat(store.require("W_CL_B").schema()).isEqualTo(b);
        try (Connection c = Sqlite.openReader(dir.resolve("contract.gpkg"));
             PreparedStatement ps = c.prepareStatement("SELECT attributes FROM gengdi_layer WHERE table_name = ?")) {
            ps.setString(1, "W_CL_A");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(FeatureTypeCodec.attributesToJson(a.attributes()));
            }
        }
    }

    @Test
    void textThatIsNotUtf8IsStillRead() throws Exception {
        FeatureType t = smallType("W_BADTEXT", false);
        writeLayer(t, smallFeatures(t, 3, "甲"), false);
        // another writer (with the ST_ functions the GeoPackage triggers need, as GDAL and QGIS have them)
        try (Connection c = Sqlite.openWriter(dir.resolve("contract.gpkg"));
             Statement st = c.createStatement()) {
            // bytes 0xFF and 0xFE never occur in UTF-8; they are the packed row's separator and NULL mark
            st.execute("UPDATE W_BADTEXT SET MC = CAST(x'41ff42fe' AS TEXT) WHERE fid = 2");
        }
        List<Feature> fs = toList(store.require("W_BADTEXT").query(Query.ALL));
        assertThat(fs).extracting(f -> f.get("BH")).containsExactly(0, 1, 2);
        assertThat((String) fs.get(1).get("MC")).startsWith("A").hasSize(4);
        assertThat(fs.get(2).get("MC")).isEqualTo("甲");
    }

    @Test
    void repeatedAndDistinctValuesReadBackExactly() {
        // The reader caches short strings per column and reuses boxes of repeated numbers: values that repeat,
        // that differ only in one byte, at lengths around eight bytes, NULL next to empty text, all read back.
        FeatureType t = new FeatureType("W_REPEAT", "重复值", "geom", GeometryKind.POLYGON, ParcelFixture.SRID, List.of(
                AttributeDef.string("DM", 60, "代码"), AttributeDef.string("MC", 60, "名称"),
                AttributeDef.of("N", AttributeType.INTEGER, "整数"), AttributeDef.of("L", AttributeType.LONG, "长整数"),
                AttributeDef.of("R", AttributeType.DOUBLE, "实数"), AttributeDef.of("B", AttributeType.BOOLEAN, "是否")));
        List<Feature> in = new java.util.ArrayList<>();
        String[] names = {"水田", "旱地", "", null, "城西社区", "a", "abcdefgh", "abcdefgi", "abcdefghi", "abcdefghj"};
        for (int i = 0; i < 3000; i++) {
            String dm = i % 3 == 0 ? "34012310000" + (i % 7) + "0000000" : "3401231000" + String.format("%09d", i);
            Object[] v = {i % 11 == 0 ? null : dm, names[i % names.length], i % 5 == 0 ? null : (i / 100) % 3,
                    (long) (i / 7) * 1_000_000_007L, i % 13 == 0 ? null : (i % 4 == 0 ? 0.0 : (i / 50) * 0.1),
                    i % 3 == 0 ? null : i % 2 == 0};
            in.add(new Feature(t, Integer.toString(i + 1), ParcelFixture.cells(i % 50, i / 50, i % 50 + 1, i / 50 + 1), v));
        }
        writeLayer(t, in, false);
        List<Feature> out = toList(store.require("W_REPEAT").query(Query.ALL));
        assertThat(out).hasSize(in.size());
        for (int i = 0; i < in.size(); i++) {
            for (int a = 0; a < t.attributes().size(); a++) {
                assertThat(out.get(i).value(a)).as("feature %d attribute %d", i + 1, a).isEqualTo(in.get(i).value(a));
            }
        }
    }

    @Test
    void theFileIsAGeoPackage() throws IOException {
        byte[] head = Files.readAllBytes(dir.resolve("contract.gpkg"));
        assertThat(new String(head, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
        assertThat(java.nio.ByteBuffer.wrap(head, 68, 4).getInt()).as("application_id").isEqualTo(0x47504B47);
        assertThat(java.nio.ByteBuffer.wrap(head, 60, 4).getInt()).as("user_version").isEqualTo(10300);
    }
}
