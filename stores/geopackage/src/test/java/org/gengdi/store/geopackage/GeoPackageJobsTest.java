package org.gengdi.store.geopackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.store.contract.JobRepositoryContract;

/** The job-table contract in a GeoPackage file (two repositories on one file stand for two connections). */
class GeoPackageJobsTest extends JobRepositoryContract {
    private Path file;

    @Override
    protected FeatureStore openEmptyStore() {
        try {
            file = Files.createTempDirectory("gpkg-jobs").resolve("jobs.gpkg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return GeoPackageStore.open(file);
    }

    @Override
    protected FeatureStore openSecondStore() {
        return GeoPackageStore.open(file);
    }
}
