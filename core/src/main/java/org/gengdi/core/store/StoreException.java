package org.gengdi.core.store;

/** The closed set of store failures; protocols map each kind once to an OWS exception code / HTTP status. */
public class StoreException extends RuntimeException {

    /** What went wrong, independent of the back end. */
    public enum Kind {
        /** No layer of that name (→ 400 / InvalidParameterValue, 404 in OGC API). */
        UNKNOWN_LAYER,
        /** A layer of that name exists and replace was not asked for. */
        LAYER_EXISTS,
        /** The query cannot be answered as asked (unknown property, bad literal). */
        INVALID_QUERY,
        /** The database cannot be reached or failed; retrying later may succeed (→ 503). */
        UNAVAILABLE,
        /** Data that violates the schema (wrong geometry type, value too long). */
        INVALID_DATA,
        /** Anything else inside the store (→ 500 NoApplicableCode). */
        INTERNAL
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
