package org.gengdi.core.task;

/** The states of an asynchronous job, named as OGC API Processes names them. */
public enum JobStatus {
    /** Stored and waiting for a worker. */
    ACCEPTED("accepted"),
    /** A worker is executing it. */
    RUNNING("running"),
    /** Finished; its outputs are stored. */
    SUCCESSFUL("successful"),
    /** Finished with an error (its message says why). */
    FAILED("failed"),
    /** Cancelled by a client; outputs removed. */
    DISMISSED("dismissed");

    private final String code;

    JobStatus(String code) {
        this.code = code;
    }

    /** The OGC API Processes status code, e.g. {@code successful}. */
    public String code() {
        return code;
    }

    /** True once the job can change no more. */
    public boolean finished() {
        return this == SUCCESSFUL || this == FAILED || this == DISMISSED;
    }

    /** The status of a code, as stored. */
    public static JobStatus ofCode(String code) {
        for (JobStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job status " + code);
    }
}
