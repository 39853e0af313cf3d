package org.gengdi.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.feature.Query;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;
import org.gengdi.store.contract.FilterCases.FilterCase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The contract every {@link FeatureStore} fulfils. A store's test extends this class and implements
 * {@link #openEmptyStore()}; the suite writes {@link ParcelFixture} once per class and compares every answer of the
 * store with {@link Oracle} (the in-memory {@link FilterEvaluator} over the same features).
 *
 * <p>Rules a store follows beyond the SPI's Javadoc, all checked here:
 * <ul>
 *   <li>ordering as in {@link Oracle} (ids, nulls lowest, code-point string order, ties in id order);</li>
 *   <li>a feature id that is a positive integer is kept; a null id is assigned;</li>
 *   <li>with {@link Query#properties()}, unselected attributes are null in the returned feature, whose schema is
 *       the layer's full schema; the geometry is always returned;</li>
 *   <li>an unknown property in a filter, sort key or property list fails with {@link InvalidFilterException} or a
 *       {@link StoreException.Kind#INVALID_QUERY} — never reaches SQL;</li>
 *   <li>a string longer than its attribute's length (in characters) or a geometry its kind does not accept is
 *       {@link StoreException.Kind#INVALID_DATA} naming the feature;</li>
 *   <li>the schema round-trips exactly: titles, lengths, personal flags and code lists;</li>
 *   <li>DATETIME values round-trip as the same instant (at least millisecond precision).</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FeatureStoreContract {
    protected FeatureStore store;
    protected FeatureSource source;
    protected FeatureType type;
    protected Oracle oracle;

    /** A new, empty store (called once per test class). */
    protected abstract FeatureStore openEmptyStore();

    /** Runs after all tests, before the store is closed (e.g. to check files). */
    protected void afterAll() {
    }

    /** Database resources (connections, cursors) the store holds now, or -1 when it cannot tell. */
    protected long openResources() {
        return -1;
    }

    @BeforeAll
    void writeFixture() {
        store = openEmptyStore();
        type = ParcelFixture.type();
        try (LayerWriter w = store.write(type, false)) {
            for (Feature f : ParcelFixture.insertionOrder()) {
                w.add(f);
            }
            assertThat(w.count()).isEqualTo(ParcelFixture.SIZE);
            w.commit();
        }
        source = store.require(ParcelFixture.LAYER);
        oracle = new Oracle(type, ParcelFixture.features());
    }

    @AfterAll
    void closeStore() {
        try {
            afterAll();
        } finally {
            if (store != null) {
                store.close();
            }
        }
    }

    // ---------------------------------------------------------------- schema, bounds, full read

    @Test
    void schemaRoundTripsWithTitlesPersonalFlagsAndCodeLists() {
        assertThat(source.schema()).isEqualTo(type);
    }

    @Test
    void layerNamesAreSortedAndListTheFixture() {
        List<String> names = store.layerNames();
        assertThat(names).contains(ParcelFixture.LAYER).isSorted();
        assertThat(store.source(ParcelFixture.LAYER)).isPresent();
    }

    @Test
    void boundsAreTheExtentOfAllGeometries() {
        assertThat(source.bounds()).isEqualTo(oracle.bounds());
    }

    @Test
    void everyFeatureRoundTripsExactlyInIdOrder() {
        assertThat(source.count(Query.ALL)).isEqualTo(ParcelFixture.SIZE);
        assertSameFeatures(source.query(Query.ALL), ParcelFixture.features());
    }

    @Test
    void chineseAndSupplementaryCharactersRoundTrip() {
        Set<String> villages = new HashSet<>();
        Set<String> remarks = new HashSet<>();
        try (FeatureCursor c = source.query(Query.ALL.withProperties(List.of("ZLDWMC", "BZ")))) {
            while (c.hasNext()) {
                Feature f = c.next();
                villages.add((String) f.get("ZLDWMC"));
                remarks.add((String) f.get("BZ"));
            }
        }
        assertThat(villages).containsExactlyInAnyOrder(ParcelFixture.VILLAGES);
        assertThat(remarks).containsAll(List.of("𠀀字", "反斜杠\\路径", "\u212Aelvin", "ÄNDERUNG 变更", ""));
    }

    // ---------------------------------------------------------------- filters

    Stream<FilterCase> filterCases() {
        return FilterCases.all().stream();
    }

    @Test
    void everyFilterCaseSelectsSomethingButNotEverything() {
        List<String> useless = new ArrayList<>();
        for (FilterCase c : FilterCases.all()) {
            long n = oracle.count(Query.filter(FilterValidator.validate(c.filter(), type)));
            if (!c.trivial() && (n == 0 || n == ParcelFixture.SIZE)) {
                useless.add(c.name() + " (" + n + ")");
            }
        }
        assertThat(useless).as("cases matching nothing or everything").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void filterSelectsWhatTheEvaluatorSelects(FilterCase c) {
        Query q = Query.filter(FilterValidator.validate(c.filter(), type));
        assertThat(source.count(q)).as("count").isEqualTo(oracle.count(q));
        assertThat(ids(source.query(q))).as("ids").containsExactlyElementsOf(ids(oracle.select(q)));
        Query page = q.withSort(List.of(SortBy.asc("ZLDWMC"), SortBy.desc("GDDB"))).withPage(5, 20);
        assertSameFeatures(source.query(page), oracle.select(page));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filterCases")
    void filterWithBboxSelectsWhatTheEvaluatorSelects(FilterCase c) {
        Query q = Query.filter(FilterValidator.validate(c.filter(), type))
                .withBbox(new Envelope(cellX(3.5), cellX(40.2), cellY(2.7), cellY(31.1)));
        assertThat(source.count(q)).as("count").isEqualTo(oracle.count(q));
        assertThat(ids(source.query(q))).as("ids").containsExactlyElementsOf(ids(oracle.select(q)));
    }

    @Test
    void filterOnUnknownPropertyIsRejected() {
        for (String bad : List.of("NO_SUCH", "DLBM\" OR 1=1 --", "DLBM; DROP TABLE x")) {
            Query q = Query.filter(new Filter.Compare(bad, Filter.CompareOp.EQ, "1", true));
            assertRejected(() -> source.count(q));
            assertRejected(() -> drain(source.query(q)));
            Query like = Query.filter(Filter.Like.sql(bad, "%"));
            assertRejected(() -> drain(source.query(like)));
        }
        assertRejected(() -> drain(source.query(Query.ALL.withSort(List.of(SortBy.asc("NO_SUCH"))))));
        assertRejected(() -> drain(source.query(Query.ALL.withProperties(List.of("DLBM", "NO_SUCH")))));
        assertThat(source.count(Query.ALL)).isEqualTo(ParcelFixture.SIZE);
    }

    // ---------------------------------------------------------------- bbox

    Stream<Arguments> bboxes() {
        return Stream.of(
                Arguments.of("partial cells", new Envelope(cellX(10.3), cellX(21.7), cellY(5.2), cellY(13.9))),
                Arguments.of("row of touching rectangles", new Envelope(cellX(2), cellX(5), cellY(-0.5), cellY(1))),
                Arguments.of("point", new Envelope(cellX(12.5), cellX(12.5), cellY(7.5), cellY(7.5))),
                Arguments.of("vertical line", new Envelope(cellX(20.5), cellX(20.5), cellY(0), cellY(40))),
                Arguments.of("everything", new Envelope(cellX(-1), cellX(51), cellY(-1), cellY(41))),
                Arguments.of("nothing", new Envelope(cellX(60), cellX(70), cellY(60), cellY(70))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bboxes")
    void bboxSelectsIntersectingGeometries(String name, Envelope bbox) {
        Query q = Query.ALL.withBbox(bbox);
        assertThat(source.count(q)).as("count").isEqualTo(oracle.count(q));
        assertSameFeatures(source.query(q), oracle.select(q));
        Query sortedPage = q.withSort(List.of(SortBy.desc("TBMJ"))).withPage(3, 11);
        assertSameFeatures(source.query(sortedPage), oracle.select(sortedPage));
    }

    // ---------------------------------------------------------------- sorting and paging

    Stream<Arguments> sorts() {
        Filter residual = Filter.and(new Filter.Spatial("geom", Filter.SpatialOp.INTERSECTS,
                ParcelFixture.shape(1, 1, 45, 3, 20, 37, 1, 1)), new Filter.TemporalFilter("GXSJ",
                Filter.TemporalOp.AFTER, OffsetDateTime.parse("2023-02-01T00:00:00Z"), null));
        return Stream.of(
                sort("string asc with ties and nulls", Filter.INCLUDE, SortBy.asc("DLBM")),
                sort("string desc with ties and nulls", Filter.INCLUDE, SortBy.desc("DLBM")),
                sort("chinese asc", Filter.INCLUDE, SortBy.asc("ZLDWMC")),
                sort("remarks with supplementary chars", Filter.INCLUDE, SortBy.asc("BZ")),
                sort("double asc", Filter.INCLUDE, SortBy.asc("TBMJ")),
                sort("double desc with ties", Filter.INCLUDE, SortBy.desc("KCXS")),
                sort("integer desc", Filter.INCLUDE, SortBy.desc("GDDB")),
                sort("long desc", Filter.INCLUDE, SortBy.desc("YBH")),
                sort("boolean", Filter.INCLUDE, SortBy.asc("SFJBNT")),
                sort("date", Filter.INCLUDE, SortBy.asc("BHKSSJ")),
                sort("datetime desc", Filter.INCLUDE, SortBy.desc("GXSJ")),
                sort("two keys", Filter.INCLUDE, SortBy.asc("ZLDWMC"), SortBy.desc("GDDB")),
                sort("three keys", Filter.INCLUDE, SortBy.desc("SJNF"), SortBy.asc("GDPDJB"), SortBy.asc("KCXS")),
                sort("pushed-down filter", Filter.eq("DLBM", "0101"), SortBy.desc("SJNF")),
                sort("in-memory filter", residual, SortBy.asc("ZLDWMC")));
    }

    private static Arguments sort(String name, Filter f, SortBy... keys) {
        return Arguments.of(name, f, List.of(keys));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sorts")
    void sortOrdersLikeTheOracleWithTiesInIdOrder(String name, Filter f, List<SortBy> keys) {
        Query q = Query.filter(FilterValidator.validate(f, type)).withSort(keys);
        assertThat(ids(source.query(q))).containsExactlyElementsOf(ids(oracle.select(q)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sorts")
    void pagesConcatenateToTheFullResult(String name, Filter f, List<SortBy> keys) {
        Query q = Query.filter(FilterValidator.validate(f, type)).withSort(keys);
        List<String> full = ids(oracle.select(q));
        List<String> paged = new ArrayList<>();
        int size = 97;
        for (long offset = 0; offset <= full.size(); offset += size) {
            List<String> page = ids(source.query(q.withPage(offset, size)));
            assertThat(page.size()).isLessThanOrEqualTo(size);
            paged.addAll(page);
        }
        assertThat(paged).containsExactlyElementsOf(full).doesNotHaveDuplicates();
        assertThat(source.count(q.withPage(10, 5))).as("count ignores paging").isEqualTo(full.size());
    }

    @Test
    void pagingEdges() {
        assertThat(ids(source.query(Query.ALL.withPage(0, 0)))).isEmpty();
        assertThat(ids(source.query(Query.ALL.withPage(ParcelFixture.SIZE, 10)))).isEmpty();
        assertThat(ids(source.query(Query.ALL.withPage(ParcelFixture.SIZE - 3, 10)))).containsExactly("1998", "1999", "2000");
        assertThat(ids(source.query(Query.ALL.withPage(0, 3)))).containsExactly("1", "2", "3");
    }

    // ---------------------------------------------------------------- property selection

    @Test
    void unselectedAttributesAreNullAndTheSchemaIsUnchanged() {
        Query q = Query.filter(Filter.eq("DLBM", "0102")).withProperties(List.of("zldwmc", "GDDB"));
        List<Feature> expected = oracle.select(q);
        List<Feature> actual = toList(source.query(q));
        assertThat(actual).hasSameSizeAs(expected);
        int zl = type.indexOf("ZLDWMC");
        int gd = type.indexOf("GDDB");
        for (int n = 0; n < actual.size(); n++) {
            Feature a = actual.get(n);
            Feature e = expected.get(n);
            assertThat(a.id()).isEqualTo(e.id());
            assertThat(a.type()).isEqualTo(type);
            assertThat(e.geometry() == null ? a.geometry() == null : e.geometry().equalsExact(a.geometry()))
                    .as(e.id() + " geometry").isTrue();
            for (int i = 0; i < type.attributes().size(); i++) {
                assertThat(a.value(i)).as(type.attributes().get(i).name())
                        .isEqualTo(i == zl || i == gd ? e.value(i) : null);
            }
        }
        // A residual filter may need an attribute that was not selected; it is still null in the result.
        Query residual = Query.filter(Filter.and(Filter.eq("SJNF", 2020), new Filter.TemporalFilter("BHKSSJ",
                Filter.TemporalOp.AFTER, LocalDate.of(2020, 1, 1), null))).withProperties(List.of("BSM"));
        List<Feature> r = toList(source.query(residual));
        assertThat(ids(r)).containsExactlyElementsOf(ids(oracle.select(residual)));
        assertThat(r).allSatisfy(f -> assertThat(f.get("BHKSSJ")).isNull());
        assertThat(toList(source.query(Query.ALL.withProperties(List.of()).withPage(0, 5))))
                .allSatisfy(f -> assertThat(f.properties().values()).containsOnlyNulls());
    }

    // ---------------------------------------------------------------- cursors

    @Test
    void closingCursorsEarlyReleasesTheirResources() {
        drain(source.query(Query.ALL.withPage(0, 1)));
        long before = openResources();
        for (int i = 0; i < 1000; i++) {
            try (FeatureCursor c = source.query(Query.ALL.withSort(List.of(SortBy.desc("TBMJ"))))) {
                assertThat(c.hasNext()).isTrue();
                c.next();
            }
        }
        long after = openResources();
        if (before >= 0) {
            assertThat(after).as("resources held after 1000 cursors").isLessThanOrEqualTo(before + 1);
        }
        assertThat(source.count(Query.ALL)).isEqualTo(ParcelFixture.SIZE);
    }

    @Test
    void manyCursorsMayBeOpenAtOnce() {
        List<FeatureCursor> open = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                open.add(source.query(Query.filter(Filter.eq("SJNF", 2019 + i % 5))));
            }
            for (int round = 0; round < 3; round++) {
                for (FeatureCursor c : open) {
                    assertThat(c.hasNext()).isTrue();
                    c.next();
                }
            }
        } finally {
            open.forEach(FeatureCursor::close);
        }
    }

    @Test
    void cursorBehavesAsAnIterator() {
        FeatureCursor c = source.query(Query.ALL.withPage(0, 2));
        assertThat(c.hasNext()).isTrue();
        assertThat(c.hasNext()).isTrue();
        assertThat(c.next().id()).isEqualTo("1");
        assertThat(c.next().id()).isEqualTo("2");
        assertThat(c.hasNext()).isFalse();
        assertThatThrownBy(c::next).isInstanceOf(NoSuchElementException.class);
        c.close();
        c.close();
    }

    // ---------------------------------------------------------------- writing

    @Test
    void rollbackLeavesNoLayer() {
        List<String> before = store.layerNames();
        try (LayerWriter w = store.write(smallType("W_ROLLBACK", false), false)) {
            smallFeatures(smallType("W_ROLLBACK", false), 10, "甲").forEach(w::add);
            w.rollback();
        }
        assertThat(store.source("W_ROLLBACK")).isEmpty();
        assertThat(store.layerNames()).isEqualTo(before);
    }

    @Test
    void closeWithoutCommitLeavesNoLayer() {
        try (LayerWriter w = store.write(smallType("W_UNCOMMITTED", false), false)) {
            smallFeatures(smallType("W_UNCOMMITTED", false), 10, "甲").forEach(w::add);
        }
        assertThat(store.source("W_UNCOMMITTED")).isEmpty();
        assertThat(store.layerNames()).doesNotContain("W_UNCOMMITTED");
    }

    @Test
    void replaceSwapsContentAtCommitOnly() {
        FeatureType v1 = smallType("W_SWAP", false);
        writeLayer(v1, smallFeatures(v1, 5, "旧"), false);
        long version1 = store.require("W_SWAP").version();

        FeatureType v2 = smallType("W_SWAP", true);
        List<Feature> newer = smallFeatures(v2, 7, "新");
        try (LayerWriter w = store.write(v2, true)) {
            newer.forEach(w::add);
            // Readers still see the old layer while the new one is being written.
            FeatureSource during = store.require("W_SWAP");
            assertThat(during.count(Query.ALL)).isEqualTo(5);
            assertThat(toList(during.query(Query.ALL))).allSatisfy(f -> assertThat(f.get("MC")).isEqualTo("旧"));
            w.commit();
        }
        FeatureSource after = store.require("W_SWAP");
        assertThat(after.schema()).isEqualTo(v2);
        assertSameFeatures(after.query(Query.ALL), newer);
        assertThat(after.version()).as("version after replace").isGreaterThan(version1);
    }

    @Test
    void rollbackOfReplaceKeepsTheOldLayer() {
        FeatureType v1 = smallType("W_KEEP", false);
        List<Feature> old = smallFeatures(v1, 4, "旧");
        writeLayer(v1, old, false);
        try (LayerWriter w = store.write(smallType("W_KEEP", true), true)) {
            smallFeatures(smallType("W_KEEP", true), 9, "新").forEach(w::add);
            w.rollback();
        }
        FeatureSource s = store.require("W_KEEP");
        assertThat(s.schema()).isEqualTo(v1);
        assertSameFeatures(s.query(Query.ALL), old);
    }

    @Test
    void writingAnExistingLayerWithoutReplaceFails() {
        FeatureType t = smallType("W_EXISTS", false);
        writeLayer(t, smallFeatures(t, 2, "甲"), false);
        assertStoreError(StoreException.Kind.LAYER_EXISTS, () -> writeLayer(t, smallFeatures(t, 3, "乙"), false));
        assertThat(store.require("W_EXISTS").count(Query.ALL)).isEqualTo(2);
        assertStoreError(StoreException.Kind.LAYER_EXISTS, () -> writeLayer(type, List.of(), false));
        assertThat(source.count(Query.ALL)).isEqualTo(ParcelFixture.SIZE);
    }

    @Test
    void unknownLayer() {
        assertThat(store.source("NO_SUCH_LAYER")).isEmpty();
        assertStoreError(StoreException.Kind.UNKNOWN_LAYER, () -> store.require("NO_SUCH_LAYER"));
        assertThat(store.drop("NO_SUCH_LAYER")).isFalse();
    }

    @Test
    void dropRemovesALayer() {
        FeatureType t = smallType("W_DROP", false);
        writeLayer(t, smallFeatures(t, 3, "甲"), false);
        assertThat(store.drop("W_DROP")).isTrue();
        assertThat(store.source("W_DROP")).isEmpty();
        assertThat(store.layerNames()).doesNotContain("W_DROP");
        assertThat(store.drop("W_DROP")).isFalse();
        writeLayer(t, smallFeatures(t, 1, "乙"), false);
        assertThat(store.require("W_DROP").count(Query.ALL)).isEqualTo(1);
    }

    @Test
    void versionIncreasesWithEveryCommit() {
        FeatureType t = smallType("W_VERSION", false);
        writeLayer(t, smallFeatures(t, 1, "甲"), false);
        long v1 = store.require("W_VERSION").version();
        writeLayer(t, smallFeatures(t, 2, "乙"), true);
        long v2 = store.require("W_VERSION").version();
        store.drop("W_VERSION");
        writeLayer(t, smallFeatures(t, 3, "丙"), false);
        long v3 = store.require("W_VERSION").version();
        assertThat(v2).isGreaterThan(v1);
        assertThat(v3).as("a re-created layer never reuses a version").isGreaterThan(v2);
    }

    @Test
    void wrongGeometryTypeIsInvalidDataNamingTheFeature() {
        FeatureType t = smallType("W_BADGEOM", false);
        List<Feature> fs = new ArrayList<>(smallFeatures(t, 3, "甲"));
        Geometry point = ParcelFixture.point(1, 1);
        fs.add(new Feature(t, "77", point, new Object[] {"点", 1}));
        Throwable e = assertStoreError(StoreException.Kind.INVALID_DATA, () -> writeLayer(t, fs, false));
        assertThat(e.getMessage()).contains("77");
        assertThat(store.source("W_BADGEOM")).isEmpty();
    }

    @Test
    void stringLengthCountsCharactersNotBytes() {
        FeatureType t = smallType("W_LENGTH", false);
        String sixty = "王".repeat(60);
        writeLayer(t, List.of(new Feature(t, "1", square(0), new Object[] {sixty, 1})), false);
        assertThat(toList(store.require("W_LENGTH").query(Query.ALL)).get(0).get("MC")).isEqualTo(sixty);
        FeatureType t2 = smallType("W_TOO_LONG", false);
        Throwable e = assertStoreError(StoreException.Kind.INVALID_DATA,
                () -> writeLayer(t2, List.of(new Feature(t2, "5", square(0), new Object[] {sixty + "王", 1})), false));
        assertThat(e.getMessage()).contains("5");
        assertThat(store.source("W_TOO_LONG")).isEmpty();
    }

    @Test
    void nullIdsAreAssignedAndIntegerIdsKept() {
        FeatureType t = smallType("W_IDS", false);
        List<Feature> fs = List.of(new Feature(t, null, square(0), new Object[] {"甲", 1}),
                new Feature(t, "1000", square(1), new Object[] {"乙", 2}),
                new Feature(t, null, square(2), new Object[] {"丙", 3}));
        writeLayer(t, fs, false);
        List<Feature> back = toList(store.require("W_IDS").query(Query.ALL));
        assertThat(back).hasSize(3);
        assertThat(ids(back)).doesNotContainNull().doesNotHaveDuplicates().contains("1000");
    }

    @Test
    void emptyLayer() {
        FeatureType t = smallType("W_EMPTY", false);
        writeLayer(t, List.of(), false);
        FeatureSource s = store.require("W_EMPTY");
        assertThat(s.schema()).isEqualTo(t);
        assertThat(s.count(Query.ALL)).isZero();
        assertThat(s.bounds().isNull()).isTrue();
        assertThat(ids(s.query(Query.ALL))).isEmpty();
    }

    // ---------------------------------------------------------------- helpers for stores' own tests

    /** Writes a layer and commits. */
    protected void writeLayer(FeatureType t, List<Feature> fs, boolean replace) {
        try (LayerWriter w = store.write(t, replace)) {
            for (Feature f : fs) {
                w.add(f);
            }
            w.commit();
        }
    }

    /** A two-attribute polygon layer; {@code extra} adds a third attribute (for schema changes). */
    protected static FeatureType smallType(String name, boolean extra) {
        List<AttributeDef> attrs = new ArrayList<>(List.of(AttributeDef.string("MC", 60, "名称"),
                AttributeDef.of("BH", AttributeType.INTEGER, "编号")));
        if (extra) {
            attrs.add(AttributeDef.of("MJ", AttributeType.DOUBLE, "面积"));
        }
        return new FeatureType(name, "小图层" + name, "geom", GeometryKind.POLYGON, ParcelFixture.SRID, attrs);
    }

    /** {@code n} squares with ids 1…n and the name {@code mc}. */
    protected static List<Feature> smallFeatures(FeatureType t, int n, String mc) {
        List<Feature> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Object[] v = t.attributes().size() == 3 ? new Object[] {mc, i, i * 1.5} : new Object[] {mc, i};
            out.add(new Feature(t, Integer.toString(i + 1), square(i), v));
        }
        return out;
    }

    private static Polygon square(int i) {
        return ParcelFixture.cells(i, 0, i + 1, 1);
    }

    /** Reads a cursor to the end and closes it. */
    protected static List<Feature> toList(FeatureCursor c) {
        List<Feature> out = new ArrayList<>();
        try (c) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    protected static List<String> ids(FeatureCursor c) {
        return ids(toList(c));
    }

    protected static List<String> ids(List<Feature> fs) {
        List<String> out = new ArrayList<>(fs.size());
        fs.forEach(f -> out.add(f.id()));
        return out;
    }

    private static void drain(FeatureCursor c) {
        toList(c);
    }

    /** Same ids, values (date-times by instant) and geometries with identical coordinates, in order. */
    protected static void assertSameFeatures(FeatureCursor actual, List<Feature> expected) {
        List<Feature> got = toList(actual);
        assertThat(ids(got)).containsExactlyElementsOf(ids(expected));
        for (int n = 0; n < got.size(); n++) {
            assertSameFeature(got.get(n), expected.get(n));
        }
    }

    protected static void assertSameFeature(Feature a, Feature e) {
        assertThat(a.valueCount()).isEqualTo(e.valueCount());
        for (int i = 0; i < e.valueCount(); i++) {
            Object av = a.value(i);
            Object ev = e.value(i);
            String what = e.id() + "." + e.type().attributes().get(i).name();
            if (ev instanceof OffsetDateTime et && av instanceof OffsetDateTime at) {
                assertThat(at.toInstant()).as(what).isEqualTo(et.toInstant());
            } else {
                assertThat(av).as(what).isEqualTo(ev);
            }
        }
        if (e.geometry() == null) {
            assertThat(a.geometry()).as(e.id() + " geometry").isNull();
        } else {
            assertThat(a.geometry()).as(e.id() + " geometry").isNotNull();
            assertThat(a.geometry().getGeometryType()).isEqualTo(e.geometry().getGeometryType());
            if (!a.geometry().equalsExact(e.geometry())) {
                fail(e.id() + " geometry differs: " + a.geometry() + " vs " + e.geometry());
            }
        }
    }

    private static void assertRejected(Executable call) {
        try {
            call.execute();
        } catch (InvalidFilterException e) {
            return;
        } catch (StoreException e) {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.INVALID_QUERY);
            return;
        } catch (Throwable t) {
            fail("expected InvalidFilterException or INVALID_QUERY, got " + t, t);
        }
        fail("expected InvalidFilterException or INVALID_QUERY, but the call succeeded");
    }

    protected static Throwable assertStoreError(StoreException.Kind kind, Executable call) {
        try {
            call.execute();
        } catch (StoreException e) {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            return e;
        } catch (Throwable t) {
            fail("expected StoreException " + kind + ", got " + t, t);
        }
        return fail("expected StoreException " + kind + ", but the call succeeded");
    }

    private static double cellX(double c) {
        return ParcelFixture.X0 + c * ParcelFixture.CELL;
    }

    private static double cellY(double r) {
        return ParcelFixture.Y0 + r * ParcelFixture.CELL;
    }
}
