package org.gengdi.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.FeatureTypeCodec;

/**
 * Gengdi's own tables in a GeoPackage, which GDAL and QGIS ignore: {@code gengdi_layer} (Chinese title, data version
 * and the attributes' type, length, title, personal flag and code list as {@link FeatureTypeCodec} JSON, the form
 * the PostGIS store keeps too) and {@code gengdi_store} (the store-wide version counter, so that a re-created layer
 * never reuses a version).
 */
final class GengdiMetadata {

    /** A layer's metadata; attributes keyed by upper-case name. */
    record Layer(String title, Map<String, AttributeDef> attributes, long version) {
    }

    private GengdiMetadata() {
    }

    static void createTables(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS gengdi_layer (table_name TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,"
                    + " title TEXT NOT NULL, attributes TEXT NOT NULL, version INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS gengdi_store (key TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL)");
        }
    }

    /** Records a layer's metadata (replacing any) and returns its new data version. */
    static long write(Connection c, FeatureType t) throws SQLException {
        createTables(c);
        long version = nextVersion(c);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO gengdi_layer (table_name, title, attributes, version) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, t.name());
            ps.setString(2, t.title());
            ps.setString(3, FeatureTypeCodec.attributesToJson(t.attributes()));
            ps.setLong(4, version);
            ps.executeUpdate();
        }
        return version;
    }

    private static long nextVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO gengdi_store (key, value) VALUES ('data_version', 1)"
                    + " ON CONFLICT (key) DO UPDATE SET value = value + 1");
            try (ResultSet rs = s.executeQuery("SELECT value FROM gengdi_store WHERE key = 'data_version'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Forgets a dropped layer; the store counter still advances, so the drop is a change too. */
    static void remove(Connection c, String table) throws SQLException {
        if (!GpkgSchema.tableExists(c, "gengdi_layer")) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM gengdi_layer WHERE table_name = ?")) {
            ps.setString(1, table);
            ps.executeUpdate();
        }
        nextVersion(c);
    }

    /** The data version of a layer, 0 when it has no Gengdi metadata (written by another tool). */
    static long version(Connection c, String table) throws SQLException {
        if (!GpkgSchema.tableExists(c, "gengdi_layer")) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM gengdi_layer WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    static Optional<Layer> read(Connection c, String table) throws SQLException {
        if (!GpkgSchema.tableExists(c, "gengdi_layer")) {
            return Optional.empty();
        }
        String title;
        String json;
        long version;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT title, attributes, version FROM gengdi_layer WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                title = rs.getString(1);
                json = rs.getString(2);
                version = rs.getLong(3);
            }
        }
        Map<String, AttributeDef> attrs = new LinkedHashMap<>();
        try {
            for (AttributeDef a : FeatureTypeCodec.attributesFromJson(json)) {
                attrs.put(a.name().toUpperCase(Locale.ROOT), a);
            }
        } catch (IllegalArgumentException e) {
            throw new SQLException("malformed gengdi_layer.attributes of " + table + ": " + e.getMessage(), e);
        }
        return Optional.of(new Layer(title, attrs, version));
    }
}
