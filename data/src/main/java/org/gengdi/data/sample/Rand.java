package org.gengdi.data.sample;

/**
 * Deterministic random numbers (SplitMix64). Every value is a pure function of the generator seed and a few
 * integer keys, so the sample county does not depend on the order in which things are generated.
 */
final class Rand {
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;
    private long state;

    /** A stream of numbers keyed by the seed and a stream id (e.g. one per region). */
    Rand(long seed, long... keys) {
        this.state = hash(seed, keys);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long hash(long seed, long... keys) {
        long h = mix(seed + GOLDEN);
        for (long k : keys) {
            h = mix(h ^ (k * GOLDEN + 0x632be59bd9b4e019L));
        }
        return h;
    }

    /** A uniform value in [0, 1) from the seed and keys, without a stream. */
    static double unit(long seed, long a, long b) {
        long h = mix(mix(seed + GOLDEN) ^ (a * GOLDEN + 0x632be59bd9b4e019L));
        h = mix(h ^ (b * GOLDEN + 0x632be59bd9b4e019L));
        return (h >>> 11) * 0x1.0p-53;
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    double range(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) % bound);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    /** A standard normal value (Box–Muller). */
    double gaussian() {
        double u = 1.0 - nextDouble();
        double v = nextDouble();
        return Math.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }

    /** Shuffles a list in place (Fisher–Yates). */
    <T> void shuffle(java.util.List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
