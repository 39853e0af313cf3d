package org.gengdi.core.store;

import java.util.List;
import java.util.Optional;
import org.gengdi.core.feature.FeatureType;

/** A database of layers: the GeoPackage file of the embedded default, or a PostGIS schema in production. */
public interface FeatureStore extends AutoCloseable {

    /** A short name for logs and health output, e.g. {@code geopackage:/data/county.gpkg}. */
    String description();

    /** The layer names, sorted. */
    List<String> layerNames();

    Optional<FeatureSource> source(String layerName);

    /** The layer or an {@link StoreException.Kind#UNKNOWN_LAYER} error. */
    default FeatureSource require(String layerName) {
        return source(layerName).orElseThrow(
                () -> new StoreException(StoreException.Kind.UNKNOWN_LAYER, "no layer named " + layerName));
    }

    /**
     * Starts writing a layer as one transaction: nothing is visible, and the store is unchanged, until
     * {@link LayerWriter#commit()}. With {@code replace}, an existing layer of that name is replaced at commit;
     * without it, an existing layer is an error.
     */
    LayerWriter write(FeatureType type, boolean replace);

    /** Removes a layer; false when there was none. */
    boolean drop(String layerName);

    /**
     * Opens the durable job store in this store's database (see {@link org.gengdi.core.task.JobRepository}); the
     * caller closes it. Stores that cannot hold jobs (a read-only file) answer empty.
     */
    default Optional<org.gengdi.core.task.JobRepository> openJobs() {
        return Optional.empty();
    }

    /** True when the database answers (readiness). */
    default boolean isAvailable() {
        return true;
    }

    @Override
    void close();
}
