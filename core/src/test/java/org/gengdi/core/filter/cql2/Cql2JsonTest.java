package org.gengdi.core.filter.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.gengdi.core.filter.cql2.Cql2Layers.CRS84;
import static org.gengdi.core.filter.cql2.Cql2Layers.GEO;
import static org.gengdi.core.filter.cql2.Cql2Layers.GK;
import static org.gengdi.core.filter.cql2.Cql2Layers.URN_4490;
import static org.gengdi.core.filter.cql2.Cql2Layers.gk;
import static org.gengdi.core.filter.cql2.Cql2Layers.lonLat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.CompareOp;
import org.gengdi.core.filter.Filter.SpatialOp;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.InvalidFilterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CQL2 JSON: each construct gives the same AST as the same filter in CQL2 text; bad, hostile and unsupported
 * documents fail with the two filter exceptions and a JSON location.
 */
class Cql2JsonTest {

    /** JSON written with single quotes for readability (no test string contains a real apostrophe). */
    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static Filter json(String singleQuoted) {
        return Cql2Json.parse(j(singleQuoted), gk());
    }

    static Stream<Arguments> sameAsText() {
        String poly = "[[[117,30],[117.1,30],[117.1,30.1],[117,30.1],[117,30]]]";
        return Stream.of(
                // comparisons, either way round, literals coerced to the attribute type
                Arguments.of("DLBM = '0101'", "{'op':'=','args':[{'property':'DLBM'},'0101']}"),
                Arguments.of("DLBM <> '0101'", "{'op':'<>','args':[{'property':'DLBM'},'0101']}"),
                Arguments.of("GDDB < 3", "{'op':'<','args':[{'property':'GDDB'},3]}"),
                Arguments.of("GDDB <= 3", "{'op':'<=','args':[{'property':'GDDB'},3]}"),
                Arguments.of("GDDB > 3", "{'op':'>','args':[{'property':'GDDB'},3]}"),
                Arguments.of("GDDB >= 3", "{'op':'>=','args':[{'property':'GDDB'},3]}"),
                Arguments.of("3 < GDDB", "{'op':'<','args':[3,{'property':'GDDB'}]}"),
                Arguments.of("GDDB > 3", "{'op':'<','args':[3,{'property':'GDDB'}]}"),
                Arguments.of("YJJBNTTBMJ >= 1.5e3", "{'op':'>=','args':[{'property':'YJJBNTTBMJ'},1500.0]}"),
                Arguments.of("YJJBNTTBMJ > -2.5", "{'op':'>','args':[{'property':'YJJBNTTBMJ'},-2.5]}"),
                Arguments.of("GDDB = '3'", "{'op':'=','args':[{'property':'GDDB'},'3']}"),
                Arguments.of("dlbm = '0101'", "{'op':'=','args':[{'property':'dlbm'},'0101']}"),
                Arguments.of("DLBM = 101", "{'op':'=','args':[{'property':'DLBM'},101]}"),
                Arguments.of("ZLDWMC = '王家村'", "{'op':'=','args':[{'property':'ZLDWMC'},'王家村']}"),
                Arguments.of("ZLDWMC = '𡌶家村'", "{'op':'=','args':[{'property':'ZLDWMC'},'𡌶家村']}"),
                Arguments.of("BHKSSJ > DATE('2020-01-01')",
                        "{'op':'>','args':[{'property':'BHKSSJ'},{'date':'2020-01-01'}]}"),
                Arguments.of("BHKSSJ = TIMESTAMP('2020-01-01T08:00:00Z')",
                        "{'op':'=','args':[{'property':'BHKSSJ'},{'timestamp':'2020-01-01T08:00:00Z'}]}"),
                // CASEI
                Arguments.of("CASEI(DLMC) = CASEI('Paddy')",
                        "{'op':'=','args':[{'op':'casei','args':[{'property':'DLMC'}]},"
                                + "{'op':'casei','args':['Paddy']}]}"),
                Arguments.of("CASEI(DLMC) <> 'Paddy'",
                        "{'op':'<>','args':[{'op':'casei','args':[{'property':'DLMC'}]},'Paddy']}"),
                // LIKE, BETWEEN, IN, IS NULL
                Arguments.of("DLMC LIKE '水%'", "{'op':'like','args':[{'property':'DLMC'},'水%']}"),
                Arguments.of("BZ LIKE '100\\%'", "{'op':'like','args':[{'property':'BZ'},'100\\\\%']}"),
                Arguments.of("CASEI(DLMC) LIKE CASEI('p%')",
                        "{'op':'like','args':[{'op':'casei','args':[{'property':'DLMC'}]},"
                                + "{'op':'casei','args':['p%']}]}"),
                Arguments.of("DLMC ILIKE 'paddy%'",
                        "{'op':'like','args':[{'property':'DLMC'},{'op':'casei','args':['paddy%']}]}"),
                Arguments.of("DLMC NOT LIKE '水%'",
                        "{'op':'not','args':[{'op':'like','args':[{'property':'DLMC'},'水%']}]}"),
                Arguments.of("GDDB BETWEEN 1 AND 3", "{'op':'between','args':[{'property':'GDDB'},1,3]}"),
                Arguments.of("YJJBNTTBMJ BETWEEN -1 AND 2.5",
                        "{'op':'between','args':[{'property':'YJJBNTTBMJ'},-1,2.5]}"),
                Arguments.of("DLBM IN ('0101', '0102')",
                        "{'op':'in','args':[{'property':'DLBM'},['0101','0102']]}"),
                Arguments.of("GDDB IN (1, 2, 3)", "{'op':'in','args':[{'property':'GDDB'},[1,2,3]]}"),
                Arguments.of("CASEI(DLMC) IN ('a', 'B')",
                        "{'op':'in','args':[{'op':'casei','args':[{'property':'DLMC'}]},['a','B']]}"),
                Arguments.of("DLBM IS NULL", "{'op':'isNull','args':[{'property':'DLBM'}]}"),
                Arguments.of("DLBM IS NOT NULL",
                        "{'op':'not','args':[{'op':'isNull','args':[{'property':'DLBM'}]}]}"),
                Arguments.of("geom IS NULL", "{'op':'isNull','args':[{'property':'geom'}]}"),
                Arguments.of("WDGD = TRUE", "{'op':'=','args':[{'property':'WDGD'},true]}"),
                // logic, flattened as in text
                Arguments.of("DLBM = '0101' AND GDDB > 3 AND GDDJ < 5",
                        "{'op':'and','args':[{'op':'and','args':[{'op':'=','args':[{'property':'DLBM'},'0101']},"
                                + "{'op':'>','args':[{'property':'GDDB'},3]}]},"
                                + "{'op':'<','args':[{'property':'GDDJ'},5]}]}"),
                Arguments.of("DLBM = '0101' OR NOT (GDDB > 3 AND GDDJ < 5)",
                        "{'op':'or','args':[{'op':'=','args':[{'property':'DLBM'},'0101']},"
                                + "{'op':'not','args':[{'op':'and','args':[{'op':'>','args':[{'property':'GDDB'},3]},"
                                + "{'op':'<','args':[{'property':'GDDJ'},5]}]}]}]}"),
                Arguments.of("TRUE", "true"),
                Arguments.of("FALSE", "false"),
                Arguments.of("DLBM = '0101' AND TRUE",
                        "{'op':'and','args':[{'op':'=','args':[{'property':'DLBM'},'0101']},true]}"),
                // spatial: every operator, every geometry type, boxes, literal first
                Arguments.of("S_INTERSECTS(geom, POINT(117.1 30.2))",
                        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Point','coordinates':[117.1,30.2]}]}"),
                Arguments.of("S_INTERSECTS(geom, POINT(117.1 30.2 5))",
                        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Point','coordinates':[117.1,30.2,5]}]}"),
                Arguments.of("S_WITHIN(geom, POLYGON((117 30, 117.1 30, 117.1 30.1, 117 30.1, 117 30)))",
                        "{'op':'s_within','args':[{'property':'geom'},{'type':'Polygon','coordinates':" + poly + "}]}"),
                Arguments.of("S_WITHIN(POLYGON((117 30, 117.1 30, 117.1 30.1, 117 30.1, 117 30)), geom)",
                        "{'op':'s_within','args':[{'type':'Polygon','coordinates':" + poly + "},{'property':'geom'}]}"),
                Arguments.of("S_CONTAINS(geom, LINESTRING(117 30, 117.1 30.1))",
                        "{'op':'s_contains','args':[{'property':'geom'},{'type':'LineString','coordinates':"
                                + "[[117,30],[117.1,30.1]]}]}"),
                Arguments.of("S_DISJOINT(geom, MULTIPOINT((117 30), (117.1 30.1)))",
                        "{'op':'s_disjoint','args':[{'property':'geom'},{'type':'MultiPoint','coordinates':"
                                + "[[117,30],[117.1,30.1]]}]}"),
                Arguments.of("S_TOUCHES(geom, MULTILINESTRING((117 30, 117.1 30.1), (117.2 30, 117.3 30.1)))",
                        "{'op':'s_touches','args':[{'property':'geom'},{'type':'MultiLineString','coordinates':"
                                + "[[[117,30],[117.1,30.1]],[[117.2,30],[117.3,30.1]]]}]}"),
                Arguments.of("S_OVERLAPS(geom, MULTIPOLYGON(((117 30, 117.1 30, 117.1 30.1, 117 30.1, 117 30))))",
                        "{'op':'s_overlaps','args':[{'property':'geom'},{'type':'MultiPolygon','coordinates':["
                                + poly + "]}]}"),
                Arguments.of("S_CROSSES(geom, GEOMETRYCOLLECTION(POINT(117 30), LINESTRING(117 30, 117.1 30.1)))",
                        "{'op':'s_crosses','args':[{'property':'geom'},{'type':'GeometryCollection','geometries':["
                                + "{'type':'Point','coordinates':[117,30]},"
                                + "{'type':'LineString','coordinates':[[117,30],[117.1,30.1]]}]}]}"),
                Arguments.of("S_EQUALS(geom, POINT(117 30))",
                        "{'op':'s_equals','args':[{'property':'geom'},{'type':'Point','coordinates':[117,30]}]}"),
                Arguments.of("S_INTERSECTS(geom, BBOX(117, 30, 117.1, 30.1))",
                        "{'op':'s_intersects','args':[{'property':'geom'},{'bbox':[117,30,117.1,30.1]}]}"),
                Arguments.of("S_INTERSECTS(geom, BBOX(117, 30, 0, 117.1, 30.1, 10))",
                        "{'op':'s_intersects','args':[{'bbox':[117,30,0,117.1,30.1,10]},{'property':'geom'}]}"),
                Arguments.of("S_INTERSECTS(geom, POINT(117.1 30.2)) AND DLBM = '0101'",
                        "{'op':'and','args':[{'op':'s_intersects','args':[{'property':'geom'},"
                                + "{'type':'Point','coordinates':[117.1,30.2]}]},"
                                + "{'op':'=','args':[{'property':'DLBM'},'0101']}]}"),
                // temporal
                Arguments.of("T_AFTER(BHKSSJ, DATE('2020-01-01'))",
                        "{'op':'t_after','args':[{'property':'BHKSSJ'},{'date':'2020-01-01'}]}"),
                Arguments.of("T_BEFORE(BHKSSJ, TIMESTAMP('2020-01-01T08:00:00Z'))",
                        "{'op':'t_before','args':[{'property':'BHKSSJ'},{'timestamp':'2020-01-01T08:00:00Z'}]}"),
                Arguments.of("T_BEFORE(DATE('2020-01-01'), BHKSSJ)",
                        "{'op':'t_before','args':[{'date':'2020-01-01'},{'property':'BHKSSJ'}]}"),
                Arguments.of("T_EQUALS(BHKSSJ, DATE('2020-01-01'))",
                        "{'op':'t_equals','args':[{'property':'BHKSSJ'},{'date':'2020-01-01'}]}"),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('2020-01-01', '2020-12-31'))",
                        "{'op':'t_during','args':[{'property':'BHKSSJ'},{'interval':['2020-01-01','2020-12-31']}]}"),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('2020-01-01', '..'))",
                        "{'op':'t_during','args':[{'property':'BHKSSJ'},{'interval':['2020-01-01','..']}]}"),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('..', '2020-01-01T00:00:00Z'))",
                        "{'op':'t_during','args':[{'property':'BHKSSJ'},{'interval':['..','2020-01-01T00:00:00Z']}]}"),
                Arguments.of("T_DURING(BHKSSJ, INTERVAL('..', '..'))",
                        "{'op':'t_during','args':[{'property':'BHKSSJ'},{'interval':['..','..']}]}"),
                Arguments.of("T_AFTER(BHKSSJ, INTERVAL('2019-01-01', '2020-01-01'))",
                        "{'op':'t_after','args':[{'property':'BHKSSJ'},{'interval':['2019-01-01',"
                                + "{'date':'2020-01-01'}]}]}"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sameAsText")
    void givesTheSameFilterAsCql2Text(String text, String singleQuotedJson) {
        Filter fromText = Cql2Text.parse(text, gk());
        Filter fromJson = json(singleQuotedJson);
        assertThat(fromJson).isEqualTo(fromText);
        // and the same in a geographic layer, where literals are not reprojected
        assertThat(Cql2Json.parse(j(singleQuotedJson), FilterContext.of(GEO, CRS84)))
                .isEqualTo(Cql2Text.parse(text, FilterContext.of(GEO, CRS84)));
    }

    @Test
    void literalsAreCoercedToTheAttributeType() {
        assertThat(json("{'op':'=','args':[{'property':'GDDB'},3]}"))
                .isEqualTo(new Filter.Compare("GDDB", CompareOp.EQ, 3, true));
        assertThat(json("{'op':'>','args':[{'property':'YJJBNTTBMJ'},3]}"))
                .isEqualTo(new Filter.Compare("YJJBNTTBMJ", CompareOp.GT, 3.0, true));
        assertThat(json("{'op':'=','args':[{'property':'BHKSSJ'},{'date':'2020-01-31'}]}"))
                .isEqualTo(new Filter.Compare("BHKSSJ", CompareOp.EQ, LocalDate.of(2020, 1, 31), true));
        assertThat(json("{'op':'=','args':[{'property':'zldwmc'},'王家村']}"))
                .isEqualTo(Filter.eq("ZLDWMC", "王家村"));
    }

    @Test
    void coordinatesFollowTheAxisOrderOfTheFilterCrs() {
        Filter lonLatFirst = json("{'op':'s_intersects','args':[{'property':'geom'},"
                + "{'type':'Point','coordinates':[117.1,30.2]}]}");
        Filter latLonFirst = Cql2Json.parse(j("{'op':'s_intersects','args':[{'property':'geom'},"
                + "{'type':'Point','coordinates':[30.2,117.1]}]}"), FilterContext.of(GK, URN_4490));
        assertThat(latLonFirst).isEqualTo(Cql2Text.parse("S_INTERSECTS(geom, POINT(30.2 117.1))",
                FilterContext.of(GK, URN_4490)));
        Filter.Spatial a = (Filter.Spatial) lonLatFirst;
        Filter.Spatial b = (Filter.Spatial) latLonFirst;
        // CRS84 and EPSG:4490 differ by nothing here: the same point in GK metres
        assertThat(a.literal().getCoordinate().distance(b.literal().getCoordinate())).isLessThan(1e-3);
        assertThat(a.literal().equalsExact(lonLat("POINT(117.1 30.2)", 4527), 1e-6)).isTrue();
        assertThat(a.literal().getSRID()).isEqualTo(4527);

        FilterContext latLon = FilterContext.of(GK, CrsRegistry.get().parse("http://www.opengis.net/def/crs/EPSG/0/4490"));
        Filter box = Cql2Json.parse(j("{'op':'s_intersects','args':[{'property':'geom'},{'bbox':[30,117,30.1,117.1]}]}"),
                latLon);
        assertThat(box).isEqualTo(Cql2Text.parse("S_INTERSECTS(geom, BBOX(30, 117, 30.1, 117.1))", latLon));
        assertThat(((Filter.Spatial) box).op()).isEqualTo(SpatialOp.INTERSECTS);
        assertThatThrownBy(() -> Cql2Json.parse(j("{'op':'s_intersects','args':[{'property':'geom'},"
                + "{'bbox':[30.1,117,30,117.1]}]}"), latLon))
                .isInstanceOf(FilterParseException.class)
                .hasMessageContaining("out of order").hasMessageContaining("latitude-first");
        // longitude first where latitude is expected: latitude 117° does not exist
        assertThatThrownBy(() -> Cql2Json.parse(j("{'op':'s_intersects','args':[{'property':'geom'},"
                + "{'bbox':[117,30,117.1,30.1]}]}"), latLon))
                .isInstanceOf(FilterParseException.class)
                .hasMessageContaining("(at /args/1)");
    }

    // --------------------------------------------------------------------------------------------- refusals

    @Test
    void unknownPropertyIsNamedWithItsLocation() {
        assertThatThrownBy(() -> json("{'op':'and','args':[{'op':'=','args':[{'property':'DLBM'},'0101']},"
                + "{'op':'=','args':[{'property':'FOO'},1]}]}"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessage("unknown property 'FOO' in YJJBNTBHTB (at /args/1/args/0/property)")
                .satisfies(e -> assertThat(((InvalidFilterException) e).property()).isEqualTo("FOO"));
        assertThatThrownBy(() -> json("{'op':'like','args':[{'property':'地类编码'},'01%']}"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("unknown property '地类编码'");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{'op':'=','args':[{'property':'ZRRMC'},'张三']}",
        "{'op':'like','args':[{'property':'zrrmc'},'张%']}",
        "{'op':'not','args':[{'op':'isNull','args':[{'property':'ZRRMC'}]}]}",
        "{'op':'in','args':[{'property':'ZRRMC'},['张三']]}",
        "{'op':'or','args':[{'op':'=','args':[{'property':'DLBM'},'0101']},{'op':'=','args':[{'property':'ZRRMC'},'x']}]}",
        "{'op':'=','args':[{'op':'casei','args':[{'property':'ZRRMC'}]},{'op':'casei','args':['x']}]}",
        "{'op':'between','args':[{'property':'ZRRMC'},'a','b']}",
        "{'op':'t_after','args':[{'property':'ZRRMC'},{'date':'2020-01-01'}]}",
        "{'op':'=','args':['张三',{'property':'ZRRMC'}]}"})
    void hiddenPersonalFieldIsRefusedAsIfUnknown(String singleQuoted) {
        FilterContext anonymous = gk().hiding(Set.of("ZRRMC"));
        assertThatThrownBy(() -> Cql2Json.parse(j(singleQuoted), anonymous))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageStartingWith("unknown property '")
                .hasMessageContaining("in YJJBNTBHTB")
                .satisfies(e -> assertThat(((InvalidFilterException) e).property()).isEqualToIgnoringCase("ZRRMC"));
    }

    @Test
    void hiddenAndUnknownReadTheSame() {
        FilterContext anonymous = gk().hiding(Set.of("ZRRMC"));
        String hidden = messageOf(() -> Cql2Json.parse(j("{'op':'=','args':[{'property':'ZRRMC'},'x']}"), anonymous));
        String unknown = messageOf(() -> Cql2Json.parse(j("{'op':'=','args':[{'property':'ZRRMX'},'x']}"), anonymous));
        assertThat(hidden.replace("ZRRMC", "?")).isEqualTo(unknown.replace("ZRRMX", "?"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        // property names are looked up, never evaluated
        "{'op':'=','args':[{'property':'DLBM OR 1=1'},'x']}",
        "{'op':'=','args':[{'property':'DLBM\\u0000'},'x']}",
        "{'op':'=','args':[{'property':'\\'DLBM\\'; DROP TABLE x; --'},'x']}",
        "{'op':'isNull','args':[{'property':'pg_sleep(10)'}]}",
        "{'op':'=','args':[{'property':'${jndi:ldap://x/a}'},1]}",
        // the geometry in a scalar operator, an attribute in a spatial one
        "{'op':'=','args':[{'property':'geom'},'x']}",
        "{'op':'s_intersects','args':[{'property':'DLBM'},{'type':'Point','coordinates':[117,30]}]}",
        // literals that do not fit the attribute
        "{'op':'=','args':[{'property':'GDDB'},'abc']}",
        "{'op':'between','args':[{'property':'GDDB'},1.5,'x']}",
        "{'op':'t_after','args':[{'property':'DLBM'},{'date':'2020-01-01'}]}"})
    void unusablePropertiesAndLiteralsAreInvalidFilters(String singleQuoted) {
        assertThatThrownBy(() -> json(singleQuoted)).isInstanceOf(InvalidFilterException.class);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        // wrong arity
        "{'op':'=','args':[{'property':'DLBM'},'a','b']}",
        "{'op':'=','args':[{'property':'DLBM'}]}",
        "{'op':'not','args':[true,false]}",
        "{'op':'not','args':[]}",
        "{'op':'and','args':[true]}",
        "{'op':'or','args':[]}",
        "{'op':'between','args':[{'property':'GDDB'},1]}",
        "{'op':'isNull','args':[{'property':'DLBM'},{'property':'DLMC'}]}",
        "{'op':'like','args':[{'property':'DLMC'}]}",
        "{'op':'in','args':[{'property':'DLBM'},'0101','0102']}",
        "{'op':'s_intersects','args':[{'property':'geom'}]}",
        "{'op':'t_after','args':[{'property':'BHKSSJ'}]}",
        "{'op':'casei','args':[{'property':'DLMC'},'x']}",
        // malformed operator objects
        "{'op':'=','args':{'property':'DLBM'}}",
        "{'op':'='}",
        "{'args':[{'property':'DLBM'},'a']}",
        "{'op':'=','args':[{'property':'DLBM'},'a'],'extra':1}",
        "{'op':1,'args':[]}",
        "{'property':'DLBM'}",
        "'DLBM = 0101'",
        "42",
        "null",
        "[]",
        "{}",
        // not JSON at all, or more than one document
        "DLBM = '0101'",
        "{'op':'=','args':[{'property':'DLBM'},'a']",
        "{'op':'=','args':[{'property':'DLBM'},'a']} {}",
        "{'op':'=','op':'<>','args':[{'property':'DLBM'},'a']}",
        "{'op':'=','args':[{'property':'DLBM','property':'ZRRMC'},'a']}",
        "{'op':'=','args':[{'property':'GDDB'},NaN]}",
        // unsupported parts of CQL2
        "{'op':'=','args':[{'property':'GDDB'},{'op':'+','args':[1,2]}]}",
        "{'op':'=','args':[{'property':'DLBM'},{'property':'DLMC'}]}",
        "{'op':'=','args':['a','b']}",
        "{'op':'=','args':[{'op':'accenti','args':[{'property':'DLMC'}]},'a']}",
        "{'op':'like','args':[{'property':'DLMC'},{'op':'accenti','args':['a']}]}",
        "{'op':'t_intersects','args':[{'property':'BHKSSJ'},{'date':'2020-01-01'}]}",
        "{'op':'a_contains','args':[{'property':'DLBM'},['a']]}",
        "{'op':'S_INTERSECTS','args':[{'property':'geom'},{'type':'Point','coordinates':[117,30]}]}",
        "{'op':'AND','args':[true,true]}",
        "{'op':'upper','args':[{'property':'DLMC'}]}",
        "{'op':'casei','args':[{'property':'DLMC'}]}",
        "{'op':'=','args':[{'property':'DLBM'},null]}",
        "{'op':'in','args':[{'property':'DLBM'},[]]}",
        "{'op':'between','args':[{'op':'casei','args':[{'property':'DLMC'}]},'a','b']}",
        "{'op':'isNull','args':['x']}",
        "{'op':'like','args':['x','y']}",
        // geometry literals
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Polygon','coordinates':[[[117,30],[117.1,30],[117.1,30.1],[117,30.1]]]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Polygon','coordinates':[[[117,30],[117.1,30.1],[117.1,30],[117,30.1],[117,30]]]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Polygon','coordinates':[[[117,30],[117.1,30],[117,30]]]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Point','coordinates':[117]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Point','coordinates':[117,'30']}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Point','coordinates':[117,30,1,2]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'LineString','coordinates':[[117,30]]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'MultiPoint','coordinates':[]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Circle','coordinates':[117,30]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Point'}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Point','coordinates':[117,30],'crs':'x'}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'type':'GeometryCollection','geometries':[{'type':'GeometryCollection','geometries':[{'type':'Point','coordinates':[1,2]}]}]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'bbox':[117.1,30,117,30.1]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'bbox':[117,30,117.1]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},{'property':'geom'}]}",
        "{'op':'s_intersects','args':[{'type':'Point','coordinates':[117,30]},{'type':'Point','coordinates':[117,30]}]}",
        "{'op':'s_intersects','args':[{'property':'geom'},'POINT(117 30)']}",
        "{'op':'=','args':[{'property':'DLBM'},{'type':'Point','coordinates':[117,30]}]}",
        // temporal literals
        "{'op':'t_after','args':[{'property':'BHKSSJ'},{'date':'2020-13-01'}]}",
        "{'op':'t_after','args':[{'property':'BHKSSJ'},{'date':20200101}]}",
        "{'op':'t_after','args':[{'property':'BHKSSJ'},{'timestamp':'yesterday'}]}",
        "{'op':'t_during','args':[{'property':'BHKSSJ'},{'date':'2020-01-01'}]}",
        "{'op':'t_during','args':[{'property':'BHKSSJ'},{'interval':['2021-01-01','2020-01-01']}]}",
        "{'op':'t_during','args':[{'property':'BHKSSJ'},{'interval':['2020-01-01']}]}",
        "{'op':'t_during','args':[{'property':'BHKSSJ'},{'interval':[{'property':'BHJSSJ'},'..']}]}",
        "{'op':'t_during','args':[{'interval':['2020-01-01','..']},{'property':'BHKSSJ'}]}",
        "{'op':'t_after','args':[{'property':'BHKSSJ'},{'interval':['2020-01-01','..']}]}",
        "{'op':'t_equals','args':[{'property':'BHKSSJ'},{'interval':['2020-01-01','2020-02-01']}]}",
        "{'op':'t_after','args':[{'property':'BHKSSJ'},{'property':'BHJSSJ'}]}",
        "{'op':'=','args':[{'property':'BHKSSJ'},{'interval':['2020-01-01','..']}]}"})
    void unsupportedOrMalformedDocumentsAreParseErrors(String singleQuoted) {
        assertThatThrownBy(() -> json(singleQuoted))
                .isInstanceOf(FilterParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("com.fasterxml", "Exception"));
    }

    @Test
    void messagesSayWhatAndWhere() {
        assertThatThrownBy(() -> json("{'op':'and','args':[true,{'op':'=','args':[{'property':'DLBM'},'a','b']}]}"))
                .hasMessage("'=' needs 2 arguments, got 3 (at /args/1)");
        assertThatThrownBy(() -> json("{'op':'=','args':[{'property':'DLBM'},{'property':'DLMC'}]}"))
                .hasMessageContaining("comparing two properties is not supported");
        assertThatThrownBy(() -> json("{'op':'t_meets','args':[{'property':'BHKSSJ'},{'date':'2020-01-01'}]}"))
                .hasMessageContaining("supported are t_after, t_before, t_during and t_equals");
        assertThatThrownBy(() -> json("{'op':'S_WITHIN','args':[]}"))
                .hasMessageContaining("lower case ('s_within')");
        assertThatThrownBy(() -> json("{'op':'=','args':[{'property':'DLBM'},'a'] trailing"))
                .isInstanceOf(FilterParseException.class)
                .hasMessageStartingWith("not a CQL2 JSON document")
                .satisfies(e -> assertThat(((FilterParseException) e).position()).isGreaterThan(30));
        assertThatThrownBy(() -> json("{'op':'s_intersects','args':[{'property':'geom'},{'type':'Polygon',"
                + "'coordinates':[[[117,30],[117.1,30.1],[117.1,30],[117,30.1],[117,30]]]}]}"))
                .hasMessageContaining("not valid").hasMessageContaining("(at /args/1)");
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        int n = 20_000;
        String leaf = "{\"op\":\"=\",\"args\":[{\"property\":\"DLBM\"},\"a\"]}";
        String nots = "{\"op\":\"not\",\"args\":[".repeat(n) + leaf + "]}".repeat(n);
        String casei = "{\"op\":\"=\",\"args\":[" + "{\"op\":\"casei\",\"args\":[".repeat(n) + "{\"property\":\"DLMC\"}"
                + "]}".repeat(n) + ",\"a\"]}";
        String arrays = "[".repeat(n) + "]".repeat(n);
        FilterContext unlimited = new FilterContext(GK, CRS84, Set.of(), Integer.MAX_VALUE, Integer.MAX_VALUE);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (String text : List.of(nots, casei, arrays)) {
                for (FilterContext ctx : List.of(gk(), unlimited)) {
                    assertThatThrownBy(() -> Cql2Json.parse(text, ctx))
                            .isInstanceOf(FilterParseException.class)
                            .hasMessageContaining("nests deeper than");
                }
            }
        });
    }

    @Test
    void nestingWithinTheLimitIsAcceptedAndTheContextLimitApplies() {
        String leaf = "{'op':'=','args':[{'property':'DLBM'},'a']}";
        String nested = "{'op':'not','args':[".repeat(30) + leaf + "]}".repeat(30);
        assertThat(json(nested)).isEqualTo(Cql2Text.parse("NOT ".repeat(30) + "DLBM = 'a'", gk()));
        FilterContext shallow = new FilterContext(GK, CRS84, Set.of(), 3, 10_000);
        String ok = "{'op':'not','args':[{'op':'or','args':[" + leaf + ",{'op':'=','args':[{'property':'GDDB'},1]}]}]}";
        assertThat(Cql2Json.parse(j(ok), shallow)).isNotNull();
        String deep = "{'op':'not','args':[{'op':'or','args':[" + leaf
                + ",{'op':'not','args':[{'op':'=','args':[{'property':'GDDB'},1]}]}]}]}";
        assertThatThrownBy(() -> Cql2Json.parse(j(deep), shallow))
                .isInstanceOf(FilterParseException.class)
                .hasMessageContaining("3 levels");
    }

    @Test
    void overLongDocumentsAreRefusedBeforeParsing() {
        FilterContext small = new FilterContext(GK, CRS84, Set.of(), 32, 100);
        String big = j("{'op':'=','args':[{'property':'DLBM'},'" + "x".repeat(100) + "']}");
        assertThatThrownBy(() -> Cql2Json.parse(big, small))
                .isInstanceOf(FilterParseException.class)
                .hasMessageContaining("at most 100");
        assertThatThrownBy(() -> Cql2Json.parse("  ", gk())).isInstanceOf(FilterParseException.class);
        assertThatThrownBy(() -> Cql2Json.parse(null, gk())).isInstanceOf(FilterParseException.class);
    }

    @Test
    void longButLegalListsParseQuickly() {
        StringBuilder in = new StringBuilder("{\"op\":\"in\",\"args\":[{\"property\":\"BSM\"},[");
        for (int i = 0; i < 20_000; i++) {
            in.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        String text = in.append("]]}").toString();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThat(((Filter.In) Cql2Json.parse(text, gk())).values()).hasSize(20_000));
    }

    private static final List<String> SEEDS = List.of(
            "{'op':'and','args':[{'op':'=','args':[{'property':'DLBM'},'0101']},{'op':'between','args':[{'property':'GDDB'},1,3]}]}",
            "{'op':'or','args':[{'op':'like','args':[{'property':'ZLDWMC'},'王%']},{'op':'not','args':[{'op':'=','args':[{'op':'casei','args':[{'property':'DLMC'}]},{'op':'casei','args':['水田']}]}]}]}",
            "{'op':'s_intersects','args':[{'property':'geom'},{'type':'Polygon','coordinates':[[[117,30],[117.1,30],[117.1,30.1],[117,30.1],[117,30]]]}]}",
            "{'op':'s_within','args':[{'bbox':[117,30,117.1,30.1]},{'property':'geom'}]}",
            "{'op':'t_during','args':[{'property':'BHKSSJ'},{'interval':['2020-01-01','..']}]}",
            "{'op':'in','args':[{'property':'DLBM'},['0101','0102',3]]}",
            "{'op':'isNull','args':[{'property':'ZLDWMC'}]}");

    @Test
    void fuzzedDocumentsFailOnlyWithFilterExceptions() {
        Random random = new Random(20261123);
        String alphabet = "{}[],:\"'\\ 0123456789.-eE+optrgsadnlikbwxyz_王%";
        int accepted = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder s = new StringBuilder(j(SEEDS.get(random.nextInt(SEEDS.size()))));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && s.length() > 0; e++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            try {
                Cql2Json.parse(s.toString(), gk().hiding(Set.of("ZRRMC")));
                accepted++;
            } catch (FilterParseException | InvalidFilterException expected) {
                // fine
            } catch (RuntimeException | StackOverflowError e) {
                fail("unexpected " + e + " for " + s, e);
            }
        }
        assertThat(accepted).as("some mutations stay valid").isGreaterThan(0);
    }

    private static String messageOf(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no exception");
    }
}
