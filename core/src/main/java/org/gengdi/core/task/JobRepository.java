package org.gengdi.core.task;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable job store: a table in the active store's database (SQLite for the GeoPackage default, PostGIS in
 * production), so accepted jobs survive a restart and every server instance on one database sees every job.
 * The table itself is the queue: a job is inserted {@link JobStatus#ACCEPTED} and a worker of any instance
 * {@linkplain #claimNext claims} it atomically.
 */
public interface JobRepository extends AutoCloseable {

    /** Stores a new accepted job with its execution request (protocol-neutral JSON the engine wrote). */
    void insert(JobRecord job, byte[] request);

    /** The job, if known. */
    Optional<JobRecord> find(String id);

    /** The stored execution request of a job. */
    Optional<byte[]> request(String id);

    /** Jobs, newest first. */
    List<JobRecord> list(int offset, int limit);

    /** How many jobs are accepted and not yet claimed. */
    long countAccepted();

    /**
     * Atomically moves the oldest accepted job to {@link JobStatus#RUNNING} owned by {@code owner}; empty when none
     * is waiting. Safe against other instances claiming at the same time.
     */
    Optional<JobRecord> claimNext(String owner, Instant now);

    /**
     * Records progress (and serves as the heartbeat) of a job this owner runs.
     *
     * @return false when the job is no longer running under this owner (dismissed, or failed as an orphan): the
     *         worker should stop
     */
    boolean progress(String id, String owner, int percent, String message, Instant now);

    /**
     * Ends a running job with its outputs in one transaction; a job that is no longer running under this owner is
     * left as it is (its outputs are discarded).
     *
     * @return whether the job was finished by this call
     */
    boolean finish(String id, String owner, JobStatus status, String message, List<JobOutput> outputs, Instant now,
                   Instant expires);

    /** Stores an already finished job and its outputs at once (a synchronous execution with stored outputs). */
    void insertFinished(JobRecord job, byte[] request, List<JobOutput> outputs);

    /** One stored output. */
    Optional<JobOutput> output(String jobId, String outputId);

    /** All stored outputs of a job, in the order they were stored. */
    List<JobOutput> outputs(String jobId);

    /**
     * Dismisses a job: an accepted or running job becomes {@link JobStatus#DISMISSED}; a finished job's outputs
     * are deleted and it becomes dismissed as well.
     *
     * @return false when there is no such job
     */
    boolean dismiss(String id, Instant now);

    /**
     * Fails running jobs whose runner is gone: those owned by {@code owner} (this instance, restarted) and those of
     * any owner whose heartbeat is older than {@code staleBefore}.
     *
     * @return how many were failed
     */
    int failOrphans(String owner, Instant staleBefore, String reason, Instant now, Instant expires);

    /** Deletes finished jobs whose retention ended before {@code now}; returns how many. */
    int deleteExpired(Instant now);

    @Override
    void close();
}
