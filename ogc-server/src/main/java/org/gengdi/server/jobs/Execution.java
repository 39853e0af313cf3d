package org.gengdi.server.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.process.InputValue;
import org.gengdi.process.ProcessContext;
import org.gengdi.process.ProcessException;

/**
 * The context of one running execution: a cancellation flag (set by a dismiss, the time limit or shutdown), the
 * deadline, progress forwarded (throttled) to whoever records it, and layer access.
 */
final class Execution implements ProcessContext {
    /** Progress is recorded at most this often, however often a process reports it. */
    private static final long PROGRESS_INTERVAL_NANOS = 500_000_000L;

    private final LayerAccess layers;
    private final long deadlineNanos;
    private final Duration limit;
    private final BiConsumer<Integer, String> recorder;
    private volatile String cancelReason;
    private volatile int percent;
    private volatile String message = "running";
    private long lastRecorded = System.nanoTime() - PROGRESS_INTERVAL_NANOS;
    private final Instant started = Instant.now();

    Execution(LayerAccess layers, Duration limit, BiConsumer<Integer, String> recorder) {
        this.layers = layers;
        this.limit = limit;
        this.deadlineNanos = System.nanoTime() + limit.toNanos();
        this.recorder = recorder;
    }

    /** Asks the execution to stop; it does at its next check. */
    void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
    }

    int percent() {
        return percent;
    }

    String message() {
        return message;
    }

    Instant started() {
        return started;
    }

    @Override
    public void progress(int p, String msg) {
        percent = Math.max(0, Math.min(100, p));
        message = msg == null ? "running" : msg;
        long now = System.nanoTime();
        if (recorder != null && now - lastRecorded >= PROGRESS_INTERVAL_NANOS) {
            lastRecorded = now;
            recorder.accept(percent, message);
        }
    }

    @Override
    public boolean cancelled() {
        return cancelReason != null || System.nanoTime() > deadlineNanos;
    }

    @Override
    public void checkCancelled() {
        if (cancelReason != null) {
            throw new ProcessException(ProcessException.Kind.CANCELLED, null, cancelReason);
        }
        if (System.nanoTime() > deadlineNanos) {
            throw new ProcessException(ProcessException.Kind.TIME_LIMIT, null,
                    "the process ran longer than its time limit of " + limit.toSeconds() + " s");
        }
    }

    @Override
    public FeatureCursor features(InputValue.LayerReference layer, org.locationtech.jts.geom.Envelope bbox,
                                  int bboxSrid, int srid) {
        checkCancelled();
        return layers.features(null, layer.layer(), layer.filter(), bbox, bboxSrid, srid);
    }

    @Override
    public java.util.Optional<org.gengdi.core.feature.FeatureType> layerType(String layer) {
        return layers.type(layer);
    }

    @Override
    public FeatureCursor features(InputValue.LayerReference layer, int srid) {
        checkCancelled();
        return layers.features(null, layer.layer(), layer.filter(), srid);
    }
}
