package org.gengdi.process;

import java.util.LinkedHashMap;
import java.util.Map;

/** The outputs of one execution, by output id, in the order the process produced them. */
public final class ProcessOutputs {
    private final Map<String, OutputValue> values = new LinkedHashMap<>();

    public ProcessOutputs put(String id, OutputValue value) {
        values.put(id, value);
        return this;
    }

    public ProcessOutputs literal(String id, Object value) {
        return put(id, new OutputValue.Literal(value));
    }

    public Map<String, OutputValue> all() {
        return java.util.Collections.unmodifiableMap(values);
    }
}
