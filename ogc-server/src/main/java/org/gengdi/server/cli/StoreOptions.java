package org.gengdi.server.cli;

import java.nio.file.Path;
import org.gengdi.server.config.GengdiSettings;
import picocli.CommandLine.Option;

/** Options that choose the store, shared by the sub-commands; defaults come from the environment (GENGDI_*). */
public final class StoreOptions {
    @Option(names = "--store", description = "geopackage (default) or postgis")
    String store = env("GENGDI_STORE");

    @Option(names = "--data-dir", description = "data directory (default ./gengdi-data)")
    Path dataDir = envPath("GENGDI_DATA_DIR");

    @Option(names = {"--gpkg", "--geopackage"}, description = "GeoPackage file (default <data-dir>/sample-county.gpkg)")
    Path geopackage = envPath("GENGDI_GEOPACKAGE_FILE");

    @Option(names = "--postgis-url", description = "jdbc:postgresql://host:port/db (implies --store postgis)")
    String postgisUrl = env("GENGDI_POSTGIS_URL");

    @Option(names = "--postgis-user")
    String postgisUser = env("GENGDI_POSTGIS_USER");

    @Option(names = "--postgis-password")
    String postgisPassword = env("GENGDI_POSTGIS_PASSWORD");

    @Option(names = "--postgis-schema")
    String postgisSchema = env("GENGDI_POSTGIS_SCHEMA");

    GengdiSettings settings(boolean generateSample, int parcels, long seed) {
        String s = store;
        if (s == null && postgisUrl != null && !postgisUrl.isBlank()) {
            s = GengdiSettings.POSTGIS;
        }
        return new GengdiSettings(dataDir, s, geopackage,
                new GengdiSettings.PostGis(postgisUrl, postgisUser, postgisPassword,
                        postgisSchema == null ? "gengdi" : postgisSchema, 4),
                new GengdiSettings.Sample(generateSample, parcels, seed)).validate();
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? null : v;
    }

    private static Path envPath(String name) {
        String v = env(name);
        return v == null ? null : Path.of(v);
    }
}
