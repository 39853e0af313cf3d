package org.gengdi.data.sample;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Sutherland–Hodgman clipping of a convex polygon by a convex polygon: the fast path for dividing the many blocks
 * that are single convex cells. Edge crossings are computed from the segment's endpoints in a fixed order, so the
 * two Voronoi cells sharing an edge get bit-identical crossing points; results are rounded to the frame's grid.
 */
final class ConvexClip {
    private final double[] cx;
    private final double[] cy;
    private final int n;

    private ConvexClip(double[] cx, double[] cy) {
        this.cx = cx;
        this.cy = cy;
        this.n = cx.length;
    }

    /** A clipper for a convex polygon without holes, or null when the polygon is not convex. */
    static ConvexClip of(Geometry g) {
        if (!(g instanceof Polygon p) || p.getNumInteriorRing() > 0) {
            return null;
        }
        Coordinate[] cs = p.getExteriorRing().getCoordinates();
        int n = cs.length - 1;
        if (n < 3) {
            return null;
        }
        double area2 = 0;
        for (int i = 0; i < n; i++) {
            area2 += cs[i].x * cs[i + 1].y - cs[i + 1].x * cs[i].y;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            Coordinate c = area2 > 0 ? cs[i] : cs[n - i];
            x[i] = c.x;
            y[i] = c.y;
        }
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            int k = (i + 2) % n;
            double cross = (x[j] - x[i]) * (y[k] - y[j]) - (y[j] - y[i]) * (x[k] - x[j]);
            if (cross < 0) {
                return null;
            }
        }
        return new ConvexClip(x, y);
    }

    /** Clips a convex ring (closed coordinates); returns the open result ring, possibly with fewer than 3 points. */
    double[][] clip(Coordinate[] ring) {
        int m = ring.length - 1;
        double[] px = new double[m + n + 4];
        double[] py = new double[m + n + 4];
        for (int i = 0; i < m; i++) {
            px[i] = ring[i].x;
            py[i] = ring[i].y;
        }
        double[] qx = new double[px.length + n];
        double[] qy = new double[py.length + n];
        for (int e = 0; e < n && m > 0; e++) {
            double ax = cx[e];
            double ay = cy[e];
            double bx = cx[(e + 1) % n];
            double by = cy[(e + 1) % n];
            int out = 0;
            for (int i = 0; i < m; i++) {
                int j = (i + 1) % m;
                double si = side(ax, ay, bx, by, px[i], py[i]);
                double sj = side(ax, ay, bx, by, px[j], py[j]);
                if (si >= 0) {
                    if (out + 2 > qx.length) {
                        qx = java.util.Arrays.copyOf(qx, qx.length * 2);
                        qy = java.util.Arrays.copyOf(qy, qy.length * 2);
                    }
                    qx[out] = px[i];
                    qy[out++] = py[i];
                }
                if ((si >= 0) != (sj >= 0)) {
                    if (out + 2 > qx.length) {
                        qx = java.util.Arrays.copyOf(qx, qx.length * 2);
                        qy = java.util.Arrays.copyOf(qy, qy.length * 2);
                    }
                    // Canonical order: compute from the lexicographically smaller endpoint.
                    boolean iFirst = px[i] < px[j] || (px[i] == px[j] && py[i] <= py[j]);
                    double x0 = iFirst ? px[i] : px[j];
                    double y0 = iFirst ? py[i] : py[j];
                    double x1 = iFirst ? px[j] : px[i];
                    double y1 = iFirst ? py[j] : py[i];
                    double s0 = iFirst ? si : sj;
                    double s1 = iFirst ? sj : si;
                    double t = s0 / (s0 - s1);
                    qx[out] = x0 + t * (x1 - x0);
                    qy[out++] = y0 + t * (y1 - y0);
                }
            }
            double[] tx = px;
            double[] ty = py;
            px = qx;
            py = qy;
            qx = tx.length >= px.length ? tx : new double[px.length];
            qy = ty.length >= py.length ? ty : new double[py.length];
            m = out;
        }
        return new double[][] {java.util.Arrays.copyOf(px, m), java.util.Arrays.copyOf(py, m)};
    }

    private static double side(double ax, double ay, double bx, double by, double x, double y) {
        return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    }
}
