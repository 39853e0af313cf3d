package org.gengdi.data.sample;

import org.gengdi.core.task.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.LayerKind;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Times the default county (50 000 cultivated parcels), which must generate in under a minute on one core. Slow,
 * so it runs only with {@code -Dgengdi.timing=true}; {@link SampleCountyMain} prints the same figures.
 */
@Tag("timing")
@EnabledIfSystemProperty(named = "gengdi.timing", matches = "true")
class SampleCountyTimingTest {

    @Test
    void theDefaultCountyGeneratesInUnderAMinute() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Map<LayerKind, List<Feature>> layers = SampleCounty.features(SampleCountyOptions.defaults(),
                ProgressListener.NONE);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        SampleCountyReport report = SampleCounty.report(layers, wall, 0);
        System.out.print(report.summary());
        System.out.printf("default county: %.1f s wall, %.1f s CPU of the generating thread%n", wall / 1e3, cpu / 1e3);
        assertThat(report.cultivatedParcels()).isBetween(47_500, 52_500);
        assertThat(cpu).isLessThan(60_000);
    }
}
