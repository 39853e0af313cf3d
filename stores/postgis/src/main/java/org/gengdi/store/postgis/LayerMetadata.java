package org.gengdi.store.postgis;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.CodeList;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.geom.Envelope;

/**
 * The {@code gengdi_layer} table: one row per layer written by this store, holding what a table alone cannot say
 * (Chinese titles, personal-data flags, code lists as JSON, the exact extent) and the data version.
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
        try (PreparedStatement ps = c.prepareStatement("SELECT title, geometry_column, geometry_kind, srid, id_column, "
                + "min_x, min_y, max_x, max_y, data_version FROM " + table() + " WHERE name = ?")) {
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
            }
        }
        List<AttributeDef> attrs = new ArrayList<>();
        String codes = "ARRAY(SELECT x.c->>%d FROM jsonb_array_elements(a.e->'codeList'->'codes') "
                + "WITH ORDINALITY x(c, o) ORDER BY x.o)";
        try (PreparedStatement ps = c.prepareStatement("SELECT a.e->>'name', a.e->>'type', (a.e->>'length')::int, "
                + "a.e->>'title', (a.e->>'personal')::boolean, a.e->'codeList'->>'id', a.e->'codeList'->>'title', "
                + String.format(codes, 0) + ", " + String.format(codes, 1) + " FROM " + table() + " l, "
                + "jsonb_array_elements(l.attributes) WITH ORDINALITY a(e, ord) WHERE l.name = ? ORDER BY a.ord")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    CodeList list = null;
                    if (rs.getString(6) != null) {
                        String[] keys = strings(rs.getArray(8));
                        String[] names = strings(rs.getArray(9));
                        Map<String, String> m = new LinkedHashMap<>();
                        for (int i = 0; i < keys.length; i++) {
                            m.put(keys[i], names[i]);
                        }
                        list = new CodeList(rs.getString(6), rs.getString(7), m);
                    }
                    attrs.add(new AttributeDef(rs.getString(1), AttributeType.valueOf(rs.getString(2)), rs.getInt(3),
                            rs.getString(4), rs.getBoolean(5), list));
                }
            }
        }
        FeatureType type = new FeatureType(name, title, geometryColumn, kind, srid, attrs);
        return Optional.of(new Entry(new LayerTable(schema, name, idColumn, type), bounds, version));
    }

    private static String[] strings(Array a) throws SQLException {
        return a == null ? new String[0] : (String[]) a.getArray();
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
            ps.setString(7, attributesJson(type.attributes()));
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

    /** The attribute definitions as a JSON array (order kept; code lists as [code, name] pairs to keep their order). */
    static String attributesJson(List<AttributeDef> attributes) {
        StringBuilder b = new StringBuilder("[");
        for (AttributeDef a : attributes) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"name\":").append(json(a.name()))
                    .append(",\"type\":").append(json(a.type().name()))
                    .append(",\"length\":").append(a.length())
                    .append(",\"title\":").append(json(a.title()))
                    .append(",\"personal\":").append(a.personal());
            CodeList cl = a.codeList();
            if (cl != null) {
                b.append(",\"codeList\":{\"id\":").append(json(cl.id())).append(",\"title\":").append(json(cl.title()))
                        .append(",\"codes\":[");
                boolean first = true;
                for (Map.Entry<String, String> e : cl.codes().entrySet()) {
                    b.append(first ? "" : ",").append('[').append(json(e.getKey())).append(',')
                            .append(json(e.getValue())).append(']');
                    first = false;
                }
                b.append("]}");
            }
            b.append('}');
        }
        return b.append(']').toString();
    }

    static String json(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
