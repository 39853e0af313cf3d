package org.gengdi.store.geopackage;

import static org.gengdi.store.geopackage.Sqlite.q;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.sqlite.core.DB;

/**
 * The attribute columns of a query, read with as few native calls as possible: with sqlite-jdbc every column read
 * crosses JNI (and a text read allocates a direct buffer), which at thirty columns cost more than SQLite itself.
 * So SQLite packs the text, integer and boolean columns of a row into one value with a single
 * {@code concat_ws()} (one separator argument: {@code concat()} with a separator after each value costs SQLite
 * twice the arguments); reals stay separate columns, because SQLite's real-to-text conversion is slow and, below
 * 17 digits, inexact.
 *
 * <p>Packed format: the values separated by the byte {@code 0xFF}, a NULL written as the single byte {@code 0xFE}.
 * Neither byte occurs in UTF-8, so valid text can never be mistaken for a separator or a NULL. A row whose packed
 * value does not split into the expected number of fields (text that is not valid UTF-8) is read again column by
 * column.
 *
 * <p>Values repeat a lot down a column (land-use codes and names, owner codes, years): short strings are taken
 * from a small per-column cache keyed by their bytes instead of being decoded and allocated again, and a number
 * equal to the column's previous one reuses its box. A column whose strings rarely repeat stops using the cache.
 */
final class PackedRow {
    private static final byte SEPARATOR = (byte) 0xFF;
    private static final byte NULL = (byte) 0xFE;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final List<AttributeDef> attributes;
    private final List<String> columns;
    private final AttributeType[] packedTypes;
    private final int[] packedIndex;
    private final int[] realIndex;
    private final int[] ends;
    /** Per packed string column {@code k}, slots {@code k * SLOTS ...}: the bytes of a value and its string. */
    private final byte[][] cacheKeys;
    private final String[] cacheValues;
    private final int[] cacheHits;
    private final int[] cacheMisses;
    private final boolean[] uncached;
    /** The previous value of each packed number column and of each real column, boxed. */
    private final long[] lastNumber;
    private final Object[] lastNumberBox;
    private final long[] lastRealBits;
    private final Double[] lastReal;

    private static final int SLOTS = 64;
    private static final int MAX_CACHED_BYTES = 48;
    /** A column's cache is judged after this many misses: it stays if it hit at least as often as it missed. */
    private static final int JUDGE_AFTER = 512;

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
        int n = packedTypes.length;
        cacheKeys = new byte[n * SLOTS][];
        cacheValues = new String[n * SLOTS];
        cacheHits = new int[n];
        cacheMisses = new int[n];
        uncached = new boolean[n];
        lastNumber = new long[n];
        lastNumberBox = new Object[n];
        lastRealBits = new long[realIndex.length];
        lastReal = new Double[realIndex.length];
    }

    /** The SELECT list items: the real columns, then the packed value (if any); empty for no attributes. */
    String columns() {
        List<String> cols = new ArrayList<>();
        StringBuilder concat = new StringBuilder();
        int packed = 0;
        for (int k = 0; k < attributes.size(); k++) {
            AttributeDef a = attributes.get(k);
            String c = q(columns.get(k));
            if (a.type() == AttributeType.DOUBLE) {
                cols.add(c);
            } else {
                // concat(x'fe'), not x'fe': SQLite computes it once as terminated text, which concat_ws uses as it
                // is; a blob literal would be copied into a new terminated buffer for every NULL of every row.
                concat.append(", ifnull(").append(c).append(", concat(x'fe'))");
                packed++;
            }
        }
        if (packed > 0) {
            // concat_ws skips NULL arguments (none here) but keeps empty strings, each with its separator.
            cols.add("concat_ws(x'ff'" + concat + ")");
        }
        return String.join(", ", cols);
    }

    /** The number of SELECT columns {@link #columns()} produces. */
    int columnCount() {
        return realIndex.length + (packedTypes.length > 0 ? 1 : 0);
    }

    /** Whether any attribute is packed (else {@link #unpack} has nothing to do). */
    boolean hasPacked() {
        return packedTypes.length > 0;
    }

    /**
     * Reads the reals of the current row into {@code out} and returns the packed value (null when nothing is
     * packed), for {@link #unpack}; not thread-safe (one per cursor).
     *
     * @param firstColumn the 1-based column of the first attribute
     */
    byte[] read(ResultSet rs, int firstColumn, Object[] out) throws SQLException {
        int col = firstColumn;
        for (int r = 0; r < realIndex.length; r++) {
            double v = rs.getDouble(col);
            // getDouble gives 0 for NULL; ask about NULL (one more native call) only then.
            out[realIndex[r]] = v == 0 && rs.wasNull() ? null : real(r, v);
            col++;
        }
        return packedTypes.length > 0 ? rs.getBytes(col) : null;
    }

    /**
     * The same through sqlite-jdbc's native calls, under the statement's lock: one call per column, and a type
     * check only for a real that reads as 0 (which NULL also reads as).
     *
     * @param firstColumn the 0-based column of the first attribute
     */
    byte[] read(DB db, long stmt, int firstColumn, Object[] out) throws SQLException {
        int col = firstColumn;
        for (int r = 0; r < realIndex.length; r++) {
            double v = db.column_double(stmt, col);
            out[realIndex[r]] = v == 0 && db.column_type(stmt, col) == SQLITE_NULL ? null : real(r, v);
            col++;
        }
        return packedTypes.length > 0 ? db.column_blob(stmt, col) : null;
    }

    private static final int SQLITE_NULL = 5;

    private Double real(int r, double v) {
        long bits = Double.doubleToRawLongBits(v);
        Double box = lastReal[r];
        if (box == null || bits != lastRealBits[r]) {
            box = v;
            lastReal[r] = box;
            lastRealBits[r] = bits;
        }
        return box;
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

    /**
     * Splits a packed value into {@code out}; false when it does not have exactly one field per packed attribute
     * (then nothing is written, and the row must be read column by column).
     */
    boolean unpack(byte[] b, Object[] out) {
        if (b == null) {
            return false;
        }
        // Find every field first: a misaligned row must fall back before any field is parsed as the wrong type.
        int[] ends = this.ends;
        int last = ends.length - 1;
        int pos = 0;
        for (int k = 0; k < last; k++) {
            pos = separator(b, pos);
            if (pos == b.length) {
                return false;
            }
            ends[k] = pos++;
        }
        if (separator(b, pos) != b.length) {
            return false;
        }
        ends[last] = b.length;
        int from = 0;
        for (int k = 0; k <= last; k++) {
            int to = ends[k];
            out[packedIndex[k]] = to - from == 1 && b[from] == NULL ? null : value(k, b, from, to);
            from = to + 1;
        }
        return true;
    }

    private Object value(int k, byte[] b, int from, int to) {
        AttributeType t = packedTypes[k];
        return switch (t) {
            case STRING -> string(k, b, from, to);
            case DATE, DATETIME -> t.coerce(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
            case INTEGER -> number(k, Math.toIntExact(integer(b, from, to)), true);
            case LONG -> number(k, integer(b, from, to), false);
            case BOOLEAN -> integer(b, from, to) != 0;
            case DOUBLE -> throw new IllegalStateException("reals are not packed");
        };
    }

    /** The index of the first separator at or after {@code from}, or the length: eight bytes per step. */
    private static int separator(byte[] b, int from) {
        int i = from;
        for (; i + 8 <= b.length; i += 8) {
            long w = (long) LONGS.get(b, i);
            // a 0xFF byte is a zero byte of ~w; the lowest flagged byte is exact (borrows only run upwards)
            long found = (~w - ONES) & w & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        while (i < b.length && b[i] != SEPARATOR) {
            i++;
        }
        return i;
    }

    /** A boxed Integer or Long, the previous box of the column when the value repeats. */
    private Object number(int k, long v, boolean integer) {
        Object box = lastNumberBox[k];
        if (box == null || lastNumber[k] != v) {
            // (not a conditional expression: that would unbox both and box an Integer as a Long)
            if (integer) {
                box = Integer.valueOf((int) v);
            } else {
                box = Long.valueOf(v);
            }
            lastNumberBox[k] = box;
            lastNumber[k] = v;
        }
        return box;
    }

    /** Decodes UTF-8, through the column's cache for short values while it pays. */
    private String string(int k, byte[] b, int from, int to) {
        int length = to - from;
        if (length > MAX_CACHED_BYTES || uncached[k]) {
            return new String(b, from, length, StandardCharsets.UTF_8);
        }
        int slot = k * SLOTS + (hash(b, from, to) & (SLOTS - 1));
        byte[] key = cacheKeys[slot];
        if (key != null && key.length == length && same(key, b, from)) {
            cacheHits[k]++;
            return cacheValues[slot];
        }
        String s = new String(b, from, length, StandardCharsets.UTF_8);
        cacheKeys[slot] = Arrays.copyOfRange(b, from, to);
        cacheValues[slot] = s;
        if (++cacheMisses[k] == JUDGE_AFTER) {
            if (cacheHits[k] < JUDGE_AFTER) {
                uncached[k] = true; // mostly distinct values (identifiers): the cache only costs
            }
            cacheHits[k] = 0;
            cacheMisses[k] = 0;
        }
        return s;
    }

    /** A hash of a short byte range, eight bytes at a time. */
    private static int hash(byte[] b, int from, int to) {
        long h = to - from;
        int i = from;
        if (to - from >= 8) {
            for (; i + 8 <= to; i += 8) {
                h = (h ^ (long) LONGS.get(b, i)) * 0x9E3779B97F4A7C15L;
            }
            if (i < to) {
                h = (h ^ (long) LONGS.get(b, to - 8)) * 0x9E3779B97F4A7C15L; // the tail, overlapping
            }
        } else {
            for (; i < to; i++) {
                h = (h ^ b[i]) * 0x9E3779B97F4A7C15L;
            }
        }
        return (int) (h ^ (h >>> 29) ^ (h >>> 45));
    }

    /** Whether {@code key} equals the bytes of {@code b} from {@code from} (the caller checked the length). */
    private static boolean same(byte[] key, byte[] b, int from) {
        int n = key.length;
        int i = 0;
        if (n >= 8) {
            for (; i + 8 <= n; i += 8) {
                if ((long) LONGS.get(key, i) != (long) LONGS.get(b, from + i)) {
                    return false;
                }
            }
            return i == n || (long) LONGS.get(key, n - 8) == (long) LONGS.get(b, from + n - 8);
        }
        for (; i < n; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
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
