package org.gengdi.core.filter;

/** A filter that names an unknown property, compares with a literal of the wrong type, or is otherwise unusable. */
public class InvalidFilterException extends IllegalArgumentException {
    private final String property;

    public InvalidFilterException(String message, String property) {
        super(message);
        this.property = property;
    }

    /** The offending property name, or null. */
    public String property() {
        return property;
    }
}
