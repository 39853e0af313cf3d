package org.gengdi.core.filter.fes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gengdi.core.filter.fes.FesFixtures.DLTB;
import static org.gengdi.core.filter.fes.FesFixtures.GK;
import static org.gengdi.core.filter.fes.FesFixtures.LAT;
import static org.gengdi.core.filter.fes.FesFixtures.RED;
import static org.gengdi.core.filter.fes.FesFixtures.fes;
import static org.gengdi.core.filter.fes.FesFixtures.ogc;
import static org.gengdi.core.filter.fes.FesFixtures.parse;
import static org.gengdi.core.filter.fes.FesFixtures.red;

import java.util.Locale;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.SpatialOp;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.gml.GmlException;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/** Spatial operators, axis order of geometry literals and distance units. */
class FesSpatialFilterTest {

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A Gauss-Krüger position relative to the reference point, easting first. */
    private static String en(double de, double dn) {
        return n(GK.x + de) + " " + n(GK.y + dn);
    }

    /** The same position northing first, as the EPSG definition (URN form) lists it. */
    private static String ne(double de, double dn) {
        return n(GK.y + dn) + " " + n(GK.x + de);
    }

    // --------------------------------------------------------------------------------------------- BBOX

    /** Around parcel 1 only: 117.199–117.2015°E, 31.799–31.8015°N. */
    private static final Envelope AROUND_1 = new Envelope(117.199, 117.2015, 31.799, 31.8015);

    private static String bbox(String srsName, String lower, String upper) {
        return "<fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope"
                + (srsName == null ? "" : " srsName=\"" + srsName + "\"") + "><gml:lowerCorner>" + lower
                + "</gml:lowerCorner><gml:upperCorner>" + upper + "</gml:upperCorner></gml:Envelope></fes:BBOX>";
    }

    @Test
    void bboxMeansTheSamePlaceInEverySrsNameForm() {
        Geometry expected = new GeometryFactory(new PrecisionModel(), 4527)
                .toGeometry(CrsRegistry.get().transform(4490, 4527).transform(AROUND_1));
        Filter urn = parse(fes(bbox("urn:ogc:def:crs:EPSG::4490", "31.799 117.199", "31.8015 117.2015")), RED);
        Filter url = parse(fes(bbox("http://www.opengis.net/def/crs/EPSG/0/4490", "31.799 117.199",
                "31.8015 117.2015")), RED);
        Filter shortForm = parse(fes(bbox("EPSG:4490", "117.199 31.799", "117.2015 31.8015")), RED);
        Filter inherited = parse(fes(bbox(null, "31.799 117.199", "31.8015 117.2015")), RED);
        Filter gml2Box = parse(ogc("<ogc:BBOX><ogc:PropertyName>geom</ogc:PropertyName><gml:Box srsName=\"EPSG:4490\">"
                + "<gml:coordinates>117.199,31.799 117.2015,31.8015</gml:coordinates></gml:Box></ogc:BBOX>"), RED);
        Filter noProperty = parse(fes("<fes:BBOX><gml:Envelope srsName=\"EPSG:4490\"><gml:lowerCorner>117.199 31.799"
                + "</gml:lowerCorner><gml:upperCorner>117.2015 31.8015</gml:upperCorner></gml:Envelope></fes:BBOX>"), RED);
        for (Filter f : new Filter[] {urn, url, shortForm, inherited, gml2Box, noProperty}) {
            assertThat(f).isInstanceOf(Filter.Spatial.class);
            Filter.Spatial s = (Filter.Spatial) f;
            assertThat(s.op()).isEqualTo(SpatialOp.BBOX);
            assertThat(s.property()).isEqualTo("geom");
            assertThat(s.literal().getSRID()).isEqualTo(4527);
            assertThat(s.literal().getEnvelopeInternal()).isEqualTo(expected.getEnvelopeInternal());
            assertThat(red(f)).containsExactly("1");
        }
    }

    @Test
    void bboxWrittenInTheWrongOrderForItsFormIsAnErrorNotAnEmptyAnswer() {
        // lon/lat under the URN form reads as latitude 117°: refused with a hint instead of matching nothing.
        assertThatThrownBy(() -> parse(fes(bbox("urn:ogc:def:crs:EPSG::4490", "117.199 31.799", "117.2015 31.8015")),
                RED)).isInstanceOf(FilterParseException.class).hasMessageContaining("latitude first")
                .hasMessageContaining("use EPSG:4490 for longitude first");
        // Swapped the other way too (east of 90°E a swapped longitude is never a latitude).
        assertThatThrownBy(() -> parse(fes(bbox("EPSG:4490", "31.799 117.199", "31.8015 117.2015")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("latitude at 117.199");
    }

    @Test
    void bboxInGaussKruegerCoordinates() {
        Filter urn = parse(fes(bbox("urn:ogc:def:crs:EPSG::4527", ne(-10, -10), ne(650, 50))), RED);
        Filter shortForm = parse(fes(bbox("EPSG:4527", en(-10, -10), en(650, 50))), RED);
        assertThat(urn).isEqualTo(shortForm);
        assertThat(red(urn)).containsExactly("1", "2");
    }

    @Test
    void bboxOfAGeometryUsesItsEnvelope() {
        Filter f = parse(fes("<fes:BBOX><gml:LineString srsName=\"EPSG:4527\"><gml:posList>" + en(-10, -10) + " "
                + en(650, 50) + "</gml:posList></gml:LineString></fes:BBOX>"), RED);
        assertThat(((Filter.Spatial) f).literal().isRectangle()).isTrue();
        assertThat(red(f)).containsExactly("1", "2");
    }

    // ------------------------------------------------------------------------------------ binary operators

    /** A square from -200 to 800 m around parcels 1 and 2, with a hole from -50 to 150 m holding parcel 1. */
    private static String squareWithHole32(String srsName, boolean northFirst) {
        java.util.function.BiFunction<Double, Double, String> p = northFirst ? FesSpatialFilterTest::ne
                : FesSpatialFilterTest::en;
        return "<gml:MultiSurface srsName=\"" + srsName + "\"><gml:surfaceMember><gml:Polygon><gml:exterior>"
                + "<gml:LinearRing><gml:posList>" + p.apply(-200.0, -200.0) + " " + p.apply(800.0, -200.0) + " "
                + p.apply(800.0, 800.0) + " " + p.apply(-200.0, 800.0) + " " + p.apply(-200.0, -200.0)
                + "</gml:posList></gml:LinearRing></gml:exterior><gml:interior><gml:LinearRing><gml:posList>"
                + p.apply(-50.0, -50.0) + " " + p.apply(-50.0, 150.0) + " " + p.apply(150.0, 150.0) + " "
                + p.apply(150.0, -50.0) + " " + p.apply(-50.0, -50.0)
                + "</gml:posList></gml:LinearRing></gml:interior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>";
    }

    private static String op(String op, String geometry) {
        return "<fes:" + op + "><fes:ValueReference>geom</fes:ValueReference>" + geometry + "</fes:" + op + ">";
    }

    @Test
    void gml32MultiSurfaceWithHoles() {
        Filter en = parse(fes(op("Intersects", squareWithHole32("EPSG:4527", false))), RED);
        Filter ne = parse(fes(op("Intersects", squareWithHole32("urn:ogc:def:crs:EPSG::4527", true))), RED);
        assertThat(en).isEqualTo(ne);
        // Parcel 1 lies in the hole.
        assertThat(red(en)).containsExactly("2");
        assertThat(red(parse(fes(op("Within", squareWithHole32("EPSG:4527", false))), RED))).containsExactly("2");
        assertThat(red(parse(fes(op("Disjoint", squareWithHole32("EPSG:4527", false))), RED)))
                .containsExactly("1", "3", "4");
        assertThat(red(parse(fes(op("Contains", squareWithHole32("EPSG:4527", false))), RED))).isEmpty();
        // The same in a fes:Literal.
        assertThat(parse(fes(op("Intersects", "<fes:Literal>" + squareWithHole32("EPSG:4527", false)
                + "</fes:Literal>")), RED)).isEqualTo(en);
    }

    @Test
    void gml2PolygonInFilterEncoding11() {
        String coords = String.join(" ", en(-200, -200).replace(' ', ','), en(800, -200).replace(' ', ','),
                en(800, 800).replace(' ', ','), en(-200, 800).replace(' ', ','), en(-200, -200).replace(' ', ','));
        String hole = String.join(" ", en(-50, -50).replace(' ', ','), en(-50, 150).replace(' ', ','),
                en(150, 150).replace(' ', ','), en(150, -50).replace(' ', ','), en(-50, -50).replace(' ', ','));
        Filter f = parse(ogc("<ogc:Intersects><ogc:PropertyName>geom</ogc:PropertyName>"
                + "<gml:Polygon srsName=\"EPSG:4527\"><gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>" + coords
                + "</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs><gml:innerBoundaryIs><gml:LinearRing>"
                + "<gml:coordinates>" + hole + "</gml:coordinates></gml:LinearRing></gml:innerBoundaryIs>"
                + "</gml:Polygon></ogc:Intersects>"), RED);
        assertThat(red(f)).containsExactly("2");
    }

    private static String square(double de, double dn, double side) {
        return "<gml:Polygon srsName=\"EPSG:4527\"><gml:exterior><gml:LinearRing><gml:posList>" + en(de, dn) + " "
                + en(de + side, dn) + " " + en(de + side, dn + side) + " " + en(de, dn + side) + " " + en(de, dn)
                + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>";
    }

    @Test
    void everyBinaryOperatorInBothVersions() {
        String[][] cases = {
                {"Equals", square(1200, 0, 100), "3"},
                {"Touches", square(100, 0, 50), "1"},
                {"Overlaps", square(1850, 50, 100), "4"},
                {"Crosses", "<gml:LineString srsName=\"EPSG:4527\"><gml:posList>" + en(550, 50) + " " + en(750, 50)
                        + "</gml:posList></gml:LineString>", "2"},
                {"Within", square(1150, -50, 200), "3"},
                {"Contains", square(610, 10, 20), "2"},
                {"Intersects", square(50, 50, 600), "1,2"},
                {"Disjoint", square(50, 50, 600), "3,4"}};
        for (String[] c : cases) {
            Filter v20 = parse(fes(op(c[0], c[1])), RED);
            Filter v11 = parse(ogc(FesFixtures.to11(op(c[0], c[1].replace("gml:exterior", "gml:outerBoundaryIs")))),
                    RED);
            assertThat(v11).as(c[0]).isEqualTo(v20);
            assertThat(((Filter.Spatial) v20).op()).isEqualTo(SpatialOp.valueOf(c[0].toUpperCase(Locale.ROOT)));
            assertThat(red(v20)).as(c[0]).containsExactly(c[2].split(","));
        }
    }

    @Test
    void spatialOperandMistakes() {
        assertThatThrownBy(() -> parse(fes("<fes:Intersects><fes:ValueReference>DLBM</fes:ValueReference>"
                + square(0, 0, 10) + "</fes:Intersects>"), RED))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("'DLBM' is not the geometry property");
        assertThatThrownBy(() -> parse(fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference>"
                + "</fes:Intersects>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("has no GML geometry");
        assertThatThrownBy(() -> parse(fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference>"
                + "<fes:Literal>POINT(1 2)</fes:Literal></fes:Intersects>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("literal 'POINT(1 2)'");
        assertThatThrownBy(() -> parse(fes(op("Intersects", "<gml:Polygon srsName=\"EPSG:4527\"><gml:exterior>"
                + "<gml:LinearRing><gml:posList>1 2 3 4 5 6 7 8</gml:posList></gml:LinearRing></gml:exterior>"
                + "</gml:Polygon>")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("gml:LinearRing is not closed")
                .hasCauseInstanceOf(GmlException.class);
        assertThatThrownBy(() -> parse(fes(op("Intersects", "<gml:Point srsName=\"EPSG:2000\"><gml:pos>1 2</gml:pos>"
                + "</gml:Point>")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("unsupported srsName 'EPSG:2000'");
        assertThatThrownBy(() -> parse(fes("<gml:Point srsName=\"EPSG:4527\"><gml:pos>1 2</gml:pos></gml:Point>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("must be the operand of a spatial");
    }

    // -------------------------------------------------------------------------------------------- distance

    /** A point 300 m west of parcel 1's west edge. */
    private static String dwithin(String op, String distance) {
        return "<fes:" + op + "><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName=\"EPSG:4527\">"
                + "<gml:pos>" + en(-300, 50) + "</gml:pos></gml:Point>" + distance + "</fes:" + op + ">";
    }

    @Test
    void dwithinAndBeyondInMetresOnAGaussKruegerLayer() {
        Filter f = parse(fes(dwithin("DWithin", "<fes:Distance uom=\"m\">350</fes:Distance>")), RED);
        assertThat(((Filter.Distance) f).distance()).isEqualTo(350.0);
        assertThat(((Filter.Distance) f).beyond()).isFalse();
        assertThat(red(f)).containsExactly("1");
        assertThat(red(parse(fes(dwithin("DWithin", "<fes:Distance uom=\"m\">250</fes:Distance>")), RED))).isEmpty();
        assertThat(red(parse(fes(dwithin("Beyond", "<fes:Distance uom=\"metre\">350</fes:Distance>")), RED)))
                .containsExactly("2", "3", "4");
        for (String uom : new String[] {"km", "kilometre", "urn:ogc:def:uom:EPSG::9036"}) {
            assertThat(((Filter.Distance) parse(fes(dwithin("DWithin", "<fes:Distance uom=\"" + uom + "\">0.35"
                    + "</fes:Distance>")), RED)).distance()).as(uom).isCloseTo(350.0, within(1e-9));
        }
        for (String uom : new String[] {"urn:ogc:def:uom:EPSG::9001", "http://www.opengis.net/def/uom/OGC/1.0/metre",
                "meters", "M"}) {
            assertThat(((Filter.Distance) parse(fes(dwithin("DWithin", "<fes:Distance uom=\"" + uom + "\">350"
                    + "</fes:Distance>")), RED)).distance()).as(uom).isEqualTo(350.0);
        }
        // Filter Encoding 1.1 writes units=; no unit means the layer's units.
        Filter fe11 = parse(ogc(FesFixtures.to11(dwithin("DWithin", "<fes:Distance units=\"m\">350</fes:Distance>"))),
                RED);
        assertThat(fe11).isEqualTo(f);
        assertThat(parse(fes(dwithin("DWithin", "<fes:Distance>350</fes:Distance>")), RED)).isEqualTo(f);
    }

    @Test
    void metresBecomeDegreesOnAGeographicLayer() {
        Filter f = parse(fes("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Point srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:pos>31.8 117.2</gml:pos></gml:Point>"
                + "<fes:Distance uom=\"m\">1000</fes:Distance></fes:DWithin>"), DLTB);
        double degrees = ((Filter.Distance) f).distance();
        // A degree at 31.8°N is about 110.89 km of latitude and 94.69 km of longitude.
        assertThat(degrees).isCloseTo(1000 / Math.sqrt(110_894.0 * 94_688.0), within(1e-7));
        assertThat(degrees).isBetween(1000 / 110_894.0, 1000 / 94_688.0);
        assertThat(degrees).isEqualTo(1000 / DistanceUnits.metresPerDegree(31.8));
        // Degrees stay degrees there.
        Filter deg = parse(fes("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Point srsName=\"EPSG:4490\"><gml:pos>117.2 31.8</gml:pos></gml:Point>"
                + "<fes:Distance uom=\"urn:ogc:def:uom:EPSG::9102\">0.01</fes:Distance></fes:DWithin>"), DLTB);
        assertThat(((Filter.Distance) deg).distance()).isEqualTo(0.01);
    }

    @Test
    void metresOnAWebMercatorLayerAreStretchedByLatitude() {
        FeatureType mercator = LayerCatalogue.type(LayerKind.RED_LINE, 3857);
        Filter f = FesFilterParser.parse(fes("<fes:DWithin><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:Point srsName=\"EPSG:4490\"><gml:pos>117.2 " + LAT + "</gml:pos></gml:Point>"
                + "<fes:Distance uom=\"m\">1000</fes:Distance></fes:DWithin>"),
                FilterContext.of(mercator, FesFixtures.URN_4490));
        assertThat(((Filter.Distance) f).distance()).isCloseTo(1000 / Math.cos(Math.toRadians(LAT)), within(0.01));
    }

    @Test
    void distanceMistakes() {
        assertThatThrownBy(() -> parse(fes(dwithin("DWithin", "<fes:Distance uom=\"furlong\">1</fes:Distance>")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("unknown distance unit 'furlong'");
        assertThatThrownBy(() -> parse(fes(dwithin("DWithin", "<fes:Distance uom=\"m\">-5</fes:Distance>")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("'-5' is not a number ≥ 0");
        assertThatThrownBy(() -> parse(fes(dwithin("DWithin", "<fes:Distance uom=\"m\">NaN</fes:Distance>")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("not a number");
        assertThatThrownBy(() -> parse(fes(dwithin("DWithin", "")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("has no Distance");
    }
}
