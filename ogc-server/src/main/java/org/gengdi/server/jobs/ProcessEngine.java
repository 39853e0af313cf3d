package org.gengdi.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.gengdi.core.store.StoreException;
import org.gengdi.core.task.JobOutput;
import org.gengdi.core.task.JobRecord;
import org.gengdi.core.task.JobRepository;
import org.gengdi.core.task.JobStatus;
import org.gengdi.process.Format;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.OutputDescription;
import org.gengdi.process.OutputValue;
import org.gengdi.process.ProcessDescription;
import org.gengdi.process.ProcessException;
import org.gengdi.process.ProcessInputs;
import org.gengdi.process.ProcessOutputs;
import org.gengdi.process.ProcessRegistry;
import org.gengdi.server.jobs.ExecuteRequest.RawInput;
import org.gengdi.server.ows.PublishedLayers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs processes for every protocol. Synchronous executions run on the request's thread, bounded by a semaphore;
 * asynchronous ones are stored as {@link JobStatus#ACCEPTED} rows of the job table, which is the queue: this
 * instance's workers (and those of any other instance on the same PostGIS) claim them, write heartbeats while they
 * run, and store the encoded outputs with the final status in one transaction. At start-up, jobs this instance was
 * running when it died are failed with a reason; accepted jobs are simply claimed again.
 */
public final class ProcessEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessEngine.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** How long an idle worker sleeps before looking at the table again (other instances' submissions). */
    private static final long POLL_MILLIS = 500;
    static final String ORPHAN_REASON = "the server stopped while the job was running; submit it again";
    static final String STALE_REASON = "the server running the job stopped answering; submit it again";

    private final ProcessRegistry registry;
    private final JobRepository jobs;
    private final ProcessingSettings settings;
    private final LayerAccess layers;
    private final InputDecoder decoder;
    private final ReferenceResolver references;
    private final Semaphore syncSlots;
    private final Map<String, Execution> running = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final List<Thread> workers = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;

    /**
     * A request checked against its process: references resolved, inputs decoded, outputs and formats chosen.
     *
     * @param process the process
     * @param request the request as it will be stored (references replaced by what they stand for)
     * @param inputs  the decoded inputs
     * @param outputs the outputs to produce, each with its format ({@code null} for literals) and transmission
     */
    public record Prepared(GengdiProcess process, ExecuteRequest request, ProcessInputs inputs,
                           List<PlannedOutput> outputs) {
    }

    /** One output to produce. */
    public record PlannedOutput(OutputDescription description, Format format,
                                ExecuteRequest.Transmission transmission) {
    }

    /**
     * The outcome of a synchronous execution.
     *
     * @param outputs the encoded outputs, in the order planned
     * @param jobId   the id under which they were stored when some output was asked by reference, else null
     */
    public record Result(List<JobOutput> outputs, String jobId) {
    }

    /**
     * @param jobs the durable job store, or {@code null} when the active store cannot hold one (asynchronous
     *             execution and stored outputs are then refused)
     */
    public ProcessEngine(ProcessRegistry registry, JobRepository jobs, PublishedLayers published,
                         ProcessingSettings settings) {
        this.registry = registry;
        this.jobs = jobs;
        this.settings = settings;
        this.layers = new LayerAccess(published);
        this.decoder = new InputDecoder(settings.maxFeatures(), layers::check);
        this.references = new ReferenceResolver(settings.referenceAllow(), settings.maxInputBytes());
        this.syncSlots = new Semaphore(settings.syncConcurrency(), true);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gengdi-jobs-housekeeping");
            t.setDaemon(true);
            return t;
        });
        if (jobs != null) {
            Instant now = Instant.now();
            int failed = jobs.failOrphans(settings.instanceId(), now.minus(settings.staleAfter()), ORPHAN_REASON,
                    now, now.plus(settings.retention()));
            if (failed > 0) {
                LOG.warn("{} job(s) were running when this server last stopped; marked failed", failed);
            }
            for (int i = 0; i < settings.workers(); i++) {
                Thread t = new Thread(this::work, "gengdi-job-worker-" + (i + 1));
                t.setDaemon(true);
                workers.add(t);
                t.start();
            }
            long beat = settings.heartbeat().toMillis();
            scheduler.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(this::sweep, 1000, Math.max(beat * 2, 1000), TimeUnit.MILLISECONDS);
        }
    }

    public List<GengdiProcess> processes() {
        return registry.all();
    }

    public Optional<GengdiProcess> process(String id) {
        return registry.find(id);
    }

    /** True when asynchronous execution is available (the store holds a job table). */
    public boolean asyncAvailable() {
        return jobs != null;
    }

    public ProcessingSettings settings() {
        return settings;
    }

    /** Accepted jobs waiting for a worker (every instance's). */
    public long queued() {
        requireJobs();
        return jobs.countAccepted();
    }

    // ------------------------------------------------------------------------------------------ preparing

    /**
     * Checks a request: the process exists, references are resolvable, every input decodes and every output asked
     * for exists in an offered format.
     *
     * @param selfBase this server's base URL as the client sees it (for references to its own services)
     * @throws JobException     for an unknown process or a refused reference
     * @throws ProcessException for bad inputs or outputs
     */
    public Prepared prepare(ExecuteRequest request, String selfBase) {
        GengdiProcess process = registry.find(request.processId()).orElseThrow(() -> new JobException(
                JobException.Kind.NO_SUCH_PROCESS, request.processId(), "no process '" + request.processId()
                + "'; the processes are " + registry.all().stream().map(p -> p.description().id()).toList()));
        Map<String, List<RawInput>> resolved = new LinkedHashMap<>();
        request.inputs().forEach((id, values) -> resolved.put(id, values.stream()
                .map(v -> v instanceof RawInput.Reference r ? references.resolve(id, r, selfBase) : v).toList()));
        ExecuteRequest stored = request.withInputs(resolved);
        return plan(process, stored);
    }

    private Prepared plan(GengdiProcess process, ExecuteRequest request) {
        ProcessDescription d = process.description();
        ProcessInputs inputs = decoder.decode(d, request);
        List<PlannedOutput> outputs = new ArrayList<>();
        if (request.outputs().isEmpty()) {
            for (OutputDescription o : d.outputs()) {
                outputs.add(new PlannedOutput(o, OutputEncoder.format(o, null), ExecuteRequest.Transmission.VALUE));
            }
        } else {
            for (ExecuteRequest.OutputRequest r : request.outputs()) {
                OutputDescription o = d.output(r.id()).orElseThrow(() -> ProcessException.invalidInput(r.id(),
                        "process " + d.id() + " has no output '" + r.id() + "'"));
                outputs.add(new PlannedOutput(o, OutputEncoder.format(o, r.mediaType()), r.transmission()));
            }
        }
        if (jobs == null && outputs.stream().anyMatch(o -> o.transmission() == ExecuteRequest.Transmission.REFERENCE)) {
            throw new JobException(JobException.Kind.NO_JOB_STORE, null,
                    "outputs by reference need a writable store to keep them in");
        }
        return new Prepared(process, request, inputs, outputs);
    }

    // ------------------------------------------------------------------------------------------ synchronous

    /**
     * Runs a prepared request now, on this thread, and encodes its outputs; outputs by reference are stored as a
     * finished job.
     *
     * @throws JobException     {@link JobException.Kind#BUSY} when no synchronous slot frees up in time
     * @throws ProcessException when the process fails
     */
    public Result execute(Prepared p) {
        boolean got;
        try {
            got = syncSlots.tryAcquire(settings.syncWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) {
            throw new JobException(JobException.Kind.BUSY, null, "all " + settings.syncConcurrency()
                    + " synchronous execution slots are busy; retry later or execute asynchronously");
        }
        try {
            Execution ex = new Execution(layers, limit(p.process()), null);
            List<JobOutput> out = run(p, ex);
            String jobId = null;
            if (p.outputs().stream().anyMatch(o -> o.transmission() == ExecuteRequest.Transmission.REFERENCE)) {
                jobId = UUID.randomUUID().toString();
                Instant now = Instant.now();
                byte[] req = serialise(p.request());
                jobs.insertFinished(new JobRecord(jobId, p.process().description().id(), JobStatus.SUCCESSFUL, 100,
                        "finished", digest(req), settings.instanceId(), ex.started(), ex.started(), now, now,
                        now.plus(settings.retention())), req, out);
            }
            return new Result(out, jobId);
        } finally {
            syncSlots.release();
        }
    }

    private List<JobOutput> run(Prepared p, Execution ex) {
        ProcessOutputs produced = p.process().execute(p.inputs(), ex);
        ex.checkCancelled();
        List<JobOutput> out = new ArrayList<>();
        for (PlannedOutput o : p.outputs()) {
            OutputValue v = produced.all().get(o.description().id());
            if (v == null) {
                throw new ProcessException(ProcessException.Kind.FAILED, o.description().id(),
                        "the process produced no output '" + o.description().id() + "'");
            }
            out.add(OutputEncoder.encode(o.description(), v, o.format()));
        }
        return out;
    }

    private Duration limit(GengdiProcess p) {
        Duration own = p.description().timeLimit();
        return own == null || own.compareTo(settings.maxTime()) > 0 ? settings.maxTime() : own;
    }

    // ------------------------------------------------------------------------------------------ asynchronous

    /**
     * Stores a prepared request as an accepted job; a worker of some instance runs it.
     *
     * @throws JobException {@link JobException.Kind#BUSY} when the queue is full,
     *                      {@link JobException.Kind#NO_JOB_STORE} without a job store
     */
    public JobRecord submit(Prepared p) {
        requireJobs();
        if (jobs.countAccepted() >= settings.queueLimit()) {
            throw new JobException(JobException.Kind.BUSY, null, "the job queue is full ("
                    + settings.queueLimit() + " jobs waiting); retry later");
        }
        byte[] req = serialise(p.request());
        Instant now = Instant.now();
        JobRecord job = new JobRecord(UUID.randomUUID().toString(), p.process().description().id(),
                JobStatus.ACCEPTED, 0, "accepted", digest(req), null, now, null, null, now, null);
        jobs.insert(job, req);
        synchronized (signal) {
            signal.notifyAll();
        }
        return job;
    }

    public Optional<JobRecord> job(String id) {
        requireJobs();
        return validId(id) ? jobs.find(id) : Optional.empty();
    }

    public List<JobRecord> jobs(int offset, int limit) {
        requireJobs();
        return jobs.list(offset, limit);
    }

    /** The stored request of a job (its options, outputs asked for). */
    public Optional<ExecuteRequest> request(String id) {
        requireJobs();
        return validId(id) ? jobs.request(id).map(ProcessEngine::deserialise) : Optional.empty();
    }

    public List<JobOutput> results(String id) {
        requireJobs();
        return jobs.outputs(id);
    }

    public Optional<JobOutput> result(String id, String outputId) {
        requireJobs();
        return validId(id) ? jobs.output(id, outputId) : Optional.empty();
    }

    /** Dismisses a job: a running one on this instance stops at its next check; false when unknown. */
    public boolean dismiss(String id) {
        requireJobs();
        if (!validId(id)) {
            return false;
        }
        boolean known = jobs.dismiss(id, Instant.now());
        Execution ex = running.get(id);
        if (ex != null) {
            ex.cancel("dismissed by the client");
        }
        return known;
    }

    private static boolean validId(String id) {
        return id != null && id.matches("[0-9a-fA-F-]{36}");
    }

    private void requireJobs() {
        if (jobs == null) {
            throw new JobException(JobException.Kind.NO_JOB_STORE, null,
                    "asynchronous execution needs a writable store to keep jobs in");
        }
    }

    private void work() {
        while (!closed) {
            Optional<JobRecord> claimed;
            try {
                claimed = jobs.claimNext(settings.instanceId(), Instant.now());
            } catch (StoreException e) {
                LOG.warn("cannot read the job queue: {}", e.getMessage());
                claimed = Optional.empty();
                pause(POLL_MILLIS * 4);
            }
            if (claimed.isEmpty()) {
                synchronized (signal) {
                    if (closed) {
                        return;
                    }
                    try {
                        signal.wait(POLL_MILLIS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                continue;
            }
            runJob(claimed.get());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runJob(JobRecord job) {
        String owner = settings.instanceId();
        Execution ex = null;
        JobStatus status;
        String message;
        List<JobOutput> outputs = List.of();
        try {
            ExecuteRequest request = jobs.request(job.id()).map(ProcessEngine::deserialise)
                    .orElseThrow(() -> new ProcessException(ProcessException.Kind.FAILED, null,
                            "the stored request of the job is missing"));
            GengdiProcess process = registry.find(request.processId()).orElseThrow(() -> new ProcessException(
                    ProcessException.Kind.FAILED, null, "this server no longer offers " + request.processId()));
            ex = new Execution(layers, limit(process), (pct, msg) -> {
                boolean stillOurs;
                try {
                    stillOurs = jobs.progress(job.id(), owner, pct, msg, Instant.now());
                } catch (StoreException e) {
                    return; // the job store is away for a moment: the work goes on, its end is stored when it returns
                }
                if (!stillOurs) {
                    Execution mine = running.get(job.id());
                    if (mine != null) {
                        mine.cancel("the job is no longer running (dismissed)");
                    }
                }
            });
            running.put(job.id(), ex);
            Prepared p = plan(process, request);
            outputs = run(p, ex);
            status = JobStatus.SUCCESSFUL;
            message = "finished";
        } catch (ProcessException e) {
            status = JobStatus.FAILED;
            message = switch (e.kind()) {
                case INVALID_INPUT -> "invalid input: " + e.getMessage();
                case CANCELLED -> "cancelled: " + e.getMessage();
                default -> e.getMessage();
            };
        } catch (StoreException e) {
            status = JobStatus.FAILED;
            message = "the database failed while the job ran: " + e.getMessage();
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.error("job {} of {} failed", job.id(), job.processId(), e);
            status = JobStatus.FAILED;
            message = "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        // The database may be away (restarting): keep the outcome and retry, so a finished job is not lost to an
        // outage; the heartbeat goes on meanwhile. After that the job is failed as stale by whichever instance runs.
        long deadline = System.nanoTime() + settings.staleAfter().toNanos();
        while (true) {
            Instant now = Instant.now();
            try {
                jobs.finish(job.id(), owner, status, message, outputs, now, now.plus(settings.retention()));
                running.remove(job.id());
                return;
            } catch (StoreException e) {
                if (closed || System.nanoTime() > deadline) {
                    LOG.warn("cannot store the end of job {}: {}", job.id(), e.getMessage());
                    running.remove(job.id());
                    return;
                }
                LOG.info("the job store is not available; retrying the end of job {}", job.id());
                pause(1000);
            }
        }
    }

    private void heartbeat() {
        for (Map.Entry<String, Execution> e : running.entrySet()) {
            try {
                if (!jobs.progress(e.getKey(), settings.instanceId(), e.getValue().percent(), e.getValue().message(),
                        Instant.now())) {
                    e.getValue().cancel("the job is no longer running (dismissed)");
                }
            } catch (StoreException ex) {
                LOG.warn("cannot write the heartbeat of job {}: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    private void sweep() {
        try {
            Instant now = Instant.now();
            // "" owns nothing: only jobs whose runner stopped writing heartbeats are failed here
            jobs.failOrphans("", now.minus(settings.staleAfter()), STALE_REASON, now, now.plus(settings.retention()));
            jobs.deleteExpired(now);
        } catch (RuntimeException e) {
            LOG.warn("job housekeeping failed: {}", e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ storage

    static byte[] serialise(ExecuteRequest r) {
        try {
            return JSON.writeValueAsBytes(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store the request", e);
        }
    }

    static ExecuteRequest deserialise(byte[] b) {
        try {
            return JSON.readValue(b, ExecuteRequest.class);
        } catch (java.io.IOException e) {
            throw new ProcessException(ProcessException.Kind.FAILED, null, "the stored request cannot be read: "
                    + e.getMessage());
        }
    }

    private static String digest(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the workers; running jobs are cancelled and recorded as failed (a graceful stop loses none). */
    @Override
    public void close() {
        closed = true;
        synchronized (signal) {
            signal.notifyAll();
        }
        for (Execution ex : running.values()) {
            ex.cancel("the server is shutting down");
        }
        for (Thread t : workers) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        scheduler.shutdownNow();
        if (jobs != null) {
            jobs.close();
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
