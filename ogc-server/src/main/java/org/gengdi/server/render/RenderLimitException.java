package org.gengdi.server.render;

/**
 * A rendering stopped because it would exceed one of its {@link RenderLimits}; no partial image is returned. The
 * WMS answers it with an OWS exception.
 */
public final class RenderLimitException extends RuntimeException {

    /** The limit that was hit. */
    public enum Limit {
        /** Image width in pixels. */
        WIDTH("image width", "pixels"),
        /** Image height in pixels. */
        HEIGHT("image height", "pixels"),
        /** Width × height. */
        PIXELS("image size", "pixels"),
        /** Features read for one image. */
        FEATURES("number of features", "features"),
        /** Time spent rendering. */
        TIME("rendering time", "ms");

        private final String what;
        private final String unit;

        Limit(String what, String unit) {
            this.what = what;
            this.unit = unit;
        }
    }

    private final Limit limit;
    private final long allowed;

    /**
     * @param limit   which limit
     * @param actual  the value reached or asked for
     * @param allowed the limit's value
     */
    public RenderLimitException(Limit limit, long actual, long allowed) {
        super("the " + limit.what + " " + (limit == Limit.FEATURES || limit == Limit.TIME ? "exceeds" : actual
                + " " + limit.unit + " exceeds") + " the limit of " + allowed + " " + limit.unit);
        this.limit = limit;
        this.allowed = allowed;
    }

    public Limit limit() {
        return limit;
    }

    /** The limit's value (pixels, features or milliseconds). */
    public long allowed() {
        return allowed;
    }
}
