package org.gengdi.data.sample;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The county's frame: where it sits in the Gauss-Krüger zone, how big it is, its irregular outline, and the
 * gentle warp that bends the field grid. All generation works in local metres around the county centre on a
 * 0.1 mm precision grid (so overlays are exact and valid); {@link #originX}/{@link #originY} translate to the CRS.
 */
final class CountyFrame {
    /** Local coordinates are rounded to 0.1 mm. */
    static final double PRECISION = 1e4;
    /** Northing of the county centre, about 32°N. */
    static final double CENTRE_NORTHING = 3_540_000.0;

    final long seed;
    final int srid;
    /** Easting of the zone's central meridian in the CRS (39 500 000 for EPSG:4527). */
    final double originX;
    final double originY;
    /** Linear size relative to the default county (√(parcels / 50 000)). */
    final double scale;
    final double hx;
    final double hy;
    final PrecisionModel pm = new PrecisionModel(PRECISION);
    final GeometryFactory gf = new GeometryFactory(pm);
    final Polygon outline;
    /** Rotation of the field grid against grid north, radians. */
    final double theta;
    private final double cos;
    private final double sin;
    private final Noise warpX1;
    private final Noise warpY1;
    private final Noise warpX2;
    private final Noise warpY2;

    private CountyFrame(SampleCountyOptions o) {
        this.seed = o.seed();
        this.srid = o.srid();
        this.originX = centralMeridianEasting(o.srid());
        this.originY = CENTRE_NORTHING;
        this.scale = Math.sqrt(o.cultivatedParcels() / (double) SampleCountyOptions.DEFAULT_CULTIVATED_PARCELS);
        this.hx = 30_000 * scale;
        this.hy = 25_000 * scale;
        Rand r = new Rand(seed, 1);
        this.theta = 0.17 + 0.12 * r.nextDouble();
        this.cos = StrictMath.cos(theta);
        this.sin = StrictMath.sin(theta);
        this.warpX1 = new Noise(seed, 11);
        this.warpY1 = new Noise(seed, 12);
        this.warpX2 = new Noise(seed, 13);
        this.warpY2 = new Noise(seed, 14);
        this.outline = buildOutline(r);
    }

    static CountyFrame of(SampleCountyOptions o) {
        return new CountyFrame(o);
    }

    /** Easting of the central meridian: zone × 10⁶ + 500 000 for 4513–4533, 500 000 for 4534–4554. */
    static double centralMeridianEasting(int srid) {
        if (srid >= 4513 && srid <= 4533) {
            int zone = 25 + (srid - 4513);
            return zone * 1_000_000.0 + 500_000.0;
        }
        return 500_000.0;
    }

    double round(double v) {
        return Math.round(v * PRECISION) / PRECISION;
    }

    /** Maps field-grid coordinates (u across, v along the grid) to local x/y: a rotation plus a smooth warp. */
    void warp(double u, double v, double[] out) {
        double dx = 320 * warpX1.at(u, v, 24_000) + 45 * warpX2.at(u, v, 4_500);
        double dy = 320 * warpY1.at(u, v, 24_000) + 45 * warpY2.at(u, v, 4_500);
        out[0] = cos * u - sin * v + dx;
        out[1] = sin * u + cos * v + dy;
    }

    /** Field-grid coordinates of a local point, ignoring the warp (good to a few hundred metres). */
    double[] unrotate(double x, double y) {
        return new double[] {cos * x + sin * y, -sin * x + cos * y};
    }

    private Polygon buildOutline(Rand r) {
        int harmonics = 7;
        double[] amp = new double[harmonics + 1];
        double[] phase = new double[harmonics + 1];
        for (int k = 2; k <= harmonics; k++) {
            amp[k] = 0.06 / StrictMath.pow(k, 0.8) * (0.5 + r.nextDouble());
            phase[k] = r.range(0, 2 * Math.PI);
        }
        int wiggles = 14;
        int[] wk = new int[wiggles];
        double[] wa = new double[wiggles];
        double[] wp = new double[wiggles];
        for (int i = 0; i < wiggles; i++) {
            wk[i] = 12 + r.nextInt(30);
            wa[i] = r.range(0.002, 0.007);
            wp[i] = r.range(0, 2 * Math.PI);
        }
        int n = 1440;
        Coordinate[] ring = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double rho = 0.94;
            for (int k = 2; k <= harmonics; k++) {
                rho += amp[k] * StrictMath.cos(k * t + phase[k]);
            }
            for (int w = 0; w < wiggles; w++) {
                rho += wa[w] * StrictMath.cos(wk[w] * t + wp[w]);
            }
            ring[i] = new Coordinate(round(hx * rho * StrictMath.cos(t)), round(hy * rho * StrictMath.sin(t)));
        }
        ring[n] = ring[0].copy();
        return gf.createPolygon(ring);
    }

    /** The local polygon(s) as a MultiPolygon in the CRS (translated to the zone's easting and the northing). */
    MultiPolygon toCrs(Geometry local, GeometryFactory crs) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < local.getNumGeometries(); i++) {
            Geometry part = local.getGeometryN(i);
            if (!(part instanceof Polygon p) || p.isEmpty()) {
                continue;
            }
            LinearRing shell = crs.createLinearRing(shift(p.getExteriorRing().getCoordinates()));
            LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) {
                holes[h] = crs.createLinearRing(shift(p.getInteriorRingN(h).getCoordinates()));
            }
            out.add(crs.createPolygon(shell, holes));
        }
        return crs.createMultiPolygon(out.toArray(new Polygon[0]));
    }

    private Coordinate[] shift(Coordinate[] cs) {
        Coordinate[] out = new Coordinate[cs.length];
        for (int i = 0; i < cs.length; i++) {
            out[i] = new Coordinate(cs[i].x + originX, cs[i].y + originY);
        }
        return out;
    }
}
