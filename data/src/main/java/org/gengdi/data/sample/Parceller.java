package org.gengdi.data.sample;

import org.gengdi.core.task.ProgressListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Distance;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Divides each block region into field parcels: a jittered lattice of seed points (elongated along the grid,
 * denser in the town, sparse in woodland) whose density is calibrated so that the number of cultivated seeds
 * matches the requested parcel count; then the Voronoi cells of the seeds clipped to the block. Each parcel takes
 * the land class of its seed. Finally some farmland parcels get a pond carved out of them.
 */
final class Parceller {
    private static final double ASPECT = 1.8;
    private static final double MIN_PIECE = 120;

    /** One parcel of a block region before attributes: geometry (local), class, seed and region. */
    static final class Piece {
        Geometry geom;
        final String dlbm;
        final int region;
        final double sx;
        final double sy;

        Piece(Geometry geom, String dlbm, int region, double sx, double sy) {
            this.geom = geom;
            this.dlbm = dlbm;
            this.region = region;
            this.sx = sx;
            this.sy = sy;
        }
    }

    private final CountyFrame f;
    private final FieldGrid g;
    private final FieldLayout layout;
    private final Geometry[] regionGeom;
    private final boolean[] clipped;
    private final LandUse landUse;
    private final Terrain terrain;
    private final AdminPlan admin;
    private final LandUse.Setting[] setting;
    private final IndexedPointInAreaLocator[] locators;
    /** Seeds per region as x, y pairs, and their classes. */
    private double[][] seedXy;
    private String[][] seedClass;
    double density;
    int calibrationRounds;
    int cultivatedSeeds;

    Parceller(CountyFrame f, FieldGrid g, FieldLayout layout, Geometry[] regionGeom, boolean[] clipped,
              LandUse landUse, Terrain terrain, AdminPlan admin) {
        this.f = f;
        this.g = g;
        this.layout = layout;
        this.regionGeom = regionGeom;
        this.clipped = clipped;
        this.landUse = landUse;
        this.terrain = terrain;
        this.admin = admin;
        this.setting = new LandUse.Setting[layout.regions];
        this.locators = new IndexedPointInAreaLocator[layout.regions];
        for (int q = 0; q < layout.regions; q++) {
            setting[q] = landUse.setting(layout.regionX[q], layout.regionY[q]);
        }
    }

    /** The setting of a region's block (at its centroid). */
    LandUse.Setting setting(int region) {
        return setting[region];
    }

    private static double weight(LandUse.Setting s) {
        return switch (s) {
            case TOWN -> 3.0;
            case SEAT -> 2.2;
            case VILLAGE -> 1.4;
            case FARMLAND -> 1.0;
            case WOODLAND -> 0.16;
        };
    }

    /** Places seeds, calibrating their density until the cultivated seeds number {@code target} (±0.5 %). */
    void calibrate(int target, ProgressListener progress) {
        double farm = 0;
        for (int q = 0; q < layout.regions; q++) {
            if (regionGeom[q] != null && setting[q] == LandUse.Setting.FARMLAND) {
                farm += layout.regionArea[q];
            }
        }
        density = target / Math.max(1, 0.8 * farm);
        int rounds = 8;
        for (int round = 1; round <= rounds; round++) {
            int cultivated = placeSeeds();
            cultivatedSeeds = cultivated;
            calibrationRounds = round;
            progress.progress("seeds", round, rounds);
            double ratio = target / (double) Math.max(1, cultivated);
            if (Math.abs(ratio - 1) < 0.005) {
                break;
            }
            density *= StrictMath.pow(ratio, 1.1);
        }
        progress.progress("seeds", rounds, rounds);
    }

    private int placeSeeds() {
        seedXy = new double[layout.regions][];
        seedClass = new String[layout.regions][];
        int cultivated = 0;
        double[] xy = new double[2];
        List<double[]> pts = new ArrayList<>();
        for (int q = 0; q < layout.regions; q++) {
            if (regionGeom[q] == null) {
                continue;
            }
            pts.clear();
            double dens = density * weight(setting[q]);
            double du = Math.sqrt(1 / (dens * ASPECT));
            double dv = du * ASPECT;
            int cmin = layout.regionBox[4 * q];
            int rmin = layout.regionBox[4 * q + 1];
            int cmax = layout.regionBox[4 * q + 2];
            int rmax = layout.regionBox[4 * q + 3];
            double u0 = g.bu[cmin];
            double u1 = g.bu[cmax + 1];
            double v0 = g.bv[rmin];
            double v1 = g.bv[rmax + 1];
            long base = (long) q << 20;
            double ou = Rand.unit(f.seed, base, 1) * du;
            double ov = Rand.unit(f.seed, base, 2) * dv;
            int i = 0;
            for (double u = u0 + ou - du; u < u1 + du; u += du, i++) {
                int j = 0;
                for (double v = v0 + ov - dv; v < v1 + dv; v += dv, j++) {
                    long key = base + ((long) i << 10) + j;
                    double uu = u + (Rand.unit(f.seed, key, 3) - 0.5) * 0.62 * du;
                    double vv = v + (Rand.unit(f.seed, key, 4) - 0.5) * 0.62 * dv;
                    int c = g.column(uu);
                    int r = g.row(vv);
                    if (c < 0 || r < 0 || layout.owner[g.cell(c, r)] != q) {
                        continue;
                    }
                    g.map(c, r, uu, vv, xy);
                    double x = f.round(xy[0]);
                    double y = f.round(xy[1]);
                    if (clipped[q] && locator(q).locate(new Coordinate(x, y)) != Location.INTERIOR) {
                        continue;
                    }
                    pts.add(new double[] {x, y, key});
                }
            }
            if (pts.isEmpty()) {
                Coordinate p = interior(regionGeom[q]);
                pts.add(new double[] {p.x, p.y, base});
            }
            double[] flat = new double[pts.size() * 2];
            String[] cls = new String[pts.size()];
            for (int k = 0; k < pts.size(); k++) {
                double[] p = pts.get(k);
                flat[2 * k] = p[0];
                flat[2 * k + 1] = p[1];
                cls[k] = landUse.classify(p[0], p[1], (long) p[2]);
                if (cls[k].startsWith("01")) {
                    cultivated++;
                }
            }
            seedXy[q] = flat;
            seedClass[q] = cls;
        }
        return cultivated;
    }

    private IndexedPointInAreaLocator locator(int q) {
        if (locators[q] == null) {
            locators[q] = new IndexedPointInAreaLocator(regionGeom[q]);
        }
        return locators[q];
    }

    private static Coordinate interior(Geometry geom) {
        return geom.getInteriorPoint().getCoordinate();
    }

    /** Clips the Voronoi cells of each region's seeds to the region; returns the parcels in region order. */
    List<Piece> divide(ProgressListener progress) {
        List<Piece> out = new ArrayList<>();
        for (int q = 0; q < layout.regions; q++) {
            if (regionGeom[q] == null) {
                continue;
            }
            if (q % 2_000 == 0) {
                progress.progress("parcels", q, layout.regions);
            }
            double[] s = seedXy[q];
            int n = s.length / 2;
            List<Piece> local = new ArrayList<>();
            if (n == 1) {
                addParts(local, regionGeom[q], seedClass[q][0], q, s[0], s[1]);
            } else {
                Map<Coordinate, Integer> index = new HashMap<>();
                List<Coordinate> sites = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    Coordinate c = new Coordinate(s[2 * k], s[2 * k + 1]);
                    if (index.putIfAbsent(c, k) == null) {
                        sites.add(c);
                    }
                }
                VoronoiDiagramBuilder vb = new VoronoiDiagramBuilder();
                vb.setSites(sites);
                // The cells straight from the subdivision: clipping them to the frame first would cost an overlay each.
                List<?> cells = vb.getSubdivision().getVoronoiCellPolygons(f.gf);
                Geometry[] bySeed = new Geometry[n];
                for (Object o : cells) {
                    Geometry cell = (Geometry) o;
                    Integer idx = index.get((Coordinate) cell.getUserData());
                    if (idx != null) {
                        bySeed[idx] = cell;
                    }
                }
                ConvexClip convex = ConvexClip.of(regionGeom[q]);
                for (int k = 0; k < n; k++) {
                    if (bySeed[k] == null) {
                        continue;
                    }
                    Geometry piece = convex != null ? polygon(convex.clip(bySeed[k].getCoordinates()))
                            : OverlayNG.overlay(bySeed[k], regionGeom[q], OverlayNG.INTERSECTION, f.pm);
                    if (piece != null) {
                        addParts(local, piece, seedClass[q][k], q, s[2 * k], s[2 * k + 1]);
                    }
                }
                mergeSlivers(local);
            }
            out.addAll(local);
        }
        progress.progress("parcels", layout.regions, layout.regions);
        return out;
    }

    /** A polygon from an open ring, rounded to the frame's grid; null when degenerate. */
    private Polygon polygon(double[][] ring) {
        int m = ring[0].length;
        List<Coordinate> cs = new ArrayList<>(m + 1);
        for (int i = 0; i < m; i++) {
            Coordinate c = new Coordinate(f.round(ring[0][i]), f.round(ring[1][i]));
            if (cs.isEmpty() || !cs.get(cs.size() - 1).equals2D(c)) {
                cs.add(c);
            }
        }
        while (cs.size() > 1 && cs.get(cs.size() - 1).equals2D(cs.get(0))) {
            cs.remove(cs.size() - 1);
        }
        if (cs.size() < 3) {
            return null;
        }
        cs.add(cs.get(0).copy());
        Polygon p = f.gf.createPolygon(cs.toArray(new Coordinate[0]));
        return p.getArea() > 0 ? p : null;
    }

    private static void addParts(List<Piece> out, Geometry geom, String dlbm, int region, double sx, double sy) {
        for (int i = 0; i < geom.getNumGeometries(); i++) {
            Geometry part = geom.getGeometryN(i);
            if (part instanceof Polygon && !part.isEmpty() && part.getArea() > 0) {
                out.add(new Piece(part, dlbm, region, sx, sy));
            }
        }
    }

    /** Merges parcels below MIN_PIECE m² into the largest neighbour sharing an edge with them. */
    private void mergeSlivers(List<Piece> pieces) {
        for (int i = 0; i < pieces.size(); i++) {
            Piece small = pieces.get(i);
            if (small.geom.getArea() >= MIN_PIECE || pieces.size() == 1) {
                continue;
            }
            Piece best = null;
            Geometry bestUnion = null;
            for (Piece p : pieces) {
                if (p == small || !p.geom.getEnvelopeInternal().intersects(small.geom.getEnvelopeInternal())) {
                    continue;
                }
                if (best != null && p.geom.getArea() <= best.geom.getArea()) {
                    continue;
                }
                Geometry u = OverlayNG.overlay(p.geom, small.geom, OverlayNG.UNION, f.pm);
                if (u instanceof Polygon) {
                    best = p;
                    bestUnion = u;
                }
            }
            if (best != null) {
                best.geom = bestUnion;
                pieces.remove(i);
                i--;
            }
        }
    }

    /** Carves farm ponds (坑塘) out of some plain farmland parcels, more often near the villages. */
    List<Piece> carvePonds(List<Piece> pieces) {
        List<Piece> ponds = new ArrayList<>();
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            if (setting[p.region] != LandUse.Setting.FARMLAND || p.dlbm.equals(LandUse.FOREST)) {
                continue;
            }
            double area = p.geom.getArea();
            if (area < 5_000 || terrain.hilliness(p.sx, p.sy) > 0.35) {
                continue;
            }
            double near = Math.max(0, admin.settlementDistance(p.sx, p.sy));
            double chance = 0.035 + 0.16 * StrictMath.exp(-near / 250);
            long key = ((long) p.region << 20) ^ Double.doubleToLongBits(p.sx);
            if (Rand.unit(f.seed, 0x706f6e64L, key) >= chance) {
                continue;
            }
            Rand r = new Rand(f.seed, 0x706f6e64L, key);
            Coordinate[] ring = ((Polygon) p.geom).getExteriorRing().getCoordinates();
            Coordinate centre = new Coordinate(p.sx, p.sy);
            if (((Polygon) p.geom).getNumInteriorRing() > 0 || !PointLocation.isInRing(centre, ring)) {
                continue;
            }
            double room = Double.MAX_VALUE;
            for (int i = 0; i + 1 < ring.length; i++) {
                room = Math.min(room, Distance.pointToSegment(centre, ring[i], ring[i + 1]));
            }
            double radius = Math.max(14, Math.min(42, Math.sqrt(area) * r.range(0.10, 0.2)));
            if (room < radius * 1.6 + 4) {
                radius = (room - 4) / 1.6;
                if (radius < 12) {
                    continue;
                }
            }
            Polygon pond = Water.blob(f, r, centre.x, centre.y, radius);
            p.geom = OverlayNG.overlay(p.geom, pond, OverlayNG.DIFFERENCE, f.pm);
            ponds.add(new Piece(pond, LandUse.POND, p.region, centre.x, centre.y));
        }
        return ponds;
    }
}
