package org.gengdi.process.occupation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.process.LayerFixture;
import org.gengdi.core.measure.EllipsoidalArea;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/**
 * The occupation analysis on awkward geometry: a multipolygon footprint with a hole that crosses the county edge,
 * parcels that touch it only along edges or at a corner, and a sliver; nothing throws and the areas add up.
 */
class OccupationOpTest {
    static final double X = 39_500_000;
    static final double Y = 3_540_000;

    static String box(double x0, double y0, double x1, double y1) {
        return AvoidanceOpTest.box(x0, y0, x1, y1);
    }

    private static ProjectFacts facts(String category, boolean temporary, String start, String end) {
        return new ProjectFacts("t", category, "CONSTRUCTION", false, temporary,
                start == null ? null : LocalDate.parse(start), end == null ? null : LocalDate.parse(end), false, 50.0,
                null, null, null);
    }

    private static String verdict(JsonNode report, String rule) {
        for (JsonNode f : report.path("findings")) {
            if (f.path("rule").asText().equals(rule)) {
                return f.path("verdict").asText();
            }
        }
        return null;
    }

    @Test
    void awkwardGeometryAddsUp() throws Exception {
        LayerFixture fx = new LayerFixture()
                // the county: 0..400 × 0..200 in four land-use parcels; the footprint reaches beyond x = 400
                .add(LayerKind.CULTIVATED_LAND, box(0, 0, 100, 200), "DLBM", "0101", "KCXS", 0.1, "GDDJ", 3,
                        "ZLDWDM", "410101001001000000000", "SJNF", 2020)
                .add(LayerKind.CULTIVATED_LAND, box(100, 0, 200, 200), "DLBM", "0103", "KCXS", 0.0, "GDDJ", 5,
                        "ZLDWDM", "410101001002000000000", "SJNF", 2020)
                .add(LayerKind.CULTIVATED_LAND, box(200, 0, 399.999, 200), "DLBM", "0702", "ZLDWDM",
                        "410101001002000000000", "SJNF", 2020)
                .add(LayerKind.CULTIVATED_LAND, box(399.999, 0, 400, 200), "DLBM", "1003", "ZLDWDM",
                        "410101001002000000000", "SJNF", 2020)                               // a 1 mm sliver
                .add(LayerKind.RED_LINE, box(0, 0, 100, 200), "YJJBNTTBBH", "R1", "DLBM", "0101", "KCXS", 0.1,
                        "GDDJ", 3)
                .add(LayerKind.RED_LINE, box(-50, 0, 0, 200), "YJJBNTTBBH", "R0", "DLBM", "0101")  // touches only
                .add(LayerKind.ECOLOGICAL_RED_LINE, box(450, 0, 500, 50), "HXMC", "角点", "HXLX", "01"); // corner
        FarmlandLayers layers = new FarmlandLayers(fx, Map.of());
        Geometry footprint = new WKTReader().read(String.format(java.util.Locale.ROOT,
                "MULTIPOLYGON(((%1$f %2$f, %3$f %2$f, %3$f %4$f, %1$f %4$f, %1$f %2$f), (%5$f %6$f, %7$f %6$f, "
                        + "%7$f %8$f, %5$f %8$f, %5$f %6$f)), ((%9$f %2$f, %10$f %2$f, %10$f %4$f, %9$f %4$f, "
                        + "%9$f %2$f)))", X + 0, Y + 50, X + 150, Y + 150, X + 20, Y + 70, X + 40, Y + 90, X + 380,
                X + 450));
        assertThat(footprint.isValid()).isTrue();
        OccupationOp.OccupationResult r = OccupationOp.analyse(footprint, new AnalysisZone(4527),
                facts("GENERAL", true, "2026-01-01", "2029-01-01"), layers, LocalDate.of(2026, 11, 23));
        double fp = EllipsoidalArea.squareMetres(footprint, 4527);
        JsonNode report = r.report();
        double covered = report.path("landUse").path("covered").path("m2").asDouble();
        double outside = report.path("landUse").path("outsideParcels").path("m2").asDouble();
        assertThat(covered + outside).isCloseTo(fp, org.assertj.core.data.Offset.offset(0.02));
        // the red line: R1 ∩ first polygon minus the hole = 100 × 100 − 20 × 20; R0 only touches (no area)
        assertThat(r.figures().redLineGross()).isCloseTo(9_600, org.assertj.core.data.Offset.offset(0.5));
        assertThat(r.figures().redLineNet()).isCloseTo(9_600 * 0.9, org.assertj.core.data.Offset.offset(0.5));
        assertThat(r.figures().redLineParcels()).isEqualTo(1);
        assertThat(r.figures().esr()).isZero();                         // the corner touch has no area
        assertThat(verdict(report, "R-OCC-GENERAL-BAN")).isEqualTo("FAIL");
        assertThat(verdict(report, "R-OCC-TEMP")).isEqualTo("WARN");      // three years > two
        assertThat(verdict(report, "R-DATA-YEAR")).isEqualTo("WARN");     // 2020 data in 2026
        assertThat(verdict(report, "R-FEE-PBF-2X")).isEqualTo("INFO");
        // the fee: 50 元/m² × non-PBF cultivated net + 2 × 50 × PBF net
        double cultivatedNet = report.path("cultivated").path("net").path("m2").asDouble();
        double fee = 50 * (cultivatedNet - r.figures().redLineNet()) + 100 * r.figures().redLineNet();
        JsonNode feeFinding = null;
        for (JsonNode f : report.path("findings")) {
            if (f.path("rule").asText().equals("R-FEE-PBF-2X")) {
                feeFinding = f;
            }
        }
        assertThat(feeFinding.path("values").path("fee_yuan").asDouble()).isCloseTo(fee,
                org.assertj.core.data.Offset.offset(1.0));
        // layers the fixture does not publish are reported as not evaluated, never as passing
        assertThat(verdict(report, "R-HSF-NOLOSS")).isEqualTo("NOT_EVALUATED");
        assertThat(verdict(report, "R-RES-STATUS")).isEqualTo("NOT_EVALUATED");
        assertThat(report.path("urbanBoundary").path("notEvaluated").asText()).contains("CZKFBJ");
        String html = OccupationReportHtml.render(report, footprint, r.pieces(), new AnalysisZone(4527));
        assertThat(html).contains("R-OCC-GENERAL-BAN", "NOT_EVALUATED", "data:image/png;base64,");
    }

    @Test
    void majorProjectsAreHumanAndProhibitedUsesFail() throws Exception {
        LayerFixture fx = new LayerFixture()
                .add(LayerKind.CULTIVATED_LAND, box(0, 0, 100, 100), "DLBM", "0101", "SJNF", 2025)
                .add(LayerKind.RED_LINE, box(0, 0, 100, 100), "YJJBNTTBBH", "R1", "DLBM", "0101");
        Geometry fp = new WKTReader().read(box(10, 10, 20, 20)).getGeometryN(0);
        FarmlandLayers layers = new FarmlandLayers(fx, Map.of());
        JsonNode major = OccupationOp.analyse(fp, new AnalysisZone(4527), facts("CENTRAL_MAJOR", false, null, null),
                layers, LocalDate.of(2026, 11, 23)).report();
        assertThat(verdict(major, "R-OCC-MAJOR")).isEqualTo("HUMAN");
        assertThat(verdict(major, "R-OCC-GENERAL-BAN")).isNull();
        JsonNode undeclared = OccupationOp.analyse(fp, new AnalysisZone(4527), facts(null, false, null, null),
                layers, LocalDate.of(2026, 11, 23)).report();
        assertThat(verdict(undeclared, "R-OCC-GENERAL-BAN")).isEqualTo("NOT_EVALUATED");
        ProjectFacts lake = new ProjectFacts("湖", "GENERAL", "LANDSCAPE_LAKE", false, false, null, null, false, null,
                null, null, null);
        JsonNode prohibited = OccupationOp.analyse(fp, new AnalysisZone(4527), lake, layers,
                LocalDate.of(2026, 11, 23)).report();
        assertThat(verdict(prohibited, "R-OCC-PROHIBITED")).isEqualTo("FAIL");
        ProjectFacts permanent = new ProjectFacts("t", "GENERAL", "CONSTRUCTION", false, true,
                LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), true, null, null, null, null);
        assertThat(verdict(OccupationOp.analyse(fp, new AnalysisZone(4527), permanent, layers,
                LocalDate.of(2026, 11, 23)).report(), "R-OCC-TEMP")).isEqualTo("FAIL");
        assertThat(verdict(major, "R-DATA-YEAR")).isEqualTo("PASS");
    }
}
