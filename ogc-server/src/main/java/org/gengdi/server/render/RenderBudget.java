package org.gengdi.server.render;

/** Counts what one rendering has spent against its {@link RenderLimits}. Not thread-safe. */
final class RenderBudget {
    private final RenderLimits limits;
    private final long start;
    private final long deadline;
    private long features;

    RenderBudget(RenderLimits limits) {
        this.limits = limits;
        this.start = System.nanoTime();
        long nanos;
        try {
            nanos = limits.maxTime().toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 2;
        }
        this.deadline = start + nanos;
    }

    /** One more feature read; throws when there are too many or time is up. */
    void feature() {
        if (++features > limits.maxFeatures()) {
            throw new RenderLimitException(RenderLimitException.Limit.FEATURES, features, limits.maxFeatures());
        }
        checkTime();
    }

    void checkTime() {
        if (System.nanoTime() - deadline > 0) {
            throw new RenderLimitException(RenderLimitException.Limit.TIME, (System.nanoTime() - start) / 1_000_000,
                    limits.maxTime().toMillis());
        }
    }

    long features() {
        return features;
    }
}
