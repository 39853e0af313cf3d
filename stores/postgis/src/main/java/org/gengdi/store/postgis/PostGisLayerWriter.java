package org.gengdi.store.postgis;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;
import org.gengdi.core.store.StoreException.Kind;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes one layer in one transaction: rows stream with COPY into a staging table that no one else can see;
 * commit then swaps it in (drop the old table, rename, primary key, GIST index, ANALYZE, metadata row with a
 * new data version) before the single COMMIT. A rollback, a failure or a close without commit discards the
 * transaction, leaving tables and metadata as they were.
 *
 * <p>Single geometries are promoted to the multi type of a MULTI* layer, because the column is typed
 * (e.g. {@code geometry(MultiPolygon,4490)}); coordinates are stored in 2D. Features without an id get
 * the next integer after the largest id seen so far in this write.
 */
final class PostGisLayerWriter implements LayerWriter {
    private static final int FLUSH_CHARS = 1 << 18;

    private final PostGisStore store;
    private final FeatureType type;
    private final boolean replace;
    private final String idColumn;
    private final String staging;
    private final Connection connection;
    private final CopyIn copy;
    private final CopyEncoder encoder;
    private final GeometryFactory factory;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);
    private long count;
    private long nextId = 1;
    private boolean done;

    PostGisLayerWriter(PostGisStore store, FeatureType type, boolean replace) {
        this.store = store;
        this.type = type;
        this.replace = replace;
        checkNames(type);
        this.idColumn = type.attributes().stream().anyMatch(a -> a.name().equals(LayerTable.DEFAULT_ID_COLUMN))
                ? "gengdi_fid" : LayerTable.DEFAULT_ID_COLUMN;
        this.staging = "_stage_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        this.encoder = new CopyEncoder(type.srid());
        this.factory = new GeometryFactory();
        Connection c = store.connection();
        try {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL statement_timeout = 0"); // a large import may take minutes
                if (!replace && existing(c).isPresent()) {
                    throw new StoreException(Kind.LAYER_EXISTS, "layer " + type.name() + " exists");
                }
                st.execute(createStaging());
            }
            this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement());
            this.connection = c;
        } catch (SQLException e) {
            abandon(c);
            throw PostGisErrors.map(e, "starting to write " + type.name());
        } catch (RuntimeException e) {
            abandon(c);
            throw e;
        }
    }

    @Override
    public void add(Feature feature) {
        if (done) {
            throw new IllegalStateException("writer of " + type.name() + " is closed");
        }
        int start = buffer.length();
        try {
            encode(feature);
        } catch (StoreException e) {
            buffer.setLength(start); // the row is not added; the writer stays usable
            throw e;
        }
        count++;
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    private void encode(Feature f) {
        long fid = id(f);
        buffer.append(fid);
        boolean sameType = f.type().attributes().equals(type.attributes());
        List<AttributeDef> attrs = type.attributes();
        for (int i = 0; i < attrs.size(); i++) {
            AttributeDef a = attrs.get(i);
            Object v = sameType ? f.value(i) : f.get(a.name());
            buffer.append('\t');
            encoder.value(buffer, checked(f, a, v));
        }
        buffer.append('\t');
        encoder.geometry(buffer, geometry(f));
        buffer.append('\n');
    }

    private long id(Feature f) {
        if (f.id() == null) {
            return nextId++;
        }
        Long fid = SqlTranslator.canonicalId(f.id().trim());
        if (fid == null) {
            throw invalid(f, "its id '" + f.id() + "' is not an integer (PostGIS layers key features by a bigint)");
        }
        nextId = Math.max(nextId, fid + 1);
        return fid;
    }

    private Object checked(Feature f, AttributeDef a, Object v) {
        Object value;
        try {
            value = a.type().coerce(v);
        } catch (IllegalArgumentException e) {
            throw invalid(f, a.name() + " = '" + v + "' is not a " + a.type().name().toLowerCase());
        }
        if (value instanceof String s) {
            if (a.length() > 0 && s.length() > a.length() && s.codePointCount(0, s.length()) > a.length()) {
                throw invalid(f, a.name() + " is longer than " + a.length() + " characters");
            }
            if (s.indexOf('\0') >= 0) {
                throw invalid(f, a.name() + " contains a NUL character");
            }
        }
        return value;
    }

    private Geometry geometry(Feature f) {
        Geometry g = f.geometry();
        GeometryKind kind = type.geometryKind();
        if (g == null) {
            return null;
        }
        if (!kind.accepts(g)) {
            throw invalid(f, "its geometry is a " + g.getGeometryType() + " but layer " + type.name() + " holds "
                    + kind.ogcName());
        }
        if (kind == GeometryKind.MULTIPOLYGON && g instanceof Polygon p) {
            return factory.createMultiPolygon(new Polygon[] {p});
        }
        if (kind == GeometryKind.MULTILINESTRING && g instanceof LineString l) {
            return factory.createMultiLineString(new LineString[] {l});
        }
        if (kind == GeometryKind.MULTIPOINT && g instanceof Point p) {
            return factory.createMultiPoint(new Point[] {p});
        }
        return g;
    }

    private StoreException invalid(Feature f, String why) {
        String which = f.id() != null ? "feature " + f.id() : "feature #" + (count + 1);
        return new StoreException(Kind.INVALID_DATA, which + " of " + type.name() + ": " + why);
    }

    private void flush() {
        if (buffer.length() == 0) {
            return;
        }
        byte[] b = buffer.toString().getBytes(StandardCharsets.UTF_8);
        buffer.setLength(0);
        try {
            copy.writeToCopy(b, 0, b.length);
        } catch (SQLException e) {
            rollback();
            throw PostGisErrors.map(e, "writing " + type.name());
        }
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void commit() {
        if (done) {
            throw new IllegalStateException("writer of " + type.name() + " is closed");
        }
        flush();
        Connection c = connection;
        String schema = store.config().schema();
        LayerTable table = new LayerTable(schema, type.name(), idColumn, type);
        try {
            copy.endCopy();
            try (Statement st = c.createStatement()) {
                lockLayer(c);
                Optional<String> old = existing(c);
                if (old.isPresent() && !replace) {
                    throw new StoreException(Kind.LAYER_EXISTS, "layer " + type.name() + " exists");
                }
                if (old.isPresent()) {
                    // Waits for readers of the old table (open cursors) to finish.
                    st.execute("DROP TABLE IF EXISTS " + LayerTable.quote(schema) + "." + LayerTable.quote(old.get()));
                }
                store.metadata().delete(c, type.name()); // also a stale row whose table was dropped by hand
                String q = table.qualified();
                st.execute("ALTER TABLE " + LayerTable.quote(schema) + "." + LayerTable.quote(staging)
                        + " RENAME TO " + LayerTable.quote(type.name()));
                // Constraint, index and sequence get PostgreSQL's own collision-free names for the final table.
                st.execute("ALTER TABLE " + q + " ADD PRIMARY KEY (" + LayerTable.quote(idColumn) + ")");
                st.execute("ALTER TABLE " + q + " ALTER COLUMN " + LayerTable.quote(idColumn)
                        + " ADD GENERATED BY DEFAULT AS IDENTITY (START WITH " + nextId + ")");
                st.execute("CREATE INDEX ON " + q + " USING GIST (" + LayerTable.quote(type.geometryName()) + ")");
                st.execute("ANALYZE " + q);
                store.metadata().insert(c, table, extent(c, table), count);
            }
            c.commit();
            store.forgetSources();
        } catch (SQLException e) {
            StoreException mapped = PostGisErrors.map(e, "committing " + type.name());
            if ("23505".equals(e.getSQLState())) {
                mapped = new StoreException(Kind.INVALID_DATA, "duplicate feature ids in " + type.name() + ": "
                        + e.getMessage(), e);
            }
            rollback();
            throw mapped;
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
        finish();
    }

    @Override
    public void rollback() {
        if (done) {
            return;
        }
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException | RuntimeException ignored) {
            // the rollback below ends the transaction either way
        }
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // a broken connection has lost the transaction anyway; the pool discards it
        }
        finish();
    }

    @Override
    public void close() {
        rollback();
    }

    private void finish() {
        done = true;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // returned or discarded by the pool
        }
    }

    private static void abandon(Connection c) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // as in rollback()
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // as in finish()
        }
    }

    // ---- SQL

    private String createStaging() {
        StringBuilder s = new StringBuilder("CREATE TABLE ").append(LayerTable.quote(store.config().schema()))
                .append('.').append(LayerTable.quote(staging)).append(" (").append(LayerTable.quote(idColumn))
                .append(" bigint");
        for (AttributeDef a : type.attributes()) {
            s.append(", ").append(LayerTable.quote(a.name())).append(' ').append(LayerTable.columnType(a.type(), a.length()));
        }
        s.append(", ").append(LayerTable.quote(type.geometryName())).append(' ')
                .append(LayerTable.geometryType(type.geometryKind(), type.srid())).append(')');
        return s.toString();
    }

    private String copyStatement() {
        StringBuilder s = new StringBuilder("COPY ").append(LayerTable.quote(store.config().schema())).append('.')
                .append(LayerTable.quote(staging)).append(" (").append(LayerTable.quote(idColumn));
        for (AttributeDef a : type.attributes()) {
            s.append(", ").append(LayerTable.quote(a.name()));
        }
        return s.append(", ").append(LayerTable.quote(type.geometryName())).append(") FROM STDIN").toString();
    }

    /** Serialises writers and droppers of one layer name (case-insensitively) across connections and servers. */
    private void lockLayer(Connection c) throws SQLException {
        store.lockLayer(c, type.name());
    }

    /** The existing layer this write would replace: a table or metadata row with the name in any letter case. */
    private Optional<String> existing(Connection c) throws SQLException {
        return store.resolve(c, type.name());
    }

    private static Envelope extent(Connection c, LayerTable t) throws SQLException {
        String g = LayerTable.quote(t.geometryColumn());
        try (PreparedStatement ps = c.prepareStatement("SELECT min(ST_XMin(" + g + ")), min(ST_YMin(" + g + ")), "
                + "max(ST_XMax(" + g + ")), max(ST_YMax(" + g + ")) FROM " + t.qualified());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            double minX = rs.getDouble(1);
            return rs.wasNull() ? new Envelope() : new Envelope(minX, rs.getDouble(3), rs.getDouble(2), rs.getDouble(4));
        }
    }

    private static void checkNames(FeatureType type) {
        String n = type.name();
        if (n.equalsIgnoreCase(LayerMetadata.TABLE) || n.startsWith("_stage_")) {
            throw new StoreException(Kind.INVALID_DATA, "layer name " + n + " is reserved by the PostGIS store");
        }
        String g = type.geometryName();
        if (g.isEmpty() || g.getBytes(StandardCharsets.UTF_8).length > 63 || g.indexOf('\0') >= 0) {
            throw new StoreException(Kind.INVALID_DATA, "geometry column name '" + g + "' is not usable in PostgreSQL");
        }
        for (AttributeDef a : type.attributes()) {
            if (a.name().equals(g)) {
                throw new StoreException(Kind.INVALID_DATA, "attribute " + a.name() + " has the geometry column's name");
            }
        }
    }
}
