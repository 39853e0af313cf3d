package org.gengdi.data.sample;

/**
 * Decides the land class (DLBM) at a point from the terrain, the water, the town and the village plan: streets,
 * housing and services in the county town and township seats; housing clusters in the villages; forest and
 * shrubland on high, steep hill ground; orchards on gentle hill slopes; paddy on the low plain near water,
 * irrigated land on the middle plain, dry land higher up and on slopes; a sprinkling of facility farmland.
 * Smooth noise keeps neighbouring parcels mostly of one class.
 */
final class LandUse {
    static final String PADDY = "0101";
    static final String IRRIGATED = "0102";
    static final String DRY = "0103";
    static final String ORCHARD = "0201";
    static final String FOREST = "0301";
    static final String SHRUB = "0305";
    static final String GRASS = "0404";
    static final String COMMERCIAL = "05H1";
    static final String INDUSTRIAL = "0601";
    static final String URBAN_HOUSING = "0701";
    static final String RURAL_HOUSING = "0702";
    static final String PUBLIC = "08H1";
    static final String SCHOOLS = "08H2";
    static final String PARK = "0810";
    static final String COUNTY_ROAD = "1003";
    static final String STREET = "1004";
    static final String FARM_ROAD = "1006";
    static final String RIVER = "1101";
    static final String RESERVOIR = "1103";
    static final String POND = "1104";
    static final String DITCH = "1107";
    static final String FACILITY = "1202";
    static final String RIDGE = "1203";

    /** Wetness above which the plain is paddy, and above which it is irrigated rather than dry land. */
    private static final double WET_PADDY = 0.45;
    private static final double WET_IRRIGATED = -0.1;
    private final long seed;
    private final Terrain terrain;
    private final Water water;
    private final AdminPlan admin;
    private final Noise forest;
    private final Noise orchard;
    private final Noise wet;
    private final Noise urban;
    private final Noise mix;

    LandUse(long seed, Terrain terrain, Water water, AdminPlan admin) {
        this.seed = seed;
        this.terrain = terrain;
        this.water = water;
        this.admin = admin;
        this.forest = new Noise(seed, 61);
        this.orchard = new Noise(seed, 62);
        this.wet = new Noise(seed, 63);
        this.urban = new Noise(seed, 64);
        this.mix = new Noise(seed, 65);
    }

    /** The broad setting of a point, used to choose how finely a block is divided. */
    enum Setting { TOWN, SEAT, VILLAGE, FARMLAND, WOODLAND }

    Setting setting(double x, double y) {
        if (admin.townDistance(x, y) < 1) {
            return Setting.TOWN;
        }
        if (admin.seatAt(x, y) != null) {
            return Setting.SEAT;
        }
        if (admin.settlementDistance(x, y) < 0) {
            return Setting.VILLAGE;
        }
        return isWoodland(x, y, terrain.slope(x, y)) ? Setting.WOODLAND : Setting.FARMLAND;
    }

    private boolean isWoodland(double x, double y, double slope) {
        double h = terrain.hilliness(x, y);
        double score = 0.9 * h - 0.62 + 0.025 * slope + 0.5 * forest.fbm(x, y, 2_200, 2)
                - 0.45 * StrictMath.exp(-water.distance(x, y) / 400);
        return score > 0.5;
    }

    /**
     * The class at a point.
     *
     * @param key a per-point key for the rare classes (facility land, grassland), so the choice is repeatable
     */
    String classify(double x, double y, long key) {
        double u = Rand.unit(seed, 0x4c55L, key);
        double td = admin.townDistance(x, y);
        if (td < 1) {
            return townClass(x, y, td, u);
        }
        AdminPlan.Township seat = admin.seatAt(x, y);
        if (seat != null) {
            double m = urban.at(x, y, 250);
            if (m > 0.45) {
                return COMMERCIAL;
            }
            if (m < -0.55 && seat.town) {
                return SCHOOLS;
            }
            return seat.town || m > -0.2 ? URBAN_HOUSING : RURAL_HOUSING;
        }
        if (admin.settlementDistance(x, y) < 0) {
            return u < 0.06 ? FACILITY : RURAL_HOUSING;
        }
        double slope = terrain.slope(x, y);
        double h = terrain.hilliness(x, y);
        if (isWoodland(x, y, slope)) {
            if (slope > 22 && u > 0.9) {
                return DRY; // 陡坡耕地: a few steep fields remain among the woods
            }
            return slope > 24 || mix.at(x, y, 900) > 0.45 ? SHRUB : FOREST;
        }
        double o = orchard.fbm(x, y, 1_500, 2);
        if (h > 0.3) {
            if (o > 0.42 && slope < 20) {
                return ORCHARD;
            }
            if (u < 0.015) {
                return GRASS;
            }
            if (u > 0.992) {
                return RIDGE;
            }
            double wd = water.distance(x, y);
            return wd < 350 && slope < 6 ? PADDY : DRY;
        }
        if (o > 0.62) {
            return ORCHARD;
        }
        if (forest.fbm(x, y, 700, 2) > 0.72) {
            return FOREST;
        }
        if (u < 0.012) {
            return FACILITY;
        }
        double z = terrain.elevation(x, y);
        double wetness = -(z - 18) / 12 + 1.1 * StrictMath.exp(-water.distance(x, y) / 2_500)
                + 0.9 * wet.fbm(x, y, 2_500, 2)
                - 0.04 * slope;
        if (wetness > WET_PADDY) {
            return PADDY;
        }
        return wetness > WET_IRRIGATED ? IRRIGATED : DRY;
    }

    private String townClass(double x, double y, double td, double u) {
        double m = urban.fbm(x, y, 450, 2);
        if (td > 0.72 && m < -0.15) {
            return INDUSTRIAL;
        }
        if (td < 0.35 && m > 0.05) {
            return u < 0.25 ? PUBLIC : COMMERCIAL;
        }
        if (m > 0.5) {
            return COMMERCIAL;
        }
        if (m < -0.5) {
            return SCHOOLS;
        }
        if (u < 0.05) {
            return PARK;
        }
        return URBAN_HOUSING;
    }
}
