package org.gengdi.core.crs;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A coordinate transformation between two registry CRSs, in Gengdi's internal x=east, y=north order.
 * Instances are safe to share between threads.
 */
public interface CrsTransform {
    int sourceSrid();

    int targetSrid();

    /** A transformed copy of the geometry (the input is not changed); the copy carries the target SRID. */
    Geometry transform(Geometry g);

    /** The envelope covering the transformed envelope (edges densified, so curved images are covered). */
    Envelope transform(Envelope e);

    /**
     * Transforms interleaved {@code x0,y0,x1,y1,…} pairs in place (x = easting/longitude). The fast path for
     * callers that handle raw coordinates, such as area computation.
     */
    void transform(double[] xy);

    /** True for the identity (same CRS). */
    boolean isIdentity();
}
