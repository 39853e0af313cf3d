package org.gengdi.core.filter;

/**
 * A filter text or document that cannot be parsed (syntax, unsupported operator, too deep or too long).
 * Protocols report it as OWS {@code InvalidParameterValue} / {@code OperationParsingFailed} or HTTP 400.
 */
public class FilterParseException extends IllegalArgumentException {
    private final int position;

    public FilterParseException(String message, int position) {
        super(position >= 0 ? message + " (at position " + position + ")" : message);
        this.position = position;
    }

    public FilterParseException(String message) {
        this(message, -1);
    }

    /** Character offset of the problem in the input, or -1 when unknown. */
    public int position() {
        return position;
    }
}
