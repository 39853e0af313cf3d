package org.gengdi.core.filter.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.core.filter.cql2.Cql2Layers.GK;
import static org.gengdi.core.filter.cql2.Cql2Layers.lonLat;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.filter.FilterEvaluator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsed filters mean what they say: compiled with FilterEvaluator over three hand-made red-line parcels. */
class Cql2TextEvaluationTest {

    /**
     * Parcel 1: 0101 王家村 at 117.10–117.11°E, 30.20–30.21°N; parcel 2: 0102 李家村 at 117.20–117.21°E,
     * 30.30–30.31°N; parcel 3: 0201, no village, grade or date, at 117.50–117.51°E, 30.50–30.51°N.
     */
    private static final List<Feature> PARCELS = List.of(
            parcel("1", "0101", "水田", "王家村", 2, LocalDate.of(2019, 5, 1), "Paddy Field", 117.10, 30.20),
            parcel("2", "0102", "水浇地", "李家村", 5, LocalDate.of(2021, 3, 1), "irrigated", 117.20, 30.30),
            parcel("3", "0201", "果园", null, null, null, null, 117.50, 30.50));

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "DLBM = '0101'                                                        | 1",
        "DLBM = 0101                                                          | 1",
        "DLBM <> '0101'                                                       | 2,3",
        "ZLDWMC = '王家村'                                                    | 1",
        "ZLDWMC LIKE '王%'                                                    | 1",
        "ZLDWMC LIKE '_家村'                                                  | 1,2",
        "ZLDWMC NOT LIKE '王%'                                                | 2",
        "BZ ILIKE 'paddy%'                                                    | 1",
        "BZ LIKE 'paddy%'                                                     | ''",
        "CASEI(BZ) = CASEI('PADDY FIELD')                                     | 1",
        "GDDB BETWEEN 1 AND 3                                                 | 1",
        "GDDB > 2                                                             | 2",
        "NOT GDDB > 2                                                         | 1",
        "DLBM IN ('0101', '0102')                                             | 1,2",
        "DLBM NOT IN ('0101', '0102')                                         | 3",
        "ZLDWMC IS NULL                                                       | 3",
        "ZLDWMC IS NOT NULL AND GDDB < 5                                      | 1",
        "DLBM = '0201' OR GDDB = 5 AND ZLDWMC = '王家村'                      | 3",
        "(DLBM = '0201' OR GDDB = 5) AND ZLDWMC = '李家村'                    | 2",
        "IN ('2')                                                             | 2",
        "INCLUDE                                                              | 1,2,3",
        "S_INTERSECTS(geom, POINT(117.105 30.205))                            | 1",
        "S_DISJOINT(geom, POINT(117.105 30.205))                              | 2,3",
        "S_WITHIN(geom, POLYGON((117 30, 117.3 30, 117.3 30.4, 117 30.4, 117 30)))    | 1,2",
        "S_CONTAINS(geom, POINT(117.205 30.305))                              | 2",
        "S_CONTAINS(POLYGON((117 30, 117.3 30, 117.3 30.4, 117 30.4, 117 30)), geom)  | 1,2",
        "S_INTERSECTS(geom, BBOX(117.095, 30.195, 117.105, 30.205))           | 1",
        "BBOX(geom, 30.195, 117.095, 30.205, 117.105, 'urn:ogc:def:crs:EPSG::4490')   | 1",
        "BBOX(geom, 117.195, 30.295, 117.205, 30.305, 'EPSG:4490')            | 2",
        "DWITHIN(geom, POINT(117.115 30.205), 1, km)                          | 1",
        "DWITHIN(geom, POINT(117.115 30.205), 100, meters)                    | ''",
        "BEYOND(geom, POINT(117.115 30.205), 1, km)                           | 2,3",
        "T_AFTER(BHKSSJ, DATE('2020-01-01'))                                  | 2",
        "T_BEFORE(BHKSSJ, DATE('2020-01-01'))                                 | 1",
        "BHKSSJ DURING 2019-01-01/2019-12-31                                  | 1",
        "T_DURING(BHKSSJ, INTERVAL('2019-01-01', '..'))                       | 1,2",
        "T_EQUALS(BHKSSJ, DATE('2021-03-01'))                                 | 2",
        "BHKSSJ >= DATE('2021-03-01')                                         | 2"})
    void parsedFiltersSelectTheExpectedParcels(String text, String expectedIds) {
        Predicate<Feature> p = FilterEvaluator.compile(Cql2Text.parse(text, Cql2Layers.gk()), GK);
        String ids = PARCELS.stream().filter(p).map(Feature::id).collect(Collectors.joining(","));
        assertThat(ids).isEqualTo(expectedIds);
    }

    private static Feature parcel(String id, String dlbm, String dlmc, String village, Integer grade, LocalDate since,
                                  String note, double lon, double lat) {
        String square = String.format("POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))", lon, lat, lon + 0.01, lat,
                lon + 0.01, lat + 0.01, lon, lat + 0.01, lon, lat);
        return new Feature.Builder(GK).set("DLBM", dlbm).set("DLMC", dlmc).set("ZLDWMC", village)
                .set("GDDB", grade).set("BHKSSJ", since).set("BZ", note)
                .geometry(lonLat(square, 4527)).build(id);
    }
}
