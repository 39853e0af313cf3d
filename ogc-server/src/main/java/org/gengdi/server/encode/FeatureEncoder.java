package org.gengdi.server.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.gengdi.core.feature.FeatureCursor;

/**
 * Writes a feature collection straight from a cursor to a stream, holding no more than the current feature (and
 * the writer's buffer) in memory however many features there are.
 *
 * <p>Implementations are stateless and thread-safe. {@link #write} reads the cursor to its end but neither closes
 * it nor the stream: both belong to the caller, who opened them. The stream is flushed before {@code write}
 * returns. When the cursor or the stream fails half-way, the exception passes through and the output is a
 * truncated document: the response has been committed by then, so the caller can only abort the connection.
 */
public interface FeatureEncoder {

    /** The media type to put into {@code Content-Type}. */
    String mimeType();

    /**
     * The output format names a request may give for this encoder, compared case- and blank-insensitively; the
     * first is {@link #mimeType()}.
     */
    default List<String> formatNames() {
        return List.of(mimeType());
    }

    /**
     * True when one collection may hold features of several types (each feature written after its own
     * {@link org.gengdi.core.feature.Feature#type()}): GML and GeoJSON. Tabular formats hold one schema.
     */
    default boolean mixesTypes() {
        return false;
    }

    /** The file name extension for a download ({@code Content-Disposition}), without the dot. */
    String fileExtension();

    /**
     * Writes the collection.
     *
     * @throws IOException              when the stream fails (typically: the client went away)
     * @throws IllegalArgumentException when {@code info} does not suit this format (see each encoder)
     */
    void write(FeatureCollectionInfo info, FeatureCursor features, OutputStream out) throws IOException;
}
