package org.gengdi.data.sample;

import org.gengdi.core.task.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.Query;
import org.gengdi.core.layer.CodeLists;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.store.FeatureSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The sample county at test size (~2 000 cultivated parcels): structure, codes, areas and realism checks. */
class SampleCountyTest {
    static final int SIZE = 2_000;
    static final SampleCountyOptions OPTIONS = SampleCountyOptions.defaults().withCultivatedParcels(SIZE);
    static Map<LayerKind, List<Feature>> county;

    @BeforeAll
    static void generate() {
        county = SampleCounty.features(OPTIONS, ProgressListener.NONE);
    }

    static List<Feature> layer(LayerKind kind) {
        return county.get(kind);
    }

    static List<Feature> cultivated() {
        return layer(LayerKind.CULTIVATED_LAND).stream().filter(f -> LandClass.isCultivated((String) f.get("DLBM")))
                .toList();
    }

    @Test
    void bsmIsUniqueAcrossAllLayers() {
        Set<Object> seen = new HashSet<>();
        for (LayerKind kind : LayerKind.values()) {
            for (Feature f : layer(kind)) {
                assertThat((String) f.get("BSM")).hasSizeLessThanOrEqualTo(18).startsWith(OPTIONS.countyCode());
                assertThat(seen.add(f.get("BSM"))).as("BSM " + f.get("BSM")).isTrue();
            }
        }
    }

    @Test
    void everyLayerIsFilledWithItsNationalSchema() {
        for (LayerKind kind : LayerKind.values()) {
            assertThat(layer(kind)).as(kind.layerName()).isNotEmpty();
            for (Feature f : layer(kind)) {
                assertThat(f.type()).isEqualTo(LayerCatalogue.type(kind, OPTIONS.srid()));
            }
        }
        assertThat(layer(LayerKind.COUNTY)).hasSize(1);
        assertThat(layer(LayerKind.TOWNSHIP)).hasSizeBetween(3, 12);
        assertThat(layer(LayerKind.VILLAGE).size()).isGreaterThanOrEqualTo(3 * layer(LayerKind.TOWNSHIP).size());
        assertThat(layer(LayerKind.WATER_SOURCE_AREA)).extracting(f -> f.get("BHQJB")).containsExactly("一级", "二级");
    }

    @Test
    void theNumberOfCultivatedParcelsIsNearTheRequestedSize() {
        assertThat(cultivated().size()).isBetween((int) (SIZE * 0.95), (int) (SIZE * 1.05));
        assertThat(layer(LayerKind.CULTIVATED_LAND).size()).isGreaterThan(cultivated().size());
    }

    @Test
    void theCountySitsInGaussKrugerZone39Near117East32North() {
        Envelope e = layer(LayerKind.COUNTY).get(0).geometry().getEnvelopeInternal();
        assertThat(e.centre().x).isBetween(39_490_000.0, 39_510_000.0);
        assertThat(e.centre().y).isBetween(3_530_000.0, 3_550_000.0);
        assertThat(e.getWidth()).isBetween(5_000.0, 20_000.0);
        assertThat(layer(LayerKind.COUNTY).get(0).geometry().getSRID()).isEqualTo(4527);
    }

    @Test
    void allGeometriesAreValidMultiPolygonsInTheCrs() {
        for (LayerKind kind : LayerKind.values()) {
            for (Feature f : layer(kind)) {
                Geometry g = f.geometry();
                assertThat(g).as(kind + " " + f.id()).isInstanceOf(MultiPolygon.class);
                assertThat(g.isValid()).as(kind + " " + f.id() + " valid").isTrue();
                assertThat(g.isEmpty()).isFalse();
                assertThat(g.getSRID()).isEqualTo(OPTIONS.srid());
            }
        }
    }

    @Test
    void landParcelsCoverTheCountyWithoutOverlaps() {
        List<Geometry> gs = new ArrayList<>();
        double sum = 0;
        for (Feature f : layer(LayerKind.CULTIVATED_LAND)) {
            gs.add(f.geometry());
            sum += f.geometry().getArea();
        }
        Geometry union = UnaryUnionOp.union(gs);
        double county = layer(LayerKind.COUNTY).get(0).geometry().getArea();
        assertThat(union.getArea()).isCloseTo(sum, within(sum * 1e-6));
        assertThat(union.getArea()).isCloseTo(county, within(county * 1e-6));
    }

    @Test
    void townshipsAndVillagesPartitionTheCounty() {
        double county = layer(LayerKind.COUNTY).get(0).geometry().getArea();
        for (LayerKind kind : List.of(LayerKind.TOWNSHIP, LayerKind.VILLAGE)) {
            List<Geometry> gs = layer(kind).stream().map(Feature::geometry).toList();
            double sum = gs.stream().mapToDouble(Geometry::getArea).sum();
            assertThat(sum).as(kind.name()).isCloseTo(county, within(county * 1e-6));
            assertThat(UnaryUnionOp.union(gs).getArea()).isCloseTo(county, within(county * 1e-6));
        }
    }

    @Test
    void redLineIsEightyToEightyFivePercentOfTheCultivatedArea() {
        double cultivated = cultivated().stream().mapToDouble(f -> (Double) f.get("TBMJ")).sum();
        double red = layer(LayerKind.RED_LINE).stream().mapToDouble(f -> (Double) f.get("YJJBNTTBMJ")).sum();
        assertThat(red / cultivated).isBetween(0.80, 0.85);
    }

    @Test
    void redLineParcelsAreCopiesOfCultivatedParcels() {
        Map<String, Feature> byVillageAndNumber = new HashMap<>();
        for (Feature f : cultivated()) {
            byVillageAndNumber.put(f.get("ZLDWDM") + "/" + f.get("TBBH"), f);
        }
        Set<Object> numbers = new HashSet<>();
        for (Feature r : layer(LayerKind.RED_LINE)) {
            Feature d = byVillageAndNumber.get(r.get("ZLDWDM") + "/" + r.get("TBBH"));
            assertThat(d).as("source parcel of " + r.get("YJJBNTTBBH")).isNotNull();
            assertThat(r.geometry().equalsExact(d.geometry())).isTrue();
            assertThat(r.get("YJJBNTTBMJ")).isEqualTo(d.get("TBMJ"));
            assertThat(r.get("YJJBNTMJ")).isEqualTo(d.get("TBDLMJ"));
            assertThat(r.get("DLBM")).isEqualTo(d.get("DLBM"));
            assertThat((String) r.get("YJJBNTTBBH")).startsWith((String) r.get("XZQDM")).hasSize(15);
            assertThat(((String) r.get("XZQDM"))).startsWith(OPTIONS.countyCode()).hasSize(9);
            assertThat(numbers.add(r.get("YJJBNTTBBH"))).as("unique YJJBNTTBBH").isTrue();
            assertThat(r.get("BHKSSJ")).isNotNull();
        }
    }

    @Test
    void personalFieldsOfTheRedLineAreFilledWithPlausibleFakes() {
        for (Feature r : layer(LayerKind.RED_LINE)) {
            assertThat((String) r.get("ZRRMC")).matches("\\p{IsHan}{2,3}");
            String id = (String) r.get("ZRRZJHM");
            assertThat(id).matches("\\d{17}[\\dX]").startsWith(OPTIONS.countyCode());
            int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (id.charAt(i) - '0') * w[i];
            }
            assertThat(id.charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
            assertThat((String) r.get("LXDH")).matches("1[3589]\\d{9}");
        }
        assertThat(LayerCatalogue.type(LayerKind.RED_LINE, 4527).attribute("ZRRZJHM").personal()).isTrue();
    }

    @Test
    void reserveLiesOutsideTheRedLineOnGoodGentleLand() {
        Set<String> red = new HashSet<>();
        layer(LayerKind.RED_LINE).forEach(r -> red.add(r.get("ZLDWDM") + "/" + r.get("TBBH")));
        double redNet = layer(LayerKind.RED_LINE).stream().mapToDouble(f -> (Double) f.get("YJJBNTMJ")).sum();
        double reserve = 0;
        for (Feature f : layer(LayerKind.RESERVE)) {
            assertThat(red).doesNotContain(f.get("ZLDWDM") + "/" + f.get("TBBH"));
            assertThat(Integer.parseInt((String) f.get("GDPDJB"))).isLessThanOrEqualTo(3);
            assertThat(LandClass.isCultivated((String) f.get("DLBM"))).isTrue();
            reserve += (Double) f.get("TBDLMJ");
        }
        assertThat(reserve / redNet).isBetween(0.01, 0.06);
    }

    @Test
    void parcelCodesComeFromTheNationalCodeLists() {
        for (Feature f : layer(LayerKind.CULTIVATED_LAND)) {
            String dlbm = (String) f.get("DLBM");
            assertThat(CodeLists.DLBM.contains(dlbm)).as(dlbm).isTrue();
            assertThat(f.get("DLMC")).isEqualTo(LandClass.name(dlbm));
            assertThat(CodeLists.QSXZ.contains((String) f.get("QSXZ"))).isTrue();
            assertThat(f.get("SJNF")).isEqualTo(2024);
            if (LandClass.isCultivated(dlbm)) {
                assertThat(CodeLists.GDPDJB.contains((String) f.get("GDPDJB"))).isTrue();
                assertThat(CodeLists.GDDJ.contains(String.valueOf(f.get("GDDJ")))).isTrue();
                assertThat(CodeLists.GDDB.contains(String.valueOf(f.get("GDDB")))).isTrue();
                assertThat(CodeLists.ZZSXDM.contains((String) f.get("ZZSXDM"))).isTrue();
                boolean sloping = !"1".equals(f.get("GDPDJB"));
                assertThat(f.get("GDLX") != null).isEqualTo(sloping);
                if (sloping) {
                    assertThat(CodeLists.GDLX.contains((String) f.get("GDLX"))).isTrue();
                    assertThat((Double) f.get("KCXS")).isBetween(0.05, 0.15);
                    assertThat(f.get("KCDLBM")).isEqualTo("1203");
                }
            } else {
                assertThat(f.get("GDPDJB")).isNull();
                assertThat(f.get("GDDB")).isNull();
            }
            if (f.get("TBXHDM") != null) {
                assertThat(CodeLists.TBXHDM.contains((String) f.get("TBXHDM"))).isTrue();
            }
            boolean linear = List.of("1003", "1004", "1006", "1101", "1107").contains(dlbm);
            assertThat(f.get("XZDWKD") != null).as("XZDWKD of " + dlbm).isEqualTo(linear);
            if (linear) {
                assertThat((Double) f.get("XZDWKD")).isBetween(2.0, 15.0);
            }
        }
    }

    @Test
    void theLandUseMixIsRealistic() {
        Map<String, Double> share = new HashMap<>();
        double total = 0;
        for (Feature f : layer(LayerKind.CULTIVATED_LAND)) {
            double a = (Double) f.get("TBMJ");
            share.merge(LandClass.base((String) f.get("DLBM")), a, Double::sum);
            total += a;
        }
        for (String code : List.of("0101", "0102", "0103", "0201", "0301", "0305", "0701", "05H1", "0702", "1003",
                "1006", "1101", "1103", "1104", "1107", "1202")) {
            assertThat(share).as(code).containsKey(code);
        }
        double cultivated = share.get("0101") + share.get("0102") + share.get("0103");
        assertThat(cultivated / total).isBetween(0.45, 0.85);
        assertThat(share.get("0101") / cultivated).isBetween(0.25, 0.7);
        assertThat((share.get("0301") + share.get("0305")) / total).isBetween(0.05, 0.35);
    }

    @Test
    void netAreaIsGrossAreaLessTheDeduction() {
        for (Feature f : layer(LayerKind.CULTIVATED_LAND)) {
            double tbmj = (Double) f.get("TBMJ");
            double kcmj = (Double) f.get("KCMJ");
            assertThat((Double) f.get("TBDLMJ")).isCloseTo(tbmj - kcmj, within(0.0051));
            assertThat(kcmj).isCloseTo(tbmj * (Double) f.get("KCXS"), within(0.0051));
            assertThat(tbmj).isCloseTo(Areas.squareMetres(f.geometry(), OPTIONS.srid()), within(0.0051));
        }
    }

    @Test
    void parcelAreasAreEllipsoidalNotPlanar() {
        double planar = 0;
        double stored = 0;
        for (Feature f : layer(LayerKind.CULTIVATED_LAND)) {
            double tbmj = (Double) f.get("TBMJ");
            double oracle = GaussKrugerAreaOracle.squareMetres(f.geometry(), 39_500_000);
            assertThat(tbmj).isCloseTo(oracle, within(Math.max(0.011, oracle * 1e-5)));
            planar += f.geometry().getArea();
            stored += tbmj;
        }
        assertThat(stored).isLessThan(planar);
        Feature county = layer(LayerKind.COUNTY).get(0);
        double oracle = GaussKrugerAreaOracle.squareMetres(county.geometry(), 39_500_000);
        assertThat((Double) county.get("JSMJ")).isCloseTo(oracle, within(oracle * 1e-6));
    }

    @Test
    void slopeClassesAreSpatiallyCoherent() {
        List<Feature> fields = cultivated();
        STRtree index = new STRtree();
        for (Feature f : fields) {
            index.insert(f.geometry().getEnvelopeInternal(), f);
        }
        int pairs = 0;
        int close = 0;
        for (Feature f : fields) {
            for (Object o : index.query(f.geometry().getEnvelopeInternal())) {
                Feature n = (Feature) o;
                if (n == f || f.id().compareTo(n.id()) > 0 || !f.geometry().intersects(n.geometry())) {
                    continue;
                }
                pairs++;
                int d = Math.abs(Integer.parseInt((String) f.get("GDPDJB"))
                        - Integer.parseInt((String) n.get("GDPDJB")));
                if (d <= 1) {
                    close++;
                }
            }
        }
        assertThat(pairs).isGreaterThan(fields.size());
        assertThat(close / (double) pairs).isGreaterThan(0.95);
        Map<String, Long> classes = new HashMap<>();
        fields.forEach(f -> classes.merge((String) f.get("GDPDJB"), 1L, Long::sum));
        assertThat(classes.keySet()).contains("1", "2", "3");
        assertThat(classes.get("1")).isGreaterThan(fields.size() / 2L);
    }

    @Test
    void qualityIsBetterOnThePlain() {
        double flat = 0;
        double steep = 0;
        int nf = 0;
        int ns = 0;
        for (Feature f : cultivated()) {
            int grade = (Integer) f.get("GDDJ");
            if ("1".equals(f.get("GDPDJB"))) {
                flat += grade;
                nf++;
            } else if (Integer.parseInt((String) f.get("GDPDJB")) >= 3) {
                steep += grade;
                ns++;
            }
        }
        assertThat(flat / nf).isLessThan(steep / ns - 1);
    }

    @Test
    void administrativeCodesNest() {
        String county = OPTIONS.countyCode();
        Set<String> townships = new HashSet<>();
        for (Feature t : layer(LayerKind.TOWNSHIP)) {
            assertThat((String) t.get("XZQDM")).matches(county + "\\d{3}");
            assertThat((String) t.get("XZQMC")).matches("\\p{IsHan}+[镇乡]");
            townships.add((String) t.get("XZQDM"));
        }
        assertThat(layer(LayerKind.TOWNSHIP)).extracting(t -> t.get("XZQMC")).contains("城关镇");
        Set<String> villages = new HashSet<>();
        for (Feature v : layer(LayerKind.VILLAGE)) {
            String code = (String) v.get("ZLDWDM");
            assertThat(code).matches("\\d{19}");
            assertThat(townships).contains(code.substring(0, 9));
            assertThat(code.substring(0, 9)).isEqualTo(v.get("XZQDM"));
            assertThat((String) v.get("ZLDWMC")).matches("\\p{IsHan}+(村|社区)");
            assertThat(villages.add(code)).isTrue();
        }
        assertThat(layer(LayerKind.COUNTY).get(0).get("XZQDM")).isEqualTo(county);
        assertThat(layer(LayerKind.COUNTY).get(0).get("XZQMC")).isEqualTo("耕地示范县");
        Set<String> bsm = new HashSet<>();
        Set<String> parcelNumbers = new HashSet<>();
        for (Feature f : layer(LayerKind.CULTIVATED_LAND)) {
            assertThat(villages).contains((String) f.get("ZLDWDM"));
            assertThat((String) f.get("QSDWDM")).hasSize(19);
            assertThat((String) f.get("ZLDWMC")).matches("\\p{IsHan}+(村|社区)");
            assertThat(bsm.add((String) f.get("BSM"))).isTrue();
            assertThat(parcelNumbers.add(f.get("ZLDWDM") + "/" + f.get("TBBH"))).as("TBBH unique in village").isTrue();
        }
    }

    @Test
    void parcelsLieInTheVillageTheyAreTaggedWith() {
        Map<String, Geometry> villages = new HashMap<>();
        for (Feature v : layer(LayerKind.VILLAGE)) {
            villages.put((String) v.get("ZLDWDM"), v.geometry());
        }
        int checked = 0;
        for (Feature f : layer(LayerKind.CULTIVATED_LAND)) {
            if (checked++ % 7 != 0) {
                continue;
            }
            Geometry village = villages.get((String) f.get("ZLDWDM"));
            assertThat(village.covers(f.geometry().getInteriorPoint())).as("parcel " + f.id()).isTrue();
        }
    }

    @Test
    void thematicLayersCarryTheirAttributes() {
        for (Feature f : layer(LayerKind.HIGH_STANDARD_FARMLAND)) {
            assertThat((String) f.get("XMMC")).matches("20\\d\\d年\\p{IsHan}+[镇乡]高标准农田建设项目.*");
            assertThat((Integer) f.get("JSND")).isBetween(2011, 2024);
            assertThat((String) f.get("XMMC")).startsWith(f.get("JSND") + "年");
        }
        assertThat(layer(LayerKind.HIGH_STANDARD_FARMLAND)).extracting(f -> f.get("XMMC")).doesNotHaveDuplicates();
        for (LayerKind kind : List.of(LayerKind.ECOLOGICAL_RED_LINE, LayerKind.URBAN_BOUNDARY,
                LayerKind.HIGH_STANDARD_FARMLAND, LayerKind.RIVER_LAKE_RANGE, LayerKind.WATER_SOURCE_AREA)) {
            for (Feature f : layer(kind)) {
                assertThat((Double) f.get("MJ")).as(kind.name()).isPositive();
                assertThat((String) f.get("XZQDM")).matches(OPTIONS.countyCode() + "\\d{3}");
            }
        }
        assertThat(layer(LayerKind.ECOLOGICAL_RED_LINE)).allSatisfy(f -> assertThat(CodeLists.HXLX.contains(
                (String) f.get("HXLX"))).isTrue());
    }

    @Test
    void redLineStaysOutOfTheUrbanBoundaryAndMostlyOutOfTheEcologicalRedLine() {
        Geometry urban = UnaryUnionOp.union(layer(LayerKind.URBAN_BOUNDARY).stream().map(Feature::geometry).toList());
        Geometry eco = UnaryUnionOp.union(layer(LayerKind.ECOLOGICAL_RED_LINE).stream().map(Feature::geometry)
                .toList());
        double red = 0;
        double inUrban = 0;
        double inEco = 0;
        for (Feature f : layer(LayerKind.RED_LINE)) {
            Geometry g = f.geometry();
            red += g.getArea();
            if (g.intersects(urban)) {
                inUrban += g.intersection(urban).getArea();
            }
            if (g.intersects(eco)) {
                inEco += g.intersection(eco).getArea();
            }
        }
        assertThat(inUrban / red).isLessThan(1e-6);
        assertThat(inEco / red).isLessThan(0.03);
    }

    @Test
    void theSameSeedGivesTheSameCountyAndAnotherSeedAnother() throws Exception {
        SampleCountyOptions small = OPTIONS.withCultivatedParcels(600);
        String a = digest(SampleCounty.features(small, ProgressListener.NONE));
        String b = digest(SampleCounty.features(small, ProgressListener.NONE));
        String c = digest(SampleCounty.features(small.withSeed(7), ProgressListener.NONE));
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
    }

    static String digest(Map<LayerKind, List<Feature>> layers) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (Map.Entry<LayerKind, List<Feature>> e : layers.entrySet()) {
            md.update(e.getKey().layerName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Feature f : e.getValue()) {
                md.update(f.id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(f.geometry().toText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(f.properties().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    @Test
    void generateWritesEveryLayerToTheStoreAndReportsProgress() {
        SampleCountyOptions small = OPTIONS.withCultivatedParcels(600);
        List<String> stages = new ArrayList<>();
        try (MemoryFeatureStore store = new MemoryFeatureStore()) {
            SampleCountyReport report = SampleCounty.generate(small, store, (stage, done, total) -> {
                assertThat(done).isBetween(0L, Math.max(total, done));
                if (stages.isEmpty() || !stages.get(stages.size() - 1).equals(stage)) {
                    stages.add(stage);
                }
            });
            assertThat(store.layerNames()).hasSize(LayerKind.values().length);
            for (LayerKind kind : LayerKind.values()) {
                FeatureSource s = store.require(kind.layerName());
                assertThat(s.count(Query.ALL)).isEqualTo(report.featureCounts().get(kind.layerName()).longValue());
                assertThat(s.schema()).isEqualTo(LayerCatalogue.type(kind, small.srid()));
            }
            assertThat(report.redLineShare()).isBetween(0.80, 0.85);
            assertThat(report.summary()).contains("DLTB");
        }
        assertThat(stages).contains("parcels", "zones", "write DLTB", "write YJJBNTBHTB");
    }
}
