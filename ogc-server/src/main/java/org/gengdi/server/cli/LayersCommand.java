package org.gengdi.server.cli;

import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.config.StoreFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gengdi layers}: lists the store's layers with their feature counts. */
@Command(name = "layers", description = "List the layers of the store.")
final class LayersCommand implements Runnable {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Override
    public void run() {
        try (FeatureStore store = StoreFactory.open(storeOptions.settings(false, 50_000, 0))) {
            System.out.println(store.description());
            for (String name : store.layerNames()) {
                FeatureSource src = store.require(name);
                System.out.printf("%-12s %-24s EPSG:%d %,10d%n", name, src.schema().title(), src.schema().srid(),
                        src.count(Query.ALL));
            }
        }
    }
}
