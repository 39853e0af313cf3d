package org.gengdi.process.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.process.LayerFixture;
import org.gengdi.core.rules.Finding;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * Plan verdicts on hand-built fixtures: each rule the validation decides from data has a passing and a failing
 * case. The county: red-line parcels R1–R4 (1 ha each, in a row), land-use parcels everywhere, a reserve in the
 * east, an ecological red line in the north, high-standard farmland over R4.
 */
class PlanValidationOpTest {
    static final double X = 39_500_000;
    static final double Y = 3_540_000;

    static String box(double x0, double y0, double x1, double y1) {
        return String.format(java.util.Locale.ROOT, "MULTIPOLYGON(((%f %f, %f %f, %f %f, %f %f, %f %f)))", X + x0,
                Y + y0, X + x1, Y + y0, X + x1, Y + y1, X + x0, Y + y1, X + x0, Y + y0);
    }

    /** A land-use parcel. */
    private static LayerFixture dltb(LayerFixture fx, String bsm, String wkt, String dlbm, String slope, int grade,
                                     String county) {
        return fx.add(LayerKind.CULTIVATED_LAND, wkt, "BSM", bsm, "DLBM", dlbm, "GDPDJB", slope, "GDDJ", grade,
                "KCXS", 0.0, "ZLDWDM", county + "001001000000000");
    }

    private static LayerFixture county() {
        LayerFixture fx = new LayerFixture();
        String[] slopes = {"2", "2", "4", "2"};
        for (int i = 0; i < 4; i++) {
            String wkt = box(i * 100, 0, i * 100 + 100, 100);
            fx.add(LayerKind.RED_LINE, wkt, "YJJBNTTBBH", "R" + (i + 1), "DLBM", "0101", "GDPDJB", slopes[i],
                    "GDDJ", 3, "KCXS", 0.0, "XZQDM", "410101");
            dltb(fx, "D-R" + (i + 1), wkt, "0101", slopes[i], 3, "410101");
        }
        dltb(fx, "A-adj", box(400, 0, 500, 100), "0101", "2", 2, "410101");        // adjoins R4, paddy, good
        dltb(fx, "A-dry", box(-100, 0, 0, 100), "0103", "2", 2, "410101");         // adjoins R1, dry land
        dltb(fx, "A-poor", box(0, 100, 100, 200), "0101", "2", 7, "410101");       // above R1, poor grade
        dltb(fx, "A-steep", box(100, 100, 200, 200), "0101", "5", 2, "410101");    // over 25°
        dltb(fx, "A-forest", box(200, 100, 300, 200), "0301", "2", 0, "410101");   // not cultivated
        dltb(fx, "A-esr", box(300, 100, 400, 200), "0101", "2", 2, "410101");      // in the ecological red line
        dltb(fx, "A-far", box(2000, 0, 2100, 100), "0101", "2", 2, "410101");      // far from the red line
        dltb(fx, "A-small", box(400, -50, 450, 0), "0101", "2", 2, "410101");      // half a hectare… a quarter
        dltb(fx, "A-other", box(0, -100, 100, 0), "0101", "2", 2, "410202");       // another county
        fx.add(LayerKind.RESERVE, box(380, -120, 520, 120), "CBQTBBH", "C1");
        fx.add(LayerKind.ECOLOGICAL_RED_LINE, box(300, 100, 400, 300), "HXMC", "生态");
        fx.add(LayerKind.HIGH_STANDARD_FARMLAND, box(300, 0, 400, 100), "XMMC", "高标准");
        fx.empty(LayerKind.URBAN_BOUNDARY);
        return fx;
    }

    private record Run(Map<String, String> verdicts, PlanValidationOp.Result result) {
        String v(String rule) {
            return verdicts.get(rule);
        }
    }

    private static Run run(String type, String context, List<String> removed, List<String> added, Double task,
                           Map<String, Set<String>> reasons, Double maxShare, String footprint) throws Exception {
        LayerFixture fx = county();
        FarmlandLayers layers = new FarmlandLayers(fx, Map.of());
        List<GeoFeature> adds = new ArrayList<>();
        for (String a : added) {
            String wkt = switch (a) {
                case "A-adj" -> box(400, 0, 500, 100);
                case "A-dry" -> box(-100, 0, 0, 100);
                case "A-poor" -> box(0, 100, 100, 200);
                case "A-steep" -> box(100, 100, 200, 200);
                case "A-forest" -> box(200, 100, 300, 200);
                case "A-esr" -> box(300, 100, 400, 200);
                case "A-far" -> box(2000, 0, 2100, 100);
                case "A-small" -> box(400, -50, 450, 0);
                case "A-other" -> box(0, -100, 100, 0);
                case "A-overlap" -> box(50, 0, 150, 100);
                default -> throw new IllegalArgumentException(a);
            };
            adds.add(new GeoFeature(a, new WKTReader().read(wkt).getGeometryN(0), Map.of()));
        }
        Geometry fp = footprint == null ? null : new WKTReader().read(footprint);
        PlanValidationOp.Result r = PlanValidationOp.validate(new PlanValidationOp.Plan(type, context, removed, adds,
                task, reasons, "GDDJ", null, maxShare, fp), new AnalysisZone(4527), layers, fx, null);
        Map<String, String> v = new java.util.HashMap<>();
        for (Finding f : r.findings()) {
            v.put(f.rule().id(), f.verdict().name());
        }
        return new Run(v, r);
    }

    private static Run simple(List<String> removed, List<String> added) throws Exception {
        return run("MAJOR_PROJECT", "NORMAL", removed, added, null, Map.of(), null, null);
    }

    @Test
    void quantityQualityPaddy() throws Exception {
        Run ok = simple(List.of("R1"), List.of("A-adj"));
        assertThat(ok.v("R-BAL-QTY")).isEqualTo("PASS");
        assertThat(ok.v("R-BAL-QLT")).isEqualTo("PASS");
        assertThat(ok.v("R-BAL-PADDY")).isEqualTo("PASS");
        assertThat(ok.v("R-CONTIG-ADJ")).isEqualTo("PASS");
        assertThat(ok.v("R-RES-SOURCE")).isEqualTo("PASS");
        assertThat(ok.v("R-SLOPE-25-BUBU")).isEqualTo("PASS");
        assertThat(ok.result().report().path("balance").path("before").path("parcels").asInt()).isEqualTo(4);
        assertThat(ok.result().report().path("balance").path("after").path("net").path("m2").asDouble())
                .isCloseTo(40_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(simple(List.of("R4"), List.of("A-small")).v("R-BAL-QTY")).isEqualTo("FAIL");
        assertThat(simple(List.of("R1"), List.of("A-poor")).v("R-BAL-QLT")).isEqualTo("FAIL");
        assertThat(simple(List.of("R1"), List.of("A-dry")).v("R-BAL-PADDY")).isEqualTo("WARN");
    }

    @Test
    void additionEligibility() throws Exception {
        Run steep = simple(List.of("R1"), List.of("A-steep"));
        assertThat(steep.v("R-SLOPE-25-BUBU")).isEqualTo("FAIL");
        assertThat(steep.result().findings().stream().filter(f -> f.rule().id().equals("R-SLOPE-25-BUBU"))
                .findFirst().orElseThrow().parcels()).containsExactly("A-steep");
        assertThat(simple(List.of("R1"), List.of("A-forest")).v("R-SLOPE-25-BUBU")).isEqualTo("FAIL");
        Run esr = simple(List.of("R1"), List.of("A-esr"));
        assertThat(esr.v("R-OCC-THREE-LINES")).isEqualTo("FAIL");
        assertThat(esr.v("R-BAL-ECO")).isEqualTo("FAIL");
        assertThat(simple(List.of("R1"), List.of("A-dry")).v("R-RES-SOURCE")).isEqualTo("WARN");
        assertThat(simple(List.of("R1"), List.of("A-far")).v("R-CONTIG-ADJ")).isEqualTo("WARN");
        assertThat(simple(List.of("R1"), List.of("A-other")).v("R-SCOPE-COUNTY")).isEqualTo("WARN");
        assertThat(simple(List.of("R1"), List.of("A-dry")).v("R-SCOPE-COUNTY")).isEqualTo("PASS");
    }

    @Test
    void dataQualityIsCheckOne() throws Exception {
        Run unknown = simple(List.of("R9"), List.of("A-adj"));
        assertThat(unknown.result().report().path("checklist").get(0).path("verdict").asText()).isEqualTo("FAIL");
        assertThat(unknown.result().report().path("overall").asText()).isEqualTo("FAIL");
        Run overlap = simple(List.of("R4"), List.of("A-overlap"));
        assertThat(overlap.result().report().path("checklist").get(0).path("problems").toString())
                .contains("A-overlap");
        assertThat(simple(List.of("R4"), List.of("A-adj")).result().report().path("checklist").get(0)
                .path("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void gatesOfAnnualAdjustments() throws Exception {
        // reserve: the cultivated part of C1 is A-adj (1 ha) + A-small (0.25 ha) = 12,500 m²
        Run pass = run("ART17", "NORMAL", List.of("R3"), List.of("A-adj"), 1_000_000.0,
                Map.of("R3", Set.of("SLOPE15")), null, null);
        assertThat(pass.v("R-RES-1PCT")).isEqualTo("PASS");
        assertThat(pass.v("R-ADJ-PAIRED")).isEqualTo("PASS");
        assertThat(pass.v("R-ADJ-REMOVE-CRIT")).isEqualTo("HUMAN");
        assertThat(pass.v("R-TASK")).isEqualTo("FAIL"); // 4 ha after < 100 ha task
        Run fail = run("ART17", "NORMAL", List.of("R1"), List.of(), 2_000_000.0, Map.of("R1", Set.of("SLOPE15")),
                null, null);
        assertThat(fail.v("R-RES-1PCT")).isEqualTo("FAIL");
        assertThat(fail.v("R-ADJ-PAIRED")).isEqualTo("FAIL");
        assertThat(fail.v("R-ADJ-REMOVE-CRIT")).isEqualTo("WARN");   // R1 is at class 2, not ≥ 15°
        assertThat(run("ART17", "NORMAL", List.of("R1"), List.of("A-dry"), null, Map.of(), null, null)
                .v("R-RES-1PCT")).isEqualTo("NOT_EVALUATED");
        assertThat(run("MAJOR_PROJECT", "NORMAL", List.of("R1"), List.of("A-dry"), 30_000.0, Map.of(), null, null)
                .v("R-TASK")).isEqualTo("PASS");
    }

    @Test
    void contextScaleEvasionAndHighStandardFarmland() throws Exception {
        assertThat(run("ART17", "ESR_ADJUSTMENT", List.of("R1"), List.of("A-dry"), null, Map.of(), null, null)
                .v("R-ADJ-NO-PIGGYBACK")).isEqualTo("FAIL");
        assertThat(run("ART18", "ESR_ADJUSTMENT", List.of("R1"), List.of("A-dry"), null, Map.of(), null, null)
                .v("R-ADJ-NO-PIGGYBACK")).isEqualTo("PASS");
        assertThat(run("ART17", "NORMAL", List.of("R1", "R2"), List.of("A-dry", "A-adj"), null, Map.of(), 0.25, null)
                .v("R-ADJ-SMALL")).isEqualTo("WARN");
        assertThat(run("ART17", "NORMAL", List.of("R1"), List.of("A-dry"), null, Map.of(), 0.3, null)
                .v("R-ADJ-SMALL")).isEqualTo("PASS");
        String site = box(10, 10, 20, 20).replace("MULTIPOLYGON(((", "POLYGON((").replace(")))", "))");
        assertThat(run("MAJOR_PROJECT", "NORMAL", List.of("R1"), List.of("A-dry"), null, Map.of(), null, site)
                .v("R-ADJ-NO-EVASION")).isEqualTo("WARN");
        assertThat(run("MAJOR_PROJECT", "NORMAL", List.of("R2"), List.of("A-dry"), null, Map.of(), null, site)
                .v("R-ADJ-NO-EVASION")).isEqualTo("PASS");
        assertThat(simple(List.of("R4"), List.of("A-adj")).v("R-HSF-NOLOSS")).isEqualTo("WARN");
        assertThat(simple(List.of("R1"), List.of("A-dry")).v("R-HSF-NOLOSS")).isEqualTo("PASS");
        Run changes = simple(List.of("R1"), List.of("A-dry"));
        assertThat(changes.result().changes()).extracting(g -> g.properties().get("HRHCLXDM"))
                .containsExactly("2", "1");
    }
}
