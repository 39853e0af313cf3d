package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

class ShapefileZipEncoderTest {
    @TempDir
    Path dir;

    @Test
    void zipHoldsTheFiveFilesOfTheLayer() throws IOException {
        Map<String, byte[]> files = unzip(bytes(RedLineParcels.info("EPSG:4490"), RedLineParcels.cursor()));
        assertThat(files.keySet()).containsExactly("YJJBNTBHTB.shp", "YJJBNTBHTB.shx", "YJJBNTBHTB.dbf",
                "YJJBNTBHTB.prj", "YJJBNTBHTB.cpg");
        assertThat(new String(files.get("YJJBNTBHTB.cpg"), StandardCharsets.US_ASCII)).isEqualTo("UTF-8");
        assertThat(new String(files.get("YJJBNTBHTB.prj"), StandardCharsets.US_ASCII))
                .isEqualTo(CrsRegistry.get().byEpsg(4490).wkt());
        assertThat(files.get("YJJBNTBHTB.shx")).hasSize(100 + 3 * 8);
    }

    @Test
    void headersCarryLengthTypeAndBoundingBox() throws IOException {
        byte[] shp = unzip(bytes(RedLineParcels.info("EPSG:4490"), RedLineParcels.cursor())).get("YJJBNTBHTB.shp");
        ByteBuffer b = ByteBuffer.wrap(shp);
        assertThat(b.order(ByteOrder.BIG_ENDIAN).getInt(0)).isEqualTo(9994);
        assertThat(b.getInt(24) * 2).isEqualTo(shp.length);
        b.order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(28)).isEqualTo(1000);
        assertThat(b.getInt(32)).as("polygon").isEqualTo(5);
        assertThat(new double[] {b.getDouble(36), b.getDouble(44), b.getDouble(52), b.getDouble(60)})
                .containsExactly(114.5, 38.0, 114.57, 38.05);
    }

    @Test
    void exteriorRingsAreClockwiseAndHolesCounterClockwise() throws IOException {
        byte[] shp = unzip(bytes(RedLineParcels.info("EPSG:4490"), RedLineParcels.cursor())).get("YJJBNTBHTB.shp");
        List<List<Coordinate[]>> records = polygons(shp);
        assertThat(records).hasSize(3);
        List<Coordinate[]> withHole = records.get(0);
        assertThat(withHole).hasSize(2);
        assertThat(Orientation.isCCW(withHole.get(0))).as("exterior clockwise").isFalse();
        assertThat(Orientation.isCCW(withHole.get(1))).as("hole counter-clockwise").isTrue();
        assertThat(records.get(1)).as("two parts").hasSize(2);
        assertThat(Orientation.isCCW(records.get(2).get(0))).as("stored clockwise, kept").isFalse();
    }

    @Test
    void gdalReadsTheZipWithChineseValuesAndTheCrs() throws Exception {
        Ogr.assumeInstalled();
        Path zip = dir.resolve("redline.zip");
        Files.write(zip, bytes(RedLineParcels.info("EPSG:4490"), RedLineParcels.cursor()));
        String out = Ogr.info("/vsizip/" + zip);
        assertThat(out).contains("Layer name: YJJBNTBHTB", "Geometry: Polygon", "Feature Count: 3",
                "China Geodetic Coordinate System 2000", "ZLDWMC: String (180.0)", "YJJBNTTBMJ: Real (24.8)",
                "SJNF: Integer (9.0)", "BHKSSJ: Date (10.0)",
                "ZLDWMC (String) = 王家村", "ZLDWMC (String) = 李家庄", "XZQMC (String) = 正定县",
                "BZ (String) = " + RedLineParcels.REMARK, "DLBM (String) = 0101",
                "YJJBNTTBMJ (Real) = 987654321.12500000", "YJJBNTTBMJ (Real) = 0.50000000",
                "SJNF (Integer) = 2023", "BHKSSJ (Date) = 2020/01/01", "DLMC (String) = (null)",
                "POLYGON ((114.5 38.0,114.5 38.01,114.51 38.01,114.51 38.0,114.5 38.0),"
                        + "(114.502 38.002,114.504 38.002,114.504 38.004,114.502 38.004,114.502 38.002))",
                "MULTIPOLYGON (((");
    }

    @Test
    void gaussKrugerLayersGetTheirZoneInThePrj() throws Exception {
        Ogr.assumeInstalled();
        FeatureType gk = RedLineParcels.published(LayerCatalogue.type(LayerKind.RED_LINE, 4527));
        Feature f = new Feature.Builder(gk).set("ZLDWMC", "王家村").geometry(RedLineParcels.wkt(
                "POLYGON ((39500000 4200000, 39500100 4200000, 39500100 4200100, 39500000 4200000))")).build("1");
        Path zip = dir.resolve("gk.zip");
        Files.write(zip, bytes(FeatureCollectionInfo.of(gk, RedLineParcels.crs("EPSG:4527")),
                FeatureCursor.of(List.of(f))));
        assertThat(Ogr.info("/vsizip/" + zip)).contains("CGCS2000 / 3-degree Gauss-Kruger zone 39",
                "Feature Count: 1", "POLYGON ((39500000 4200000,39500100 4200100,39500100 4200000,39500000 4200000))");
    }

    @Test
    void spooledFilesAreDeleted() throws IOException {
        Path spool = Files.createDirectory(dir.resolve("spool"));
        new ShapefileZipEncoder(spool).write(RedLineParcels.info("EPSG:4490"), RedLineParcels.cursor(),
                OutputStream.nullOutputStream());
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void fieldNamesAreCutToTenCharactersAndKeptUnique() {
        List<DbfWriter.Field> fields = DbfWriter.fields(List.of(
                AttributeDef.of("YJJBNTTBMJ", AttributeType.DOUBLE, "面积"),
                AttributeDef.of("CHANGDUHENCHANG_A", AttributeType.STRING, "甲"),
                AttributeDef.of("CHANGDUHENCHANG_B", AttributeType.STRING, "乙"),
                AttributeDef.of("FLAG", AttributeType.BOOLEAN, "标志"),
                AttributeDef.of("T", AttributeType.DATETIME, "时间"),
                AttributeDef.string("DLBM", 5, "地类编码")));
        assertThat(fields).extracting(DbfWriter.Field::name)
                .containsExactly("YJJBNTTBMJ", "CHANGDUHEN", "CHANGDUH_1", "FLAG", "T", "DLBM");
        assertThat(fields).extracting(DbfWriter.Field::type).containsExactly('N', 'C', 'C', 'L', 'C', 'C');
        assertThat(fields.get(5).width()).as("three UTF-8 bytes a character").isEqualTo(15);
        assertThat(fields.get(1).width()).isEqualTo(254);
    }

    @Test
    void longTextIsCutAtACharacterBoundary() throws Exception {
        Ogr.assumeInstalled();
        FeatureType t = new FeatureType("T", "测试", "geom", GeometryKind.POINT, 4490,
                List.of(AttributeDef.string("MC", 2, "名称"), AttributeDef.of("OK", AttributeType.BOOLEAN, "是否")));
        Feature f = new Feature.Builder(t).set("MC", "王家村村委会").set("OK", true)
                .geometry(RedLineParcels.wkt("POINT (114.5 38)")).build("1");
        Path zip = dir.resolve("t.zip");
        Files.write(zip, bytes(FeatureCollectionInfo.of(t, RedLineParcels.crs("EPSG:4490")),
                FeatureCursor.of(List.of(f))));
        assertThat(Ogr.info("/vsizip/" + zip)).contains("Geometry: Point", "MC (String) = 王家",
                "OK (String) = T", "POINT (114.5 38.0)");
    }

    /** The rings of each polygon record of a .shp file. */
    private static List<List<Coordinate[]>> polygons(byte[] shp) {
        ByteBuffer b = ByteBuffer.wrap(shp);
        List<List<Coordinate[]>> out = new ArrayList<>();
        int p = 100;
        while (p < shp.length) {
            int contentBytes = b.order(ByteOrder.BIG_ENDIAN).getInt(p + 4) * 2;
            b.order(ByteOrder.LITTLE_ENDIAN);
            int c = p + 8;
            assertThat(b.getInt(c)).isEqualTo(5);
            int parts = b.getInt(c + 36);
            int points = b.getInt(c + 40);
            int[] starts = new int[parts + 1];
            for (int i = 0; i < parts; i++) {
                starts[i] = b.getInt(c + 44 + 4 * i);
            }
            starts[parts] = points;
            int xy = c + 44 + 4 * parts;
            List<Coordinate[]> rings = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                Coordinate[] ring = new Coordinate[starts[i + 1] - starts[i]];
                for (int k = 0; k < ring.length; k++) {
                    int at = xy + 16 * (starts[i] + k);
                    ring[k] = new Coordinate(b.getDouble(at), b.getDouble(at + 8));
                }
                rings.add(ring);
            }
            out.add(rings);
            p += 8 + contentBytes;
        }
        return out;
    }

    private static byte[] bytes(FeatureCollectionInfo info, FeatureCursor cursor) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (cursor) {
            new ShapefileZipEncoder().write(info, cursor, out);
        }
        return out.toByteArray();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
