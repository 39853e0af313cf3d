package org.gengdi.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.proj.Projection;

class CrsRegistryTest {

    private final CrsRegistry registry = CrsRegistry.get();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            EPSG:4490                                      | 4490 | SHORT | EAST_NORTH
            epsg:4490                                      | 4490 | SHORT | EAST_NORTH
            '  EPSG:4527  '                                | 4527 | SHORT | EAST_NORTH
            EPSG:3857                                      | 3857 | SHORT | EAST_NORTH
            EPSG:900913                                    | 3857 | SHORT | EAST_NORTH
            EPSG:4326                                      | 4326 | SHORT | EAST_NORTH
            urn:ogc:def:crs:EPSG::4490                     | 4490 | URN   | NORTH_EAST
            URN:OGC:DEF:CRS:EPSG::4490                     | 4490 | URN   | NORTH_EAST
            urn:ogc:def:crs:EPSG:6.6:4490                  | 4490 | URN   | NORTH_EAST
            urn:ogc:def:crs:EPSG:9.9.1:4527                | 4527 | URN   | NORTH_EAST
            urn:x-ogc:def:crs:EPSG:4490                    | 4490 | URN   | NORTH_EAST
            urn:x-ogc:def:crs:EPSG:6.11:4326               | 4326 | URN   | NORTH_EAST
            urn:ogc:def:crs:EPSG::3857                     | 3857 | URN   | EAST_NORTH
            urn:ogc:def:crs:EPSG::4548                     | 4548 | URN   | NORTH_EAST
            http://www.opengis.net/def/crs/EPSG/0/4490     | 4490 | URL   | NORTH_EAST
            https://www.opengis.net/def/crs/EPSG/0/4527    | 4527 | URL   | NORTH_EAST
            http://www.opengis.net/def/crs/epsg/0/3857     | 3857 | URL   | EAST_NORTH
            http://www.opengis.net/gml/srs/epsg.xml#4490   | 4490 | URL   | EAST_NORTH
            http://www.opengis.net/gml/srs/epsg.xml#4527   | 4527 | URL   | EAST_NORTH
            CRS:84                                         | 4326 | CRS84 | EAST_NORTH
            crs:84                                         | 4326 | CRS84 | EAST_NORTH
            OGC:CRS84                                      | 4326 | CRS84 | EAST_NORTH
            urn:ogc:def:crs:OGC:1.3:CRS84                  | 4326 | CRS84 | EAST_NORTH
            urn:ogc:def:crs:OGC::CRS84                     | 4326 | CRS84 | EAST_NORTH
            http://www.opengis.net/def/crs/OGC/1.3/CRS84   | 4326 | CRS84 | EAST_NORTH
            https://www.opengis.net/def/crs/OGC/1.3/CRS84  | 4326 | CRS84 | EAST_NORTH
            """)
    void parsesEveryForm(String text, int srid, CrsRef.Form form, AxisOrder order) {
        CrsRef ref = registry.parse(text);
        assertThat(ref.srid()).isEqualTo(srid);
        assertThat(ref.form()).isEqualTo(form);
        assertThat(ref.axisOrder()).isEqualTo(order);
        assertThat(ref.text()).isEqualTo(text.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "4490", "EPSG:", "EPSG:abc", "EPSG:4490:1", "EPSG 4490", "EPSG:-4490",
            "EPSG:99999999999", "urn:ogc:def:crs:EPSG::", "urn:ogc:def:crs:EPSG::44x0", "urn:ogc:def:crs:FOO::4490",
            "http://example.com/def/crs/EPSG/0/4490", "http://www.opengis.net/def/crs/EPSG/0/",
            "CRS:83", "urn:ogc:def:crs:OGC:1.3:CRS83", "EPSG:2385", "EPSG:4555", "EPSG:4214",
            "urn:ogc:def:crs:EPSG::32650", "http://www.opengis.net/def/crs/EPSG/0/4479"})
    void rejectsMalformedOrUnsupported(String text) {
        assertThatThrownBy(() -> registry.parse(text)).isInstanceOf(UnknownCrsException.class)
                .hasMessageContaining("CRS");
        assertThat(registry.tryParse(text)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> registry.parse(null)).isInstanceOf(UnknownCrsException.class);
    }

    @Test
    void unsupportedMessageNamesTheCode() {
        assertThatThrownBy(() -> registry.parse("EPSG:2385")).hasMessageContaining("EPSG:2385")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> registry.byEpsg(4214)).isInstanceOf(UnknownCrsException.class)
                .hasMessageContaining("EPSG:4214");
    }

    @Test
    void holdsTheThreeGlobalCrssAndSixtyFourGaussKrugerZones() {
        assertThat(registry.all()).hasSize(67);
        assertThat(registry.all()).extracting(CrsDefinition::srid).startsWith(4490, 4326, 3857)
                .contains(4491, 4512, 4513, 4533, 4534, 4554).doesNotContain(4555, 4489);
        assertThat(registry.find(4555)).isEmpty();
        assertThat(registry.find(900913)).map(CrsDefinition::srid).contains(3857);
    }

    @ParameterizedTest(name = "EPSG:{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            4527 | CGCS2000 / 3-degree Gauss-Kruger zone 39 | true  | 39 | 117 | 39500000
            4548 | CGCS2000 / 3-degree Gauss-Kruger CM 117E | true  | 0  | 117 | 500000
            4522 | CGCS2000 / 3-degree Gauss-Kruger zone 34 | true  | 34 | 102 | 34500000
            4530 | CGCS2000 / 3-degree Gauss-Kruger zone 42 | true  | 42 | 126 | 42500000
            4513 | CGCS2000 / 3-degree Gauss-Kruger zone 25 | true  | 25 | 75  | 25500000
            4533 | CGCS2000 / 3-degree Gauss-Kruger zone 45 | true  | 45 | 135 | 45500000
            4534 | CGCS2000 / 3-degree Gauss-Kruger CM 75E  | true  | 0  | 75  | 500000
            4543 | CGCS2000 / 3-degree Gauss-Kruger CM 102E | true  | 0  | 102 | 500000
            4551 | CGCS2000 / 3-degree Gauss-Kruger CM 126E | true  | 0  | 126 | 500000
            4554 | CGCS2000 / 3-degree Gauss-Kruger CM 135E | true  | 0  | 135 | 500000
            4491 | CGCS2000 / Gauss-Kruger zone 13           | false | 13 | 75  | 13500000
            4498 | CGCS2000 / Gauss-Kruger zone 20           | false | 20 | 117 | 20500000
            4500 | CGCS2000 / Gauss-Kruger zone 22           | false | 22 | 129 | 22500000
            4501 | CGCS2000 / Gauss-Kruger zone 23           | false | 23 | 135 | 23500000
            4502 | CGCS2000 / Gauss-Kruger CM 75E            | false | 0  | 75  | 500000
            4505 | CGCS2000 / Gauss-Kruger CM 93E            | false | 0  | 93  | 500000
            4510 | CGCS2000 / Gauss-Kruger CM 123E           | false | 0  | 123 | 500000
            4512 | CGCS2000 / Gauss-Kruger CM 135E           | false | 0  | 135 | 500000
            """)
    void gaussKrugerZoneMath(int srid, String name, boolean threeDegree, int zone, int cm, double fe) {
        CrsDefinition d = registry.byEpsg(srid);
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.axisOrder()).isEqualTo(AxisOrder.NORTH_EAST);
        assertThat(d.geographic()).isFalse();
        assertThat(d.proj4()).contains("+proj=tmerc", "+lon_0=" + cm + " ", "+x_0=" + (long) fe + " ",
                "+k=1 ", "+lat_0=0 ", "+y_0=0 ", "+ellps=GRS80");
        assertThat(d.wkt()).startsWith("PROJCS[\"" + name + "\"").endsWith("AUTHORITY[\"EPSG\",\"" + srid + "\"]]")
                .contains("PARAMETER[\"central_meridian\"," + cm + "]",
                        "PARAMETER[\"false_easting\"," + (long) fe + "]", "SPHEROID[\"CGCS2000\",6378137,298.257222101");
        GkZone z = registry.gkZone(srid).orElseThrow();
        assertThat(z).isEqualTo(new GkZone(srid, threeDegree, zone, cm, fe));
    }

    @Test
    void globalDefinitions() {
        assertThat(registry.byEpsg(4490)).satisfies(d -> {
            assertThat(d.name()).isEqualTo("China Geodetic Coordinate System 2000");
            assertThat(d.axisOrder()).isEqualTo(AxisOrder.NORTH_EAST);
            assertThat(d.geographic()).isTrue();
            assertThat(d.wkt()).startsWith("GEOGCS[\"China Geodetic Coordinate System 2000\"")
                    .endsWith("AUTHORITY[\"EPSG\",\"4490\"]]");
        });
        assertThat(registry.byEpsg(4326).axisOrder()).isEqualTo(AxisOrder.NORTH_EAST);
        assertThat(registry.byEpsg(4326).name()).isEqualTo("WGS 84");
        assertThat(registry.byEpsg(3857).axisOrder()).isEqualTo(AxisOrder.EAST_NORTH);
        assertThat(registry.byEpsg(3857).name()).isEqualTo("WGS 84 / Pseudo-Mercator");
        assertThat(registry.gkZone(4490)).isEmpty();
    }

    /** Every definition agrees with the EPSG database shipped in proj4j-epsg: name, meridian, false easting, ellipsoid. */
    @Test
    void agreesWithProj4jEpsgDatabase() throws Exception {
        Map<Integer, String> names = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CRSFactory.class.getResourceAsStream("/proj4/nad/epsg"), StandardCharsets.UTF_8))) {
            String previous = null;
            Pattern code = Pattern.compile("^<(\\d+)>");
            for (String line; (line = in.readLine()) != null; previous = line) {
                Matcher m = code.matcher(line);
                if (m.find() && previous != null && previous.startsWith("# ")) {
                    names.putIfAbsent(Integer.parseInt(m.group(1)), previous.substring(2).strip());
                }
            }
        }
        CRSFactory factory = new CRSFactory();
        for (CrsDefinition d : registry.all()) {
            assertThat(d.name()).as("name of %d", d.srid()).isEqualTo(names.get(d.srid()));
            Projection epsg = factory.createFromName("EPSG:" + d.srid()).getProjection();
            Projection ours = factory.createFromParameters("ours", d.proj4()).getProjection();
            assertThat(ours.getClass()).isEqualTo(epsg.getClass());
            assertThat(ours.getProjectionLongitudeDegrees()).as("CM of %d", d.srid())
                    .isEqualTo(epsg.getProjectionLongitudeDegrees());
            assertThat(ours.getFalseEasting()).as("FE of %d", d.srid()).isEqualTo(epsg.getFalseEasting());
            assertThat(ours.getFalseNorthing()).isEqualTo(epsg.getFalseNorthing());
            assertThat(ours.getScaleFactor()).isEqualTo(epsg.getScaleFactor());
            assertThat(ours.getEllipsoid().getA()).isEqualTo(epsg.getEllipsoid().getA());
            assertThat(ours.getEllipsoid().getEccentricitySquared())
                    .isEqualTo(epsg.getEllipsoid().getEccentricitySquared());
        }
    }

    /** proj4j really uses the CGCS2000 ellipsoid (a = 6378137, 1/f = 298.257222101) for the CGCS2000 definitions. */
    @ParameterizedTest
    @ValueSource(ints = {4490, 4491, 4512, 4527, 4548})
    void proj4UsesTheCgcs2000Ellipsoid(int srid) {
        Projection p = new CRSFactory().createFromParameters("t", registry.byEpsg(srid).proj4()).getProjection();
        double f = 1 / 298.257222101;
        assertThat(p.getEllipsoid().getA()).isEqualTo(6378137.0);
        assertThat(p.getEllipsoid().getEccentricitySquared()).isCloseTo(f * (2 - f), org.assertj.core.data.Offset.offset(1e-18));
    }

    @Test
    void identifierHelpers() {
        assertThat(registry.urn(4490)).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        assertThat(registry.url(4527)).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4527");
        assertThat(registry.shortName(3857)).isEqualTo("EPSG:3857");
        assertThat(registry.shortName(900913)).isEqualTo("EPSG:3857");
        assertThatThrownBy(() -> registry.urn(1234)).isInstanceOf(UnknownCrsException.class);
        for (CrsDefinition d : registry.all()) {
            assertThat(registry.parse(registry.urn(d.srid())).crs()).isEqualTo(d);
            assertThat(registry.parse(registry.url(d.srid())).crs()).isEqualTo(d);
            assertThat(registry.parse(registry.shortName(d.srid())).crs()).isEqualTo(d);
        }
        assertThat(registry.esriName(4527)).isEqualTo("CGCS2000_3_Degree_GK_Zone_39");
        assertThat(registry.esriName(4548)).isEqualTo("CGCS2000_3_Degree_GK_CM_117E");
        assertThat(registry.esriName(4498)).isEqualTo("CGCS2000_GK_Zone_20");
        assertThat(registry.esriName(4509)).isEqualTo("CGCS2000_GK_CM_117E");
        assertThat(registry.esriName(4490)).isEqualTo("GCS_China_Geodetic_Coordinate_System_2000");
    }

    @ParameterizedTest
    @CsvSource({"4490, NORTH_EAST", "4326, NORTH_EAST", "3857, EAST_NORTH", "4527, NORTH_EAST", "4548, NORTH_EAST"})
    void wms13UsesTheEpsgAxisOrder(int srid, AxisOrder order) {
        assertThat(registry.axisOrderForWms13(registry.byEpsg(srid))).isEqualTo(order);
    }

    // ------------------------------------------------------------------------------------------ axis helpers

    @Test
    void readsBboxesInEitherOrder() {
        // WMS 1.3.0 EPSG:4490 BBOX=minLat,minLon,maxLat,maxLon
        Envelope latLon = CrsRegistry.envelope(31.5, 116.5, 32.5, 117.5, AxisOrder.NORTH_EAST);
        assertThat(latLon).isEqualTo(new Envelope(116.5, 117.5, 31.5, 32.5));
        Envelope lonLat = CrsRegistry.envelope(116.5, 31.5, 117.5, 32.5, AxisOrder.EAST_NORTH);
        assertThat(lonLat).isEqualTo(latLon);
        assertThat(CrsRegistry.bbox(latLon, AxisOrder.NORTH_EAST)).containsExactly(31.5, 116.5, 32.5, 117.5);
        assertThat(CrsRegistry.bbox(latLon, AxisOrder.EAST_NORTH)).containsExactly(116.5, 31.5, 117.5, 32.5);
        assertThat(CrsRegistry.coordinate(32, 117, AxisOrder.NORTH_EAST)).isEqualTo(new Coordinate(117, 32));
        assertThat(CrsRegistry.coordinate(117, 32, AxisOrder.EAST_NORTH)).isEqualTo(new Coordinate(117, 32));
        assertThat(CrsRegistry.swap(new double[] {1, 2, 3, 4})).containsExactly(2, 1, 4, 3);
    }

    @Test
    void writesGeometriesInTheRequestedOrder() throws ParseException {
        Geometry g = new WKTReader().read("MULTIPOLYGON (((117 32, 118 32, 118 33, 117 32)), ((1 2, 3 4, 5 6, 1 2)))");
        g.setSRID(4490);
        Geometry swapped = CrsRegistry.toAxisOrder(g, AxisOrder.NORTH_EAST);
        assertThat(swapped.toText()).isEqualTo("MULTIPOLYGON (((32 117, 32 118, 33 118, 32 117)), ((2 1, 4 3, 6 5, 2 1)))");
        assertThat(swapped.getEnvelopeInternal()).isEqualTo(new Envelope(2, 33, 1, 118));
        assertThat(g.toText()).startsWith("MULTIPOLYGON (((117 32,");
        assertThat(CrsRegistry.toAxisOrder(g, AxisOrder.EAST_NORTH)).isSameAs(g);
        assertThat(CrsRegistry.toAxisOrder(new WKTReader().read("POINT (117 32)"), AxisOrder.NORTH_EAST).toText())
                .isEqualTo("POINT (32 117)");
    }

    // ------------------------------------------------------------------------------------------------ zones

    @ParameterizedTest(name = "lon {0}")
    @CsvSource({
            // lon,  3° prefixed, 3° plain, 6° prefixed, 6° plain
            "117.0,  4527, 4548, 4498, 4509",
            "117.2,  4527, 4548, 4498, 4509",
            "118.49, 4527, 4548, 4498, 4509",
            "118.51, 4528, 4549, 4498, 4509",
            "120.01, 4528, 4549, 4499, 4510",
            "102.0,  4522, 4543, 4496, 4507",
            "129.0,  4531, 4552, 4500, 4511",
            "126.0,  4530, 4551, 4500, 4511",
            "75.0,   4513, 4534, 4491, 4502",
            "73.6,   4513, 4534, 4491, 4502",
            "134.9,  4533, 4554, 4501, 4512",
    })
    void zoneFromLongitude(double lon, int gk3, int gk3Plain, int gk6, int gk6Plain) {
        assertThat(registry.gk3ZoneSrid(lon, true)).isEqualTo(gk3);
        assertThat(registry.gk3ZoneSrid(lon, false)).isEqualTo(gk3Plain);
        assertThat(registry.gk6ZoneSrid(lon, true)).isEqualTo(gk6);
        assertThat(registry.gk6ZoneSrid(lon, false)).isEqualTo(gk6Plain);
        // the meridian of the chosen zone is within half a zone of the longitude
        assertThat(Math.abs(registry.gkZone(gk3).orElseThrow().centralMeridian() - lon)).isLessThanOrEqualTo(1.5);
        assertThat(Math.abs(registry.gkZone(gk6).orElseThrow().centralMeridian() - lon)).isLessThanOrEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 60, 71.9, 138.5, 180, -117, Double.NaN})
    void noZoneOutsideChina(double lon) {
        assertThatThrownBy(() -> registry.gk3ZoneSrid(lon, true)).isInstanceOf(UnknownCrsException.class);
        assertThatThrownBy(() -> registry.gk6ZoneSrid(lon, false)).isInstanceOf(UnknownCrsException.class);
    }

    @ParameterizedTest
    @CsvSource({"39500000, 4527", "38380377.367, 4526", "25123456, 4513", "45999999.9, 4533",
            "13500000, 4491", "20500000, 4498", "22400000, 4500", "23999999, 4501"})
    void zoneFromPrefixedEasting(double easting, int srid) {
        assertThat(registry.detectGkSrid(easting)).hasValue(srid);
    }

    @ParameterizedTest
    @ValueSource(doubles = {500000, 9999999, 24500000, 12500000, 46500000, 1e8, -39500000, Double.NaN})
    void noZoneWithoutValidPrefix(double easting) {
        assertThat(registry.detectGkSrid(easting)).isEmpty();
    }
}
