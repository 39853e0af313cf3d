package org.gengdi.process.occupation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.process.LayerFixture;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** Avoidance on hand-built layers whose answer is known: a road across a red-line block goes around it. */
class AvoidanceOpTest {
    static final double X = 39_500_000;
    static final double Y = 3_540_000;

    static String box(double x0, double y0, double x1, double y1) {
        return String.format(java.util.Locale.ROOT, "MULTIPOLYGON(((%f %f, %f %f, %f %f, %f %f, %f %f)))", X + x0,
                Y + y0, X + x1, Y + y0, X + x1, Y + y1, X + x0, Y + y1, X + x0, Y + y0);
    }

    static ProjectFacts facts(String category) {
        return new ProjectFacts("road", category, "CONSTRUCTION", true, false, null, null, false, null,
                null, null, null);
    }

    @Test
    void aRoadAcrossARedLineBlockGoesAroundIt() throws Exception {
        // a 400 m × 1,200 m red-line block across the straight route, an impassable ecological red line north of it
        LayerFixture fx = new LayerFixture()
                .add(LayerKind.RED_LINE, box(800, -600, 1200, 600), "YJJBNTTBBH", "RL1", "DLBM", "0101",
                        "KCXS", 0.0, "GDDJ", 3)
                .add(LayerKind.ECOLOGICAL_RED_LINE, box(700, 600, 1300, 2000), "HXMC", "山地", "HXLX", "01")
                .empty(LayerKind.CULTIVATED_LAND);
        FarmlandLayers layers = new FarmlandLayers(fx, Map.of());
        Geometry line = new WKTReader().read(String.format(java.util.Locale.ROOT, "LINESTRING(%f %f, %f %f)", X, Y,
                X + 2000, Y));
        AvoidanceOp.Result r = AvoidanceOp.route(line, 20, new AnalysisZone(4527), facts("STATE_PLAN_INFRA"),
                layers, fx);
        assertThat(r.report().path("found").asBoolean()).as(r.report().toString()).isTrue();
        var cmp = r.report().path("comparison");
        double declared = cmp.get(0).path("redLineGross").path("m2").asDouble();
        double alternative = cmp.get(1).path("redLineGross").path("m2").asDouble();
        assertThat(declared).isCloseTo(20 * 400, org.assertj.core.data.Offset.offset(20.0));
        assertThat(alternative).isLessThan(declared * 0.05);
        assertThat(cmp.get(1).path("ecologicalRedLine").path("m2").asDouble()).isZero();
        Geometry alt = r.alternatives().get(0).geometry();
        // it detours south of the block (north is blocked) and keeps the end points
        assertThat(alt.getEnvelopeInternal().getMinY()).isLessThan(Y - 600);
        assertThat(alt.getCoordinates()[0].distance(line.getCoordinates()[0])).isLessThan(1e-6);
    }

    @Test
    void aBlockSiteMovesOffTheRedLine() throws Exception {
        LayerFixture fx = new LayerFixture()
                .add(LayerKind.RED_LINE, box(0, 0, 300, 300), "YJJBNTTBBH", "RL1", "DLBM", "0101", "KCXS", 0.0)
                .empty(LayerKind.CULTIVATED_LAND);
        FarmlandLayers layers = new FarmlandLayers(fx, Map.of());
        Geometry site = new WKTReader().read(box(100, 100, 200, 200)).getGeometryN(0);
        AvoidanceOp.Result r = AvoidanceOp.placements(site, 400, new AnalysisZone(4527), facts("GENERAL"), layers,
                fx);
        var cmp = r.report().path("comparison");
        assertThat(cmp.get(0).path("redLineGross").path("m2").asDouble()).isCloseTo(10_000,
                org.assertj.core.data.Offset.offset(5.0));
        assertThat(cmp.get(1).path("redLineGross").path("m2").asDouble()).isZero();
        assertThat(r.alternatives()).hasSize(3);
    }
}
