package org.gengdi.data.sample;

import org.gengdi.core.layer.CodeLists;

/**
 * Fills the survey attributes of parcels from their place: slope class and terrace type from the terrain slope,
 * the 田坎 deduction (KCXS by slope class and GDLX, KCMJ = TBMJ × KCXS, TBDLMJ = TBMJ − KCMJ, 2 dp as in §B.2),
 * quality grades GDDJ 1–10 and GDDB 1–15 from the soil field, planting attribute, refinement codes, urban/village
 * attribute and ownership type.
 */
final class ParcelAttributes {
    /** KCXS by slope class 2–5 for terraces (TT) and sloping land (PD). */
    private static final double[] KCXS_TT = {0, 0, 0.05, 0.08, 0.11, 0.14};
    private static final double[] KCXS_PD = {0, 0, 0.06, 0.09, 0.12, 0.15};

    private final long seed;
    private final Terrain terrain;
    private final Water water;
    private final Noise terraces;
    private final Noise planting;
    private final Noise grade;

    ParcelAttributes(long seed, Terrain terrain, Water water) {
        this.seed = seed;
        this.terrain = terrain;
        this.water = water;
        this.terraces = new Noise(seed, 71);
        this.planting = new Noise(seed, 72);
        this.grade = new Noise(seed, 73);
    }

    /**
     * @param setting the setting of the parcel's block (null for linear features and water)
     * @param seat    the township whose seat the parcel lies in, or null
     */
    void fill(Parcel p, LandUse.Setting setting, AdminPlan.Township seat) {
        p.tbmj = Areas.round2(Areas.squareMetres(p.geom, p.geom.getSRID()));
        p.slope = terrain.slope(p.x, p.y);
        p.badness = terrain.badness(p.x, p.y, p.slope);
        long key = p.seq;
        double u = Rand.unit(seed, 0x61747472L, key);
        if (p.cultivated()) {
            int cls = Terrain.slopeClass(p.slope);
            p.gdpdjb = Integer.toString(cls);
            if (cls >= 2) {
                double t = terraces.at(p.x, p.y, 1_800);
                p.gdlx = (cls >= 3 && t > -0.35) || (cls == 2 && t > 0.45) ? "TT" : "PD";
                p.kcxs = ("TT".equals(p.gdlx) ? KCXS_TT : KCXS_PD)[cls];
            }
            double g = p.badness + 0.05 * grade.at(p.x, p.y, 800);
            if (LandUse.DRY.equals(p.dlbm)) {
                g += 0.06;
            } else if (LandUse.PADDY.equals(p.dlbm)) {
                g -= 0.03;
            }
            p.gddj = clamp((int) Math.round(1.6 + 10 * g), 1, 10);
            p.gddb = clamp((int) Math.round(3 + 12 * g + 0.8 * grade.at(p.x + 7_000, p.y, 1_500)), 1, 15);
            double m = planting.fbm(p.x, p.y, 1_200, 2);
            if (m > 0.55) {
                p.zzsxdm = "FLS";
            } else if (m < -0.62) {
                p.zzsxdm = "LYFL";
            } else if (u < 0.012) {
                p.zzsxdm = "XG";
            } else if (u > 1 - 0.015 - 0.04 * terrain.hilliness(p.x, p.y)) {
                p.zzsxdm = "WG";
            } else {
                p.zzsxdm = "LS";
            }
            if (setting == LandUse.Setting.WOODLAND) {
                p.tbxhdm = "LQGD";
            } else if (water.distance(p.x, p.y) < 30) {
                p.tbxhdm = "HDGD";
            }
        } else if ((LandUse.ORCHARD.equals(p.dlbm) || LandUse.POND.equals(p.dlbm)) && u < 0.12) {
            p.zzsxdm = u < 0.08 ? "JKHF" : "GCHF";
        }
        p.kcmj = Areas.round2(p.tbmj * p.kcxs);
        p.tbdlmj = Areas.round2(p.tbmj - p.kcmj);
        p.czcsxm = urbanAttribute(p, setting, seat);
        p.qsxz = stateOwned(p, setting) ? "20" : "30";
    }

    private static String urbanAttribute(Parcel p, LandUse.Setting setting, AdminPlan.Township seat) {
        if (setting == LandUse.Setting.TOWN || LandUse.STREET.equals(p.dlbm) && seat == null) {
            return "202";
        }
        if (setting == LandUse.Setting.SEAT || seat != null && !p.cultivated()) {
            return seat != null && seat.town ? "202" : "203";
        }
        if (setting == LandUse.Setting.VILLAGE && !p.cultivated()) {
            return "203";
        }
        return null;
    }

    private static boolean stateOwned(Parcel p, LandUse.Setting setting) {
        return switch (p.dlbm) {
            case LandUse.COUNTY_ROAD, LandUse.RIVER, LandUse.RESERVOIR, LandUse.STREET -> true;
            default -> setting == LandUse.Setting.TOWN && !p.cultivated();
        };
    }

    static String planting(String code) {
        return code == null ? null : CodeLists.ZZSXDM.nameOf(code);
    }

    static String refinement(String code) {
        return code == null ? null : CodeLists.TBXHDM.nameOf(code);
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
