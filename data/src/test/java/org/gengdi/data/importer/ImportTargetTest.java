package org.gengdi.data.importer;

import java.nio.file.Path;
import org.gengdi.core.store.FeatureStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the importer tests: a fresh GeoPackage target store in a temporary folder per test. */
abstract class ImportTargetTest {
    @TempDir
    Path dir;
    FeatureStore store;

    /** True for tests that make their fixtures with GDAL (ogr2ogr). */
    boolean needsGdal() {
        return false;
    }

    @BeforeEach
    void openTarget() {
        if (needsGdal()) {
            Ogr.assumeAvailable();
        }
        store = ImportTestSupport.newStore(dir);
    }

    @AfterEach
    void closeTarget() {
        if (store != null) {
            store.close();
        }
    }
}
