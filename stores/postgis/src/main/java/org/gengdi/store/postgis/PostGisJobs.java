package org.gengdi.store.postgis;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.gengdi.core.store.StoreException;
import org.gengdi.core.task.SqlJobRepository;

/**
 * The job tables in the store's PostGIS schema, on the store's pool. Every server instance on the schema shares
 * them: {@code FOR UPDATE SKIP LOCKED} lets instances claim queued jobs without waiting for one another, and an
 * advisory lock keeps two instances starting at once from racing to create the tables.
 */
final class PostGisJobs implements SqlJobRepository.Dialect {
    /** An arbitrary advisory-lock key for the job tables' DDL ("gengdi" in ASCII). */
    private static final long DDL_LOCK = 0x67656e676469L;

    private final PostGisStore store;
    private final String schema;

    private PostGisJobs(PostGisStore store, String schema) {
        this.store = store;
        this.schema = schema;
    }

    static SqlJobRepository open(PostGisStore store, String schema) {
        return new SqlJobRepository(new PostGisJobs(store, schema));
    }

    @Override
    public Connection acquire() {
        return store.connection();
    }

    @Override
    public void release(Connection c) throws SQLException {
        c.close();
    }

    @Override
    public String table(String name) {
        return LayerTable.quote(schema) + "." + LayerTable.quote(name);
    }

    @Override
    public String binaryType() {
        return "BYTEA";
    }

    @Override
    public String claimLock() {
        return "FOR UPDATE SKIP LOCKED";
    }

    @Override
    public void createTables(Connection c, List<String> ddl) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
            for (String sql : ddl) {
                s.execute(sql);
            }
        }
    }

    @Override
    public StoreException error(SQLException e, String doing) {
        return PostGisErrors.map(e, doing);
    }
}
