package org.gengdi.store.postgis;

import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;

/**
 * Where a layer lives: its table, id column and feature type. Attribute columns are named as the attributes and
 * the geometry column as {@link FeatureType#geometryName()}; every identifier in generated SQL comes from here.
 *
 * @param schema   the schema
 * @param table    the table name (the layer name)
 * @param idColumn the integer key column whose value is the feature id
 * @param type     the feature type
 */
record LayerTable(String schema, String table, String idColumn, FeatureType type) {

    /** The id column of tables written by this store (unless an attribute already has that name). */
    static final String DEFAULT_ID_COLUMN = "fid";

    /** {@code "schema"."table"}. */
    String qualified() {
        return quote(schema) + "." + quote(table);
    }

    String geometryColumn() {
        return type.geometryName();
    }

    int srid() {
        return type.srid();
    }

    /** A double-quoted SQL identifier. */
    static String quote(String identifier) {
        if (identifier.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier with NUL");
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A single-quoted SQL string literal (for DDL where parameters are not allowed). */
    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** The column type of an attribute. */
    static String columnType(AttributeType t, int length) {
        return switch (t) {
            case STRING -> length > 0 ? "varchar(" + length + ")" : "text";
            case INTEGER -> "integer";
            case LONG -> "bigint";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "timestamptz";
        };
    }

    /** The typmod'ed geometry column type, e.g. {@code geometry(MultiPolygon,4490)}. */
    static String geometryType(GeometryKind kind, int srid) {
        return "geometry(" + kind.ogcName() + "," + srid + ")";
    }
}
