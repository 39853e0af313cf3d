package org.gengdi.store.geopackage;

import static org.gengdi.store.geopackage.Sqlite.q;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * A multi-row {@code INSERT}: rows are buffered and sent {@value #ROWS} per statement execution, because per
 * execution SQLite and the driver have a fixed cost (statement reset, JNI, and for AUTOINCREMENT tables a
 * read and write of {@code sqlite_sequence}) that dominates single-row inserts.
 */
final class BatchInsert implements AutoCloseable {
    static final int ROWS = 64;

    private final Connection c;
    private final String table;
    private final List<String> columns;
    private final Object[][] buffer = new Object[ROWS][];
    private PreparedStatement full;
    private int rows;

    BatchInsert(Connection c, String table, List<String> columns) {
        this.c = c;
        this.table = table;
        this.columns = columns;
    }

    /** Adds a row (values: null, Long, Integer, Double, String or byte[]); may execute a full batch. */
    void add(Object[] row) throws SQLException {
        buffer[rows++] = row;
        if (rows == ROWS) {
            if (full == null) {
                full = c.prepareStatement(sql(ROWS));
            }
            execute(full, ROWS);
        }
    }

    /** The rows buffered and not yet sent. */
    Object[][] pending() {
        Object[][] out = new Object[rows][];
        System.arraycopy(buffer, 0, out, 0, rows);
        return out;
    }

    /** Sends the buffered rows. */
    void flush() throws SQLException {
        if (rows > 0) {
            try (PreparedStatement ps = c.prepareStatement(sql(rows))) {
                execute(ps, rows);
            }
        }
    }

    private void execute(PreparedStatement ps, int n) throws SQLException {
        int p = 1;
        for (int r = 0; r < n; r++) {
            for (Object v : buffer[r]) {
                bind(ps, p++, v);
            }
        }
        ps.executeUpdate();
        java.util.Arrays.fill(buffer, 0, n, null);
        rows = 0;
    }

    private static void bind(PreparedStatement ps, int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof String s) {
            ps.setString(i, s);
        } else if (v instanceof Long n) {
            ps.setLong(i, n);
        } else if (v instanceof Integer n) {
            ps.setInt(i, n);
        } else if (v instanceof Double d) {
            ps.setDouble(i, d);
        } else if (v instanceof byte[] b) {
            ps.setBytes(i, b);
        } else {
            throw new IllegalArgumentException("unexpected value " + v.getClass());
        }
    }

    private String sql(int n) {
        StringBuilder row = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            row.append(i == 0 ? "?" : ", ?");
        }
        row.append(')');
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(q(table)).append(" (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(q(columns.get(i)));
        }
        sql.append(") VALUES ").append(row);
        for (int r = 1; r < n; r++) {
            sql.append(", ").append(row);
        }
        return sql.toString();
    }

    /** Discards buffered rows (a failed or abandoned batch). */
    void clear() {
        java.util.Arrays.fill(buffer, null);
        rows = 0;
    }

    @Override
    public void close() throws SQLException {
        clear();
        if (full != null) {
            full.close();
            full = null;
        }
    }
}
