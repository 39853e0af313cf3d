package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class GmlEncoderTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final String NS = FeatureCollectionInfo.DEFAULT_NAMESPACE;
    private static final String LAYER = "YJJBNTBHTB";

    @TempDir
    Path dir;

    // ------------------------------------------------------------------------------------------------ GML 3.2

    @Test
    void wfs20CollectionHasTheResponseParametersOnItsRoot() throws Exception {
        Document doc = dom(GmlEncoder.gml32(), RedLineParcels.info("urn:ogc:def:crs:EPSG::4490")
                .withCounts(120L, 3L).withLinks("http://x/wfs?startIndex=3&count=3", "http://x/wfs?startIndex=0"));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.opengis.net/wfs/2.0");
        assertThat(root.getLocalName()).isEqualTo("FeatureCollection");
        assertThat(root.getAttribute("numberMatched")).isEqualTo("120");
        assertThat(root.getAttribute("numberReturned")).isEqualTo("3");
        assertThat(root.getAttribute("timeStamp")).isEqualTo("2024-05-01T08:00:00Z");
        assertThat(root.getAttribute("next")).isEqualTo("http://x/wfs?startIndex=3&count=3");
        assertThat(root.getAttribute("previous")).isEqualTo("http://x/wfs?startIndex=0");
        assertThat(children(root, "http://www.opengis.net/wfs/2.0", "member")).hasSize(3);
    }

    @Test
    void wfs20FeaturesComeBackLatitudeFirstForAUrn() throws Exception {
        Document doc = dom(GmlEncoder.gml32(), RedLineParcels.info("urn:ogc:def:crs:EPSG::4490"));
        List<Element> features = features(doc);
        assertThat(features).hasSize(3);
        assertSameFeatures(features, GmlVersion.GML_3_2, AxisOrder.NORTH_EAST);
        Element geom = geometryOf(features.get(0));
        assertThat(geom.getLocalName()).isEqualTo("MultiSurface");
        assertThat(geom.getAttribute("srsName")).isEqualTo("urn:ogc:def:crs:EPSG::4490");
        assertThat(geom.getAttribute("srsDimension")).isEqualTo("2");
        String posList = doc.getElementsByTagNameNS(GmlVersion.GML_3_2.namespace(), "posList").item(0).getTextContent();
        assertThat(posList).startsWith("38 114.5 38 114.51 38.01 114.51");
    }

    @Test
    void wfs20ShortEpsgFormIsLongitudeFirstAndEchoed() throws Exception {
        Document doc = dom(GmlEncoder.gml32(), RedLineParcels.info("EPSG:4490"));
        assertSameFeatures(features(doc), GmlVersion.GML_3_2, AxisOrder.EAST_NORTH);
        assertThat(geometryOf(features(doc).get(0)).getAttribute("srsName")).isEqualTo("EPSG:4490");
        String posList = doc.getElementsByTagNameNS(GmlVersion.GML_3_2.namespace(), "posList").item(0).getTextContent();
        assertThat(posList).startsWith("114.5 38 114.51 38");
    }

    @Test
    void everyGml32GeometryHasItsOwnId() throws Exception {
        Document doc = dom(GmlEncoder.gml32(), RedLineParcels.info("urn:ogc:def:crs:EPSG::4490"));
        Set<String> ids = new HashSet<>();
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = e.getAttributeNS(GmlVersion.GML_3_2.namespace(), "id");
            boolean isGeometry = e.getNamespaceURI().equals(GmlVersion.GML_3_2.namespace())
                    && Set.of("MultiSurface", "Polygon").contains(e.getLocalName());
            if (isGeometry) {
                assertThat(id).as("gml:id of a %s", e.getLocalName()).isNotEmpty();
            }
            if (!id.isEmpty()) {
                assertThat(ids.add(id)).as("unique id %s", id).isTrue();
            }
        }
        assertThat(ids).contains("YJJBNTBHTB.17", "YJJBNTBHTB.17.geom", "YJJBNTBHTB.17.geom.1",
                "YJJBNTBHTB.18.geom.2", "YJJBNTBHTB.19.geom.1");
    }

    @Test
    void wfs20NeedsNumberReturnedBeforeTheFeatures() {
        FeatureCollectionInfo info = RedLineParcels.info("EPSG:4490").withCounts(null, null);
        assertThatThrownBy(() -> GmlEncoder.gml32().write(info, RedLineParcels.cursor(), new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numberReturned");
    }

    @Test
    void unknownMatchCountIsSaidSo() throws Exception {
        Document doc = dom(GmlEncoder.gml32(), RedLineParcels.info("EPSG:4490").withCounts(null, 3L));
        assertThat(doc.getDocumentElement().getAttribute("numberMatched")).isEqualTo("unknown");
    }

    @Test
    void charactersXmlCannotCarryAreReplacedAndTheRestKept() throws Exception {
        Feature f = new Feature.Builder(RedLineParcels.TYPE).set("BZ", "a\u0001b\uD800c").set("ZLDWMC", "𡌶村 &<>")
                .build("1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GmlEncoder.gml32().write(RedLineParcels.info("EPSG:4490").withCounts(1L, 1L), FeatureCursor.of(List.of(f)),
                out);
        Document doc = parse(out.toByteArray());
        assertThat(doc.getElementsByTagNameNS(NS, "BZ").item(0).getTextContent()).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(doc.getElementsByTagNameNS(NS, "ZLDWMC").item(0).getTextContent()).isEqualTo("𡌶村 &<>");
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains(">𡌶村 &amp;&lt;&gt;<");
        assertThat(doc.getElementsByTagNameNS(NS, "geom").getLength()).as("no geometry, no property").isZero();
    }

    // ----------------------------------------------------------------------------------------------- GML 3.1.1

    @Test
    void wfs11CollectionUsesFeatureMembersAndMultiSurfaces() throws Exception {
        Document doc = dom(GmlEncoder.gml311(), RedLineParcels.info("urn:ogc:def:crs:EPSG::4490"));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.opengis.net/wfs");
        assertThat(root.getAttribute("numberOfFeatures")).isEqualTo("3");
        assertThat(children(root, GmlVersion.GML_3_1_1.namespace(), "featureMember")).hasSize(3);
        List<Element> features = features(doc);
        assertThat(features.get(0).getAttributeNS(GmlVersion.GML_3_1_1.namespace(), "id")).isEqualTo("YJJBNTBHTB.17");
        assertSameFeatures(features, GmlVersion.GML_3_1_1, AxisOrder.NORTH_EAST);
        Element geom = geometryOf(features.get(2));
        assertThat(geom.getLocalName()).as("a polygon in a multipolygon layer").isEqualTo("MultiSurface");
        assertThat(path(geom, "surfaceMember", "Polygon", "exterior", "LinearRing", "posList")).isNotNull();
    }

    // ----------------------------------------------------------------------------------------------- GML 2.1.2

    @Test
    void wfs10CollectionIsGml2LongitudeFirst() throws Exception {
        Document doc = dom(GmlEncoder.gml2(), RedLineParcels.info("EPSG:4490"));
        Element root = doc.getDocumentElement();
        Element boundedBy = children(root, GmlVersion.GML_2_1_2.namespace(), "boundedBy").get(0);
        assertThat(boundedBy.getTextContent()).isEqualTo("unknown");
        List<Element> features = features(doc);
        assertThat(features.get(0).getAttribute("fid")).isEqualTo("YJJBNTBHTB.17");
        assertSameFeatures(features, GmlVersion.GML_2_1_2, AxisOrder.EAST_NORTH);
        Element geom = geometryOf(features.get(0));
        assertThat(geom.getLocalName()).isEqualTo("MultiPolygon");
        assertThat(geom.getAttribute("srsName")).isEqualTo("EPSG:4490");
        Element coordinates = path(geom, "polygonMember", "Polygon", "outerBoundaryIs", "LinearRing", "coordinates");
        assertThat(coordinates.getTextContent()).startsWith("114.5,38 114.51,38 114.51,38.01");
    }

    @Test
    void gml2IsLongitudeFirstEvenWhenAskedInALatitudeFirstForm() throws Exception {
        Document doc = dom(GmlEncoder.gml2(), RedLineParcels.info("urn:ogc:def:crs:EPSG::4490"));
        assertSameFeatures(features(doc), GmlVersion.GML_2_1_2, AxisOrder.EAST_NORTH);
        assertThat(geometryOf(features(doc).get(0)).getAttribute("srsName"))
                .isEqualTo("http://www.opengis.net/gml/srs/epsg.xml#4490");
    }

    // ----------------------------------------------------------------------------------------------- schemas

    @ParameterizedTest
    @EnumSource(GmlVersion.class)
    void responsesAreValidAgainstTheOfficialSchemas(GmlVersion version) throws Exception {
        FeatureCollectionInfo info = RedLineParcels.info("urn:ogc:def:crs:EPSG::4490")
                .withSchemaLocation(OgcSchemas.APP_SCHEMA_LOCATION).withLinks("http://x/next?a=1&b=2", null);
        byte[] xml = bytes(new GmlEncoder(version), info);
        assertThat(OgcSchemas.validate(OgcSchemas.wfsWith(version, RedLineParcels.TYPE), xml)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GmlVersion.class)
    void anEmptyCollectionIsValidToo(GmlVersion version) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GmlEncoder(version).write(RedLineParcels.info("EPSG:4490").withCounts(0L, 0L),
                FeatureCursor.of(List.of()), out);
        assertThat(OgcSchemas.validate(OgcSchemas.wfsWith(version, RedLineParcels.TYPE), out.toByteArray()))
                .isEmpty();
    }

    /** Points, lines, single and mixed geometries: every shape the geometry writer knows, in every version. */
    @ParameterizedTest
    @EnumSource(GmlVersion.class)
    void everyGeometryKindIsValid(GmlVersion version) throws Exception {
        String[][] cases = {
                {"POINT", "POINT (114.5 38)"},
                {"LINESTRING", "LINESTRING (114.5 38, 114.6 38.1)"},
                {"POLYGON", "POLYGON ((114.5 38, 114.6 38, 114.6 38.1, 114.5 38))"},
                {"MULTIPOINT", "POINT (114.5 38)"},
                {"MULTIPOINT", "MULTIPOINT ((114.5 38), (114.6 38.1))"},
                {"MULTILINESTRING", "LINESTRING (114.5 38, 114.6 38.1)"},
                {"MULTILINESTRING", "MULTILINESTRING ((114.5 38, 114.6 38.1), (114.7 38, 114.8 38.1))"},
                {"GEOMETRY", "GEOMETRYCOLLECTION (POINT (114.5 38), LINESTRING (114.5 38, 114.6 38.1))"},
                {"GEOMETRY", "MULTIPOLYGON (((114.5 38, 114.6 38, 114.6 38.1, 114.5 38)))"},
        };
        for (String[] c : cases) {
            org.gengdi.core.feature.FeatureType t = new org.gengdi.core.feature.FeatureType("KIND", "种类", "geom",
                    org.gengdi.core.feature.GeometryKind.valueOf(c[0]), 4490,
                    List.of(AttributeDef.string("MC", 10, "名称")));
            Feature f = new Feature.Builder(t).set("MC", "王家村").geometry(RedLineParcels.wkt(c[1])).build("1");
            FeatureCollectionInfo info = FeatureCollectionInfo.of(t, RedLineParcels.crs("urn:ogc:def:crs:EPSG::4490"))
                    .withCounts(1L, 1L);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new GmlEncoder(version).write(info, FeatureCursor.of(List.of(f)), out);
            assertThat(OgcSchemas.validate(OgcSchemas.wfsWith(version, t), out.toByteArray()))
                    .as("%s %s in %s:%n%s", c[0], c[1], version, out).isEmpty();
        }
    }

    @Test
    void theValidatorDoesCatchAWrongDocument() throws Exception {
        byte[] xml = bytes(GmlEncoder.gml32(), RedLineParcels.info("EPSG:4490"));
        String broken = new String(xml, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("<gengdi:DLBM>", "<gengdi:NOSUCH>x</gengdi:NOSUCH><gengdi:DLBM>");
        assertThat(OgcSchemas.validate(OgcSchemas.wfsWith(GmlVersion.GML_3_2, RedLineParcels.TYPE),
                OgcSchemas.utf8(broken))).isNotEmpty();
    }

    // ------------------------------------------------------------------------------------------------- GDAL

    /**
     * GDAL reads the features with the types of our application schema (DLBM stays the string 0101, not the number
     * 101 it would guess) and swaps the latitude-first URN coordinates back to longitude/latitude.
     */
    @ParameterizedTest
    @EnumSource(value = GmlVersion.class, names = {"GML_3_2", "GML_3_1_1"})
    void gdalReadsItWithOurSchemaTheRightWayRound(GmlVersion version) throws Exception {
        Ogr.assumeInstalled();
        Files.writeString(dir.resolve("redline.xsd"), FeatureTypeSchema.toString(List.of(RedLineParcels.TYPE),
                version, FeatureCollectionInfo.DEFAULT_PREFIX, NS));
        Path file = dir.resolve("redline.gml");
        Files.write(file, bytes(new GmlEncoder(version), RedLineParcels.info("urn:ogc:def:crs:EPSG::4490")
                .withSchemaLocation("redline.xsd")));
        String out = Ogr.info(file.toString());
        // A MultiSurfacePropertyType is a curve-capable type to GDAL: Multi Surface, as for GeoServer's layers.
        assertThat(out).contains("Geometry: Multi Surface", "Feature Count: 3", "DLBM: String (5.0)",
                "DLBM (String) = 0101", "ZLDWMC (String) = 王家村", "ZLDWMC (String) = 李家庄", "SJNF (Integer) = 2023",
                "YJJBNTTBMJ (Real) = 987654321.125", "BHKSSJ (Date) = 2020/01/01",
                "MULTISURFACE (((114.5 38.0,114.51 38.0,114.51 38.01,114.5 38.01,114.5 38.0),"
                        + "(114.502 38.002,114.502 38.004,114.504 38.004,114.504 38.002,114.502 38.002)))");
        // The layer SRS stays unknown to GDAL reading a file with a schema (it takes it from a collection-level
        // boundedBy, which a stream cannot know beforehand); GDAL's WFS driver takes it from the capabilities.
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Compares parsed features with the input: id, the non-null values in schema order, the geometry. */
    private static void assertSameFeatures(List<Element> features, GmlVersion version, AxisOrder order) {
        List<Feature> input = RedLineParcels.features();
        assertThat(features).hasSize(input.size());
        for (int i = 0; i < input.size(); i++) {
            Feature expected = input.get(i);
            Element f = features.get(i);
            String id = version == GmlVersion.GML_2_1_2 ? f.getAttribute("fid")
                    : f.getAttributeNS(version.namespace(), "id");
            assertThat(id).isEqualTo(LAYER + "." + expected.id());
            List<String> names = new ArrayList<>();
            List<String> wanted = new ArrayList<>();
            for (AttributeDef a : RedLineParcels.TYPE.attributes()) {
                if (expected.get(a.name()) != null) {
                    wanted.add(a.name());
                }
            }
            wanted.add("geom");
            for (Element p : children(f, NS, null)) {
                names.add(p.getLocalName());
                if (!p.getLocalName().equals("geom")) {
                    assertThat(p.getTextContent()).as(p.getLocalName())
                            .isEqualTo(Values.text(expected.get(p.getLocalName())));
                }
            }
            assertThat(names).as("properties in schema order, nulls left out").isEqualTo(wanted);
            Geometry g = geometry(geometryOf(f), version, order);
            Geometry want = Shapes.asDeclared(expected.geometry(), RedLineParcels.TYPE.geometryKind());
            assertThat(g.equalsExact(want.norm(), 1e-8)).as("geometry of %s: %s", id, g).isTrue();
        }
    }

    private static Element geometryOf(Element feature) {
        return firstChild(children(feature, NS, "geom").get(0));
    }

    /** A parsed GML (multi)polygon, back to x = east, y = north, normalised. */
    private static Geometry geometry(Element e, GmlVersion version, AxisOrder order) {
        String name = e.getLocalName();
        if (name.equals("Polygon")) {
            List<LinearRing> rings = new ArrayList<>();
            for (Element boundary : children(e, version.namespace(), null)) {
                rings.add(ring(firstChild(firstChild(boundary)), order));
            }
            return GF.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(LinearRing[]::new)).norm();
        }
        assertThat(name).isIn("MultiSurface", "MultiPolygon");
        List<Polygon> parts = new ArrayList<>();
        for (Element member : children(e, version.namespace(), null)) {
            parts.add((Polygon) geometry(firstChild(member), version, order));
        }
        return GF.createMultiPolygon(parts.toArray(Polygon[]::new)).norm();
    }

    private static LinearRing ring(Element list, AxisOrder order) {
        String[] numbers = list.getTextContent().trim().split("[\\s,]+");
        List<Coordinate> cs = new ArrayList<>();
        for (int i = 0; i + 1 < numbers.length; i += 2) {
            cs.add(CrsRegistry.coordinate(Double.parseDouble(numbers[i]), Double.parseDouble(numbers[i + 1]), order));
        }
        return GF.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    private static List<Element> features(Document doc) {
        NodeList list = doc.getElementsByTagNameNS(NS, LAYER);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    /** The child elements in a namespace, with a local name ({@code null}: any). */
    private static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI())
                    && (localName == null || localName.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element firstChild(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no child element in " + parent.getLocalName());
    }

    private static Element path(Element from, String... localNames) {
        Element e = from;
        for (String name : localNames) {
            e = firstChild(e);
            assertThat(e.getLocalName()).isEqualTo(name);
        }
        return e;
    }

    static byte[] bytes(FeatureEncoder encoder, FeatureCollectionInfo info) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FeatureCursor c = RedLineParcels.cursor()) {
            encoder.write(info, c, out);
        }
        return out.toByteArray();
    }

    private static Document dom(FeatureEncoder encoder, FeatureCollectionInfo info) throws Exception {
        return parse(bytes(encoder, info));
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
