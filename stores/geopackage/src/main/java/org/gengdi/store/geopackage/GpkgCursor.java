package org.gengdi.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.function.Predicate;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.store.StoreException;
import org.locationtech.jts.geom.Geometry;
import org.sqlite.core.CoreStatement;
import org.sqlite.core.DB;
import org.sqlite.core.SafeStmtPtr;

/**
 * A cursor over a live SQLite result set: one row is decoded per {@link #next()}, the residual (in-memory) filter is
 * applied, and attributes read only for that filter are cleared again. The connection goes back to the pool when
 * the rows run out or the cursor is closed.
 */
final class GpkgCursor implements FeatureCursor {
    private final ReadPool pool;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final FeatureType type;
    private final String table;
    private final PackedRow attributes;
    private final String pkColumn;
    private final boolean geometry;
    private final GpkgGeometry.Decoder decoder;
    private final Predicate<Feature> residual;
    private final int[] clear;
    /**
     * sqlite-jdbc's handle of the statement, for reading a row's columns in one locked call: through the
     * {@link ResultSet}, each column costs two or three native calls (type check, value, {@code wasNull}) and a
     * lock; null when the statement is not sqlite-jdbc's, then the result set is used.
     */
    private final SafeStmtPtr direct;
    private final SafeStmtPtr.SafePtrConsumer<SQLException> rowReader = this::readRow;
    private Object[] values;
    private long fid;
    private byte[] geometryBlob;
    private byte[] packed;
    private Feature next;
    private boolean closed;

    /**
     * @param table      the SQL table (for re-reading a row)
     * @param pkColumn   the primary key column (for re-reading a row)
     * @param attributes the attribute columns, after the id (and geometry)
     * @param geometry   whether column 2 is the geometry
     * @param residual   the in-memory part of the filter, or null
     * @param clear      schema indexes read only for the residual, nulled before a feature is returned
     */
    GpkgCursor(ReadPool pool, Connection connection, PreparedStatement statement, ResultSet rows, FeatureType type,
               String table, String pkColumn, PackedRow attributes, boolean geometry, GpkgGeometry.Decoder decoder, Predicate<Feature> residual,
               int[] clear) {
        this.pool = pool;
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.type = type;
        this.table = table;
        this.attributes = attributes;
        this.pkColumn = pkColumn;
        this.geometry = geometry;
        this.decoder = decoder;
        this.residual = residual;
        this.clear = clear;
        this.direct = statement instanceof CoreStatement cs ? cs.pointer : null;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (closed) {
            return false;
        }
        try {
            while (rows.next()) {
                Feature f = read();
                if (residual == null || residual.test(f)) {
                    for (int i : clear) {
                        values[i] = null;
                    }
                    next = f;
                    return true;
                }
            }
        } catch (SQLException e) {
            close();
            throw GeoPackageStore.failure("cannot read " + type.name(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        close();
        return false;
    }

    @Override
    public Feature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Feature f = next;
        next = null;
        return f;
    }

    private Feature read() throws SQLException {
        values = new Object[type.attributes().size()];
        int first = geometry ? 3 : 2;
        if (direct != null) {
            direct.safeRunConsume(rowReader);
        } else {
            fid = rows.getLong(1);
            geometryBlob = geometry ? rows.getBytes(2) : null;
            packed = attributes.columnCount() > 0 ? attributes.read(rows, first, values) : null;
        }
        long fid = this.fid;
        Geometry g = geometry ? decoder.decode(geometryBlob) : null;
        if (attributes.hasPacked()) {
            try {
                if (!attributes.unpack(packed, values)) {
                    attributes.readColumns(connection, table, pkColumn, fid, values);
                }
            } catch (RuntimeException e) {
                throw new StoreException(StoreException.Kind.INTERNAL, "feature " + fid + " of " + type.name()
                        + " has a value that does not fit its column type: " + e.getMessage(), e);
            }
        }
        return new Feature(type, Long.toString(fid), g, values);
    }

    /** Reads the current row's columns (0-based in the native calls) under the statement's lock. */
    private void readRow(DB db, long stmt) throws SQLException {
        fid = db.column_long(stmt, 0);
        geometryBlob = geometry ? db.column_blob(stmt, 1) : null;
        packed = attributes.columnCount() > 0 ? attributes.read(db, stmt, geometry ? 2 : 1, values) : null;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        try {
            rows.close();
            statement.close();
            pool.release(connection);
        } catch (SQLException e) {
            // A statement that cannot be closed leaves its connection unusable: drop it from the pool.
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing
            }
            pool.discarded();
        }
    }
}
