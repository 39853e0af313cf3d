package org.gengdi.core.measure;

import org.gengdi.core.crs.KruegerSeries;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * An independent ellipsoidal area, sharing no code with GeographicLib or proj4j: vertices are interpolated densely
 * in the Gauss-Krüger plane, inverse-projected with Krüger's series, and mapped by the authalic (equal-area)
 * cylindrical projection x = λ, y = q(φ), where {@code (a²/2)·dλ·dq} is exactly the ellipsoid's area element;
 * the ring area is then a plain shoelace sum.
 */
final class AuthalicOracle {

    static final double A = 6378137.0;
    static final double F = 1 / 298.257222101;
    static final double E2 = F * (2 - F);
    static final double E = Math.sqrt(E2);

    private AuthalicOracle() {
    }

    /** q(φ), proportional to the area between the equator and latitude φ (Snyder 1987, eq. 3-12). */
    static double q(double latDegrees) {
        double s = Math.sin(Math.toRadians(latDegrees));
        return (1 - E2) * (s / (1 - E2 * s * s) - 1 / (2 * E) * Math.log((1 - E * s) / (1 + E * s)));
    }

    /** Ellipsoidal area of the quadrangle between two meridians and two parallels (closed form). */
    static double quadrangle(double lon1, double lon2, double lat1, double lat2) {
        return A * A / 2 * Math.toRadians(lon2 - lon1) * (q(lat2) - q(lat1));
    }

    /** Area of a polygon or multi-polygon given in a Gauss-Krüger plane, edges straight in that plane. */
    static double gaussKruger(Geometry g, double centralMeridian, double falseEasting, double spacing) {
        double area = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Polygon p = (Polygon) g.getGeometryN(i);
            area += ring(p.getExteriorRing(), centralMeridian, falseEasting, spacing);
            for (int h = 0; h < p.getNumInteriorRing(); h++) {
                area -= ring(p.getInteriorRingN(h), centralMeridian, falseEasting, spacing);
            }
        }
        return area;
    }

    private static double ring(LineString ring, double cm, double fe, double spacing) {
        Coordinate[] c = ring.getCoordinates();
        double lon0 = Double.NaN;
        double q0 = 0;
        double sum = 0;
        double prevX = 0;
        double prevY = 0;
        boolean first = true;
        for (int i = 0; i < c.length - 1; i++) {
            int steps = Math.max(1, (int) Math.ceil(c[i].distance(c[i + 1]) / spacing));
            for (int j = 0; j < steps; j++) {
                double t = (double) j / steps;
                double[] lonLat = KruegerSeries.inverse(c[i].x + t * (c[i + 1].x - c[i].x),
                        c[i].y + t * (c[i + 1].y - c[i].y), cm, fe);
                if (first) {
                    lon0 = lonLat[0];
                    q0 = q(lonLat[1]);
                }
                double x = Math.toRadians(lonLat[0] - lon0);
                double y = q(lonLat[1]) - q0;
                if (!first) {
                    sum += prevX * y - x * prevY;
                }
                prevX = x;
                prevY = y;
                first = false;
            }
        }
        // closing edge back to the first vertex, which is the origin (0, 0): contributes nothing
        return Math.abs(sum / 2) * A * A / 2;
    }
}
