package org.gengdi.core.crs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A parsed WKT element: {@code KEYWORD[arg, arg, …]} where an argument is a nested element or a scalar (quoted
 * text or a bare token, kept as its text). Reads OGC WKT 1, ESRI WKT and WKT 2 alike, since it knows no keywords.
 */
record WktNode(String keyword, List<Object> args) {

    /** Parses one WKT element; throws {@link IllegalArgumentException} on malformed text. */
    static WktNode parse(String text) {
        Parser p = new Parser(text);
        WktNode node = p.element();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("Trailing text after WKT at offset " + p.pos);
        }
        return node;
    }

    /** The first scalar argument (the element's name for CRS, DATUM, PARAMETER, …), or "". */
    String name() {
        return args.isEmpty() || !(args.get(0) instanceof String s) ? "" : s;
    }

    /** The scalar argument at {@code index}, or null. */
    String scalar(int index) {
        return index < args.size() && args.get(index) instanceof String s ? s : null;
    }

    /** The scalar argument at {@code index} as a number, or NaN. */
    double number(int index) {
        String s = scalar(index);
        if (s == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The first direct child element with one of the keywords (case-insensitive). */
    Optional<WktNode> child(String... keywords) {
        for (Object a : args) {
            if (a instanceof WktNode n) {
                for (String k : keywords) {
                    if (n.keyword.equalsIgnoreCase(k)) {
                        return Optional.of(n);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** All direct child elements with the keyword (case-insensitive). */
    List<WktNode> children(String keyword) {
        List<WktNode> out = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof WktNode n && n.keyword.equalsIgnoreCase(keyword)) {
                out.add(n);
            }
        }
        return out;
    }

    boolean is(String... keywords) {
        for (String k : keywords) {
            if (keyword.equalsIgnoreCase(k)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, every run of other characters than letters and digits turned into one underscore. */
    static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        WktNode element() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw error("keyword expected");
            }
            String keyword = s.substring(start, pos);
            skipSpace();
            if (pos >= s.length() || (s.charAt(pos) != '[' && s.charAt(pos) != '(')) {
                throw error("'[' expected after " + keyword);
            }
            char close = s.charAt(pos) == '[' ? ']' : ')';
            pos++;
            List<Object> args = new ArrayList<>();
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == close) {
                pos++;
                return new WktNode(keyword, args);
            }
            while (true) {
                args.add(argument());
                skipSpace();
                if (pos >= s.length()) {
                    throw error("unterminated " + keyword);
                }
                char c = s.charAt(pos++);
                if (c == close) {
                    return new WktNode(keyword, List.copyOf(args));
                }
                if (c != ',') {
                    throw error("',' or '" + close + "' expected");
                }
            }
        }

        Object argument() {
            skipSpace();
            if (pos >= s.length()) {
                throw error("argument expected");
            }
            if (s.charAt(pos) == '"') {
                StringBuilder b = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= s.length()) {
                        throw error("unterminated string");
                    }
                    char c = s.charAt(pos++);
                    if (c == '"') {
                        if (pos < s.length() && s.charAt(pos) == '"') {
                            b.append('"');
                            pos++;
                        } else {
                            return b.toString();
                        }
                    } else {
                        b.append(c);
                    }
                }
            }
            int start = pos;
            while (pos < s.length() && ",])[(".indexOf(s.charAt(pos)) < 0 && !Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
            int end = pos;
            skipSpace();
            if (pos < s.length() && (s.charAt(pos) == '[' || s.charAt(pos) == '(')) {
                pos = start;
                return element();
            }
            if (start == end) {
                throw error("argument expected");
            }
            return s.substring(start, end);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("Malformed WKT at offset " + pos + ": " + what);
        }
    }
}
