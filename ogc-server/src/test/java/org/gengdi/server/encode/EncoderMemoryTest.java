package org.gengdi.server.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Every encoder writes 200 000 generated parcels with flat memory: the heap in use after a full collection, taken
 * half-way through, after the last feature and after the write, never grows by 16 MB or more over what it was
 * before. A document built in memory would hold tens of megabytes at the last feature.
 */
class EncoderMemoryTest {
    private static final int FEATURES = 200_000;
    private static final long LIMIT = 16L << 20;

    static Stream<FeatureEncoder> encoders() {
        return FeatureEncoders.standard().all().stream();
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void memoryStaysFlat(FeatureEncoder encoder) throws IOException {
        FeatureCollectionInfo info = FeatureCollectionInfo.of(RedLineParcels.TYPE,
                        RedLineParcels.crs("urn:ogc:def:crs:EPSG::4326"))
                .withCounts((long) FEATURES, (long) FEATURES);
        CountingSink sink = new CountingSink();
        long before = usedAfterGc();
        GeneratedParcels cursor = new GeneratedParcels(RedLineParcels.TYPE, FEATURES);
        try (cursor) {
            encoder.write(info, cursor, sink);
        }
        long after = usedAfterGc();
        long peak = Math.max(cursor.peakUsed, after);
        assertThat(cursor.made).isEqualTo(FEATURES);
        assertThat(sink.bytes).as("bytes written").isGreaterThan(FEATURES * 20L); // zipped: ~34 bytes a feature
        assertThat(peak - before).as("heap growth of %s (%d bytes written)", encoder.mimeType(), sink.bytes)
                .isLessThan(LIMIT);
    }

    static long usedAfterGc() {
        Runtime r = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // a few rounds: finalisable and soft-referenced garbage goes in the later ones
            System.gc();
            used = Math.min(used, r.totalMemory() - r.freeMemory());
        }
        return used;
    }

    /** Parcels made on demand, each a small polygon with a few values; heap sampled half-way and at the end. */
    static final class GeneratedParcels implements FeatureCursor {
        private static final GeometryFactory GF = new GeometryFactory();
        private final int count;
        private final Feature.Builder builder;
        int made;
        long peakUsed;

        GeneratedParcels(FeatureType type, int count) {
            this.count = count;
            this.builder = new Feature.Builder(type);
        }

        @Override
        public boolean hasNext() {
            return made < count;
        }

        @Override
        public Feature next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (made == count / 2 || made == count - 1) {
                peakUsed = Math.max(peakUsed, usedAfterGc());
            }
            int i = made++;
            double x = 114 + (i % 1000) * 0.001;
            double y = 38 + (i / 1000) * 0.001;
            Coordinate[] ring = {new Coordinate(x, y), new Coordinate(x + 0.0009, y), new Coordinate(x + 0.0009,
                    y + 0.0009), new Coordinate(x, y + 0.0009), new Coordinate(x, y)};
            return builder.set("BSM", Integer.toString(1_000_000 + i)).set("DLBM", "0101").set("ZLDWMC", "王家村")
                    .set("YJJBNTTBMJ", 8100.0 + i % 7).set("SJNF", 2023).set("BHKSSJ", LocalDate.of(2020, 1, 1))
                    .geometry(GF.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {GF.createPolygon(ring)}))
                    .build(Integer.toString(i + 1));
        }

        @Override
        public void close() {
        }
    }

    /** Discards bytes, counting them. */
    static final class CountingSink extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
