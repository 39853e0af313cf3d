package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.data.importer.ImportTestSupport.failsUnchanged;
import static org.gengdi.data.importer.ImportTestSupport.features;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.layer.LayerKind;
import org.junit.jupiter.api.Test;

class GeoJsonImportTest extends ImportTargetTest {
    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[117.2,36.5],[117.201,36.5],"
            + "[117.201,36.501],[117.2,36.501],[117.2,36.5]]]}";

    private Path geojson(String name, String body) throws IOException {
        return Files.writeString(dir.resolve(name), body, StandardCharsets.UTF_8);
    }

    private static String collection(String extra, String... features) {
        return "{\"type\":\"FeatureCollection\"," + extra + "\"features\":[" + String.join(",", features) + "]}";
    }

    private static String feature(String id, String geometry, String properties) {
        return "{\"type\":\"Feature\"" + (id == null ? "" : ",\"id\":" + id) + ",\"geometry\":" + geometry
                + ",\"properties\":" + properties + "}";
    }

    @Test
    void chinesePropertiesRoundTripIntoANationalLayer() throws IOException {
        Path f = geojson("pbf.geojson", collection("",
                feature("\"A-1\"", SQUARE, "{\"地类编码\":\"0101\",\"坐落单位名称\":\"王家村\",\"DLMC\":\"水田\","
                        + "\"YJJBNTTBBH\":\"370101-001\",\"GDDB\":5}")));
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(f).withKind(LayerKind.RED_LINE)
                .withSourceSrid(4490));
        Feature got = features(store, "YJJBNTBHTB").get(0);
        assertThat(got.get("DLBM")).isEqualTo("0101");
        assertThat(got.get("ZLDWMC")).isEqualTo("王家村");
        assertThat(got.get("DLMC")).isEqualTo("水田");
        assertThat(got.get("GDDB")).isEqualTo(5);
        assertThat(report.encoding()).isNull();
        assertThat(report.sourceSrid()).isEqualTo(4490);
        assertThat(report.format()).isEqualTo("GeoJSON");
        assertThat(report.areaSquareMetres()).isBetween(9900.0, 9980.0); // 0.001° × 0.001° at 36.5°N
    }

    @Test
    void propertyTypesAreInferredOverTheWholeFile() throws IOException {
        Path f = geojson("types.geojson", collection("",
                feature("1", SQUARE, "{\"i\":1,\"l\":1,\"d\":1,\"b\":true,\"day\":\"2024-05-01\",\"mixed\":1,"
                        + "\"nul\":null,\"obj\":{\"a\":1},\"名称\":\"王家村\"}"),
                feature("2", SQUARE, "{\"i\":2,\"l\":12345678901,\"d\":2.5,\"b\":false,\"day\":null,"
                        + "\"mixed\":\"x\",\"nul\":null,\"obj\":[1,2]}")));
        new LayerImporter(store).run(ImportRequest.of(f));
        FeatureType t = store.require("types").schema();
        assertThat(t.attributes()).extracting(a -> a.name() + ":" + a.type() + ":" + a.title()).containsExactly(
                "i:INTEGER:i", "l:LONG:l", "d:DOUBLE:d", "b:BOOLEAN:b", "day:DATE:day", "mixed:STRING:mixed",
                "nul:STRING:nul", "obj:STRING:obj", "F9:STRING:名称");
        assertThat(t.geometryKind()).isEqualTo(GeometryKind.MULTIPOLYGON);
        List<Feature> got = features(store, "types");
        assertThat(got.get(0).get("day")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(got.get(0).get("mixed")).isEqualTo("1");
        assertThat(got.get(0).get("obj")).isEqualTo("{\"a\":1}");
        assertThat(got.get(0).get("F9")).isEqualTo("王家村");
        assertThat(got.get(1).get("l")).isEqualTo(12345678901L);
        assertThat(got.get(1).get("d")).isEqualTo(2.5);
        assertThat(got.get(0).get("d")).isEqualTo(1.0);
    }

    @Test
    void defaultCrsIsCrs84AndALegacyCrsMemberIsHonoured() throws IOException {
        Path plain = geojson("plain.geojson", collection("", feature(null, SQUARE, "{\"DLBM\":\"0101\"}")));
        ImportReport r1 = new LayerImporter(store).run(ImportRequest.of(plain));
        assertThat(r1.sourceSrid()).isEqualTo(4326);
        assertThat(r1.crsDecision()).contains("RFC 7946");

        String gk = "{\"type\":\"Polygon\",\"coordinates\":[[[39517900,4041000],[39518000,4041000],"
                + "[39518000,4041100],[39517900,4041100],[39517900,4041000]]]}";
        // the crs member may come after the features: the first pass finds it
        Path legacy = geojson("legacy.geojson", "{\"type\":\"FeatureCollection\",\"features\":["
                + feature(null, gk, "{\"DLBM\":\"0101\"}") + "],\"crs\":{\"type\":\"name\",\"properties\":"
                + "{\"name\":\"urn:ogc:def:crs:EPSG::4527\"}}}");
        ImportReport r2 = new LayerImporter(store).run(ImportRequest.of(legacy).withTargetSrid(4490));
        assertThat(r2.sourceSrid()).isEqualTo(4527);
        assertThat(r2.crsDecision()).isEqualTo("from the legacy GeoJSON crs member (urn:ogc:def:crs:EPSG::4527)");
        assertThat(features(store, "legacy").get(0).geometry().getEnvelopeInternal().getMinX()).isBetween(117.1, 117.3);
    }

    @Test
    void anUnsupportedCrsMemberIsAClearError() throws IOException {
        Path f = geojson("xian.geojson", collection("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                + "\"EPSG:2383\"}},", feature(null, SQUARE, "{}")));
        failsUnchanged(store, ImportRequest.of(f)).hasMessageStartingWith("file xian.geojson, crs member: ")
                .hasMessageEndingWith("give the CRS with --srid");
    }

    @Test
    void anUnclosedRingNamesTheFeature() throws IOException {
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[117.2,36.5],[117.201,36.5],[117.201,36.501],"
                + "[117.2,36.501]]]}";
        Path f = geojson("open.geojson", collection("", feature("1", SQUARE, "{}"), feature("\"b\"", open, "{}")));
        failsUnchanged(store, ImportRequest.of(f)).hasMessage("file open.geojson, feature 2 (id \"b\"): geometry: "
                + "ring 1 is not closed or has fewer than 4 positions (RFC 7946 §3.1.6)");
    }

    @Test
    void brokenJsonSaysWhere() throws IOException {
        Path f = geojson("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\n"
                + "\"properties\":{\"a\":1,}}]}");
        failsUnchanged(store, ImportRequest.of(f)).hasMessageStartingWith("file broken.geojson: not valid JSON: ")
                .hasMessageContaining("line 2");
    }

    @Test
    void bowTieIsRejectedOrRepaired() throws IOException {
        String bowTie = "{\"type\":\"Polygon\",\"coordinates\":[[[117.2,36.5],[117.201,36.501],[117.201,36.5],"
                + "[117.2,36.501],[117.2,36.5]]]}";
        Path f = geojson("bt.geojson", collection("", feature("7", bowTie, "{\"DLBM\":\"0101\"}")));
        failsUnchanged(store, ImportRequest.of(f).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessageStartingWith("file bt.geojson, feature 1 (id 7): invalid geometry: Self-intersection at "
                        + "(117.2005 36.5005)");
        ImportReport r = new LayerImporter(store).run(ImportRequest.of(f).withKind(LayerKind.CULTIVATED_LAND)
                .withRepair(true));
        assertThat(r.repaired()).isEqualTo(1);
        assertThat(features(store, "DLTB").get(0).geometry().isValid()).isTrue();
    }

    @Test
    void aSingleFeatureAndNullGeometries() throws IOException {
        Path one = geojson("one.geojson", feature(null, SQUARE, "{\"名称\":\"王家村\"}"));
        assertThat(new LayerImporter(store).run(ImportRequest.of(one)).featuresWritten()).isEqualTo(1);
        Path nulls = geojson("nulls.geojson", collection("", feature(null, "null", "{\"n\":1}"),
                feature(null, SQUARE, "{\"n\":2}")));
        ImportReport r = new LayerImporter(store).run(ImportRequest.of(nulls));
        assertThat(r.skippedNullShapes()).isEqualTo(1);
        assertThat(features(store, "nulls")).extracting(f -> f.get("n")).containsExactly(2);
    }

    @Test
    void mixedGeometryTypesMakeAGeometryLayer() throws IOException {
        Path f = geojson("mixed.geojson", collection("", feature(null, SQUARE, "{}"),
                feature(null, "{\"type\":\"Point\",\"coordinates\":[117.2,36.5]}", "{}")));
        new LayerImporter(store).run(ImportRequest.of(f));
        assertThat(store.require("mixed").schema().geometryKind()).isEqualTo(GeometryKind.GEOMETRY);
        assertThat(features(store, "mixed")).hasSize(2);
    }

    @Test
    void readerReportsSchemaAndCount() throws IOException {
        Path f = geojson("r.json", collection("", feature(null, SQUARE, "{\"a\":\"x\"}"),
                feature(null, SQUARE, "{\"b\":1.5}")));
        try (SourceReader r = LayerImporter.open(ImportRequest.of(f))) {
            assertThat(r.featureCount()).isEqualTo(2);
            assertThat(r.fields()).containsExactly(new SourceField("a", AttributeType.STRING, 0),
                    new SourceField("b", AttributeType.DOUBLE, 0));
            assertThat(r.features()).toIterable().extracting(sf -> sf.values()[1]).containsExactly(null, 1.5);
        }
    }
}
