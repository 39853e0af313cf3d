package org.gengdi.server;

import java.nio.file.Path;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.config.GengdiSettings;
import org.gengdi.server.config.ProgressBar;
import org.gengdi.server.config.StoreFactory;
import org.gengdi.server.config.UnknownSettingsCheck;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.jobs.ProcessEngine;
import org.gengdi.server.jobs.ProcessingSettings;
import org.gengdi.process.ProcessRegistry;
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

    /** Process engine settings ({@code gengdi.processes.*}, {@code gengdi.jobs.*}). */
    @Bean
    ProcessingSettings processingSettings(Environment env, GengdiSettings settings) {
        ProcessingSettings d = ProcessingSettings.defaults(defaultInstanceId(settings));
        ProcessingSettings s = new ProcessingSettings(
                env.getProperty("gengdi.jobs.workers", Integer.class, d.workers()),
                env.getProperty("gengdi.jobs.queue-limit", Integer.class, d.queueLimit()),
                env.getProperty("gengdi.processes.sync-concurrency", Integer.class, d.syncConcurrency()),
                env.getProperty("gengdi.processes.sync-wait", java.time.Duration.class, d.syncWait()),
                env.getProperty("gengdi.jobs.retention", java.time.Duration.class, d.retention()),
                env.getProperty("gengdi.processes.max-time", java.time.Duration.class, d.maxTime()),
                env.getProperty("gengdi.processes.max-input-bytes", Long.class, d.maxInputBytes()),
                env.getProperty("gengdi.processes.max-features", Integer.class, d.maxFeatures()),
                java.util.Arrays.stream(env.getProperty("gengdi.processes.reference-allow", "").split(","))
                        .map(String::strip).filter(x -> !x.isEmpty()).toList(),
                env.getProperty("gengdi.processes.diagnostic", Boolean.class, false),
                env.getProperty("gengdi.jobs.instance-id", d.instanceId()),
                env.getProperty("gengdi.jobs.heartbeat", java.time.Duration.class, d.heartbeat()),
                env.getProperty("gengdi.jobs.stale-after", java.time.Duration.class, d.staleAfter()));
        java.util.List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("invalid configuration:\n  - " + String.join("\n  - ", problems));
        }
        return s;
    }

    /** Host name and data directory: stable across restarts of one deployment, distinct between deployments. */
    private static String defaultInstanceId(GengdiSettings settings) {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + ":" + settings.dataDir().toAbsolutePath().normalize();
    }

    /** The processes (WPS and OGC API Processes) and the durable job queue in the active store's database. */
    @Bean(destroyMethod = "close")
    ProcessEngine processEngine(FeatureStore store, PublishedLayers layers, ProcessingSettings settings) {
        return new ProcessEngine(ProcessRegistry.standard(settings.diagnostic()), store.openJobs().orElse(null),
                layers, settings);
    }

    /** The meters of {@code /metrics}: requests by service/operation/status, JVM, the job queue. */
    @Bean
    io.micrometer.prometheusmetrics.PrometheusMeterRegistry meterRegistry(ProcessEngine engine) {
        var registry = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
        new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
        if (engine.asyncAvailable()) {
            io.micrometer.core.instrument.Gauge.builder("gengdi.jobs.queued", engine, e -> {
                try {
                    return e.queued();
                } catch (RuntimeException x) {
                    return Double.NaN; // the store is away: no figure rather than a failed scrape
                }
            }).description("accepted jobs waiting for a worker").register(registry);
        }
        return registry;
    }

    /** Per-service concurrency limits, metrics and the access log, in front of every request. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<org.gengdi.server.ops.RequestGovernor> requestGovernor(
            Environment env, io.micrometer.prometheusmetrics.PrometheusMeterRegistry registry) {
        java.util.Map<String, Integer> limits = org.gengdi.server.ops.ServiceLimits.defaults();
        for (String service : org.gengdi.server.ops.ServiceLimits.SERVICES) {
            Integer n = env.getProperty("gengdi.limits." + service, Integer.class);
            if (n != null) {
                if (n < 1 || n > 10_000) {
                    throw new IllegalStateException("invalid configuration: gengdi.limits." + service
                            + " must be 1 to 10000");
                }
                limits.put(service, n);
            }
        }
        var governor = new org.gengdi.server.ops.RequestGovernor(new org.gengdi.server.ops.ServiceLimits(limits,
                env.getProperty("gengdi.limits.wait", java.time.Duration.class, java.time.Duration.ofSeconds(1))),
                registry);
        var bean = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(governor);
        bean.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 10);
        bean.addUrlPatterns("/*");
        return bean;
    }

    /** WPS 1.0.0 through the OWS dispatcher ({@code /ows?SERVICE=WPS}, {@code /wps}), over the process engine. */
    @Bean
    org.gengdi.server.wps.WpsService wpsService(ProcessEngine engine, PublishedLayers layers) {
        return new org.gengdi.server.wps.WpsService(engine, layers);
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
