package org.gengdi.process.contiguity;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The Farmland Contiguity Index of FARMLAND-RULES.md §C.3. Parcels (in a metric plane: the GK zone) are the nodes
 * of a graph with an edge wherever two lie within {@code dBridge} of each other; the patches are its connected
 * components (single linkage, found with an STR-tree and union-find, so the result is deterministic and equals
 * PostGIS {@code ST_ClusterDBSCAN(geom, eps := dBridge, minpoints := 1)}). Patch areas are planar (the sum of member
 * areas, gaps not added); a patch is hilly when more than {@code hillyShare} of its area has slope class ≥ 3.
 *
 * <p>Memory: the parcels' geometries are held (the graph needs them); the index and the union-find are linear in
 * the number of parcels. Pairs already in one patch are not tested again, so dense farmland costs little more than
 * sparse.
 *
 * <pre>ContiguityOp.Result r = ContiguityOp.compute(parcels, aoiArea, ContiguityParameters.defaults());</pre>
 */
public final class ContiguityOp {

    /** One parcel: its id, geometry (metric plane), slope class ("1"–"5" or null) and ellipsoidal area (or NaN). */
    public record Parcel(String id, Geometry geometry, String slopeClass, double ellipsoidalArea) {
    }

    public enum PatchClass { CONTIGUOUS, INTERMEDIATE, FRAGMENTED }

    /** A parcel's place: its patch, the patch's class and the score s_i = min(1, A_k / aMin(t_k)). */
    public record ParcelResult(String id, int patch, PatchClass patchClass, double score) {
    }

    /**
     * A patch.
     *
     * @param id              the patch number (0-based, in order of the first member)
     * @param members         indexes of its parcels in the input list
     * @param area            A_k, planar m²
     * @param ellipsoidalArea the sum of the members' ellipsoidal areas (NaN when not given)
     * @param hilly           its terrain
     * @param patchClass      its class
     */
    public record Patch(int id, List<Integer> members, double area, double ellipsoidalArea, boolean hilly,
                        PatchClass patchClass) {
    }

    /**
     * The region's indicators (§C.3 step 3) and the FCI.
     *
     * @param farmlandArea A_F (planar m²)
     * @param aoiArea      A_AOI (planar m²)
     */
    public record Region(double cr, double fr, double lpiF, double lpi, double sShape, int np, double mps, double pd,
                         double ed, double awmsi, double fci, String band, double farmlandArea, double aoiArea) {
    }

    public record Result(List<ParcelResult> parcels, List<Patch> patches, Region region) {
    }

    private ContiguityOp() {
    }

    public static Result compute(List<Parcel> parcels, double aoiArea, ContiguityParameters p) {
        return compute(parcels, aoiArea, p, () -> { });
    }

    /** As {@link #compute(List, double, ContiguityParameters)}, calling {@code check} now and then (cancellation). */
    public static Result compute(List<Parcel> parcels, double aoiArea, ContiguityParameters p, Runnable check) {
        int n = parcels.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        // step 1: the graph's components
        STRtree index = new STRtree();
        for (int i = 0; i < n; i++) {
            index.insert(parcels.get(i).geometry().getEnvelopeInternal(), i);
        }
        index.build();
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0) {
                check.run();
            }
            Geometry gi = parcels.get(i).geometry();
            Envelope e = gi.getEnvelopeInternal().copy();
            e.expandBy(p.dBridge());
            for (Object o : index.query(e)) {
                int j = (Integer) o;
                if (j <= i) {
                    continue;
                }
                int ri = find(parent, i);
                int rj = find(parent, j);
                if (ri == rj) {
                    continue;
                }
                if (DistanceOp.isWithinDistance(gi, parcels.get(j).geometry(), p.dBridge())) {
                    parent[Math.max(ri, rj)] = Math.min(ri, rj);
                }
            }
        }
        // step 2: patches
        int[] patchOf = new int[n];
        int[] rootPatch = new int[n];
        java.util.Arrays.fill(rootPatch, -1);
        List<List<Integer>> members = new ArrayList<>();
        double[] area = new double[n];
        double[] perimeter = new double[n];
        for (int i = 0; i < n; i++) {
            int r = find(parent, i);
            if (rootPatch[r] < 0) {
                rootPatch[r] = members.size();
                members.add(new ArrayList<>());
            }
            patchOf[i] = rootPatch[r];
            members.get(patchOf[i]).add(i);
            area[i] = parcels.get(i).geometry().getArea();
            perimeter[i] = parcels.get(i).geometry().getLength();
        }
        List<Patch> patches = new ArrayList<>(members.size());
        double farmland = 0;
        double largest = 0;
        double contiguous = 0;
        double fragmented = 0;
        for (int k = 0; k < members.size(); k++) {
            double a = 0;
            double steep = 0;
            double ell = 0;
            for (int i : members.get(k)) {
                a += area[i];
                String s = parcels.get(i).slopeClass();
                if (s != null && s.compareTo("3") >= 0 && s.length() == 1) {
                    steep += area[i];
                }
                ell += parcels.get(i).ellipsoidalArea();
            }
            boolean hilly = p.terrainOverride() != null ? p.terrainOverride().equalsIgnoreCase("HILLY")
                    : a > 0 && steep / a > p.hillyShare();
            double aMin = hilly ? p.aMinHilly() : p.aMinPlain();
            double aFrag = hilly ? p.aFragHilly() : p.aFragPlain();
            PatchClass c = a >= aMin ? PatchClass.CONTIGUOUS : a < aFrag ? PatchClass.FRAGMENTED
                    : PatchClass.INTERMEDIATE;
            patches.add(new Patch(k, List.copyOf(members.get(k)), a, ell, hilly, c));
            farmland += a;
            largest = Math.max(largest, a);
            if (c == PatchClass.CONTIGUOUS) {
                contiguous += a;
            } else if (c == PatchClass.FRAGMENTED) {
                fragmented += a;
            }
        }
        List<ParcelResult> results = new ArrayList<>(n);
        double sShape = 0;
        double awmsi = 0;
        double edges = 0;
        for (int i = 0; i < n; i++) {
            Patch k = patches.get(patchOf[i]);
            double aMin = k.hilly() ? p.aMinHilly() : p.aMinPlain();
            results.add(new ParcelResult(parcels.get(i).id(), k.id(), k.patchClass(), Math.min(1, k.area() / aMin)));
            double shape = area[i] > 0 ? 0.25 * perimeter[i] / Math.sqrt(area[i]) : 1;
            if (farmland > 0) {
                sShape += area[i] / farmland * Math.min(1, 1 / shape);
                awmsi += area[i] / farmland * shape;
            }
            edges += perimeter[i];
        }
        // step 3 and 4
        double cr = farmland > 0 ? contiguous / farmland : 0;
        double fr = farmland > 0 ? fragmented / farmland : 0;
        double lpiF = farmland > 0 ? largest / farmland : 0;
        int np = patches.size();
        double[] w = p.weights();
        double fci = 100 * (w[0] * cr + w[1] * (1 - fr) + w[2] * lpiF + w[3] * sShape);
        Region region = new Region(cr, fr, lpiF, aoiArea > 0 ? largest / aoiArea * 100 : Double.NaN, sShape, np,
                np > 0 ? farmland / np : 0, aoiArea > 0 ? np / aoiArea * 1e6 : Double.NaN,
                aoiArea > 0 ? edges / aoiArea * 1e4 : Double.NaN, awmsi, fci, ContiguityParameters.band(fci), farmland,
                aoiArea);
        return new Result(results, patches, region);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
