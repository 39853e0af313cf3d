package org.gengdi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.gengdi.store.postgis.PostGisConfig;
import org.gengdi.store.postgis.PostGisStore;

/**
 * Store streaming benchmark (foundation issue): features/s for a full-layer stream of the sample county's
 * cultivated-land layer (DLTB) from each store, and peak heap while streaming every layer of the county.
 * Run it with {@code bench/run.sh store-stream}, which first generates the county into a GeoPackage in its own
 * JVM (generation holds the county in memory), then runs this with -Xmx128m, so finishing at all shows the
 * stream stays under the 128 MB target.
 *
 * <p>Arguments: {@code county.gpkg [postgis-jdbc-url]}; without a URL, PostGIS is taken from GENGDI_TEST_PG_URL
 * and skipped (said so) when that is unset.
 */
public final class StoreStreamBench {
    /** Keeps the JIT from discarding the reads in {@link #drain}. */
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: StoreStreamBench county.gpkg [postgis-jdbc-url]");
            System.exit(2);
        }
        Path gpkg = Path.of(args[0]);
        if (!Files.isRegularFile(gpkg)) {
            System.err.println("no sample county at " + gpkg + " (bench/run.sh generates it)");
            System.exit(2);
        }
        String pgUrl = args.length > 1 ? args[1] : System.getenv("GENGDI_TEST_PG_URL");
        List<Result> results = new ArrayList<>();
        try (FeatureStore store = GeoPackageStore.openReadOnly(gpkg)) {
            results.add(measure("GeoPackage", store));
            if (pgUrl != null && !pgUrl.isBlank()) {
                try (FeatureStore pg = PostGisStore.open(PostGisConfig.of(pgUrl).withSchema("gengdi_bench").withPoolSize(4))) {
                    copyAll(store, pg);
                    results.add(measure("PostGIS", pg));
                    for (String layer : pg.layerNames()) {
                        pg.drop(layer);
                    }
                }
            } else {
                System.out.println("PostGIS: skipped (no URL given and GENGDI_TEST_PG_URL unset)");
            }
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-11s %14s %14s %14s %16s%n", "store", "DLTB features", "features/s",
                "all layers", "peak heap (MB)");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-11s %,14d %,14.0f %,14d %16.1f%n", r.store, r.dltbFeatures,
                    r.featuresPerSecond, r.allFeatures, r.peakHeapBytes / 1048576.0);
        }
        System.out.printf(Locale.ROOT, "max heap (-Xmx): %.0f MB; targets: >= 200,000 features/s from GeoPackage, "
                + "peak heap < 128 MB%n", Runtime.getRuntime().maxMemory() / 1048576.0);
    }

    private record Result(String store, long dltbFeatures, double featuresPerSecond, long allFeatures,
                          long peakHeapBytes) {
    }

    private static Result measure(String name, FeatureStore store) {
        FeatureSource dltb = store.require("DLTB");
        for (int i = 0; i < 8; i++) {
            drain(dltb); // warm-up until the JIT has compiled the decoding path (rates settle after ~5 passes)
        }
        double[] rates = new double[7];
        long n = 0;
        for (int i = 0; i < rates.length; i++) {
            long t0 = System.nanoTime();
            n = drain(dltb);
            rates[i] = n / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "%s: DLTB stream rates (features/s) %s%n", name, Arrays.toString(
                Arrays.stream(rates).mapToLong(Math::round).toArray()));

        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        long all = 0;
        for (String layer : store.layerNames()) {
            all += drain(store.require(layer));
        }
        long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result(name, n, rates[rates.length / 2], all, peak);
    }

    /** Reads every feature and touches its geometry and values, as an encoder would. */
    private static long drain(FeatureSource src) {
        long n = 0;
        long touched = 0;
        try (FeatureCursor c = src.query(Query.ALL)) {
            while (c.hasNext()) {
                Feature f = c.next();
                touched += f.geometry().getNumPoints();
                for (int i = 0; i < f.valueCount(); i++) {
                    Object v = f.value(i);
                    if (v != null) {
                        touched++;
                    }
                }
                n++;
            }
        }
        sink += touched;
        return n;
    }

    private static void copyAll(FeatureStore from, FeatureStore to) {
        System.out.println("Copying the county into PostGIS ...");
        for (String layer : from.layerNames()) {
            FeatureSource src = from.require(layer);
            try (LayerWriter w = to.write(src.schema(), true); FeatureCursor c = src.query(Query.ALL)) {
                while (c.hasNext()) {
                    w.add(c.next());
                }
                w.commit();
            }
        }
    }
}
