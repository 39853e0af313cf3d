package org.gengdi.process;

import java.util.Objects;

/**
 * One input of a process.
 *
 * @param id        the identifier, e.g. {@code geometry}
 * @param title     its title
 * @param abstract_ what it means, or {@code null}
 * @param type      what it accepts
 * @param minOccurs 0 for optional inputs
 * @param maxOccurs how many values it takes at most
 */
public record InputDescription(String id, Text title, Text abstract_, InputType type, int minOccurs, int maxOccurs) {
    public InputDescription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        if (minOccurs < 0 || maxOccurs < Math.max(1, minOccurs)) {
            throw new IllegalArgumentException("bad occurrences of input " + id);
        }
    }

    public static InputDescription required(String id, Text title, Text abstract_, InputType type) {
        return new InputDescription(id, title, abstract_, type, 1, 1);
    }

    public static InputDescription optional(String id, Text title, Text abstract_, InputType type) {
        return new InputDescription(id, title, abstract_, type, 0, 1);
    }
}
