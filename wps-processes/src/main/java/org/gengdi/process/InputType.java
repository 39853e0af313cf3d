package org.gengdi.process;

import java.util.List;

/** What an input accepts. */
public sealed interface InputType {

    /**
     * A literal value.
     *
     * @param dataType      its type
     * @param allowedValues the only values allowed (empty: any)
     * @param defaultValue  the value used when the input is absent, or {@code null}
     * @param uom           its unit of measure (e.g. {@code metre}), or {@code null}
     * @param min           the smallest allowed number, or {@code null}
     * @param max           the largest allowed number, or {@code null}
     */
    record Literal(DataType dataType, List<String> allowedValues, String defaultValue, String uom, Double min,
                   Double max) implements InputType {
        public Literal {
            allowedValues = List.copyOf(allowedValues);
        }

        public static Literal of(DataType type) {
            return new Literal(type, List.of(), null, null, null, null);
        }

        public Literal withDefault(String value) {
            return new Literal(dataType, allowedValues, value, uom, min, max);
        }

        public Literal withRange(Double lo, Double hi) {
            return new Literal(dataType, allowedValues, defaultValue, uom, lo, hi);
        }

        public Literal withUom(String unit) {
            return new Literal(dataType, allowedValues, defaultValue, unit, min, max);
        }

        public static Literal oneOf(String defaultValue, String... values) {
            return new Literal(DataType.STRING, List.of(values), defaultValue, null, null, null);
        }
    }

    /**
     * Complex data: geometries or features in one of the formats.
     *
     * @param formats  the accepted formats, the default first
     * @param maxBytes the largest accepted input
     */
    record Complex(List<Format> formats, long maxBytes) implements InputType {
        public Complex {
            formats = List.copyOf(formats);
        }

        /** GeoJSON (default), GML 3.2, GML 3.1.1 and WKT geometries or features. */
        public static Complex geometries(long maxBytes) {
            return new Complex(List.of(Format.GEOJSON, Format.GML32, Format.GML31, Format.WKT), maxBytes);
        }
    }

    /**
     * A bounding box.
     *
     * @param crs the supported CRSs, the default first (e.g. {@code EPSG:4490})
     */
    record BoundingBox(List<String> crs) implements InputType {
        public BoundingBox {
            crs = List.copyOf(crs);
        }
    }

    /**
     * A published layer, by name, with an optional CQL2 filter: the process reads exactly what WMS/WFS publish.
     *
     * @param layers the layer names that make sense here (empty: any published layer)
     */
    record LayerReference(List<String> layers) implements InputType {
        public LayerReference {
            layers = List.copyOf(layers);
        }
    }
}
