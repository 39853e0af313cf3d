package org.gengdi.store.geopackage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.sqlite.Function;

/**
 * The SQL functions registered on every connection: the {@code ST_} functions the GeoPackage R-tree triggers call
 * (as GDAL registers them), and two that let case-insensitive matching run in SQLite with exactly the in-memory
 * evaluator's Unicode semantics (SQLite's own {@code lower()} and {@code LIKE} fold ASCII only).
 */
final class SqlFunctions {
    /** {@code gengdi_lower(text)}: {@link String#toLowerCase(Locale)} with {@link Locale#ROOT}. */
    static final String LOWER = "gengdi_lower";
    /** {@code gengdi_matches(text, regex, flags)}: a full {@link Pattern} match, the pattern cached per connection. */
    static final String MATCHES = "gengdi_matches";

    private SqlFunctions() {
    }

    static void register(Connection c) throws SQLException {
        Function.create(c, "ST_IsEmpty", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] b = value_blob(0);
                if (b == null) {
                    result();
                } else {
                    result(GpkgGeometry.isEmpty(b) || GpkgGeometry.envelope(b) == null ? 1 : 0);
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        envelopeFunction(c, "ST_MinX", Envelope::getMinX);
        envelopeFunction(c, "ST_MaxX", Envelope::getMaxX);
        envelopeFunction(c, "ST_MinY", Envelope::getMinY);
        envelopeFunction(c, "ST_MaxY", Envelope::getMaxY);
        Function.create(c, LOWER, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                String s = value_text(0);
                if (s == null) {
                    result();
                } else {
                    result(s.toLowerCase(Locale.ROOT));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        Function.create(c, MATCHES, new Function() {
            private String lastRegex;
            private int lastFlags;
            private Pattern last;

            @Override
            protected void xFunc() throws SQLException {
                String s = value_text(0);
                String regex = value_text(1);
                int flags = value_int(2);
                if (s == null || regex == null) {
                    result();
                    return;
                }
                if (last == null || flags != lastFlags || !regex.equals(lastRegex)) {
                    last = Pattern.compile(regex, flags);
                    lastRegex = regex;
                    lastFlags = flags;
                }
                result(last.matcher(s).matches() ? 1 : 0);
            }
        }, 3, Function.FLAG_DETERMINISTIC);
    }

    private static void envelopeFunction(Connection c, String name, ToDoubleFunction<Envelope> part)
            throws SQLException {
        Function.create(c, name, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] b = value_blob(0);
                Envelope e = b == null ? null : GpkgGeometry.envelope(b);
                if (e == null) {
                    result();
                } else {
                    result(part.applyAsDouble(e));
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }
}
