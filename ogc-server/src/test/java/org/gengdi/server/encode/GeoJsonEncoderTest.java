package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class GeoJsonEncoderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();

    @TempDir
    Path dir;

    @Test
    void collectionCarriesTheOgcApiMembersAndNoCrs() throws IOException {
        JsonNode doc = encode(RedLineParcels.info("EPSG:4490").withLinks("http://x/items?offset=3", "http://x/items"));
        assertThat(doc.get("type").asText()).isEqualTo("FeatureCollection");
        assertThat(doc.get("numberMatched").asLong()).isEqualTo(3);
        assertThat(doc.get("numberReturned").asLong()).isEqualTo(3);
        assertThat(doc.get("timeStamp").asText()).isEqualTo("2024-05-01T08:00:00Z");
        assertThat(doc.has("crs")).as("ArcGIS rejects a crs member").isFalse();
        assertThat(doc.get("links")).hasSize(2);
        assertThat(doc.get("links").get(0).get("rel").asText()).isEqualTo("next");
        assertThat(doc.get("links").get(0).get("href").asText()).isEqualTo("http://x/items?offset=3");
        assertThat(doc.get("links").get(1).get("rel").asText()).isEqualTo("prev");
        assertThat(doc.get("features")).hasSize(3);
    }

    @Test
    void extraLinksComeBeforePagingLinksAndASingleFeatureCarriesThem() throws IOException {
        List<Link> extra = List.of(new Link("http://x/items", "self", "application/geo+json", "这一页"),
                new Link("http://x/collections/YJJBNTBHTB", "collection", "application/json", null));
        JsonNode doc = encode(RedLineParcels.info("EPSG:4490").withLinks("http://x/items?offset=3", null)
                .withExtraLinks(extra));
        assertThat(doc.get("links")).hasSize(3);
        assertThat(doc.get("links").get(0).get("rel").asText()).isEqualTo("self");
        assertThat(doc.get("links").get(0).get("title").asText()).isEqualTo("这一页");
        assertThat(doc.get("links").get(1).has("title")).isFalse();
        assertThat(doc.get("links").get(2).get("rel").asText()).isEqualTo("next");
        assertThat(doc.get("features")).hasSize(3);

        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        Feature first = RedLineParcels.features().get(0);
        new GeoJsonEncoder().writeFeature(RedLineParcels.info("EPSG:4490").withExtraLinks(extra), first, out);
        JsonNode feature = MAPPER.readTree(out.toByteArray());
        assertThat(feature.get("type").asText()).isEqualTo("Feature");
        assertThat(feature.get("id").asText()).isEqualTo("YJJBNTBHTB." + first.id());
        assertThat(feature.get("links")).hasSize(2);
        assertThat(feature.get("properties").get("ZLDWMC").asText()).isEqualTo("王家村");
        assertThat(feature.has("numberMatched")).isFalse();
    }

    @Test
    void featuresComeBackWithTheirIdsValuesAndGeometries() throws IOException {
        JsonNode features = encode(RedLineParcels.info("EPSG:4490")).get("features");
        List<Feature> input = RedLineParcels.features();
        for (int i = 0; i < input.size(); i++) {
            JsonNode f = features.get(i);
            Feature expected = input.get(i);
            assertThat(f.get("type").asText()).isEqualTo("Feature");
            assertThat(f.get("id").asText()).isEqualTo("YJJBNTBHTB." + expected.id());
            Geometry want = Shapes.asDeclared(expected.geometry(), RedLineParcels.TYPE.geometryKind());
            assertThat(geometry(f.get("geometry")).equalsExact(want.norm(), 1e-8))
                    .as("geometry of %s", expected.id()).isTrue();
            JsonNode p = f.get("properties");
            assertThat(p.size()).isEqualTo(RedLineParcels.TYPE.attributes().size());
            assertThat(p.has("ZRRMC")).as("personal fields are not in the published type").isFalse();
        }
        JsonNode first = features.get(0).get("properties");
        assertThat(first.get("ZLDWMC").asText()).isEqualTo("王家村");
        assertThat(first.get("YJJBNTTBMJ").isNumber()).isTrue();
        assertThat(first.get("YJJBNTTBMJ").asDouble()).isEqualTo(1234.5);
        assertThat(first.get("SJNF").isInt()).isTrue();
        assertThat(first.get("SJNF").asInt()).isEqualTo(2023);
        assertThat(first.get("BHKSSJ").asText()).isEqualTo("2020-01-01");
        assertThat(first.get("BZ").asText()).isEqualTo(RedLineParcels.REMARK);
        JsonNode second = features.get(1).get("properties");
        assertThat(second.get("DLMC").isNull()).isTrue();
        assertThat(second.get("YJJBNTTBMJ").decimalValue()).isEqualByComparingTo("987654321.125");
        assertThat(features.get(0).get("geometry").get("type").asText()).isEqualTo("MultiPolygon");
        assertThat(features.get(2).get("geometry").get("type").asText()).as("as the layer declares it")
                .isEqualTo("MultiPolygon");
    }

    @Test
    void coordinatesAreLongitudeFirstRoundedAndRingsFollowTheRightHandRule() throws IOException {
        // Even for a URN, whose GML order is latitude first: GeoJSON is RFC 7946 lon/lat by default.
        JsonNode features = encode(RedLineParcels.info("urn:ogc:def:crs:EPSG::4490")).get("features");
        JsonNode first = features.get(0).get("geometry").get("coordinates").get(0);
        assertThat(first.get(0).get(0).get(0).asDouble()).isEqualTo(114.5);
        assertThat(first.get(0).get(0).get(1).asDouble()).isEqualTo(38.0);
        assertThat(ccw(ring(first.get(0)))).as("exterior counter-clockwise").isTrue();
        assertThat(ccw(ring(first.get(1)))).as("hole clockwise").isFalse();

        JsonNode stored = features.get(2).get("geometry").get("coordinates").get(0);
        assertThat(ccw(ring(stored.get(0)))).as("a clockwise exterior is rewound").isTrue();
        assertThat(stored.get(0).get(0).get(0).decimalValue()).isEqualByComparingTo("114.56123457");
        assertThat(stored.get(0).get(0).get(1).decimalValue()).isEqualByComparingTo("38.04123457");
    }

    @Test
    void ogcApiPart2CrsListsCoordinatesInEpsgOrderWhenAsked() throws IOException {
        FeatureCollectionInfo info = RedLineParcels.info("http://www.opengis.net/def/crs/EPSG/0/4490");
        JsonNode lonLat = encode(info).get("features").get(0).get("geometry").get("coordinates").get(0).get(0).get(0);
        assertThat(lonLat.get(0).asDouble()).isEqualTo(114.5);
        JsonNode latLon = encode(info.withJsonAxisOrderFromCrs(true)).get("features").get(0).get("geometry")
                .get("coordinates").get(0).get(0).get(0);
        assertThat(latLon.get(0).asDouble()).isEqualTo(38.0);
        assertThat(latLon.get(1).asDouble()).isEqualTo(114.5);
    }

    @Test
    void chineseIsWrittenAsUtf8NotEscaped() throws IOException {
        String text = new String(bytes(RedLineParcels.info("EPSG:4490")), StandardCharsets.UTF_8);
        assertThat(text).contains("\"ZLDWMC\":\"王家村\"").contains("\"XZQMC\":\"正定县\"").doesNotContain("\\u");
    }

    @Test
    void charactersBeyondTheBmpAreNotEscapedEither() throws IOException {
        Feature f = new Feature.Builder(RedLineParcels.TYPE).set("ZLDWMC", "\uD844\uDF36村").build("1");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GeoJsonEncoder().write(RedLineParcels.info("EPSG:4490"), FeatureCursor.of(List.of(f)), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"ZLDWMC\":\"𡌶村\"");
        assertThat(MAPPER.readTree(out.toByteArray()).get("features").get(0).get("properties").get("ZLDWMC").asText())
                .isEqualTo("𡌶村");
    }

    @Test
    void unknownCountsAreLeftOutOrCounted() throws IOException {
        FeatureCollectionInfo info = FeatureCollectionInfo.of(RedLineParcels.TYPE, RedLineParcels.crs("EPSG:4490"));
        JsonNode doc = encode(info);
        assertThat(doc.has("numberMatched")).isFalse();
        assertThat(doc.get("numberReturned").asLong()).as("counted while writing").isEqualTo(3);
        assertThat(doc.has("links")).isFalse();
    }

    @Test
    void metresGetThreeDecimals() throws IOException {
        FeatureType gk = RedLineParcels.published(LayerCatalogue.type(LayerKind.RED_LINE, 4527));
        Geometry g = GF.createPoint(new Coordinate(39512345.123456, 4212345.98765));
        Feature f = new Feature.Builder(gk).set("BSM", "1").geometry(g).build("1");
        FeatureCollectionInfo info = FeatureCollectionInfo.of(gk, RedLineParcels.crs("EPSG:4527"));
        assertThat(info.decimals()).isEqualTo(3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GeoJsonEncoder().write(info, FeatureCursor.of(List.of(f)), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"coordinates\":[39512345.123,4212345.988]");
    }

    @Test
    void gdalReadsIt() throws Exception {
        Ogr.assumeInstalled();
        Path file = dir.resolve("redline.geojson");
        Files.write(file, bytes(RedLineParcels.info("EPSG:4490")));
        String out = Ogr.info(file.toString());
        assertThat(out).contains("Geometry: Multi Polygon", "Feature Count: 3", "ZLDWMC (String) = 王家村",
                "ZLDWMC (String) = 李家庄", "YJJBNTTBMJ (Real) = 1234.5", "SJNF (Integer) = 2023",
                "BHKSSJ (Date) = 2020/01/01", "DLMC (String) = (null)",
                "MULTIPOLYGON (((114.5 38.0,114.51 38.0,114.51 38.01,114.5 38.01,114.5 38.0),"
                        + "(114.502 38.002,114.502 38.004,114.504 38.004,114.504 38.002,114.502 38.002)))",
                "MULTIPOLYGON (((114.56123457 38.04123457,114.57 38.04123457,114.57 38.05,");
    }

    private static boolean ccw(LinearRing r) {
        return Orientation.isCCW(r.getCoordinateSequence());
    }

    private static LinearRing ring(JsonNode positions) {
        List<Coordinate> cs = new ArrayList<>();
        positions.forEach(p -> cs.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
        return GF.createLinearRing(cs.toArray(Coordinate[]::new));
    }

    /** A GeoJSON (Multi)Polygon back to JTS, normalised for comparison. */
    private static Geometry geometry(JsonNode g) {
        String type = g.get("type").asText();
        JsonNode c = g.get("coordinates");
        if (type.equals("Polygon")) {
            return polygon(c).norm();
        }
        List<Polygon> parts = new ArrayList<>();
        c.forEach(p -> parts.add(polygon(p)));
        return GF.createMultiPolygon(parts.toArray(Polygon[]::new)).norm();
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GF.createPolygon(shell, holes);
    }

    static byte[] bytes(FeatureCollectionInfo info) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FeatureCursor c = RedLineParcels.cursor()) {
            new GeoJsonEncoder().write(info, c, out);
        }
        return out.toByteArray();
    }

    private static JsonNode encode(FeatureCollectionInfo info) throws IOException {
        return MAPPER.readTree(bytes(info));
    }
}
