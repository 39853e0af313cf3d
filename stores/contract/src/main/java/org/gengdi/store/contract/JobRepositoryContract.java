package org.gengdi.store.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.task.JobOutput;
import org.gengdi.core.task.JobRecord;
import org.gengdi.core.task.JobRepository;
import org.gengdi.core.task.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a store's durable job table ({@link FeatureStore#openJobs()}): the table is the queue, so claims
 * must be atomic across repositories on one database, ownership must guard progress and completion, and orphaned
 * or expired jobs must be handled as documented. A store's test implements {@link #openEmptyStore()} and
 * {@link #openSecondStore()} (another connection to the same database, as a second server instance would have).
 */
public abstract class JobRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    protected FeatureStore store;
    protected FeatureStore second;
    protected JobRepository jobs;

    /** A new, empty store. */
    protected abstract FeatureStore openEmptyStore();

    /** Another store on the same database as the last {@link #openEmptyStore()}. */
    protected abstract FeatureStore openSecondStore();

    @BeforeEach
    void open() {
        store = openEmptyStore();
        jobs = store.openJobs().orElseThrow();
    }

    @AfterEach
    void close() {
        jobs.close();
        if (second != null) {
            second.close();
        }
        store.close();
    }

    private static JobRecord accepted(String id, Instant created) {
        return new JobRecord(id, "gengdi:Area", JobStatus.ACCEPTED, 0, "accepted", "d1g", null, created, null, null,
                created, null);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void storedJobAndRequestReadBack() {
        String id = id();
        jobs.insert(accepted(id, T0), bytes("{\"processId\":\"gengdi:Area\",\"名称\":\"红线\"}"));
        JobRecord r = jobs.find(id).orElseThrow();
        assertThat(r.status()).isEqualTo(JobStatus.ACCEPTED);
        assertThat(r.created()).isEqualTo(T0);
        assertThat(r.processId()).isEqualTo("gengdi:Area");
        assertThat(new String(jobs.request(id).orElseThrow(), StandardCharsets.UTF_8)).contains("红线");
        assertThat(jobs.find(id())).isEmpty();
        assertThat(jobs.countAccepted()).isEqualTo(1);
    }

    @Test
    void claimsTakeTheOldestFirstAndEachJobOnce() {
        String late = id();
        String early = id();
        jobs.insert(accepted(late, T0.plusSeconds(10)), bytes("{}"));
        jobs.insert(accepted(early, T0), bytes("{}"));
        JobRecord first = jobs.claimNext("a", T0.plusSeconds(20)).orElseThrow();
        assertThat(first.id()).isEqualTo(early);
        assertThat(first.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(first.owner()).isEqualTo("a");
        assertThat(first.started()).isEqualTo(T0.plusSeconds(20));
        assertThat(jobs.claimNext("b", T0.plusSeconds(21)).orElseThrow().id()).isEqualTo(late);
        assertThat(jobs.claimNext("a", T0.plusSeconds(22))).isEmpty();
        assertThat(jobs.countAccepted()).isZero();
    }

    @Test
    void concurrentClaimsFromTwoInstancesNeverShareAJob() throws Exception {
        second = openSecondStore();
        JobRepository other = second.openJobs().orElseThrow();
        int n = 60;
        for (int i = 0; i < n; i++) {
            jobs.insert(accepted(id(), T0.plusMillis(i)), bytes("{}"));
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                JobRepository repo = t % 2 == 0 ? jobs : other;
                String owner = "worker-" + t;
                fs.add(pool.submit(() -> {
                    Optional<JobRecord> j;
                    while ((j = repo.claimNext(owner, Instant.now())).isPresent()) {
                        claimed.add(j.get().id());
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            other.close();
        }
        assertThat(claimed).hasSize(n).doesNotHaveDuplicates();
    }

    @Test
    void onlyTheOwnerRecordsProgressAndFinishes() {
        String id = id();
        jobs.insert(accepted(id, T0), bytes("{}"));
        jobs.claimNext("a", T0.plusSeconds(1));
        assertThat(jobs.progress(id, "b", 50, "intruder", T0.plusSeconds(2))).isFalse();
        assertThat(jobs.progress(id, "a", 40, "正在计算", T0.plusSeconds(2))).isTrue();
        JobRecord mid = jobs.find(id).orElseThrow();
        assertThat(mid.progress()).isEqualTo(40);
        assertThat(mid.message()).isEqualTo("正在计算");
        assertThat(mid.updated()).isEqualTo(T0.plusSeconds(2));
        List<JobOutput> outs = List.of(new JobOutput("area", "text/plain", bytes("12.5")),
                new JobOutput("features", "application/geo+json", bytes("{\"type\":\"FeatureCollection\"}")));
        assertThat(jobs.finish(id, "b", JobStatus.SUCCESSFUL, "x", outs, T0.plusSeconds(3), T0.plusSeconds(99)))
                .isFalse();
        assertThat(jobs.outputs(id)).isEmpty();
        assertThat(jobs.finish(id, "a", JobStatus.SUCCESSFUL, "finished", outs, T0.plusSeconds(3),
                T0.plusSeconds(99))).isTrue();
        JobRecord done = jobs.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCESSFUL);
        assertThat(done.progress()).isEqualTo(100);
        assertThat(done.finished()).isEqualTo(T0.plusSeconds(3));
        assertThat(done.expires()).isEqualTo(T0.plusSeconds(99));
        assertThat(jobs.outputs(id)).extracting(JobOutput::outputId).containsExactly("area", "features");
        assertThat(new String(jobs.output(id, "area").orElseThrow().data(), StandardCharsets.UTF_8))
                .isEqualTo("12.5");
        assertThat(jobs.output(id, "nothing")).isEmpty();
        assertThat(jobs.finish(id, "a", JobStatus.FAILED, "again", List.of(), T0.plusSeconds(4), null)).isFalse();
    }

    @Test
    void dismissStopsARunningJobAndDropsOutputs() {
        String running = id();
        jobs.insert(accepted(running, T0), bytes("{}"));
        jobs.claimNext("a", T0);
        assertThat(jobs.dismiss(running, T0.plusSeconds(1))).isTrue();
        assertThat(jobs.progress(running, "a", 10, "x", T0.plusSeconds(2))).isFalse();
        assertThat(jobs.finish(running, "a", JobStatus.SUCCESSFUL, "done",
                List.of(new JobOutput("o", "text/plain", bytes("1"))), T0.plusSeconds(3), null)).isFalse();
        assertThat(jobs.find(running).orElseThrow().status()).isEqualTo(JobStatus.DISMISSED);
        assertThat(jobs.outputs(running)).isEmpty();

        String finished = id();
        jobs.insertFinished(new JobRecord(finished, "gengdi:Buffer", JobStatus.SUCCESSFUL, 100, "finished", "d",
                "a", T0, T0, T0, T0, T0.plusSeconds(60)), bytes("{}"),
                List.of(new JobOutput("buffer", "application/wkt", bytes("POINT (1 2)"))));
        assertThat(jobs.outputs(finished)).hasSize(1);
        assertThat(jobs.dismiss(finished, T0.plusSeconds(5))).isTrue();
        assertThat(jobs.outputs(finished)).isEmpty();
        assertThat(jobs.dismiss(id(), T0)).isFalse();
    }

    @Test
    void orphansOfThisOwnerOrWithoutHeartbeatFail() {
        String mine = id();
        String staleOther = id();
        String liveOther = id();
        String queued = id();
        jobs.insert(accepted(mine, T0), bytes("{}"));
        jobs.insert(accepted(staleOther, T0.plusMillis(1)), bytes("{}"));
        jobs.insert(accepted(liveOther, T0.plusMillis(2)), bytes("{}"));
        assertThat(jobs.claimNext("me", T0).orElseThrow().id()).isEqualTo(mine);
        assertThat(jobs.claimNext("other", T0).orElseThrow().id()).isEqualTo(staleOther);
        assertThat(jobs.claimNext("other", T0).orElseThrow().id()).isEqualTo(liveOther);
        jobs.insert(accepted(queued, T0.plusSeconds(1)), bytes("{}"));
        // the third job's runner keeps writing heartbeats; the second's stopped at T0
        assertThat(jobs.progress(liveOther, "other", 10, "alive", T0.plusSeconds(100))).isTrue();
        String live = liveOther;
        String stale = staleOther;
        int failed = jobs.failOrphans("me", T0.plusSeconds(60), "server stopped", T0.plusSeconds(110),
                T0.plusSeconds(999));
        assertThat(failed).isEqualTo(2);
        assertThat(jobs.find(mine).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.find(mine).orElseThrow().message()).isEqualTo("server stopped");
        assertThat(jobs.find(stale).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.find(live).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(jobs.find(queued).orElseThrow().status()).isEqualTo(JobStatus.ACCEPTED);
    }

    @Test
    void expiredJobsAndTheirOutputsAreDeleted() {
        String old = id();
        String fresh = id();
        jobs.insertFinished(new JobRecord(old, "gengdi:Area", JobStatus.SUCCESSFUL, 100, "finished", "d", "a", T0,
                T0, T0, T0, T0.plusSeconds(10)), bytes("{}"), List.of(new JobOutput("area", "text/plain",
                bytes("1"))));
        jobs.insertFinished(new JobRecord(fresh, "gengdi:Area", JobStatus.SUCCESSFUL, 100, "finished", "d", "a", T0,
                T0, T0, T0, T0.plusSeconds(1000)), bytes("{}"), List.of());
        assertThat(jobs.deleteExpired(T0.plusSeconds(11))).isEqualTo(1);
        assertThat(jobs.find(old)).isEmpty();
        assertThat(jobs.output(old, "area")).isEmpty();
        assertThat(jobs.find(fresh)).isPresent();
        assertThat(jobs.list(0, 10)).extracting(JobRecord::id).containsExactly(fresh);
    }
}
