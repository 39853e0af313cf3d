package org.gengdi.data.sample;

import java.util.Map;

/**
 * What a sample-county run produced: features per layer, cultivated parcels, areas in hectares (ellipsoidal), and
 * how long generation and writing took.
 *
 * @param featureCounts      layer name → number of features, in catalogue order
 * @param cultivatedParcels  number of cultivated (01xx) DLTB parcels
 * @param cultivatedHa       their total TBMJ, ha
 * @param redLineHa          red-line (YJJBNTBHTB) gross area, ha
 * @param reserveHa          reserve (YJJBNTCBQ) net area, ha
 * @param generateMillis     time to generate the features
 * @param writeMillis        time to write them to the store (0 when not written)
 */
public record SampleCountyReport(Map<String, Integer> featureCounts, int cultivatedParcels, double cultivatedHa,
                                 double redLineHa, double reserveHa, long generateMillis, long writeMillis) {

    /** The red-line share of the cultivated area. */
    public double redLineShare() {
        return cultivatedHa == 0 ? 0 : redLineHa / cultivatedHa;
    }

    /** A one-paragraph summary for logs and the command line. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d cultivated parcels, %.1f ha; red line %.1f ha (%.1f %%); reserve %.1f ha; "
                        + "generated in %.1f s, written in %.1f s%n", cultivatedParcels, cultivatedHa, redLineHa,
                100 * redLineShare(), reserveHa, generateMillis / 1000.0, writeMillis / 1000.0));
        featureCounts.forEach((k, v) -> sb.append(String.format("  %-12s %8d%n", k, v)));
        return sb.toString();
    }
}
