package org.gengdi.store.geopackage;

import static org.gengdi.store.geopackage.Sqlite.q;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengdi.core.crs.CrsDefinition;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.geom.Envelope;

/**
 * The GeoPackage 1.3 structures: the core tables, the spatial reference systems, feature tables with their
 * {@code gpkg_rtree_index} extension (virtual table and the spec's triggers), and reading any feature table —
 * ours or one written by GDAL or QGIS, under the names {@link ForeignNames} gives it — back into a
 * {@link LayerInfo}.
 */
final class GpkgSchema {
    /** {@code 'GPKG'} in the SQLite header's application_id. */
    static final int APPLICATION_ID = 0x47504B47;
    static final int USER_VERSION = 10300;
    private static final Pattern DECLARED = Pattern.compile("\\s*([A-Za-z ]+?)\\s*(?:\\(\\s*(\\d+)\\s*\\))?\\s*");
    private static final String WGS84_WKT = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,"
            + "298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,"
            + "AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],"
            + "AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    private GpkgSchema() {
    }

    /** Makes an empty SQLite file a GeoPackage: header ids, core tables and the three required SRS rows. */
    static void initialize(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + USER_VERSION);
            s.execute("CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,"
                    + " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
                    + " definition TEXT NOT NULL, description TEXT)");
            s.execute("CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
                    + " identifier TEXT UNIQUE, description TEXT DEFAULT '',"
                    + " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
                    + " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
                    + " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))");
            s.execute("CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
                    + " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
                    + " m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
                    + " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
                    + " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
                    + " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))");
            s.execute("CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,"
                    + " definition TEXT NOT NULL, scope TEXT NOT NULL,"
                    + " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))");
        }
        insertSrs(c, "Undefined cartesian SRS", -1, "NONE", -1, "undefined",
                "undefined cartesian coordinate reference system");
        insertSrs(c, "Undefined geographic SRS", 0, "NONE", 0, "undefined",
                "undefined geographic coordinate reference system");
        insertSrs(c, "WGS 84 geodetic", 4326, "EPSG", 4326, WGS84_WKT,
                "longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid");
    }

    /** Adds the SRS row for an EPSG code unless present; the definition comes from the CRS registry. */
    static void ensureSrs(Connection c, int srid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?")) {
            ps.setInt(1, srid);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        Optional<CrsDefinition> d = CrsRegistry.get().find(srid);
        // An unsupported code still gets a row (the spec allows "undefined"), so the layer stays readable.
        insertSrs(c, d.map(CrsDefinition::name).orElse("EPSG:" + srid), srid, "EPSG", srid,
                d.map(CrsDefinition::wkt).orElse("undefined"), null);
    }

    private static void insertSrs(Connection c, String name, int id, String org, int orgId, String def, String desc)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_spatial_ref_sys (srs_name, srs_id,"
                + " organization, organization_coordsys_id, definition, description) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setInt(2, id);
            ps.setString(3, org);
            ps.setInt(4, orgId);
            ps.setString(5, def);
            ps.setString(6, desc);
            ps.executeUpdate();
        }
    }

    /** The declared SQL type of an attribute, in GeoPackage's type names (GDAL maps them back the same way). */
    static String declaredType(AttributeDef a) {
        return switch (a.type()) {
            case STRING -> a.length() > 0 ? "TEXT(" + a.length() + ")" : "TEXT";
            case INTEGER -> "MEDIUMINT";
            case LONG -> "INTEGER";
            case DOUBLE -> "REAL";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case DATETIME -> "DATETIME";
        };
    }

    /** Creates the feature table and its (empty) R-tree; triggers come at registration, after bulk loading. */
    static void createTable(Connection c, FeatureType t, String pk) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE ").append(q(t.name())).append(" (")
                .append(q(pk)).append(" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, ")
                .append(q(t.geometryName())).append(' ').append(t.geometryKind().ogcName().toUpperCase(Locale.ROOT));
        for (AttributeDef a : t.attributes()) {
            ddl.append(", ").append(q(a.name())).append(' ').append(declaredType(a));
        }
        ddl.append(')');
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
            s.execute("CREATE VIRTUAL TABLE " + q(rtreeName(t)) + " USING rtree(id, minx, maxx, miny, maxy)");
        }
    }

    static String rtreeName(FeatureType t) {
        return "rtree_" + t.name() + "_" + t.geometryName();
    }

    /**
     * Registers a filled feature table: the spec's R-tree triggers (1.3 form), gpkg_contents with its bounds,
     * gpkg_geometry_columns, the extension row and the SRS.
     */
    static void register(Connection c, FeatureType t, String pk, Envelope bounds) throws SQLException {
        ensureSrs(c, t.srid());
        String tn = q(t.name());
        String g = t.geometryName();
        String rt = q(rtreeName(t));
        String id = q(pk);
        String ng = "NEW." + q(g);
        String values = "(NEW." + id + ", ST_MinX(" + ng + "), ST_MaxX(" + ng + "), ST_MinY(" + ng + "), ST_MaxY(" + ng + "))";
        String nonEmpty = "(" + ng + " NOT NULL AND NOT ST_IsEmpty(" + ng + "))";
        String empty = "(" + ng + " ISNULL OR ST_IsEmpty(" + ng + "))";
        String prefix = "rtree_" + t.name() + "_" + g;
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TRIGGER " + q(prefix + "_insert") + " AFTER INSERT ON " + tn + " WHEN " + nonEmpty
                    + " BEGIN INSERT OR REPLACE INTO " + rt + " VALUES " + values + "; END");
            s.execute("CREATE TRIGGER " + q(prefix + "_update1") + " AFTER UPDATE OF " + q(g) + " ON " + tn
                    + " WHEN OLD." + id + " = NEW." + id + " AND " + nonEmpty
                    + " BEGIN INSERT OR REPLACE INTO " + rt + " VALUES " + values + "; END");
            s.execute("CREATE TRIGGER " + q(prefix + "_update2") + " AFTER UPDATE OF " + q(g) + " ON " + tn
                    + " WHEN OLD." + id + " = NEW." + id + " AND " + empty
                    + " BEGIN DELETE FROM " + rt + " WHERE id = OLD." + id + "; END");
            s.execute("CREATE TRIGGER " + q(prefix + "_update3") + " AFTER UPDATE ON " + tn
                    + " WHEN OLD." + id + " != NEW." + id + " AND " + nonEmpty
                    + " BEGIN DELETE FROM " + rt + " WHERE id = OLD." + id + "; INSERT OR REPLACE INTO " + rt
                    + " VALUES " + values + "; END");
            s.execute("CREATE TRIGGER " + q(prefix + "_update4") + " AFTER UPDATE ON " + tn
                    + " WHEN OLD." + id + " != NEW." + id + " AND " + empty
                    + " BEGIN DELETE FROM " + rt + " WHERE id IN (OLD." + id + ", NEW." + id + "); END");
            s.execute("CREATE TRIGGER " + q(prefix + "_delete") + " AFTER DELETE ON " + tn
                    + " WHEN OLD." + q(g) + " NOT NULL BEGIN DELETE FROM " + rt + " WHERE id = OLD." + id + "; END");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_contents (table_name, data_type, identifier,"
                + " description, last_change, min_x, min_y, max_x, max_y, srs_id)"
                + " VALUES (?, 'features', ?, '', strftime('%Y-%m-%dT%H:%M:%fZ','now'), ?, ?, ?, ?, ?)")) {
            ps.setString(1, t.name());
            ps.setString(2, uniqueIdentifier(c, t));
            if (bounds.isNull()) {
                for (int i = 3; i <= 6; i++) {
                    ps.setNull(i, java.sql.Types.DOUBLE);
                }
            } else {
                ps.setDouble(3, bounds.getMinX());
                ps.setDouble(4, bounds.getMinY());
                ps.setDouble(5, bounds.getMaxX());
                ps.setDouble(6, bounds.getMaxY());
            }
            ps.setInt(7, t.srid());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_geometry_columns (table_name, column_name,"
                + " geometry_type_name, srs_id, z, m) VALUES (?, ?, ?, ?, 0, 0)")) {
            ps.setString(1, t.name());
            ps.setString(2, g);
            ps.setString(3, t.geometryKind().ogcName().toUpperCase(Locale.ROOT));
            ps.setInt(4, t.srid());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO gpkg_extensions (table_name, column_name,"
                + " extension_name, definition, scope) VALUES (?, ?, 'gpkg_rtree_index',"
                + " 'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')")) {
            ps.setString(1, t.name());
            ps.setString(2, g);
            ps.executeUpdate();
        }
    }

    /** The Chinese title, made unique as gpkg_contents.identifier must be. */
    private static String uniqueIdentifier(Connection c, FeatureType t) throws SQLException {
        String title = t.title();
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM gpkg_contents WHERE identifier = ?")) {
            ps.setString(1, title);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? title + " (" + t.name() + ")" : title;
            }
        }
    }

    /** Drops a feature table with its index, triggers and registrations. */
    static void drop(Connection c, LayerInfo layer) throws SQLException {
        String table = layer.table();
        try (Statement s = c.createStatement()) {
            if (layer.rtree() != null) {
                s.execute("DROP TABLE IF EXISTS " + q(layer.rtree()));
            }
            // Triggers go with their table; a GDAL table may carry more than ours (e.g. gpkg_ogr_contents counts).
            s.execute("DROP TABLE IF EXISTS " + q(table));
        }
        for (String sql : List.of("DELETE FROM gpkg_geometry_columns WHERE table_name = ? COLLATE NOCASE",
                "DELETE FROM gpkg_extensions WHERE table_name = ? COLLATE NOCASE",
                "DELETE FROM gpkg_contents WHERE table_name = ? COLLATE NOCASE")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
        if (tableExists(c, "gpkg_ogr_contents")) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM gpkg_ogr_contents WHERE table_name = ? COLLATE NOCASE")) {
                ps.setString(1, table);
                ps.executeUpdate();
            }
        }
    }

    /** The feature layers' names, sorted (tables with other names under their generated names). */
    static List<String> layerNames(Connection c) throws SQLException {
        List<String> out = new ArrayList<>(catalog(c).values());
        out.sort(null);
        return out;
    }

    /**
     * Every feature table registered in gpkg_contents and gpkg_geometry_columns, SQL name → published layer name
     * ({@link ForeignNames}).
     */
    private static Map<String, String> catalog(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT c.table_name FROM gpkg_contents c JOIN gpkg_geometry_columns g"
                     + " ON lower(g.table_name) = lower(c.table_name) WHERE c.data_type = 'features'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        List<String> all = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'index')")) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        return ForeignNames.layerNames(tables, all);
    }

    /**
     * Reads a feature table with Gengdi metadata where present, found by its layer name (case-insensitive) or else
     * by its SQL table name.
     */
    static Optional<LayerInfo> read(Connection c, String name) throws SQLException {
        Map<String, String> catalog = catalog(c);
        String found = null;
        for (Map.Entry<String, String> e : catalog.entrySet()) {
            if (e.getValue().equalsIgnoreCase(name)) {
                found = e.getKey();
                break;
            }
        }
        if (found == null) {
            for (String t : catalog.keySet()) {
                if (t.equalsIgnoreCase(name)) {
                    found = t;
                    break;
                }
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        String layerName = catalog.get(found);
        String table;
        String identifier;
        String geom;
        String geomType;
        int srid;
        try (PreparedStatement ps = c.prepareStatement("SELECT c.table_name, c.identifier, g.column_name,"
                + " g.geometry_type_name, g.srs_id, s.organization, s.organization_coordsys_id"
                + " FROM gpkg_contents c JOIN gpkg_geometry_columns g ON lower(g.table_name) = lower(c.table_name)"
                + " LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id"
                + " WHERE c.data_type = 'features' AND c.table_name = ?")) {
            ps.setString(1, found);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                table = rs.getString(1);
                identifier = rs.getString(2);
                geom = rs.getString(3);
                geomType = rs.getString(4);
                srid = "EPSG".equalsIgnoreCase(rs.getString(6)) ? rs.getInt(7) : rs.getInt(5);
            }
        }
        GengdiMetadata.Layer meta = GengdiMetadata.read(c, table).orElse(null);
        String pk = null;
        List<String> tableColumns = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT name, type, pk FROM pragma_table_info(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String col = rs.getString(1);
                    tableColumns.add(col);
                    if (rs.getInt(3) == 1 && pk == null) {
                        pk = col;
                    } else if (!col.equalsIgnoreCase(geom)) {
                        String type = rs.getString(2);
                        if (typeOf(type) == null) {
                            unread.add(col);
                        } else {
                            columns.add(col);
                            declared.add(type);
                        }
                    }
                }
            }
        }
        if (pk == null) {
            return Optional.empty(); // a feature table needs an integer primary key; GDAL's views without one are skipped
        }
        String geometryName = ForeignNames.geometryName(geom, tableColumns);
        List<String> names = ForeignNames.attributeNames(columns, tableColumns, geometryName);
        List<AttributeDef> attrs = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            attrs.add(attribute(names.get(i), columns.get(i), declared.get(i),
                    meta == null ? Map.of() : meta.attributes()));
        }
        String title = meta != null ? meta.title()
                : identifier != null && !identifier.isBlank() ? identifier : table;
        FeatureType t = new FeatureType(layerName, title, geometryName, kind(geomType), srid, attrs);
        String rtree = existingTable(c, "rtree_" + table + "_" + geom);
        return Optional.of(new LayerInfo(t, table, geom, pk, columns, unread, rtree));
    }

    /**
     * An attribute from its column: Gengdi's metadata where the column has it, else from the declared type, titled
     * with the column's own name.
     */
    private static AttributeDef attribute(String name, String col, String declared, Map<String, AttributeDef> meta) {
        AttributeDef m = meta.get(col.toUpperCase(Locale.ROOT));
        if (m != null) {
            return new AttributeDef(name, m.type(), m.length(), m.title(), m.personal(), m.codeList());
        }
        AttributeType type = typeOf(declared);
        Matcher dm = DECLARED.matcher(declared == null ? "" : declared);
        int length = dm.matches() && dm.group(2) != null ? Integer.parseInt(dm.group(2)) : 0;
        return new AttributeDef(name, type, type == AttributeType.STRING ? length : 0, col, false, null);
    }

    /** The attribute type of a declared column type; null for BLOB, which is not read. */
    private static AttributeType typeOf(String declared) {
        Matcher dm = DECLARED.matcher(declared == null ? "" : declared);
        String base = dm.matches() ? dm.group(1).toUpperCase(Locale.ROOT) : "";
        return switch (base) {
            case "BOOLEAN" -> AttributeType.BOOLEAN;
            case "TINYINT", "SMALLINT", "MEDIUMINT" -> AttributeType.INTEGER;
            case "INTEGER", "INT", "BIGINT" -> AttributeType.LONG;
            case "FLOAT", "DOUBLE", "REAL", "DOUBLE PRECISION", "NUMERIC" -> AttributeType.DOUBLE;
            case "DATE" -> AttributeType.DATE;
            case "DATETIME", "TIMESTAMP" -> AttributeType.DATETIME;
            case "BLOB" -> null;
            default -> AttributeType.STRING; // TEXT, VARCHAR and undeclared columns
        };
    }

    private static GeometryKind kind(String geometryTypeName) {
        try {
            return GeometryKind.fromOgcName(geometryTypeName);
        } catch (IllegalArgumentException e) {
            return GeometryKind.GEOMETRY; // GEOMETRYCOLLECTION, curves: read as generic geometry
        }
    }

    static boolean tableExists(Connection c, String name) throws SQLException {
        return existingTable(c, name) != null;
    }

    /** The stored spelling of a table name (case-insensitive), or null. */
    private static String existingTable(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
