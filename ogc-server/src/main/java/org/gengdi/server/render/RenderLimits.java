package org.gengdi.server.render;

import java.time.Duration;
import java.util.Objects;

/**
 * What one rendering may cost; each limit exceeded ends the rendering with a {@link RenderLimitException}.
 *
 * @param maxWidth    largest image width in pixels
 * @param maxHeight   largest image height in pixels
 * @param maxFeatures most features read for one image (all layers together)
 * @param maxTime     longest time spent reading and drawing one image
 * @param maxPixels   largest width × height, which bounds the image's memory (4 bytes a pixel)
 */
public record RenderLimits(int maxWidth, int maxHeight, long maxFeatures, Duration maxTime, long maxPixels) {

    public static final RenderLimits DEFAULT = new RenderLimits(4096, 4096, 200_000, Duration.ofSeconds(60),
            4096L * 4096L);

    public RenderLimits {
        Objects.requireNonNull(maxTime, "maxTime");
        if (maxWidth <= 0 || maxHeight <= 0 || maxFeatures < 0 || maxPixels <= 0 || maxTime.isNegative()) {
            throw new IllegalArgumentException("render limits must be positive");
        }
    }

    /** Limits whose pixel budget is {@code maxWidth × maxHeight}. */
    public RenderLimits(int maxWidth, int maxHeight, long maxFeatures, Duration maxTime) {
        this(maxWidth, maxHeight, maxFeatures, maxTime, (long) maxWidth * maxHeight);
    }

    public static RenderLimits defaults() {
        return DEFAULT;
    }

    public RenderLimits withMaxFeatures(long n) {
        return new RenderLimits(maxWidth, maxHeight, n, maxTime, maxPixels);
    }

    public RenderLimits withMaxTime(Duration d) {
        return new RenderLimits(maxWidth, maxHeight, maxFeatures, d, maxPixels);
    }

    public RenderLimits withMaxSize(int width, int height, long pixels) {
        return new RenderLimits(width, height, maxFeatures, maxTime, pixels);
    }

    /** Throws when an image of this size may not be made. */
    public void checkSize(int width, int height) {
        if (width > maxWidth) {
            throw new RenderLimitException(RenderLimitException.Limit.WIDTH, width, maxWidth);
        }
        if (height > maxHeight) {
            throw new RenderLimitException(RenderLimitException.Limit.HEIGHT, height, maxHeight);
        }
        if ((long) width * height > maxPixels) {
            throw new RenderLimitException(RenderLimitException.Limit.PIXELS, (long) width * height, maxPixels);
        }
    }
}
