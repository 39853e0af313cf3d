package org.gengdi.server.encode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The feature encoders Gengdi offers, looked up by the output format a request names. */
public final class FeatureEncoders {
    private final List<FeatureEncoder> encoders;

    public FeatureEncoders(List<FeatureEncoder> encoders) {
        this.encoders = List.copyOf(encoders);
    }

    /** GeoJSON, GML 3.2, GML 3.1.1, GML 2, CSV, KML and zipped Shapefile. */
    public static FeatureEncoders standard() {
        return new FeatureEncoders(List.of(new GeoJsonEncoder(), GmlEncoder.gml32(), GmlEncoder.gml311(),
                GmlEncoder.gml2(), new CsvEncoder(), new KmlEncoder(), new ShapefileZipEncoder()));
    }

    public List<FeatureEncoder> all() {
        return encoders;
    }

    /**
     * The encoder for an output format name such as {@code application/json} or
     * {@code text/xml; subtype="gml/3.1.1"}: compared ignoring case, blanks and quotes.
     */
    public Optional<FeatureEncoder> find(String outputFormat) {
        if (outputFormat == null) {
            return Optional.empty();
        }
        String wanted = normalise(outputFormat);
        for (FeatureEncoder e : encoders) {
            for (String name : e.formatNames()) {
                if (normalise(name).equals(wanted)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private static String normalise(String format) {
        StringBuilder b = new StringBuilder(format.length());
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (!Character.isWhitespace(c) && c != '"' && c != '\'') {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
