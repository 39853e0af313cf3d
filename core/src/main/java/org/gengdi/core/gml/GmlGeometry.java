package org.gengdi.core.gml;

import java.util.Objects;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A geometry read from GML: coordinates in internal x = east, y = north order, with the CRS (and the form it was
 * named in) that the GML gave or inherited.
 *
 * @param geometry the geometry; its SRID is {@code crs.srid()}
 * @param crs      the CRS of the coordinates
 * @param envelope true when read from {@code gml:Envelope} / {@code gml:Box}: the geometry is then the rectangle,
 *                 and {@link #transformTo} keeps it a rectangle covering the transformed one
 */
public record GmlGeometry(Geometry geometry, CrsRef crs, boolean envelope) {

    public GmlGeometry {
        Objects.requireNonNull(geometry, "geometry");
        Objects.requireNonNull(crs, "crs");
    }

    /** The EPSG code of the coordinates. */
    public int srid() {
        return crs.srid();
    }

    /**
     * The geometry in another registry CRS (the geometry itself when already there). An envelope becomes the
     * rectangle covering its transformed image (edges densified), as BBOX semantics need.
     *
     * @throws org.gengdi.core.crs.UnknownCrsException            for an unsupported target
     * @throws org.gengdi.core.crs.CoordinateTransformException    for coordinates outside the target's domain
     */
    public Geometry transformTo(int srid) {
        CrsTransform t = CrsRegistry.get().transform(srid(), srid);
        if (t.isIdentity()) {
            return geometry;
        }
        if (envelope) {
            Envelope e = t.transform(geometry.getEnvelopeInternal());
            return new GeometryFactory(geometry.getPrecisionModel(), t.targetSrid()).toGeometry(e);
        }
        return t.transform(geometry);
    }
}
