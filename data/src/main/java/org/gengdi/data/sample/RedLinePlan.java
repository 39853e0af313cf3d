package org.gengdi.data.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the permanent basic farmland (永久基本农田) and its reserve among the cultivated parcels. Parcels are
 * ranked by a score that is mostly a property of their block's neighbourhood (soil, slope, a smooth planning
 * preference), so the chosen land comes in contiguous blocks on the better, flatter land; the best parcels are
 * taken until {@link #RED_LINE_SHARE} of the cultivated area is covered. Land inside the urban development
 * boundary is never chosen; steep (> 25°) and ecological-red-line land only rarely; land next to villages is
 * less likely (kept for village needs). The reserve (储备区) is taken from the best-quality remaining parcels
 * below 15° lying within a few hundred metres of red-line land.
 */
final class RedLinePlan {
    static final double RED_LINE_SHARE = 0.83;
    static final double RESERVE_SHARE = 0.03;

    private final long seed;
    private final Terrain terrain;
    private final FieldLayout layout;
    private final Noise preference;
    private final AdminPlan admin;

    RedLinePlan(long seed, Terrain terrain, FieldLayout layout, AdminPlan admin) {
        this.seed = seed;
        this.terrain = terrain;
        this.admin = admin;
        this.layout = layout;
        this.preference = new Noise(seed, 81);
    }

    void select(List<Parcel> parcels) {
        double[] regional = new double[layout.regions];
        boolean[] done = new boolean[layout.regions];
        List<Parcel> candidates = new ArrayList<>();
        double cultivatedArea = 0;
        for (Parcel p : parcels) {
            if (!p.cultivated()) {
                continue;
            }
            cultivatedArea += p.tbmj;
            double rx = p.region >= 0 ? layout.regionX[p.region] : p.x;
            double ry = p.region >= 0 ? layout.regionY[p.region] : p.y;
            double base;
            if (p.region >= 0 && done[p.region]) {
                base = regional[p.region];
            } else {
                base = -0.9 * terrain.badness(rx, ry, terrain.slope(rx, ry)) + 1.5 * preference.fbm(rx, ry, 3_000, 2)
                        + 0.5 * Math.min(1, Math.max(0, admin.settlementDistance(rx, ry)) / 500)
                        + 0.5 * (Rand.unit(seed, 0x72656742L, p.region) - 0.5);
                if (p.region >= 0) {
                    regional[p.region] = base;
                    done[p.region] = true;
                }
            }
            double u = Rand.unit(seed, 0x7265644cL, p.seq);
            double s = base - 0.03 * p.slope - 0.06 * p.gddj + (LandUse.PADDY.equals(p.dlbm) ? 0.2 : 0)
                    + 0.1 * (u - 0.5);
            if ("5".equals(p.gdpdjb) && u > 0.03) {
                s -= 10;
            }
            if (p.inEcoRedLine) {
                s -= 1.2;
            }
            p.score = s;
            if (!p.inUrbanBoundary) {
                candidates.add(p);
            }
        }
        Comparator<Parcel> best = Comparator.comparingDouble((Parcel p) -> -p.score).thenComparingLong(p -> p.seq);
        candidates.sort(best);
        double target = RED_LINE_SHARE * cultivatedArea;
        double taken = 0;
        double redNet = 0;
        Set<Long> redCells = new HashSet<>();
        for (Parcel p : candidates) {
            if (taken >= target) {
                break;
            }
            p.red = true;
            taken += p.tbmj;
            redNet += p.tbdlmj;
            redCells.add(cell(p.x, p.y));
        }
        // Near the red line first; in a small county there may be too few, then anywhere below 15°.
        List<Parcel> near = new ArrayList<>();
        List<Parcel> far = new ArrayList<>();
        for (Parcel p : candidates) {
            if (!p.red && p.gdpdjb.compareTo("3") <= 0) {
                (nearRed(redCells, p.x, p.y) ? near : far).add(p);
            }
        }
        Comparator<Parcel> quality = Comparator.comparingInt((Parcel p) -> p.gddj).thenComparing(best);
        near.sort(quality);
        far.sort(quality);
        near.addAll(far);
        double reserveTarget = RESERVE_SHARE * redNet;
        double reserve = 0;
        for (Parcel p : near) {
            if (reserve >= reserveTarget) {
                break;
            }
            p.reserve = true;
            reserve += p.tbdlmj;
        }
    }

    private static final double NEAR = 300;

    private static long cell(double x, double y) {
        return ((long) Math.floor(x / NEAR) << 32) ^ ((long) Math.floor(y / NEAR) & 0xffffffffL);
    }

    /** True when a red-line parcel lies within about 300–600 m (same or neighbouring 300 m cell). */
    private static boolean nearRed(Set<Long> redCells, double x, double y) {
        long i = (long) Math.floor(x / NEAR);
        long j = (long) Math.floor(y / NEAR);
        for (long a = i - 1; a <= i + 1; a++) {
            for (long b = j - 1; b <= j + 1; b++) {
                if (redCells.contains((a << 32) ^ (b & 0xffffffffL))) {
                    return true;
                }
            }
        }
        return false;
    }
}
