package org.gengdi.data.importer;

/** Receives import progress: features read so far and the total when the source knows it ({@code -1} if not). */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
