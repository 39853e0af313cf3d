package org.gengdi.store.postgis;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;

/**
 * Encodes feature rows in PostgreSQL's text COPY format: tab-separated, {@code \N} for null, backslash escapes,
 * geometries as hex EWKB (2D, with the layer's SRID) so they load straight into a typed geometry column.
 */
final class CopyEncoder {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSSxxx");

    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);
    private final int srid;

    CopyEncoder(int srid) {
        this.srid = srid;
    }

    /** Appends one value of an attribute type's Java class (or null). */
    void value(StringBuilder out, Object v) {
        if (v == null) {
            out.append("\\N");
        } else if (v instanceof String s) {
            text(out, s);
        } else if (v instanceof Boolean b) {
            out.append(b ? 't' : 'f');
        } else if (v instanceof Double d) {
            if (d.isNaN()) {
                out.append("NaN");
            } else if (d.isInfinite()) {
                out.append(d > 0 ? "Infinity" : "-Infinity");
            } else {
                out.append(d.doubleValue());
            }
        } else if (v instanceof LocalDate d) {
            out.append(d);
        } else if (v instanceof OffsetDateTime t) {
            out.append(TIMESTAMP.format(t));
        } else {
            out.append(v); // Integer, Long
        }
    }

    /** Appends a geometry as hex EWKB, or null. */
    void geometry(StringBuilder out, Geometry g) {
        if (g == null) {
            out.append("\\N");
            return;
        }
        byte[] b = wkb.write(g);
        // WKB → EWKB: set the SRID flag on the little-endian type word and insert the SRID after it.
        b[4] |= 0x20;
        hex(out, b, 0, 5);
        hex(out, new byte[] {(byte) srid, (byte) (srid >>> 8), (byte) (srid >>> 16), (byte) (srid >>> 24)}, 0, 4);
        hex(out, b, 5, b.length);
    }

    private static void hex(StringBuilder out, byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(HEX[(b[i] >> 4) & 0xF]).append(HEX[b[i] & 0xF]);
        }
    }

    private static void text(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
    }
}
