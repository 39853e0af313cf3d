package org.gengdi.core.filter.cql2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gengdi.core.filter.cql2.Cql2Layers.CRS84;
import static org.gengdi.core.filter.cql2.Cql2Layers.GEO;
import static org.gengdi.core.filter.cql2.Cql2Layers.GK;
import static org.gengdi.core.filter.cql2.Cql2Layers.URN_4490;
import static org.gengdi.core.filter.cql2.Cql2Layers.lonLat;
import static org.gengdi.core.filter.cql2.Cql2Layers.parse;

import java.util.stream.Stream;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.SpatialOp;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.InvalidFilterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Spatial predicates: operators, geometry literals, axis order, transforms into the layer CRS and distances. */
class Cql2TextSpatialTest {

    /** Tolerance for coordinates after a transform, in layer units (metres for GK). */
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "S_INTERSECTS, INTERSECTS", "S_EQUALS, EQUALS", "S_DISJOINT, DISJOINT", "S_TOUCHES, TOUCHES",
        "S_WITHIN, WITHIN", "S_OVERLAPS, OVERLAPS", "S_CROSSES, CROSSES", "S_CONTAINS, CONTAINS",
        "s_intersects, INTERSECTS", "INTERSECTS, INTERSECTS", "EQUALS, EQUALS", "DISJOINT, DISJOINT",
        "TOUCHES, TOUCHES", "WITHIN, WITHIN", "OVERLAPS, OVERLAPS", "CROSSES, CROSSES", "CONTAINS, CONTAINS"})
    void spatialFunctionsMapToOperators(String function, SpatialOp op) {
        Filter f = parse(function + "(geom, POINT(117.1 30.2))");
        assertSpatial(f, op, lonLat("POINT(117.1 30.2)", 4527));
    }

    @ParameterizedTest(name = "{0}(literal, geom) → {1}")
    @CsvSource({"S_WITHIN, CONTAINS", "S_CONTAINS, WITHIN", "S_INTERSECTS, INTERSECTS", "S_TOUCHES, TOUCHES",
        "S_DISJOINT, DISJOINT", "S_EQUALS, EQUALS", "S_OVERLAPS, OVERLAPS", "S_CROSSES, CROSSES"})
    void literalFirstSwapsWithinAndContains(String function, SpatialOp op) {
        Filter f = parse(function + "(POLYGON((117 30, 117.1 30, 117.1 30.1, 117 30)), \"geom\")");
        assertSpatial(f, op, lonLat("POLYGON((117 30, 117.1 30, 117.1 30.1, 117 30))", 4527));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("POINT(117.1 30.2)", "POINT(117.1 30.2)"),
                Arguments.of("POINT Z (117.1 30.2 12)", "POINT(117.1 30.2)"),
                Arguments.of("POINT(117.1 30.2 12)", "POINT(117.1 30.2)"),
                Arguments.of("point(117 30)", "POINT(117 30)"),
                Arguments.of("POINT(+117.1 30.2e0)", "POINT(117.1 30.2)"),
                Arguments.of("LINESTRING(117 30, 117.1 30.1, 117.2 30)", "LINESTRING(117 30, 117.1 30.1, 117.2 30)"),
                Arguments.of("POLYGON((117 30, 117.2 30, 117.2 30.2, 117 30.2, 117 30),"
                                + "(117.05 30.05, 117.1 30.05, 117.1 30.1, 117.05 30.05))",
                        "POLYGON((117 30, 117.2 30, 117.2 30.2, 117 30.2, 117 30),"
                                + "(117.05 30.05, 117.1 30.05, 117.1 30.1, 117.05 30.05))"),
                Arguments.of("MULTIPOINT((117 30), (117.1 30.1))", "MULTIPOINT((117 30), (117.1 30.1))"),
                Arguments.of("MULTIPOINT(117 30, 117.1 30.1)", "MULTIPOINT((117 30), (117.1 30.1))"),
                Arguments.of("MULTILINESTRING((117 30, 117.1 30.1), (117.2 30, 117.3 30.1))",
                        "MULTILINESTRING((117 30, 117.1 30.1), (117.2 30, 117.3 30.1))"),
                Arguments.of("MULTIPOLYGON(((117 30, 117.1 30, 117.1 30.1, 117 30)),"
                                + "((117.2 30, 117.3 30, 117.3 30.1, 117.2 30)))",
                        "MULTIPOLYGON(((117 30, 117.1 30, 117.1 30.1, 117 30)),"
                                + "((117.2 30, 117.3 30, 117.3 30.1, 117.2 30)))"),
                Arguments.of("GEOMETRYCOLLECTION(POINT(117 30), LINESTRING(117 30, 117.1 30.1))",
                        "GEOMETRYCOLLECTION(POINT(117 30), LINESTRING(117 30, 117.1 30.1))"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("literals")
    void geometryLiteralsAreTransformedIntoTheLayerCrs(String literal, String expectedLonLat) {
        assertSpatial(parse("S_INTERSECTS(geom, " + literal + ")"), SpatialOp.INTERSECTS, lonLat(expectedLonLat, 4527));
        // in a geographic CGCS2000 layer CRS84 coordinates stay as they are
        Filter geo = Cql2Text.parse("S_INTERSECTS(geom, " + literal + ")", FilterContext.of(GEO, CRS84));
        assertSpatial(geo, SpatialOp.INTERSECTS, lonLat(expectedLonLat, 4490));
    }

    @Test
    void latitudeFirstLiteralCrsSwapsCoordinates() {
        FilterContext latLon = FilterContext.of(GK, URN_4490);
        Filter f = Cql2Text.parse("S_INTERSECTS(geom, LINESTRING(30.2 117.1, 30.3 117.2))", latLon);
        assertSpatial(f, SpatialOp.INTERSECTS, lonLat("LINESTRING(117.1 30.2, 117.2 30.3)", 4527));
    }

    @Test
    void literalsAlreadyInTheLayerCrsAreKept() {
        FilterContext native4527 = FilterContext.of(GK, CrsRegistry.get().parse("EPSG:4527"));
        Filter f = Cql2Text.parse("INTERSECTS(geom, POINT(39509600 3342000))", native4527);
        assertThat(((Filter.Spatial) f).literal().getCoordinate().x).isEqualTo(39509600);
        assertThat(((Filter.Spatial) f).literal().getCoordinate().y).isEqualTo(3342000);
    }

    /** The same box written four ways must select the same area of the GK layer. */
    @Test
    void axisOrderPolygonInCrs84EqualsBboxInLatLonUrn() {
        Envelope polygon = literalEnvelope(parse(
                "S_INTERSECTS(geom, POLYGON((117 30, 117.1 30, 117.1 30.1, 117 30.1, 117 30)))"));
        Envelope urnBbox = literalEnvelope(parse("BBOX(geom, 30, 117, 30.1, 117.1, 'urn:ogc:def:crs:EPSG::4490')"));
        Envelope shortBbox = literalEnvelope(parse("BBOX(geom, 117, 30, 117.1, 30.1, 'EPSG:4490')"));
        Envelope defaultCrs = literalEnvelope(parse("BBOX(geom, 117, 30, 117.1, 30.1)"));
        Envelope cql2Bbox = literalEnvelope(parse("S_INTERSECTS(geom, BBOX(117, 30, 117.1, 30.1))"));
        Envelope envelope = literalEnvelope(parse("S_INTERSECTS(geom, ENVELOPE(117, 30, 117.1, 30.1))"));

        assertThat(urnBbox).isEqualTo(shortBbox).isEqualTo(defaultCrs).isEqualTo(cql2Bbox).isEqualTo(envelope);
        // corners vs densified edges: parallels bulge about a metre over 10 km in Gauss-Krüger
        assertThat(urnBbox.getMinX()).isCloseTo(polygon.getMinX(), within(2.0));
        assertThat(urnBbox.getMaxX()).isCloseTo(polygon.getMaxX(), within(2.0));
        assertThat(urnBbox.getMinY()).isCloseTo(polygon.getMinY(), within(2.0));
        assertThat(urnBbox.getMaxY()).isCloseTo(polygon.getMaxY(), within(2.0));
        assertThat(urnBbox.getWidth()).isBetween(9000.0, 10000.0);   // 0.1° of longitude at 30°N ≈ 9.6 km
    }

    @Test
    void bboxPredicateIsABboxOperatorOnTheLayerCrsEnvelope() {
        Filter f = parse("BBOX(geom, 117, 30, 117.1, 30.1)");
        Envelope expected = CrsRegistry.get().transform(4326, 4527).transform(new Envelope(117, 117.1, 30, 30.1));
        assertThat(f).isInstanceOf(Filter.Spatial.class);
        assertThat(((Filter.Spatial) f).op()).isEqualTo(SpatialOp.BBOX);
        assertThat(literalEnvelope(f)).isEqualTo(expected);
        assertThat(((Filter.Spatial) f).literal().getSRID()).isEqualTo(4527);
    }

    @Test
    void bboxLiteralWithElevationIgnoresIt() {
        assertThat(literalEnvelope(parse("S_INTERSECTS(geom, BBOX(117, 30, 0, 117.1, 30.1, 100))")))
                .isEqualTo(literalEnvelope(parse("S_INTERSECTS(geom, BBOX(117, 30, 117.1, 30.1))")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "DWITHIN(geom, POINT(117.1 30.2), 100, meters)   | 100    | false",
        "DWITHIN(geom, POINT(117.1 30.2), 100, metres)   | 100    | false",
        "DWITHIN(geom, POINT(117.1 30.2), 100, m)        | 100    | false",
        "DWITHIN(geom, POINT(117.1 30.2), 1.5, km)       | 1500   | false",
        "DWITHIN(geom, POINT(117.1 30.2), 2, kilometers) | 2000   | false",
        "DWITHIN(geom, POINT(117.1 30.2), 10, 'feet')    | 3.048  | false",
        "DWITHIN(POINT(117.1 30.2), geom, 100, meters)   | 100    | false",
        "BEYOND(geom, POINT(117.1 30.2), 100, meters)    | 100    | true"})
    void distancesInAProjectedLayerAreMetres(String text, double metres, boolean beyond) {
        Filter.Distance d = (Filter.Distance) parse(text);
        assertThat(d.distance()).isCloseTo(metres, within(1e-9));
        assertThat(d.beyond()).isEqualTo(beyond);
        assertThat(d.property()).isEqualTo("geom");
        assertThat(d.literal().equalsExact(lonLat("POINT(117.1 30.2)", 4527), TOLERANCE)).isTrue();
    }

    @Test
    void distancesInAGeographicLayerAreDegreesOfLongitudeAtTheLiteral() {
        Filter.Distance d = (Filter.Distance) Cql2Text.parse("DWITHIN(geom, POINT(117.1 30), 100, meters)",
                FilterContext.of(GEO, CRS84));
        // a degree of longitude at 30°N on CGCS2000 is 96 486.28 m
        assertThat(d.distance()).isCloseTo(100 / 96486.28, within(1e-9));
        Filter.Distance far = (Filter.Distance) Cql2Text.parse("DWITHIN(geom, POINT(117.1 45), 1, km)",
                FilterContext.of(GEO, CRS84));
        assertThat(far.distance()).isCloseTo(1000 / 78846.835, within(1e-9));
    }

    static Stream<Arguments> spatialErrors() {
        return Stream.of(
                Arguments.of("S_INTERSECTS(geom, POLYGON((117 30, 117.1 30, 117.1 30.1, 117 30.1)))", 27, "closed"),
                Arguments.of("S_INTERSECTS(geom, POLYGON((117 30, 117.1 30, 117 30)))", 27, "at least 4 points"),
                Arguments.of("S_INTERSECTS(geom, POLYGON((117 30, 117.1 30.1, 117.1 30, 117 30.1, 117 30)))", 19,
                        "not a valid geometry: Self-intersection"),
                Arguments.of("S_INTERSECTS(geom, LINESTRING(117 30))", 29, "at least 2 points"),
                Arguments.of("S_INTERSECTS(geom, POINT(117))", 28, "expected a second coordinate"),
                Arguments.of("S_INTERSECTS(geom, POINT EMPTY)", 25, "empty geometries"),
                Arguments.of("S_INTERSECTS(geom, POINT M (1 2 3))", 25, "measured"),
                Arguments.of("S_INTERSECTS(geom, GEOMETRYCOLLECTION(GEOMETRYCOLLECTION(POINT(1 2))))", 38,
                        "cannot contain a GEOMETRYCOLLECTION"),
                Arguments.of("S_INTERSECTS(geom, geom)", 0, "geometry literal as the other"),
                Arguments.of("S_INTERSECTS(POINT(117 30), POINT(117 30))", 0, "needs the geometry property"),
                Arguments.of("S_INTERSECTS(geom, POINT(117 30)", 32, "expected ')'"),
                Arguments.of("S_INTERSECTS(geom POINT(117 30))", 18, "expected ','"),
                Arguments.of("S_INTERSECTS(geom, BUFFER(POINT(117 30), 1))", 19, "expected the geometry property or a geometry literal"),
                Arguments.of("S_INTERSECTS(geom, POINT(117 95))", 19, "cannot transform the geometry literal"),
                Arguments.of("S_INTERSECTS(geom, BBOX(117, 30, 117.1))", 19, "needs 4 numbers"),
                Arguments.of("S_INTERSECTS(geom, BBOX(117.1, 30, 117, 30.1))", 19, "out of order"),
                Arguments.of("S_INTERSECTS(geom, ENVELOPE(117, 117.1, 30.1, 30))", 19, "ECQL order"),
                Arguments.of("BBOX(geom, 117.1, 30, 117, 30.1)", 0, "out of order"),
                Arguments.of("BBOX(geom, 117, 30, 117.1)", 25, "',' and 1 more number"),
                Arguments.of("BBOX(geom, 117, 30, 117.1, 30.1, 'EPSG:9999')", 33, "not supported"),
                Arguments.of("BBOX(geom, 117, 30, 117.1, 30.1, 'EPSG:4490', 1)", 44, "expected ')'"),
                Arguments.of("DWITHIN(geom, POINT(117 30), 100, parsecs)", 34, "unknown distance units 'parsecs'"),
                Arguments.of("DWITHIN(geom, POINT(117 30), -1, m)", 29, "cannot be negative"),
                Arguments.of("DWITHIN(geom, POINT(117 30), 100)", 32, "units such as meters"),
                Arguments.of("RELATE(geom, POINT(117 30), 'T********')", 0, "RELATE is not supported"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("spatialErrors")
    void badSpatialTextFailsWithPosition(String text, int position, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(FilterParseException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((FilterParseException) e).position()).as("position").isEqualTo(position));
    }

    @Test
    void onlyTheGeometryPropertyIsASpatialArgument() {
        assertThatThrownBy(() -> parse("S_INTERSECTS(DLBM, POINT(117 30))"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("'DLBM' is not the geometry property");
        assertThatThrownBy(() -> parse("BBOX(the_geom, 117, 30, 117.1, 30.1)"))
                .isInstanceOf(InvalidFilterException.class)
                .hasMessageContaining("unknown property 'the_geom'");
    }

    private static void assertSpatial(Filter f, SpatialOp op, Geometry expected) {
        assertThat(f).isInstanceOf(Filter.Spatial.class);
        Filter.Spatial s = (Filter.Spatial) f;
        assertThat(s.op()).isEqualTo(op);
        assertThat(s.property()).isEqualTo("geom");
        assertThat(s.literal().getSRID()).isEqualTo(expected.getSRID());
        assertThat(s.literal().equalsExact(expected, TOLERANCE))
                .as("%s equals %s", s.literal(), expected).isTrue();
    }

    private static Envelope literalEnvelope(Filter f) {
        return ((Filter.Spatial) f).literal().getEnvelopeInternal();
    }
}
