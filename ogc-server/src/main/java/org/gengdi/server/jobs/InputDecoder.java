package org.gengdi.server.jobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.process.Format;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.process.InputValue;
import org.gengdi.process.ProcessDescription;
import org.gengdi.process.ProcessException;
import org.gengdi.process.ProcessInputs;
import org.gengdi.server.jobs.ExecuteRequest.RawInput;
import org.locationtech.jts.geom.Envelope;

/**
 * Checks the raw inputs of a request against a process's description and decodes them: unknown, missing, repeated
 * or mistyped inputs, literals outside their allowed values or range, unsupported formats, oversized or malformed
 * complex data and unknown layers each fail with a {@link ProcessException} naming the input.
 */
final class InputDecoder {

    /** Checks a layer reference against the published layers (name, and the filter's syntax and properties). */
    @FunctionalInterface
    interface LayerCheck {
        void check(String inputId, String layer, String filter);
    }

    private final int maxFeatures;
    private final LayerCheck layers;

    InputDecoder(int maxFeatures, LayerCheck layers) {
        this.maxFeatures = maxFeatures;
        this.layers = layers;
    }

    ProcessInputs decode(ProcessDescription d, ExecuteRequest request) {
        for (String id : request.inputs().keySet()) {
            if (d.input(id).isEmpty()) {
                throw ProcessException.invalidInput(id, "process " + d.id() + " has no input '" + id + "'");
            }
        }
        Map<String, List<InputValue>> out = new LinkedHashMap<>();
        for (InputDescription in : d.inputs()) {
            List<RawInput> raw = request.inputs().getOrDefault(in.id(), List.of());
            if (raw.size() > in.maxOccurs()) {
                throw ProcessException.invalidInput(in.id(), "input " + in.id() + " takes at most " + in.maxOccurs()
                        + " value(s), " + raw.size() + " given");
            }
            List<InputValue> values = new ArrayList<>();
            for (RawInput r : raw) {
                values.add(value(in, r));
            }
            if (values.isEmpty() && in.type() instanceof InputType.Literal l && l.defaultValue() != null) {
                values.add(literal(in, l, l.defaultValue()));
            }
            if (values.size() < in.minOccurs()) {
                throw ProcessException.invalidInput(in.id(), "input " + in.id() + " is required");
            }
            out.put(in.id(), values);
        }
        return new ProcessInputs(out);
    }

    private InputValue value(InputDescription in, RawInput raw) {
        String id = in.id();
        InputType type = in.type();
        if (type instanceof InputType.Literal l) {
                if (!(raw instanceof RawInput.Literal lit)) {
                    throw ProcessException.invalidInput(id, "input " + id + " takes a literal value");
                }
                if (lit.uom() != null && l.uom() != null && !lit.uom().equalsIgnoreCase(l.uom())) {
                    throw ProcessException.invalidInput(id, "input " + id + " is in " + l.uom() + ", not "
                            + lit.uom());
                }
            return literal(in, l, lit.value());
        }
        if (type instanceof InputType.Complex c) {
                if (!(raw instanceof RawInput.Complex cx)) {
                    throw ProcessException.invalidInput(id, "input " + id + " takes complex data ("
                            + c.formats().get(0).mediaType() + ")");
                }
                Format f = cx.mediaType() == null || cx.mediaType().isBlank() ? c.formats().get(0)
                        : Format.find(c.formats(), cx.mediaType());
                if (f == null) {
                    throw ProcessException.invalidInput(id, "input " + id + " does not accept " + cx.mediaType()
                            + "; it accepts " + c.formats().stream().map(Format::mediaType).toList());
                }
                if (cx.content().length() > c.maxBytes()) {
                    throw ProcessException.invalidInput(id, "input " + id + " is larger than its limit of "
                            + c.maxBytes() / (1 << 20) + " MiB");
                }
            return GeometryDecoder.decode(id, f, cx.content(), maxFeatures);
        }
        if (type instanceof InputType.BoundingBox b) {
                if (!(raw instanceof RawInput.BoundingBox box) || box.corners() == null
                        || box.corners().length != 4) {
                    throw ProcessException.invalidInput(id, "input " + id + " takes a bounding box of four numbers");
                }
                CrsRef crs;
                try {
                    crs = CrsRegistry.get().parse(box.crs() == null ? b.crs().get(0) : box.crs());
                } catch (RuntimeException e) {
                    throw ProcessException.invalidInput(id, "input " + id + ": unknown CRS " + box.crs());
                }
                double[] v = box.corners();
                for (double x : v) {
                    if (!Double.isFinite(x)) {
                        throw ProcessException.invalidInput(id, "input " + id + ": coordinates must be finite");
                    }
                }
                Envelope e = CrsRegistry.envelope(v[0], v[1], v[2], v[3], crs.axisOrder());
                if (v[0] > v[2] || v[1] > v[3]) {
                    throw ProcessException.invalidInput(id, "input " + id + ": the lower corner lies above the upper");
                }
            return new InputValue.BoundingBox(e, crs.srid());
        }
        InputType.LayerReference lr = (InputType.LayerReference) type;
        {
                String layer;
                String filter = null;
                if (raw instanceof RawInput.Layer l) {
                    layer = l.layer();
                    filter = l.filter() == null || l.filter().isBlank() ? null : l.filter();
                } else if (raw instanceof RawInput.Literal lit) {
                    layer = lit.value().strip();
                } else {
                    throw ProcessException.invalidInput(id, "input " + id
                            + " takes a layer reference: a layer name, or {\"layer\": …, \"filter\": …}");
                }
                if (!lr.layers().isEmpty() && !lr.layers().contains(layer)) {
                    throw ProcessException.invalidInput(id, "input " + id + " takes one of the layers "
                            + lr.layers() + ", not " + layer);
                }
                layers.check(id, layer, filter);
            return new InputValue.LayerReference(layer, filter);
        }
    }

    private static InputValue literal(InputDescription in, InputType.Literal l, String text) {
        Object v;
        try {
            v = l.dataType().parse(text);
        } catch (IllegalArgumentException e) {
            throw ProcessException.invalidInput(in.id(), "input " + in.id() + ": " + e.getMessage());
        }
        if (!l.allowedValues().isEmpty() && !l.allowedValues().contains(text.strip())) {
            throw ProcessException.invalidInput(in.id(), "input " + in.id() + " must be one of "
                    + l.allowedValues() + ", not '" + text + "'");
        }
        if (v instanceof Number n && (l.min() != null && n.doubleValue() < l.min()
                || l.max() != null && n.doubleValue() > l.max())) {
            throw ProcessException.invalidInput(in.id(), "input " + in.id() + " must lie between " + l.min()
                    + " and " + l.max() + ", not " + text);
        }
        return new InputValue.Literal(text, v);
    }
}
