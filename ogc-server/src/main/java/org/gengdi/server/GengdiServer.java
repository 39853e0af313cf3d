package org.gengdi.server;

import java.nio.file.Path;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.config.GengdiSettings;
import org.gengdi.server.config.ProgressBar;
import org.gengdi.server.config.StoreFactory;
import org.gengdi.server.config.UnknownSettingsCheck;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.wfs.WfsService;
import org.gengdi.server.wms.WmsService;
import org.gengdi.server.wmts.WmtsService;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The Spring Boot application. Plain Java configuration: this class builds the settings, the store and the
 * published-layer view; every controller receives what it needs through its constructor.
 */
@SpringBootApplication
public class GengdiServer {

    /** Starts the server; returns the running context (tests stop it). */
    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(GengdiServer.class);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        return app.run(args);
    }

    @Bean
    GengdiSettings gengdiSettings(Environment env) {
        UnknownSettingsCheck.warnUnknown(env);
        GengdiSettings.PostGis pg = new GengdiSettings.PostGis(
                env.getProperty("gengdi.postgis.url"),
                env.getProperty("gengdi.postgis.user"),
                env.getProperty("gengdi.postgis.password"),
                env.getProperty("gengdi.postgis.schema", "gengdi"),
                env.getProperty("gengdi.postgis.pool-size", Integer.class, 10));
        GengdiSettings.Sample sample = new GengdiSettings.Sample(
                env.getProperty("gengdi.sample.generate-on-start", Boolean.class, true),
                env.getProperty("gengdi.sample.parcels", Integer.class, 50_000),
                env.getProperty("gengdi.sample.seed", Long.class, 20261123L));
        String dataDir = env.getProperty("gengdi.data-dir", "gengdi-data");
        String gpkg = env.getProperty("gengdi.geopackage.file");
        return new GengdiSettings(Path.of(dataDir), env.getProperty("gengdi.store"),
                gpkg == null || gpkg.isBlank() ? null : Path.of(gpkg), pg, sample).validate();
    }

    @Bean(destroyMethod = "close")
    FeatureStore featureStore(GengdiSettings settings) {
        return StoreFactory.openWithSample(settings, new ProgressBar(System.out));
    }

    @Bean
    PublishedLayers publishedLayers(FeatureStore store) {
        return new PublishedLayers(store);
    }

    @Bean
    FeatureEncoders featureEncoders() {
        return FeatureEncoders.standard();
    }

    /** WMS 1.3.0 / 1.1.1 through the OWS dispatcher ({@code /ows?SERVICE=WMS}, {@code /wms}). */
    @Bean
    WmsService wmsService(PublishedLayers layers) {
        return new WmsService(layers);
    }

    /** WMTS 1.0.0, KVP through the OWS dispatcher ({@code /wmts}) and RESTful ({@code /wmts/1.0.0/…}). */
    @Bean
    WmtsService wmtsService(PublishedLayers layers) {
        return new WmtsService(layers);
    }

    /** WFS 2.0, 1.1 and 1.0, answered through the OWS dispatcher ({@code /ows?SERVICE=WFS}, {@code /wfs}). */
    @Bean
    WfsService wfsService(PublishedLayers layers, FeatureEncoders encoders) {
        return new WfsService(layers, encoders);
    }
}
