package org.gengdi.store.contract;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.layer.CodeLists;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The deterministic parcel layer every store is tested with: a DLTB-like schema and {@value #SIZE} MultiPolygon
 * parcels on a 50 × 40 grid of 100 m cells in CGCS2000 Gauss-Krüger zone 39 (EPSG:4527).
 *
 * <p>Row 0 holds cell-filling rectangles that touch their neighbours; the other rows hold irregular star-shaped
 * polygons (5–40 vertices, some with an off-centre hole, some with a second small part in the cell corner), with
 * raw, unrounded coordinates so that round trips must be bit-exact. Every seventh-ish value is null somewhere, and
 * the strings mix Chinese (including a supplementary-plane character), ASCII of both cases, non-ASCII case pairs
 * and the characters that are special to LIKE and GLOB. A few parcels have no geometry.
 *
 * <p>Feature ids are {@code "1"} … {@code "2000"}; {@link #insertionOrder()} shuffles them so that a store which
 * returns rows in insertion order rather than id order is caught.
 */
public final class ParcelFixture {
    public static final String LAYER = "CONTRACT_DLTB";
    public static final String TITLE = "契约测试地类图斑";
    public static final int SRID = 4527;
    public static final double X0 = 39_500_000;
    public static final double Y0 = 3_540_000;
    public static final double CELL = 100;
    public static final int COLS = 50;
    public static final int ROWS = 40;
    public static final int SIZE = COLS * ROWS;

    static final String[] DLBM = {"0101", "0102", "0103", "0201", "0301", "1006", "1104", "0702"};
    static final String[] VILLAGES = {"王家村", "李家庄", "张庄村", "赵家沟", "东山村", "西河村", "Dongshan Cun",
        "DONGSHAN CUN", "𡌶家村", "王家村一组"};
    static final String[] REMARKS = {null, "", "已核实", "GPS复核", "gps复核", "Gps复核", "ÄNDERUNG 变更",
        "änderung 变更", "100%达标", "50%", "a_b", "旧_编号", "含*星号", "[括号]", "问?号", "反斜杠\\路径", "路径\\",
        "𠀀字", "\u212Aelvin", "已核实"};
    static final String[] PERSONS = {"王建国", "李秀英", "张伟", "刘洋", "陈静", null};
    static final double[] KCXS = {0.0, 0.05, 0.08, 0.1, 0.15};

    private static final GeometryFactory GF = new GeometryFactory();
    private static volatile List<Feature> features;

    private ParcelFixture() {
    }

    /** The layer schema: sixteen attributes of every type, with titles, code lists and one personal field. */
    public static FeatureType type() {
        return new FeatureType(LAYER, TITLE, "geom", GeometryKind.MULTIPOLYGON, SRID, List.of(
                AttributeDef.string("BSM", 18, "标识码"),
                AttributeDef.string("DLBM", 5, "地类编码").withCodeList(CodeLists.DLBM),
                AttributeDef.string("DLMC", 60, "地类名称"),
                AttributeDef.string("ZLDWDM", 19, "坐落单位代码"),
                AttributeDef.string("ZLDWMC", 60, "坐落单位名称"),
                AttributeDef.of("TBMJ", AttributeType.DOUBLE, "图斑面积"),
                AttributeDef.of("KCXS", AttributeType.DOUBLE, "扣除地类系数"),
                AttributeDef.of("GDDB", AttributeType.INTEGER, "耕地等别").withCodeList(CodeLists.GDDB),
                AttributeDef.string("GDPDJB", 2, "耕地坡度级别").withCodeList(CodeLists.GDPDJB),
                AttributeDef.of("SJNF", AttributeType.INTEGER, "数据年份"),
                AttributeDef.of("YBH", AttributeType.LONG, "源编号"),
                AttributeDef.of("SFJBNT", AttributeType.BOOLEAN, "是否基本农田"),
                AttributeDef.of("BHKSSJ", AttributeType.DATE, "保护开始时间"),
                AttributeDef.of("GXSJ", AttributeType.DATETIME, "更新时间"),
                AttributeDef.string("BZ", 254, "备注"),
                AttributeDef.string("ZRRMC", 60, "责任人名称").asPersonal()));
    }

    /** The parcels in id order (an unmodifiable list, built once). */
    public static List<Feature> features() {
        List<Feature> fs = features;
        if (fs == null) {
            fs = Collections.unmodifiableList(build());
            features = fs;
        }
        return fs;
    }

    /** The parcels in a fixed shuffled order, as they are written. */
    public static List<Feature> insertionOrder() {
        List<Feature> fs = new ArrayList<>(features());
        Collections.shuffle(fs, new Random(39));
        return fs;
    }

    /** The polygon covering cells {@code [c0, c1) × [r0, r1)}; fractional cells are allowed. */
    public static Polygon cells(double c0, double r0, double c1, double r1) {
        return (Polygon) GF.toGeometry(new Envelope(X0 + c0 * CELL, X0 + c1 * CELL, Y0 + r0 * CELL, Y0 + r1 * CELL));
    }

    /** A point at cell coordinates (fractional). */
    public static Geometry point(double c, double r) {
        return GF.createPoint(new Coordinate(X0 + c * CELL, Y0 + r * CELL));
    }

    /** A geometry from cell-coordinate pairs: a line string for an open list, a polygon for a closed one. */
    public static Geometry shape(double... cr) {
        Coordinate[] cs = new Coordinate[cr.length / 2];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = new Coordinate(X0 + cr[2 * i] * CELL, Y0 + cr[2 * i + 1] * CELL);
        }
        return cs[0].equals2D(cs[cs.length - 1]) ? GF.createPolygon(cs) : GF.createLineString(cs);
    }

    /** The fixture's geometry factory. */
    public static GeometryFactory geometryFactory() {
        return GF;
    }

    private static List<Feature> build() {
        FeatureType type = type();
        Random rnd = new Random(4527);
        Feature.Builder b = new Feature.Builder(type);
        List<Feature> out = new ArrayList<>(SIZE);
        for (int k = 0; k < SIZE; k++) {
            int col = k % COLS;
            int row = k / COLS;
            MultiPolygon g = k % 397 == 5 ? null : parcel(col, row, k, rnd);
            String dlbm = k % 50 == 7 ? null : DLBM[rnd.nextInt(DLBM.length)];
            int village = rnd.nextInt(VILLAGES.length);
            b.geometry(g)
                    .set("BSM", String.format("45270%013d", k + 1))
                    .set("DLBM", dlbm)
                    .set("DLMC", dlbm == null ? null : CodeLists.DLBM.nameOf(dlbm))
                    .set("ZLDWDM", String.format("4527011%02d%010d", village, rnd.nextInt(20)))
                    .set("ZLDWMC", VILLAGES[village])
                    .set("TBMJ", g == null ? null : Math.round(g.getArea() * 100) / 100.0)
                    .set("KCXS", k % 17 == 3 ? null : KCXS[rnd.nextInt(KCXS.length)])
                    .set("GDDB", k % 11 == 4 ? null : 1 + rnd.nextInt(15))
                    .set("GDPDJB", Integer.toString(1 + rnd.nextInt(5)))
                    .set("SJNF", 2019 + rnd.nextInt(5))
                    .set("YBH", 4_500_000_000L + (k * 7919L) % 100_003)
                    .set("SFJBNT", k % 13 == 6 ? null : rnd.nextBoolean())
                    .set("BHKSSJ", k % 9 == 2 ? null : LocalDate.of(2018, 1, 1).plusDays(rnd.nextInt(2000)))
                    .set("GXSJ", k % 13 == 1 ? null : OffsetDateTime.of(2023, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                            .plusSeconds(rnd.nextInt(180 * 86_400)))
                    .set("BZ", REMARKS[rnd.nextInt(REMARKS.length)])
                    .set("ZRRMC", PERSONS[rnd.nextInt(PERSONS.length)]);
            out.add(b.build(Integer.toString(k + 1)));
        }
        return out;
    }

    private static MultiPolygon parcel(int col, int row, int k, Random rnd) {
        double x = X0 + col * CELL;
        double y = Y0 + row * CELL;
        if (row == 0) {
            return GF.createMultiPolygon(new Polygon[] {(Polygon) GF.toGeometry(new Envelope(x, x + CELL, y, y + CELL))});
        }
        double cx = x + 50;
        double cy = y + 50;
        LinearRing shell = star(cx, cy, 5 + rnd.nextInt(36), 20, 45, rnd);
        LinearRing[] holes = k % 3 == 0
                ? new LinearRing[] {star(cx + 10, cy + 5, 3 + rnd.nextInt(6), 2, 6, rnd)}
                : new LinearRing[0];
        Polygon main = GF.createPolygon(shell, holes);
        if (k % 7 != 0) {
            return GF.createMultiPolygon(new Polygon[] {main});
        }
        Polygon corner = GF.createPolygon(new Coordinate[] {new Coordinate(x + 2, y + 2),
            new Coordinate(x + 8 + rnd.nextDouble(), y + 2), new Coordinate(x + 8, y + 8 + rnd.nextDouble()),
            new Coordinate(x + 2, y + 2)});
        return GF.createMultiPolygon(new Polygon[] {main, corner});
    }

    /** A closed star-shaped ring: {@code n} vertices at increasing angles and radii in {@code [rMin, rMax)}. */
    private static LinearRing star(double cx, double cy, int n, double rMin, double rMax, Random rnd) {
        Coordinate[] cs = new Coordinate[n + 1];
        double step = 2 * Math.PI / n;
        for (int i = 0; i < n; i++) {
            double a = i * step + rnd.nextDouble() * step * 0.8;
            double r = rMin + rnd.nextDouble() * (rMax - rMin);
            cs[i] = new Coordinate(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        cs[n] = cs[0].copy();
        return GF.createLinearRing(cs);
    }
}
