package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.data.importer.ImportTestSupport.failsUnchanged;
import static org.gengdi.data.importer.ImportTestSupport.features;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.layer.LayerKind;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

class ShapefileImportTest extends ImportTargetTest {
    static final String SQUARE_1 = "POLYGON ((39517900 4041000, 39518000 4041000, 39518000 4041100, 39517900 4041100, 39517900 4041000))";
    static final String SQUARE_2 = "POLYGON ((39518100 4041000, 39518200 4041000, 39518200 4041100, 39518100 4041100, 39518100 4041000))";
    static final String BOW_TIE = "POLYGON ((39518300 4041000, 39518400 4041100, 39518400 4041000, 39518300 4041100, 39518300 4041000))";

    private TestShapefile dltb(java.nio.charset.Charset cs) {
        return TestShapefile.polygons().charset(cs).fields("BSM:C:18", "DLBM:C:5", "DLMC:C:60", "ZLDWMC:C:60",
                "TBMJ:N:15:2");
    }

    private ImportReport importDltb(Path shp) {
        return new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND));
    }

    @Test
    void gbkWithoutCpgIsDetectedAndChineseValuesRoundTrip() {
        Path shp = dltb(DbfEncoding.GBK)
                .add(SQUARE_1, "1", "0101", "水田", "王家村", 10000.0)
                .add(SQUARE_2, "2", "0103", "旱地", "李家庄村", 10000.0)
                .write(dir, "dltb");

        ImportReport report = importDltb(shp);

        assertThat(report.encoding()).isEqualTo("GBK");
        assertThat(report.encodingDecision()).startsWith("detected").contains("not valid UTF-8");
        assertThat(report.featuresWritten()).isEqualTo(2);
        List<Feature> got = features(store, "DLTB");
        assertThat(got).extracting(f -> f.get("DLMC")).containsExactly("水田", "旱地");
        assertThat(got).extracting(f -> f.get("ZLDWMC")).containsExactly("王家村", "李家庄村");
        assertThat(got.get(0).geometry().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(got.get(0).geometry().getSRID()).isEqualTo(4527);
        assertThat(report.crsDecision()).isEqualTo("from dltb.prj");
        assertThat(report.sourceSrid()).isEqualTo(4527);
    }

    @Test
    void utf8WithoutCpgIsDetected() {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "u");
        ImportReport report = importDltb(shp);
        assertThat(report.encoding()).isEqualTo("UTF-8");
        assertThat(report.encodingDecision()).isEqualTo("detected: all text is valid UTF-8");
        assertThat(features(store, "DLTB").get(0).get("ZLDWMC")).isEqualTo("王家村");
    }

    @Test
    void cpgNamesTheCodePage() {
        Path shp = dltb(DbfEncoding.GBK).cpg("936").add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "c");
        ImportReport report = importDltb(shp);
        assertThat(report.encoding()).isEqualTo("GBK");
        assertThat(report.encodingDecision()).isEqualTo("from c.cpg (\"936\")");
        assertThat(features(store, "DLTB").get(0).get("DLMC")).isEqualTo("水田");
    }

    @Test
    void languageDriverByteMeansGbk() {
        Path shp = dltb(DbfEncoding.GBK).languageDriver(0x4D).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .write(dir, "l");
        ImportReport report = importDltb(shp);
        assertThat(report.encodingDecision()).contains("language driver 0x4D");
        assertThat(features(store, "DLTB").get(0).get("ZLDWMC")).isEqualTo("王家村");
    }

    @Test
    void encodingGivenByTheCallerWins() {
        Path shp = dltb(DbfEncoding.GBK).cpg("UTF-8").add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "e");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withEncoding(DbfEncoding.GBK));
        assertThat(report.encodingDecision()).isEqualTo("given with --encoding");
        assertThat(features(store, "DLTB").get(0).get("DLMC")).isEqualTo("水田");
    }

    @Test
    void cpgValuesSeenInTheWild() {
        assertThat(DbfEncoding.fromCpg("UTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(DbfEncoding.fromCpg("utf8")).isEqualTo(StandardCharsets.UTF_8);
        for (String gbk : List.of("GBK", "936", "CP936", "cp936", "GB2312", "ANSI 936")) {
            assertThat(DbfEncoding.fromCpg(gbk)).as(gbk).isEqualTo(DbfEncoding.GBK);
        }
        assertThat(DbfEncoding.fromCpg("GB18030").name()).isEqualTo("GB18030");
        assertThat(DbfEncoding.fromCpg("1252").name()).isEqualTo("windows-1252");
        assertThat(DbfEncoding.fromCpg("SYSTEM")).isNull();
        assertThat(DbfEncoding.fromCpg("nonsense")).isNull();
    }

    @Test
    void holesFollowEsriOrientationAndPartsBecomeMultiPolygons() {
        Path shp = dltb(StandardCharsets.UTF_8)
                .add("POLYGON ((39517900 4041000, 39518000 4041000, 39518000 4041100, 39517900 4041100, 39517900 4041000),"
                        + " (39517940 4041040, 39517960 4041040, 39517960 4041060, 39517940 4041060, 39517940 4041040))",
                        "1", "0101", "水田", "王家村", 1.0)
                .add("MULTIPOLYGON (((39517900 4041000, 39518000 4041000, 39518000 4041100, 39517900 4041100, 39517900 4041000)),"
                        + " ((39518100 4041000, 39518200 4041000, 39518200 4041100, 39518100 4041100, 39518100 4041000)))",
                        "2", "0101", "水田", "王家村", 1.0)
                .write(dir, "holes");
        importDltb(shp);
        List<Feature> got = features(store, "DLTB");
        Geometry first = got.get(0).geometry();
        assertThat(first.getNumGeometries()).isEqualTo(1);
        assertThat(((Polygon) first.getGeometryN(0)).getNumInteriorRing()).isEqualTo(1);
        assertThat(first.getArea()).isEqualTo(10000 - 400);
        assertThat(got.get(1).geometry().getNumGeometries()).isEqualTo(2);
    }

    @Test
    void ringsAllCounterClockwiseAreNestedByContainment() {
        Geometry outer = TestShapefile.wkt(SQUARE_1);
        Geometry hole = TestShapefile.wkt(
                "POLYGON ((39517940 4041040, 39517960 4041040, 39517960 4041060, 39517940 4041060, 39517940 4041040))");
        List<Coordinate[]> rings = new ArrayList<>();
        rings.add(outer.getCoordinates()); // counter-clockwise, against the ESRI rule
        rings.add(hole.getCoordinates());
        Path shp = dltb(StandardCharsets.UTF_8).rawRings(rings, "1", "0101", "水田", "王家村", 1.0).write(dir, "ccw");
        importDltb(shp);
        Geometry g = features(store, "DLTB").get(0).geometry();
        assertThat(g.isValid()).isTrue();
        assertThat(g.getArea()).isEqualTo(10000 - 400);
    }

    @Test
    void nullShapesAreSkippedAndReported() {
        Path shp = dltb(StandardCharsets.UTF_8)
                .add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(null, "2", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_2, "3", "0101", "水田", "王家村", 1.0)
                .write(dir, "nulls");
        ImportReport report = importDltb(shp);
        assertThat(report.featuresRead()).isEqualTo(3);
        assertThat(report.featuresWritten()).isEqualTo(2);
        assertThat(report.skippedNullShapes()).isEqualTo(1);
        assertThat(report.skipped()).containsExactly("feature 2 (FID 1)");
        assertThat(features(store, "DLTB")).extracting(f -> f.get("BSM")).containsExactly("1", "3");
    }

    @Test
    void bowTieFailsNamingFileFeatureAndLocationAndLeavesTheStoreUnchanged() {
        importDltb(dltb(StandardCharsets.UTF_8).add(SQUARE_1, "old", "0101", "水田", "王家村", 1.0).write(dir, "old"));
        Path shp = dltb(StandardCharsets.UTF_8)
                .add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(BOW_TIE, "2", "0101", "水田", "王家村", 1.0)
                .write(dir, "bowtie");
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND).withReplace(true))
                .hasMessageStartingWith("file bowtie.shp, feature 2 (FID 1): invalid geometry: Self-intersection at (")
                .hasMessageContaining("repair");
        assertThat(features(store, "DLTB")).extracting(f -> f.get("BSM")).containsExactly("old");
    }

    @Test
    void repairFixesTheBowTieAndReportsIt() {
        Path shp = dltb(StandardCharsets.UTF_8)
                .add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(BOW_TIE, "2", "0101", "水田", "王家村", 1.0)
                .write(dir, "bowtie");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withRepair(true));
        assertThat(report.repaired()).isEqualTo(1);
        assertThat(report.repairs()).singleElement().asString()
                .startsWith("feature 2 (FID 1): Self-intersection").contains("MultiPolygon of 2 parts");
        Geometry fixed = features(store, "DLTB").get(1).geometry();
        assertThat(fixed.isValid()).isTrue();
        assertThat(fixed.getNumGeometries()).isEqualTo(2);
        assertThat(fixed.getArea()).isEqualTo(5000.0);
    }

    @Test
    void severalProblemsAreCollectedInOneRun() {
        Path shp = TestShapefile.polygons().fields("BSM:C:18", "DLBM:C:10", "DLMC:C:60", "ZLDWMC:C:60", "TBMJ:N:15:2")
                .add(BOW_TIE, "1", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_1, "2", "010101", "水田", "王家村", 1.0)
                .add(BOW_TIE, "3", "0101", "水田", "王家村", 1.0)
                .write(dir, "many");
        var e = (ImportException) org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> importDltb(shp));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.problems().get(1)).isEqualTo("file many.shp, feature 2 (FID 1), field DLBM: value '010101' has 6 "
                + "characters, more than the field's 5");
        assertThat(e.getMessage()).startsWith("file many.shp, feature 1 (FID 0): invalid geometry");
    }

    @Test
    void truncatedShpFailsNamingTheFeatureAndLeavesTheStoreUnchanged() throws IOException {
        importDltb(dltb(StandardCharsets.UTF_8).add(SQUARE_1, "old", "0101", "水田", "王家村", 1.0).write(dir, "old"));
        Path shp = dltb(StandardCharsets.UTF_8)
                .add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_2, "2", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_1, "3", "0101", "水田", "王家村", 1.0)
                .write(dir, "cut");
        try (RandomAccessFile f = new RandomAccessFile(shp.toFile(), "rw")) {
            f.setLength(f.length() - 30);
        }
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND).withReplace(true))
                .hasMessageStartingWith("file cut.shp, feature 3 (FID 2): the .shp file is truncated");
    }

    @Test
    void truncatedShpWithARewrittenHeaderFailsWhileStreaming() throws IOException {
        Path shp = dltb(StandardCharsets.UTF_8)
                .add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_2, "2", "0101", "水田", "王家村", 1.0)
                .write(dir, "cut2");
        byte[] bytes = Files.readAllBytes(shp);
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 40);
        java.nio.ByteBuffer.wrap(cut).putInt(24, cut.length / 2); // a header that agrees with the cut file
        Files.write(shp, cut);
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessageStartingWith("file cut2.shp, feature 2 (FID 1): the .shp file is truncated or corrupt");
        assertThat(store.layerNames()).isEmpty();
    }

    @Test
    void truncatedDbfFailsNamingTheRecord() throws IOException {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_2, "2", "0101", "水田", "王家村", 1.0).write(dir, "d");
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("d.dbf").toFile(), "rw")) {
            f.setLength(f.length() - 20);
        }
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessage("file d.dbf, feature 2 (FID 1): the .dbf file is truncated: the header declares 2 records");
    }

    @Test
    void moreDbfRecordsThanShapesIsAnError() throws IOException {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "a");
        dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_2, "2", "0101", "水田", "王家村", 1.0).write(dir, "b");
        Files.copy(dir.resolve("b.dbf"), dir.resolve("a.dbf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessageContaining("file a.shp: the .shp has 1 shapes but the .dbf has 2 records");
    }

    @Test
    void notAShapefile() throws IOException {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "x");
        Files.write(shp, new byte[200]);
        failsUnchanged(store, ImportRequest.of(shp)).hasMessage("file x.shp: not a shapefile (file code 0, expected 9994)");
    }

    @Test
    void mappingNamingAMissingSourceFieldFailsBeforeWriting() throws IOException {
        importDltb(dltb(StandardCharsets.UTF_8).add(SQUARE_1, "old", "0101", "水田", "王家村", 1.0).write(dir, "old"));
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "m");
        Path mapping = Files.writeString(dir.resolve("county.properties"), "# 县级映射\nTKXS = KCXS\n",
                StandardCharsets.UTF_8);
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND).withReplace(true)
                .withMapping(FieldMapping.load(mapping)))
                .hasMessage("mapping file county.properties: source field TKXS does not exist in m.shp (its fields: "
                        + "BSM, DLBM, DLMC, ZLDWMC, TBMJ)");
    }

    @Test
    void mappingToAFieldTheLayerLacksFails() {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "m");
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withMapping(FieldMapping.of("--map", Map.of("ZLDWMC", "CUNMING"))))
                .hasMessageStartingWith("--map: target field CUNMING is not a field of layer DLTB (fields: BSM, YSDM,");
    }

    @Test
    void requiredNationalFieldWithoutSourceFails() {
        Path shp = TestShapefile.polygons().fields("BSM:C:18", "ZLDWMC:C:60").add(SQUARE_1, "1", "王家村")
                .write(dir, "nodlbm");
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessage("file nodlbm.shp: layer DLTB needs field DLBM (地类编码) but no source field is named DLBM "
                        + "or 地类编码 or mapped to it; source fields: BSM, ZLDWMC; add a mapping line "
                        + "'<source field> = DLBM'");
    }

    @Test
    void erdiaoFieldsAreRenamedAndExplicitMappingsWin() {
        Path shp = TestShapefile.polygons().fields("dlbm:C:5", "TKXS:N:5:2", "GDPDJ:C:2", "CUN:C:60")
                .add(SQUARE_1, "0103", 0.08, "3", "王家村").write(dir, "erdiao");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withMapping(FieldMapping.of("--map", Map.of("cun", "ZLDWMC"))));
        Feature f = features(store, "DLTB").get(0);
        assertThat(f.get("DLBM")).isEqualTo("0103");
        assertThat(f.get("KCXS")).isEqualTo(0.08);
        assertThat(f.get("GDPDJB")).isEqualTo("3");
        assertThat(f.get("ZLDWMC")).isEqualTo("王家村");
        assertThat(report.fields()).containsEntry("KCXS", "TKXS").containsEntry("GDPDJB", "GDPDJ")
                .containsEntry("ZLDWMC", "CUN").containsEntry("DLBM", "dlbm");
        assertThat(report.unmappedSourceFields()).isEmpty();
    }

    @Test
    void withoutDefaultRenamesErdiaoFieldsAreNotImported() {
        Path shp = TestShapefile.polygons().fields("DLBM:C:5", "TKXS:N:5:2").add(SQUARE_1, "0103", 0.08)
                .write(dir, "erdiao");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withDefaultRenames(false));
        assertThat(features(store, "DLTB").get(0).get("KCXS")).isNull();
        assertThat(report.unmappedSourceFields()).containsExactly("TKXS");
    }

    @Test
    void aValueThatIsNotANumberNamesFileFeatureAndField() {
        Path shp = TestShapefile.polygons().fields("DLBM:C:5", "GDDB:C:8").add(SQUARE_1, "0101", "5")
                .add(SQUARE_2, "0101", "五等").write(dir, "gddb");
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessage("file gddb.shp, feature 2 (FID 1), field GDDB: value '五等' is not a valid integer");
    }

    @Test
    void numericSourceIntoStringFieldDropsTheFractionZero() {
        Path shp = TestShapefile.polygons().fields("DLBM:C:5", "GDPDJB:N:2:0", "SJNF:N:4:0")
                .add(SQUARE_1, "0101", 2, 2023).write(dir, "n");
        importDltb(shp);
        Feature f = features(store, "DLTB").get(0);
        assertThat(f.get("GDPDJB")).isEqualTo("2");
        assertThat(f.get("SJNF")).isEqualTo(2023);
    }

    @Test
    void anExistingLayerIsNotReplacedUnlessAsked() {
        importDltb(dltb(StandardCharsets.UTF_8).add(SQUARE_1, "old", "0101", "水田", "王家村", 1.0).write(dir, "old"));
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_2, "new", "0101", "水田", "王家村", 1.0).write(dir, "new");
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessage("layer DLTB already exists; import with replace to replace it");
        new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND).withReplace(true));
        assertThat(features(store, "DLTB")).extracting(f -> f.get("BSM")).containsExactly("new");
    }

    @Test
    void intoAnExistingLayerItsSchemaIsKept() {
        importDltb(dltb(StandardCharsets.UTF_8).add(SQUARE_1, "old", "0101", "水田", "王家村", 1.0).write(dir, "old"));
        Path shp = TestShapefile.polygons().fields("地类编码:C:5", "ZLDWMC:C:60").charset(DbfEncoding.GBK)
                .add(SQUARE_2, "0102", "赵村").write(dir, "cn");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).toLayer("DLTB").withReplace(true));
        assertThat(report.fields()).containsEntry("DLBM", "地类编码");
        Feature f = features(store, "DLTB").get(0);
        assertThat(f.get("DLBM")).isEqualTo("0102");
        assertThat(f.type().attributes()).hasSize(store.require("DLTB").schema().attributes().size());
    }

    @Test
    void aNewLayerTakesTheSourceSchemaWithAsciiNamesAndChineseTitles() {
        Path shp = TestShapefile.polygons().charset(DbfEncoding.GBK)
                .fields("地类编码:C:5", "村名:C:40", "AREA-M2:N:12:2", "COUNT:N:6:0", "BIG:N:12:0", "OK:L", "DAY:D")
                .add(SQUARE_1, "0101", "王家村", 100.5, 3, 12345678901L, true, new java.util.Date(124, 4, 1))
                .write(dir, "村级图斑");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).toLayer("CUN"));
        FeatureType t = store.require("CUN").schema();
        assertThat(t.geometryKind()).isEqualTo(GeometryKind.MULTIPOLYGON);
        assertThat(t.attributes()).extracting(a -> a.name() + "/" + a.title() + "/" + a.type())
                .containsExactly("DLBM/地类编码/STRING", "F2/村名/STRING", "AREA_M2/AREA-M2/DOUBLE", "COUNT/COUNT/INTEGER",
                        "BIG/BIG/LONG", "OK/OK/BOOLEAN", "DAY/DAY/DATE");
        Feature f = features(store, "CUN").get(0);
        assertThat(f.get("F2")).isEqualTo("王家村");
        assertThat(f.get("BIG")).isEqualTo(12345678901L);
        assertThat(f.get("DAY")).isEqualTo(java.time.LocalDate.of(2024, 5, 1));
        assertThat(f.get("OK")).isEqualTo(true);
        assertThat(report.layer()).isEqualTo("CUN");
    }

    @Test
    void layerNameDefaultsToTheKindsOrTheFilesName() {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "2023-dltb");
        assertThat(new LayerImporter(store).run(ImportRequest.of(shp)).layer()).isEqualTo("L_2023_dltb");
        assertThat(new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.RED_LINE)).layer())
                .isEqualTo("YJJBNTBHTB");
    }

    @Test
    void withoutPrjAZonePrefixedEastingIdentifiesTheZone() {
        Path shp = dltb(StandardCharsets.UTF_8).prj(null).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .write(dir, "noprj");
        ImportReport report = importDltb(shp);
        assertThat(report.sourceSrid()).isEqualTo(4527);
        assertThat(report.crsDecision()).isEqualTo("detected from the easting zone prefix 39 (no .prj)");
        assertThat(report.notes()).anyMatch(n -> n.contains("has no .prj"));
    }

    @Test
    void withoutPrjAndWithoutZonePrefixTheCallerMustSaySrid() {
        Path shp = dltb(StandardCharsets.UTF_8).prj(null)
                .add("POLYGON ((117.2 36.5, 117.201 36.5, 117.201 36.501, 117.2 36.501, 117.2 36.5))",
                        "1", "0101", "水田", "王家村", 1.0)
                .write(dir, "lonlat");
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessageStartingWith("file lonlat.shp: there is no .prj, so the CRS is unknown; give its EPSG code "
                        + "with --srid");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withSourceSrid(4490));
        assertThat(report.sourceSrid()).isEqualTo(4490);
        assertThat(report.crsDecision()).isEqualTo("given with --srid");
    }

    @Test
    void anUnknownPrjNeedsSrid() {
        Path shp = dltb(StandardCharsets.UTF_8)
                .prj("PROJCS[\"Xian_1980_3_Degree_GK_Zone_39\",GEOGCS[\"GCS_Xian_1980\",DATUM[\"D_Xian_1980\","
                        + "SPHEROID[\"Xian_1980\",6378140.0,298.257]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\","
                        + "0.0174532925199433]],PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",39500000.0],"
                        + "PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",117.0],PARAMETER["
                        + "\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]")
                .add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "xian80");
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessage("file xian80.prj: the CRS is not one Gengdi knows (it describes "
                        + "\"Xian_1980_3_Degree_GK_Zone_39\"); give its EPSG code with --srid");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withSourceSrid(4527));
        assertThat(report.crsDecision()).isEqualTo("given with --srid");
    }

    @Test
    void reprojectsIntoTheTargetSrid() {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0).write(dir, "p");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND)
                .withTargetSrid(4490));
        assertThat(report.targetSrid()).isEqualTo(4490);
        Geometry g = features(store, "DLTB").get(0).geometry();
        assertThat(g.getSRID()).isEqualTo(4490);
        assertThat(g.getEnvelopeInternal().getMinX()).isBetween(117.19, 117.21);
        assertThat(g.getEnvelopeInternal().getMinY()).isBetween(36.49, 36.51);
        assertThat(store.require("DLTB").schema().srid()).isEqualTo(4490);
        // a 100 m square: the ellipsoidal area differs from the plane's by the GK scale factor only
        assertThat(report.areaSquareMetres()).isCloseTo(10000, org.assertj.core.data.Percentage.withPercentage(0.05));
        assertThat(report.areaMu()).isCloseTo(15.0, org.assertj.core.data.Percentage.withPercentage(0.05));
    }

    @Test
    void pointsLoadIntoAPointLayer() {
        Path shp = TestShapefile.points().fields("NAME:C:20").add("POINT (39517900 4041000)", "井")
                .add("POINT (39517950 4041050)", "泵站").write(dir, "pts");
        ImportReport report = new LayerImporter(store).run(ImportRequest.of(shp));
        assertThat(store.require("pts").schema().geometryKind()).isEqualTo(GeometryKind.POINT);
        assertThat(report.areaSquareMetres()).isNull();
        assertThat(features(store, "pts")).extracting(f -> f.get("NAME")).containsExactly("井", "泵站");
    }

    @Test
    void pointsIntoAPolygonLayerFailBeforeReading() {
        Path shp = TestShapefile.points().fields("DLBM:C:5").add("POINT (39517900 4041000)", "0101").write(dir, "pts");
        failsUnchanged(store, ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND))
                .hasMessage("file pts.shp holds Point geometries but layer DLTB takes MultiPolygon");
    }

    @Test
    void progressEndsAtTheTotal() {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_2, "2", "0101", "水田", "王家村", 1.0).write(dir, "p");
        List<long[]> calls = new ArrayList<>();
        new LayerImporter(store).run(ImportRequest.of(shp).withKind(LayerKind.CULTIVATED_LAND),
                (stage, done, total) -> calls.add(new long[] {done, total}));
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(2, 2);
    }

    @Test
    void deletedDbfRecordsAreSkippedWithTheirShapes() throws IOException {
        Path shp = dltb(StandardCharsets.UTF_8).add(SQUARE_1, "1", "0101", "水田", "王家村", 1.0)
                .add(SQUARE_2, "2", "0101", "水田", "王家村", 1.0).write(dir, "del");
        Path dbf = dir.resolve("del.dbf");
        byte[] b = Files.readAllBytes(dbf);
        int headerLength = (b[8] & 0xFF) | (b[9] & 0xFF) << 8;
        b[headerLength] = '*';
        Files.write(dbf, b);
        ImportReport report = importDltb(shp);
        assertThat(report.featuresWritten()).isEqualTo(1);
        assertThat(features(store, "DLTB")).extracting(f -> f.get("BSM")).containsExactly("2");
    }

    @Test
    void fieldTypesFollowTheDbfDeclaration() {
        Path shp = TestShapefile.polygons().fields("S:C:7", "I:N:9:0", "L:N:10:0", "D:N:12:3", "B:L", "T:D")
                .add(SQUARE_1, "x", 1, 2L, 1.5, true, new java.util.Date(124, 0, 2)).write(dir, "types");
        try (SourceReader r = LayerImporter.open(ImportRequest.of(shp))) {
            assertThat(r.fields()).containsExactly(new SourceField("S", AttributeType.STRING, 7),
                    new SourceField("I", AttributeType.INTEGER, 0), new SourceField("L", AttributeType.LONG, 0),
                    new SourceField("D", AttributeType.DOUBLE, 0), new SourceField("B", AttributeType.BOOLEAN, 0),
                    new SourceField("T", AttributeType.DATE, 0));
            assertThat(r.featureCount()).isEqualTo(1);
        }
    }
}
