package org.gengdi.store.geopackage;

import static org.gengdi.store.geopackage.Sqlite.q;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;

/**
 * The attribute columns of a query, read with as few native calls as possible: with sqlite-jdbc every column read
 * crosses JNI (and a text read allocates a direct buffer), which at thirty columns cost more than SQLite itself.
 * So SQLite packs the text, integer and boolean columns of a row into one value with a single {@code concat()};
 * reals stay separate columns, because SQLite's real-to-text conversion is slow and, below 17 digits, inexact.
 *
 * <p>Packed format: each value followed by the byte {@code 0xFF}, a NULL written as the single byte {@code 0xFE}.
 * Neither byte occurs in UTF-8, so valid text can never be mistaken for a separator or a NULL. A row whose packed
 * value does not split into the expected number of fields (text that is not valid UTF-8) is read again column by
 * column.
 */
final class PackedRow {
    private static final byte SEPARATOR = (byte) 0xFF;
    private static final byte NULL = (byte) 0xFE;

    private final List<AttributeDef> attributes;
    private final List<String> columns;
    private final AttributeType[] packedTypes;
    private final int[] packedIndex;
    private final int[] realIndex;
    private final int[] ends;

    /**
     * @param attributes the attributes to read
     * @param columns    the SQL column of each
     * @param index      the schema index of each, where its value goes in a feature's value array
     */
    PackedRow(List<AttributeDef> attributes, List<String> columns, int[] index) {
        this.attributes = attributes;
        this.columns = columns;
        List<Integer> packed = new ArrayList<>();
        List<Integer> reals = new ArrayList<>();
        for (int k = 0; k < attributes.size(); k++) {
            (attributes.get(k).type() == AttributeType.DOUBLE ? reals : packed).add(k);
        }
        packedTypes = new AttributeType[packed.size()];
        packedIndex = new int[packed.size()];
        for (int i = 0; i < packed.size(); i++) {
            packedTypes[i] = attributes.get(packed.get(i)).type();
            packedIndex[i] = index[packed.get(i)];
        }
        ends = new int[packed.size()];
        realIndex = new int[reals.size()];
        for (int i = 0; i < reals.size(); i++) {
            realIndex[i] = index[reals.get(i)];
        }
    }

    /** The SELECT list items: the real columns, then the packed value (if any); empty for no attributes. */
    String columns() {
        List<String> cols = new ArrayList<>();
        StringBuilder concat = new StringBuilder();
        for (int k = 0; k < attributes.size(); k++) {
            AttributeDef a = attributes.get(k);
            String c = q(columns.get(k));
            if (a.type() == AttributeType.DOUBLE) {
                cols.add(c);
            } else {
                concat.append(concat.length() == 0 ? "" : ", ").append("ifnull(").append(c).append(", x'fe'), x'ff'");
            }
        }
        if (concat.length() > 0) {
            cols.add("concat(" + concat + ")");
        }
        return String.join(", ", cols);
    }

    /** The number of SELECT columns {@link #columns()} produces. */
    int columnCount() {
        return realIndex.length + (packedTypes.length > 0 ? 1 : 0);
    }

    /**
     * Reads the attributes of the current row, starting at a column; not thread-safe (one per cursor).
     *
     * @param reread reads the packed attributes of this row one column at a time (the rare fallback)
     */
    void read(ResultSet rs, int firstColumn, Object[] out, Fallback reread) throws SQLException {
        int col = firstColumn;
        for (int i : realIndex) {
            double v = rs.getDouble(col);
            // getDouble gives 0 for NULL; ask about NULL (one more native call) only then.
            out[i] = v == 0 && rs.wasNull() ? null : v;
            col++;
        }
        if (packedTypes.length > 0 && !unpack(rs.getBytes(col), out)) {
            reread.read(this, out);
        }
    }

    /** Reads one row's packed attributes column by column, e.g. with {@link #readColumns}. */
    interface Fallback {
        void read(PackedRow row, Object[] out) throws SQLException;
    }

    /** The fallback: the packed attributes of one row by primary key, one column each. */
    void readColumns(Connection c, String table, String pk, long fid, Object[] out) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        int n = 0;
        for (int k = 0; k < attributes.size(); k++) {
            if (attributes.get(k).type() != AttributeType.DOUBLE) {
                sql.append(n++ == 0 ? "" : ", ").append(q(columns.get(k)));
            }
        }
        sql.append(" FROM ").append(q(table)).append(" WHERE ").append(q(pk)).append(" = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, fid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int k = 0; k < packedTypes.length; k++) {
                    String s = rs.getString(k + 1);
                    out[packedIndex[k]] = s == null ? null : packedTypes[k].coerce(s);
                }
            }
        }
    }

    /** Splits a packed value; false when it does not have exactly one field per packed attribute. */
    private boolean unpack(byte[] b, Object[] out) {
        // Find every field first: a misaligned row must fall back before any field is parsed as the wrong type.
        int[] ends = this.ends;
        int pos = 0;
        for (int k = 0; k < ends.length; k++) {
            while (pos < b.length && b[pos] != SEPARATOR) {
                pos++;
            }
            if (pos == b.length) {
                return false;
            }
            ends[k] = pos++;
        }
        if (pos != b.length) {
            return false;
        }
        int from = 0;
        for (int k = 0; k < ends.length; k++) {
            int to = ends[k];
            out[packedIndex[k]] = to - from == 1 && b[from] == NULL ? null : value(packedTypes[k], b, from, to);
            from = to + 1;
        }
        return true;
    }

    private static Object value(AttributeType t, byte[] b, int from, int to) {
        return switch (t) {
            case STRING -> new String(b, from, to - from, StandardCharsets.UTF_8);
            case DATE, DATETIME -> t.coerce(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
            case INTEGER -> Math.toIntExact(integer(b, from, to));
            case LONG -> integer(b, from, to);
            case BOOLEAN -> integer(b, from, to) != 0;
            case DOUBLE -> throw new IllegalStateException("reals are not packed");
        };
    }

    private static long integer(byte[] b, int from, int to) {
        if (to == from) {
            throw new IllegalArgumentException("an empty string in an integer column");
        }
        boolean negative = b[from] == '-';
        long v = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || to - from > 20) {
                throw new IllegalArgumentException("'" + new String(b, from, to - from, StandardCharsets.UTF_8)
                        + "' in an integer column");
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }
}
