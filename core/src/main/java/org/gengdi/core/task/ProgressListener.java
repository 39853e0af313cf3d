package org.gengdi.data.sample;

/** Receives sample-county progress: the stage being worked on, and how much of it is done out of a total. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage a short English stage name, e.g. {@code parcels} or {@code write DLTB}
     * @param done  units done in this stage
     * @param total units in this stage ({@code done == total} when the stage ends)
     */
    void progress(String stage, long done, long total);
}
