package org.gengdi.core.feature;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The scalar types an attribute may have; each maps to one Java class carried in {@link Feature} values. */
public enum AttributeType {
    STRING(String.class),
    INTEGER(Integer.class),
    LONG(Long.class),
    DOUBLE(Double.class),
    BOOLEAN(Boolean.class),
    DATE(LocalDate.class),
    DATETIME(OffsetDateTime.class);

    private final Class<?> javaType;

    AttributeType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == LONG || this == DOUBLE;
    }

    /**
     * Converts a value read from a store, a file or a request literal to this type's Java class.
     *
     * @throws IllegalArgumentException when the value cannot represent this type
     */
    public Object coerce(Object value) {
        if (value == null) {
            return null;
        }
        if (javaType.isInstance(value)) {
            return value;
        }
        try {
            switch (this) {
                case STRING:
                    return value.toString();
                case INTEGER:
                    if (value instanceof Number n) {
                        return Math.toIntExact(n.longValue() == n.doubleValue() ? n.longValue() : checkIntegral(n));
                    }
                    return Integer.valueOf(value.toString().trim());
                case LONG:
                    if (value instanceof Number n) {
                        return n.longValue() == n.doubleValue() ? n.longValue() : checkIntegral(n);
                    }
                    return Long.valueOf(value.toString().trim());
                case DOUBLE:
                    if (value instanceof Number n) {
                        return n.doubleValue();
                    }
                    return Double.valueOf(value.toString().trim());
                case BOOLEAN:
                    if (value instanceof Number n) {
                        return n.intValue() != 0;
                    }
                    String s = value.toString().trim().toLowerCase();
                    if (s.equals("true") || s.equals("1") || s.equals("t") || s.equals("y")) {
                        return Boolean.TRUE;
                    }
                    if (s.equals("false") || s.equals("0") || s.equals("f") || s.equals("n")) {
                        return Boolean.FALSE;
                    }
                    throw new IllegalArgumentException("not a boolean: " + value);
                case DATE:
                    if (value instanceof java.sql.Date d) {
                        return d.toLocalDate();
                    }
                    if (value instanceof OffsetDateTime t) {
                        return t.toLocalDate();
                    }
                    String ds = value.toString().trim();
                    return LocalDate.parse(ds.length() > 10 ? ds.substring(0, 10) : ds);
                case DATETIME:
                    if (value instanceof java.sql.Timestamp ts) {
                        return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
                    }
                    if (value instanceof LocalDate d) {
                        return d.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
                    }
                    String ts = value.toString().trim();
                    if (ts.length() == 10) {
                        return LocalDate.parse(ts).atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
                    }
                    if (!ts.endsWith("Z") && !ts.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                        ts = ts + "Z";
                    }
                    return OffsetDateTime.parse(ts.replace(' ', 'T'));
                default:
                    throw new IllegalStateException(name());
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("not a")) {
                throw e;
            }
            throw new IllegalArgumentException("not a " + name().toLowerCase() + ": " + value, e);
        }
    }

    private static long checkIntegral(Number n) {
        throw new IllegalArgumentException("not an integer: " + n);
    }
}
