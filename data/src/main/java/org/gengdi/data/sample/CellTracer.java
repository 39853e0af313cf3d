package org.gengdi.data.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Traces the outline of every label of a cell-label array on the field grid: the boundary edges between cells of
 * different labels are chained into rings (turning left where two cells of a label touch only at a corner, so
 * rings never cross themselves), counter-clockwise rings become shells and clockwise ones holes. Rings pass
 * through every grid node on their way, so neighbouring polygons share vertices exactly.
 */
final class CellTracer {
    private static final int[] DC = {1, 0, -1, 0};
    private static final int[] DR = {0, 1, 0, -1};

    private CellTracer() {
    }

    /**
     * @param label      per cell: a label in {@code [0, labelCount)} or negative for none
     * @param labelCount number of labels
     * @return per label its polygon or multipolygon, or null when it has no cells
     */
    static Geometry[] trace(FieldGrid g, int[] label, int labelCount, GeometryFactory gf) {
        int ncu = g.ncu;
        int ncv = g.ncv;
        int[] count = new int[labelCount + 1];
        for (int c = 0; c < ncu; c++) {
            for (int r = 0; r < ncv; r++) {
                int l = label[g.cell(c, r)];
                if (l < 0) {
                    continue;
                }
                for (int d = 0; d < 4; d++) {
                    if (neighbour(g, label, c, r, d) != l) {
                        count[l + 1]++;
                    }
                }
            }
        }
        for (int l = 0; l < labelCount; l++) {
            count[l + 1] += count[l];
        }
        long[] edges = new long[count[labelCount]];
        int[] fill = Arrays.copyOf(count, labelCount);
        for (int c = 0; c < ncu; c++) {
            for (int r = 0; r < ncv; r++) {
                int l = label[g.cell(c, r)];
                if (l < 0) {
                    continue;
                }
                for (int d = 0; d < 4; d++) {
                    if (neighbour(g, label, c, r, d) != l) {
                        // Edge with the cell on its left, counter-clockwise: bottom E, right N, top W, left S.
                        int sc;
                        int sr;
                        int dir;
                        switch (d) {
                            case 0 -> { // right neighbour: right edge going north from (c+1, r)
                                sc = c + 1;
                                sr = r;
                                dir = 1;
                            }
                            case 1 -> { // top neighbour: top edge going west from (c+1, r+1)
                                sc = c + 1;
                                sr = r + 1;
                                dir = 2;
                            }
                            case 2 -> { // left neighbour: left edge going south from (c, r+1)
                                sc = c;
                                sr = r + 1;
                                dir = 3;
                            }
                            default -> { // bottom neighbour: bottom edge going east from (c, r)
                                sc = c;
                                sr = r;
                                dir = 0;
                            }
                        }
                        edges[fill[l]++] = ((long) g.node(sc, sr) << 2) | dir;
                    }
                }
            }
        }
        Geometry[] out = new Geometry[labelCount];
        for (int l = 0; l < labelCount; l++) {
            int from = count[l];
            int to = count[l + 1];
            if (from == to) {
                continue;
            }
            Arrays.sort(edges, from, to);
            out[l] = build(g, edges, from, to, gf);
        }
        return out;
    }

    /** The label of the neighbour in direction d (0 right, 1 top, 2 left, 3 bottom), -1 beyond the grid. */
    private static int neighbour(FieldGrid g, int[] label, int c, int r, int d) {
        int nc = c + (d == 0 ? 1 : d == 2 ? -1 : 0);
        int nr = r + (d == 1 ? 1 : d == 3 ? -1 : 0);
        if (nc < 0 || nr < 0 || nc >= g.ncu || nr >= g.ncv) {
            return -1;
        }
        return label[g.cell(nc, nr)];
    }

    private static Geometry build(FieldGrid g, long[] edges, int from, int to, GeometryFactory gf) {
        int n = to - from;
        boolean[] used = new boolean[n];
        List<LinearRing> shells = new ArrayList<>();
        List<LinearRing> holes = new ArrayList<>();
        List<Coordinate> holeProbe = new ArrayList<>();
        int nodesPerColumn = g.ncv + 1;
        for (int start = 0; start < n; start++) {
            if (used[start]) {
                continue;
            }
            List<Coordinate> ring = new ArrayList<>();
            int e = start;
            double area2 = 0;
            while (!used[e]) {
                used[e] = true;
                long code = edges[from + e];
                int node = (int) (code >>> 2);
                int dir = (int) (code & 3);
                Coordinate p = new Coordinate(g.nodeX[node], g.nodeY[node]);
                ring.add(p);
                int c = node / nodesPerColumn + DC[dir];
                int r = node % nodesPerColumn + DR[dir];
                int end = g.node(c, r);
                area2 += g.nodeX[node] * g.nodeY[end] - g.nodeX[end] * g.nodeY[node];
                e = next(edges, from, to, end, dir);
            }
            ring.add(ring.get(0).copy());
            LinearRing lr = gf.createLinearRing(ring.toArray(new Coordinate[0]));
            if (area2 > 0) {
                shells.add(lr);
            } else {
                holes.add(lr);
                // A point inside the polygon next to the hole: the centre of the cell left of the first edge.
                long code = edges[from + start];
                int node = (int) (code >>> 2);
                int dir = (int) (code & 3);
                int c = node / nodesPerColumn;
                int r = node % nodesPerColumn;
                int cc = switch (dir) {
                    case 0, 1 -> dir == 0 ? c : c - 1;
                    case 2 -> c - 1;
                    default -> c;
                };
                int cr = switch (dir) {
                    case 0 -> r;
                    case 1 -> r;
                    case 2 -> r - 1;
                    default -> r - 1;
                };
                holeProbe.add(new Coordinate(g.cellX(cc, cr), g.cellY(cc, cr)));
            }
        }
        if (shells.size() == 1) {
            return gf.createPolygon(shells.get(0), holes.toArray(new LinearRing[0]));
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        for (int i = 0; i < shells.size(); i++) {
            holesOf.add(new ArrayList<>());
        }
        for (int h = 0; h < holes.size(); h++) {
            for (int s = 0; s < shells.size(); s++) {
                if (PointLocation.isInRing(holeProbe.get(h), shells.get(s).getCoordinates())) {
                    holesOf.get(s).add(holes.get(h));
                    break;
                }
            }
        }
        Polygon[] polys = new Polygon[shells.size()];
        for (int s = 0; s < shells.size(); s++) {
            polys[s] = gf.createPolygon(shells.get(s), holesOf.get(s).toArray(new LinearRing[0]));
        }
        return gf.createMultiPolygon(polys);
    }

    /** The edge leaving {@code node} after arriving in direction {@code dir}: left turn, else straight, else right. */
    private static int next(long[] edges, int from, int to, int node, int dir) {
        long lo = (long) node << 2;
        int i = Arrays.binarySearch(edges, from, to, lo);
        if (i < 0) {
            i = -i - 1;
        }
        int best = -1;
        int bestRank = 9;
        for (int k = i; k < to && (edges[k] >>> 2) == node; k++) {
            int d = (int) (edges[k] & 3);
            int turn = (d - dir + 4) % 4; // 1 left, 0 straight, 3 right
            int rank = turn == 1 ? 0 : turn == 0 ? 1 : turn == 3 ? 2 : 3;
            if (rank < bestRank) {
                bestRank = rank;
                best = k - from;
            }
        }
        return best;
    }
}
