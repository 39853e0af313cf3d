package org.gengdi.data.sample;

import java.util.Arrays;
import org.locationtech.jts.geom.Coordinate;

/**
 * The rural field grid: two families of lines (roads and ditches) in a rotated, gently warped frame. Each line has
 * a width, so the grid's breakpoints cut the plane into cells: block cells between lines, strip cells along a line
 * and crossing cells where two lines meet. Cells are quadrilaterals between warped nodes; every polygon built from
 * cells shares its nodes exactly with its neighbours, so the parcel coverage has neither gaps nor overlaps.
 *
 * <p>Column {@code c} spans {@code [bu[c], bu[c+1]]}; odd columns are the strips of U-line {@code (c-1)/2}, even
 * columns are blocks. Rows work the same way with V-lines.
 */
final class FieldGrid {
    static final byte NONE = 0;
    static final byte DITCH = 1;
    static final byte RURAL = 2;
    static final byte TOWN = 3;
    static final byte COUNTY = 4;

    final CountyFrame frame;
    final int nu;
    final int nv;
    final double[] uWidth;
    final double[] vWidth;
    final byte[] uKind;
    final byte[] vKind;
    final double[] bu;
    final double[] bv;
    final int ncu;
    final int ncv;
    final double[] nodeX;
    final double[] nodeY;

    private FieldGrid(CountyFrame f, double townX, double townY) {
        this.frame = f;
        Rand r = new Rand(f.seed, 4);
        double[] uvMin = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] uvMax = {-Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Coordinate c : f.outline.getCoordinates()) {
            double[] uv = f.unrotate(c.x, c.y);
            for (int k = 0; k < 2; k++) {
                uvMin[k] = Math.min(uvMin[k], uv[k]);
                uvMax[k] = Math.max(uvMax[k], uv[k]);
            }
        }
        double[] townUv = f.unrotate(townX, townY);
        double margin = 900;
        Lines u = lines(r, uvMin[0] - margin, uvMax[0] + margin, 225, 32, 150, 320, 3, townUv[0], 8_500);
        Lines v = lines(r, uvMin[1] - margin, uvMax[1] + margin, 430, 55, 300, 580, 2, townUv[1], 7_500);
        nu = u.n;
        nv = v.n;
        uWidth = u.width;
        vWidth = v.width;
        uKind = u.kind;
        vKind = v.kind;
        bu = u.breaks(f);
        bv = v.breaks(f);
        ncu = bu.length - 1;
        ncv = bv.length - 1;
        int nodes = (ncu + 1) * (ncv + 1);
        nodeX = new double[nodes];
        nodeY = new double[nodes];
        double[] xy = new double[2];
        for (int c = 0; c <= ncu; c++) {
            for (int rr = 0; rr <= ncv; rr++) {
                f.warp(bu[c], bv[rr], xy);
                int k = node(c, rr);
                nodeX[k] = f.round(xy[0]);
                nodeY[k] = f.round(xy[1]);
            }
        }
    }

    static FieldGrid of(CountyFrame f, double townX, double townY) {
        return new FieldGrid(f, townX, townY);
    }

    int node(int c, int r) {
        return c * (ncv + 1) + r;
    }

    int cell(int c, int r) {
        return c * ncv + r;
    }

    int cellCount() {
        return ncu * ncv;
    }

    /** Centre of a cell (mean of its corners). */
    double cellX(int c, int r) {
        return 0.25 * (nodeX[node(c, r)] + nodeX[node(c + 1, r)] + nodeX[node(c, r + 1)] + nodeX[node(c + 1, r + 1)]);
    }

    double cellY(int c, int r) {
        return 0.25 * (nodeY[node(c, r)] + nodeY[node(c + 1, r)] + nodeY[node(c, r + 1)] + nodeY[node(c + 1, r + 1)]);
    }

    /** Area of a cell's quadrilateral, m². */
    double cellArea(int c, int r) {
        int a = node(c, r);
        int b = node(c + 1, r);
        int d = node(c + 1, r + 1);
        int e = node(c, r + 1);
        return 0.5 * Math.abs((nodeX[d] - nodeX[a]) * (nodeY[e] - nodeY[b])
                - (nodeX[e] - nodeX[b]) * (nodeY[d] - nodeY[a]));
    }

    /** The column containing grid coordinate u, or -1 outside the grid. */
    int column(double u) {
        return locate(bu, u);
    }

    int row(double v) {
        return locate(bv, v);
    }

    private static int locate(double[] b, double t) {
        if (t < b[0] || t >= b[b.length - 1]) {
            return -1;
        }
        int i = Arrays.binarySearch(b, t);
        return i >= 0 ? Math.min(i, b.length - 2) : -i - 2;
    }

    /** Maps grid coordinates to local x/y bilinearly inside the cell (c, r), consistent with the cell's quad. */
    void map(int c, int r, double u, double v, double[] out) {
        double s = (u - bu[c]) / (bu[c + 1] - bu[c]);
        double t = (v - bv[r]) / (bv[r + 1] - bv[r]);
        int a = node(c, r);
        int b = node(c + 1, r);
        int d = node(c + 1, r + 1);
        int e = node(c, r + 1);
        out[0] = (1 - s) * (1 - t) * nodeX[a] + s * (1 - t) * nodeX[b] + s * t * nodeX[d] + (1 - s) * t * nodeX[e];
        out[1] = (1 - s) * (1 - t) * nodeY[a] + s * (1 - t) * nodeY[b] + s * t * nodeY[d] + (1 - s) * t * nodeY[e];
    }

    /** Width of a line kind's strips, from a uniform random number. */
    private static double width(byte kind, double rnd) {
        return switch (kind) {
            case COUNTY -> 10 + 2 * Math.floor(rnd * 2);
            case RURAL -> 3.5 + 0.5 * Math.floor(rnd * 6);
            default -> 2 + 0.5 * Math.floor(rnd * 5);
        };
    }

    /** One family of parallel lines. */
    private static final class Lines {
        int n;
        double[] centre;
        double[] width;
        byte[] kind;

        double[] breaks(CountyFrame f) {
            double[] b = new double[2 * n + 2];
            b[0] = f.round(centre[0] - width[0] / 2 - 150);
            for (int i = 0; i < n; i++) {
                b[2 * i + 1] = f.round(centre[i] - width[i] / 2);
                b[2 * i + 2] = f.round(centre[i] + width[i] / 2);
            }
            b[2 * n + 1] = f.round(centre[n - 1] + width[n - 1] / 2 + 150);
            return b;
        }
    }

    private static Lines lines(Rand r, double from, double to, double mean, double sd, double min, double max,
                               int roadEvery, double townAt, double countyRoadSpacing) {
        double[] pos = new double[(int) ((to - from) / min) + 4];
        int n = 0;
        double p = from;
        while (p < to) {
            pos[n++] = p;
            p += Math.max(min, Math.min(max, mean + sd * r.gaussian()));
        }
        pos[n++] = p;
        Lines l = new Lines();
        l.n = n;
        l.centre = Arrays.copyOf(pos, n);
        l.kind = new byte[n];
        l.width = new double[n];
        int phase = r.nextInt(roadEvery);
        double countyPhase = r.range(-0.25, 0.25) * countyRoadSpacing;
        int townLine = 0;
        for (int i = 0; i < n; i++) {
            l.kind[i] = ((i + phase) % roadEvery == 0) != r.chance(0.08) ? RURAL : DITCH;
            if (Math.abs(l.centre[i] - townAt) < Math.abs(l.centre[townLine] - townAt)) {
                townLine = i;
            }
        }
        l.kind[townLine] = COUNTY;
        for (int k = -8; k <= 8; k++) {
            if (k == 0 || !r.chance(0.6)) {
                continue;
            }
            double target = l.centre[townLine] + k * countyRoadSpacing + countyPhase;
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (best < 0 || Math.abs(l.centre[i] - target) < Math.abs(l.centre[best] - target)) {
                    best = i;
                }
            }
            if (Math.abs(l.centre[best] - target) < countyRoadSpacing / 3) {
                l.kind[best] = COUNTY;
            }
        }
        for (int i = 0; i < n; i++) {
            l.width[i] = width(l.kind[i], r.nextDouble());
        }
        return l;
    }
}
