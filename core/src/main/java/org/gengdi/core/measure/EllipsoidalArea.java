package org.gengdi.core.measure;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.gengdi.core.crs.CrsDefinition;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The official (ellipsoidal, 椭球面积) area of polygons on the CGCS2000 ellipsoid.
 *
 * <p>Follows the 三调 practice (FARMLAND-RULES §B.7, §G.8): in a projected CRS every edge is first densified in the
 * plane to at most {@value #MAX_PLANE_EDGE} m — the parcel's edges are straight lines on the Gauss-Krüger map, not
 * geodesics — then the vertices are inverse-projected to longitude/latitude; in a geographic CRS edges are
 * densified to at most {@value #MAX_DEGREE_EDGE}° (about 70 m). Each ring's area is then the area of the
 * geodesic polygon through those vertices (GeographicLib {@link PolygonArea}, exact to round-off), taken as an
 * absolute value; holes are subtracted, the parts of multi-polygons and collections added. Points and lines have
 * no area. Expect agreement with the official algorithm at the 10⁻⁶ relative level.
 */
public final class EllipsoidalArea {

    /** Longest edge, in plane units (metres), kept between vertices of a projected polygon. */
    public static final double MAX_PLANE_EDGE = 70.0;
    /** Longest edge, in degrees, kept between vertices of a geographic polygon. */
    public static final double MAX_DEGREE_EDGE = 0.0007;

    /** The CGCS2000 ellipsoid; immutable and shared by all threads. */
    private static final Geodesic CGCS2000 = new Geodesic(CrsRegistry.CGCS2000_A, 1 / CrsRegistry.CGCS2000_RF);
    private static final int GEOGRAPHIC = 4490;

    private EllipsoidalArea() {
    }

    /**
     * The ellipsoidal area in m² of the polygonal parts of a geometry whose coordinates are in {@code srid}
     * (x = easting/longitude).
     *
     * @throws org.gengdi.core.crs.UnknownCrsException when {@code srid} is not a registry CRS
     */
    public static double squareMetres(Geometry g, int srid) {
        CrsDefinition crs = CrsRegistry.get().byEpsg(srid);
        CrsTransform toLonLat = crs.geographic() ? null : CrsRegistry.get().transform(crs.srid(), GEOGRAPHIC);
        double step = crs.geographic() ? MAX_DEGREE_EDGE : MAX_PLANE_EDGE;
        return polygonal(g, toLonLat, step);
    }

    /** The ellipsoidal area in m² of a geometry in the CRS of its own SRID. */
    public static double squareMetres(Geometry g) {
        return squareMetres(g, g.getSRID());
    }

    /**
     * The planar (map) area in the geometry's own units — for a Gauss-Krüger CRS m² on the projection plane, which
     * exceeds the ellipsoidal area by up to ~0.06 % at the edge of a 3-degree zone. Fit for ratios only.
     */
    public static double planar(Geometry g) {
        return g.getArea();
    }

    private static double polygonal(Geometry g, CrsTransform toLonLat, double step) {
        if (g instanceof Polygon p) {
            if (p.isEmpty()) {
                return 0;
            }
            double area = ring(p.getExteriorRing(), toLonLat, step);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                area -= ring(p.getInteriorRingN(i), toLonLat, step);
            }
            return area;
        }
        if (g instanceof GeometryCollection c) {
            double area = 0;
            for (int i = 0; i < c.getNumGeometries(); i++) {
                area += polygonal(c.getGeometryN(i), toLonLat, step);
            }
            return area;
        }
        return 0;
    }

    /** The unsigned area of one ring. */
    private static double ring(LinearRing ring, CrsTransform toLonLat, double step) {
        CoordinateSequence seq = ring.getCoordinateSequence();
        int n = seq.size() - 1;                    // the closing point repeats the first
        if (n < 3) {
            return 0;
        }
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += segments(seq.getX(i), seq.getY(i), seq.getX(i + 1), seq.getY(i + 1), step);
        }
        double[] xy = new double[2 * total];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x0 = seq.getX(i);
            double y0 = seq.getY(i);
            double dx = seq.getX(i + 1) - x0;
            double dy = seq.getY(i + 1) - y0;
            int m = segments(x0, y0, x0 + dx, y0 + dy, step);
            xy[k++] = x0;
            xy[k++] = y0;
            for (int j = 1; j < m; j++) {
                double t = (double) j / m;
                xy[k++] = x0 + t * dx;
                xy[k++] = y0 + t * dy;
            }
        }
        if (toLonLat != null) {
            toLonLat.transform(xy);
        }
        PolygonArea polygon = new PolygonArea(CGCS2000, false);
        for (int i = 0; i < xy.length; i += 2) {
            polygon.AddPoint(xy[i + 1], xy[i]);
        }
        return Math.abs(polygon.Compute(false, true).area);
    }

    private static int segments(double x0, double y0, double x1, double y1, double step) {
        double length = Math.hypot(x1 - x0, y1 - y0);
        return length > step ? (int) Math.ceil(length / step) : 1;
    }
}
