package org.gengdi.process;

/** The data type of a literal input or output, with its XML Schema and JSON Schema names. */
public enum DataType {
    STRING("string", "string"),
    INTEGER("integer", "integer"),
    DOUBLE("double", "number"),
    BOOLEAN("boolean", "boolean");

    private final String xsd;
    private final String json;

    DataType(String xsd, String json) {
        this.xsd = xsd;
        this.json = json;
    }

    /** The XML Schema type name, e.g. {@code double}. */
    public String xsd() {
        return xsd;
    }

    /** The JSON Schema type, e.g. {@code number}. */
    public String jsonType() {
        return json;
    }

    /**
     * Parses a literal's text into this type.
     *
     * @throws IllegalArgumentException with a message naming what was expected
     */
    public Object parse(String text) {
        String t = text.strip();
        switch (this) {
            case STRING:
                return text;
            case INTEGER:
                try {
                    return Long.parseLong(t);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + shorten(text) + "' is not an integer");
                }
            case DOUBLE:
                try {
                    double d = Double.parseDouble(t);
                    if (!Double.isFinite(d) || t.matches("(?i).*[a-z].*") && !t.matches("(?i)[-+0-9.]+e[-+]?[0-9]+")) {
                        throw new NumberFormatException();
                    }
                    return d;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + shorten(text) + "' is not a finite number");
                }
            default:
                if (t.equalsIgnoreCase("true") || t.equals("1")) {
                    return true;
                }
                if (t.equalsIgnoreCase("false") || t.equals("0")) {
                    return false;
                }
                throw new IllegalArgumentException("'" + shorten(text) + "' is not true or false");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
