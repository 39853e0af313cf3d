package org.gengdi.core.task;

import java.time.Instant;
import java.util.Objects;

/**
 * One asynchronous job as the job store keeps it.
 *
 * @param id           the job id (a random UUID)
 * @param processId    the process it runs, e.g. {@code gengdi:Area}
 * @param status       where it is
 * @param progress     percent done, 0–100
 * @param message      the latest progress message, or the failure reason
 * @param inputsDigest SHA-256 (hex) of the stored execution request
 * @param owner        the server instance running it ({@code null} while accepted)
 * @param created      when it was accepted
 * @param started      when a worker took it ({@code null} before)
 * @param finished     when it ended ({@code null} before)
 * @param updated      the last heartbeat or change
 * @param expires      when its record and outputs may be deleted ({@code null} while unfinished)
 */
public record JobRecord(String id, String processId, JobStatus status, int progress, String message,
                        String inputsDigest, String owner, Instant created, Instant started, Instant finished,
                        Instant updated, Instant expires) {
    public JobRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(processId, "processId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(created, "created");
    }
}
