package org.gengdi.store.postgis;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings of a {@link PostGisStore}.
 *
 * @param jdbcUrl           {@code jdbc:postgresql://host:port/database}, optionally with driver parameters
 * @param user              the user, or {@code null} to take it from the URL
 * @param password          the password, or {@code null} (URL parameter, {@code .pgpass}, or trust)
 * @param schema            the schema holding the layer tables and the {@code gengdi_layer} metadata table
 * @param poolSize          maximum pooled connections; each open cursor and each open writer holds one
 * @param connectionTimeout how long to wait for a connection (TCP connect and pool checkout)
 * @param statementTimeout  server-side limit per statement ({@link Duration#ZERO}: none); writers lift it
 */
public record PostGisConfig(String jdbcUrl, String user, String password, String schema, int poolSize,
                            Duration connectionTimeout, Duration statementTimeout) {

    public static final String DEFAULT_SCHEMA = "gengdi";

    public PostGisConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl.replaceAll("\\?.*", ""));
        }
        if (schema == null || schema.isBlank()) {
            schema = DEFAULT_SCHEMA;
        }
        if (!schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("schema names are ASCII identifiers of at most 63 characters: " + schema);
        }
        if (poolSize <= 0) {
            poolSize = 20;
        }
        if (connectionTimeout == null || connectionTimeout.isZero() || connectionTimeout.isNegative()) {
            connectionTimeout = Duration.ofSeconds(5);
        }
        if (connectionTimeout.toMillis() < 250) {
            connectionTimeout = Duration.ofMillis(250); // HikariCP's minimum
        }
        if (statementTimeout == null || statementTimeout.isNegative()) {
            statementTimeout = Duration.ofSeconds(60);
        }
    }

    /** Defaults for everything but the URL: schema {@code gengdi}, 20 connections, 5 s connect, 60 s statements. */
    public static PostGisConfig of(String jdbcUrl) {
        return new PostGisConfig(jdbcUrl, null, null, DEFAULT_SCHEMA, 20, null, null);
    }

    public PostGisConfig withCredentials(String newUser, String newPassword) {
        return new PostGisConfig(jdbcUrl, newUser, newPassword, schema, poolSize, connectionTimeout, statementTimeout);
    }

    public PostGisConfig withSchema(String newSchema) {
        return new PostGisConfig(jdbcUrl, user, password, newSchema, poolSize, connectionTimeout, statementTimeout);
    }

    public PostGisConfig withPoolSize(int size) {
        return new PostGisConfig(jdbcUrl, user, password, schema, size, connectionTimeout, statementTimeout);
    }

    public PostGisConfig withTimeouts(Duration connect, Duration statement) {
        return new PostGisConfig(jdbcUrl, user, password, schema, poolSize, connect, statement);
    }

    /** The URL without its parameters (which may carry a password), for logs and descriptions. */
    public String safeUrl() {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }

    @Override
    public String toString() {
        return "PostGisConfig[" + safeUrl() + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", schema=" + schema + ", poolSize=" + poolSize + ", connectionTimeout=" + connectionTimeout
                + ", statementTimeout=" + statementTimeout + "]";
    }
}
