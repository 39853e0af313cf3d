package org.gengdi.data.sample;

/**
 * Smooth value noise in one and two dimensions: hashed lattice values in [-1, 1] blended with a quintic fade,
 * so fields built from it have continuous slopes (the terrain's slope classes stay spatially coherent).
 */
final class Noise {
    private final long salt;

    Noise(long seed, long stream) {
        this.salt = Rand.hash(seed, 0x4e6f697365L, stream);
    }

    private double lattice(long ix, long iy) {
        long h = Rand.mix(salt ^ (ix * 0x9e3779b97f4a7c15L) ^ Rand.mix(iy * 0xc2b2ae3d27d4eb4fL + 0x165667b19e3779f9L));
        return ((h >>> 11) * 0x1.0p-53) * 2 - 1;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    /** Noise at (x, y) with the lattice spacing 1; in [-1, 1]. */
    double value(double x, double y) {
        double fx = Math.floor(x);
        double fy = Math.floor(y);
        long ix = (long) fx;
        long iy = (long) fy;
        double tx = fade(x - fx);
        double ty = fade(y - fy);
        double a = lattice(ix, iy);
        double b = lattice(ix + 1, iy);
        double c = lattice(ix, iy + 1);
        double d = lattice(ix + 1, iy + 1);
        double ab = a + (b - a) * tx;
        double cd = c + (d - c) * tx;
        return ab + (cd - ab) * ty;
    }

    /** Noise with a given feature size (wavelength, same unit as x and y). */
    double at(double x, double y, double wavelength) {
        return value(x / wavelength, y / wavelength);
    }

    /** Fractal sum of octaves (each half the wavelength and amplitude), scaled to about [-1, 1]. */
    double fbm(double x, double y, double wavelength, int octaves) {
        double sum = 0;
        double amp = 1;
        double norm = 0;
        double wl = wavelength;
        for (int o = 0; o < octaves; o++) {
            sum += amp * value(x / wl + o * 17.31, y / wl - o * 9.77);
            norm += amp;
            amp *= 0.5;
            wl *= 0.5;
        }
        return sum / norm;
    }

    /** One-dimensional noise in [-1, 1]. */
    double line(double t) {
        double ft = Math.floor(t);
        long it = (long) ft;
        double w = fade(t - ft);
        double a = lattice(it, 7919);
        double b = lattice(it + 1, 7919);
        return a + (b - a) * w;
    }

    static double smoothstep(double e0, double e1, double x) {
        double t = Math.max(0, Math.min(1, (x - e0) / (e1 - e0)));
        return t * t * (3 - 2 * t);
    }
}
