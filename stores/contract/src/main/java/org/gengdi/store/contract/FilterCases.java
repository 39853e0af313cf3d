package org.gengdi.store.contract;

import static org.gengdi.core.filter.Filter.CompareOp.EQ;
import static org.gengdi.core.filter.Filter.CompareOp.GE;
import static org.gengdi.core.filter.Filter.CompareOp.GT;
import static org.gengdi.core.filter.Filter.CompareOp.LE;
import static org.gengdi.core.filter.Filter.CompareOp.LT;
import static org.gengdi.core.filter.Filter.CompareOp.NE;
import static org.gengdi.store.contract.ParcelFixture.cells;
import static org.gengdi.store.contract.ParcelFixture.point;
import static org.gengdi.store.contract.ParcelFixture.shape;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.CompareOp;
import org.gengdi.core.filter.Filter.SpatialOp;
import org.gengdi.core.filter.Filter.TemporalOp;
import org.locationtech.jts.geom.Geometry;

/**
 * The filter cases every store must answer exactly as {@link org.gengdi.core.filter.FilterEvaluator} does over
 * {@link ParcelFixture}. Adding a case is one line; a case that matches nothing or everything must say so
 * ({@link #trivial}), so that a useless case cannot slip in unnoticed.
 */
public final class FilterCases {

    /** One named filter; {@code trivial} when it may select no feature or all of them. */
    public record FilterCase(String name, Filter filter, boolean trivial) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final List<FilterCase> cases = new ArrayList<>();

    private FilterCases() {
    }

    /** All cases. */
    public static List<FilterCase> all() {
        FilterCases c = new FilterCases();
        c.addAll();
        return List.copyOf(c.cases);
    }

    private void addAll() {
        Geometry equalParcel = ParcelFixture.features().get(776).geometry();
        LocalDate someDate = (LocalDate) ParcelFixture.features().get(10).get("BHKSSJ");
        OffsetDateTime someTime = ((OffsetDateTime) ParcelFixture.features().get(20).get("GXSJ"))
                .withOffsetSameInstant(ZoneOffset.ofHours(8));
        Filter bbox = new Filter.Spatial("geom", SpatialOp.BBOX, cells(10.5, 5.5, 20.5, 12.5));

        trivial("include", Filter.INCLUDE);
        trivial("exclude", Filter.EXCLUDE);

        // Compare: every operator on every type, nulls, case-insensitive matching
        add("eq string", cmp("DLBM", EQ, "0101"));
        add("eq chinese", cmp("ZLDWMC", EQ, "王家村"));
        add("eq supplementary chinese", cmp("ZLDWMC", EQ, "𡌶家村"));
        add("eq empty string", cmp("BZ", EQ, ""));
        add("ne string skips nulls", cmp("DLBM", NE, "0101"));
        add("lt chinese", cmp("ZLDWMC", LT, "李家庄"));
        add("gt chinese", cmp("ZLDWMC", GT, "张"));
        add("gt supplementary literal", cmp("BZ", GT, "𠀀"));
        add("ge string", cmp("BSM", GE, "452700000000001000"));
        add("eq integer", cmp("GDDB", EQ, 5));
        add("ne integer", cmp("GDDB", NE, 5));
        add("lt integer", cmp("GDDB", LT, 4));
        add("le integer", cmp("GDDB", LE, 4));
        add("gt long", cmp("YBH", GT, 4_500_050_000L));
        add("ge double", cmp("TBMJ", GE, 3000.5));
        add("eq double", cmp("KCXS", EQ, 0.1));
        add("le double zero", cmp("KCXS", LE, 0.0));
        add("eq boolean", cmp("SFJBNT", EQ, true));
        add("ne boolean", cmp("SFJBNT", NE, true));
        add("eq date", cmp("BHKSSJ", EQ, someDate));
        add("gt date", cmp("BHKSSJ", GT, LocalDate.of(2020, 1, 1)));
        add("lt datetime with offset", cmp("GXSJ", LT, OffsetDateTime.parse("2023-03-01T00:00:00+08:00")));
        add("eq datetime other offset", cmp("GXSJ", EQ, someTime));
        trivial("eq null literal", cmp("DLBM", EQ, null));
        add("eq case-insensitive ascii", ci("BZ", EQ, "gps复核"));
        add("eq case-insensitive latin", ci("BZ", EQ, "änderung 变更"));
        add("eq case-insensitive kelvin sign", ci("BZ", EQ, "kelvin"));
        add("le case-insensitive", ci("ZLDWMC", LE, "dongshan cun"));
        add("eq case-sensitive ascii", cmp("ZLDWMC", EQ, "Dongshan Cun"));

        // Like: wildcards, escapes, GLOB-special characters, Chinese, case, custom characters
        add("like prefix chinese", like("ZLDWMC", "王%"));
        add("like suffix chinese", like("ZLDWMC", "%村"));
        add("like single char incl. supplementary", like("ZLDWMC", "_家村"));
        add("like escaped percent", like("BZ", "%\\%%"));
        add("like escaped underscore", like("BZ", "%\\_%"));
        add("like star", like("BZ", "%*%"));
        add("like bracket", like("BZ", "%[%"));
        add("like question mark", like("BZ", "%?%"));
        add("like escaped escape", like("BZ", "%\\\\%"));
        add("like trailing escape", like("BZ", "%\\"));
        add("like code pattern", like("DLBM", "01__"));
        add("like case-insensitive", new Filter.Like("BZ", "gps%", '%', '_', '\\', false));
        add("like case-insensitive latin", new Filter.Like("BZ", "Ä%", '%', '_', '\\', false));
        add("like case-sensitive", like("BZ", "G%"));
        add("like fes characters", new Filter.Like("ZLDWMC", "王*", '*', '.', '!', true));
        add("like fes escape", new Filter.Like("BZ", "*!**", '*', '.', '!', true));
        add("like exact", like("ZLDWMC", "东山村"));

        // IsNull, Between, In, ResourceId
        add("is null", new Filter.IsNull("DLBM"));
        add("is null geometry", new Filter.IsNull("geom"));
        add("not is null", new Filter.Not(new Filter.IsNull("GDDB")));
        add("between integer", new Filter.Between("GDDB", 3, 7));
        add("between double", new Filter.Between("TBMJ", 2000.0, 4000.0));
        add("between chinese", new Filter.Between("ZLDWMC", "张", "王家村一组"));
        add("between date", new Filter.Between("BHKSSJ", LocalDate.of(2019, 6, 1), LocalDate.of(2020, 6, 1)));
        add("between datetime", new Filter.Between("GXSJ", OffsetDateTime.parse("2023-02-01T00:00:00Z"),
                OffsetDateTime.parse("2023-04-01T08:00:00+08:00")));
        trivial("between null bound", new Filter.Between("GDDB", null, 7));
        add("in strings", new Filter.In("DLBM", List.of("0101", "0103")));
        add("in integers", new Filter.In("GDDB", List.of(1, 2, 15)));
        add("in chinese", new Filter.In("ZLDWMC", List.of("王家村", "赵家沟", "𡌶家村")));
        add("in long", new Filter.In("YBH", List.of(4_500_000_000L, 4_500_007_919L, 1L)));
        add("resource ids", new Filter.ResourceId(Set.of("1", "17", "999", "2000", "99999", "abc", "-3")));
        trivial("resource ids none", new Filter.ResourceId(Set.of()));

        // Spatial operators, distance
        add("bbox", bbox);
        add("intersects triangle", spatial(SpatialOp.INTERSECTS, shape(3, 3, 17.3, 4.1, 9.2, 15.7, 3, 3)));
        add("intersects line", spatial(SpatialOp.INTERSECTS, shape(0.2, 20.3, 49.7, 22.9)));
        add("equals", spatial(SpatialOp.EQUALS, equalParcel));
        add("disjoint", spatial(SpatialOp.DISJOINT, cells(0, 0, 25, 20)));
        add("touches", spatial(SpatialOp.TOUCHES, cells(3, -1, 7, 0)));
        add("crosses", spatial(SpatialOp.CROSSES, shape(0.05, 20.5, 49.95, 21.6)));
        add("within", spatial(SpatialOp.WITHIN, cells(30, 25, 38, 33)));
        add("contains", spatial(SpatialOp.CONTAINS, point(12.5, 7.5)));
        add("overlaps", spatial(SpatialOp.OVERLAPS, cells(30.5, 30.5, 36.5, 35.5)));
        add("dwithin", new Filter.Distance("geom", point(12.5, 12.5), 150, false));
        add("beyond", new Filter.Distance("geom", point(12.5, 12.5), 1500, true));

        // Temporal
        add("after date", temporal("BHKSSJ", TemporalOp.AFTER, LocalDate.of(2021, 3, 1), null));
        add("before datetime", temporal("GXSJ", TemporalOp.BEFORE, OffsetDateTime.parse("2023-02-15T12:00:00Z"), null));
        add("during date", temporal("BHKSSJ", TemporalOp.DURING, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31)));
        add("during datetime", temporal("GXSJ", TemporalOp.DURING, OffsetDateTime.parse("2023-03-01T00:00:00+08:00"),
                OffsetDateTime.parse("2023-04-01T00:00:00Z")));
        add("tequals date", temporal("BHKSSJ", TemporalOp.TEQUALS, someDate, null));
        add("tequals datetime", temporal("GXSJ", TemporalOp.TEQUALS, someTime, null));

        // Logic, with SQL null semantics under NOT, and mixes of pushable and in-memory parts
        add("and", Filter.and(cmp("DLBM", EQ, "0101"), cmp("GDDB", LT, 5)));
        add("or", Filter.or(cmp("ZLDWMC", EQ, "王家村"), cmp("SFJBNT", EQ, false)));
        add("not compare over nulls", new Filter.Not(cmp("GDDB", EQ, 5)));
        add("not like over nulls", new Filter.Not(like("BZ", "%复核")));
        add("not between over nulls", new Filter.Not(new Filter.Between("KCXS", 0.05, 0.1)));
        add("not in over nulls", new Filter.Not(new Filter.In("DLBM", List.of("0101", "0102"))));
        add("not null literal", new Filter.Not(cmp("GDDB", EQ, null)));
        add("not or over nulls", new Filter.Not(Filter.or(cmp("GDDB", EQ, 5), cmp("DLBM", EQ, "0101"))));
        add("not and", new Filter.Not(Filter.and(cmp("GDDB", GT, 5), cmp("SJNF", EQ, 2020))));
        add("not not", new Filter.Not(new Filter.Not(cmp("SJNF", EQ, 2021))));
        add("not resource ids", new Filter.Not(new Filter.ResourceId(Set.of("1", "2", "3"))));
        add("not spatial", new Filter.Not(bbox));
        add("not and with spatial", new Filter.Not(Filter.and(bbox, cmp("SJNF", EQ, 2020))));
        add("or with spatial", Filter.or(spatial(SpatialOp.INTERSECTS, shape(3, 3, 17.3, 4.1, 9.2, 15.7, 3, 3)),
                cmp("DLBM", EQ, "0103")));
        add("and mixed", Filter.and(new Filter.In("DLBM", List.of("0101", "0102", "0103")),
                temporal("BHKSSJ", TemporalOp.AFTER, LocalDate.of(2019, 3, 1), null), bbox));
        add("and spatial and distance", Filter.and(spatial(SpatialOp.INTERSECTS, cells(5, 5, 30, 30)),
                new Filter.Distance("geom", point(20, 20), 600, false), cmp("GDDB", GE, 3)));
        add("nested", Filter.and(Filter.or(new Filter.Not(like("ZLDWMC", "王%")), new Filter.IsNull("KCXS")),
                new Filter.Not(new Filter.Between("GDDB", 4, 9))));
        add("or of ands", Filter.or(Filter.and(cmp("DLBM", EQ, "0101"), ci("BZ", EQ, "GPS复核")),
                Filter.and(cmp("SJNF", EQ, 2023), new Filter.Not(new Filter.IsNull("BHKSSJ")))));
    }

    private void add(String name, Filter f) {
        cases.add(new FilterCase(name, f, false));
    }

    private void trivial(String name, Filter f) {
        cases.add(new FilterCase(name, f, true));
    }

    private static Filter cmp(String p, CompareOp op, Object literal) {
        return new Filter.Compare(p, op, literal, true);
    }

    private static Filter ci(String p, CompareOp op, Object literal) {
        return new Filter.Compare(p, op, literal, false);
    }

    private static Filter like(String p, String pattern) {
        return Filter.Like.sql(p, pattern);
    }

    private static Filter spatial(SpatialOp op, Geometry g) {
        return new Filter.Spatial("geom", op, g);
    }

    private static Filter temporal(String p, TemporalOp op, java.time.temporal.Temporal begin,
                                   java.time.temporal.Temporal end) {
        return new Filter.TemporalFilter(p, op, begin, end);
    }
}
