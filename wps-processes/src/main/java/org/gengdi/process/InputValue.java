package org.gengdi.process;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** One decoded value of an input; the engine checks it against the input's {@link InputType} before execution. */
public sealed interface InputValue {

    /**
     * A literal.
     *
     * @param text  the value as given
     * @param value the value parsed into the input's data type (String, Long, Double or Boolean)
     */
    record Literal(String text, Object value) implements InputValue {
    }

    /**
     * Geometries or features decoded from complex data.
     *
     * @param features the features (a bare geometry is one feature without properties)
     * @param srid     their CRS
     */
    record Features(List<GeoFeature> features, int srid) implements InputValue {
        public Features {
            features = List.copyOf(features);
        }
    }

    /**
     * A bounding box (x = easting/longitude).
     *
     * @param box  the box
     * @param srid its CRS
     */
    record BoundingBox(Envelope box, int srid) implements InputValue {
    }

    /**
     * A published layer and an optional CQL2 text filter over its public attributes.
     *
     * @param layer  the layer name
     * @param filter the filter, or {@code null} for the whole layer
     */
    record LayerReference(String layer, String filter) implements InputValue {
    }
}
