package org.gengdi.core.task;

/**
 * Receives progress of a long task (sample generation, an import, later an analysis): the stage being worked on,
 * and how much of it is done out of a total ({@code -1} when the total is not known).
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage a short English stage name, e.g. {@code parcels}, {@code write DLTB} or {@code import}
     * @param done  units done in this stage
     * @param total units in this stage ({@code done == total} when the stage ends), or {@code -1} if unknown
     */
    void progress(String stage, long done, long total);
}
