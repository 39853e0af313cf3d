package org.gengdi.core.filter.cql2;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.cql2.Token.Kind;

/**
 * Splits CQL2 text into tokens on demand, so that hostile input is rejected after a few tokens instead of being
 * tokenised whole. Strings are {@code '…'} with {@code ''} for a quote; names are letters, digits, {@code _},
 * {@code .} and {@code :} (any script), or {@code "…"} with {@code ""} for a quote. An ECQL date-time written
 * bare ({@code 2020-01-01}, {@code 2020-01-01T08:00:00Z}) is one {@link Kind#DATETIME} token.
 */
final class Cql2Lexer {
    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)?");

    private final String s;
    private int i;

    Cql2Lexer(String s) {
        this.s = s;
    }

    Token next() {
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        if (i >= n) {
            return new Token(Kind.EOF, "", n, n);
        }
        int start = i;
        char c = s.charAt(i);
        switch (c) {
            case '(':
                return symbol(Kind.LPAREN, 1);
            case ')':
                return symbol(Kind.RPAREN, 1);
            case ',':
                return symbol(Kind.COMMA, 1);
            case '=':
                return symbol(Kind.EQ, 1);
            case '+':
                return symbol(Kind.PLUS, 1);
            case '-':
                return symbol(Kind.MINUS, 1);
            case '*':
                return symbol(Kind.STAR, 1);
            case '/':
                return symbol(Kind.SLASH, 1);
            case '<':
                if (at(i + 1) == '=') {
                    return symbol(Kind.LE, 2);
                }
                return at(i + 1) == '>' ? symbol(Kind.NE, 2) : symbol(Kind.LT, 1);
            case '>':
                return at(i + 1) == '=' ? symbol(Kind.GE, 2) : symbol(Kind.GT, 1);
            case '!':
                if (at(i + 1) == '=') {
                    return symbol(Kind.NE, 2);
                }
                break;
            case '\'':
                return quoted('\'', Kind.STRING, "string");
            case '"':
                return quoted('"', Kind.QUOTED_NAME, "quoted name");
            default:
                if (isDigit(c) || (c == '.' && isDigit(at(i + 1)))) {
                    return number(start);
                }
                int cp = s.codePointAt(i);
                if (Character.isLetter(cp) || cp == '_') {
                    return name(start);
                }
        }
        throw unexpected(start);
    }

    private Token symbol(Kind kind, int length) {
        int start = i;
        i += length;
        return new Token(kind, s.substring(start, i), start, i);
    }

    private Token quoted(char quote, Kind kind, String what) {
        int start = i++;
        StringBuilder b = null;
        int from = i;
        while (true) {
            int q = s.indexOf(quote, i);
            if (q < 0) {
                throw new FilterParseException("unterminated " + what + ": expected the closing " + quote, start);
            }
            if (at(q + 1) == quote) {           // doubled quote stands for one quote
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(s, from, q + 1);
                i = q + 2;
                from = i;
                continue;
            }
            String text = b == null ? s.substring(from, q) : b.append(s, from, q).toString();
            i = q + 1;
            return new Token(kind, text, start, i);
        }
    }

    private Token number(int start) {
        if (isDigit(at(i + 3)) && at(i + 4) == '-') {
            Matcher m = DATETIME.matcher(s).region(i, s.length());
            if (m.lookingAt()) {
                i = m.end();
                return new Token(Kind.DATETIME, m.group(), start, i);
            }
        }
        while (isDigit(at(i))) {
            i++;
        }
        if (at(i) == '.') {
            i++;
            while (isDigit(at(i))) {
                i++;
            }
        }
        char e = at(i);
        if (e == 'e' || e == 'E') {
            int k = i + 1;
            if (at(k) == '+' || at(k) == '-') {
                k++;
            }
            if (isDigit(at(k))) {
                while (isDigit(at(k))) {
                    k++;
                }
                i = k;
            }
        }
        return new Token(Kind.NUMBER, s.substring(start, i), start, i);
    }

    private Token name(int start) {
        int n = s.length();
        i += Character.charCount(s.codePointAt(i));
        while (i < n) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '.' || cp == ':') {
                i += Character.charCount(cp);
            } else {
                break;
            }
        }
        return new Token(Kind.NAME, s.substring(start, i), start, i);
    }

    private FilterParseException unexpected(int pos) {
        int cp = s.codePointAt(pos);
        String shown = Character.isISOControl(cp) || !Character.isDefined(cp) || Character.isSurrogate(s.charAt(pos))
                ? String.format("U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "'";
        String hint = (cp >= 0xFF00 && cp <= 0xFFEF) || "“”‘’、。".indexOf(cp) >= 0
                ? "; write operators, quotes and parentheses in ASCII, not full-width" : "";
        String what = cp == ';' ? "; a filter is one expression" : hint;
        return new FilterParseException("unexpected character " + shown + what, pos);
    }

    private char at(int k) {
        return k < s.length() ? s.charAt(k) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || c == '\uFEFF';
    }
}
