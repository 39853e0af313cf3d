package org.gengdi.core.feature;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature: an id unique in its layer, a geometry, and values aligned with its type's attributes.
 * The values array is owned by the feature; callers must not change it.
 */
public final class Feature {
    private final FeatureType type;
    private final String id;
    private final Geometry geometry;
    private final Object[] values;

    public Feature(FeatureType type, String id, Geometry geometry, Object[] values) {
        this.type = Objects.requireNonNull(type, "type");
        this.id = id;
        this.geometry = geometry;
        if (values.length != type.attributes().size()) {
            throw new IllegalArgumentException("expected " + type.attributes().size() + " values for "
                    + type.name() + ", got " + values.length);
        }
        this.values = values;
    }

    public FeatureType type() {
        return type;
    }

    public String id() {
        return id;
    }

    public Geometry geometry() {
        return geometry;
    }

    /** The value at an attribute index of {@link #type()}. */
    public Object value(int index) {
        return values[index];
    }

    /** The value of the named attribute, or {@code null} when absent or unknown. */
    public Object get(String attributeName) {
        int i = type.indexOf(attributeName);
        return i < 0 ? null : values[i];
    }

    public int valueCount() {
        return values.length;
    }

    /** The attribute values by name, in schema order (a copy). */
    public Map<String, Object> properties() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(type.attributes().get(i).name(), values[i]);
        }
        return m;
    }

    public Feature withGeometry(Geometry g) {
        return new Feature(type, id, g, values);
    }

    @Override
    public String toString() {
        return type.name() + "." + id + properties();
    }

    /** Builds features of one type by attribute name. */
    public static final class Builder {
        private final FeatureType type;
        private Object[] values;
        private Geometry geometry;

        public Builder(FeatureType type) {
            this.type = type;
            this.values = new Object[type.attributes().size()];
        }

        public Builder set(String name, Object value) {
            int i = type.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no attribute " + name + " in " + type.name());
            }
            values[i] = type.attributes().get(i).type().coerce(value);
            return this;
        }

        public Builder geometry(Geometry g) {
            this.geometry = g;
            return this;
        }

        public Feature build(String id) {
            Feature f = new Feature(type, id, geometry, values);
            values = new Object[type.attributes().size()];
            geometry = null;
            return f;
        }
    }
}
