package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.junit.jupiter.api.Test;

class EsriRingsTest {
    private final GeometryFactory gf = new GeometryFactory();

    /** A square ring, clockwise (ESRI outer) or counter-clockwise (ESRI hole). */
    private static Coordinate[] square(double x, double y, double size, boolean clockwise) {
        Coordinate[] c = {new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
            new Coordinate(x, y + size), new Coordinate(x, y)};
        if (Orientation.isCCW(c) == clockwise) {
            List<Coordinate> l = new ArrayList<>(List.of(c));
            Collections.reverse(l);
            return l.toArray(new Coordinate[0]);
        }
        return c;
    }

    private Geometry polygon(Coordinate[]... rings) {
        return EsriRings.polygon(gf, List.of(rings));
    }

    @Test
    void clockwiseOuterCounterClockwiseHole() {
        Geometry g = polygon(square(0, 0, 10, true), square(2, 2, 2, false));
        assertThat(g.toText()).startsWith("POLYGON");
        assertThat(g.getArea()).isEqualTo(96.0);
    }

    @Test
    void eachHoleGoesToTheSmallestContainingShell() {
        // an island inside a lake inside a field: field (cw), lake (ccw), island (cw), pond in the island (ccw)
        Geometry g = polygon(square(0, 0, 100, true), square(10, 10, 80, false), square(20, 20, 60, true),
                square(40, 40, 10, false));
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.isValid()).isTrue();
        assertThat(g.getArea()).isEqualTo(100 * 100 - 80 * 80 + 60 * 60 - 10 * 10);
    }

    @Test
    void aHoleOutsideEveryShellBecomesAShell() {
        Geometry g = polygon(square(0, 0, 10, true), square(20, 0, 5, false));
        assertThat(g.getNumGeometries()).isEqualTo(2);
        assertThat(g.getArea()).isEqualTo(125.0);
    }

    @Test
    void holesTouchingTheShellAtAVertexStillNest() {
        Coordinate[] hole = {new Coordinate(0, 0), new Coordinate(2, 4), new Coordinate(4, 2), new Coordinate(0, 0)};
        if (!Orientation.isCCW(hole)) {
            Collections.reverse(java.util.Arrays.asList(hole));
        }
        Geometry g = polygon(square(0, 0, 10, true), hole);
        assertThat(g.getNumGeometries()).isEqualTo(1);
        assertThat(g.getArea()).isEqualTo(100 - 6.0);
    }
}
