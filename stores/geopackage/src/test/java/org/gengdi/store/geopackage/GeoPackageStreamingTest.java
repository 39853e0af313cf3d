package org.gengdi.store.geopackage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volume: write and stream rates on a 50 000-parcel DLTB layer (31 attributes), and flat heap over 100 000. */
class GeoPackageStreamingTest {
    @TempDir
    Path dir;

    @Test
    void streamsFiftyThousandParcelsFast() {
        int n = 50_000;
        try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("rate.gpkg"))) {
            CountyParcels.write(store, "WARMUP", 20_000); // JIT, as a server that has imported before
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long w0 = threads.getCurrentThreadCpuTime();
            double writeSeconds = CountyParcels.write(store, "DLTB", n);
            double writeCpu = (threads.getCurrentThreadCpuTime() - w0) / 1e9;
            FeatureSource dltb = store.require("DLTB");
            assertThat(dltb.count(Query.ALL)).isEqualTo(n);
            stream(dltb); // warm-up: JIT and page cache
            double bestWall = Double.MAX_VALUE;
            double bestCpu = Double.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                assertThat(stream(dltb)).isEqualTo(n);
                bestWall = Math.min(bestWall, (System.nanoTime() - t0) / 1e9);
                bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - c0) / 1e9);
            }
            double rate = n / bestWall;
            // The reading thread does all the work (SQLite runs in it), so features per CPU-second is the one-core rate.
            System.out.printf(Locale.ROOT, "GeoPackage DLTB (%d parcels, %d attributes): write %,.0f features/s wall,"
                    + " %,.0f per CPU-second (generating the features included); stream %,.0f features/s wall,"
                    + " %,.0f per CPU-second%n", n, CountyParcels.DLTB.attributes().size(), n / writeSeconds,
                    n / writeCpu, rate, n / bestCpu);
            // The target is 200 000/s on a free core; the bound here leaves room for a shared CI machine.
            assertThat(rate).isGreaterThan(50_000);
        }
    }

    @Test
    void streamingAHundredThousandParcelsKeepsTheHeapFlat() {
        int n = 100_000;
        try (GeoPackageStore store = GeoPackageStore.open(dir.resolve("heap.gpkg"))) {
            CountyParcels.write(store, "DLTB", n);
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            long early = 0;
            long late = 0;
            long seen = 0;
            try (FeatureCursor c = store.require("DLTB").query(Query.ALL)) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    seen++;
                    if (seen == 10_000) {
                        early = usedAfterGc(memory);
                    } else if (seen == 90_000) {
                        late = usedAfterGc(memory);
                    }
                    assertThat(f.geometry()).isNotNull();
                }
            }
            assertThat(seen).isEqualTo(n);
            System.out.printf(Locale.ROOT, "heap after 10 000 features: %.1f MB, after 90 000: %.1f MB%n",
                    early / 1e6, late / 1e6);
            // 80 000 retained parcels would need well over 100 MB.
            assertThat(late - early).isLessThan(16_000_000);
        }
    }

    private static long stream(FeatureSource s) {
        long n = 0;
        try (FeatureCursor c = s.query(Query.ALL)) {
            while (c.hasNext()) {
                if (c.next().geometry() != null) {
                    n++;
                }
            }
        }
        return n;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
