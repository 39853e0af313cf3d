package org.gengdi.core.crs;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** A coordinate transformation between two registry CRSs, in Gengdi's internal x=east, y=north order. */
public interface CrsTransform {
    int sourceSrid();

    int targetSrid();

    /** A transformed copy of the geometry (the input is not changed). */
    Geometry transform(Geometry g);

    /** The envelope covering the transformed envelope (edges densified, so curved images are covered). */
    Envelope transform(Envelope e);

    /** True for the identity (same CRS). */
    boolean isIdentity();
}
