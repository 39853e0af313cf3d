package org.gengdi.store.postgis;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.gengdi.core.store.StoreException;
import org.gengdi.core.store.StoreException.Kind;

/**
 * Maps JDBC and pool failures to the closed set of {@link StoreException} kinds, once for the whole store.
 *
 * <ul>
 * <li>{@link Kind#UNAVAILABLE}: SQLState class 08 (connection), 53 (resources, e.g. too many connections),
 *     57 (operator intervention: shutdown, statement timeout, cancel), 40 (serialization failure, deadlock),
 *     and HikariCP's pool checkout timeout ({@link SQLTransientConnectionException}) — retrying may succeed.</li>
 * <li>{@link Kind#INVALID_DATA}: class 22 (data exception) and 23 (integrity violation, e.g. duplicate ids).</li>
 * <li>{@link Kind#UNKNOWN_LAYER}: 42P01, the table went away between lookup and query.</li>
 * <li>{@link Kind#INTERNAL}: everything else (a bug in generated SQL, missing privileges, missing PostGIS).</li>
 * </ul>
 */
final class PostGisErrors {
    private static final Set<String> UNAVAILABLE_CLASSES = Set.of("08", "53", "57", "40");

    private PostGisErrors() {
    }

    static StoreException map(SQLException e, String doing) {
        return new StoreException(kindOf(e), doing + ": " + e.getMessage(), e);
    }

    static Kind kindOf(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            String state = x.getSQLState();
            if (x instanceof SQLTransientConnectionException || x instanceof SQLRecoverableException) {
                return Kind.UNAVAILABLE;
            }
            if (state == null || state.length() < 2) {
                if (x.getCause() instanceof SQLException cause && cause != x) {
                    return kindOf(cause);
                }
                continue;
            }
            String cls = state.substring(0, 2);
            if (UNAVAILABLE_CLASSES.contains(cls)) {
                return Kind.UNAVAILABLE;
            }
            if (cls.equals("22") || cls.equals("23")) {
                return Kind.INVALID_DATA;
            }
            if (state.equals("42P01")) {
                return Kind.UNKNOWN_LAYER;
            }
            return Kind.INTERNAL;
        }
        return Kind.INTERNAL;
    }

    /** Failures of the pool itself (HikariCP's PoolInitializationException is a RuntimeException). */
    static StoreException mapStartup(RuntimeException e, String doing) {
        Throwable c = e;
        while (c != null) {
            if (c instanceof SQLException s) {
                return new StoreException(kindOf(s) == Kind.INTERNAL ? Kind.UNAVAILABLE : kindOf(s),
                        doing + ": " + s.getMessage(), e);
            }
            c = c.getCause();
        }
        return new StoreException(Kind.UNAVAILABLE, doing + ": " + e.getMessage(), e);
    }
}
