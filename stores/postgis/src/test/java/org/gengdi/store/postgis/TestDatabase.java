package org.gengdi.store.postgis;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The live PostGIS database of the tests: its URL comes from the system property {@code gengdi.test.pg.url}
 * (set by {@code scripts/pg-env.sh} through Maven). Without it the live tests are skipped; with it, an
 * unreachable database fails them. Each test class works in its own fresh schema.
 */
final class TestDatabase {
    static final String PROPERTY = "gengdi.test.pg.url";
    static final String SKIPPED = PROPERTY + " is not set: PostGIS tests skipped (run `source scripts/pg-env.sh` "
            + "and pass -D" + PROPERTY + "=\"$GENGDI_TEST_PG_URL\" to Maven)";

    private TestDatabase() {
    }

    /** The JDBC URL, or a skipped test when none is configured. */
    static String url() {
        String url = System.getProperty(PROPERTY, "");
        assumeTrue(url != null && !url.isBlank(), SKIPPED);
        return url;
    }

    /** A schema name no other test run uses. */
    static String freshSchema(String prefix) {
        return prefix + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /** A store on a fresh schema; 24 connections so that the contract's 16 simultaneous cursors fit. */
    static PostGisStore open(String schema) {
        return PostGisStore.open(PostGisConfig.of(url()).withSchema(schema).withPoolSize(24));
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    static void dropSchema(String schema) {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + LayerTable.quote(schema) + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test schema " + schema, e);
        }
    }
}
