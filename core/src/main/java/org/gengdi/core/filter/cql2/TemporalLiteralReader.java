package org.gengdi.core.filter.cql2;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.regex.Pattern;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.cql2.Token.Kind;

/**
 * Reads the temporal literals of CQL2 — {@code DATE('2020-01-31')}, {@code TIMESTAMP('2020-01-31T08:00:00Z')},
 * {@code INTERVAL('2020-01-01', '..')} — and ECQL's bare {@code 2020-01-31T08:00:00Z} and periods
 * {@code 2020-01-01/2020-12-31}. Dates become {@link LocalDate}, timestamps {@link OffsetDateTime}; a timestamp
 * without an offset is read as UTC (CQL2 requires {@code Z}; clients often leave it out). ECQL durations
 * ({@code P1D}) are not supported.
 */
final class TemporalLiteralReader {

    /** A temporal literal: an instant or an interval. */
    sealed interface TemporalValue permits TimeInstant, TimeInterval {
    }

    record TimeInstant(Temporal value) implements TemporalValue {
    }

    /** Bounds are null where the interval is open ({@code '..'}). */
    record TimeInterval(Temporal begin, Temporal end) implements TemporalValue {
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern COMPACT_OFFSET = Pattern.compile(".*[+-]\\d{4}$");
    private static final Pattern HOUR_OFFSET = Pattern.compile(".*T.*[+-]\\d{2}$");
    private static final Pattern HAS_OFFSET = Pattern.compile(".*(?:Z|z|[+-]\\d{2}:\\d{2})$");
    /** Longer than any ISO timestamp: longer text is refused before any pattern looks at it. */
    private static final int MAX_TIMESTAMP = 40;

    private final TokenCursor in;

    TemporalLiteralReader(TokenCursor in) {
        this.in = in;
    }

    /** True when the current token starts a temporal literal. */
    boolean atLiteral() {
        Token t = in.peek();
        return t.is(Kind.DATETIME) || ((t.isKeyword("DATE") || t.isKeyword("TIMESTAMP") || t.isKeyword("INTERVAL"))
                && in.peek(1).is(Kind.LPAREN));
    }

    /** DATE(…), TIMESTAMP(…), INTERVAL(…), a bare date-time or a bare period. */
    TemporalValue literal(String what) {
        Token t = in.peek();
        if (t.isKeyword("INTERVAL") || t.is(Kind.DATETIME)) {
            return period();
        }
        if (atLiteral()) {
            return new TimeInstant(dateOrTimestamp());
        }
        throw in.expected(what);
    }

    /** An instant after an ECQL infix operator: a bare date-time, DATE(…) or TIMESTAMP(…). */
    TemporalValue instant(String operator) {
        Token t = in.peek();
        if (t.is(Kind.DATETIME)) {
            in.next();
            return new TimeInstant(instant(t.text(), t.start()));
        }
        if ((t.isKeyword("DATE") || t.isKeyword("TIMESTAMP")) && in.peek(1).is(Kind.LPAREN)) {
            return new TimeInstant(dateOrTimestamp());
        }
        throw in.expected("a date or time after " + operator + " (2020-01-31, 2020-01-31T08:00:00Z, DATE('…') "
                + "or TIMESTAMP('…'))");
    }

    /** A period: {@code INTERVAL(…)}, or ECQL's {@code begin/end} (a lone date-time is an instant). */
    TemporalValue period() {
        Token t = in.peek();
        if (t.isKeyword("INTERVAL") && in.peek(1).is(Kind.LPAREN)) {
            return interval();
        }
        if (!t.is(Kind.DATETIME)) {
            throw in.expected("a period: INTERVAL('…', '…') or begin/end such as 2020-01-01/2020-12-31");
        }
        in.next();
        Temporal begin = instant(t.text(), t.start());
        if (!in.accept(Kind.SLASH)) {
            return new TimeInstant(begin);
        }
        Token e = in.expect(Kind.DATETIME, "the end of the period (durations such as P1D are not supported)");
        return checked(begin, instant(e.text(), e.start()), t);
    }

    /** {@code DATE('…')} or {@code TIMESTAMP('…')}; the current token is DATE or TIMESTAMP. */
    Temporal dateOrTimestamp() {
        Token kind = in.next();
        in.expect(Kind.LPAREN, "'('");
        Token s = in.expect(Kind.STRING, "a quoted " + kind.keyword().toLowerCase() + " such as '2020-01-31'");
        in.expect(Kind.RPAREN, "')'");
        return kind.isKeyword("DATE") ? date(s.text(), s.start()) : timestamp(s.text(), s.start());
    }

    /** {@code INTERVAL(begin, end)}; each bound a quoted date or timestamp, DATE(…), TIMESTAMP(…) or '..'. */
    private TimeInterval interval() {
        Token start = in.next();
        in.expect(Kind.LPAREN, "'('");
        Temporal begin = intervalBound();
        in.expect(Kind.COMMA, "','");
        Temporal end = intervalBound();
        in.expect(Kind.RPAREN, "')'");
        return checked(begin, end, start);
    }

    private Temporal intervalBound() {
        Token t = in.peek();
        if (t.is(Kind.STRING)) {
            in.next();
            return t.text().equals("..") ? null : instant(t.text(), t.start());
        }
        if (t.is(Kind.DATETIME)) {
            in.next();
            return instant(t.text(), t.start());
        }
        if ((t.isKeyword("DATE") || t.isKeyword("TIMESTAMP")) && in.peek(1).is(Kind.LPAREN)) {
            return dateOrTimestamp();
        }
        throw in.expected("an interval bound: '2020-01-01', '2020-01-01T00:00:00Z' or '..'");
    }

    private static TimeInterval checked(Temporal begin, Temporal end, Token at) {
        if (begin != null && end != null && toInstant(begin).isAfter(toInstant(end))) {
            throw new FilterParseException("the interval ends before it begins", at.start());
        }
        return new TimeInterval(begin, end);
    }

    // ------------------------------------------------------------------------------------------------ text

    static LocalDate date(String text, int pos) {
        String t = text.strip();
        if (t.length() != 10 || !DATE.matcher(t).matches()) {
            throw new FilterParseException("invalid date '" + Token.echo(text) + "': expected YYYY-MM-DD", pos);
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeException e) {
            throw new FilterParseException("invalid date '" + Token.echo(text) + "': " + e.getMessage(), pos);
        }
    }

    static OffsetDateTime timestamp(String text, int pos) {
        String t = text.strip().replace(' ', 'T');
        if (t.length() < 16 || t.length() > MAX_TIMESTAMP || !DATE.matcher(t.substring(0, 10)).matches()
                || t.charAt(10) != 'T') {
            throw invalidTimestamp(text, pos);
        }
        if (COMPACT_OFFSET.matcher(t).matches()) {
            t = t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2);
        } else if (HOUR_OFFSET.matcher(t).matches()) {
            t = t + ":00";
        }
        if (!HAS_OFFSET.matcher(t).matches()) {
            t = t + "Z";
        }
        try {
            return OffsetDateTime.parse(t);
        } catch (DateTimeException e) {
            throw invalidTimestamp(text, pos);
        }
    }

    private static FilterParseException invalidTimestamp(String text, int pos) {
        return new FilterParseException("invalid timestamp '" + Token.echo(text) + "': expected YYYY-MM-DDTHH:MM:SSZ",
                pos);
    }

    /** A date if the text is only a date, else a timestamp. */
    static Temporal instant(String text, int pos) {
        return text.strip().length() <= 10 ? date(text, pos) : timestamp(text, pos);
    }

    /** The instant a date or timestamp stands for (a date: its start, UTC), for ordering interval bounds. */
    static Instant toInstant(Temporal t) {
        return t instanceof LocalDate d ? d.atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.from(t);
    }
}
