package org.gengdi.data.sample;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * An independent ellipsoidal-area oracle for Gauss-Krüger polygons near the central meridian: the projection is
 * conformal with point scale k = 1 + E²/2R² (E the distance from the central meridian, R the Gaussian mean radius
 * M·N at the foot-point latitude), so the ellipsoid area is ∬ dA / k² = A − ∬ E² dA / R² (good to ~10⁻⁹ within a
 * county), both integrals exact by Green's theorem.
 */
final class GaussKrugerAreaOracle {
    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;
    private static final double E2 = F * (2 - F);

    private GaussKrugerAreaOracle() {
    }

    static double squareMetres(Geometry g, double falseEasting) {
        double[] acc = new double[2];
        double y0 = g.getEnvelopeInternal().centre().y;
        accumulate(g, falseEasting, y0, acc);
        return acc[0] - acc[1] / meanRadiusSquared(y0);
    }

    private static void accumulate(Geometry g, double fe, double y0, double[] acc) {
        if (g instanceof Polygon p) {
            ring(p.getExteriorRing(), fe, y0, acc, true);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                ring(p.getInteriorRingN(i), fe, y0, acc, false);
            }
        } else {
            for (int i = 0; i < g.getNumGeometries(); i++) {
                accumulate(g.getGeometryN(i), fe, y0, acc);
            }
        }
    }

    private static void ring(LineString ring, double fe, double y0, double[] acc, boolean shell) {
        CoordinateSequence s = ring.getCoordinateSequence();
        double area = 0;
        double second = 0;
        for (int i = 0; i + 1 < s.size(); i++) {
            double x1 = s.getX(i) - fe;
            double y1 = s.getY(i) - y0;
            double x2 = s.getX(i + 1) - fe;
            double y2 = s.getY(i + 1) - y0;
            double cross = x1 * y2 - x2 * y1;
            area += cross;
            second += cross * (x1 * x1 + x1 * x2 + x2 * x2);
        }
        area /= 2;
        second /= 12;
        double sign = (area < 0) == shell ? -1 : 1;
        acc[0] += sign * area;
        acc[1] += sign * second;
    }

    private static double meanRadiusSquared(double northing) {
        double phi = northing / A;
        for (int i = 0; i < 6; i++) {
            double s = Math.sin(phi);
            double w = 1 - E2 * s * s;
            phi += (northing - meridianArc(phi)) / (A * (1 - E2) / (w * Math.sqrt(w)));
        }
        double s = Math.sin(phi);
        double w = 1 - E2 * s * s;
        return A * (1 - E2) / (w * Math.sqrt(w)) * A / Math.sqrt(w);
    }

    private static double meridianArc(double phi) {
        double e4 = E2 * E2;
        double e6 = e4 * E2;
        return A * ((1 - E2 / 4 - 3 * e4 / 64 - 5 * e6 / 256) * phi
                - (3 * E2 / 8 + 3 * e4 / 32 + 45 * e6 / 1024) * Math.sin(2 * phi)
                + (15 * e4 / 256 + 45 * e6 / 1024) * Math.sin(4 * phi)
                - (35 * e6 / 3072) * Math.sin(6 * phi));
    }
}
