package org.gengdi.server.encode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes a coordinate with at most a fixed number of decimals, rounded half away from zero, without trailing zeros or an
 * exponent ({@code 114.5}, {@code 38.12345679}, {@code 39512345.123}). Works in longs, so a coordinate costs no
 * allocation; values too large for that (never a real coordinate) take the {@link BigDecimal} path.
 */
final class CoordinateFormat {
    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Beyond this the scaled value's rounding error (an ulp of about 0.1 here) could reach the last digit. */
    private static final double EXACT_LIMIT = 1.0e15;

    private final int decimals;

    CoordinateFormat(int decimals) {
        if (decimals < 0 || decimals > FeatureCollectionInfo.MAX_DECIMALS) {
            throw new IllegalArgumentException("decimals must be 0 to " + FeatureCollectionInfo.MAX_DECIMALS);
        }
        this.decimals = decimals;
    }

    int decimals() {
        return decimals;
    }

    /** Appends the value to {@code sb}. */
    void append(StringBuilder sb, double v) {
        checkFinite(v);
        double scaled = v * POW10[decimals];
        if (Math.abs(scaled) >= EXACT_LIMIT) {
            sb.append(slow(v));
            return;
        }
        long r = (long) (Math.abs(scaled) + 0.5); // half away from zero, the same on both sides of 0
        if (r == 0) {
            sb.append('0');
            return;
        }
        if (scaled < 0) {
            sb.append('-');
        }
        long pow = POW10[decimals];
        sb.append(r / pow);
        long fraction = r % pow;
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            sb.append('.');
            for (int i = digits(fraction); i < digits; i++) {
                sb.append('0');
            }
            sb.append(fraction);
        }
    }

    /**
     * Writes the value into {@code buf} from {@code off} and returns the offset after it; {@code buf} must have
     * room for {@link #MAX_CHARS} characters from {@code off}.
     */
    int write(double v, char[] buf, int off) {
        checkFinite(v);
        double scaled = v * POW10[decimals];
        if (Math.abs(scaled) >= EXACT_LIMIT) {
            String s = slow(v);
            s.getChars(0, s.length(), buf, off);
            return off + s.length();
        }
        long r = (long) (Math.abs(scaled) + 0.5);
        if (r == 0) {
            buf[off] = '0';
            return off + 1;
        }
        int p = off;
        if (scaled < 0) {
            buf[p++] = '-';
        }
        long pow = POW10[decimals];
        p = writeLong(r / pow, buf, p);
        long fraction = r % pow;
        if (fraction != 0) {
            int digits = decimals;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            buf[p++] = '.';
            for (int i = digits(fraction); i < digits; i++) {
                buf[p++] = '0';
            }
            p = writeLong(fraction, buf, p);
        }
        return p;
    }

    /** The most characters {@link #write} produces for a finite double (the plain form of ±1.8E308 and decimals). */
    static final int MAX_CHARS = 330;

    /** The value as text. */
    String format(double v) {
        StringBuilder sb = new StringBuilder(24);
        append(sb, v);
        return sb.toString();
    }

    private String slow(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    private static void checkFinite(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("coordinate is not a finite number: " + v);
        }
    }

    private static int digits(long n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    private static int writeLong(long n, char[] buf, int off) {
        int end = off + digits(n);
        int p = end;
        do {
            buf[--p] = (char) ('0' + (n % 10));
            n /= 10;
        } while (n != 0);
        return end;
    }
}
