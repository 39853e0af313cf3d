package org.gengdi.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.geom.Wkb2dReader;
import org.gengdi.core.store.StoreException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.postgresql.PGStatement;

/**
 * Features read from a server-side cursor: a forward-only result set fetched {@value #FETCH_SIZE} rows at a time
 * inside a read-only transaction. It holds its pooled connection until closed (or exhausted); closing early
 * closes the portal without reading the remaining rows.
 */
final class PostGisCursor implements FeatureCursor {
    static final int FETCH_SIZE = 1000;

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final FeatureType type;
    private final int[] selected;
    private final AttributeType[] types;
    private final WKBReader wkb;
    private final Wkb2dReader fastWkb;
    private boolean ready;
    private boolean hasRow;
    private boolean closed;

    /**
     * Runs the query on a connection it then owns; on failure the connection is released and the error mapped.
     *
     * @param selected indexes in {@code type} of the attributes the query reads, in column order; the others
     *                 are null in the features
     */
    static PostGisCursor open(Connection c, Sql sql, FeatureType type, int[] selected) {
        PreparedStatement ps = null;
        try {
            c.setAutoCommit(false); // the PostgreSQL driver only streams with a cursor inside a transaction
            c.setReadOnly(true);
            ps = c.prepareStatement(sql.text(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH_SIZE);
            // Binary results from the first execution: WKB arrives as bytes instead of hex text, numbers unparsed.
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            sql.bind(ps);
            return new PostGisCursor(c, ps, ps.executeQuery(), type, selected);
        } catch (SQLException e) {
            release(c, ps, null);
            throw PostGisErrors.map(e, "querying " + type.name());
        } catch (RuntimeException e) {
            release(c, ps, null);
            throw e;
        }
    }

    private PostGisCursor(Connection connection, PreparedStatement statement, ResultSet rows, FeatureType type,
                          int[] selected) {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        this.type = type;
        this.selected = selected.clone();
        List<AttributeDef> attrs = type.attributes();
        this.types = new AttributeType[selected.length];
        for (int i = 0; i < types.length; i++) {
            types[i] = attrs.get(selected[i]).type();
        }
        GeometryFactory factory = new GeometryFactory(new PrecisionModel(), type.srid());
        this.wkb = new WKBReader(factory);
        this.fastWkb = new Wkb2dReader(factory);
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        if (!ready) {
            try {
                hasRow = rows.next();
            } catch (SQLException e) {
                close();
                throw PostGisErrors.map(e, "reading " + type.name());
            }
            ready = true;
            if (!hasRow) {
                close(); // give the connection back as soon as the rows are used up
            }
        }
        return hasRow;
    }

    @Override
    public Feature next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ready = false;
        try {
            return read();
        } catch (SQLException e) {
            close();
            throw PostGisErrors.map(e, "reading " + type.name());
        }
    }

    private Feature read() throws SQLException {
        String id = Long.toString(rows.getLong(1));
        Object[] values = new Object[type.attributes().size()];
        for (int i = 0; i < types.length; i++) {
            int col = i + 2;
            Object v = switch (types[i]) {
                case STRING -> rows.getString(col);
                case INTEGER -> rows.getInt(col);
                case LONG -> rows.getLong(col);
                case DOUBLE -> rows.getDouble(col);
                case BOOLEAN -> rows.getBoolean(col);
                case DATE -> rows.getObject(col, LocalDate.class);
                case DATETIME -> rows.getObject(col, OffsetDateTime.class);
            };
            values[selected[i]] = rows.wasNull() ? null : v;
        }
        byte[] g = rows.getBytes(types.length + 2);
        Geometry geometry;
        try {
            geometry = g == null ? null : fastWkb.read(g, 0);
            if (geometry == null && g != null) {
                geometry = wkb.read(g); // Z/M, EWKB flags, curves: JTS knows them all
            }
        } catch (ParseException e) {
            throw new StoreException(StoreException.Kind.INTERNAL, "bad geometry in " + type.name() + "." + id, e);
        }
        return new Feature(type, id, geometry, values);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release(connection, statement, rows);
        }
    }

    /** Closes the portal, ends the read-only transaction and returns the connection, ignoring failures. */
    private static void release(Connection c, PreparedStatement ps, ResultSet rs) {
        try {
            if (rs != null) {
                rs.close();
            }
        } catch (SQLException | RuntimeException ignored) {
            // the connection may be broken; the pool will discard it
        }
        try {
            if (ps != null) {
                ps.close();
            }
        } catch (SQLException | RuntimeException ignored) {
            // as above
        }
        try {
            c.rollback();
        } catch (SQLException | RuntimeException ignored) {
            // as above
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // as above
        }
    }
}
