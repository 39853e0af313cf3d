package org.gengdi.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.FeatureTypeCodec;
import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.geom.Envelope;

/**
 * The {@code gengdi_layer} table: one row per layer written by this store, holding what a table alone cannot say
 * (Chinese titles, personal-data flags, code lists as {@link FeatureTypeCodec} JSON, the form the GeoPackage store
 * keeps too; the exact extent) and the data version.
 */
final class LayerMetadata {
    static final String TABLE = "gengdi_layer";
    static final String VERSION_SEQUENCE = "gengdi_layer_version_seq";

    /** One layer's row. */
    record Entry(LayerTable table, Envelope bounds, long version) {
    }

    private final String schema;

    LayerMetadata(String schema) {
        this.schema = schema;
    }

    private String table() {
        return LayerTable.quote(schema) + "." + LayerTable.quote(TABLE);
    }

    /** Creates the schema, the metadata table and the version sequence when missing (serialised across servers). */
    void ensure(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_xact_lock(hashtext('gengdi:init:' || " + LayerTable.literal(schema) + "))");
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                st.execute("CREATE SCHEMA " + LayerTable.quote(schema));
            }
            st.execute("CREATE TABLE IF NOT EXISTS " + table() + " ("
                    + "name text PRIMARY KEY, "
                    + "title text NOT NULL, "
                    + "geometry_column text NOT NULL, "
                    + "geometry_kind text NOT NULL, "
                    + "srid integer NOT NULL, "
                    + "id_column text NOT NULL, "
                    + "attributes jsonb NOT NULL, "
                    + "feature_count bigint NOT NULL, "
                    + "min_x double precision, min_y double precision, max_x double precision, max_y double precision, "
                    + "data_version bigint NOT NULL, "
                    + "updated timestamptz NOT NULL DEFAULT now())");
            st.execute("CREATE SEQUENCE IF NOT EXISTS " + LayerTable.quote(schema) + "."
                    + LayerTable.quote(VERSION_SEQUENCE));
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Names of layers with a metadata row and an existing table. */
    List<String> names(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.name FROM " + table() + " l JOIN pg_class t "
                + "ON t.relname = l.name AND t.relnamespace = ?::regnamespace AND t.relkind IN ('r', 'p')")) {
            ps.setString(1, LayerTable.quote(schema));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    Optional<Entry> read(Connection c, String name) throws SQLException {
        String title;
        String geometryColumn;
        GeometryKind kind;
        int srid;
        String idColumn;
        Envelope bounds;
        long version;
        String attributes;
        try (PreparedStatement ps = c.prepareStatement("SELECT title, geometry_column, geometry_kind, srid, id_column, "
                + "min_x, min_y, max_x, max_y, data_version, attributes::text FROM " + table() + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                title = rs.getString(1);
                geometryColumn = rs.getString(2);
                kind = GeometryKind.fromOgcName(rs.getString(3));
                srid = rs.getInt(4);
                idColumn = rs.getString(5);
                double xmin = rs.getDouble(6);
                bounds = rs.wasNull() ? new Envelope() : new Envelope(xmin, rs.getDouble(8), rs.getDouble(7), rs.getDouble(9));
                version = rs.getLong(10);
                attributes = rs.getString(11);
            }
        }
        List<AttributeDef> attrs;
        try {
            attrs = FeatureTypeCodec.attributesFromJson(attributes);
        } catch (IllegalArgumentException e) {
            throw new SQLException("malformed " + TABLE + ".attributes of " + name + ": " + e.getMessage(), e);
        }
        FeatureType type = new FeatureType(name, title, geometryColumn, kind, srid, attrs);
        return Optional.of(new Entry(new LayerTable(schema, name, idColumn, type), bounds, version));
    }

    /** Inserts the row of a freshly written layer with a new data version from the store-wide sequence. */
    void insert(Connection c, LayerTable t, Envelope bounds, long count) throws SQLException {
        FeatureType type = t.type();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table() + " (name, title, geometry_column, "
                + "geometry_kind, srid, id_column, attributes, feature_count, min_x, min_y, max_x, max_y, data_version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, nextval(?::regclass))")) {
            ps.setString(1, t.table());
            ps.setString(2, type.title());
            ps.setString(3, type.geometryName());
            ps.setString(4, type.geometryKind().ogcName());
            ps.setInt(5, type.srid());
            ps.setString(6, t.idColumn());
            ps.setString(7, FeatureTypeCodec.attributesToJson(type.attributes()));
            ps.setLong(8, count);
            if (bounds.isNull()) {
                for (int i = 9; i <= 12; i++) {
                    ps.setNull(i, Types.DOUBLE);
                }
            } else {
                ps.setDouble(9, bounds.getMinX());
                ps.setDouble(10, bounds.getMinY());
                ps.setDouble(11, bounds.getMaxX());
                ps.setDouble(12, bounds.getMaxY());
            }
            ps.setString(13, LayerTable.quote(schema) + "." + LayerTable.quote(VERSION_SEQUENCE));
            ps.executeUpdate();
        }
    }

    /** Removes the rows of a layer name in any letter case; true when there was one. */
    boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE lower(name) = lower(?)")) {
            ps.setString(1, name);
            return ps.executeUpdate() > 0;
        }
    }

    /** The data version of a layer, or 0 when it has no row. */
    long version(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT data_version FROM " + table() + " WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }
}
