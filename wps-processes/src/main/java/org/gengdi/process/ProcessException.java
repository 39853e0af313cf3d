package org.gengdi.process;

/**
 * Why an execution did not produce outputs; a closed set that the protocols map once to OWS exception codes and
 * OGC API problem types.
 */
public final class ProcessException extends RuntimeException {

    /** The kinds of failure. */
    public enum Kind {
        /** An input is missing, of the wrong type, malformed or too large (→ 400, InvalidParameterValue). */
        INVALID_INPUT,
        /** The execution was cancelled (dismissed) by a client. */
        CANCELLED,
        /** The execution ran longer than the process's time limit. */
        TIME_LIMIT,
        /** A layer or the database it needs is not available (→ 503). */
        UNAVAILABLE,
        /** The process failed on valid input (→ 500 / ProcessFailed with the message). */
        FAILED
    }

    private final Kind kind;
    private final String locator;

    public ProcessException(Kind kind, String locator, String message) {
        super(message);
        this.kind = kind;
        this.locator = locator;
    }

    public ProcessException(Kind kind, String locator, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.locator = locator;
    }

    public static ProcessException invalidInput(String inputId, String message) {
        return new ProcessException(Kind.INVALID_INPUT, inputId, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input concerned, or {@code null}. */
    public String locator() {
        return locator;
    }
}
