package org.gengdi.core.feature;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * JSON form of a FeatureType's metadata, shared by the stores so a layer's titles, personal flags and code lists
 * round-trip identically in every back end.
 *
 * <p>The stores keep a layer's name, title and geometry in their own columns; what they share is the attribute list,
 * a JSON array with one object per attribute, in order:
 * <pre>{@code
 * [{"name":"GDPDJB","type":"STRING","length":2,"title":"耕地坡度级别","personal":false,
 *   "codeList":{"id":"GDPDJB","title":"耕地坡度级别","codes":[["1","≤2°"],["2","2°～6°"]]}},
 *  {"name":"ZRRMC","type":"STRING","length":60,"title":"责任人名称","personal":true}]
 * }</pre>
 * {@code codeList} is left out when the attribute has none; codes are {@code [code, name]} pairs so that their order
 * survives stores (PostgreSQL {@code jsonb}) that reorder object members.
 *
 * <p>The writer escapes {@code "}, {@code \} and control characters ({@code \n}, {@code \r}, {@code \t},
 * {@code \b}, {@code \f}, else {@code \}{@code u00XX}); everything else, supplementary characters included, is
 * written as it is (an unpaired surrogate too: the database driver then stores it as {@code ?}, as it does in any
 * other text column, whereas escaping it would make PostgreSQL reject the {@code jsonb}). The reader is strict
 * RFC 8259 JSON (any member order and whitespace; {@code \}{@code uXXXX} escapes, surrogate pairs included) and
 * accepts exactly this shape: the five members {@code name}, {@code type}, {@code length}, {@code title},
 * {@code personal} are required, {@code codeList} is optional (or {@code null}), and unknown or repeated members,
 * repeated codes and wrongly typed values are rejected with an {@link IllegalArgumentException}.
 */
public final class FeatureTypeCodec {
    private static final Set<String> ATTRIBUTE_MEMBERS = Set.of("name", "type", "length", "title", "personal",
            "codeList");
    private static final Set<String> CODE_LIST_MEMBERS = Set.of("id", "title", "codes");
    /** Deeper than this cannot be the shape above; the limit keeps hostile input from overflowing the stack. */
    private static final int MAX_DEPTH = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FeatureTypeCodec() {
    }

    /** The attribute definitions, code lists included, as a JSON array (order kept). */
    public static String attributesToJson(List<AttributeDef> attributes) {
        StringBuilder b = new StringBuilder(64 * attributes.size() + 2).append('[');
        for (AttributeDef a : attributes) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append("{\"name\":");
            writeString(b, a.name());
            b.append(",\"type\":");
            writeString(b, a.type().name());
            b.append(",\"length\":").append(a.length()).append(",\"title\":");
            writeString(b, a.title());
            b.append(",\"personal\":").append(a.personal());
            CodeList cl = a.codeList();
            if (cl != null) {
                b.append(",\"codeList\":{\"id\":");
                writeString(b, cl.id());
                b.append(",\"title\":");
                writeString(b, cl.title());
                b.append(",\"codes\":[");
                boolean first = true;
                for (Map.Entry<String, String> e : cl.codes().entrySet()) {
                    b.append(first ? "[" : ",[");
                    writeString(b, e.getKey());
                    b.append(',');
                    writeString(b, e.getValue());
                    b.append(']');
                    first = false;
                }
                b.append("]}");
            }
            b.append('}');
        }
        return b.append(']').toString();
    }

    /**
     * The attribute definitions written by {@link #attributesToJson}.
     *
     * @throws IllegalArgumentException when the text is not JSON or not of that shape
     */
    public static List<AttributeDef> attributesFromJson(String json) {
        Objects.requireNonNull(json, "json");
        List<Object> array = asArray(new Reader(json).document(), "the attribute list");
        List<AttributeDef> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(attribute(asObject(array.get(i), "attribute " + i), i));
        }
        return out;
    }

    private static AttributeDef attribute(Map<String, Object> o, int index) {
        String where = "attribute " + index;
        members(o, ATTRIBUTE_MEMBERS, where);
        String name = requiredString(o, "name", where);
        where = "attribute " + name;
        String typeName = requiredString(o, "type", where);
        AttributeType type;
        try {
            type = AttributeType.valueOf(typeName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": unknown type " + typeName, e);
        }
        int length = integer(required(o, "length", where), where + ".length");
        String title = string(required(o, "title", where), where + ".title");
        boolean personal = bool(required(o, "personal", where), where + ".personal");
        Object cl = o.get("codeList");
        CodeList codeList = cl == null ? null : codeList(asObject(cl, where + ".codeList"), where + ".codeList");
        return new AttributeDef(name, type, length, title, personal, codeList);
    }

    private static CodeList codeList(Map<String, Object> o, String where) {
        members(o, CODE_LIST_MEMBERS, where);
        String id = string(required(o, "id", where), where + ".id");
        String title = string(required(o, "title", where), where + ".title");
        List<Object> pairs = asArray(required(o, "codes", where), where + ".codes");
        Map<String, String> codes = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            String at = where + ".codes[" + i + "]";
            List<Object> pair = asArray(pairs.get(i), at);
            if (pair.size() != 2) {
                throw new IllegalArgumentException(at + ": a code is a [code, name] pair");
            }
            String code = string(pair.get(0), at);
            if (codes.containsKey(code)) {
                throw new IllegalArgumentException(at + ": code " + code + " appears twice");
            }
            codes.put(code, string(pair.get(1), at));
        }
        return new CodeList(id, title, codes);
    }

    // ---------------------------------------------------------------- shape checks

    private static void members(Map<String, Object> o, Set<String> allowed, String where) {
        for (String k : o.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(where + ": unexpected member \"" + k + "\"");
            }
        }
    }

    private static Object required(Map<String, Object> o, String key, String where) {
        if (!o.containsKey(key)) {
            throw new IllegalArgumentException(where + ": missing \"" + key + "\"");
        }
        return o.get(key);
    }

    private static String requiredString(Map<String, Object> o, String key, String where) {
        String s = string(required(o, key, where), where + "." + key);
        if (s == null) {
            throw new IllegalArgumentException(where + "." + key + " is null");
        }
        return s;
    }

    /** A string or null. */
    private static String string(Object v, String where) {
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new IllegalArgumentException(where + ": expected a string");
    }

    private static int integer(Object v, String where) {
        if (v instanceof BigDecimal d) {
            try {
                return d.intValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(where + ": " + d + " is not an int", e);
            }
        }
        throw new IllegalArgumentException(where + ": expected a number");
    }

    private static boolean bool(Object v, String where) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(where + ": expected true or false");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object v, String where) {
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw new IllegalArgumentException(where + ": expected an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asArray(Object v, String where) {
        if (v instanceof List) {
            return (List<Object>) v;
        }
        throw new IllegalArgumentException(where + ": expected an array");
    }

    // ---------------------------------------------------------------- writing

    /** Appends a JSON string literal ({@code null} for null). */
    private static void writeString(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (ch < 0x20) {
                        unicodeEscape(b, ch);
                    } else {
                        b.append(ch); // surrogates too: a pair is a supplementary character such as 𡌶
                    }
                }
            }
        }
        b.append('"');
    }

    private static void unicodeEscape(StringBuilder b, char ch) {
        b.append("\\u").append(HEX[ch >> 12]).append(HEX[(ch >> 8) & 0xf]).append(HEX[(ch >> 4) & 0xf])
                .append(HEX[ch & 0xf]);
    }

    // ---------------------------------------------------------------- reading

    /**
     * A strict RFC 8259 reader: objects become {@link LinkedHashMap}s (repeated names rejected), arrays
     * {@link ArrayList}s, strings {@link String}s, numbers {@link BigDecimal}s, {@code true}/{@code false}
     * {@link Boolean}s and {@code null} Java null.
     */
    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Object document() {
            Object v = value(0);
            skipWhitespace();
            if (pos < s.length()) {
                throw error("unexpected " + describe(s.charAt(pos)) + " after the JSON value");
            }
            return v;
        }

        private Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
            skipWhitespace();
            if (pos >= s.length()) {
                throw error("unexpected end of input");
            }
            char ch = s.charAt(pos);
            return switch (ch) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (ch == '-' || (ch >= '0' && ch <= '9')) {
                        yield number();
                    }
                    throw error("unexpected " + describe(ch));
                }
            };
        }

        private Map<String, Object> object(int depth) {
            pos++; // {
            Map<String, Object> out = new LinkedHashMap<>();
            skipWhitespace();
            if (peek() == '}') {
                pos++;
                return out;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"') {
                    throw error("expected a member name");
                }
                int at = pos;
                String key = string();
                skipWhitespace();
                expect(':');
                Object v = value(depth + 1);
                if (out.containsKey(key)) {
                    pos = at;
                    throw error("member \"" + key + "\" appears twice");
                }
                out.put(key, v);
                skipWhitespace();
                char ch = next("',' or '}'");
                if (ch == '}') {
                    return out;
                }
                if (ch != ',') {
                    pos--;
                    throw error("expected ',' or '}' but found " + describe(ch));
                }
            }
        }

        private List<Object> array(int depth) {
            pos++; // [
            List<Object> out = new ArrayList<>();
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return out;
            }
            while (true) {
                out.add(value(depth + 1));
                skipWhitespace();
                char ch = next("',' or ']'");
                if (ch == ']') {
                    return out;
                }
                if (ch != ',') {
                    pos--;
                    throw error("expected ',' or ']' but found " + describe(ch));
                }
            }
        }

        private String string() {
            pos++; // opening quote
            StringBuilder b = null;
            int start = pos;
            while (true) {
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char ch = s.charAt(pos);
                if (ch == '"') {
                    String out = b == null ? s.substring(start, pos) : b.append(s, start, pos).toString();
                    pos++;
                    return out;
                }
                if (ch < 0x20) {
                    throw error("unescaped control character " + describe(ch) + " in a string");
                }
                if (ch != '\\') {
                    pos++;
                    continue;
                }
                if (b == null) {
                    b = new StringBuilder();
                }
                b.append(s, start, pos);
                pos++;
                if (pos >= s.length()) {
                    throw error("unterminated string");
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case '/' -> b.append('/');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    // A UTF-16 code unit: the two escapes of a surrogate pair join into one character (𡌶).
                    case 'u' -> b.append(hex4());
                    default -> {
                        pos -= 2;
                        throw error("invalid escape \\" + e);
                    }
                }
                start = pos;
            }
        }

        private char hex4() {
            if (pos + 4 > s.length()) {
                throw error("incomplete \\u escape");
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                char ch = s.charAt(pos + i);
                int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
                        : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
                if (d < 0) {
                    throw error("invalid \\u escape");
                }
                v = v << 4 | d;
            }
            pos += 4;
            return (char) v;
        }

        private BigDecimal number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("invalid number");
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error("invalid number: digits must follow '.'");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("invalid number: digits must follow the exponent");
                }
                digits();
            }
            try {
                return new BigDecimal(s.substring(start, pos));
            } catch (NumberFormatException e) { // exponent beyond int range
                pos = start;
                throw error("number out of range");
            }
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(int ch) {
            return ch >= '0' && ch <= '9';
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw error("unexpected " + describe(s.charAt(pos)));
            }
            pos += word.length();
            return value;
        }

        private void skipWhitespace() {
            while (pos < s.length()) {
                char ch = s.charAt(pos);
                if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r') {
                    return;
                }
                pos++;
            }
        }

        /** The next character, or -1 at the end. */
        private int peek() {
            return pos < s.length() ? s.charAt(pos) : -1;
        }

        private char next(String expected) {
            if (pos >= s.length()) {
                throw error("unexpected end of input, expected " + expected);
            }
            return s.charAt(pos++);
        }

        private void expect(char ch) {
            char got = next("'" + ch + "'");
            if (got != ch) {
                pos--;
                throw error("expected '" + ch + "' but found " + describe(got));
            }
        }

        private static String describe(char ch) {
            return ch < 0x20 || ch == 0x7f ? String.format("U+%04X", (int) ch) : "'" + ch + "'";
        }

        private IllegalArgumentException error(String message) {
            return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + message);
        }
    }
}
