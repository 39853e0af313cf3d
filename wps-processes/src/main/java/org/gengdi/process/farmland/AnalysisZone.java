package org.gengdi.process.farmland;

import org.gengdi.core.crs.CrsRegistry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The plane overlays are done in (FARMLAND-RULES.md §G.8): the CGCS2000 3° Gauss-Krüger zone of the area. When
 * the county's data are already in a 3° zone, that zone is used as it is (no reprojection of the layers);
 * otherwise the zone of the input's centre (EPSG:4534–4554, without zone prefix).
 *
 * @param srid the zone's EPSG code
 */
public record AnalysisZone(int srid) {

    /** The zone for an input geometry in {@code inputSrid}, preferring the data's own zone {@code dataSrid}. */
    public static AnalysisZone of(Geometry input, int inputSrid, int dataSrid) {
        CrsRegistry crs = CrsRegistry.get();
        if (crs.gkZone(dataSrid).map(z -> z.threeDegree()).orElse(false)) {
            return new AnalysisZone(dataSrid);
        }
        if (crs.gkZone(inputSrid).map(z -> z.threeDegree()).orElse(false)) {
            return new AnalysisZone(inputSrid);
        }
        Point c = crs.transform(inputSrid, 4490).transform(input.getEnvelope()).getCentroid();
        return new AnalysisZone(crs.gk3ZoneSrid(c.getX(), false));
    }

    /** A geometry from its CRS into the zone. */
    public Geometry toZone(Geometry g, int fromSrid) {
        return fromSrid == srid ? g : CrsRegistry.get().transform(fromSrid, srid).transform(g);
    }

    /** A geometry from the zone into another CRS. */
    public Geometry fromZone(Geometry g, int toSrid) {
        return toSrid == srid ? g : CrsRegistry.get().transform(srid, toSrid).transform(g);
    }
}
