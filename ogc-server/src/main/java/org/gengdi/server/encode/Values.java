package org.gengdi.server.encode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Attribute values as text, the same in every text format: ISO dates, plain decimals, XML-safe characters. */
final class Values {

    private Values() {
    }

    /**
     * The value as text: numbers without exponent below 10¹⁵ ({@code 1234.5}), {@code NaN}/{@code INF}/{@code -INF}
     * as XML Schema spells them, dates {@code 2020-01-01}, date-times with offset, booleans {@code true}/{@code false};
     * {@code null} for {@code null}.
     */
    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double || v instanceof Float) {
            return decimal(((Number) v).doubleValue());
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        return v.toString();
    }

    static String decimal(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "INF" : "-INF";
        }
        String shortest = Double.toString(d);
        if (Math.abs(d) >= 1e15 || shortest.indexOf('E') < 0) {
            return shortest; // BigDecimal.valueOf is built from this very string: plain already, nothing to redo
        }
        return BigDecimal.valueOf(d).toPlainString();
    }

    /**
     * The string with the characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF)
     * replaced by U+FFFD: a stray control character in a county's data must not make the whole response unreadable.
     */
    static String xmlSafe(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (!allowed(s, i)) {
                StringBuilder b = new StringBuilder(n).append(s, 0, i);
                for (int j = i; j < n; j++) {
                    char c = s.charAt(j);
                    if (allowed(s, j)) {
                        b.append(c);
                        if (Character.isHighSurrogate(c)) {
                            b.append(s.charAt(++j));
                        }
                    } else {
                        b.append('\uFFFD');
                    }
                }
                return b.toString();
            }
            if (Character.isHighSurrogate(s.charAt(i))) {
                i++;
            }
        }
        return s;
    }

    /** Whether the char at {@code i} (with its low surrogate, for a high one) may appear in XML 1.0. */
    private static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c >= 0x20 && c < 0xD800) {
            return true;
        }
        if (c == 0x9 || c == 0xA || c == 0xD) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return false; // a low surrogate reached on its own
        }
        return c >= 0xE000 && c <= 0xFFFD;
    }

    /**
     * A valid XML ID ({@code NCName}) from a feature id: letters, digits, {@code . - _} kept, anything else
     * becomes {@code _}, and a leading character that cannot start a name gets a {@code _} before it.
     */
    static String ncName(String id) {
        StringBuilder b = null;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean ok = Character.isLetterOrDigit(c) && c < 0xD800 || c == '.' || c == '-' || c == '_';
            if (!ok && b == null) {
                b = new StringBuilder(id.length()).append(id, 0, i);
            }
            if (b != null) {
                b.append(ok ? c : '_');
            }
        }
        String out = b == null ? id : b.toString();
        if (out.isEmpty() || !(Character.isLetter(out.charAt(0)) || out.charAt(0) == '_')) {
            out = "_" + out;
        }
        return out;
    }
}
