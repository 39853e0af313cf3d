package org.gengdi.data.sample;

import org.gengdi.core.task.ProgressListener;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.store.geopackage.GeoPackageStore;

/**
 * Generates a sample county and prints its figures and timing per stage:
 * {@code SampleCountyMain [cultivatedParcels] [seed] [out.gpkg]}. Without a file the county stays in memory.
 */
public final class SampleCountyMain {
    private SampleCountyMain() {
    }

    public static void main(String[] args) throws Exception {
        SampleCountyOptions o = SampleCountyOptions.defaults();
        if (args.length > 0) {
            o = o.withCultivatedParcels(Integer.parseInt(args[0]));
        }
        if (args.length > 1) {
            o = o.withSeed(Long.parseLong(args[1]));
        }
        long[] stageStart = {System.nanoTime()};
        String[] current = {""};
        ProgressListener progress = (stage, done, total) -> {
            if (!stage.equals(current[0])) {
                long now = System.nanoTime();
                if (!current[0].isEmpty()) {
                    System.out.printf("  %-20s %6.2f s%n", current[0], (now - stageStart[0]) / 1e9);
                }
                current[0] = stage;
                stageStart[0] = now;
            }
        };
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        SampleCountyReport report;
        if (args.length > 2) {
            Path file = Path.of(args[2]);
            Files.deleteIfExists(file);
            try (GeoPackageStore store = GeoPackageStore.open(file)) {
                report = SampleCounty.generate(o, store, progress);
            }
        } else {
            Map<LayerKind, List<Feature>> layers = SampleCounty.features(o, progress);
            report = SampleCounty.report(layers, (System.nanoTime() - t0) / 1_000_000, 0);
        }
        long t1 = System.nanoTime();
        long cpu1 = threads.getCurrentThreadCpuTime();
        System.out.printf("  %-20s %6.2f s%n", current[0], (t1 - stageStart[0]) / 1e9);
        System.out.print(report.summary());
        System.out.printf("CPU time of the generating thread: %.1f s (wall %.1f s)%n", (cpu1 - cpu0) / 1e9,
                (t1 - t0) / 1e9);
    }
}
