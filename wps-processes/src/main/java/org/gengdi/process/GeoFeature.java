package org.gengdi.process;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature passed into or out of a process: an id, a geometry (x = easting/longitude), and properties.
 *
 * @param id         the id, or {@code null}
 * @param geometry   the geometry, or {@code null}
 * @param properties its properties in order (values: String, Number, Boolean, or null)
 */
public record GeoFeature(String id, Geometry geometry, Map<String, Object> properties) {
    public GeoFeature {
        properties = properties == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(properties));
    }
}
