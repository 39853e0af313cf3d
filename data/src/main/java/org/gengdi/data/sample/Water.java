package org.gengdi.data.sample;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The county's water: a reservoir in the hills and the river that leaves it, meanders past the county town and
 * crosses the plain (a 15 m wide polygon, as 三调 draws linear features), and a raster of distance to water that
 * shapes the valleys and puts paddy fields near the river.
 */
final class Water {
    static final double RIVER_WIDTH = 15.0;
    static final String RIVER_NAME = "清溪河";
    static final String RESERVOIR_NAME = "龙潭水库";

    final LineString riverLine;
    final Polygon reservoirShape;
    /** The river polygon without the reservoir, inside the county. */
    final Geometry river;
    /** The reservoir inside the county. */
    final Geometry reservoir;
    /** River and reservoir. */
    final Geometry all;
    final PreparedGeometry preparedAll;
    final double reservoirX;
    final double reservoirY;
    final double reservoirRadius;
    private final DistanceRaster raster;

    private Water(CountyFrame f, double townX, double townY, double townRadius) {
        Rand r = new Rand(f.seed, 2);
        reservoirX = f.hx * (-0.52 + 0.08 * r.nextDouble());
        reservoirY = f.hy * (0.40 + 0.08 * r.nextDouble());
        reservoirRadius = Math.max(180, 1_300 * f.scale);
        reservoirShape = blob(f, r, reservoirX, reservoirY, reservoirRadius);
        riverLine = meander(f, r, townX, townY, townRadius);
        BufferParameters bp = new BufferParameters(8, BufferParameters.CAP_ROUND, BufferParameters.JOIN_ROUND, 5);
        Geometry riverPoly = BufferOp.bufferOp(riverLine, RIVER_WIDTH / 2, bp);
        riverPoly = OverlayNG.overlay(riverPoly, f.outline, OverlayNG.INTERSECTION, f.pm);
        Geometry res = OverlayNG.overlay(reservoirShape, f.outline, OverlayNG.INTERSECTION, f.pm);
        this.reservoir = res;
        this.river = OverlayNG.overlay(riverPoly, res, OverlayNG.DIFFERENCE, f.pm);
        this.all = OverlayNG.overlay(riverPoly, res, OverlayNG.UNION, f.pm);
        this.preparedAll = PreparedGeometryFactory.prepare(all);
        this.raster = new DistanceRaster(f, riverLine, reservoirShape);
    }

    static Water of(CountyFrame f, double townX, double townY, double townRadius) {
        return new Water(f, townX, townY, townRadius);
    }

    /** Distance from a local point to the river centre line or the reservoir, metres (approximate, ±10 %). */
    double distance(double x, double y) {
        return raster.at(x, y);
    }

    /** An irregular lobed lake shape around a centre. */
    static Polygon blob(CountyFrame f, Rand r, double cx, double cy, double radius) {
        int harmonics = 6;
        double[] amp = new double[harmonics + 1];
        double[] ph = new double[harmonics + 1];
        for (int k = 1; k <= harmonics; k++) {
            amp[k] = r.range(0.04, 0.16) / Math.sqrt(k);
            ph[k] = r.range(0, 2 * Math.PI);
        }
        int n = Math.max(24, (int) Math.min(720, 2 * Math.PI * radius / 15));
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double rho = 1;
            for (int k = 1; k <= harmonics; k++) {
                rho += amp[k] * StrictMath.cos(k * t + ph[k]);
            }
            rho = Math.max(0.35, rho);
            ring[i] = new Coordinate(f.round(cx + radius * rho * StrictMath.cos(t)),
                    f.round(cy + radius * rho * StrictMath.sin(t)));
        }
        ring[n] = ring[0].copy();
        return f.gf.createPolygon(ring);
    }

    /** The river: a Catmull-Rom path from the reservoir past the town out of the county, with meanders. */
    private LineString meander(CountyFrame f, Rand r, double townX, double townY, double townRadius) {
        double[][] ctrl = {
            {reservoirX, reservoirY},
            {f.hx * (-0.22 + 0.06 * r.nextDouble()), f.hy * (0.18 + 0.06 * r.nextDouble())},
            {townX - 0.2 * townRadius, townY + 0.45 * townRadius},
            {f.hx * (0.55 + 0.05 * r.nextDouble()), f.hy * (-0.22 + 0.06 * r.nextDouble())},
            {f.hx * 1.35, f.hy * -0.38},
        };
        List<double[]> path = new ArrayList<>();
        for (int seg = 0; seg < ctrl.length - 1; seg++) {
            double[] p0 = ctrl[Math.max(0, seg - 1)];
            double[] p1 = ctrl[seg];
            double[] p2 = ctrl[seg + 1];
            double[] p3 = ctrl[Math.min(ctrl.length - 1, seg + 2)];
            double len = Math.hypot(p2[0] - p1[0], p2[1] - p1[1]);
            int steps = Math.max(4, (int) (len / 20));
            for (int s = 0; s < steps; s++) {
                double t = s / (double) steps;
                path.add(catmullRom(p0, p1, p2, p3, t));
            }
        }
        path.add(ctrl[ctrl.length - 1]);
        double a1 = Math.min(260, 120 + 140 * f.scale);
        double l1 = r.range(2_200, 3_000);
        double a2 = 70;
        double l2 = r.range(650, 850);
        double ph1 = r.range(0, 2 * Math.PI);
        double ph2 = r.range(0, 2 * Math.PI);
        Noise wobble = new Noise(f.seed, 21);
        List<Coordinate> out = new ArrayList<>();
        double s = 0;
        for (int i = 0; i < path.size(); i++) {
            double[] p = path.get(i);
            double[] q = path.get(Math.min(path.size() - 1, i + 1));
            double[] o = path.get(Math.max(0, i - 1));
            if (i > 0) {
                s += Math.hypot(p[0] - o[0], p[1] - o[1]);
            }
            double tx = q[0] - o[0];
            double ty = q[1] - o[1];
            double tl = Math.hypot(tx, ty);
            double nx = -ty / tl;
            double ny = tx / tl;
            double ramp = Math.min(1, s / 1_500);
            double off = ramp * (a1 * StrictMath.sin(2 * Math.PI * s / l1 + ph1)
                    + a2 * StrictMath.sin(2 * Math.PI * s / l2 + ph2)
                    + 60 * wobble.line(s / 500));
            Coordinate c = new Coordinate(f.round(p[0] + nx * off), f.round(p[1] + ny * off));
            if (out.isEmpty() || out.get(out.size() - 1).distance(c) > 1) {
                out.add(c);
            }
        }
        return f.gf.createLineString(out.toArray(new Coordinate[0]));
    }

    private static double[] catmullRom(double[] p0, double[] p1, double[] p2, double[] p3, double t) {
        double t2 = t * t;
        double t3 = t2 * t;
        double[] out = new double[2];
        for (int k = 0; k < 2; k++) {
            out[k] = 0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * t + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2
                    + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3);
        }
        return out;
    }

    /** Chamfer distance transform of the river line and reservoir on a coarse raster. */
    private static final class DistanceRaster {
        private final double cell;
        private final double x0;
        private final double y0;
        private final int nx;
        private final int ny;
        private final float[] d;

        DistanceRaster(CountyFrame f, LineString line, Polygon lake) {
            Envelope e = f.outline.getEnvelopeInternal();
            e.expandBy(2_000);
            cell = Math.max(25, Math.min(100, 100 * f.scale));
            x0 = e.getMinX();
            y0 = e.getMinY();
            nx = (int) Math.ceil(e.getWidth() / cell) + 1;
            ny = (int) Math.ceil(e.getHeight() / cell) + 1;
            d = new float[nx * ny];
            java.util.Arrays.fill(d, Float.MAX_VALUE / 4);
            Coordinate[] cs = line.getCoordinates();
            for (int i = 0; i + 1 < cs.length; i++) {
                double len = cs[i].distance(cs[i + 1]);
                int steps = Math.max(1, (int) Math.ceil(len / (cell / 2)));
                for (int s = 0; s <= steps; s++) {
                    double t = s / (double) steps;
                    mark(cs[i].x + t * (cs[i + 1].x - cs[i].x), cs[i].y + t * (cs[i + 1].y - cs[i].y));
                }
            }
            Envelope le = lake.getEnvelopeInternal();
            org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator loc =
                    new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(lake);
            for (double x = le.getMinX(); x <= le.getMaxX(); x += cell / 2) {
                for (double y = le.getMinY(); y <= le.getMaxY(); y += cell / 2) {
                    if (loc.locate(new Coordinate(x, y)) != org.locationtech.jts.geom.Location.EXTERIOR) {
                        mark(x, y);
                    }
                }
            }
            float a = (float) cell;
            float b = (float) (cell * Math.sqrt(2));
            for (int j = 0; j < ny; j++) {
                for (int i = 0; i < nx; i++) {
                    float v = d[j * nx + i];
                    if (i > 0) v = Math.min(v, d[j * nx + i - 1] + a);
                    if (j > 0) {
                        v = Math.min(v, d[(j - 1) * nx + i] + a);
                        if (i > 0) v = Math.min(v, d[(j - 1) * nx + i - 1] + b);
                        if (i + 1 < nx) v = Math.min(v, d[(j - 1) * nx + i + 1] + b);
                    }
                    d[j * nx + i] = v;
                }
            }
            for (int j = ny - 1; j >= 0; j--) {
                for (int i = nx - 1; i >= 0; i--) {
                    float v = d[j * nx + i];
                    if (i + 1 < nx) v = Math.min(v, d[j * nx + i + 1] + a);
                    if (j + 1 < ny) {
                        v = Math.min(v, d[(j + 1) * nx + i] + a);
                        if (i + 1 < nx) v = Math.min(v, d[(j + 1) * nx + i + 1] + b);
                        if (i > 0) v = Math.min(v, d[(j + 1) * nx + i - 1] + b);
                    }
                    d[j * nx + i] = v;
                }
            }
        }

        private void mark(double x, double y) {
            int i = (int) Math.round((x - x0) / cell);
            int j = (int) Math.round((y - y0) / cell);
            if (i >= 0 && j >= 0 && i < nx && j < ny) {
                d[j * nx + i] = 0;
            }
        }

        double at(double x, double y) {
            double fx = (x - x0) / cell;
            double fy = (y - y0) / cell;
            int i = (int) Math.floor(fx);
            int j = (int) Math.floor(fy);
            if (i < 0 || j < 0 || i + 1 >= nx || j + 1 >= ny) {
                return 10_000;
            }
            double tx = fx - i;
            double ty = fy - j;
            double a = d[j * nx + i] + (d[j * nx + i + 1] - d[j * nx + i]) * tx;
            double b = d[(j + 1) * nx + i] + (d[(j + 1) * nx + i + 1] - d[(j + 1) * nx + i]) * tx;
            return a + (b - a) * ty;
        }
    }
}
