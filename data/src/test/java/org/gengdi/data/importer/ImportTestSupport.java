package org.gengdi.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.store.geopackage.GeoPackageStore;

/** Shared helpers: the target store, reading a layer back, and "fails and leaves the store unchanged". */
final class ImportTestSupport {

    private ImportTestSupport() {
    }

    /** The target store of the importer tests: a fresh GeoPackage. */
    static FeatureStore newStore(Path dir) {
        return GeoPackageStore.open(dir.resolve("t.gpkg"));
    }

    static List<Feature> features(FeatureStore store, String layer) {
        List<Feature> out = new ArrayList<>();
        try (FeatureCursor c = store.require(layer).query(Query.ALL)) {
            c.forEachRemaining(out::add);
        }
        return out;
    }

    /** Asserts that the import fails with an ImportException and that the store is exactly as before. */
    static AbstractThrowableAssert<?, ? extends Throwable> failsUnchanged(FeatureStore store, ImportRequest request) {
        String before = StoreSnapshot.of(store);
        var thrown = assertThatThrownBy(() -> new LayerImporter(store).run(request))
                .isInstanceOf(ImportException.class);
        assertThat(StoreSnapshot.of(store)).isEqualTo(before);
        return thrown;
    }
}
