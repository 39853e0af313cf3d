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
    private Object[] values;
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
        long fid = rows.getLong(1);
        Geometry g = geometry ? decoder.decode(rows.getBytes(2)) : null;
        values = new Object[type.attributes().size()];
        if (attributes.columnCount() > 0) {
            try {
                attributes.read(rows, geometry ? 3 : 2, values,
                        (row, out) -> row.readColumns(connection, table, pkColumn, fid, out));
            } catch (RuntimeException e) {
                throw new StoreException(StoreException.Kind.INTERNAL, "feature " + fid + " of " + type.name()
                        + " has a value that does not fit its column type: " + e.getMessage(), e);
            }
        }
        return new Feature(type, Long.toString(fid), g, values);
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
