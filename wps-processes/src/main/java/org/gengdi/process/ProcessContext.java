package org.gengdi.process;

import org.gengdi.core.feature.FeatureCursor;

/** What the engine gives an execution: progress reporting, cancellation, and the published layers. */
public interface ProcessContext {

    /** Reports progress (0–100) with a short message; cheap enough to call often. */
    void progress(int percent, String message);

    /** True once the execution should stop (dismissed, time limit, shutdown). */
    boolean cancelled();

    /** Throws the matching {@link ProcessException} when the execution should stop; call it in loops. */
    void checkCancelled();

    /**
     * The features of a layer reference, through the same published view WMS/WFS serve (personal fields never
     * included), transformed into {@code srid}; the caller closes the cursor.
     *
     * @throws ProcessException {@link ProcessException.Kind#INVALID_INPUT} for an unknown layer or a bad filter
     */
    FeatureCursor features(InputValue.LayerReference layer, int srid);

    /**
     * The features of a layer reference whose geometry's envelope meets {@code bbox} (pushed down to the store's
     * spatial index), transformed into {@code srid}; the caller closes the cursor.
     *
     * @param bbox     the box (x = easting/longitude)
     * @param bboxSrid the CRS of the box
     */
    default FeatureCursor features(InputValue.LayerReference layer, org.locationtech.jts.geom.Envelope bbox,
                                   int bboxSrid, int srid) {
        throw ProcessException.invalidInput(null, "no published layers here: " + layer.layer());
    }

    /** The schema of a published layer (public attributes only), if this server publishes one of that name. */
    default java.util.Optional<org.gengdi.core.feature.FeatureType> layerType(String layer) {
        return java.util.Optional.empty();
    }

    /** A context for running a process directly (tests, the CLI on files): no layers, never cancelled. */
    static ProcessContext standalone() {
        return new ProcessContext() {
            @Override
            public void progress(int percent, String message) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }

            @Override
            public void checkCancelled() {
            }

            @Override
            public FeatureCursor features(InputValue.LayerReference layer, int srid) {
                throw ProcessException.invalidInput(null, "no published layers here: " + layer.layer());
            }
        };
    }
}
