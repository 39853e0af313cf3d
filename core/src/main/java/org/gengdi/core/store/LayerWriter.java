package org.gengdi.core.store;

import org.gengdi.core.feature.Feature;

/**
 * Writes one layer inside a transaction. Either {@link #commit()} makes every written feature visible at once,
 * or {@link #close()} without commit (or {@link #rollback()}) leaves the store exactly as it was.
 */
public interface LayerWriter extends AutoCloseable {

    /** Adds a feature; its geometry must be in the layer's CRS. Ids are assigned by the store when null. */
    void add(Feature feature);

    /** The number of features added so far. */
    long count();

    void commit();

    void rollback();

    /** Rolls back unless committed. */
    @Override
    void close();
}
