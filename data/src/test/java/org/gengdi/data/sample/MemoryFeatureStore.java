package org.gengdi.data.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;
import org.locationtech.jts.geom.Envelope;

/** A list-backed, transactional FeatureStore for tests: filters run through {@link FilterEvaluator}. */
final class MemoryFeatureStore implements FeatureStore {
    private final Map<String, Layer> layers = new TreeMap<>();

    private record Layer(FeatureType type, List<Feature> features, long version) {
    }

    @Override
    public String description() {
        return "memory";
    }

    @Override
    public synchronized List<String> layerNames() {
        return List.copyOf(layers.keySet());
    }

    @Override
    public synchronized Optional<FeatureSource> source(String layerName) {
        Layer l = layers.get(layerName);
        return l == null ? Optional.empty() : Optional.of(new Source(l));
    }

    @Override
    public LayerWriter write(FeatureType type, boolean replace) {
        synchronized (this) {
            if (!replace && layers.containsKey(type.name())) {
                throw new StoreException(StoreException.Kind.LAYER_EXISTS, "layer exists: " + type.name());
            }
        }
        return new Writer(type);
    }

    @Override
    public synchronized boolean drop(String layerName) {
        return layers.remove(layerName) != null;
    }

    @Override
    public void close() {
    }

    private final class Writer implements LayerWriter {
        private final FeatureType type;
        private final List<Feature> pending = new ArrayList<>();
        private boolean done;

        Writer(FeatureType type) {
            this.type = type;
        }

        @Override
        public void add(Feature feature) {
            if (done) {
                throw new IllegalStateException("writer closed");
            }
            if (!type.geometryKind().accepts(feature.geometry())) {
                throw new StoreException(StoreException.Kind.INVALID_DATA, "geometry type "
                        + feature.geometry().getGeometryType() + " in " + type.name());
            }
            String id = feature.id() != null ? feature.id() : Integer.toString(pending.size() + 1);
            Object[] values = new Object[feature.valueCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = feature.value(i);
            }
            pending.add(new Feature(type, id, feature.geometry(), values));
        }

        @Override
        public long count() {
            return pending.size();
        }

        @Override
        public void commit() {
            synchronized (MemoryFeatureStore.this) {
                Layer old = layers.get(type.name());
                layers.put(type.name(), new Layer(type, List.copyOf(pending), old == null ? 1 : old.version() + 1));
            }
            done = true;
        }

        @Override
        public void rollback() {
            pending.clear();
            done = true;
        }

        @Override
        public void close() {
            if (!done) {
                rollback();
            }
        }
    }

    private static final class Source implements FeatureSource {
        private final Layer layer;

        Source(Layer layer) {
            this.layer = layer;
        }

        @Override
        public FeatureType schema() {
            return layer.type();
        }

        @Override
        public Envelope bounds() {
            Envelope e = new Envelope();
            for (Feature f : layer.features()) {
                if (f.geometry() != null) {
                    e.expandToInclude(f.geometry().getEnvelopeInternal());
                }
            }
            return e;
        }

        @Override
        public long count(Query query) {
            return layer.features().stream().filter(selection(query)).count();
        }

        @Override
        public FeatureCursor query(Query query) {
            List<Feature> out = new ArrayList<>(layer.features().stream().filter(selection(query)).toList());
            if (!query.sortBy().isEmpty()) {
                Comparator<Feature> c = null;
                for (SortBy s : query.sortBy()) {
                    int i = layer.type().indexOf(s.property());
                    Comparator<Feature> one = (a, b) -> {
                        Object va = a.value(i);
                        Object vb = b.value(i);
                        if (va == null || vb == null) {
                            return va == null ? (vb == null ? 0 : 1) : -1;
                        }
                        return FilterEvaluator.compareValues(va, vb);
                    };
                    one = s.ascending() ? one : one.reversed();
                    c = c == null ? one : c.thenComparing(one);
                }
                out.sort(c);
            }
            return FeatureCursor.of(out).sliced(query.offset(), query.limit());
        }

        @Override
        public long version() {
            return layer.version();
        }

        private Predicate<Feature> selection(Query q) {
            Predicate<Feature> p = FilterEvaluator.compile(q.filter(), layer.type());
            if (q.bbox() == null) {
                return p;
            }
            Envelope box = q.bbox();
            return f -> f.geometry() != null && f.geometry().getEnvelopeInternal().intersects(box) && p.test(f);
        }
    }
}
