package org.gengdi.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.data.sample.SampleCounty;
import org.gengdi.data.sample.SampleCountyOptions;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.gengdi.store.postgis.PostGisConfig;
import org.gengdi.store.postgis.PostGisStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the configured store, generating the sample county into an empty embedded store when asked. */
public final class StoreFactory {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    private StoreFactory() {
    }

    /** Opens the store the settings name; does not generate anything. */
    public static FeatureStore open(GengdiSettings s) {
        s.validate();
        if (s.store().equals(GengdiSettings.POSTGIS)) {
            GengdiSettings.PostGis p = s.postgis();
            return PostGisStore.open(PostGisConfig.of(p.url()).withCredentials(p.user(), p.password())
                    .withSchema(p.schema()).withPoolSize(p.poolSize()));
        }
        try {
            Path parent = s.geopackage().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory for " + s.geopackage(), e);
        }
        return GeoPackageStore.open(s.geopackage());
    }

    /**
     * Opens the store and, when it has no layers and sample generation is on, fills it with the sample county
     * (the first start of a fresh machine).
     */
    public static FeatureStore openWithSample(GengdiSettings s, ProgressBar progress) {
        FeatureStore store = open(s);
        if (store.layerNames().isEmpty() && s.sample().generateOnStart()) {
            LOG.info("Store {} is empty: generating the sample county ({} parcels, seed {})", store.description(),
                    s.sample().parcels(), s.sample().seed());
            long t0 = System.nanoTime();
            SampleCounty.generate(SampleCountyOptions.defaults().withCultivatedParcels(s.sample().parcels())
                    .withSeed(s.sample().seed()), store, progress);
            LOG.info("Sample county generated in {} s", String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        }
        return store;
    }
}
