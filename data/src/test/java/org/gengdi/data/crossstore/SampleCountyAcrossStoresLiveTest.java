package org.gengdi.data.crossstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.task.ProgressListener;
import org.gengdi.data.sample.SampleCounty;
import org.gengdi.data.sample.SampleCountyOptions;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.gengdi.store.postgis.PostGisConfig;
import org.gengdi.store.postgis.PostGisStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * The sample county in GeoPackage and in PostGIS answers bbox + attribute filter + sort + paging queries
 * identically: same features, same order, same values, same geometry bytes. Also checks both against the
 * in-memory evaluator over a full scan, so agreeing on a wrong answer cannot pass. Needs PostGIS
 * ({@code gengdi.test.pg.url}); scripts/test.sh provides it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleCountyAcrossStoresLiveTest {
    @TempDir
    static Path dir;

    private FeatureStore gpkg;
    private FeatureStore pg;
    private Envelope window;

    @BeforeAll
    void load() {
        String url = System.getProperty("gengdi.test.pg.url", "");
        assumeTrue(!url.isBlank(), "gengdi.test.pg.url is not set: cross-store tests skipped (run scripts/test.sh)");
        gpkg = GeoPackageStore.open(dir.resolve("county.gpkg"));
        SampleCounty.generate(SampleCountyOptions.defaults().withCultivatedParcels(3000), gpkg, ProgressListener.NONE);
        pg = PostGisStore.open(PostGisConfig.of(url).withSchema("gengdi_crossstore").withPoolSize(4));
        for (String layer : gpkg.layerNames()) {
            FeatureSource src = gpkg.require(layer);
            try (LayerWriter w = pg.write(src.schema(), true); FeatureCursor c = src.query(Query.ALL)) {
                c.forEachRemaining(w::add);
                w.commit();
            }
        }
        Envelope all = gpkg.require("DLTB").bounds();
        // a window in the middle third of the county
        window = new Envelope(all.getMinX() + all.getWidth() / 3, all.getMaxX() - all.getWidth() / 3,
                all.getMinY() + all.getHeight() / 3, all.getMaxY() - all.getHeight() / 3);
    }

    @AfterAll
    void close() {
        if (pg != null) {
            for (String layer : pg.layerNames()) {
                pg.drop(layer);
            }
            pg.close();
        }
        if (gpkg != null) {
            gpkg.close();
        }
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("DLTB", "paddy or irrigated in a window, by village then area, page 2",
                        Filter.or(Filter.eq("DLBM", "0101"), Filter.eq("DLBM", "0102")),
                        List.of(SortBy.asc("ZLDWDM"), SortBy.desc("TBMJ")), true, 50L, 100L),
                Arguments.of("DLTB", "large gentle parcels in a window by BSM, all",
                        Filter.and(new Filter.Compare("TBMJ", Filter.CompareOp.GT, 2000.0, true),
                                new Filter.In("GDPDJB", List.of("1", "2"))),
                        List.of(SortBy.asc("BSM")), true, 0L, -1L),
                Arguments.of("DLTB", "villages named 王…, sorted by name and quality",
                        Filter.Like.sql("ZLDWMC", "王%"), List.of(SortBy.asc("ZLDWMC"), SortBy.asc("GDDJ")), false,
                        10L, 200L),
                Arguments.of("YJJBNTBHTB", "red line in a window by parcel number, page 3 of 40",
                        Filter.INCLUDE, List.of(SortBy.asc("YJJBNTTBBH")), true, 80L, 40L),
                Arguments.of("YJJBNTBHTB", "red line quality 1-3 not paddy, by grade desc",
                        Filter.and(new Filter.Between("GDDJ", 1, 3), new Filter.Not(Filter.eq("DLBM", "0101"))),
                        List.of(SortBy.desc("GDDJ")), false, 0L, 500L));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("queries")
    void bothStoresGiveTheSameFeaturesInTheSameOrder(String layer, String what, Filter filter, List<SortBy> sort,
                                                     boolean useWindow, long offset, long limit) {
        FeatureSource a = gpkg.require(layer);
        FeatureSource b = pg.require(layer);
        Filter validated = FilterValidator.validate(filter, a.schema());
        Query q = new Query(useWindow ? window : null, validated, null, sort, offset, limit);

        List<String> fromGpkg = rows(a, q);
        List<String> fromPg = rows(b, q);
        assertThat(fromGpkg).as("GeoPackage result of: " + what).isNotEmpty();
        assertThat(fromPg).as("PostGIS vs GeoPackage: " + what).containsExactlyElementsOf(fromGpkg);
        assertThat(b.count(q)).isEqualTo(a.count(q));

        // independent oracle: full scan + in-memory filter, counted
        var predicate = FilterEvaluator.compile(validated, a.schema());
        long expected = 0;
        try (FeatureCursor c = a.query(Query.ALL)) {
            while (c.hasNext()) {
                Feature f = c.next();
                boolean inWindow = !useWindow || (window.intersects(f.geometry().getEnvelopeInternal())
                        && f.geometry().intersects(f.geometry().getFactory().toGeometry(window)));
                if (inWindow && predicate.test(f)) {
                    expected++;
                }
            }
        }
        assertThat(a.count(q)).as("count vs full scan: " + what).isEqualTo(expected);
        long page = limit < 0 ? expected - offset : Math.max(0, Math.min(limit, expected - offset));
        assertThat(fromGpkg).hasSize((int) page);
    }

    private static List<String> rows(FeatureSource src, Query q) {
        List<String> out = new ArrayList<>();
        WKBWriter wkb = new WKBWriter();
        try (FeatureCursor c = src.query(q)) {
            while (c.hasNext()) {
                Feature f = c.next();
                out.add(f.id() + " " + f.properties() + " " + WKBWriter.toHex(wkb.write(f.geometry())));
            }
        }
        return out;
    }
}
