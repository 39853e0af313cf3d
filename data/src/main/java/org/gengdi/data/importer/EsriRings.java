package org.gengdi.data.importer;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns the rings of one ESRI polygon record into a JTS Polygon or MultiPolygon. ESRI rule: clockwise rings are
 * outer rings, counter-clockwise rings are holes; each hole goes to the smallest outer ring containing it. A hole
 * no outer ring contains is taken as an outer ring (written with the wrong orientation). When a record has no
 * clockwise ring at all (some writers ignore the rule) rings are nested by containment instead: a ring inside an
 * odd number of others is a hole.
 */
final class EsriRings {

    private EsriRings() {
    }

    /** The polygonal geometry of closed rings (each ≥ 4 coordinates, first = last). */
    static Geometry polygon(GeometryFactory gf, List<Coordinate[]> rings) {
        int n = rings.size();
        Envelope[] env = new Envelope[n];
        for (int i = 0; i < n; i++) {
            env[i] = new Envelope();
            for (Coordinate c : rings.get(i)) {
                env[i].expandToInclude(c);
            }
        }
        boolean[] outer = new boolean[n];
        boolean anyClockwise = false;
        for (int i = 0; i < n; i++) {
            outer[i] = !Orientation.isCCW(rings.get(i));
            anyClockwise |= outer[i];
        }
        if (!anyClockwise) {
            for (int i = 0; i < n; i++) {
                int depth = 0;
                for (int j = 0; j < n; j++) {
                    if (i != j && env[j].covers(env[i]) && contains(rings.get(j), rings.get(i))) {
                        depth++;
                    }
                }
                outer[i] = depth % 2 == 0;
            }
        }
        List<Integer> shells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (outer[i]) {
                shells.add(i);
            }
        }
        List<List<LinearRing>> holesOf = new ArrayList<>();
        for (int k = 0; k < shells.size(); k++) {
            holesOf.add(new ArrayList<>());
        }
        List<Coordinate[]> orphanShells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (outer[i]) {
                continue;
            }
            int best = -1;
            double bestArea = Double.MAX_VALUE;
            for (int k = 0; k < shells.size(); k++) {
                Coordinate[] shell = rings.get(shells.get(k));
                if (env[shells.get(k)].covers(env[i]) && contains(shell, rings.get(i))) {
                    double a = Math.abs(Area.ofRingSigned(shell));
                    if (a < bestArea) {
                        bestArea = a;
                        best = k;
                    }
                }
            }
            if (best >= 0) {
                holesOf.get(best).add(gf.createLinearRing(rings.get(i)));
            } else {
                orphanShells.add(rings.get(i));
            }
        }
        List<Polygon> polys = new ArrayList<>();
        for (int k = 0; k < shells.size(); k++) {
            polys.add(gf.createPolygon(gf.createLinearRing(rings.get(shells.get(k))),
                    holesOf.get(k).toArray(new LinearRing[0])));
        }
        for (Coordinate[] r : orphanShells) {
            polys.add(gf.createPolygon(r));
        }
        return polys.size() == 1 ? polys.get(0) : gf.createMultiPolygon(polys.toArray(new Polygon[0]));
    }

    /** True when ring {@code inner} lies inside ring {@code outer}: its first vertex not on their boundary is inside. */
    private static boolean contains(Coordinate[] outer, Coordinate[] inner) {
        for (Coordinate c : inner) {
            int loc = PointLocation.locateInRing(c, outer);
            if (loc == Location.INTERIOR) {
                return true;
            }
            if (loc == Location.EXTERIOR) {
                return false;
            }
        }
        return false;
    }
}
