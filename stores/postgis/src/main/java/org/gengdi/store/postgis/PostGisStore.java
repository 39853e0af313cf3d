package org.gengdi.store.postgis;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;

/**
 * The production store: layers are tables of one PostgreSQL schema (PostGIS geometry column with a GIST index,
 * {@code fid} bigint key), described by the {@code gengdi_layer} metadata table, reached through a HikariCP pool.
 * Tables in the schema that this store did not write are served too when they have a geometry column and an
 * integer primary key.
 */
public final class PostGisStore implements FeatureStore {
    private final PostGisConfig config;
    private final HikariDataSource pool;
    private final LayerMetadata metadata;
    private final TableIntrospector introspector;
    /**
     * Sources by requested name, kept briefly: a request looks its layer up several times, and each lookup costs
     * two queries. Writes and drops through this store clear it; changes made by another program or another
     * server instance show within {@link #SOURCE_TTL_NANOS}.
     */
    private final ConcurrentHashMap<String, CachedSource> sources = new ConcurrentHashMap<>();
    static final long SOURCE_TTL_NANOS = 2_000_000_000L;

    private record CachedSource(Optional<FeatureSource> source, long loadedAt) {
    }

    private PostGisStore(PostGisConfig config, HikariDataSource pool) {
        this.config = config;
        this.pool = pool;
        this.metadata = new LayerMetadata(config.schema());
        this.introspector = new TableIntrospector(config.schema());
    }

    /**
     * Connects, checks PostGIS and creates the schema and metadata table when missing.
     *
     * @throws StoreException {@link StoreException.Kind#UNAVAILABLE} when the database cannot be reached in
     *                        {@link PostGisConfig#connectionTimeout()}
     */
    public static PostGisStore open(PostGisConfig config) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("gengdi-postgis-" + config.schema());
        hc.setJdbcUrl(config.jdbcUrl());
        if (config.user() != null) {
            hc.setUsername(config.user());
        }
        if (config.password() != null) {
            hc.setPassword(config.password());
        }
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(Math.min(2, config.poolSize()));
        long connectMs = config.connectionTimeout().toMillis();
        hc.setConnectionTimeout(connectMs);
        hc.setValidationTimeout(Math.min(connectMs, 5000));
        hc.setInitializationFailTimeout(connectMs);
        int connectSeconds = (int) Math.max(1, (connectMs + 999) / 1000);
        hc.addDataSourceProperty("connectTimeout", Integer.toString(connectSeconds));
        hc.addDataSourceProperty("loginTimeout", Integer.toString(connectSeconds));
        hc.addDataSourceProperty("ApplicationName", "gengdi");
        hc.setConnectionInitSql("SET statement_timeout = " + config.statementTimeout().toMillis());
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw PostGisErrors.mapStartup(e, "cannot connect to PostGIS at " + config.safeUrl());
        }
        PostGisStore store = new PostGisStore(config, ds);
        try (Connection c = store.connection()) {
            checkPostGis(c);
            store.metadata.ensure(c);
        } catch (SQLException e) {
            ds.close();
            throw PostGisErrors.map(e, "preparing schema " + config.schema() + " at " + config.safeUrl());
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return store;
    }

    private static void checkPostGis(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regtype('geometry') IS NOT NULL")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                throw new StoreException(StoreException.Kind.INTERNAL,
                        "the PostGIS extension is not installed in this database (CREATE EXTENSION postgis)");
            }
        }
    }

    /** The job tables in this store's schema, shared by every instance on it. */
    @Override
    public java.util.Optional<org.gengdi.core.task.JobRepository> openJobs() {
        return java.util.Optional.of(PostGisJobs.open(this, config.schema()));
    }

    @Override
    public String description() {
        return "postgis:" + config.safeUrl() + "#" + config.schema();
    }

    @Override
    public List<String> layerNames() {
        try (Connection c = connection()) {
            return new ArrayList<>(names(c));
        } catch (SQLException e) {
            throw PostGisErrors.map(e, "listing layers");
        }
    }

    @Override
    public Optional<FeatureSource> source(String layerName) {
        long now = System.nanoTime();
        CachedSource cached = sources.get(layerName);
        if (cached != null && now - cached.loadedAt() < SOURCE_TTL_NANOS) {
            return cached.source();
        }
        Optional<FeatureSource> loaded = loadSource(layerName);
        if (sources.size() > 1000) {
            sources.clear(); // names asked for are bounded by what clients send: never let them grow the map
        }
        sources.put(layerName, new CachedSource(loaded, now));
        return loaded;
    }

    /** Clears the source cache; called after every change this store makes to a layer. */
    void forgetSources() {
        sources.clear();
    }

    private Optional<FeatureSource> loadSource(String layerName) {
        try (Connection c = connection()) {
            Optional<String> name = resolve(c, layerName);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            Optional<LayerMetadata.Entry> entry = metadata.read(c, name.get());
            if (entry.isPresent()) {
                return Optional.of(new PostGisSource(this, entry.get().table(), entry.get().bounds(), true,
                        entry.get().version()));
            }
            return introspector.describe(c, name.get()).map(t -> new PostGisSource(this, t, null, false, 0));
        } catch (SQLException e) {
            throw PostGisErrors.map(e, "opening layer " + layerName);
        }
    }

    @Override
    public LayerWriter write(FeatureType type, boolean replace) {
        return new PostGisLayerWriter(this, type, replace);
    }

    @Override
    public boolean drop(String layerName) {
        try (Connection c = connection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                lockLayer(c, layerName);
                Optional<String> name = resolve(c, layerName);
                if (name.isEmpty()) {
                    c.rollback();
                    return false;
                }
                st.execute("DROP TABLE IF EXISTS " + LayerTable.quote(config.schema()) + "."
                        + LayerTable.quote(name.get()));
                metadata.delete(c, name.get());
                c.commit();
                forgetSources();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw PostGisErrors.map(e, "dropping " + layerName);
        }
    }

    /** True when a {@code SELECT 1} answers within two seconds. */
    @Override
    public boolean isAvailable() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(2);
            try (ResultSet rs = st.executeQuery("SELECT 1")) {
                return rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    // ---- for the source and the writer

    /** Connections currently lent out by the pool (open cursors and writers hold one each). */
    int activeConnections() {
        return pool.getHikariPoolMXBean() == null ? -1 : pool.getHikariPoolMXBean().getActiveConnections();
    }

    PostGisConfig config() {
        return config;
    }

    LayerMetadata metadata() {
        return metadata;
    }

    /** A pooled connection; failures to get one are {@link StoreException.Kind#UNAVAILABLE}. */
    Connection connection() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            StoreException.Kind kind = PostGisErrors.kindOf(e);
            throw new StoreException(kind == StoreException.Kind.INTERNAL ? StoreException.Kind.UNAVAILABLE : kind,
                    "no connection to " + config.safeUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The stored name of a layer: exactly {@code name} when it exists, else the one layer equal ignoring case
     * (so that a write of {@code dltb} replaces {@code DLTB} instead of creating a look-alike).
     */
    Optional<String> resolve(Connection c, String name) throws SQLException {
        List<String> candidates = new ArrayList<>();
        for (String t : names(c)) {
            if (t.equals(name)) {
                return Optional.of(t);
            }
            if (t.equalsIgnoreCase(name)) {
                candidates.add(t);
            }
        }
        return candidates.stream().findFirst();
    }

    private TreeSet<String> names(Connection c) throws SQLException {
        TreeSet<String> names = new TreeSet<>(metadata.names(c));
        names.addAll(introspector.names(c));
        return names;
    }

    /** Serialises writers and droppers of one layer name (ignoring case) until the transaction ends. */
    void lockLayer(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "gengdi:layer:" + config.schema() + "." + name.toLowerCase(java.util.Locale.ROOT));
            ps.execute();
        }
    }
}
