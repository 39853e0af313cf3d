package org.gengdi.data.sample;

import org.gengdi.core.task.ProgressListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;

/**
 * Generates a realistic, synthetic county for demonstrations and tests: a plain-and-hills county on the central
 * meridian near 32°N with a field grid of roads and ditches, a meandering river and a reservoir, a county town and
 * township seats, ~10 townships and ~150 villages, and every national layer ({@link LayerKind}) filled: land-use
 * parcels (DLTB) with survey attributes, the permanent basic farmland and its reserve, the ecological red line,
 * the urban development boundary, high-standard farmland, the river management range, the water-source area and
 * the administrative divisions.
 *
 * <p>The result depends only on the options: the same seed gives identical features, values and ids. Geometries
 * are valid MultiPolygons in the options' CRS; DLTB parcels cover the county without overlaps.
 */
public final class SampleCounty {

    private SampleCounty() {
    }

    /**
     * Generates the county and writes every layer to the store, replacing layers of the same names; each layer is
     * committed on its own.
     */
    public static SampleCountyReport generate(SampleCountyOptions options, FeatureStore store,
                                              ProgressListener progress) {
        long t0 = System.nanoTime();
        Map<LayerKind, List<Feature>> layers = features(options, progress);
        long t1 = System.nanoTime();
        for (Map.Entry<LayerKind, List<Feature>> e : layers.entrySet()) {
            List<Feature> features = e.getValue();
            FeatureType type = features.isEmpty() ? LayerCatalogue.type(e.getKey(), options.srid())
                    : features.get(0).type();
            String stage = "write " + type.name();
            int n = features.size();
            progress.progress(stage, 0, n);
            try (LayerWriter w = store.write(type, true)) {
                int i = 0;
                for (Feature f : features) {
                    w.add(f);
                    if (++i % 5_000 == 0) {
                        progress.progress(stage, i, n);
                    }
                }
                w.commit();
            }
            progress.progress(stage, n, n);
        }
        long t2 = System.nanoTime();
        return report(layers, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    /** Generates the county's layers in memory, in catalogue order (each list in id order). */
    public static Map<LayerKind, List<Feature>> features(SampleCountyOptions options, ProgressListener progress) {
        CountyModel model = CountyModel.build(options, progress);
        progress.progress("features", 0, 1);
        Map<LayerKind, List<Feature>> layers = CountyFeatures.of(model);
        progress.progress("features", 1, 1);
        return layers;
    }

    /** Counts and areas of generated layers. */
    public static SampleCountyReport report(Map<LayerKind, List<Feature>> layers, long generateMillis,
                                            long writeMillis) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        layers.forEach((k, v) -> counts.put(k.layerName(), v.size()));
        int cultivated = 0;
        double cultivatedArea = 0;
        for (Feature f : layers.get(LayerKind.CULTIVATED_LAND)) {
            if (((String) f.get("DLBM")).startsWith("01")) {
                cultivated++;
                cultivatedArea += (Double) f.get("TBMJ");
            }
        }
        double red = 0;
        for (Feature f : layers.get(LayerKind.RED_LINE)) {
            red += (Double) f.get("YJJBNTTBMJ");
        }
        double reserve = 0;
        for (Feature f : layers.get(LayerKind.RESERVE)) {
            reserve += (Double) f.get("TBDLMJ");
        }
        return new SampleCountyReport(counts, cultivated, cultivatedArea / 10_000, red / 10_000, reserve / 10_000,
                generateMillis, writeMillis);
    }
}
