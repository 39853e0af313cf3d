package org.gengdi.server.ogcapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.process.ProcessDescription;
import org.gengdi.server.jobs.ExecuteRequest;
import org.gengdi.server.jobs.ExecuteRequest.RawInput;

/**
 * Reads an OGC API - Processes 1.0 execute request ({@code {"inputs": …, "outputs": …, "response": …}}) into the
 * engine's {@link ExecuteRequest}. How a JSON value is read depends on the input's type: literals as JSON scalars
 * (or {@code {"value": …}} / {@code {"measurement": …, "uom": …}}), complex data as a GeoJSON object, a
 * {@code {"value": …, "mediaType": …}} qualified value, a string (GML when it starts with {@code <}, else WKT) or
 * {@code {"href": …}}, bounding boxes as {@code {"bbox": [...], "crs": …}}, layer references as a layer name or
 * {@code {"layer": …, "filter": …}}. The body is read with a size limit.
 */
final class ExecuteBody {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(80)
                .maxStringLength(Integer.MAX_VALUE / 2).build());
    }

    /** The parsed request and the response form asked for. */
    record Parsed(ExecuteRequest request, boolean raw) {
    }

    private ExecuteBody() {
    }

    static Parsed read(InputStream in, long maxBytes, ProcessDescription d) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (body.length > maxBytes) {
            throw ApiException.tooLarge("the execute request is larger than the limit of " + maxBytes / (1 << 20)
                    + " MiB");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the execute request is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the execute request must be a JSON object with 'inputs'");
        }
        JsonNode inputs = root.path("inputs");
        if (!inputs.isMissingNode() && !inputs.isObject()) {
            throw ApiException.badRequest("'inputs' must be an object of input id → value");
        }
        Map<String, List<RawInput>> raw = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = inputs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            InputDescription input = d.input(e.getKey()).orElse(null);
            if (input == null) {
                throw ApiException.badRequest("process " + d.id() + " has no input '" + QueryParams.echo(e.getKey())
                        + "'");
            }
            List<RawInput> values = new ArrayList<>();
            JsonNode v = e.getValue();
            boolean list = v.isArray() && !(input.type() instanceof InputType.BoundingBox);
            if (list) {
                for (JsonNode item : v) {
                    values.add(value(input, item));
                }
            } else {
                values.add(value(input, v));
            }
            raw.put(e.getKey(), values);
        }
        List<ExecuteRequest.OutputRequest> outputs = new ArrayList<>();
        JsonNode outs = root.path("outputs");
        if (!outs.isMissingNode() && !outs.isObject()) {
            throw ApiException.badRequest("'outputs' must be an object of output id → {format, transmissionMode}");
        }
        Iterator<Map.Entry<String, JsonNode>> ot = outs.fields();
        while (ot.hasNext()) {
            Map.Entry<String, JsonNode> e = ot.next();
            JsonNode o = e.getValue();
            String mediaType = o.path("format").path("mediaType").isTextual()
                    ? o.path("format").path("mediaType").asText() : null;
            String mode = o.path("transmissionMode").asText("value");
            if (!mode.equals("value") && !mode.equals("reference")) {
                throw ApiException.badRequest("transmissionMode of output " + QueryParams.echo(e.getKey())
                        + " must be 'value' or 'reference'");
            }
            outputs.add(new ExecuteRequest.OutputRequest(e.getKey(), mediaType, mode.equals("reference")
                    ? ExecuteRequest.Transmission.REFERENCE : ExecuteRequest.Transmission.VALUE));
        }
        String response = root.path("response").asText("raw");
        if (!response.equals("raw") && !response.equals("document")) {
            throw ApiException.badRequest("response must be 'raw' or 'document'");
        }
        return new Parsed(new ExecuteRequest(d.id(), raw, outputs, Map.of("response", response)),
                response.equals("raw"));
    }

    private static RawInput value(InputDescription in, JsonNode v) {
        String id = in.id();
        if (v.isObject() && v.has("href")) {
            return new RawInput.Reference(v.path("href").asText(), v.path("type").isTextual()
                    ? v.path("type").asText() : null);
        }
        InputType t = in.type();
        if (t instanceof InputType.Literal) {
            if (v.isValueNode() && !v.isNull()) {
                return new RawInput.Literal(v.asText(), null);
            }
            if (v.isObject() && v.has("measurement")) {
                return new RawInput.Literal(v.path("measurement").asText(), v.path("uom").isTextual()
                        ? v.path("uom").asText() : null);
            }
            if (v.isObject() && v.path("value").isValueNode()) {
                return new RawInput.Literal(v.path("value").asText(), null);
            }
            throw ApiException.badRequest("input " + id + " takes a literal value (a JSON string, number or boolean)");
        }
        if (t instanceof InputType.Complex) {
            if (v.isObject() && v.has("value")) {
                JsonNode value = v.get("value");
                String type = v.path("mediaType").isTextual() ? v.path("mediaType").asText() : null;
                return new RawInput.Complex(type, value.isTextual() ? value.asText() : value.toString());
            }
            if (v.isObject()) {
                return new RawInput.Complex("application/geo+json", v.toString());
            }
            if (v.isTextual()) {
                String s = v.asText().stripLeading();
                return new RawInput.Complex(s.startsWith("<") ? "application/gml+xml; version=3.2"
                        : "application/wkt", v.asText());
            }
            throw ApiException.badRequest("input " + id + " takes GeoJSON, a {value, mediaType} object, GML or WKT");
        }
        if (t instanceof InputType.BoundingBox) {
            JsonNode b = v.path("bbox");
            if (!b.isArray() || b.size() != 4) {
                throw ApiException.badRequest("input " + id + " takes {\"bbox\": [x1, y1, x2, y2], \"crs\": …}");
            }
            double[] c = new double[4];
            for (int i = 0; i < 4; i++) {
                if (!b.get(i).isNumber()) {
                    throw ApiException.badRequest("input " + id + ": bbox values must be numbers");
                }
                c[i] = b.get(i).asDouble();
            }
            return new RawInput.BoundingBox(c, v.path("crs").isTextual() ? v.path("crs").asText() : null);
        }
        if (v.isTextual()) {
            return new RawInput.Layer(v.asText(), null);
        }
        if (v.isObject() && v.path("layer").isTextual()) {
            return new RawInput.Layer(v.path("layer").asText(), v.path("filter").isTextual()
                    ? v.path("filter").asText() : null);
        }
        throw ApiException.badRequest("input " + id + " takes a layer name or {\"layer\": …, \"filter\": …}");
    }
}
