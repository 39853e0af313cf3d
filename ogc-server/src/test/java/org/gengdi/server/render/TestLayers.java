package org.gengdi.server.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Tiny in-memory layers for renderer tests: features from WKT, and a source that records its queries. */
final class TestLayers {
    static final int SRID = 4527;
    /** NAME and CODE are public, OWNER is personal (never published, never labelled). */
    static final FeatureType TYPE = new FeatureType("PARCELS", "测试图斑", "geom", GeometryKind.GEOMETRY, SRID,
            List.of(AttributeDef.string("NAME", 50, "名称"), AttributeDef.of("CODE", AttributeType.INTEGER, "代码"),
                    AttributeDef.string("OWNER", 50, "责任人").asPersonal()));

    private TestLayers() {
    }

    static Geometry wkt(String text) {
        try {
            Geometry g = new WKTReader().read(text);
            g.setSRID(SRID);
            return g;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Feature feature(String id, String wkt, String name, Integer code) {
        return new Feature.Builder(TYPE).set("NAME", name).set("CODE", code).set("OWNER", "张三")
                .geometry(wkt(wkt)).build(id);
    }

    static RecordingSource source(Feature... features) {
        return new RecordingSource(TYPE, List.of(features));
    }

    static MapLayer layer(RecordingSource source, Style style) {
        return new MapLayer(PublishedLayer.of(source), style);
    }

    static Style style(Rule... rules) {
        return new Style("test", "测试", List.of(rules));
    }

    static Rule rule(Symbolizer... symbolizers) {
        return new Rule("r", null, null, false, 0, Double.POSITIVE_INFINITY, List.of(symbolizers));
    }

    static PolygonSymbolizer fill(Color c) {
        return new PolygonSymbolizer(Fill.solid(c), null);
    }

    /** A white 100×100 px map of (0,0)–(100,100) in the layers' CRS: one map unit a pixel. */
    static MapView view100() {
        return MapView.of(new Envelope(0, 100, 0, 100), SRID, 100, 100, false);
    }

    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    static int count(BufferedImage img, Predicate<Integer> argb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (argb.test(img.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** True for pixels close to a colour (antialiasing aside). */
    static boolean near(int argb, Color c, int tolerance) {
        return Math.abs(((argb >> 16) & 255) - c.getRed()) <= tolerance
                && Math.abs(((argb >> 8) & 255) - c.getGreen()) <= tolerance
                && Math.abs((argb & 255) - c.getBlue()) <= tolerance;
    }

    /** A source over features in memory that evaluates bbox and filter itself and records what it was asked. */
    static final class RecordingSource implements FeatureSource {
        final FeatureType type;
        final List<Feature> features;
        final List<Query> queries = new ArrayList<>();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger read = new AtomicInteger();

        RecordingSource(FeatureType type, List<Feature> features) {
            this.type = type;
            this.features = features;
        }

        @Override
        public FeatureType schema() {
            return type;
        }

        @Override
        public Envelope bounds() {
            Envelope e = new Envelope();
            features.forEach(f -> e.expandToInclude(f.geometry().getEnvelopeInternal()));
            return e;
        }

        @Override
        public long count(Query query) {
            return matching(query).size();
        }

        private List<Feature> matching(Query q) {
            Predicate<Feature> p = FilterEvaluator.compile(q.filter(), type);
            return features.stream().filter(f -> q.bbox() == null
                    || q.bbox().intersects(f.geometry().getEnvelopeInternal())).filter(p).toList();
        }

        @Override
        public FeatureCursor query(Query query) {
            queries.add(query);
            List<Feature> list = matching(query);
            open.incrementAndGet();
            return new FeatureCursor() {
                int i;
                boolean closed;

                public boolean hasNext() {
                    return i < list.size();
                }

                public Feature next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    read.incrementAndGet();
                    return list.get(i++);
                }

                public void close() {
                    if (!closed) {
                        closed = true;
                        open.decrementAndGet();
                    }
                }
            };
        }
    }
}
