package org.gengdi.server.cli;

import org.gengdi.core.store.FeatureStore;
import org.gengdi.data.sample.SampleCounty;
import org.gengdi.data.sample.SampleCountyOptions;
import org.gengdi.server.config.GengdiSettings;
import org.gengdi.server.config.ProgressBar;
import org.gengdi.server.config.StoreFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gengdi sample}: generates the sample county into a store (replacing its layers). */
@Command(name = "sample", description = "Generate the sample county into the store (replaces its layers).")
final class SampleCommand implements Runnable {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--parcels", description = "number of cultivated-land parcels (default ${DEFAULT-VALUE})")
    int parcels = 50_000;

    @Option(names = "--seed", description = "random seed (default ${DEFAULT-VALUE})")
    long seed = 20261123L;

    @Override
    public void run() {
        GengdiSettings s = storeOptions.settings(false, parcels, seed);
        long t0 = System.nanoTime();
        try (FeatureStore store = StoreFactory.open(s)) {
            SampleCounty.generate(SampleCountyOptions.defaults().withCultivatedParcels(parcels).withSeed(seed), store,
                    new ProgressBar(System.err));
            System.out.printf("sample county written to %s in %.1f s%n", store.description(),
                    (System.nanoTime() - t0) / 1e9);
        }
    }
}
