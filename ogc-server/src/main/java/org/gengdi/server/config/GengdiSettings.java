package org.gengdi.server.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gengdi's own settings, read from {@code application.yml} / environment variables ({@code GENGDI_*}) by the
 * server and from options by the CLI. {@link #validate()} stops start-up with a clear message on bad values.
 *
 * @param dataDir   working data directory (sample GeoPackage, job files); default {@code ./gengdi-data}
 * @param store     {@code geopackage} (embedded default) or {@code postgis}
 * @param geopackage the GeoPackage file; default {@code <dataDir>/sample-county.gpkg}
 * @param postgis   PostGIS connection settings, used when {@code store=postgis}
 * @param sample    sample-county generation on first start
 */
public record GengdiSettings(Path dataDir, String store, Path geopackage, PostGis postgis, Sample sample) {

    /** PostGIS connection settings. */
    public record PostGis(String url, String user, String password, String schema, int poolSize) {
    }

    /** Sample county generation settings. */
    public record Sample(boolean generateOnStart, int parcels, long seed) {
    }

    public static final String GEOPACKAGE = "geopackage";
    public static final String POSTGIS = "postgis";

    public GengdiSettings {
        dataDir = dataDir == null ? Path.of("gengdi-data") : dataDir;
        store = store == null || store.isBlank() ? GEOPACKAGE : store.trim().toLowerCase(Locale.ROOT);
        geopackage = geopackage == null ? dataDir.resolve("sample-county.gpkg") : geopackage;
        postgis = postgis == null ? new PostGis(null, null, null, "gengdi", 10) : postgis;
        sample = sample == null ? new Sample(true, 50_000, 20261123L) : sample;
    }

    public static GengdiSettings defaults() {
        return new GengdiSettings(null, null, null, null, null);
    }

    /** The problems with these settings, empty when they are usable. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!store.equals(GEOPACKAGE) && !store.equals(POSTGIS)) {
            p.add("gengdi.store must be 'geopackage' or 'postgis', not '" + store + "'");
        }
        if (store.equals(POSTGIS)) {
            if (postgis.url() == null || !postgis.url().startsWith("jdbc:postgresql:")) {
                p.add("gengdi.postgis.url (GENGDI_POSTGIS_URL) must be a jdbc:postgresql:// URL when gengdi.store=postgis");
            }
            if (postgis.schema() == null || !postgis.schema().matches("[a-z_][a-z0-9_]{0,62}")) {
                p.add("gengdi.postgis.schema must be a lower-case SQL identifier, not '" + postgis.schema() + "'");
            }
            if (postgis.poolSize() < 1 || postgis.poolSize() > 200) {
                p.add("gengdi.postgis.pool-size must be between 1 and 200");
            }
        }
        if (sample.parcels() < 500 || sample.parcels() > 1_000_000) {
            p.add("gengdi.sample.parcels must be between 500 and 1000000");
        }
        return p;
    }

    /** Throws {@link IllegalStateException} listing every problem. */
    public GengdiSettings validate() {
        List<String> p = problems();
        if (!p.isEmpty()) {
            throw new IllegalStateException("invalid configuration:\n  - " + String.join("\n  - ", p));
        }
        return this;
    }
}
