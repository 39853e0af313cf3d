package org.gengdi.core.crs;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryComponentFilter;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.ProjCoordinate;
import org.locationtech.proj4j.Proj4jException;
import org.locationtech.proj4j.proj.Projection;

/**
 * A transform built from proj4j projections: inverse-project the source to longitude/latitude, then project to the
 * target. No datum shift is applied: CGCS2000 (ITRF97 at epoch 2000.0) and WGS 84 differ only by about a metre of
 * plate motion since 2000, which no transformation without epochs could model; Gengdi treats them as one datum,
 * as most GIS software does (FARMLAND-RULES §B.8).
 * proj4j objects are not documented as thread-safe, so each thread gets its own projection instances.
 */
final class Proj4Transform implements CrsTransform {

    /** Latitude limit of Web Mercator (where the square world map ends). */
    private static final double MERCATOR_MAX_LAT = 85.05112877980659;
    /** Half the width of the Web Mercator square, in metres. */
    private static final double MERCATOR_MAX_XY = 20037508.342789244;
    /** Half-width (degrees of longitude) around a Gauss-Krüger meridian that envelopes are clipped to. */
    private static final double GK_MAX_DLON = 15;
    /**
     * Half-width (metres of easting) around a Gauss-Krüger false easting, and largest northing, that envelopes are
     * clipped to: beyond them proj4j's inverse series stop converging (at 10⁶ m off the meridian it is still good
     * to a metre up to 54°N, and finite up to 9·10⁶ m northing).
     */
    private static final double GK_MAX_DE = 1.0e6;
    private static final double GK_MAX_N = 9.0e6;
    /** Beyond these a Gauss-Krüger coordinate is rejected: 2000 km off the meridian, or north of the pole. */
    private static final double GK_LIMIT_DE = 2.0e6;
    private static final double GK_LIMIT_N = 1.0002e7;
    /** Largest longitude magnitude accepted from a geographic source (proj4j reduces longitudes by looping). */
    private static final double MAX_ABS_LON = 1440;
    /** Segments per envelope edge when transforming envelopes. */
    private static final int ENVELOPE_SEGMENTS = 16;

    private final CrsDefinition source;
    private final CrsDefinition target;
    private final ThreadLocal<Projection> sourceProjection;
    private final ThreadLocal<Projection> targetProjection;
    private final boolean mercatorTarget;
    /** Where the source coordinates of an envelope are meaningful, in source units. */
    private final Envelope sourceDomain;
    /** Outside this, a source coordinate is an error (a wrong zone or axis order), not a far-away place. */
    private final Envelope sourceLimits;
    /** Where longitude/latitude can be projected to the target, for envelopes; null when anywhere. */
    private final Envelope targetLonLatDomain;

    Proj4Transform(CrsDefinition source, GkZone sourceZone, CrsDefinition target, GkZone targetZone,
                   ThreadLocal<Projection> sourceProjection, ThreadLocal<Projection> targetProjection) {
        this.source = source;
        this.target = target;
        this.sourceProjection = source.geographic() ? null : sourceProjection;
        this.targetProjection = target.geographic() ? null : targetProjection;
        this.mercatorTarget = target.srid() == 3857;
        if (source.geographic()) {
            sourceDomain = new Envelope(-180, 180, -90, 90);
            sourceLimits = new Envelope(-MAX_ABS_LON, MAX_ABS_LON, -90 - 1e-9, 90 + 1e-9);
        } else if (sourceZone != null) {
            double fe = sourceZone.falseEasting();
            sourceDomain = new Envelope(fe - GK_MAX_DE, fe + GK_MAX_DE, -GK_MAX_N, GK_MAX_N);
            sourceLimits = new Envelope(fe - GK_LIMIT_DE, fe + GK_LIMIT_DE, -GK_LIMIT_N, GK_LIMIT_N);
        } else {
            sourceDomain = new Envelope(-MERCATOR_MAX_XY, MERCATOR_MAX_XY, -MERCATOR_MAX_XY, MERCATOR_MAX_XY);
            sourceLimits = new Envelope(-1e9, 1e9, -1e9, 1e9);
        }
        // Far from its meridian a Transverse Mercator diverges; clients that ask for the whole world in a bbox
        // still expect every feature of a Gauss-Krüger layer, which lies within a few degrees of the meridian.
        targetLonLatDomain = targetZone == null ? null : new Envelope(targetZone.centralMeridian() - GK_MAX_DLON,
                targetZone.centralMeridian() + GK_MAX_DLON, -85, 85);
    }

    @Override
    public int sourceSrid() {
        return source.srid();
    }

    @Override
    public int targetSrid() {
        return target.srid();
    }

    @Override
    public boolean isIdentity() {
        return source.srid() == target.srid();
    }

    @Override
    public Geometry transform(Geometry g) {
        Geometry copy = g.copy();
        if (!isIdentity()) {
            Projection inverse = sourceProjection == null ? null : sourceProjection.get();
            Projection forward = targetProjection == null ? null : targetProjection.get();
            ProjCoordinate in = new ProjCoordinate();
            ProjCoordinate out = new ProjCoordinate();
            copy.apply((GeometryComponentFilter) component -> {
                if (component instanceof LineString line) {
                    transform(line.getCoordinateSequence(), inverse, forward, in, out);
                } else if (component instanceof Point point) {
                    transform(point.getCoordinateSequence(), inverse, forward, in, out);
                }
            });
            copy.geometryChanged();
        }
        copy.setSRID(target.srid());
        return copy;
    }

    /**
     * Samples the envelope's edges, after clipping them to where the source CRS is meaningful and the intermediate
     * longitudes/latitudes to where the target projection is: a whole-world bounding box becomes the envelope of
     * the part of the world a Gauss-Krüger zone can describe, not a numerical accident.
     */
    @Override
    public Envelope transform(Envelope e) {
        if (e.isNull() || isIdentity()) {
            return new Envelope(e);
        }
        Envelope clipped = e.intersection(sourceDomain);
        if (clipped.isNull()) {
            return new Envelope();
        }
        int n = ENVELOPE_SEGMENTS;
        double[] xy = new double[8 * n];
        int k = 0;
        double w = clipped.getWidth();
        double h = clipped.getHeight();
        for (int i = 0; i < n; i++) {
            double t = (double) i / n;
            xy[k++] = clipped.getMinX() + t * w;  xy[k++] = clipped.getMinY();          // south edge, west → east
            xy[k++] = clipped.getMaxX();          xy[k++] = clipped.getMinY() + t * h;  // east edge, south → north
            xy[k++] = clipped.getMaxX() - t * w;  xy[k++] = clipped.getMaxY();          // north edge, east → west
            xy[k++] = clipped.getMinX();          xy[k++] = clipped.getMaxY() - t * h;  // west edge, north → south
        }
        transform(xy, targetLonLatDomain);
        Envelope result = new Envelope();
        for (int i = 0; i < xy.length; i += 2) {
            result.expandToInclude(xy[i], xy[i + 1]);
        }
        return result;
    }

    @Override
    public void transform(double[] xy) {
        transform(xy, null);
    }

    private void transform(double[] xy, Envelope lonLatClip) {
        if (isIdentity()) {
            return;
        }
        Projection inverse = sourceProjection == null ? null : sourceProjection.get();
        Projection forward = targetProjection == null ? null : targetProjection.get();
        ProjCoordinate in = new ProjCoordinate();
        ProjCoordinate out = new ProjCoordinate();
        for (int i = 0; i + 1 < xy.length; i += 2) {
            point(xy[i], xy[i + 1], inverse, forward, in, out, lonLatClip);
            xy[i] = out.x;
            xy[i + 1] = out.y;
        }
    }

    private void transform(CoordinateSequence seq, Projection inverse, Projection forward, ProjCoordinate in,
                           ProjCoordinate out) {
        for (int i = 0, n = seq.size(); i < n; i++) {
            point(seq.getX(i), seq.getY(i), inverse, forward, in, out, null);
            seq.setOrdinate(i, CoordinateSequence.X, out.x);
            seq.setOrdinate(i, CoordinateSequence.Y, out.y);
        }
    }

    /**
     * Transforms one point; the result is left in {@code out}. With {@code lonLatClip}, the intermediate
     * longitude/latitude is first clamped into it (envelopes only).
     */
    private void point(double x0, double y0, Projection inverse, Projection forward, ProjCoordinate in,
                       ProjCoordinate out, Envelope lonLatClip) {
        if (!sourceLimits.covers(x0, y0)) {      // also false for NaN
            throw failure(x0, y0, null);
        }
        double x = x0;
        double y = y0;
        try {
            if (inverse != null) {
                in.x = x;
                in.y = y;
                inverse.inverseProject(in, out);
                x = out.x;
                y = out.y;
                if (!(Math.abs(y) <= 90)) {
                    throw failure(x0, y0, null);
                }
            }
            if (lonLatClip != null) {
                x = clamp(x, lonLatClip.getMinX(), lonLatClip.getMaxX());
                y = clamp(y, lonLatClip.getMinY(), lonLatClip.getMaxY());
            }
            if (forward != null) {
                in.x = x;
                in.y = mercatorTarget ? clamp(y, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT) : y;
                forward.project(in, out);
            } else {
                out.x = x;
                out.y = y;
            }
        } catch (Proj4jException ex) {
            throw failure(x0, y0, ex);
        }
        if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
            throw failure(x0, y0, null);
        }
    }

    private static double clamp(double v, double min, double max) {
        return v < min ? min : Math.min(v, max);
    }

    private CoordinateTransformException failure(double x, double y, Throwable cause) {
        return new CoordinateTransformException("Cannot transform (" + x + ", " + y + ") from EPSG:" + source.srid()
                + " to EPSG:" + target.srid(), cause);
    }

    @Override
    public String toString() {
        return "CrsTransform[EPSG:" + source.srid() + " -> EPSG:" + target.srid() + "]";
    }
}
