package org.gengdi.store.geopackage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** Opens SQLite connections on a GeoPackage file, configured for the store and with its SQL functions. */
final class Sqlite {
    /** How long a connection waits for another process's lock before failing. */
    static final int BUSY_TIMEOUT_MS = 30_000;

    private Sqlite() {
    }

    /** The writer connection: WAL journal (so readers never wait for an import), synchronous=NORMAL. */
    static Connection openWriter(Path file) throws SQLException {
        SQLiteConfig cfg = base();
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setCacheSize(-65_536);
        cfg.setGetGeneratedKeys(false);
        return open(cfg, "jdbc:sqlite:" + file.toAbsolutePath());
    }

    /** A read-only connection; many may read in parallel with the writer under WAL. */
    static Connection openReader(Path file) throws SQLException {
        SQLiteConfig cfg = base();
        cfg.setReadOnly(true);
        cfg.setCacheSize(-16_384);
        return mapped(open(cfg, "jdbc:sqlite:" + file.toAbsolutePath()));
    }

    /**
     * A connection of a read-only store: opened with {@code mode=ro}, which can neither write nor create the file.
     * With {@code immutable} SQLite also takes no locks and keeps no {@code -shm}/{@code -wal} files: for a WAL
     * file no program has open, which SQLite would otherwise give those two files even when only reading.
     */
    static Connection openReadOnly(Path file, boolean immutable) throws SQLException {
        SQLiteConfig cfg = base();
        cfg.setReadOnly(true);
        cfg.setOpenMode(SQLiteOpenMode.OPEN_URI);
        cfg.setCacheSize(-16_384);
        // The URI form percent-encodes the path, so names with spaces, '?', '#' or Chinese characters stay intact.
        String uri = file.toAbsolutePath().toUri().getRawPath();
        return mapped(open(cfg, "jdbc:sqlite:file:" + uri + "?mode=ro" + (immutable ? "&immutable=1" : "")));
    }

    private static Connection mapped(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            // Memory-mapped reads avoid a copy per page; the OS shares the mapping between connections.
            s.execute("PRAGMA mmap_size = 268435456");
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private static SQLiteConfig base() {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setBusyTimeout(BUSY_TIMEOUT_MS);
        cfg.enforceForeignKeys(false);
        return cfg;
    }

    private static Connection open(SQLiteConfig cfg, String url) throws SQLException {
        Connection c = cfg.createConnection(url);
        try {
            SqlFunctions.register(c);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** A double-quoted SQL identifier (names come from the schema; quoting keeps any of them literal). */
    static String q(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
