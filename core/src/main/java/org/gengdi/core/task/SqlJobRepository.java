package org.gengdi.core.task;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gengdi.core.store.StoreException;

/**
 * The job store over plain {@code java.sql}, on two tables in the store's own database: {@code gengdi_job} (one
 * row a job, the stored request included) and {@code gengdi_job_output} (the encoded outputs). Both stores use it
 * with their own {@link Dialect}; the connection comes from the store (its pool, or SQLite's one writer).
 * Times are stored as epoch milliseconds so both databases compare them the same way.
 */
public final class SqlJobRepository implements JobRepository {

    /** Where connections come from and what differs between databases. */
    public interface Dialect {
        /** A connection for one unit of work; {@link #release} gives it back. */
        Connection acquire() throws SQLException;

        void release(Connection c) throws SQLException;

        /** The qualified, quoted name of a table of the job store, e.g. {@code "gengdi"."gengdi_job"}. */
        String table(String name);

        /** The column type of binary data ({@code BLOB}, {@code BYTEA}). */
        String binaryType();

        /** What follows the sub-select that picks the next accepted job ({@code FOR UPDATE SKIP LOCKED}, or ""). */
        String claimLock();

        /** Runs the DDL; a dialect may take a lock so that two instances starting at once don't race. */
        default void createTables(Connection c, List<String> ddl) throws SQLException {
            try (Statement s = c.createStatement()) {
                for (String sql : ddl) {
                    s.execute(sql);
                }
            }
        }

        /** Maps a database error to the store's error. */
        StoreException error(SQLException e, String doing);

        /** Releases what the dialect holds (the SQLite connection). */
        default void close() {
        }
    }

    private static final String COLUMNS = "id, process_id, status, progress, message, inputs_digest, owner, created,"
            + " started, finished, updated, expires";

    private final Dialect dialect;
    private final String jobs;
    private final String outputs;

    /** Opens the job store, creating its tables when missing. */
    public SqlJobRepository(Dialect dialect) {
        this.dialect = dialect;
        this.jobs = dialect.table("gengdi_job");
        this.outputs = dialect.table("gengdi_job_output");
        String bin = dialect.binaryType();
        List<String> ddl = List.of(
                "CREATE TABLE IF NOT EXISTS " + jobs + " (id VARCHAR(64) PRIMARY KEY, process_id VARCHAR(200) NOT NULL,"
                        + " status VARCHAR(16) NOT NULL, progress INTEGER NOT NULL, message TEXT,"
                        + " inputs_digest VARCHAR(64), owner VARCHAR(400), created BIGINT NOT NULL, started BIGINT,"
                        + " finished BIGINT, updated BIGINT NOT NULL, expires BIGINT, request " + bin + ")",
                "CREATE INDEX IF NOT EXISTS gengdi_job_status ON " + jobs + " (status, created)",
                "CREATE TABLE IF NOT EXISTS " + outputs + " (job_id VARCHAR(64) NOT NULL, seq INTEGER NOT NULL,"
                        + " output_id VARCHAR(200) NOT NULL, media_type VARCHAR(200) NOT NULL, data " + bin
                        + " NOT NULL, PRIMARY KEY (job_id, seq))");
        run("creating the job tables", c -> {
            dialect.createTables(c, ddl);
            return null;
        });
    }

    @FunctionalInterface
    private interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    /** One unit of work in one transaction. */
    private <T> T run(String doing, Work<T> work) {
        Connection c;
        try {
            c = dialect.acquire();
        } catch (SQLException e) {
            throw dialect.error(e, doing);
        }
        try {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw dialect.error(e, doing);
        } finally {
            try {
                dialect.release(c);
            } catch (SQLException ignored) {
                // the connection is gone; the pool replaces it
            }
        }
    }

    @Override
    public void insert(JobRecord job, byte[] request) {
        run("storing job " + job.id(), c -> {
            insertRow(c, job, request);
            return null;
        });
    }

    private void insertRow(Connection c, JobRecord job, byte[] request) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + jobs + " (" + COLUMNS
                + ", request) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, job.id());
            ps.setString(2, job.processId());
            ps.setString(3, job.status().code());
            ps.setInt(4, job.progress());
            ps.setString(5, job.message());
            ps.setString(6, job.inputsDigest());
            ps.setString(7, job.owner());
            ps.setLong(8, job.created().toEpochMilli());
            setTime(ps, 9, job.started());
            setTime(ps, 10, job.finished());
            ps.setLong(11, (job.updated() == null ? job.created() : job.updated()).toEpochMilli());
            setTime(ps, 12, job.expires());
            ps.setBytes(13, request);
            ps.executeUpdate();
        }
    }

    @Override
    public void insertFinished(JobRecord job, byte[] request, List<JobOutput> outs) {
        run("storing job " + job.id(), c -> {
            insertRow(c, job, request);
            insertOutputs(c, job.id(), outs);
            return null;
        });
    }

    private void insertOutputs(Connection c, String jobId, List<JobOutput> outs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + outputs
                + " (job_id, seq, output_id, media_type, data) VALUES (?,?,?,?,?)")) {
            int seq = 0;
            for (JobOutput o : outs) {
                ps.setString(1, jobId);
                ps.setInt(2, seq++);
                ps.setString(3, o.outputId());
                ps.setString(4, o.mediaType());
                ps.setBytes(5, o.data());
                ps.addBatch();
            }
            if (seq > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static JobRecord record(ResultSet rs) throws SQLException {
        return new JobRecord(rs.getString("id"), rs.getString("process_id"), JobStatus.ofCode(rs.getString("status")),
                rs.getInt("progress"), rs.getString("message"), rs.getString("inputs_digest"), rs.getString("owner"),
                time(rs, "created"), time(rs, "started"), time(rs, "finished"), time(rs, "updated"),
                time(rs, "expires"));
    }

    @Override
    public Optional<JobRecord> find(String id) {
        return run("reading job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + jobs + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(record(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<byte[]> request(String id) {
        return run("reading job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request FROM " + jobs + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<JobRecord> list(int offset, int limit) {
        return run("listing jobs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + jobs
                    + " ORDER BY created DESC, id LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                List<JobRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(record(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public long countAccepted() {
        return run("counting queued jobs", c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + jobs + " WHERE status = 'accepted'")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public Optional<JobRecord> claimNext(String owner, Instant now) {
        return run("claiming a job", c -> {
            String id;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs + " SET status = 'running', owner = ?,"
                    + " started = ?, updated = ? WHERE id = (SELECT id FROM " + jobs + " WHERE status = 'accepted'"
                    + " ORDER BY created, id LIMIT 1 " + dialect.claimLock() + ") AND status = 'accepted'"
                    + " RETURNING id")) {
                ps.setString(1, owner);
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, now.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<JobRecord>empty();
                    }
                    id = rs.getString(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + jobs + " WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(record(rs));
                }
            }
        });
    }

    @Override
    public boolean progress(String id, String owner, int percent, String message, Instant now) {
        return run("recording progress of job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs + " SET progress = ?, message = ?,"
                    + " updated = ? WHERE id = ? AND owner = ? AND status = 'running'")) {
                ps.setInt(1, percent);
                ps.setString(2, message);
                ps.setLong(3, now.toEpochMilli());
                ps.setString(4, id);
                ps.setString(5, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean finish(String id, String owner, JobStatus status, String message, List<JobOutput> outs,
                          Instant now, Instant expires) {
        return run("finishing job " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs + " SET status = ?, progress = ?,"
                    + " message = ?, finished = ?, updated = ?, expires = ? WHERE id = ? AND owner = ?"
                    + " AND status = 'running'")) {
                ps.setString(1, status.code());
                ps.setInt(2, status == JobStatus.SUCCESSFUL ? 100 : 0);
                ps.setString(3, message);
                ps.setLong(4, now.toEpochMilli());
                ps.setLong(5, now.toEpochMilli());
                setTime(ps, 6, expires);
                ps.setString(7, id);
                ps.setString(8, owner);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            insertOutputs(c, id, outs);
            return true;
        });
    }

    @Override
    public Optional<JobOutput> output(String jobId, String outputId) {
        return run("reading an output of job " + jobId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT output_id, media_type, data FROM " + outputs
                    + " WHERE job_id = ? AND output_id = ? ORDER BY seq LIMIT 1")) {
                ps.setString(1, jobId);
                ps.setString(2, outputId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new JobOutput(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<JobOutput> outputs(String jobId) {
        return run("reading the outputs of job " + jobId, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT output_id, media_type, data FROM " + outputs
                    + " WHERE job_id = ? ORDER BY seq")) {
                ps.setString(1, jobId);
                List<JobOutput> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new JobOutput(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean dismiss(String id, Instant now) {
        return run("dismissing job " + id, c -> {
            int n;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs + " SET status = 'dismissed',"
                    + " message = 'dismissed by the client', updated = ?,"
                    + " finished = COALESCE(finished, ?) WHERE id = ?")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, now.toEpochMilli());
                ps.setString(3, id);
                n = ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + outputs + " WHERE job_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return n == 1;
        });
    }

    @Override
    public int failOrphans(String owner, Instant staleBefore, String reason, Instant now, Instant expires) {
        return run("failing orphaned jobs", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + jobs + " SET status = 'failed', message = ?,"
                    + " finished = ?, updated = ?, expires = ? WHERE status = 'running' AND (owner = ? OR updated < ?)")) {
                ps.setString(1, reason);
                ps.setLong(2, now.toEpochMilli());
                ps.setLong(3, now.toEpochMilli());
                setTime(ps, 4, expires);
                ps.setString(5, owner);
                ps.setLong(6, staleBefore.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int deleteExpired(Instant now) {
        return run("deleting expired jobs", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + outputs + " WHERE job_id IN (SELECT id FROM "
                    + jobs + " WHERE expires IS NOT NULL AND expires < ?)")) {
                ps.setLong(1, now.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + jobs
                    + " WHERE expires IS NOT NULL AND expires < ?")) {
                ps.setLong(1, now.toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void close() {
        dialect.close();
    }
}
