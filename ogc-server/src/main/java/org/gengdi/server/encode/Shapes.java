package org.gengdi.server.encode;

import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** Geometry facts the encoders share: ring orientation and the shape a layer's declared kind asks for. */
final class Shapes {

    private Shapes() {
    }

    /** Whether a ring runs counter-clockwise (x east, y north); false for rings too short to tell. */
    static boolean isCounterClockwise(CoordinateSequence ring) {
        return ring.size() >= 4 && Orientation.isCCW(ring);
    }

    /**
     * The geometry as the layer declares it: a single polygon, line or point in a layer of multi-geometries
     * becomes a one-member multi-geometry, so that every feature has the type the application schema announces
     * (the simple-features profile clients, ArcGIS first, read the declared type only). {@code null} and empty
     * geometries become {@code null}.
     */
    static Geometry asDeclared(Geometry g, GeometryKind kind) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        if (kind == GeometryKind.MULTIPOLYGON && g instanceof Polygon p) {
            return g.getFactory().createMultiPolygon(new Polygon[] {p});
        }
        if (kind == GeometryKind.MULTILINESTRING && g instanceof LineString l) {
            return g.getFactory().createMultiLineString(new LineString[] {l});
        }
        if (kind == GeometryKind.MULTIPOINT && g instanceof Point p) {
            return g.getFactory().createMultiPoint(new Point[] {p});
        }
        return g;
    }
}
