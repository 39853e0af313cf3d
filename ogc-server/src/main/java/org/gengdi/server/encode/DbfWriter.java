package org.gengdi.server.encode;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gengdi.core.feature.AttributeDef;

/**
 * Writes a dBASE III table (the {@code .dbf} of a shapefile) with UTF-8 text, to a file: the record count in the
 * header is patched in when the file is closed. Field types: strings {@code C} (width in bytes: three per declared
 * character for Chinese, one for codes from a code list, at most 254), integers {@code N(9)} (what GDAL, GeoTools
 * and ArcGIS take for a long integer; a value beyond -99 999 999…999 999 999 is left blank), longs {@code N(20)},
 * doubles {@code N(24,8)}, booleans {@code L}, dates {@code D}, date-times {@code C(25)} in ISO form. Field names
 * are cut to 10 characters (the national names fit) and made unique. Nulls are blanks, which GDAL and ArcGIS read
 * as null.
 */
final class DbfWriter implements AutoCloseable {
    private static final int MAX_NAME = 10;
    private static final int MAX_CHAR_WIDTH = 254;

    /** One column. */
    record Field(String name, char type, int width, int decimals) {
    }

    private final Path file;
    private final List<Field> fields;
    private final OutputStream out;
    private final byte[] record;
    private long count;

    DbfWriter(Path file, List<AttributeDef> attributes) throws IOException {
        this.file = file;
        this.fields = fields(attributes);
        int recordLength = 1;
        for (Field f : fields) {
            recordLength += f.width();
        }
        if (recordLength > 0xFFFF) {
            throw new IllegalArgumentException("the attributes do not fit in a dBASE record (" + recordLength
                    + " bytes, at most 65535)");
        }
        this.record = new byte[recordLength];
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        out.write(header(0));
    }

    /** The DBF columns of the attributes, in order. */
    static List<Field> fields(List<AttributeDef> attributes) {
        if (attributes.size() > 255) {
            throw new IllegalArgumentException("a dBASE table holds at most 255 fields");
        }
        List<Field> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (AttributeDef a : attributes) {
            String name = uniqueName(a.name(), used);
            out.add(switch (a.type()) {
                case STRING -> new Field(name, 'C', charWidth(a), 0);
                case INTEGER -> new Field(name, 'N', 9, 0);
                case LONG -> new Field(name, 'N', 20, 0);
                case DOUBLE -> new Field(name, 'N', 24, 8);
                case BOOLEAN -> new Field(name, 'L', 1, 0);
                case DATE -> new Field(name, 'D', 8, 0);
                case DATETIME -> new Field(name, 'C', 25, 0);
            });
        }
        return out;
    }

    /** Bytes for a text field: three per character (Chinese in UTF-8), one for codes from a code list. */
    private static int charWidth(AttributeDef a) {
        if (a.length() <= 0) {
            return MAX_CHAR_WIDTH;
        }
        return Math.min(MAX_CHAR_WIDTH, a.codeList() != null ? a.length() : a.length() * 3);
    }

    private static String uniqueName(String name, Set<String> used) {
        String base = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
        String candidate = base;
        for (int i = 1; !used.add(candidate.toUpperCase(Locale.ROOT)); i++) {
            String suffix = "_" + i;
            candidate = base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
        }
        return candidate;
    }

    /** Appends one record; {@code values} follow the attributes given to the constructor. */
    void add(Object[] values) throws IOException {
        record[0] = ' '; // not deleted
        int p = 1;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            put(f, values[i], p);
            p += f.width();
        }
        out.write(record);
        count++;
    }

    private void put(Field f, Object v, int at) {
        int width = f.width();
        for (int i = 0; i < width; i++) {
            record[at + i] = ' ';
        }
        if (v == null) {
            return;
        }
        switch (f.type()) {
            case 'C' -> {
                byte[] b = utf8Prefix(Values.text(v), width);
                System.arraycopy(b, 0, record, at, b.length);
            }
            case 'N' -> {
                String s = number(v, f);
                byte[] b = s.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, record, at + width - b.length, b.length); // right-aligned
            }
            case 'L' -> record[at] = (byte) (Boolean.TRUE.equals(v) ? 'T' : 'F');
            case 'D' -> {
                LocalDate d = (LocalDate) org.gengdi.core.feature.AttributeType.DATE.coerce(v);
                String s = String.format(Locale.ROOT, "%04d%02d%02d", d.getYear(), d.getMonthValue(),
                        d.getDayOfMonth());
                byte[] b = s.getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(b, 0, record, at, Math.min(b.length, width));
            }
            default -> throw new IllegalStateException("field type " + f.type());
        }
    }

    /** The number as it fits the field: fixed decimals, fewer if it is too wide; blank (null) if nothing fits. */
    private static String number(Object v, Field f) {
        if (!(v instanceof Number n)) {
            return "";
        }
        if (f.decimals() == 0) {
            String s = v instanceof Double || v instanceof Float
                    ? BigDecimal.valueOf(n.doubleValue()).setScale(0, RoundingMode.HALF_UP).toPlainString()
                    : n.toString();
            return s.length() <= f.width() ? s : "";
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            return "";
        }
        BigDecimal b = BigDecimal.valueOf(d);
        for (int scale = f.decimals(); scale >= 0; scale--) {
            String s = b.setScale(scale, RoundingMode.HALF_UP).toPlainString();
            if (s.length() <= f.width()) {
                return s;
            }
        }
        return "";
    }

    /** The longest prefix of the string's UTF-8 bytes that fits and does not cut a character. */
    private static byte[] utf8Prefix(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= max) {
            return b;
        }
        int end = max;
        while (end > 0 && (b[end] & 0xC0) == 0x80) { // b[end] continues the character before it
            end--;
        }
        byte[] out = new byte[end];
        System.arraycopy(b, 0, out, 0, end);
        return out;
    }

    private byte[] header(long records) {
        int headerLength = 32 + 32 * fields.size() + 1;
        ByteBuffer h = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        LocalDate today = LocalDate.now();
        h.put((byte) 0x03);
        h.put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue()).put((byte) today.getDayOfMonth());
        h.putInt((int) records);
        h.putShort((short) headerLength);
        h.putShort((short) record.length);
        h.position(32); // reserved bytes, including the language driver: the .cpg file names the encoding
        for (Field f : fields) {
            byte[] name = f.name().getBytes(StandardCharsets.US_ASCII);
            h.put(name).put(new byte[11 - name.length]);
            h.put((byte) f.type());
            h.putInt(0);
            h.put((byte) f.width()).put((byte) f.decimals());
            h.put(new byte[14]);
        }
        h.put((byte) 0x0D);
        return h.array();
    }

    /** Writes the end marker and the record count. */
    @Override
    public void close() throws IOException {
        out.write(0x1A);
        out.close();
        if (count > Integer.MAX_VALUE) {
            throw new IOException("too many records for a dBASE file: " + count);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(header(count)), 0);
        }
    }
}
