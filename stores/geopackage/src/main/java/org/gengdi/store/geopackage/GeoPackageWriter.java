package org.gengdi.store.geopackage;

import static org.gengdi.store.geopackage.Sqlite.q;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes one layer inside one SQLite transaction ({@code BEGIN IMMEDIATE} on the store's writer connection, held
 * until commit or rollback). The feature table is built under its final name inside that transaction — SQLite DDL is
 * transactional and other connections keep reading their WAL snapshot — so the transaction itself is the staging
 * area: a replaced layer is dropped and re-created invisibly, and commit swaps everything (table, R-tree, triggers,
 * gpkg_contents, metadata) at once, while rollback leaves the file as it was. Rows go in as multi-row inserts; the
 * R-tree is bulk-loaded ({@link RtreeBulkLoad}) and its triggers created at commit, so loading neither inserts
 * through the R-tree module nor calls back into Java per row.
 */
final class GeoPackageWriter implements LayerWriter {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final GeoPackageStore store;
    private final Connection c;
    private final FeatureType type;
    private final String pk;
    private final Runnable release;
    private final GpkgGeometry.Encoder encoder = new GpkgGeometry.Encoder();
    private final Envelope bounds = new Envelope();
    private BatchInsert rows;
    private RtreeBulkLoad index;
    private FeatureType lastType;
    private int[] lastMapping;
    private long count;
    private long nextFid = 1;
    private boolean done;

    /**
     * Starts the transaction; on failure it is rolled back and the exception thrown, and the caller releases the
     * write lock ({@code release} runs only after a commit or rollback of a writer that started).
     */
    GeoPackageWriter(GeoPackageStore store, Connection c, FeatureType type, boolean replace, Runnable release) {
        this.store = store;
        this.c = c;
        this.type = type;
        this.release = release;
        this.pk = primaryKeyName(type);
        try {
            exec("BEGIN IMMEDIATE");
            try {
                Optional<LayerInfo> old = GpkgSchema.read(c, type.name());
                if (old.isPresent() || GpkgSchema.tableExists(c, type.name())
                        || GpkgSchema.tableExists(c, GpkgSchema.rtreeName(type))) {
                    if (!replace || old.isEmpty()) {
                        throw new StoreException(StoreException.Kind.LAYER_EXISTS, "layer " + type.name()
                                + (old.isEmpty() ? " would overwrite a table that is not a feature layer" : " exists"));
                    }
                    GpkgSchema.drop(c, old.get());
                    GengdiMetadata.remove(c, old.get().table());
                }
                GpkgSchema.createTable(c, type, pk);
                rows = new BatchInsert(c, type.name(), columns());
                index = new RtreeBulkLoad(c, GpkgSchema.rtreeName(type));
            } catch (SQLException | RuntimeException e) {
                closeStatements();
                exec("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw GeoPackageStore.failure("cannot start writing " + type.name(), e);
        }
    }

    private List<String> columns() {
        List<String> cols = new ArrayList<>(List.of(pk, type.geometryName()));
        type.attributes().forEach(a -> cols.add(a.name()));
        return cols;
    }

    /** {@code fid}, unless an attribute already has that name. */
    private static String primaryKeyName(FeatureType t) {
        String pk = "fid";
        for (int n = 1; t.indexOf(pk) >= 0 || t.isGeometry(pk); n++) {
            pk = "fid_" + n;
        }
        if (t.indexOf(t.geometryName()) >= 0) {
            throw new StoreException(StoreException.Kind.INVALID_DATA,
                    "attribute " + t.geometryName() + " has the name of the geometry column in " + t.name());
        }
        return pk;
    }

    @Override
    public void add(Feature f) {
        if (done) {
            throw new IllegalStateException("writer already committed or rolled back");
        }
        Geometry g = promote(f.geometry());
        if (!type.geometryKind().accepts(g)) {
            throw invalid(f, "a " + g.getGeometryType() + " cannot be stored in a " + type.geometryKind().ogcName()
                    + " layer");
        }
        Long fid = f.id() == null ? null : SqlFilter.fid(f.id());
        if (fid == null || fid <= 0) {
            fid = nextFid;
        }
        nextFid = Math.max(nextFid, fid + 1);
        Object[] row = new Object[type.attributes().size() + 2];
        row[0] = fid;
        row[1] = g == null ? null : encoder.encode(g, type.srid());
        int[] mapping = mapping(f.type());
        for (int i = 0; i < mapping.length; i++) {
            row[i + 2] = sqlValue(type.attributes().get(i), mapping[i] < 0 ? null : f.value(mapping[i]), f);
        }
        try {
            rows.add(row);
            if (g != null && !g.isEmpty()) {
                Envelope e = g.getEnvelopeInternal();
                bounds.expandToInclude(e);
                index.add(fid, e);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        count++;
    }

    /** A single polygon, line or point in a multi layer becomes a one-part multi geometry, as GeoPackage expects. */
    private Geometry promote(Geometry g) {
        if (g == null) {
            return null;
        }
        GeometryKind k = type.geometryKind();
        if (k == GeometryKind.MULTIPOLYGON && g instanceof Polygon p) {
            return g.getFactory().createMultiPolygon(new Polygon[] {p});
        }
        if (k == GeometryKind.MULTILINESTRING && g instanceof LineString l) {
            return g.getFactory().createMultiLineString(new LineString[] {l});
        }
        if (k == GeometryKind.MULTIPOINT && g instanceof Point p) {
            return g.getFactory().createMultiPoint(new Point[] {p});
        }
        return g;
    }

    /** Positions of this writer's attributes in features of another type (matched by name), cached per type. */
    private int[] mapping(FeatureType ft) {
        if (ft != lastType) {
            int[] m = new int[type.attributes().size()];
            boolean same = ft.attributes().equals(type.attributes());
            for (int i = 0; i < m.length; i++) {
                m[i] = same ? i : ft.indexOf(type.attributes().get(i).name());
            }
            lastType = ft;
            lastMapping = m;
        }
        return lastMapping;
    }

    /** The value as bound to SQLite, after checking it fits the attribute. */
    private Object sqlValue(AttributeDef a, Object raw, Feature f) {
        Object v;
        try {
            v = a.type().coerce(raw);
        } catch (IllegalArgumentException e) {
            throw invalid(f, a.name() + ": " + e.getMessage());
        }
        if (v == null) {
            return null;
        }
        return switch (a.type()) {
            case STRING -> {
                String s = (String) v;
                if (a.length() > 0 && s.length() > a.length() && s.codePointCount(0, s.length()) > a.length()) {
                    throw invalid(f, a.name() + " is longer than " + a.length() + " characters");
                }
                yield s;
            }
            case INTEGER, LONG, DOUBLE -> v;
            case BOOLEAN -> ((Boolean) v) ? 1 : 0;
            case DATE -> v.toString();
            // GeoPackage DATETIME: ISO-8601 in UTC with 'Z'; fixed millisecond width keeps text order = time order.
            case DATETIME -> DATETIME.format(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC));
        };
    }

    /** A failed batch: a duplicate id names the feature; anything else is the database's failure. */
    private StoreException failure(SQLException e) {
        if (e.getMessage() != null && e.getMessage().contains("UNIQUE")) {
            return new StoreException(StoreException.Kind.INVALID_DATA, "feature " + duplicateId() + " of "
                    + type.name() + ": duplicate feature id", e);
        }
        return GeoPackageStore.failure("cannot write " + type.name(), e);
    }

    /** The first id of the failed batch that is already in the table or twice in the batch. */
    private String duplicateId() {
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (Object[] row : rows.pending()) {
            if (!seen.add(row[0]) || exists((Long) row[0])) {
                return row[0].toString();
            }
        }
        return "?";
    }

    private boolean exists(long fid) {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + q(type.name()) + " WHERE " + q(pk) + " = ?")) {
            ps.setLong(1, fid);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private StoreException invalid(Feature f, String why) {
        return new StoreException(StoreException.Kind.INVALID_DATA,
                "feature " + (f.id() == null ? "#" + (count + 1) : f.id()) + " of " + type.name() + ": " + why);
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public void commit() {
        if (done) {
            throw new IllegalStateException("writer already committed or rolled back");
        }
        try {
            try {
                rows.flush();
                index.finish();
            } catch (SQLException e) {
                throw failure(e);
            }
            closeStatements();
            GpkgSchema.register(c, type, pk, bounds);
            GengdiMetadata.write(c, type);
            exec("COMMIT");
        } catch (SQLException e) {
            rollback();
            throw GeoPackageStore.failure("cannot commit " + type.name(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
        finish();
    }

    @Override
    public void rollback() {
        if (done) {
            return;
        }
        try {
            closeStatements();
            exec("ROLLBACK");
        } catch (SQLException e) {
            // SQLite has already rolled back after some errors (disk full, I/O); then there is nothing left to undo.
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                throw GeoPackageStore.failure("cannot roll back " + type.name(), e);
            }
        } finally {
            finish();
        }
    }

    @Override
    public void close() {
        rollback();
    }

    private void finish() {
        if (!done) {
            done = true;
            store.changed(type.name());
            release.run();
        }
    }

    private void closeStatements() throws SQLException {
        if (rows != null) {
            rows.close();
            rows = null;
        }
        if (index != null) {
            index.close();
            index = null;
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
