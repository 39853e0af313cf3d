package org.gengdi.core.filter.cql2;

import java.util.Locale;

/**
 * One token of CQL2 text with its character offsets. For strings and quoted names {@code text} is the unescaped
 * content; for numbers and date-times the lexeme as written.
 */
record Token(Kind kind, String text, int start, int end) {

    /** Token kinds; keywords are {@link #NAME}s, recognised by the parser case-insensitively. */
    enum Kind {
        NAME, QUOTED_NAME, STRING, NUMBER, DATETIME,
        LPAREN, RPAREN, COMMA, EQ, NE, LT, LE, GT, GE, PLUS, MINUS, STAR, SLASH, EOF
    }

    /** Longest user text echoed back in a message. */
    private static final int ECHO = 40;

    boolean is(Kind k) {
        return kind == k;
    }

    /** True for an unquoted name spelling the keyword (case-insensitive). */
    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equalsIgnoreCase(keyword);
    }

    /** The upper-case spelling of an unquoted name, or null for other tokens. */
    String keyword() {
        return kind == Kind.NAME ? text.toUpperCase(Locale.ROOT) : null;
    }

    /** How the token reads in an error message. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of filter";
            case STRING -> "string '" + echo(text) + "'";
            case QUOTED_NAME -> "name \"" + echo(text) + "\"";
            case NAME -> "'" + echo(text) + "'";
            case NUMBER, DATETIME -> echo(text);
            default -> "'" + text + "'";
        };
    }

    /** User text shortened for messages, so that errors never echo a whole hostile input. */
    static String echo(String s) {
        return s.length() <= ECHO ? s : s.substring(0, ECHO) + "…";
    }
}
