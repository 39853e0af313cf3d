package org.gengdi.data.sample;

import org.gengdi.core.measure.EllipsoidalArea;
import org.locationtech.jts.geom.Geometry;

/** Areas of generated polygons: the official ellipsoidal area on CGCS2000, rounded to 0.01 m² where stored. */
final class Areas {
    private Areas() {
    }

    /** Ellipsoidal area in m² of a polygonal geometry in the CRS {@code srid}. */
    static double squareMetres(Geometry g, int srid) {
        return EllipsoidalArea.squareMetres(g, srid);
    }

    /** Rounded to 0.01 m², as stored in TBMJ, MJ and the like. */
    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
