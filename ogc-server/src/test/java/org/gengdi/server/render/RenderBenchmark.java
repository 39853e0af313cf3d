package org.gengdi.server.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.gengdi.server.render.Symbolizer.Stroke;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.locationtech.jts.geom.Envelope;

/**
 * Prints how long the whole county's red-line layer takes to draw and encode at 768×768 (not a test: run it with
 * the test classpath, {@code java ... org.gengdi.server.render.RenderBenchmark county.gpkg}). The 50 000-parcel
 * county holds 42 066 red-line parcels.
 */
public final class RenderBenchmark {
    public static void main(String[] args) throws Exception {
        Path gpkg = Path.of(args.length > 0 ? args[0] : "bench/target/county-50000.gpkg");
        String layerName = args.length > 1 ? args[1] : "YJJBNTBHTB";
        int size = args.length > 2 ? Integer.parseInt(args[2]) : 768;
        try (GeoPackageStore store = GeoPackageStore.openReadOnly(gpkg)) {
            FeatureSource source = store.source(layerName).orElseThrow();
            PublishedLayer layer = PublishedLayer.of(source);
            Style red = new Style("redline", "永久基本农田", List.of(new Rule("redline", "永久基本农田", null, false, 0,
                    Double.POSITIVE_INFINITY, List.of(new PolygonSymbolizer(Fill.solid(new Color(255, 0, 0, 40)),
                            Stroke.solid(new Color(0xE00000), 1))))));
            Envelope e = source.bounds();
            double d = Math.max(e.getWidth(), e.getHeight()) / 2;
            Envelope square = new Envelope(e.centre().x - d, e.centre().x + d, e.centre().y - d, e.centre().y + d);
            MapView view = MapView.of(square, source.schema().srid(), size, size, false);
            MapRenderer renderer = new MapRenderer();
            List<MapLayer> layers = List.of(new MapLayer(layer, red));
            long best = Long.MAX_VALUE;
            long total = 0;
            int runs = 15;
            BufferedImage img = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                img = renderer.render(view, layers, RenderLimits.DEFAULT);
                long t = System.nanoTime() - t0;
                if (i >= 5) {
                    best = Math.min(best, t);
                    total += t;
                }
            }
            System.out.printf("%s %d×%d, scale 1:%.0f: render best %.0f ms, mean %.0f ms%n", layerName, size, size,
                    view.scaleDenominator(), best / 1e6, total / 1e6 / (runs - 5));
            for (ImageFormat f : ImageFormat.values()) {
                long fb = Long.MAX_VALUE;
                int bytes = 0;
                for (int i = 0; i < 10; i++) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    long t0 = System.nanoTime();
                    ImageEncoders.DEFAULT.write(img, f, out);
                    fb = Math.min(fb, System.nanoTime() - t0);
                    bytes = out.size();
                }
                System.out.printf("  %-22s %6.1f ms %8d bytes%n", f.mime(), fb / 1e6, bytes);
            }
            if (args.length > 3) {
                javax.imageio.ImageIO.write(img, "png", new java.io.File(args[3]));
            }
        }
    }
}
