package org.gengdi.store.postgis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.InvalidFilterException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;

/** The generated SQL and parameter lists, without a database. */
class SqlTranslatorTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final FeatureType TYPE = new FeatureType("DLTB", "地类图斑", "geom", GeometryKind.MULTIPOLYGON, 4490,
            List.of(AttributeDef.string("DLBM", 5, "地类编码"), AttributeDef.of("GDDB", AttributeType.INTEGER, "耕地等别"),
                    AttributeDef.of("TBMJ", AttributeType.DOUBLE, "图斑面积"),
                    AttributeDef.of("BHKSSJ", AttributeType.DATE, "保护开始时间"),
                    AttributeDef.of("GXSJ", AttributeType.DATETIME, "更新时间")));
    private final SqlTranslator sql = new SqlTranslator(new LayerTable("gengdi", "DLTB", "fid", TYPE));

    private Sql where(Filter f) {
        return sql.condition(f);
    }

    @Test
    void selectWithBboxSortAndPage() {
        Sql s = sql.select(TYPE.attributes().subList(0, 2), new Envelope(1, 3, 2, 4), Filter.eq("GDDB", 5),
                List.of(SortBy.desc("DLBM"), SortBy.asc("GDDB")), 20, 10);
        String order = " ORDER BY \"DLBM\" COLLATE \"C\" DESC NULLS LAST, \"GDDB\" ASC NULLS FIRST, \"fid\"";
        // the skipped rows are walked on ids alone; only the page is read whole
        assertThat(s.text()).isEqualTo("SELECT \"fid\", \"DLBM\", \"GDDB\", ST_AsBinary(\"geom\") FROM \"gengdi\".\"DLTB\""
                + " WHERE \"fid\" = ANY(ARRAY(SELECT \"fid\" FROM \"gengdi\".\"DLTB\""
                + " WHERE \"geom\" && ST_MakeEnvelope(?, ?, ?, ?, 4490)"
                + " AND ST_Intersects(\"geom\", ST_MakeEnvelope(?, ?, ?, ?, 4490)) AND \"GDDB\" = ?"
                + order + " LIMIT ? OFFSET ?))" + order);
        assertThat(s.params()).containsExactly(1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 4.0, 5, 10L, 20L);
        Sql first = sql.select(TYPE.attributes().subList(0, 1), null, Filter.INCLUDE, List.of(), 0, 10);
        assertThat(first.text()).isEqualTo("SELECT \"fid\", \"DLBM\", ST_AsBinary(\"geom\") FROM \"gengdi\".\"DLTB\""
                + " ORDER BY \"fid\" LIMIT ?");
    }

    @Test
    void selectWithoutPagingOrderByIdOnly() {
        Sql s = sql.select(List.of(), null, Filter.INCLUDE, List.of(), 0, -1);
        assertThat(s.text()).isEqualTo("SELECT \"fid\", ST_AsBinary(\"geom\") FROM \"gengdi\".\"DLTB\" ORDER BY \"fid\"");
        assertThat(s.params()).isEmpty();
    }

    @Test
    void countAndDegenerateBbox() {
        Sql s = sql.count(new Envelope(5, 5, 1, 9), Filter.INCLUDE);
        assertThat(s.text()).isEqualTo("SELECT count(*) FROM \"gengdi\".\"DLTB\" WHERE \"geom\" && "
                + "ST_MakeEnvelope(?, ?, ?, ?, 4490) AND ST_Intersects(\"geom\", ST_GeomFromWKB(?, 4490))");
        assertThat(wkb(s.params().get(4)).getGeometryType()).isEqualTo("LineString");
        assertThat(sql.count(new Envelope(), Filter.INCLUDE).text()).endsWith(" WHERE FALSE");
    }

    @Test
    void comparisons() {
        assertThat(where(Filter.eq("DLBM", "0101"))).isEqualTo(sql("\"DLBM\" = ?", "0101"));
        assertThat(where(new Filter.Compare("DLBM", Filter.CompareOp.LT, "0101", true)))
                .isEqualTo(sql("\"DLBM\" COLLATE \"C\" < ?", "0101"));
        assertThat(where(new Filter.Compare("DLBM", Filter.CompareOp.GE, "Ab", false)))
                .isEqualTo(sql("lower(\"DLBM\") COLLATE \"C\" >= ?", "ab"));
        assertThat(where(new Filter.Compare("GDDB", Filter.CompareOp.NE, 3, false)))
                .isEqualTo(sql("\"GDDB\" <> ?", 3));
        assertThat(where(Filter.eq("DLBM", null))).isEqualTo(sql("FALSE"));
    }

    @Test
    void notIsTwoValuedAsInTheEvaluator() {
        assertThat(where(new Filter.Not(Filter.eq("GDDB", 5))))
                .isEqualTo(sql("(\"GDDB\" IS NOT NULL AND NOT ((\"GDDB\" IS NOT NULL AND \"GDDB\" = ?)))", 5));
        assertThat(where(new Filter.Not(Filter.or(Filter.eq("GDDB", 5), Filter.eq("DLBM", "0101")))))
                .isEqualTo(sql("NOT (((\"GDDB\" IS NOT NULL AND \"GDDB\" = ?) OR (\"DLBM\" IS NOT NULL AND \"DLBM\" = ?)))",
                        5, "0101"));
        assertThat(where(new Filter.Not(new Filter.IsNull("DLBM")))).isEqualTo(sql("NOT (\"DLBM\" IS NULL)"));
        assertThat(where(new Filter.Not(Filter.eq("GDDB", null))))
                .isEqualTo(sql("(\"GDDB\" IS NOT NULL AND NOT (FALSE))"));
    }

    @Test
    void likeMapsTheFiltersCharacters() {
        assertThat(where(new Filter.Like("DLBM", "01*!*.%_\\", '*', '.', '!', true)))
                .isEqualTo(sql("\"DLBM\" LIKE ? ESCAPE '\\'", "01%*_\\%\\_\\\\"));
        assertThat(where(new Filter.Like("DLBM", "a%", '%', '_', '\\', false)))
                .isEqualTo(sql("\"DLBM\" ILIKE ? ESCAPE '\\'", "a%"));
        assertThat(where(Filter.Like.sql("DLBM", "%\\"))).isEqualTo(sql("\"DLBM\" LIKE ? ESCAPE '\\'", "%\\\\"));
        assertThat(where(Filter.Like.sql("GDDB", "1%"))).isEqualTo(sql("\"GDDB\"::text LIKE ? ESCAPE '\\'", "1%"));
    }

    @Test
    void likeOnDoublesAndTimesStaysInMemory() {
        Filter onDouble = Filter.Like.sql("TBMJ", "3%");
        assertThat(sql.canTranslate(onDouble)).isFalse();
        assertThat(sql.canTranslate(new Filter.Not(onDouble))).isFalse();
        Filter mixed = Filter.and(Filter.eq("GDDB", 1), onDouble);
        SqlTranslator.Split split = sql.split(mixed);
        assertThat(split.pushed()).isEqualTo(Filter.eq("GDDB", 1));
        assertThat(split.residual()).isEqualTo(onDouble);
        SqlTranslator.Split or = sql.split(Filter.or(Filter.eq("GDDB", 1), onDouble));
        assertThat(or.pushed()).isEqualTo(Filter.INCLUDE);
        assertThatThrownBy(() -> where(onDouble)).isInstanceOf(InvalidFilterException.class);
    }

    @Test
    void betweenInAndIds() {
        assertThat(where(new Filter.Between("DLBM", "01", "02")))
                .isEqualTo(sql("\"DLBM\" COLLATE \"C\" BETWEEN ? AND ?", "01", "02"));
        assertThat(where(new Filter.Between("GDDB", null, 2))).isEqualTo(sql("FALSE"));
        assertThat(where(new Filter.In("GDDB", List.of(1, 3))))
                .isEqualTo(sql("\"GDDB\" IN (?, ?)", 1, 3));
        assertThat(where(new Filter.In("GDDB", List.of()))).isEqualTo(sql("FALSE"));
        assertThat(where(new Filter.ResourceId(Set.of("7", "3", "abc", "07", "-1"))))
                .isEqualTo(sql("\"fid\" = ANY(?)", new Sql.Array("bigint", new Long[] {-1L, 3L, 7L})));
        assertThat(where(new Filter.ResourceId(Set.of("x")))).isEqualTo(sql("FALSE"));
    }

    @Test
    void spatialOperatorsPutTheFeatureFirst() {
        Geometry lit = GF.createPoint(new Coordinate(1, 2));
        for (Filter.SpatialOp op : Filter.SpatialOp.values()) {
            Sql s = where(new Filter.Spatial("geom", op, lit));
            String fn = switch (op) {
                case BBOX, INTERSECTS -> "ST_Intersects";
                default -> "ST_" + op.name().charAt(0) + op.name().substring(1).toLowerCase();
            };
            assertThat(s.text()).isEqualTo(fn + "(\"geom\", ST_GeomFromWKB(?, 4490))");
            assertThat(wkb(s.params().get(0)).equalsExact(lit)).isTrue();
        }
        assertThat(where(new Filter.Not(new Filter.Spatial("geom", Filter.SpatialOp.WITHIN, lit))).text())
                .isEqualTo("NOT ((\"geom\" IS NOT NULL AND ST_Within(\"geom\", ST_GeomFromWKB(?, 4490))))");
    }

    @Test
    void distance() {
        Geometry p = GF.createPoint(new Coordinate(1, 2));
        Sql within = where(new Filter.Distance("geom", p, 150, false));
        assertThat(within.text()).isEqualTo("ST_DWithin(\"geom\", ST_GeomFromWKB(?, 4490), ?)");
        assertThat(within.params().get(1)).isEqualTo(150.0);
        assertThat(where(new Filter.Distance("geom", p, 150, true)).text())
                .isEqualTo("NOT ST_DWithin(\"geom\", ST_GeomFromWKB(?, 4490), ?)");
    }

    @Test
    void temporal() {
        LocalDate d = LocalDate.of(2020, 1, 1);
        assertThat(where(new Filter.TemporalFilter("BHKSSJ", Filter.TemporalOp.AFTER, d, null)))
                .isEqualTo(sql("\"BHKSSJ\" > ?", d));
        OffsetDateTime t = OffsetDateTime.parse("2023-03-01T08:00:00+08:00");
        OffsetDateTime utc = t.withOffsetSameInstant(ZoneOffset.UTC);
        assertThat(where(new Filter.TemporalFilter("BHKSSJ", Filter.TemporalOp.BEFORE, t, null)))
                .isEqualTo(sql("(\"BHKSSJ\"::timestamp AT TIME ZONE 'UTC') < ?", utc));
        assertThat(where(new Filter.TemporalFilter("GXSJ", Filter.TemporalOp.DURING, d, t)))
                .isEqualTo(sql("(\"GXSJ\" > ? AND \"GXSJ\" < ?)", d.atStartOfDay().atOffset(ZoneOffset.UTC), utc));
    }

    @Test
    void identifiersComeFromTheSchemaOnly() {
        assertThatThrownBy(() -> where(Filter.eq("DLBM\" OR 1=1 --", "x"))).isInstanceOf(InvalidFilterException.class);
        assertThatThrownBy(() -> sql.select(List.of(), null, Filter.INCLUDE, List.of(SortBy.asc("x; DROP")), 0, -1))
                .isInstanceOf(InvalidFilterException.class);
        assertThat(LayerTable.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }

    private static Sql sql(String text, Object... params) {
        return new Sql(text, List.of(params));
    }

    private static Geometry wkb(Object bytes) {
        try {
            return new WKBReader().read((byte[]) bytes);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new AssertionError(e);
        }
    }
}
