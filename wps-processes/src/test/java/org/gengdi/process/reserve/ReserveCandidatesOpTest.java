package org.gengdi.process.reserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.process.LayerFixture;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The ranking on hand-built parcels: exclusions, reserve first, near to far, better grade first, area covered. */
class ReserveCandidatesOpTest {
    static final double X = 39_500_000;
    static final double Y = 3_540_000;

    static String box(double x0, double y0, double x1, double y1) {
        return String.format(java.util.Locale.ROOT, "MULTIPOLYGON(((%f %f, %f %f, %f %f, %f %f, %f %f)))", X + x0,
                Y + y0, X + x1, Y + y0, X + x1, Y + y1, X + x0, Y + y1, X + x0, Y + y0);
    }

    private static Object[] parcel(String bsm, String dlbm, String slope, int grade) {
        return new Object[] {"BSM", bsm, "DLBM", dlbm, "GDPDJB", slope, "GDDJ", grade, "KCXS", 0.0};
    }

    @Test
    void ranksAndCovers() throws Exception {
        // 100 m × 100 m parcels (1 ha each) east of a site at the origin
        LayerFixture fx = new LayerFixture()
                .add(LayerKind.CULTIVATED_LAND, box(200, 0, 300, 100), parcel("red", "0101", "1", 2))
                .add(LayerKind.RED_LINE, box(200, 0, 300, 100), "YJJBNTTBBH", "R1")
                .add(LayerKind.CULTIVATED_LAND, box(400, 0, 500, 100), parcel("esr", "0101", "1", 2))
                .add(LayerKind.ECOLOGICAL_RED_LINE, box(390, -10, 510, 110), "HXMC", "x")
                .add(LayerKind.CULTIVATED_LAND, box(600, 0, 700, 100), parcel("steep", "0103", "5", 3))
                .add(LayerKind.CULTIVATED_LAND, box(800, 0, 900, 100), parcel("near-good", "0101", "2", 2))
                .add(LayerKind.CULTIVATED_LAND, box(950, 0, 1050, 100), parcel("near-poor", "0103", "2", 8))
                .add(LayerKind.CULTIVATED_LAND, box(2500, 0, 2600, 100), parcel("far-reserve", "0103", "2", 6))
                .add(LayerKind.RESERVE, box(2490, -10, 2610, 110), "CBQTBBH", "C1")
                .add(LayerKind.CULTIVATED_LAND, box(0, 600, 100, 700), parcel("road", "1003", "1", 0))
                .empty(LayerKind.HIGH_STANDARD_FARMLAND);
        FarmlandLayers layers = new FarmlandLayers(fx, Map.of());
        Geometry site = new WKTReader().read(box(0, 0, 100, 100));
        ReserveCandidatesOp.Result r = ReserveCandidatesOp.select(site, 5000, 15_000, 0, "GDDJ",
                new AnalysisZone(4527), layers, fx);
        List<String> order = r.candidates().stream().map(GeoFeature::properties).map(p -> (String) p.get("BSM"))
                .toList();
        // the reserve parcel first (R-RES-SOURCE), then the nearer, better one; 2 ha cover 1.5 ha
        assertThat(order).containsExactly("far-reserve", "near-good");
        assertThat(r.netArea()).isCloseTo(20_000, org.assertj.core.data.Offset.offset(20.0));
        assertThat(r.summary().path("covered").asBoolean()).isTrue();
        assertThat(r.summary().path("eligibleParcels").asInt()).isEqualTo(3);
        assertThat(r.summary().path("excluded").path("redLineOrSite").asInt()).isEqualTo(1);
        assertThat(r.summary().path("excluded").path("ecologicalRedLine").asInt()).isEqualTo(1);
        assertThat(r.summary().path("excluded").path("slopeOver25").asInt()).isEqualTo(1);
        assertThat(r.candidates().get(1).properties().get("priority")).isEqualTo("P4");

        // paddy still missing after the area is covered: only paddy parcels are added
        ReserveCandidatesOp.Result p = ReserveCandidatesOp.select(site, 5000, 5_000, 5_000, "GDDJ",
                new AnalysisZone(4527), layers, fx);
        assertThat(p.candidates().stream().map(f -> f.properties().get("BSM")).toList())
                .containsExactly("far-reserve", "near-good");
        assertThat(p.paddyArea()).isCloseTo(10_000, org.assertj.core.data.Offset.offset(10.0));
    }
}
