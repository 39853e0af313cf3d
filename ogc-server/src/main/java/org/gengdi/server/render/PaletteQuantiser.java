package org.gengdi.server.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reduces an image to a palette of at most 256 colours for PNG8. Images with few colours keep them exactly;
 * others get a median-cut palette computed in premultiplied RGBA, so that antialiased edges over a transparent
 * background quantise like the colours they look like. Fully transparent pixels share one transparent entry.
 * A box whose colours are mostly one colour (a background, a red line) takes that colour exactly, so large
 * areas keep their true colour. Dithering (Floyd–Steinberg) is optional. Not thread-safe: one per image.
 */
final class PaletteQuantiser {
    /** Above this many distinct colours, the histogram drops the lowest 3 bits of each channel. */
    private static final int MAX_EXACT = 1 << 16;

    private final int[] palette;
    private final int translucent;
    private final int[] pr;
    private final int[] pg;
    private final int[] pb;
    private final int[] pa;
    private final int transparentIndex;
    private final IntIntMap cache = new IntIntMap(1024);

    private PaletteQuantiser(int[] palette) {
        // Entries with alpha < 255 first, so that the tRNS chunk is as short as can be.
        int[] sorted = new int[palette.length];
        int n = 0;
        for (int c : palette) {
            if (c >>> 24 < 255) {
                sorted[n++] = c;
            }
        }
        translucent = n;
        for (int c : palette) {
            if (c >>> 24 == 255) {
                sorted[n++] = c;
            }
        }
        this.palette = sorted;
        pr = new int[n];
        pg = new int[n];
        pb = new int[n];
        pa = new int[n];
        int t = -1;
        for (int i = 0; i < n; i++) {
            int c = sorted[i];
            int a = c >>> 24;
            pa[i] = a;
            pr[i] = premultiply((c >> 16) & 255, a);
            pg[i] = premultiply((c >> 8) & 255, a);
            pb[i] = premultiply(c & 255, a);
            if (a == 0 && t < 0) {
                t = i;
            }
        }
        transparentIndex = t;
    }

    /** Collects the colours of an image, row by row. */
    static final class Histogram {
        private IntIntMap counts = new IntIntMap(4096);
        private boolean coarse;
        private final List<int[]> coarseRows = new ArrayList<>();

        /** Adds straight-ARGB pixels. */
        void add(int[] argb, int n) {
            for (int i = 0; i < n; i++) {
                counts.add(key(argb[i]), 1);
            }
            if (!coarse && counts.size() > MAX_EXACT) {
                coarse = true;
                int[] keys = counts.keys();
                IntIntMap c = new IntIntMap(keys.length);
                for (int k : keys) {
                    c.add(coarsen(k), counts.get(k, 0));
                }
                counts = c;
            }
        }

        private int key(int argb) {
            int c = argb >>> 24 == 0 ? 0 : argb;
            return coarse ? coarsen(c) : c;
        }

        /** The centre of the colour's 8×8×8(×8) bucket; opaque stays opaque, transparent stays 0. */
        private static int coarsen(int c) {
            if (c == 0) {
                return 0;
            }
            int a = c >>> 24;
            int qa = a == 255 ? 255 : (a & 0xF8) | 0x04;
            return qa << 24 | (c & 0x00F8F8F8) | 0x00040404;
        }

        int colours() {
            return counts.size();
        }
    }

    /** The palette for a histogram: its colours when there are few enough, else a median cut. */
    static PaletteQuantiser of(Histogram h, int maxColours) {
        int[] colours = h.counts.keys();
        if (colours.length <= maxColours) {
            return new PaletteQuantiser(colours);
        }
        boolean transparent = h.counts.get(0, 0) > 0;
        int n = 0;
        int[] argb = new int[colours.length];
        long[] weight = new long[colours.length];
        for (int c : colours) {
            if (c != 0) {
                argb[n] = c;
                weight[n] = h.counts.get(c, 0);
                n++;
            }
        }
        List<Integer> chosen = medianCut(Arrays.copyOf(argb, n), Arrays.copyOf(weight, n),
                maxColours - (transparent ? 1 : 0));
        int[] palette = new int[chosen.size() + (transparent ? 1 : 0)];
        int k = 0;
        if (transparent) {
            palette[k++] = 0;
        }
        for (int c : chosen) {
            palette[k++] = c;
        }
        return new PaletteQuantiser(palette);
    }

    /** The palette, straight ARGB, translucent entries first. */
    int[] palette() {
        return palette;
    }

    /** How many entries at the start of the palette have alpha < 255. */
    int translucent() {
        return translucent;
    }

    /** The palette index of each pixel of a row. */
    void map(int[] argb, byte[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = (byte) index(argb[i]);
        }
    }

    private int index(int argb) {
        int a = argb >>> 24;
        if (a == 0 && transparentIndex >= 0) {
            return transparentIndex;
        }
        int i = cache.get(argb, -1);
        if (i < 0) {
            i = nearest(premultiply((argb >> 16) & 255, a), premultiply((argb >> 8) & 255, a),
                    premultiply(argb & 255, a), a);
            if (cache.size() > 1 << 20) {
                cache.clear();
            }
            cache.put(argb, i);
        }
        return i;
    }

    private int nearest(int r, int g, int b, int a) {
        int best = 0;
        int bestD = Integer.MAX_VALUE;
        for (int i = 0; i < pa.length; i++) {
            int dr = pr[i] - r;
            int dg = pg[i] - g;
            int db = pb[i] - b;
            int da = pa[i] - a;
            int d = dr * dr + dg * dg + db * db + da * da;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** Floyd–Steinberg error diffusion in premultiplied RGBA; one per image, fed rows top to bottom. */
    final class Ditherer {
        private float[] current;
        private float[] next;
        private final IntIntMap seen = new IntIntMap(1024);

        Ditherer(int width) {
            current = new float[(width + 2) * 4];
            next = new float[(width + 2) * 4];
        }

        void map(int[] argb, byte[] out, int n) {
            Arrays.fill(next, 0);
            for (int x = 0; x < n; x++) {
                int c = argb[x];
                int a0 = c >>> 24;
                if (a0 == 0 && transparentIndex >= 0) {
                    out[x] = (byte) transparentIndex;
                    continue;
                }
                int e = (x + 1) * 4;
                int a = clamp(a0 + current[e + 3], 255);
                int r = clamp(premultiply((c >> 16) & 255, a0) + current[e], a);
                int g = clamp(premultiply((c >> 8) & 255, a0) + current[e + 1], a);
                int b = clamp(premultiply(c & 255, a0) + current[e + 2], a);
                int key = a << 24 | r << 16 | g << 8 | b;
                int i = seen.get(key, -1);
                if (i < 0) {
                    i = nearest(r, g, b, a);
                    if (seen.size() > 1 << 20) {
                        seen.clear();
                    }
                    seen.put(key, i);
                }
                out[x] = (byte) i;
                spread(e, r - pr[i], g - pg[i], b - pb[i], a - pa[i]);
            }
            float[] t = current;
            current = next;
            next = t;
        }

        private void spread(int e, float dr, float dg, float db, float da) {
            add(current, e + 4, dr, dg, db, da, 7f / 16);
            add(next, e - 4, dr, dg, db, da, 3f / 16);
            add(next, e, dr, dg, db, da, 5f / 16);
            add(next, e + 4, dr, dg, db, da, 1f / 16);
        }

        private static void add(float[] row, int e, float dr, float dg, float db, float da, float f) {
            row[e] += dr * f;
            row[e + 1] += dg * f;
            row[e + 2] += db * f;
            row[e + 3] += da * f;
        }
    }

    private static int clamp(float v, int max) {
        int i = Math.round(v);
        return i < 0 ? 0 : Math.min(i, max);
    }

    static int premultiply(int c, int a) {
        return (c * a + 127) / 255;
    }

    // ------------------------------------------------------------------------------------------ median cut

    /** A range of colours in the work arrays, with its statistics. */
    private static final class Box {
        final int from;
        final int to;
        double error;
        int axis;

        Box(int from, int to) {
            this.from = from;
            this.to = to;
        }
    }

    private static List<Integer> medianCut(int[] argb, long[] weight, int maxColours) {
        int n = argb.length;
        int[][] ch = new int[4][n];
        for (int i = 0; i < n; i++) {
            int c = argb[i];
            int a = c >>> 24;
            ch[0][i] = premultiply((c >> 16) & 255, a);
            ch[1][i] = premultiply((c >> 8) & 255, a);
            ch[2][i] = premultiply(c & 255, a);
            ch[3][i] = a;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        List<Box> boxes = new ArrayList<>();
        Box first = new Box(0, n);
        measure(first, order, ch, weight);
        boxes.add(first);
        long[] keys = new long[n];
        while (boxes.size() < maxColours) {
            Box worst = null;
            for (Box b : boxes) {
                if (b.to - b.from > 1 && b.error > 0 && (worst == null || b.error > worst.error)) {
                    worst = b;
                }
            }
            if (worst == null) {
                break;
            }
            // sort the box by its widest channel, split at the weighted median
            int[] values = ch[worst.axis];
            for (int i = worst.from; i < worst.to; i++) {
                keys[i] = ((long) values[order[i]] << 32) | order[i];
            }
            Arrays.sort(keys, worst.from, worst.to);
            long total = 0;
            for (int i = worst.from; i < worst.to; i++) {
                order[i] = (int) keys[i];
                total += weight[order[i]];
            }
            long acc = 0;
            int cut = worst.from + 1;
            for (int i = worst.from; i < worst.to - 1; i++) {
                acc += weight[order[i]];
                cut = i + 1;
                if (acc * 2 >= total) {
                    break;
                }
            }
            Box a = new Box(worst.from, cut);
            Box b = new Box(cut, worst.to);
            measure(a, order, ch, weight);
            measure(b, order, ch, weight);
            boxes.remove(worst);
            boxes.add(a);
            boxes.add(b);
        }
        List<Integer> out = new ArrayList<>();
        for (Box b : boxes) {
            out.add(colour(b, order, argb, ch, weight));
        }
        return out;
    }

    private static void measure(Box box, int[] order, int[][] ch, long[] weight) {
        double w = 0;
        double[] sum = new double[4];
        double[] sq = new double[4];
        for (int i = box.from; i < box.to; i++) {
            int j = order[i];
            double wt = weight[j];
            w += wt;
            for (int c = 0; c < 4; c++) {
                double v = ch[c][j];
                sum[c] += wt * v;
                sq[c] += wt * v * v;
            }
        }
        double error = 0;
        double widest = -1;
        for (int c = 0; c < 4; c++) {
            double var = sq[c] - sum[c] * sum[c] / w;
            error += var;
            if (var > widest) {
                widest = var;
                box.axis = c;
            }
        }
        box.error = error;
    }

    /** The colour a box stands for: its dominant colour when it holds half the weight, else the mean. */
    private static int colour(Box box, int[] order, int[] argb, int[][] ch, long[] weight) {
        double w = 0;
        double[] sum = new double[4];
        int top = order[box.from];
        for (int i = box.from; i < box.to; i++) {
            int j = order[i];
            w += weight[j];
            for (int c = 0; c < 4; c++) {
                sum[c] += (double) weight[j] * ch[c][j];
            }
            if (weight[j] > weight[top]) {
                top = j;
            }
        }
        if (weight[top] * 2 >= w) {
            return argb[top];
        }
        int a = (int) Math.max(1, Math.min(255, Math.round(sum[3] / w)));
        int r = (int) Math.min(255, Math.round(sum[0] / w * 255 / a));
        int g = (int) Math.min(255, Math.round(sum[1] / w * 255 / a));
        int b = (int) Math.min(255, Math.round(sum[2] / w * 255 / a));
        return a << 24 | r << 16 | g << 8 | b;
    }
}
