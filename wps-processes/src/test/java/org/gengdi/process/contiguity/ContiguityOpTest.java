package org.gengdi.process.contiguity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.measure.AreaUnit;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The §C.4 fixtures, and indicator values computed by hand for a tiny region. */
class ContiguityOpTest {
    private static final GeometryFactory GF = new GeometryFactory();
    private static final ContiguityParameters P = ContiguityParameters.defaults();

    private static ContiguityOp.Parcel box(String id, double x0, double y0, double x1, double y1, String slope) {
        Geometry g = GF.toGeometry(new Envelope(x0, x1, y0, y1));
        return new ContiguityOp.Parcel(id, g, slope, g.getArea());
    }

    @Test
    void gapsUpToDBridgeJoin() {
        ContiguityOp.Result joined = ContiguityOp.compute(List.of(box("a", 0, 0, 10, 10, "1"),
                box("b", 17.9, 0, 27.9, 10, "1")), 1e6, P);
        assertThat(joined.patches()).hasSize(1);
        ContiguityOp.Result apart = ContiguityOp.compute(List.of(box("a", 0, 0, 10, 10, "1"),
                box("b", 18.1, 0, 28.1, 10, "1")), 1e6, P);
        assertThat(apart.patches()).hasSize(2);
        // a gap of exactly dBridge joins (≤)
        assertThat(ContiguityOp.compute(List.of(box("a", 0, 0, 10, 10, "1"), box("b", 18, 0, 28, 10, "1")), 1e6, P)
                .patches()).hasSize(1);
    }

    @Test
    void aChainBecomesOnePatchThatCrossesTheThreshold() {
        // 20 parcels of 60 m × 60 m, 5 m apart: 72,000 m² > 100 亩 (66,666.7 m²); 19 of them would not be
        List<ContiguityOp.Parcel> chain = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            chain.add(box("p" + i, i * 65, 0, i * 65 + 60, 60, "1"));
        }
        ContiguityOp.Result r = ContiguityOp.compute(chain, 1e7, P);
        assertThat(r.patches()).hasSize(1);
        assertThat(r.patches().get(0).area()).isCloseTo(72_000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.patches().get(0).patchClass()).isEqualTo(ContiguityOp.PatchClass.CONTIGUOUS);
        ContiguityOp.Result shorter = ContiguityOp.compute(chain.subList(0, 18), 1e7, P);
        assertThat(shorter.patches().get(0).patchClass()).isEqualTo(ContiguityOp.PatchClass.INTERMEDIATE);
        // a gap of 9 m in the middle splits it
        List<ContiguityOp.Parcel> broken = new ArrayList<>(chain.subList(0, 10));
        for (int i = 10; i < 20; i++) {
            broken.add(box("q" + i, i * 65 + 4, 0, i * 65 + 64, 60, "1"));
        }
        assertThat(ContiguityOp.compute(broken, 1e7, P).patches()).hasSize(2);
    }

    @Test
    void hillsHaveALowerThreshold() {
        double side = Math.sqrt(AreaUnit.MU.toSquareMetres(60));
        // 60 亩 in one patch: two parcels, 60 % of the area at slope class 4
        ContiguityOp.Parcel steep = box("s", 0, 0, side * 0.6, side, "4");
        ContiguityOp.Parcel flat = box("f", side * 0.6, 0, side, side, "1");
        ContiguityOp.Result hilly = ContiguityOp.compute(List.of(steep, flat), 1e7, P);
        assertThat(hilly.patches().get(0).hilly()).isTrue();
        assertThat(hilly.patches().get(0).patchClass()).isEqualTo(ContiguityOp.PatchClass.CONTIGUOUS);
        ContiguityOp.Result plain = ContiguityOp.compute(List.of(box("s", 0, 0, side * 0.6, side, "2"), flat), 1e7, P);
        assertThat(plain.patches().get(0).hilly()).isFalse();
        assertThat(plain.patches().get(0).patchClass()).isEqualTo(ContiguityOp.PatchClass.INTERMEDIATE);
        // 4 亩 alone on the plain is fragmented
        double small = Math.sqrt(AreaUnit.MU.toSquareMetres(4));
        assertThat(ContiguityOp.compute(List.of(box("x", 0, 0, small, small, "1")), 1e7, P).patches().get(0)
                .patchClass()).isEqualTo(ContiguityOp.PatchClass.FRAGMENTED);
    }

    @Test
    void indicatorsByHand() {
        // a 300 m × 300 m square (9 ha = 135 亩, contiguous) and a 50 m × 50 m square far away (0.25 ha = 3.75 亩,
        // fragmented), in a 1 km² region
        ContiguityOp.Result r = ContiguityOp.compute(List.of(box("big", 0, 0, 300, 300, "1"),
                box("small", 600, 600, 650, 650, "1")), 1e6, P);
        ContiguityOp.Region g = r.region();
        double af = 90_000 + 2_500;
        assertThat(g.np()).isEqualTo(2);
        assertThat(g.cr()).isCloseTo(90_000 / af, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(g.fr()).isCloseTo(2_500 / af, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(g.lpiF()).isCloseTo(90_000 / af, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(g.lpi()).isCloseTo(9.0, org.assertj.core.data.Offset.offset(1e-9));       // % of the region
        assertThat(g.sShape()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));  // squares: SHAPE = 1
        assertThat(g.awmsi()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(g.mps()).isCloseTo(af / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.pd()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-12));       // per 100 ha
        assertThat(g.ed()).isCloseTo((1200 + 200) / 1e6 * 1e4, org.assertj.core.data.Offset.offset(1e-9));
        double fci = 100 * (0.4 * 90_000 / af + 0.2 * (1 - 2_500 / af) + 0.2 * 90_000 / af + 0.2 * 1.0);
        assertThat(g.fci()).isCloseTo(fci, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(g.band()).startsWith("高度集中连片");
        assertThat(r.parcels().get(1).score()).isCloseTo(2_500 / AreaUnit.MU.toSquareMetres(100),
                org.assertj.core.data.Offset.offset(1e-12));
    }
}
