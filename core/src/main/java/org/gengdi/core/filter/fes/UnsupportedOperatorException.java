package org.gengdi.core.filter.fes;

import org.gengdi.core.filter.FilterParseException;

/**
 * A well-formed filter using an operator or expression Gengdi does not implement (a function, arithmetic,
 * {@code AnyInteracts}, …). Protocols report it as {@code OperationNotSupported} (WFS) or
 * {@code InvalidParameterValue}, naming {@link #operator()}.
 */
public class UnsupportedOperatorException extends FilterParseException {
    private final String operator;

    public UnsupportedOperatorException(String operator, String message) {
        super(message);
        this.operator = operator;
    }

    /** The operator as written, with its prefix (e.g. {@code fes:AnyInteracts}). */
    public String operator() {
        return operator;
    }
}
