package org.gengdi.store.postgis;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * A parameterised SQL statement: text with {@code ?} placeholders and the values to bind, in order.
 * Values are Java values of the attribute types, {@code byte[]} (WKB) or an {@link Array}.
 */
record Sql(String text, List<Object> params) {

    Sql {
        params = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(params));
    }

    /** A value bound as an SQL array of {@code elementType} (e.g. {@code bigint}). */
    record Array(String elementType, Object[] values) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Array a && a.elementType.equals(elementType) && Arrays.equals(a.values, values);
        }

        @Override
        public int hashCode() {
            return elementType.hashCode() * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return elementType + Arrays.toString(values);
        }
    }

    /** Binds the parameters to a statement prepared from {@link #text()}. */
    void bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof byte[] b) {
                ps.setBytes(i + 1, b);
            } else if (v instanceof Array a) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf(a.elementType(), a.values()));
            } else if (v instanceof String s) {
                ps.setString(i + 1, s);
            } else {
                ps.setObject(i + 1, v);
            }
        }
    }

    @Override
    public String toString() {
        return text + " " + params;
    }
}
