package org.gengdi.core.gml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import javax.xml.stream.XMLStreamReader;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.xml.SafeXml;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

class GmlGeometryReaderTest {

    private static final String GML32 = "xmlns:gml=\"http://www.opengis.net/gml/3.2\"";
    private static final String GML = "xmlns:gml=\"http://www.opengis.net/gml\"";
    private static final CrsRef URN_4490 = CrsRegistry.get().parse("urn:ogc:def:crs:EPSG::4490");
    private static final CrsRef SHORT_4490 = CrsRegistry.get().parse("EPSG:4490");

    /** Reads the first element of the document as a geometry and checks the reader ends on its end tag. */
    private static GmlGeometry read(String xml, CrsRef defaultCrs) {
        try {
            XMLStreamReader r = SafeXml.reader("<wrap>" + xml + "<next/></wrap>");
            r.nextTag();
            r.nextTag();
            String name = r.getLocalName();
            GmlGeometry g = GmlGeometryReader.read(r, defaultCrs);
            assertThat(r.getEventType()).isEqualTo(XMLStreamReader.END_ELEMENT);
            assertThat(r.getLocalName()).isEqualTo(name);
            r.nextTag();
            assertThat(r.getLocalName()).isEqualTo("next");
            return g;
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new AssertionError(e);
        }
    }

    private static GmlGeometry read(String xml) {
        return read(xml, null);
    }

    private static Geometry wkt(String wkt) {
        try {
            return new WKTReader().read(wkt);
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertGeometry(GmlGeometry g, String expectedWkt, int srid) {
        assertThat(g.geometry().equalsExact(wkt(expectedWkt))).as("%s equals %s", g.geometry(), expectedWkt).isTrue();
        assertThat(g.geometry().getSRID()).isEqualTo(srid);
        assertThat(g.srid()).isEqualTo(srid);
    }

    // ------------------------------------------------------------------------------------------ axis order

    @Test
    void pointAxisOrderFollowsTheSrsNameForm() {
        GmlGeometry urn = read("<gml:Point " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:pos>30.5 117.25</gml:pos></gml:Point>");
        GmlGeometry url = read("<gml:Point " + GML32 + " srsName=\"http://www.opengis.net/def/crs/EPSG/0/4490\">"
                + "<gml:pos>30.5 117.25</gml:pos></gml:Point>");
        GmlGeometry shortForm = read("<gml:Point " + GML32 + " srsName=\"EPSG:4490\">"
                + "<gml:pos>117.25 30.5</gml:pos></gml:Point>");
        GmlGeometry crs84 = read("<gml:Point " + GML32 + " srsName=\"CRS:84\"><gml:pos>117.25 30.5</gml:pos>"
                + "</gml:Point>");
        for (GmlGeometry g : new GmlGeometry[] {urn, url, shortForm}) {
            assertGeometry(g, "POINT (117.25 30.5)", 4490);
        }
        assertGeometry(crs84, "POINT (117.25 30.5)", 4326);
        assertThat(urn.crs().axisOrder()).isEqualTo(AxisOrder.NORTH_EAST);
        assertThat(shortForm.crs().text()).isEqualTo("EPSG:4490");
    }

    @Test
    void aLatitudeBeyond90DegreesIsAnAxisOrderMistake() {
        assertThatThrownBy(() -> read("<gml:Point " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:pos>117.25 30.5</gml:pos></gml:Point>")).isInstanceOf(GmlException.class)
                .hasMessageContaining("listed latitude first").hasMessageContaining("use EPSG:4490 for longitude first");
        assertThatThrownBy(() -> read("<gml:Envelope " + GML32 + " srsName=\"EPSG:4326\"><gml:lowerCorner>30 117"
                + "</gml:lowerCorner><gml:upperCorner>31 118</gml:upperCorner></gml:Envelope>"))
                .isInstanceOf(GmlException.class).hasMessageContaining("longitude first")
                .hasMessageContaining("latitude at 117");
        // Projected coordinates have no such bound.
        assertGeometry(read("<gml:Point " + GML32 + " srsName=\"EPSG:3857\"><gml:pos>13046000 3737000</gml:pos>"
                + "</gml:Point>"), "POINT (13046000 3737000)", 3857);
    }

    @Test
    void gaussKruegerUrnListsNorthingFirst() {
        GmlGeometry g = read("<gml:Point " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4527\">"
                + "<gml:pos>3380000 39500000</gml:pos></gml:Point>");
        assertGeometry(g, "POINT (39500000 3380000)", 4527);
    }

    @Test
    void withoutSrsNameTheCallersDefaultApplies() {
        String point = "<gml:Point " + GML32 + "><gml:pos>30.5 40.25</gml:pos></gml:Point>";
        assertGeometry(read(point, URN_4490), "POINT (40.25 30.5)", 4490);
        assertGeometry(read(point, SHORT_4490), "POINT (30.5 40.25)", 4490);
        assertThatThrownBy(() -> read(point)).isInstanceOf(GmlException.class)
                .hasMessageContaining("no srsName and no default CRS");
        // Parts inherit the CRS of the whole.
        GmlGeometry multi = read("<gml:MultiPoint " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:pointMember><gml:Point><gml:pos>30 117</gml:pos></gml:Point></gml:pointMember>"
                + "</gml:MultiPoint>", SHORT_4490);
        assertGeometry(multi, "MULTIPOINT ((117 30))", 4490);
    }

    @Test
    void gml2CoordinatesUseTheGml2AxisRules() {
        GmlGeometry g = read("<gml:Point " + GML + " srsName=\"http://www.opengis.net/gml/srs/epsg.xml#4326\">"
                + "<gml:coordinates>117.25,30.5</gml:coordinates></gml:Point>");
        assertGeometry(g, "POINT (117.25 30.5)", 4326);
        GmlGeometry coord = read("<gml:Point " + GML + " srsName=\"EPSG:4490\"><gml:coord><gml:X>117.25</gml:X>"
                + "<gml:Y>30.5</gml:Y><gml:Z>12</gml:Z></gml:coord></gml:Point>");
        assertGeometry(coord, "POINT (117.25 30.5)", 4490);
    }

    // ------------------------------------------------------------------------------------------ geometries

    @Test
    void lineStringsInEveryEncoding() {
        String expected = "LINESTRING (117 30, 117.1 30.1, 117.2 30)";
        assertGeometry(read("<gml:LineString " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:posList srsDimension=\"2\" count=\"3\">30 117 30.1 117.1\n 30 117.2</gml:posList>"
                + "</gml:LineString>"), expected, 4490);
        assertGeometry(read("<gml:LineString " + GML + " srsName=\"EPSG:4490\"><gml:pos>117 30</gml:pos>"
                + "<gml:pos>117.1 30.1</gml:pos><gml:pos>117.2 30</gml:pos></gml:LineString>"), expected, 4490);
        assertGeometry(read("<gml:LineString " + GML + " srsName=\"EPSG:4490\">"
                + "<gml:coordinates>117,30 117.1,30.1 117.2,30</gml:coordinates></gml:LineString>"), expected, 4490);
        assertGeometry(read("<gml:LineString " + GML + " srsName=\"EPSG:4490\">"
                + "<gml:coordinates decimal=\",\" cs=\";\" ts=\"|\">117;30|117,1;30,1|117,2;30</gml:coordinates>"
                + "</gml:LineString>"), expected, 4490);
        assertGeometry(read("<gml:LineString " + GML + " srsName=\"EPSG:4490\">"
                + "<gml:coordinates>117, 30  117.1, 30.1\t117.2,30</gml:coordinates></gml:LineString>"), expected, 4490);
        assertGeometry(read("<gml:LineString " + GML32 + " srsName=\"EPSG:4490\">"
                + "<gml:pointProperty><gml:Point><gml:pos>117 30</gml:pos></gml:Point></gml:pointProperty>"
                + "<gml:pos>117.1 30.1</gml:pos><gml:pos>117.2 30</gml:pos></gml:LineString>"), expected, 4490);
    }

    @Test
    void threeDimensionalCoordinatesDropZ() {
        assertGeometry(read("<gml:LineString " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\" srsDimension=\"3\">"
                + "<gml:posList>30 117 5 30.1 117.1 6</gml:posList></gml:LineString>"),
                "LINESTRING (117 30, 117.1 30.1)", 4490);
        assertGeometry(read("<gml:LineString " + GML32 + " srsName=\"EPSG:4490\">"
                + "<gml:posList srsDimension=\"3\">117 30 5 117.1 30.1 6</gml:posList></gml:LineString>"),
                "LINESTRING (117 30, 117.1 30.1)", 4490);
        assertGeometry(read("<gml:Point " + GML32 + " srsName=\"EPSG:4490\"><gml:pos>117 30 44.5</gml:pos></gml:Point>"),
                "POINT (117 30)", 4490);
        assertGeometry(read("<gml:LineString " + GML + " srsName=\"EPSG:4490\">"
                + "<gml:coordinates>117,30,5 117.1,30.1,6</gml:coordinates></gml:LineString>"),
                "LINESTRING (117 30, 117.1 30.1)", 4490);
    }

    @Test
    void polygonsWithHolesGml3AndGml2() {
        String expected = "POLYGON ((117 30, 118 30, 118 31, 117 31, 117 30), "
                + "(117.2 30.2, 117.2 30.4, 117.4 30.4, 117.4 30.2, 117.2 30.2))";
        assertGeometry(read("<gml:Polygon " + GML32 + " gml:id=\"p1\" srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:exterior><gml:LinearRing><gml:posList>30 117 30 118 31 118 31 117 30 117</gml:posList>"
                + "</gml:LinearRing></gml:exterior>"
                + "<gml:interior><gml:LinearRing><gml:posList>30.2 117.2 30.4 117.2 30.4 117.4 30.2 117.4 30.2 117.2"
                + "</gml:posList></gml:LinearRing></gml:interior></gml:Polygon>"), expected, 4490);
        assertGeometry(read("<gml:Polygon " + GML + " srsName=\"EPSG:4490\">"
                + "<gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>117,30 118,30 118,31 117,31 117,30"
                + "</gml:coordinates></gml:LinearRing></gml:outerBoundaryIs>"
                + "<gml:innerBoundaryIs><gml:LinearRing><gml:coordinates>117.2,30.2 117.2,30.4 117.4,30.4 117.4,30.2 "
                + "117.2,30.2</gml:coordinates></gml:LinearRing></gml:innerBoundaryIs></gml:Polygon>"), expected, 4490);
    }

    @Test
    void multiSurfaceWithHolesAndSurfacePatches() {
        GmlGeometry g = read("<gml:MultiSurface " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4527\" gml:id=\"m\">"
                + "<gml:name>宗地</gml:name>"
                + "<gml:surfaceMember><gml:Polygon gml:id=\"a\"><gml:exterior><gml:LinearRing><gml:posList>"
                + "3380000 39500000 3380000 39501000 3381000 39501000 3381000 39500000 3380000 39500000"
                + "</gml:posList></gml:LinearRing></gml:exterior><gml:interior><gml:LinearRing><gml:posList>"
                + "3380400 39500400 3380600 39500400 3380600 39500600 3380400 39500600 3380400 39500400"
                + "</gml:posList></gml:LinearRing></gml:interior></gml:Polygon></gml:surfaceMember>"
                + "<gml:surfaceMember><gml:Surface><gml:patches><gml:PolygonPatch><gml:exterior><gml:LinearRing>"
                + "<gml:posList>3382000 39502000 3382000 39502100 3382100 39502100 3382000 39502000</gml:posList>"
                + "</gml:LinearRing></gml:exterior></gml:PolygonPatch></gml:patches></gml:Surface></gml:surfaceMember>"
                + "<gml:surfaceMembers><gml:Polygon><gml:exterior><gml:LinearRing><gml:pos>3383000 39503000</gml:pos>"
                + "<gml:pos>3383000 39503010</gml:pos><gml:pos>3383010 39503010</gml:pos><gml:pos>3383000 39503000"
                + "</gml:pos></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMembers>"
                + "</gml:MultiSurface>");
        assertThat(g.geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(g.geometry().getNumGeometries()).isEqualTo(3);
        Polygon first = (Polygon) g.geometry().getGeometryN(0);
        assertThat(first.getNumInteriorRing()).isEqualTo(1);
        assertThat(first.getArea()).isEqualTo(1000.0 * 1000 - 200.0 * 200);
        assertThat(first.getExteriorRing().getCoordinateN(1)).isEqualTo(new Coordinate(39501000, 3380000));
        assertThat(g.srid()).isEqualTo(4527);
    }

    @Test
    void gml2MultiPolygonAndMultiLineString() {
        GmlGeometry mp = read("<gml:MultiPolygon " + GML + " srsName=\"EPSG:4490\"><gml:polygonMember><gml:Polygon>"
                + "<gml:outerBoundaryIs><gml:LinearRing><gml:coordinates>117,30 118,30 118,31 117,30</gml:coordinates>"
                + "</gml:LinearRing></gml:outerBoundaryIs></gml:Polygon></gml:polygonMember></gml:MultiPolygon>");
        assertGeometry(mp, "MULTIPOLYGON (((117 30, 118 30, 118 31, 117 30)))", 4490);
        GmlGeometry ml = read("<gml:MultiLineString " + GML + " srsName=\"EPSG:4490\"><gml:lineStringMember>"
                + "<gml:LineString><gml:coordinates>117,30 118,31</gml:coordinates></gml:LineString>"
                + "</gml:lineStringMember></gml:MultiLineString>");
        assertGeometry(ml, "MULTILINESTRING ((117 30, 118 31))", 4490);
    }

    @Test
    void multiCurveWithCurveSegmentsAndMultiPoint() {
        GmlGeometry mc = read("<gml:MultiCurve " + GML32 + " srsName=\"EPSG:4490\"><gml:curveMember><gml:Curve>"
                + "<gml:segments><gml:LineStringSegment><gml:posList>117 30 117.5 30.5</gml:posList>"
                + "</gml:LineStringSegment><gml:LineStringSegment><gml:posList>117.5 30.5 118 30</gml:posList>"
                + "</gml:LineStringSegment></gml:segments></gml:Curve></gml:curveMember>"
                + "<gml:curveMember><gml:LineString><gml:posList>116 29 116.5 29.5</gml:posList></gml:LineString>"
                + "</gml:curveMember></gml:MultiCurve>");
        assertGeometry(mc, "MULTILINESTRING ((117 30, 117.5 30.5, 118 30), (116 29, 116.5 29.5))", 4490);
        GmlGeometry mpt = read("<gml:MultiPoint " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:pointMembers>"
                + "<gml:Point><gml:pos>30 117</gml:pos></gml:Point><gml:Point><gml:pos>31 118</gml:pos></gml:Point>"
                + "</gml:pointMembers></gml:MultiPoint>");
        assertGeometry(mpt, "MULTIPOINT ((117 30), (118 31))", 4490);
        GmlGeometry mg = read("<gml:MultiGeometry " + GML32 + " srsName=\"EPSG:4490\"><gml:geometryMember><gml:Point>"
                + "<gml:pos>117 30</gml:pos></gml:Point></gml:geometryMember><gml:geometryMember><gml:LineString>"
                + "<gml:posList>117 30 118 31</gml:posList></gml:LineString></gml:geometryMember></gml:MultiGeometry>");
        assertGeometry(mg, "GEOMETRYCOLLECTION (POINT (117 30), LINESTRING (117 30, 118 31))", 4490);
    }

    @Test
    void envelopesAndBoxes() {
        String expected = "POLYGON ((117 30, 117 31, 118 31, 118 30, 117 30))";
        GmlGeometry urn = read("<gml:Envelope " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:lowerCorner>30 117</gml:lowerCorner><gml:upperCorner>31 118</gml:upperCorner></gml:Envelope>");
        assertGeometry(urn, expected, 4490);
        assertThat(urn.envelope()).isTrue();
        assertGeometry(read("<gml:Envelope " + GML + " srsName=\"EPSG:4490\"><gml:lowerCorner>117 30</gml:lowerCorner>"
                + "<gml:upperCorner>118 31</gml:upperCorner></gml:Envelope>"), expected, 4490);
        assertGeometry(read("<gml:Box " + GML + " srsName=\"EPSG:4490\"><gml:coordinates>117,30 118,31"
                + "</gml:coordinates></gml:Box>"), expected, 4490);
        assertGeometry(read("<gml:Box " + GML + " srsName=\"EPSG:4490\"><gml:coord><gml:X>117</gml:X><gml:Y>30</gml:Y>"
                + "</gml:coord><gml:coord><gml:X>118</gml:X><gml:Y>31</gml:Y></gml:coord></gml:Box>"), expected, 4490);
        assertGeometry(read("<gml:Envelope " + GML + " srsName=\"EPSG:4490\"><gml:pos>117 30</gml:pos>"
                + "<gml:pos>118 31</gml:pos></gml:Envelope>"), expected, 4490);
        assertThat(read("<gml:Point " + GML32 + " srsName=\"EPSG:4490\"><gml:pos>1 2</gml:pos></gml:Point>")
                .envelope()).isFalse();
    }

    // ------------------------------------------------------------------------------------------ transforms

    @Test
    void transformIntoALayerCrs() {
        GmlGeometry g = read("<gml:Point " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:pos>30.5 117.25</gml:pos></gml:Point>");
        Geometry inGk = g.transformTo(4527);
        Point expected = (Point) CrsRegistry.get().transform(4490, 4527)
                .transform(new GeometryFactory().createPoint(new Coordinate(117.25, 30.5)));
        assertThat(inGk.getSRID()).isEqualTo(4527);
        assertThat(inGk.getCoordinate().x).isCloseTo(expected.getX(), within(1e-6));
        assertThat(inGk.getCoordinate().y).isCloseTo(expected.getY(), within(1e-6));
        assertThat(inGk.getCoordinate().x).isBetween(39_500_000.0, 39_530_000.0);
        assertThat(g.transformTo(4490)).isSameAs(g.geometry());

        GmlGeometry env = read("<gml:Envelope " + GML32 + " srsName=\"urn:ogc:def:crs:EPSG::4490\">"
                + "<gml:lowerCorner>30 117</gml:lowerCorner><gml:upperCorner>31 118</gml:upperCorner></gml:Envelope>");
        Envelope covering = CrsRegistry.get().transform(4490, 4527).transform(new Envelope(117, 118, 30, 31));
        Geometry rect = env.transformTo(4527);
        assertThat(rect.getEnvelopeInternal()).isEqualTo(covering);
        assertThat(rect.isRectangle()).isTrue();

        // The three-argument convenience.
        try {
            XMLStreamReader r = SafeXml.reader("<gml:Point " + GML32 + " srsName=\"EPSG:4490\"><gml:pos>117.25 30.5"
                    + "</gml:pos></gml:Point>");
            r.nextTag();
            assertThat(GmlGeometryReader.read(r, null, 4527).equalsExact(inGk, 1e-6)).isTrue();
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------------------------------ bad GML

    private static void bad(String xml, String message) {
        assertThatThrownBy(() -> read(xml, SHORT_4490)).isInstanceOf(GmlException.class).hasMessageContaining(message);
    }

    @Test
    void badGmlIsRefusedWithAClearMessage() {
        bad("<gml:LineString " + GML32 + "><gml:posList>117 30 118</gml:posList></gml:LineString>",
                "3 numbers, which do not divide into positions of 2");
        bad("<gml:LineString " + GML32 + " srsDimension=\"3\"><gml:posList>1 2 3 4</gml:posList></gml:LineString>",
                "do not divide into positions of 3");
        bad("<gml:Polygon " + GML32 + "><gml:exterior><gml:LinearRing><gml:posList>117 30 118 30 118 31 117 31"
                + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>", "gml:LinearRing is not closed");
        bad("<gml:Polygon " + GML32 + "><gml:exterior><gml:LinearRing><gml:posList>117 30 118 30 117 30"
                + "</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>", "needs at least 4 positions, has 3");
        bad("<gml:Point " + GML32 + "><gml:pos>117 abc</gml:pos></gml:Point>", "'abc', which is not a number");
        bad("<gml:Point " + GML32 + "><gml:pos>117 NaN</gml:pos></gml:Point>", "'NaN', which is not a number");
        bad("<gml:Point " + GML32 + "><gml:pos>0x1p3 1</gml:pos></gml:Point>", "not a number");
        bad("<gml:Point " + GML32 + "><gml:pos>1e999 1</gml:pos></gml:Point>", "out of range");
        bad("<gml:Point " + GML32 + "><gml:pos>117</gml:pos></gml:Point>", "holds 1 numbers");
        bad("<gml:Point " + GML32 + "><gml:pos></gml:pos></gml:Point>", "holds no coordinates");
        bad("<gml:Point " + GML32 + "/>", "gml:Point has no position");
        bad("<gml:Point " + GML + "><gml:coordinates>117;30</gml:coordinates></gml:Point>", "has 1 values");
        bad("<gml:Circle " + GML32 + "><gml:pos>117 30</gml:pos></gml:Circle>", "gml:Circle is not a supported geometry");
        bad("<gml:Point " + GML32 + "><gml:position>117 30</gml:position></gml:Point>",
                "unexpected element gml:position in gml:Point");
        bad("<gml:Point " + GML32 + " xmlns:x=\"urn:x\"><x:pos>117 30</x:pos></gml:Point>", "unexpected element <x:pos>");
        bad("<Point><pos>117 30</pos></Point>", "without namespace");
        bad("<gml:Point " + GML32 + " srsName=\"EPSG:27700\"><gml:pos>1 2</gml:pos></gml:Point>",
                "unsupported srsName 'EPSG:27700'");
        bad("<gml:Point " + GML32 + " srsDimension=\"7\"><gml:pos>1 2</gml:pos></gml:Point>", "must be 2, 3 or 4");
        bad("<gml:LineString " + GML32 + "><gml:posList count=\"3\">1 2 3 4</gml:posList></gml:LineString>",
                "count=\"3\" but holds 2");
        bad("<gml:MultiSurface " + GML32 + "><gml:surfaceMember xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "xlink:href=\"#p1\"/></gml:MultiSurface>", "xlink:href");
        bad("<gml:MultiSurface " + GML32 + "><gml:surfaceMember><gml:LineString><gml:posList>1 2 3 4</gml:posList>"
                + "</gml:LineString></gml:surfaceMember></gml:MultiSurface>", "must be a polygon, not a LineString");
        bad("<gml:MultiPoint " + GML32 + " srsName=\"EPSG:4490\"><gml:pointMember><gml:Point srsName=\"EPSG:4527\">"
                + "<gml:pos>1 2</gml:pos></gml:Point></gml:pointMember></gml:MultiPoint>", "one geometry has one CRS");
        bad("<gml:Curve " + GML32 + "><gml:segments><gml:Arc><gml:posList>1 2 3 4 5 6</gml:posList></gml:Arc>"
                + "</gml:segments></gml:Curve>", "gml:Arc is not supported");
        bad("<gml:Polygon " + GML32 + "><gml:exterior><gml:Ring/></gml:exterior></gml:Polygon>",
                "gml:Ring is not a supported geometry");
        bad("<gml:Polygon " + GML32 + "/>", "has no exterior ring");
        bad("<gml:Envelope " + GML32 + "><gml:lowerCorner>1 2</gml:lowerCorner></gml:Envelope>",
                "needs exactly two corners");
        bad("<gml:Point " + GML32 + ">stray text<gml:pos>1 2</gml:pos></gml:Point>", "malformed GML");
        bad("<gml:Point " + GML32 + "><gml:pos>1 <b/>2</gml:pos></gml:Point>", "malformed GML");
    }

    @Test
    void deeplyNestedCollectionsStopAtTheNestingLimit() throws Exception {
        // Even through a reader that allows any depth, the reader's recursion stays bounded.
        int levels = 100_000;
        String xml = "<gml:MultiGeometry " + GML32 + " srsName=\"EPSG:4490\">"
                + "<gml:geometryMember><gml:MultiGeometry>".repeat(levels)
                + "</gml:MultiGeometry></gml:geometryMember>".repeat(levels) + "</gml:MultiGeometry>";
        XMLStreamReader r = SafeXml.reader(xml, SafeXml.Limits.DEFAULT.withMaxDepth(1_000_000));
        r.nextTag();
        assertThatThrownBy(() -> GmlGeometryReader.read(r, null)).isInstanceOf(GmlException.class)
                .hasMessageContaining("nested deeper than the limit of " + GmlGeometryReader.MAX_NESTING);
        String ok = "<gml:MultiGeometry " + GML32 + " srsName=\"EPSG:4490\">"
                + "<gml:geometryMember><gml:MultiGeometry>".repeat(GmlGeometryReader.MAX_NESTING - 1)
                + "</gml:MultiGeometry></gml:geometryMember>".repeat(GmlGeometryReader.MAX_NESTING - 1)
                + "</gml:MultiGeometry>";
        assertThat(read(ok).geometry().isEmpty()).isTrue();
    }

    @Test
    void lineStringPartsAreLines() {
        GmlGeometry g = read("<gml:LineString " + GML32 + "><gml:posList>1 2 3 4</gml:posList></gml:LineString>",
                SHORT_4490);
        assertThat(g.geometry()).isInstanceOf(LineString.class);
        assertThat(GmlGeometryReader.isGeometry(GmlGeometryReader.GML_3_2, "MultiSurface")).isTrue();
        assertThat(GmlGeometryReader.isGeometry(GmlGeometryReader.GML, "TimeInstant")).isFalse();
        assertThat(GmlGeometryReader.isGeometry("urn:x", "Point")).isFalse();
    }
}
