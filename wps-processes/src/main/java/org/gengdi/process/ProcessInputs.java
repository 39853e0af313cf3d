package org.gengdi.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The checked inputs of one execution: each input id with its values (defaults already applied). */
public final class ProcessInputs {
    private final Map<String, List<InputValue>> values;

    public ProcessInputs(Map<String, List<InputValue>> values) {
        Map<String, List<InputValue>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        this.values = java.util.Collections.unmodifiableMap(copy);
    }

    public Map<String, List<InputValue>> all() {
        return values;
    }

    public List<InputValue> values(String id) {
        return values.getOrDefault(id, List.of());
    }

    public boolean has(String id) {
        return !values(id).isEmpty();
    }

    /** The first value of an input, if given. */
    public Optional<InputValue> first(String id) {
        List<InputValue> v = values(id);
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    private Object literal(String id) {
        InputValue v = first(id).orElseThrow(() -> ProcessException.invalidInput(id, "input " + id + " is missing"));
        if (v instanceof InputValue.Literal l) {
            return l.value();
        }
        throw ProcessException.invalidInput(id, "input " + id + " must be a literal value");
    }

    public double doubleValue(String id) {
        return ((Number) literal(id)).doubleValue();
    }

    public long longValue(String id) {
        return ((Number) literal(id)).longValue();
    }

    public String string(String id) {
        return String.valueOf(literal(id));
    }

    public boolean bool(String id) {
        return (Boolean) literal(id);
    }

    /** All feature values of a complex input. */
    public List<InputValue.Features> features(String id) {
        return values(id).stream().filter(InputValue.Features.class::isInstance).map(InputValue.Features.class::cast)
                .toList();
    }

    /** All layer references of an input. */
    public List<InputValue.LayerReference> layers(String id) {
        return values(id).stream().filter(InputValue.LayerReference.class::isInstance)
                .map(InputValue.LayerReference.class::cast).toList();
    }
}
