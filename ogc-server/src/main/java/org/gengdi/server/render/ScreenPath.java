package org.gengdi.server.render;

import java.awt.geom.Path2D;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns map geometries into Java2D paths in pixel space, the cheap way: vertices closer than half a pixel to the
 * last one kept are dropped (a county-wide map of 40 000 parcels then draws a few vertices each), and geometries
 * reaching far outside the image are clipped in double precision first, because Java2D rasterises in floats and
 * a parcel boundary at 1:500 can lie millions of pixels away. Not thread-safe: one per rendering.
 */
final class ScreenPath {
    /** Vertices closer than this to the last kept one (in pixels, along both axes) are dropped. */
    static final double TOLERANCE = 0.5;

    private final double sx;
    private final double sy;
    private final double tx;
    private final double ty;
    /** The guard rectangle: paths are clipped to it when they go beyond. */
    private final double gx0;
    private final double gy0;
    private final double gx1;
    private final double gy1;
    private double[] buf = new double[256];
    private double[] tmp = new double[256];

    /**
     * @param view   the map
     * @param margin pixels around the image that must still be drawn exactly (half the widest stroke and more)
     */
    ScreenPath(MapView view, double margin) {
        Envelope e = view.extent();
        this.sx = view.width() / e.getWidth();
        this.sy = view.height() / e.getHeight();
        this.tx = -e.getMinX() * sx;
        this.ty = e.getMaxY() * sy;
        double guard = margin + 64;
        this.gx0 = -guard;
        this.gy0 = -guard;
        this.gx1 = view.width() + guard;
        this.gy1 = view.height() + guard;
    }

    double x(double worldX) {
        return worldX * sx + tx;
    }

    double y(double worldY) {
        return ty - worldY * sy;
    }

    /** The pixel x of the world origin (hatch patterns are anchored there so that tiles join). */
    double originX() {
        return tx;
    }

    double originY() {
        return ty;
    }

    /** Width in pixels of a world envelope. */
    double width(Envelope e) {
        return e.getWidth() * sx;
    }

    double height(Envelope e) {
        return e.getHeight() * sy;
    }

    /** True when the envelope, in pixels, lies inside the guard rectangle (no clipping needed). */
    boolean insideGuard(Envelope e) {
        return x(e.getMinX()) >= gx0 && x(e.getMaxX()) <= gx1 && y(e.getMaxY()) >= gy0 && y(e.getMinY()) <= gy1;
    }

    /** True when the envelope, in pixels, touches the image grown by a margin. */
    boolean touches(Envelope e, double margin, int width, int height) {
        return x(e.getMaxX()) >= -margin && x(e.getMinX()) <= width + margin
                && y(e.getMinY()) >= -margin && y(e.getMaxY()) <= height + margin;
    }

    /** The rings of every polygon in a geometry as one even-odd path (holes and multipolygons), or null. */
    Path2D polygons(Geometry g) {
        boolean clip = !insideGuard(g.getEnvelopeInternal());
        Path2D.Float path = new Path2D.Float(Path2D.WIND_EVEN_ODD, Math.min(g.getNumPoints(), 4096) + 8);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                ring(path, p.getExteriorRing(), clip);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h), clip);
                }
            }
        }
        return path.getCurrentPoint() == null ? null : path;
    }

    /** The lines of a geometry (polygon rings included, closed) as one path, or null. */
    Path2D lines(Geometry g) {
        boolean clip = !insideGuard(g.getEnvelopeInternal());
        Path2D.Float path = new Path2D.Float(Path2D.WIND_NON_ZERO, Math.min(g.getNumPoints(), 4096) + 8);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                ring(path, p.getExteriorRing(), clip);
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    ring(path, p.getInteriorRingN(h), clip);
                }
            } else if (part instanceof LineString l && !l.isEmpty()) {
                line(path, l, clip);
            }
        }
        return path.getCurrentPoint() == null ? null : path;
    }

    private int load(LineString l) {
        CoordinateSequence cs = l.getCoordinateSequence();
        int n = cs.size();
        if (buf.length < 2 * n) {
            buf = new double[Math.max(2 * n, buf.length * 2)];
        }
        for (int i = 0, k = 0; i < n; i++) {
            buf[k++] = cs.getX(i) * sx + tx;
            buf[k++] = ty - cs.getY(i) * sy;
        }
        return n;
    }

    private void ring(Path2D.Float path, LineString ring, boolean clip) {
        int n = load(ring);
        if (clip) {
            n = clipRing(n);
        }
        double[] b = buf;
        if (n < 2) {
            return;
        }
        double lx = b[0];
        double ly = b[1];
        path.moveTo(lx, ly);
        int kept = 1;
        for (int i = 1, k = 2; i < n; i++, k += 2) {
            double x = b[k];
            double y = b[k + 1];
            if (Math.abs(x - lx) >= TOLERANCE || Math.abs(y - ly) >= TOLERANCE) {
                path.lineTo(x, y);
                lx = x;
                ly = y;
                kept++;
            }
        }
        if (kept == 1) {
            // A ring smaller than the tolerance: keep a dot-sized stroke so that outlines do not vanish.
            path.lineTo(lx + 0.01, ly);
        }
        path.closePath();
    }

    private void line(Path2D.Float path, LineString l, boolean clip) {
        int n = load(l);
        if (!clip) {
            emitLine(path, buf, 0, n);
            return;
        }
        // Liang–Barsky on each segment; consecutive visible segments form one piece.
        double[] b = buf;
        double[] piece = tmp;
        int m = 0;
        for (int i = 0; i + 1 < n; i++) {
            double[] seg = clipSegment(b[2 * i], b[2 * i + 1], b[2 * i + 2], b[2 * i + 3]);
            if (seg == null) {
                if (m > 0) {
                    emitLine(path, piece, 0, m);
                    m = 0;
                }
                continue;
            }
            if (m == 0 || piece[2 * m - 2] != seg[0] || piece[2 * m - 1] != seg[1]) {
                if (m > 0) {
                    emitLine(path, piece, 0, m);
                    m = 0;
                }
                piece = ensureTmp(2);
                piece[0] = seg[0];
                piece[1] = seg[1];
                m = 1;
            }
            piece = ensureTmp(2 * m + 2);
            piece[2 * m] = seg[2];
            piece[2 * m + 1] = seg[3];
            m++;
        }
        if (m > 0) {
            emitLine(path, piece, 0, m);
        }
    }

    private double[] ensureTmp(int size) {
        if (tmp.length < size) {
            double[] t = new double[Math.max(size, tmp.length * 2)];
            System.arraycopy(tmp, 0, t, 0, tmp.length);
            tmp = t;
        }
        return tmp;
    }

    private static void emitLine(Path2D.Float path, double[] b, int from, int n) {
        if (n < 2) {
            return;
        }
        double lx = b[2 * from];
        double ly = b[2 * from + 1];
        path.moveTo(lx, ly);
        boolean pending = false;
        double px = 0;
        double py = 0;
        for (int i = from + 1; i < from + n; i++) {
            double x = b[2 * i];
            double y = b[2 * i + 1];
            if (Math.abs(x - lx) >= TOLERANCE || Math.abs(y - ly) >= TOLERANCE) {
                path.lineTo(x, y);
                lx = x;
                ly = y;
                pending = false;
            } else {
                pending = true;
                px = x;
                py = y;
            }
        }
        if (pending) {
            // Lines end where they end, even when the last step is short.
            path.lineTo(px, py);
        }
    }

    /** Liang–Barsky: the part of a segment inside the guard rectangle, or null. */
    private double[] clipSegment(double x0, double y0, double x1, double y1) {
        double t0 = 0;
        double t1 = 1;
        double dx = x1 - x0;
        double dy = y1 - y0;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x0 - gx0, gx1 - x0, y0 - gy0, gy1 - y0};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double t = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {x0 + t0 * dx, y0 + t0 * dy, x0 + t1 * dx, y0 + t1 * dy};
    }

    /**
     * Sutherland–Hodgman against the guard rectangle, in place in {@link #buf}. Each ring is clipped on its own;
     * the even-odd fill inside the rectangle is unchanged, and the edges it adds run along the guard, outside
     * the image.
     */
    private int clipRing(int n) {
        n = clipEdge(n, 0, gx0, false);
        n = clipEdge(n, 0, gx1, true);
        n = clipEdge(n, 1, gy0, false);
        n = clipEdge(n, 1, gy1, true);
        return n;
    }

    private int clipEdge(int n, int axis, double bound, boolean max) {
        if (n == 0) {
            return 0;
        }
        double[] in = buf;
        double[] out = ensureTmp(4 * n + 4);
        int m = 0;
        double px = in[2 * (n - 1)];
        double py = in[2 * (n - 1) + 1];
        boolean pin = inside(axis == 0 ? px : py, bound, max);
        for (int i = 0; i < n; i++) {
            double cx = in[2 * i];
            double cy = in[2 * i + 1];
            boolean cin = inside(axis == 0 ? cx : cy, bound, max);
            if (cin != pin) {
                double t = axis == 0 ? (bound - px) / (cx - px) : (bound - py) / (cy - py);
                out[m++] = axis == 0 ? bound : px + t * (cx - px);
                out[m++] = axis == 0 ? py + t * (cy - py) : bound;
            }
            if (cin) {
                out[m++] = cx;
                out[m++] = cy;
            }
            px = cx;
            py = cy;
            pin = cin;
        }
        // swap buffers
        tmp = buf;
        buf = out;
        return m / 2;
    }

    private static boolean inside(double v, double bound, boolean max) {
        return max ? v <= bound : v >= bound;
    }
}
