package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.stream.Stream;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When the store fails after some features have gone out, the exception reaches the caller and the output is not
 * a complete-looking document: a client must not take half a county for all of it.
 */
class FailureMidwayTest {

    static Stream<FeatureEncoder> encoders() {
        return FeatureEncoders.standard().all().stream();
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void theStoreErrorPassesThroughAndTheOutputIsNotComplete(FeatureEncoder encoder) {
        FeatureCollectionInfo info = FeatureCollectionInfo.of(RedLineParcels.TYPE, RedLineParcels.crs("EPSG:4326"))
                .withCounts(3L, 3L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> encoder.write(info, new FailingCursor(), out))
                .isInstanceOf(IllegalStateException.class).hasMessage("database connection lost");
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("</wfs:FeatureCollection>").doesNotContain("</kml>");
        if (encoder instanceof GeoJsonEncoder) {
            assertThatThrownBy(() -> new ObjectMapper().readTree(out.toByteArray())).isNotNull();
        }
        if (encoder instanceof ShapefileZipEncoder) {
            assertThat(out.size()).as("nothing zipped").isZero();
        }
    }

    /** Two features, then the failure. */
    private static final class FailingCursor implements FeatureCursor {
        private final Iterator<Feature> features = RedLineParcels.features().subList(0, 2).iterator();

        @Override
        public boolean hasNext() {
            return true;
        }

        @Override
        public Feature next() {
            if (!features.hasNext()) {
                throw new IllegalStateException("database connection lost");
            }
            return features.next();
        }

        @Override
        public void close() {
        }
    }
}
