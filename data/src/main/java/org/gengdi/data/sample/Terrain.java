package org.gengdi.data.sample;

/**
 * A synthetic terrain: a low plain in the south-east rising gently to low hills in the north-west, valleys carved
 * along the water, and a smooth relief so that slope classes (GDPDJB) form coherent patches. Also the soil
 * quality field behind GDDJ/GDDB (better on the plain, worse on slopes).
 */
final class Terrain {
    /** Relief of the hills above their foot, metres, and its feature size. */
    private static final double RELIEF = 560;
    private static final double RELIEF_WAVELENGTH = 1_700;
    private final CountyFrame f;
    private final Water water;
    private final Noise shape;
    private final Noise plain;
    private final Noise relief;
    private final Noise soil;

    Terrain(CountyFrame f, Water water) {
        this.f = f;
        this.water = water;
        this.shape = new Noise(f.seed, 31);
        this.plain = new Noise(f.seed, 32);
        this.relief = new Noise(f.seed, 33);
        this.soil = new Noise(f.seed, 34);
    }

    /** 0 on the plain, 1 in the hills. */
    double hilliness(double x, double y) {
        double nx = x / f.hx;
        double ny = y / f.hy;
        double t = -0.72 * nx + 0.66 * ny + 0.55 * shape.fbm(x, y, 0.75 * f.hx, 3);
        return Noise.smoothstep(-0.08, 0.32, t);
    }

    /** Elevation above sea level, metres. */
    double elevation(double x, double y) {
        double h = hilliness(x, y);
        double base = 14 + 5 * plain.fbm(x, y, 3_500, 2) + 18 * h;
        double r = 0.5 + 0.5 * relief.fbm(x, y, RELIEF_WAVELENGTH, 4);
        double hills = h * (30 + RELIEF * r);
        double z = base + hills;
        double w = water.distance(x, y);
        double valley = StrictMath.exp(-(w / 650) * (w / 650));
        return z - (z - 12) * 0.8 * valley;
    }

    /** Slope in degrees from the elevation gradient. */
    double slope(double x, double y) {
        double s = 12;
        double gx = (elevation(x + s, y) - elevation(x - s, y)) / (2 * s);
        double gy = (elevation(x, y + s) - elevation(x, y - s)) / (2 * s);
        return Math.toDegrees(StrictMath.atan(Math.hypot(gx, gy)));
    }

    /** GDPDJB: 1 ≤2°, 2 2–6°, 3 6–15°, 4 15–25°, 5 >25°. */
    static int slopeClass(double degrees) {
        if (degrees <= 2) return 1;
        if (degrees <= 6) return 2;
        if (degrees <= 15) return 3;
        if (degrees <= 25) return 4;
        return 5;
    }

    /** Soil quality "badness" in [0, 1]: 0 the best plain soils, 1 the poorest hill soils. */
    double badness(double x, double y, double slopeDegrees) {
        double h = hilliness(x, y);
        double v = 0.18 + 0.38 * h + 0.012 * slopeDegrees + 0.16 * soil.fbm(x, y, 3_000, 2);
        return Math.max(0, Math.min(1, v));
    }
}
