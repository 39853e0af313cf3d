package org.gengdi.server.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gengdi.server.render.TestLayers.count;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.task.ProgressListener;
import org.gengdi.data.sample.SampleCounty;
import org.gengdi.data.sample.SampleCountyOptions;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.gengdi.server.render.Symbolizer.Stroke;
import org.gengdi.server.render.Symbolizer.TextSymbolizer;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** The renderer on a small generated county in a GeoPackage: the store's index, CRSs and personal fields. */
class MapRendererSampleCountyTest {
    private static GeoPackageStore store;
    private static final Color RED = new Color(0xE00000);
    private static final Style REDLINE = new Style("redline", "永久基本农田", List.of(new Rule("r", "永久基本农田", null,
            false, 0, Double.POSITIVE_INFINITY, List.of(new PolygonSymbolizer(Fill.solid(new Color(255, 0, 0, 40)),
                    Stroke.solid(RED, 1))))));

    @BeforeAll
    static void county() throws Exception {
        Path dir = Files.createTempDirectory("gengdi-render");
        store = GeoPackageStore.open(dir.resolve("county.gpkg"));
        SampleCounty.generate(SampleCountyOptions.defaults().withCultivatedParcels(500), store, ProgressListener.NONE);
    }

    @AfterAll
    static void close() {
        if (store != null) {
            store.close();
        }
    }

    /** Counts the features read through a source. */
    record Counting(FeatureSource source, AtomicLong read) implements FeatureSource {
        public FeatureType schema() {
            return source.schema();
        }

        public Envelope bounds() {
            return source.bounds();
        }

        public long count(Query q) {
            return source.count(q);
        }

        public FeatureCursor query(Query q) {
            return source.query(q).mapped(f -> {
                read.incrementAndGet();
                return f;
            });
        }

        public boolean canPushDown(Filter f) {
            return source.canPushDown(f);
        }
    }

    private static Counting redLine() {
        return new Counting(store.source("YJJBNTBHTB").orElseThrow(), new AtomicLong());
    }

    @Test
    void theWholeCountyInItsOwnCrsAndInLonLat() {
        Counting source = redLine();
        Envelope e = source.bounds();
        long total = source.count(Query.ALL);
        MapRenderer renderer = new MapRenderer();
        List<MapLayer> layers = List.of(new MapLayer(PublishedLayer.of(source), REDLINE));
        BufferedImage gk = renderer.render(MapView.of(e, 4527, 256, 256, false), layers, RenderLimits.DEFAULT);
        assertThat(source.read().get()).isEqualTo(total);
        Envelope lonLat = CrsRegistry.get().transform(4527, 4490).transform(e);
        BufferedImage geo = renderer.render(MapView.of(lonLat, 4490, 256, 256, false), layers, RenderLimits.DEFAULT);
        long redGk = count(gk, c -> TestLayers.near(c, RED, 60));
        long redGeo = count(geo, c -> TestLayers.near(c, RED, 60));
        assertThat(redGk).isGreaterThan(2000);
        assertThat((double) redGeo).isCloseTo(redGk, org.assertj.core.data.Percentage.withPercentage(15));
    }

    @Test
    void aSmallViewReadsOnlyWhatItShows() {
        Counting source = redLine();
        Envelope e = source.bounds();
        long total = source.count(Query.ALL);
        Envelope corner = new Envelope(e.getMinX(), e.getMinX() + e.getWidth() / 10, e.getMinY(),
                e.getMinY() + e.getHeight() / 10);
        new MapRenderer().render(MapView.of(corner, 4527, 256, 256, false),
                List.of(new MapLayer(PublishedLayer.of(source), REDLINE)), RenderLimits.DEFAULT);
        assertThat(source.read().get()).isLessThan(total / 5);
    }

    @Test
    void personalFieldsAreNeverLabelled() {
        PublishedLayer layer = PublishedLayer.of(store.source("YJJBNTBHTB").orElseThrow());
        assertThat(layer.hidden()).contains("ZRRMC");
        Style names = new Style("names", null, List.of(new Rule("n", null, null, false, 0, Double.POSITIVE_INFINITY,
                List.of(new TextSymbolizer("ZRRMC", new Symbolizer.Font(null, 12, false, false), Color.BLACK, null,
                        0.5, 0.5, 0, 0, 0)))));
        Envelope e = layer.source().bounds();
        Envelope centre = new Envelope(e.centre());
        centre.expandBy(300);
        BufferedImage img = new MapRenderer().render(MapView.of(centre, 4527, 512, 512, false),
                List.of(new MapLayer(layer, names)), RenderLimits.DEFAULT);
        assertThat(count(img, c -> (c & 0xFFFFFF) != 0xFFFFFF)).isZero();
    }
}
