package org.gengdi.store.geopackage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.CodeList;
import org.gengdi.core.feature.FeatureType;

/**
 * Gengdi's own tables in a GeoPackage, which GDAL and QGIS ignore: {@code gengdi_layer} (Chinese title, per-attribute
 * type, length, title, personal flag and code-list id as JSON, data version), {@code gengdi_code_list} (code lists
 * by id, codes as a JSON array of [code, name] pairs) and {@code gengdi_store} (the store-wide version counter, so
 * that a re-created layer never reuses a version). JSON is written here and read with SQLite's JSON functions.
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
            s.execute("CREATE TABLE IF NOT EXISTS gengdi_code_list (id TEXT NOT NULL PRIMARY KEY, title TEXT,"
                    + " codes TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS gengdi_store (key TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL)");
        }
    }

    /** Records a layer's metadata (replacing any) and returns its new data version. */
    static long write(Connection c, FeatureType t) throws SQLException {
        createTables(c);
        StringBuilder json = new StringBuilder("[");
        for (AttributeDef a : t.attributes()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"name\":").append(str(a.name()))
                    .append(",\"type\":").append(str(a.type().name()))
                    .append(",\"length\":").append(a.length())
                    .append(",\"title\":").append(str(a.title()))
                    .append(",\"personal\":").append(a.personal())
                    .append(",\"codeList\":").append(a.codeList() == null ? "null" : str(a.codeList().id()))
                    .append('}');
            if (a.codeList() != null) {
                writeCodeList(c, a.codeList());
            }
        }
        json.append(']');
        long version = nextVersion(c);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO gengdi_layer (table_name, title, attributes, version) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, t.name());
            ps.setString(2, t.title());
            ps.setString(3, json.toString());
            ps.setLong(4, version);
            ps.executeUpdate();
        }
        return version;
    }

    private static void writeCodeList(Connection c, CodeList list) throws SQLException {
        StringBuilder codes = new StringBuilder("[");
        for (Map.Entry<String, String> e : list.codes().entrySet()) {
            if (codes.length() > 1) {
                codes.append(',');
            }
            codes.append('[').append(str(e.getKey())).append(',').append(str(e.getValue())).append(']');
        }
        codes.append(']');
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO gengdi_code_list (id, title, codes) VALUES (?, ?, ?)")) {
            ps.setString(1, list.id());
            ps.setString(2, list.title());
            ps.setString(3, codes.toString());
            ps.executeUpdate();
        }
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
        long version;
        try (PreparedStatement ps = c.prepareStatement("SELECT title, version FROM gengdi_layer WHERE table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                title = rs.getString(1);
                version = rs.getLong(2);
            }
        }
        Map<String, AttributeDef> attrs = new LinkedHashMap<>();
        Map<String, CodeList> lists = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT json_extract(a.value, '$.name'),"
                + " json_extract(a.value, '$.type'), json_extract(a.value, '$.length'), json_extract(a.value, '$.title'),"
                + " json_extract(a.value, '$.personal'), json_extract(a.value, '$.codeList')"
                + " FROM gengdi_layer l, json_each(l.attributes) a WHERE l.table_name = ? ORDER BY a.key")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String listId = rs.getString(6);
                    if (listId != null && !lists.containsKey(listId)) {
                        lists.put(listId, codeList(c, listId));
                    }
                    CodeList list = listId == null ? null : lists.get(listId);
                    AttributeDef a = new AttributeDef(rs.getString(1), AttributeType.valueOf(rs.getString(2)),
                            rs.getInt(3), rs.getString(4), rs.getInt(5) != 0, list);
                    attrs.put(a.name().toUpperCase(Locale.ROOT), a);
                }
            }
        }
        return Optional.of(new Layer(title, attrs, version));
    }

    private static CodeList codeList(Connection c, String id) throws SQLException {
        String title = null;
        Map<String, String> codes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT l.title, json_extract(e.value, '$[0]'),"
                + " json_extract(e.value, '$[1]') FROM gengdi_code_list l, json_each(l.codes) e WHERE l.id = ?"
                + " ORDER BY e.key")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    title = rs.getString(1);
                    codes.put(rs.getString(2), rs.getString(3));
                }
            }
        }
        return title == null && codes.isEmpty() ? null : new CodeList(id, title, codes);
    }

    /** A JSON string literal. */
    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
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
