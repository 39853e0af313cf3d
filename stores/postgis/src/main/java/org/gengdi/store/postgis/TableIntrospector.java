package org.gengdi.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;

/**
 * Derives layers from tables in the schema that this store did not write (no {@code gengdi_layer} row): a table
 * qualifies when it has a registered geometry column ({@code geometry_columns}) and a one-column integer primary
 * key. Columns of other types, or with names that are not plain identifiers, are left out; table and column
 * comments become the titles.
 */
final class TableIntrospector {
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_]{0,62}";

    /** Tables with a geometry column and a one-column integer primary key, with that key column. */
    private static final String CANDIDATES = "SELECT c.relname, a.attname, c.oid FROM pg_class c "
            + "JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary AND i.indnkeyatts = 1 "
            + "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0] "
            + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
            + "AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) "
            + "AND EXISTS (SELECT 1 FROM geometry_columns g WHERE g.f_table_schema = n.nspname "
            + "AND g.f_table_name = c.relname)";

    private final String schema;

    TableIntrospector(String schema) {
        this.schema = schema;
    }

    /** Names of tables that can be served as layers. */
    List<String> names(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES)) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).matches(NAME)) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    Optional<LayerTable> describe(Connection c, String tableName) throws SQLException {
        if (!tableName.matches(NAME)) {
            return Optional.empty();
        }
        String idColumn;
        long oid;
        try (PreparedStatement ps = c.prepareStatement(CANDIDATES + " AND c.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, tableName);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                idColumn = rs.getString(2);
                oid = rs.getLong(3);
            }
        }
        String geometryColumn;
        int srid;
        GeometryKind kind;
        try (PreparedStatement ps = c.prepareStatement("SELECT f_geometry_column, srid, type FROM geometry_columns "
                + "WHERE f_table_schema = ? AND f_table_name = ? ORDER BY f_geometry_column LIMIT 1")) {
            ps.setString(1, schema);
            ps.setString(2, tableName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                geometryColumn = rs.getString(1);
                srid = rs.getInt(2);
                kind = kindOf(rs.getString(3));
            }
        }
        List<AttributeDef> attrs = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, t.typname, a.atttypmod, "
                + "col_description(a.attrelid, a.attnum) FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                + "WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString(1);
                    AttributeType type = typeOf(rs.getString(2));
                    if (col.equals(idColumn) || col.equals(geometryColumn) || type == null || !col.matches(NAME)
                            || attrs.stream().anyMatch(a -> a.name().equalsIgnoreCase(col))) {
                        continue;
                    }
                    int typmod = rs.getInt(3);
                    int length = type == AttributeType.STRING && typmod > 4 ? typmod - 4 : 0;
                    attrs.add(new AttributeDef(col, type, length, rs.getString(4), false, null));
                }
            }
        }
        String title;
        try (PreparedStatement ps = c.prepareStatement("SELECT obj_description(?::oid, 'pg_class')")) {
            ps.setLong(1, oid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                title = rs.getString(1);
            }
        }
        FeatureType type = new FeatureType(tableName, title, geometryColumn, kind, srid, attrs);
        return Optional.of(new LayerTable(schema, tableName, idColumn, type));
    }

    private static GeometryKind kindOf(String geometryColumnsType) {
        try {
            return GeometryKind.fromOgcName(geometryColumnsType);
        } catch (IllegalArgumentException e) {
            return GeometryKind.GEOMETRY; // GEOMETRYCOLLECTION, curves, …
        }
    }

    /** The attribute type of a column type, or null for types not served. */
    private static AttributeType typeOf(String typname) {
        return switch (typname) {
            case "text", "varchar", "bpchar" -> AttributeType.STRING;
            case "int2", "int4" -> AttributeType.INTEGER;
            case "int8" -> AttributeType.LONG;
            case "float4", "float8", "numeric" -> AttributeType.DOUBLE;
            case "bool" -> AttributeType.BOOLEAN;
            case "date" -> AttributeType.DATE;
            case "timestamptz" -> AttributeType.DATETIME;
            default -> null;
        };
    }
}
