package org.gengdi.process;

import java.util.List;

/** One output value a process returns; the engine encodes it in the format the client asked for. */
public sealed interface OutputValue {

    /** A literal (String, Number or Boolean). */
    record Literal(Object value) implements OutputValue {
    }

    /**
     * Features (or bare geometries as features without properties).
     *
     * @param features the features
     * @param srid     their CRS
     */
    record Features(List<GeoFeature> features, int srid) implements OutputValue {
        public Features {
            features = List.copyOf(features);
        }
    }

    /**
     * A finished document, e.g. a JSON table or an HTML report.
     *
     * @param mediaType its media type
     * @param content   its bytes
     */
    record Document(String mediaType, byte[] content) implements OutputValue {
    }
}
