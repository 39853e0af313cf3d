package org.gengdi.server.jobs;

/** Why the engine refused a request before any process ran; a closed set mapped once per protocol. */
public final class JobException extends RuntimeException {

    /** The kinds of refusal. */
    public enum Kind {
        /** No process of that id (→ WPS InvalidParameterValue 400; OGC API 404 no-such-process). */
        NO_SUCH_PROCESS,
        /** No job of that id (→ 404 no-such-job). */
        NO_SUCH_JOB,
        /** The job has no results yet, or failed (→ 404 result-not-ready). */
        RESULT_NOT_READY,
        /** The queue or the synchronous slots are full (→ 503 with Retry-After). */
        BUSY,
        /** Asynchronous execution needs a job store the active store cannot hold (→ 501/NoApplicableCode). */
        NO_JOB_STORE,
        /** A reference input the server will not fetch (→ 400 InvalidParameterValue). */
        REFERENCE_REFUSED
    }

    private final Kind kind;
    private final String locator;

    public JobException(Kind kind, String locator, String message) {
        super(message);
        this.kind = kind;
        this.locator = locator;
    }

    public Kind kind() {
        return kind;
    }

    public String locator() {
        return locator;
    }

    /** Seconds a client should wait before retrying a {@link Kind#BUSY} request. */
    public static final int RETRY_AFTER_SECONDS = 5;
}
