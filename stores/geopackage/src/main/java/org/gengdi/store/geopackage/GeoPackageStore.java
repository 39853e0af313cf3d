package org.gengdi.store.geopackage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;

/**
 * The embedded default store: one GeoPackage 1.3 file that GDAL and QGIS open as it is.
 *
 * <p>Built on sqlite-jdbc alone, with our own GeoPackage geometry codec (the {@code GP} header plus JTS WKB) and
 * no GeoPackage library: a library would add a second geometry model and an object per row, and streaming speed
 * is what this store is for. Layers carry the R-tree spatial index extension with the spec's triggers (their
 * {@code ST_} functions are registered on every connection, as GDAL does); Gengdi's titles, personal-data flags and
 * code lists live in {@code gengdi_*} tables beside the standard ones. GeoPackages written by GDAL or QGIS are read
 * too, with their feature types derived from the table columns.
 *
 * <p>Names: layer and attribute names are ASCII identifiers, but GDAL and QGIS write tables and columns named in
 * any script (地类编码, 永久基本农田). None of them is left out: such a column is published under a generated name
 * following the importer's rule — the national field name when the column is named like a national field's Chinese
 * title (地类编码 → {@code DLBM}), else {@code F} + its 1-based position among the attributes (村名 as the second
 * attribute → {@code F2}), else for other ASCII names the name with each run of other characters made {@code _} —
 * with the original name as its title. Such a table is published as the ASCII part of its name ({@code L} when
 * there is none) + {@code _} + the CRC-32 of its UTF-8 name in eight hex digits — 永久基本农田 → {@code L_} + eight hex
 * digits, a name that never changes as other layers come and go — with the table name as its title (or the
 * gpkg_contents identifier, which GDAL and QGIS set to the table name). Clashes get {@code _2}, {@code _3}, …;
 * {@link ForeignNames} has the details.
 * Queries, filters and sorts on such names use the SQL names; {@link #source} also finds a layer by its table name,
 * and {@link #layout} tells which SQL table and columns lie behind a layer.
 *
 * <p>Concurrency: the file is put in WAL mode; each concurrent reader (cursor) gets its own read-only connection, and
 * one writer connection, used by one {@link LayerWriter} at a time, imports without blocking them.
 *
 * <p>{@link #openReadOnly} opens a file to read only — for importing someone's GeoPackage, which must stay exactly as
 * it was: no journal-mode change, no tables created, no writes; SQLite itself refuses any.
 *
 * <p>Stored as GeoPackage prescribes, hence these limits: feature ids are the integer primary key (a positive integer
 * id is kept, any other is replaced by the next free number); DATETIME values are kept in UTC to the millisecond;
 * a real NaN becomes NULL and −0.0 compares equal to 0.0 in SQL (filters on a 0.0 literal are therefore evaluated in
 * memory); a single Polygon, LineString or Point in a multi layer is stored as a one-part multi geometry. String
 * lengths count characters. Schema and metadata are cached per store and refreshed when the file's schema changes.
 */
public final class GeoPackageStore implements FeatureStore {
    private static final long WRITE_WAIT_MINUTES = 10;
    private static final int IDLE_READERS = 4;

    private final Path file;
    /** The writer connection; null in a read-only store. */
    private final Connection writer;
    private final Semaphore writeLock = new Semaphore(1, true);
    private final ReadPool pool;
    private final Map<String, GeoPackageSource> sources = new ConcurrentHashMap<>();
    private volatile int cachedSchemaVersion = Integer.MIN_VALUE;
    private volatile boolean closed;

    private GeoPackageStore(Path file, Connection writer, ReadPool.Opener readers) {
        this.file = file;
        this.writer = writer;
        this.pool = new ReadPool(readers, IDLE_READERS);
    }

    /**
     * Where a layer lies in the file. The SQL names equal the published ones except for tables and columns named
     * in other scripts (see the class description).
     *
     * @param table          the SQL table name, e.g. 永久基本农田
     * @param geometryColumn the SQL name of the geometry column
     * @param primaryKey     the integer primary key column, whose values are the feature ids
     * @param columns        published attribute name → SQL column name, in schema order, e.g. F2 → 村名
     * @param unread         columns read as nothing: binary (BLOB) columns, which have no attribute type
     */
    public record TableLayout(String table, String geometryColumn, String primaryKey, Map<String, String> columns,
                              List<String> unread) {
        public TableLayout {
            columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
            unread = List.copyOf(unread);
        }
    }

    /** Opens a GeoPackage, creating a new empty one when the file does not exist (or is an empty SQLite file). */
    public static GeoPackageStore open(Path file) {
        Connection c = null;
        try {
            c = Sqlite.openWriter(file);
            prepare(c, file);
            return new GeoPackageStore(file, c, () -> Sqlite.openReader(file));
        } catch (SQLException e) {
            closeQuietly(c);
            throw failure("cannot open GeoPackage " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /**
     * Opens an existing GeoPackage to read only, changing nothing in it or beside it: SQLite opens it read-only
     * ({@code mode=ro}), so the file cannot be written, created or switched to another journal mode, and no table is
     * added. Files in rollback-journal and in WAL mode are both read. A WAL file that no program has open (no
     * {@code -wal} file beside it) is opened as immutable, because SQLite would otherwise leave {@code -wal} and
     * {@code -shm} files beside it even for reading; it must then not be written while this store reads it. A WAL
     * file another program has open is read with that program's {@code -wal} and {@code -shm} files.
     * {@link #write} and {@link #drop} fail with a {@link StoreException}.
     *
     * @throws StoreException when the file does not exist, is not a GeoPackage or cannot be read
     */
    public static GeoPackageStore openReadOnly(Path file) {
        if (!Files.exists(file)) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "no GeoPackage " + file
                    + ": the file does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "no GeoPackage " + file + ": not a file");
        }
        boolean immutable;
        try {
            immutable = walMode(file) && !Files.exists(sibling(file, "-wal"));
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot read " + file + ": " + e.getMessage(),
                    e);
        }
        ReadPool.Opener readers = () -> Sqlite.openReadOnly(file, immutable);
        try (Connection c = readers.open(); Statement s = c.createStatement()) {
            int applicationId;
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                rs.next();
                applicationId = rs.getInt(1);
            }
            if (!GpkgSchema.tableExists(c, "gpkg_contents") || !GpkgSchema.tableExists(c, "gpkg_geometry_columns")
                    || !isGeoPackageId(applicationId) && applicationId != 0) {
                throw new StoreException(StoreException.Kind.INVALID_DATA, file + " is not a GeoPackage");
            }
        } catch (SQLException e) {
            throw failure("cannot open GeoPackage " + file, e);
        }
        return new GeoPackageStore(file, null, readers);
    }

    /** True when the SQLite header says WAL (file format read/write versions 2); false for rollback journals. */
    private static boolean walMode(Path file) throws IOException {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(header, 0, header.length);
            return n == header.length && header[18] == 2 && header[19] == 2;
        }
    }

    private static Path sibling(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static boolean isGeoPackageId(int applicationId) {
        return applicationId == GpkgSchema.APPLICATION_ID || applicationId == 0x47503130
                || applicationId == 0x47503131;
    }

    private static void prepare(Connection c, Path file) throws SQLException {
        try (Statement s = c.createStatement()) {
            boolean empty;
            int applicationId;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                rs.next();
                empty = rs.getInt(1) == 0;
            }
            try (ResultSet rs = s.executeQuery("PRAGMA application_id")) {
                rs.next();
                applicationId = rs.getInt(1);
            }
            if (empty) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    GpkgSchema.initialize(c);
                    GengdiMetadata.createTables(c);
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            } else if (!isGeoPackageId(applicationId)) {
                throw new StoreException(StoreException.Kind.INVALID_DATA, file + " is not a GeoPackage");
            }
            // Readers then never wait for an import; the mode is persistent and GDAL reads WAL files.
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
            }
        }
    }

    @Override
    public String description() {
        return "geopackage:" + file.toAbsolutePath();
    }

    @Override
    public List<String> layerNames() {
        return read(GpkgSchema::layerNames);
    }

    /**
     * The layer of this name (case-insensitive), or else of this SQL table name: a table named 永久基本农田 is found
     * by its published name and by that name.
     */
    @Override
    public Optional<FeatureSource> source(String layerName) {
        int version = read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        if (version != cachedSchemaVersion) {
            // Some connection (ours or another process's) changed tables: cached schemas may be stale.
            sources.clear();
            cachedSchemaVersion = version;
        }
        GeoPackageSource cached = sources.get(layerName);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<LayerInfo> info = read(c -> GpkgSchema.read(c, layerName));
        if (info.isEmpty()) {
            return Optional.empty();
        }
        GeoPackageSource s = new GeoPackageSource(this, info.get());
        sources.put(layerName, s);
        return Optional.of(s);
    }

    /** True for a store opened with {@link #openReadOnly}. */
    public boolean isReadOnly() {
        return writer == null;
    }

    /**
     * Where a layer's data lies in the file (its SQL table and columns); empty when there is no such layer.
     * Layers are found as by {@link #source}.
     */
    public Optional<TableLayout> layout(String layerName) {
        return source(layerName).map(s -> {
            LayerInfo l = ((GeoPackageSource) s).layer();
            Map<String, String> columns = new java.util.LinkedHashMap<>();
            for (int i = 0; i < l.columns().size(); i++) {
                columns.put(l.type().attributes().get(i).name(), l.columns().get(i));
            }
            return new TableLayout(l.table(), l.geometryColumn(), l.pkColumn(), columns, l.unread());
        });
    }

    @Override
    public LayerWriter write(FeatureType type, boolean replace) {
        checkOpen();
        checkWritable("write layer " + type.name());
        String lower = type.name().toLowerCase(Locale.ROOT);
        for (String reserved : List.of("gpkg_", "rtree_", "sqlite_", "gengdi_")) {
            if (lower.startsWith(reserved)) {
                throw new StoreException(StoreException.Kind.INVALID_DATA,
                        "layer names starting with " + reserved + " are reserved: " + type.name());
            }
        }
        lockForWriting();
        try {
            return new GeoPackageWriter(this, writer, type, replace, writeLock::release);
        } catch (RuntimeException e) {
            writeLock.release();
            throw e;
        }
    }

    @Override
    public boolean drop(String layerName) {
        checkOpen();
        checkWritable("drop layer " + layerName);
        lockForWriting();
        try (Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                Optional<LayerInfo> info = GpkgSchema.read(writer, layerName);
                if (info.isEmpty()) {
                    s.execute("ROLLBACK");
                    return false;
                }
                GpkgSchema.drop(writer, info.get());
                GengdiMetadata.remove(writer, info.get().table());
                s.execute("COMMIT");
                return true;
            } catch (SQLException | RuntimeException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot drop " + layerName, e);
        } finally {
            changed(layerName);
            writeLock.release();
        }
    }

    @Override
    public boolean isAvailable() {
        try {
            return !closed && read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
                    return rs.next();
                }
            });
        } catch (StoreException e) {
            return false;
        }
    }

    /** The job tables in this file; a read-only store holds no jobs. */
    @Override
    public java.util.Optional<org.gengdi.core.task.JobRepository> openJobs() {
        return writer == null ? java.util.Optional.empty() : java.util.Optional.of(GeoPackageJobs.open(file));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        pool.close();
        if (writer == null) {
            return; // read-only: nothing to fold back, and no checkpoint may write the file
        }
        boolean locked = false;
        try {
            locked = writeLock.tryAcquire(30, TimeUnit.SECONDS);
            if (locked) {
                try (Statement s = writer.createStatement()) {
                    // Fold the WAL back so the .gpkg file alone is complete when copied.
                    s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // the checkpoint happens anyway when the last connection closes
        } finally {
            closeQuietly(writer);
            if (locked) {
                writeLock.release();
            }
        }
    }

    @Override
    public String toString() {
        return description();
    }

    // ---------------------------------------------------------------- for the package

    /** A unit of work on a connection. */
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs work on a pooled read-only connection. */
    <T> T read(SqlWork<T> work) {
        Connection c = borrow();
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw failure("cannot read " + file.getFileName(), e);
        } finally {
            pool.release(c);
        }
    }

    Connection borrow() {
        checkOpen();
        try {
            return pool.borrow();
        } catch (SQLException e) {
            throw failure("cannot open a connection to " + file, e);
        }
    }

    ReadPool pool() {
        return pool;
    }

    /** Database connections open now: the writer and every pooled reader. */
    int openConnections() {
        return pool.openConnections() + (closed || writer == null ? 0 : 1);
    }

    /** Forgets cached schemas after our own change to a layer. */
    void changed(String layerName) {
        sources.clear();
        cachedSchemaVersion = Integer.MIN_VALUE;
    }

    static StoreException failure(String message, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN: another process holds the file or it is missing;
        // SQLITE_NOTADB: the file is not an SQLite database at all.
        StoreException.Kind kind = code == 5 || code == 6 || code == 14 ? StoreException.Kind.UNAVAILABLE
                : code == 26 ? StoreException.Kind.INVALID_DATA : StoreException.Kind.INTERNAL;
        return new StoreException(kind, message + ": " + e.getMessage(), e);
    }

    private void lockForWriting() {
        try {
            if (!writeLock.tryAcquire(WRITE_WAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new StoreException(StoreException.Kind.UNAVAILABLE,
                        "another import into " + file.getFileName() + " has not finished");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "interrupted while waiting to write", e);
        }
        if (closed) {
            writeLock.release();
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "the GeoPackage store is closed");
        }
    }

    private void checkWritable(String what) {
        if (writer == null) {
            throw new StoreException(StoreException.Kind.INVALID_QUERY, "cannot " + what + ": the GeoPackage "
                    + file.getFileName() + " is open read-only");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "the GeoPackage store is closed");
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
