package org.gengdi.server.jobs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One execution as a protocol hands it to the engine, and as the job store keeps it (as JSON) until a worker runs
 * it: the process, the raw inputs, and which outputs the client wants in which format.
 *
 * @param processId the process id
 * @param inputs    input id → its values, in the order given
 * @param outputs   the outputs asked for (empty: all, each in its default format, by value)
 * @param options   protocol details the engine keeps with a job and hands back untouched (e.g. WPS
 *                  {@code lineage}), never interpreted by it
 */
public record ExecuteRequest(String processId, Map<String, List<RawInput>> inputs, List<OutputRequest> outputs,
                             Map<String, String> options) {
    public ExecuteRequest {
        Objects.requireNonNull(processId, "processId");
        Map<String, List<RawInput>> copy = new LinkedHashMap<>();
        if (inputs != null) {
            inputs.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        inputs = java.util.Collections.unmodifiableMap(copy);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        options = options == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** The same request with other inputs (references resolved). */
    public ExecuteRequest withInputs(Map<String, List<RawInput>> resolved) {
        return new ExecuteRequest(processId, resolved, outputs, options);
    }

    /** How an output is returned. */
    public enum Transmission {
        /** In the response (or the results document). */
        VALUE,
        /** Stored on the server and linked by URL. */
        REFERENCE
    }

    /**
     * An output the client asked for.
     *
     * @param id           the output id
     * @param mediaType    the format, or {@code null} for the output's default
     * @param transmission by value or by reference
     */
    public record OutputRequest(String id, String mediaType, Transmission transmission) {
        public OutputRequest {
            Objects.requireNonNull(id, "id");
            if (transmission == null) {
                transmission = Transmission.VALUE;
            }
        }
    }

    /** One input value as the client wrote it, before it is checked against the process. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = RawInput.Literal.class, name = "literal"),
            @JsonSubTypes.Type(value = RawInput.Complex.class, name = "complex"),
            @JsonSubTypes.Type(value = RawInput.BoundingBox.class, name = "bbox"),
            @JsonSubTypes.Type(value = RawInput.Layer.class, name = "layer"),
            @JsonSubTypes.Type(value = RawInput.Reference.class, name = "reference")})
    public sealed interface RawInput {

        /** A literal's text, with an optional unit. */
        record Literal(String value, String uom) implements RawInput {
            public Literal {
                Objects.requireNonNull(value, "value");
            }
        }

        /** Complex data as text (GeoJSON, GML, WKT), with its media type ({@code null}: the default format). */
        record Complex(String mediaType, String content) implements RawInput {
            public Complex {
                Objects.requireNonNull(content, "content");
            }
        }

        /** A box: lower corner then upper corner in the CRS's axis order. */
        record BoundingBox(double[] corners, String crs) implements RawInput {
        }

        /** A published layer with an optional CQL2 text filter. */
        record Layer(String layer, String filter) implements RawInput {
            public Layer {
                Objects.requireNonNull(layer, "layer");
            }
        }

        /** A URL to read the value from; the engine resolves it before the job is stored (or refuses it). */
        record Reference(String href, String mediaType) implements RawInput {
            public Reference {
                Objects.requireNonNull(href, "href");
            }
        }
    }
}
