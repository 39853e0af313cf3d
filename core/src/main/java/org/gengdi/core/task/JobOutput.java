package org.gengdi.core.task;

import java.util.Objects;

/**
 * One stored output of a job, already encoded in the format the client asked for.
 *
 * @param outputId  the process output identifier
 * @param mediaType the encoded format, e.g. {@code application/geo+json}
 * @param data      the encoded bytes
 */
public record JobOutput(String outputId, String mediaType, byte[] data) {
    public JobOutput {
        Objects.requireNonNull(outputId, "outputId");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(data, "data");
    }
}
