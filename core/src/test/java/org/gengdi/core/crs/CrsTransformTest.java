package org.gengdi.core.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKTReader;

class CrsTransformTest {

    private static final double R = 6378137.0;
    private final CrsRegistry registry = CrsRegistry.get();

    private double[] transform(int from, int to, double x, double y) {
        double[] xy = {x, y};
        registry.transform(from, to).transform(xy);
        return xy;
    }

    @Test
    void centralMeridianMapsToTheFalseEastingAndTheMeridianArc() {
        double[] en = transform(4490, 4527, 117, 32);
        assertThat(en[0]).isCloseTo(39_500_000, within(1e-6));
        assertThat(en[1]).isCloseTo(KruegerSeries.meridianArc(32), within(1e-4)).isBetween(3_541_000.0, 3_543_000.0);
        double[] plain = transform(4490, 4548, 117, 32);
        assertThat(plain[0]).isCloseTo(500_000, within(1e-6));
        assertThat(plain[1]).isEqualTo(en[1]);
    }

    /** proj4j's Transverse Mercator agrees with an independent Krüger series to a millimetre across the zone. */
    @ParameterizedTest(name = "EPSG:{0} lon {1} lat {2}")
    @CsvSource({
            "4527, 117.0, 32.0", "4527, 118.4, 31.5", "4527, 115.55, 33.9", "4527, 118.5, 30.0",
            "4548, 116.1, 32.7", "4522, 103.4, 25.0", "4530, 124.6, 45.8", "4498, 119.9, 36.1",
            "4509, 114.2, 22.5", "4513, 76.3, 39.5", "4533, 134.2, 48.3"})
    void forwardAgreesWithKruegerSeries(int srid, double lon, double lat) {
        GkZone z = registry.gkZone(srid).orElseThrow();
        double[] expected = KruegerSeries.forward(lon, lat, z.centralMeridian(), z.falseEasting());
        double[] en = transform(4490, srid, lon, lat);
        assertThat(en[0]).isCloseTo(expected[0], within(1e-3));
        assertThat(en[1]).isCloseTo(expected[1], within(1e-3));
        double[] back = transform(srid, 4490, en[0], en[1]);
        assertThat(back[0]).isCloseTo(lon, within(1e-10));
        assertThat(back[1]).isCloseTo(lat, within(1e-10));
        double[] viaSeries = KruegerSeries.inverse(en[0], en[1], z.centralMeridian(), z.falseEasting());
        assertThat(viaSeries[0]).isCloseTo(lon, within(1e-9));
        assertThat(viaSeries[1]).isCloseTo(lat, within(1e-9));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"39500000, 3541852.43", "39632145.678, 3487260.1", "39381234.5, 3753515.9", "39644000, 3321060",
            "39500123.4567, 3600000.0001"})
    void gaussKrugerRoundTripWithinAMicrometre(double e, double n) {
        double[] lonLat = transform(4527, 4490, e, n);
        double[] back = transform(4490, 4527, lonLat[0], lonLat[1]);
        assertThat(back[0]).isCloseTo(e, within(1e-6));
        assertThat(back[1]).isCloseTo(n, within(1e-6));
    }

    @Test
    void zonePrefixChangesOnlyTheEasting() {
        double[] prefixed = {39_612_345.678, 3_541_234.5};
        double[] plain = prefixed.clone();
        registry.transform(4527, 4548).transform(plain);
        assertThat(plain[0]).isCloseTo(612_345.678, within(1e-6));
        assertThat(plain[1]).isCloseTo(3_541_234.5, within(1e-6));
    }

    @Test
    void neighbouringZonesAgreeOnTheGround() {
        // a point near the zone boundary, expressed in zone 39 and zone 40, is the same lon/lat
        double[] z39 = transform(4490, 4527, 118.49, 32.1);
        double[] z40 = transform(4490, 4528, 118.49, 32.1);
        double[] fromZ40 = transform(4528, 4527, z40[0], z40[1]);
        assertThat(fromZ40[0]).isCloseTo(z39[0], within(1e-6));
        assertThat(fromZ40[1]).isCloseTo(z39[1], within(1e-6));
    }

    @ParameterizedTest
    @CsvSource({"117, 32", "0, 0", "-73.98, 40.75", "116.39, 39.91", "179.9, -60", "117, 85"})
    void webMercatorIsTheSphericalFormula(double lon, double lat) {
        double[] xy = transform(4490, 3857, lon, lat);
        assertThat(xy[0]).isCloseTo(R * Math.toRadians(lon), within(1e-6));
        assertThat(xy[1]).isCloseTo(R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)), within(1e-6));
        double[] back = transform(3857, 4326, xy[0], xy[1]);
        assertThat(back[0]).isCloseTo(lon, within(1e-9));
        assertThat(back[1]).isCloseTo(lat, within(1e-9));
    }

    @Test
    void webMercatorClampsThePoles() {
        double[] xy = transform(4326, 3857, 10, 90);
        double[] limit = transform(4326, 3857, 10, 85.05112877980659);
        assertThat(xy[1]).isEqualTo(limit[1]).isCloseTo(20037508.342789244, within(1e-3));
    }

    @Test
    void gaussKrugerToWebMercatorGoesThroughLonLat() {
        double[] xy = transform(4527, 3857, 39_500_000, KruegerSeries.meridianArc(32));
        assertThat(xy[0]).isCloseTo(R * Math.toRadians(117), within(1e-4));
        assertThat(xy[1]).isCloseTo(R * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(32) / 2)), within(1e-4));
    }

    @Test
    void cgcs2000AndWgs84AreTheSameDatum() {
        assertThat(transform(4490, 4326, 117.123456789, 32.987654321)).containsExactly(117.123456789, 32.987654321);
        assertThat(registry.transform(4490, 4326).isIdentity()).isFalse();
    }

    @Test
    void identity() {
        CrsTransform t = registry.transform(4527, 4527);
        assertThat(t.isIdentity()).isTrue();
        assertThat(t.sourceSrid()).isEqualTo(4527);
        double[] xy = {1, 2};
        t.transform(xy);
        assertThat(xy).containsExactly(1, 2);
        Envelope e = new Envelope(1, 2, 3, 4);
        assertThat(t.transform(e)).isEqualTo(e).isNotSameAs(e);
    }

    @Test
    void transformsAreCachedAndAliasesResolve() {
        assertThat(registry.transform(4490, 4527)).isSameAs(registry.transform(4490, 4527));
        assertThat(registry.transform(900913, 4490).sourceSrid()).isEqualTo(3857);
        assertThatThrownBy(() -> registry.transform(4490, 2385)).isInstanceOf(UnknownCrsException.class);
    }

    @Test
    void geometriesAreCopiedWithTheTargetSrid() throws Exception {
        Geometry g = new WKTReader().read(
                "MULTIPOLYGON (((117 32, 117.01 32, 117.01 32.01, 117 32.01, 117 32), (117.002 32.002, 117.003 32.002, "
                        + "117.003 32.003, 117.002 32.002)), ((118 31, 118.1 31, 118 31.1, 118 31)))");
        g.setSRID(4490);
        g.setUserData("parcel 1");
        Geometry gk = registry.transform(4490, 4527).transform(g);
        assertThat(gk.getSRID()).isEqualTo(4527);
        assertThat(gk.getUserData()).isEqualTo("parcel 1");
        assertThat(gk.getNumPoints()).isEqualTo(g.getNumPoints());
        assertThat(g.getCoordinates()[0]).isEqualTo(new Coordinate(117, 32)); // input unchanged
        Coordinate c0 = gk.getCoordinates()[0];
        assertThat(c0.x).isCloseTo(39_500_000, within(1e-6));
        assertThat(c0.y).isCloseTo(KruegerSeries.meridianArc(32), within(1e-4));
        assertThat(gk.getEnvelopeInternal().getMinX()).isCloseTo(39_500_000, within(1e-6)); // envelope recomputed
        assertThat(gk.isValid()).isTrue();
        Geometry back = registry.transform(4527, 4490).transform(gk);
        assertThat(back.getSRID()).isEqualTo(4490);
        assertThat(back.equalsExact(g, 1e-10)).isTrue();

        Point p = new GeometryFactory().createPoint(new Coordinate(117, 32));
        Geometry q = registry.transform(4490, 3857).transform(p);
        assertThat(q.getCoordinate().x).isCloseTo(R * Math.toRadians(117), within(1e-6));
        assertThat(registry.transform(4490, 4527).transform(new GeometryFactory().createPolygon()).isEmpty()).isTrue();
    }

    /** The envelope of a curved image covers the transformed edges, not only the corners. */
    @Test
    void envelopesAreDensified() {
        Envelope lonLat = new Envelope(115.6, 118.4, 30.0, 34.0);
        CrsTransform t = registry.transform(4490, 4527);
        Envelope gk = t.transform(lonLat);
        Envelope corners = new Envelope();
        for (double[] c : new double[][] {{115.6, 30}, {118.4, 30}, {115.6, 34}, {118.4, 34}}) {
            double[] xy = transform(4490, 4527, c[0], c[1]);
            corners.expandToInclude(xy[0], xy[1]);
        }
        assertThat(gk.contains(corners)).isTrue();
        // the southern parallel bulges south of its end points at the central meridian
        double[] south = transform(4490, 4527, 117, 30);
        assertThat(south[1]).isLessThan(corners.getMinY());
        assertThat(gk.getMinY()).isCloseTo(south[1], within(1e-6));
        for (int i = 0; i <= 100; i++) {
            double lon = 115.6 + 2.8 * i / 100;
            double[] s = transform(4490, 4527, lon, 30);
            double[] n = transform(4490, 4527, lon, 34);
            assertThat(gk.covers(s[0], s[1])).isTrue();
            assertThat(gk.covers(n[0], n[1])).isTrue();
        }
        Envelope back = registry.transform(4527, 4490).transform(gk);
        assertThat(back.contains(lonLat)).isTrue();
        assertThat(t.transform(new Envelope()).isNull()).isTrue();
    }

    /** Clients send whole-world boxes; a Gauss-Krüger layer must still be fully covered, not lost to overflow. */
    @ParameterizedTest
    @CsvSource({"4326, -180, -90, 180, 90", "4490, -1e300, -1e300, 1e300, 1e300",
            "3857, -20037508.34, -20037508.34, 20037508.34, 20037508.34", "3857, -1e9, -1e9, 1e9, 1e9"})
    void wholeWorldBoxesCoverTheZone(int srid, double minX, double minY, double maxX, double maxY) {
        Envelope world = new Envelope(minX, maxX, minY, maxY);
        Envelope gk = registry.transform(srid, 4527).transform(world);
        for (double[] lonLat : new double[][] {{115.5, 18}, {118.5, 18}, {115.5, 53.5}, {118.5, 53.5}, {117, 0}}) {
            double[] en = transform(4490, 4527, lonLat[0], lonLat[1]);
            assertThat(gk.covers(en[0], en[1])).as("covers %s", List.of(lonLat[0], lonLat[1])).isTrue();
        }
        assertThat(gk.getMinX()).isBetween(35e6, 39.5e6);
        assertThat(gk.getMaxX()).isBetween(39.5e6, 44e6);
        Envelope lonLat = registry.transform(4527, srid).transform(gk);
        assertThat(lonLat.getMinX()).isFinite();
        Envelope huge = registry.transform(4527, 4490).transform(new Envelope(-1e300, 1e300, -1e300, 1e300));
        assertThat(huge.getMinY()).isBetween(-90.0, -80.0);
        assertThat(huge.getMaxY()).isBetween(80.0, 90.0);
    }

    @ParameterizedTest
    @CsvSource({"4490, 4527, NaN, 32", "4490, 4527, 117, Infinity", "4490, 4527, 1e300, 32", "4326, 3857, 117, 91",
            "4527, 4490, 1e300, 1e300", "4490, 4326, -1e20, 0"})
    void failuresAreReportedAsCoordinateTransformExceptions(int from, int to, double x, double y) {
        assertThatThrownBy(() -> transform(from, to, x, y))
                .isInstanceOf(CoordinateTransformException.class).hasMessageContaining("EPSG:" + from)
                .hasMessageContaining("EPSG:" + to);
    }

    @Test
    void safeForConcurrentServerThreads() throws Exception {
        double[] expected = new double[2000];
        for (int i = 0; i < expected.length; i += 2) {
            expected[i] = 115.6 + i * 1e-3;
            expected[i + 1] = 30 + i * 2e-3;
        }
        double[] input = expected.clone();
        registry.transform(4490, 4527).transform(expected);
        registry.transform(4527, 4490).transform(expected);
        registry.transform(4490, 4528).transform(expected);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int task = 0; task < 16; task++) {
                results.add(pool.submit(() -> {
                    double[] xy = input.clone();
                    for (int i = 0; i < xy.length; i += 2) {   // one point at a time, to interleave threads
                        double[] p = {xy[i], xy[i + 1]};
                        registry.transform(4490, 4527).transform(p);
                        registry.transform(4527, 4490).transform(p);
                        registry.transform(4490, 4528).transform(p);
                        xy[i] = p[0];
                        xy[i + 1] = p[1];
                    }
                    return xy;
                }));
            }
            for (Future<double[]> f : results) {
                assertThat(f.get()).containsExactly(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
