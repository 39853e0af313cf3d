package org.gengdi.data.sample;

import java.util.Arrays;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/**
 * Which cell of the field grid belongs to what. Line segments between crossings are present or absent (ditches
 * are sparse in the hills, roads become town streets in the town); absent segments let neighbouring blocks merge
 * into larger regions. Every inside cell ends up owned by a block region ({@code 0 … regions-1}) or a linear
 * feature ({@code regions …}): a run of one line's strips and crossings with one type, inside one village.
 */
final class FieldLayout {
    static final int OUTSIDE = -1;

    final FieldGrid g;
    /** Type of U-line i's segment in block row br: index {@code i * (nv + 1) + br}. */
    final byte[] segU;
    /** Type of V-line j's segment in block column bc: index {@code j * (nu + 1) + bc}. */
    final byte[] segV;
    /** Owner per cell: OUTSIDE, a region, or regions + line feature. */
    final int[] owner;
    final int regions;
    int lines;
    /** Per region: area and centroid from its cells. */
    final double[] regionArea;
    final double[] regionX;
    final double[] regionY;
    /** Per region: grid-cell bounding box (cmin, rmin, cmax, rmax). */
    final int[] regionBox;
    /** Per owner (regions then lines): the village index. */
    int[] village;
    /** Per line feature: type (FieldGrid.DITCH …) and width. */
    byte[] lineType;
    double[] lineWidth;

    private FieldLayout(FieldGrid g, Terrain terrain, AdminPlan admin) {
        this.g = g;
        int ncu = g.ncu;
        int ncv = g.ncv;
        boolean[] nodeIn = insideNodes(g);
        boolean[] cellIn = new boolean[g.cellCount()];
        for (int c = 0; c < ncu; c++) {
            for (int r = 0; r < ncv; r++) {
                cellIn[g.cell(c, r)] = nodeIn[g.node(c, r)] || nodeIn[g.node(c + 1, r)]
                        || nodeIn[g.node(c, r + 1)] || nodeIn[g.node(c + 1, r + 1)];
            }
        }
        segU = new byte[g.nu * (g.nv + 1)];
        segV = new byte[g.nv * (g.nu + 1)];
        Noise presence = new Noise(g.frame.seed, 51);
        for (int i = 0; i < g.nu; i++) {
            for (int br = 0; br <= g.nv; br++) {
                int c = 2 * i + 1;
                int r = 2 * br;
                if (cellIn[g.cell(c, r)]) {
                    double t = presence.line(g.bv[r] / 1_300 + i * 37.1) * 0.75
                            + (Rand.unit(g.frame.seed, 1_000_003L * i, br) * 2 - 1) * 0.25;
                    segU[i * (g.nv + 1) + br] =
                            segmentType(g.uKind[i], g.cellX(c, r), g.cellY(c, r), t, terrain, admin);
                }
            }
        }
        for (int j = 0; j < g.nv; j++) {
            for (int bc = 0; bc <= g.nu; bc++) {
                int c = 2 * bc;
                int r = 2 * j + 1;
                if (cellIn[g.cell(c, r)]) {
                    double t = presence.line(g.bu[c] / 1_300 + j * 53.7 + 5_000) * 0.75
                            + (Rand.unit(g.frame.seed, 2_000_003L * j + 7, bc) * 2 - 1) * 0.25;
                    segV[j * (g.nu + 1) + bc] =
                            segmentType(g.vKind[j], g.cellX(c, r), g.cellY(c, r), t, terrain, admin);
                }
            }
        }
        pruneIsolatedSegments();
        // Cell kinds: line cells get owner placeholders later; block-type cells are merged by union-find.
        owner = new int[g.cellCount()];
        Arrays.fill(owner, OUTSIDE);
        byte[] crossingOwner = new byte[g.cellCount()]; // 1 = U-line, 2 = V-line, 0 = none
        int[] parent = new int[g.cellCount()];
        for (int k = 0; k < parent.length; k++) {
            parent[k] = k;
        }
        boolean[] block = new boolean[g.cellCount()];
        for (int c = 0; c < ncu; c++) {
            for (int r = 0; r < ncv; r++) {
                int k = g.cell(c, r);
                if (!cellIn[k]) {
                    continue;
                }
                boolean oddC = (c & 1) == 1;
                boolean oddR = (r & 1) == 1;
                if (!oddC && !oddR) {
                    block[k] = true;
                } else if (oddC && !oddR) {
                    block[k] = segU[((c - 1) / 2) * (g.nv + 1) + r / 2] == FieldGrid.NONE;
                } else if (!oddC) {
                    block[k] = segV[((r - 1) / 2) * (g.nu + 1) + c / 2] == FieldGrid.NONE;
                } else {
                    int i = (c - 1) / 2;
                    int j = (r - 1) / 2;
                    byte ut = (byte) Math.max(segU[i * (g.nv + 1) + j], segU[i * (g.nv + 1) + j + 1]);
                    byte vt = (byte) Math.max(segV[j * (g.nu + 1) + i], segV[j * (g.nu + 1) + i + 1]);
                    if (ut == 0 && vt == 0) {
                        block[k] = true;
                    } else {
                        crossingOwner[k] = (byte) (ut >= vt ? 1 : 2);
                    }
                }
            }
        }
        // Blocks merge across absent lines only within one village, so villages in the hills keep their shape.
        int[] cellVillage = new int[g.cellCount()];
        for (int c = 0; c < ncu; c += 2) {
            for (int r = 0; r < ncv; r += 2) {
                int k = g.cell(c, r);
                cellVillage[k] = block[k] ? admin.nearestVillage(g.cellX(c, r), g.cellY(c, r)).index : -1;
            }
        }
        for (int c = 0; c < ncu; c++) {
            for (int r = 0; r < ncv; r++) {
                int k = g.cell(c, r);
                if (block[k] && ((c & 1) == 1 || (r & 1) == 1)) {
                    cellVillage[k] = bridgeVillage(c, r, block, cellVillage, admin);
                }
            }
        }
        for (int c = 0; c < ncu; c++) {
            for (int r = 0; r < ncv; r++) {
                int k = g.cell(c, r);
                if (!block[k]) {
                    continue;
                }
                if (c + 1 < ncu && block[g.cell(c + 1, r)] && cellVillage[g.cell(c + 1, r)] == cellVillage[k]) {
                    union(parent, k, g.cell(c + 1, r));
                }
                if (r + 1 < ncv && block[g.cell(c, r + 1)] && cellVillage[g.cell(c, r + 1)] == cellVillage[k]) {
                    union(parent, k, g.cell(c, r + 1));
                }
            }
        }
        int[] rootId = new int[g.cellCount()];
        Arrays.fill(rootId, -1);
        int n = 0;
        for (int k = 0; k < block.length; k++) {
            if (block[k]) {
                int root = find(parent, k);
                if (rootId[root] < 0) {
                    rootId[root] = n++;
                }
                owner[k] = rootId[root];
            }
        }
        regions = n;
        regionArea = new double[n];
        regionX = new double[n];
        regionY = new double[n];
        regionBox = new int[4 * n];
        for (int q = 0; q < n; q++) {
            regionBox[4 * q] = Integer.MAX_VALUE;
            regionBox[4 * q + 1] = Integer.MAX_VALUE;
            regionBox[4 * q + 2] = -1;
            regionBox[4 * q + 3] = -1;
        }
        for (int c = 0; c < ncu; c++) {
            for (int r = 0; r < ncv; r++) {
                int o = owner[g.cell(c, r)];
                if (o < 0) {
                    continue;
                }
                double a = g.cellArea(c, r);
                regionArea[o] += a;
                regionX[o] += a * g.cellX(c, r);
                regionY[o] += a * g.cellY(c, r);
                regionBox[4 * o] = Math.min(regionBox[4 * o], c);
                regionBox[4 * o + 1] = Math.min(regionBox[4 * o + 1], r);
                regionBox[4 * o + 2] = Math.max(regionBox[4 * o + 2], c);
                regionBox[4 * o + 3] = Math.max(regionBox[4 * o + 3], r);
            }
        }
        int[] regionVillage = new int[n];
        for (int k = 0; k < owner.length; k++) {
            if (owner[k] >= 0) {
                regionVillage[owner[k]] = cellVillage[k];
            }
        }
        for (int q = 0; q < n; q++) {
            regionX[q] /= regionArea[q];
            regionY[q] /= regionArea[q];
        }
        buildLines(cellIn, crossingOwner, regionVillage);
    }

    static FieldLayout of(FieldGrid g, Terrain terrain, AdminPlan admin) {
        return new FieldLayout(g, terrain, admin);
    }

    private static boolean[] insideNodes(FieldGrid g) {
        IndexedPointInAreaLocator loc = new IndexedPointInAreaLocator(g.frame.outline);
        boolean[] in = new boolean[g.nodeX.length];
        Coordinate p = new Coordinate();
        for (int k = 0; k < in.length; k++) {
            p.x = g.nodeX[k];
            p.y = g.nodeY[k];
            in[k] = loc.locate(p) != Location.EXTERIOR;
        }
        return in;
    }

    private static byte segmentType(byte kind, double x, double y, double t, Terrain terrain, AdminPlan admin) {
        if (kind == FieldGrid.COUNTY) {
            return FieldGrid.COUNTY;
        }
        if (admin.townDistance(x, y) < 1.05) {
            return FieldGrid.TOWN;
        }
        if (admin.seatAt(x, y) != null) {
            return FieldGrid.TOWN;
        }
        double h = terrain.hilliness(x, y);
        double p = kind == FieldGrid.RURAL ? 0.55 - 0.75 * h : 0.32 - 0.95 * h;
        return t < p ? kind : FieldGrid.NONE;
    }

    /** The village of a strip or crossing cell: that of its first neighbouring block cell (left, below, …). */
    private int bridgeVillage(int c, int r, boolean[] block, int[] cellVillage, AdminPlan admin) {
        int[][] sides = {{c - 1, r - 1}, {c - 1, r}, {c, r - 1}, {c + 1, r}, {c, r + 1}, {c + 1, r + 1}, {c - 1, r + 1},
            {c + 1, r - 1}};
        for (int[] sd : sides) {
            if ((sd[0] & 1) == 0 && (sd[1] & 1) == 0 && sd[0] >= 0 && sd[1] >= 0 && sd[0] < g.ncu && sd[1] < g.ncv
                    && block[g.cell(sd[0], sd[1])]) {
                return cellVillage[g.cell(sd[0], sd[1])];
            }
        }
        return admin.nearestVillage(g.cellX(c, r), g.cellY(c, r)).index;
    }

    /** Drops segments that touch no other segment at either end (stray ditches in the middle of a wood). */
    private void pruneIsolatedSegments() {
        for (int pass = 0; pass < 2; pass++) {
            byte[] u = segU.clone();
            byte[] v = segV.clone();
            for (int i = 0; i < g.nu; i++) {
                for (int br = 0; br <= g.nv; br++) {
                    if (u[i * (g.nv + 1) + br] != FieldGrid.NONE && !joinedU(u, v, i, br)) {
                        segU[i * (g.nv + 1) + br] = FieldGrid.NONE;
                    }
                }
            }
            for (int j = 0; j < g.nv; j++) {
                for (int bc = 0; bc <= g.nu; bc++) {
                    if (v[j * (g.nu + 1) + bc] != FieldGrid.NONE && !joinedV(u, v, j, bc)) {
                        segV[j * (g.nu + 1) + bc] = FieldGrid.NONE;
                    }
                }
            }
        }
    }

    /** Whether U-line i's segment in block row br meets another segment at its lower or upper crossing. */
    private boolean joinedU(byte[] u, byte[] v, int i, int br) {
        for (int j : new int[] {br - 1, br}) { // crossing with V-line j: below is j = br - 1, above is j = br
            if (j < 0 || j >= g.nv) {
                continue;
            }
            int other = j == br - 1 ? br - 1 : br + 1;
            if (other >= 0 && other <= g.nv && u[i * (g.nv + 1) + other] != FieldGrid.NONE) {
                return true;
            }
            if (v[j * (g.nu + 1) + i] != FieldGrid.NONE || v[j * (g.nu + 1) + i + 1] != FieldGrid.NONE) {
                return true;
            }
        }
        return false;
    }

    private boolean joinedV(byte[] u, byte[] v, int j, int bc) {
        for (int i : new int[] {bc - 1, bc}) {
            if (i < 0 || i >= g.nu) {
                continue;
            }
            int other = i == bc - 1 ? bc - 1 : bc + 1;
            if (other >= 0 && other <= g.nu && v[j * (g.nu + 1) + other] != FieldGrid.NONE) {
                return true;
            }
            if (u[i * (g.nv + 1) + j] != FieldGrid.NONE || u[i * (g.nv + 1) + j + 1] != FieldGrid.NONE) {
                return true;
            }
        }
        return false;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }

    /** Chains each line's strips and owned crossings into linear features of one type and one village. */
    private void buildLines(boolean[] cellIn, byte[] crossingOwner, int[] regionVillage) {
        int cap = 1024;
        byte[] types = new byte[cap];
        double[] widths = new double[cap];
        int[] villages = new int[cap];
        int count = 0;
        for (int family = 0; family < 2; family++) {
            int nLines = family == 0 ? g.nu : g.nv;
            int len = family == 0 ? g.ncv : g.ncu;
            for (int line = 0; line < nLines; line++) {
                int current = -1;
                byte currentType = 0;
                int currentVillage = -1;
                for (int s = 0; s < len; s++) {
                    int c = family == 0 ? 2 * line + 1 : s;
                    int r = family == 0 ? s : 2 * line + 1;
                    int k = g.cell(c, r);
                    if (!cellIn[k] || owner[k] >= 0) {
                        current = -1;
                        continue;
                    }
                    byte type;
                    int vill;
                    boolean crossing = (s & 1) == 1;
                    if (!crossing) {
                        type = family == 0 ? segU[line * (g.nv + 1) + s / 2] : segV[line * (g.nu + 1) + s / 2];
                        vill = sideVillage(family, c, r, regionVillage);
                    } else {
                        if (crossingOwner[k] != family + 1) {
                            current = -1;
                            continue;
                        }
                        int before = s - 1;
                        int after = s + 1;
                        byte tb = segType(family, line, before);
                        byte ta = segType(family, line, after);
                        type = (byte) Math.max(tb, ta);
                        if (current >= 0 && currentType == type) {
                            vill = currentVillage;
                        } else {
                            int sc = family == 0 ? c : after;
                            int sr = family == 0 ? after : r;
                            vill = sideVillage(family, sc, sr, regionVillage);
                            if (vill < 0) {
                                vill = sideVillage(family, family == 0 ? c : before, family == 0 ? before : r,
                                        regionVillage);
                            }
                        }
                    }
                    if (vill < 0) {
                        vill = currentVillage >= 0 ? currentVillage : 0;
                    }
                    if (current < 0 || type != currentType || vill != currentVillage) {
                        if (count == types.length) {
                            types = Arrays.copyOf(types, count * 2);
                            widths = Arrays.copyOf(widths, count * 2);
                            villages = Arrays.copyOf(villages, count * 2);
                        }
                        current = count++;
                        types[current] = type;
                        widths[current] = family == 0 ? g.uWidth[line] : g.vWidth[line];
                        villages[current] = vill;
                        currentType = type;
                        currentVillage = vill;
                    }
                    owner[k] = -2 - current; // provisional, offset below
                }
            }
        }
        lines = count;
        lineType = Arrays.copyOf(types, count);
        lineWidth = Arrays.copyOf(widths, count);
        village = new int[regions + count];
        System.arraycopy(regionVillage, 0, village, 0, regions);
        System.arraycopy(villages, 0, village, regions, count);
        for (int k = 0; k < owner.length; k++) {
            if (owner[k] <= -2) {
                owner[k] = regions + (-2 - owner[k]);
            }
        }
    }

    private byte segType(int family, int line, int s) {
        int len = family == 0 ? g.ncv : g.ncu;
        if (s < 0 || s >= len) {
            return 0;
        }
        return family == 0 ? segU[line * (g.nv + 1) + s / 2] : segV[line * (g.nu + 1) + s / 2];
    }

    /** The village of the region beside a strip cell: left (or below) first, else right (or above). */
    private int sideVillage(int family, int c, int r, int[] regionVillage) {
        int[][] sides = family == 0 ? new int[][] {{c - 1, r}, {c + 1, r}} : new int[][] {{c, r - 1}, {c, r + 1}};
        for (int[] sd : sides) {
            if (sd[0] < 0 || sd[1] < 0 || sd[0] >= g.ncu || sd[1] >= g.ncv) {
                continue;
            }
            int o = owner[g.cell(sd[0], sd[1])];
            if (o >= 0 && o < regions) {
                return regionVillage[o];
            }
        }
        return -1;
    }

    /** Whether a cell belongs to a block region (not a line, not outside). */
    boolean isRegionCell(int k) {
        return owner[k] >= 0 && owner[k] < regions;
    }
}
