package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FeatureEncodersTest {
    private final FeatureEncoders encoders = FeatureEncoders.standard();

    @Test
    void findsEncodersByTheNamesClientsUse() {
        assertThat(encoders.find("application/json")).containsInstanceOf(GeoJsonEncoder.class);
        assertThat(encoders.find("application/json; subtype=geojson")).containsInstanceOf(GeoJsonEncoder.class);
        assertThat(encoders.find("application/geo+json")).containsInstanceOf(GeoJsonEncoder.class);
        assertThat(encoders.find("text/xml; subtype=\"gml/3.1.1\"")).get()
                .extracting(e -> ((GmlEncoder) e).version()).isEqualTo(GmlVersion.GML_3_1_1);
        assertThat(encoders.find("application/gml+xml;version=3.2")).get()
                .extracting(e -> ((GmlEncoder) e).version()).isEqualTo(GmlVersion.GML_3_2);
        assertThat(encoders.find("text/xml; subtype=gml/3.2")).get()
                .extracting(e -> ((GmlEncoder) e).version()).isEqualTo(GmlVersion.GML_3_2);
        assertThat(encoders.find("GML2")).get()
                .extracting(e -> ((GmlEncoder) e).version()).isEqualTo(GmlVersion.GML_2_1_2);
        assertThat(encoders.find("SHAPE-ZIP")).containsInstanceOf(ShapefileZipEncoder.class);
        assertThat(encoders.find("text/csv")).containsInstanceOf(CsvEncoder.class);
        assertThat(encoders.find("kml")).containsInstanceOf(KmlEncoder.class);
        assertThat(encoders.find("image/png")).isEmpty();
        assertThat(encoders.find(null)).isEmpty();
    }

    @Test
    void everyEncoderNamesItsOwnMimeTypeFirstAndNoNameIsTaken() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (FeatureEncoder e : encoders.all()) {
            assertThat(e.formatNames().get(0)).isEqualTo(e.mimeType());
            for (String name : e.formatNames()) {
                assertThat(seen.add(name.replace(" ", "").toLowerCase())).as(name).isTrue();
            }
        }
    }
}
