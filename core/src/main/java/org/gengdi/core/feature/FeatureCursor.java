package org.gengdi.core.feature;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A forward-only stream of features from a store. It holds a resource (a statement, a database cursor), so it
 * must be closed; it never holds more than the current feature in memory.
 */
public interface FeatureCursor extends Iterator<Feature>, AutoCloseable {

    /** Releases the underlying resource. Never throws a checked exception. */
    @Override
    void close();

    /** A cursor over features already in memory (for tests and small results). */
    static FeatureCursor of(List<Feature> features) {
        Iterator<Feature> it = features.iterator();
        return new FeatureCursor() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public Feature next() {
                return it.next();
            }

            public void close() {
            }
        };
    }

    /**
     * The features of several cursors one after the other. Each cursor is opened only when the one before it is
     * used up and closed then, so no more than one holds a resource (a pooled connection) at a time.
     */
    static FeatureCursor concat(List<? extends Supplier<? extends FeatureCursor>> cursors) {
        Iterator<? extends Supplier<? extends FeatureCursor>> next = cursors.iterator();
        return new FeatureCursor() {
            private FeatureCursor current;

            public boolean hasNext() {
                while (current == null || !current.hasNext()) {
                    if (current != null) {
                        current.close();
                        current = null;
                    }
                    if (!next.hasNext()) {
                        return false;
                    }
                    current = next.next().get();
                }
                return true;
            }

            public Feature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }

            public void close() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }
        };
    }

    /** A cursor that yields only features passing a predicate (used where a filter is not pushed down). */
    default FeatureCursor filtered(Predicate<Feature> predicate) {
        FeatureCursor source = this;
        return new FeatureCursor() {
            private Feature pending;

            public boolean hasNext() {
                while (pending == null && source.hasNext()) {
                    Feature f = source.next();
                    if (predicate.test(f)) {
                        pending = f;
                    }
                }
                return pending != null;
            }

            public Feature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Feature f = pending;
                pending = null;
                return f;
            }

            public void close() {
                source.close();
            }
        };
    }

    /** A cursor that transforms each feature (reprojection, field removal). */
    default FeatureCursor mapped(Function<Feature, Feature> fn) {
        FeatureCursor source = this;
        return new FeatureCursor() {
            public boolean hasNext() {
                return source.hasNext();
            }

            public Feature next() {
                return fn.apply(source.next());
            }

            public void close() {
                source.close();
            }
        };
    }

    /** A cursor that skips {@code offset} features then yields at most {@code limit} ({@code < 0}: all). */
    default FeatureCursor sliced(long offset, long limit) {
        FeatureCursor source = this;
        return new FeatureCursor() {
            private long skipped;
            private long given;

            public boolean hasNext() {
                while (skipped < offset && source.hasNext()) {
                    source.next();
                    skipped++;
                }
                return (limit < 0 || given < limit) && source.hasNext();
            }

            public Feature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                given++;
                return source.next();
            }

            public void close() {
                source.close();
            }
        };
    }
}
