package org.gengdi.process.contiguity;

import org.gengdi.core.measure.AreaUnit;

/**
 * The §C.3 parameters (defaults are project choices, not regulations; §G.3).
 *
 * @param dBridge         parcels separated by a gap ≤ this (m) belong to one patch
 * @param aMinPlain       CONTIGUOUS threshold for plain patches (m²; default 100 亩)
 * @param aMinHilly       CONTIGUOUS threshold for hilly patches (m²; default 50 亩)
 * @param aFragPlain      FRAGMENTED below this for plain patches (m²; default 10 亩)
 * @param aFragHilly      FRAGMENTED below this for hilly patches (m²; default 5 亩)
 * @param hillyShare      a patch is hilly when more than this share of its area has GDPDJB ≥ 3
 * @param terrainOverride PLAIN or HILLY for the whole area, or null
 * @param weights         weights of CR, 1 − FR, LPI_F and S_shape
 */
public record ContiguityParameters(double dBridge, double aMinPlain, double aMinHilly, double aFragPlain,
                                   double aFragHilly, double hillyShare, String terrainOverride, double[] weights) {

    public static ContiguityParameters defaults() {
        return new ContiguityParameters(8.0, mu(100), mu(50), mu(10), mu(5), 0.5, null,
                new double[] {0.40, 0.20, 0.20, 0.20});
    }

    static double mu(double m) {
        return AreaUnit.MU.toSquareMetres(m);
    }

    /** The score band of an FCI. */
    public static String band(double fci) {
        return fci >= 80 ? "高度集中连片 highly contiguous" : fci >= 60 ? "较集中 fairly contiguous"
                : fci >= 40 ? "一般 moderate" : "零星破碎 fragmented";
    }
}
