package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.FeatureCursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class KmlEncoderTest {
    private static final String KML = KmlEncoder.KML;

    @TempDir
    Path dir;

    @Test
    void aDocumentOfPlacemarksNamedAfterTheLayer() throws Exception {
        Document doc = GmlEncoderTest.parse(bytes(info()));
        Element root = doc.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(KML);
        assertThat(root.getLocalName()).isEqualTo("kml");
        assertThat(text(doc, "Document", "name")).isEqualTo("永久基本农田保护图斑");
        List<Element> placemarks = elements(doc.getDocumentElement(), "Placemark");
        assertThat(placemarks).hasSize(3);
        assertThat(placemarks.get(0).getAttribute("id")).isEqualTo("YJJBNTBHTB.17");
        assertThat(text(placemarks.get(0), "name")).isEqualTo("永久基本农田保护图斑 17");
    }

    @Test
    void attributesAreExtendedDataWithTheirChineseTitles() throws Exception {
        List<Element> placemarks = elements(GmlEncoderTest.parse(bytes(info())).getDocumentElement(), "Placemark");
        Map<String, String> first = data(placemarks.get(0));
        assertThat(first).containsEntry("ZLDWMC", "王家村").containsEntry("BHKSSJ", "2020-01-01")
                .containsEntry("YJJBNTTBMJ", "1234.5").containsEntry("SJNF", "2023")
                .containsEntry("BZ", RedLineParcels.REMARK);
        Element zldwmc = elements(placemarks.get(0), "Data").stream()
                .filter(d -> d.getAttribute("name").equals("ZLDWMC")).findFirst().orElseThrow();
        assertThat(text(zldwmc, "displayName")).isEqualTo("坐落单位名称");
        assertThat(data(placemarks.get(1))).as("null values are left out").doesNotContainKey("DLMC")
                .containsEntry("ZLDWMC", "李家庄");
    }

    @Test
    void geometriesAreLonLatPolygonsWithCounterClockwiseExteriors() throws Exception {
        List<Element> placemarks = elements(GmlEncoderTest.parse(bytes(info())).getDocumentElement(), "Placemark");
        assertThat(elements(placemarks.get(1), "MultiGeometry")).hasSize(1);
        assertThat(elements(placemarks.get(1), "Polygon")).hasSize(2);
        Element first = elements(placemarks.get(0), "Polygon").get(0);
        assertThat(elements(first, "innerBoundaryIs")).hasSize(1);
        assertThat(text(first, "outerBoundaryIs", "coordinates"))
                .isEqualTo("114.5,38 114.51,38 114.51,38.01 114.5,38.01 114.5,38");
        String stored = text(elements(placemarks.get(2), "Polygon").get(0), "outerBoundaryIs", "coordinates");
        assertThat(stored).startsWith("114.56123457,38.04123457 114.57,38.04123457");
        assertThat(Orientation.isCCW(coordinates(stored))).as("stored clockwise, written counter-clockwise").isTrue();
    }

    @Test
    void onlyWgs84LonLatIsAccepted() {
        assertThatThrownBy(() -> new KmlEncoder().write(RedLineParcels.info("EPSG:4490"), RedLineParcels.cursor(),
                new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EPSG:4326");
    }

    @Test
    void gdalReadsIt() throws Exception {
        Ogr.assumeInstalled();
        Path file = dir.resolve("redline.kml");
        Files.write(file, bytes(info()));
        String out = Ogr.info(file.toString());
        assertThat(out).contains("Feature Count: 3", "Name (String) = 永久基本农田保护图斑 17",
                "ZLDWMC (String) = 王家村", "ZLDWMC (String) = 李家庄", "BHKSSJ (String) = 2020-01-01",
                "MULTIPOLYGON (((114.5 38.0,114.51 38.0,114.51 38.01,114.5 38.01,114.5 38.0),"
                        + "(114.502 38.002,114.502 38.004,114.504 38.004,114.504 38.002,114.502 38.002)))",
                "MULTIPOLYGON (((114.56123457 38.04123457,114.57 38.04123457,114.57 38.05,");
    }

    private static FeatureCollectionInfo info() {
        return FeatureCollectionInfo.of(RedLineParcels.TYPE, RedLineParcels.crs("EPSG:4326"));
    }

    private static byte[] bytes(FeatureCollectionInfo info) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FeatureCursor c = RedLineParcels.cursor()) {
            new KmlEncoder().write(info, c, out);
        }
        return out.toByteArray();
    }

    private static Map<String, String> data(Element placemark) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element d : elements(placemark, "Data")) {
            out.put(d.getAttribute("name"), text(d, "value"));
        }
        return out;
    }

    private static Coordinate[] coordinates(String kml) {
        List<Coordinate> out = new ArrayList<>();
        for (String pair : kml.trim().split("\\s+")) {
            String[] xy = pair.split(",");
            out.add(new Coordinate(Double.parseDouble(xy[0]), Double.parseDouble(xy[1])));
        }
        return new GeometryFactory().createLinearRing(out.toArray(Coordinate[]::new)).getCoordinates();
    }

    private static List<Element> elements(Element within, String name) {
        NodeList list = within.getElementsByTagNameNS(KML, name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    private static String text(Document doc, String... path) {
        return text(doc.getDocumentElement(), path);
    }

    /** The text of the first descendant along the path of names. */
    private static String text(Element from, String... path) {
        Element e = from;
        for (String name : path) {
            e = elements(e, name).get(0);
        }
        return e.getTextContent();
    }
}
