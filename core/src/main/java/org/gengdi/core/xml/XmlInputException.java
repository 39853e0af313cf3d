package org.gengdi.core.xml;

/**
 * XML input refused by {@link SafeXml}: malformed, carrying a DOCTYPE, or beyond a size, depth, attribute or text
 * limit. Protocols report {@link Reason#MALFORMED} as a parsing failure and the others as invalid (or too large) input.
 */
public class XmlInputException extends IllegalArgumentException {

    /** Why the input was refused. */
    public enum Reason {
        /** Not well-formed XML (or an I/O error while reading it). */
        MALFORMED,
        /** A document type declaration: refused because it enables XXE and entity expansion. */
        DOCTYPE,
        /** More bytes or characters than {@link SafeXml.Limits#maxInput()}. */
        TOO_LARGE,
        /** Elements nested deeper than {@link SafeXml.Limits#maxDepth()}. */
        TOO_DEEP,
        /** An element with more attributes than {@link SafeXml.Limits#maxAttributes()}. */
        TOO_MANY_ATTRIBUTES,
        /** A text node, comment or attribute value longer than {@link SafeXml.Limits#maxTextLength()}. */
        TEXT_TOO_LONG
    }

    private final Reason reason;

    public XmlInputException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public XmlInputException(Reason reason, String message) {
        this(reason, message, null);
    }

    /** Why the input was refused. */
    public Reason reason() {
        return reason;
    }
}
