package org.gengdi.process.occupation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.measure.EllipsoidalArea;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Cuts a footprint by the features of a layer: each piece is footprint ∩ feature, with its ellipsoidal area. A long
 * footprint (a road) is read in cells of about a kilometre along its course, so a diagonal 20 km road does not read
 * the whole county's bounding box.
 */
public final class Overlay {
    /** Edge of the cells a long footprint is read in, metres. */
    static final double CELL = 1000;
    private static final GeometryFactory GF = new GeometryFactory();

    /**
     * One piece of the footprint inside one feature.
     *
     * @param feature the feature
     * @param geometry footprint ∩ feature, in the zone (polygonal)
     * @param area    its ellipsoidal area, m²
     */
    public record Piece(Feature feature, Geometry geometry, double area) {
        public Object get(String name) {
            return feature.type().indexOf(name) < 0 ? null : feature.get(name);
        }

        public String string(String name) {
            Object v = get(name);
            return v == null ? null : v.toString().trim();
        }
    }

    private Overlay() {
    }

    public static List<Piece> cut(FarmlandLayers layers, LayerKind kind, Geometry footprint, AnalysisZone zone) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(footprint);
        Map<String, Feature> features = new LinkedHashMap<>();
        for (Envelope box : boxes(footprint, prepared)) {
            for (Feature f : layers.read(kind, box, zone)) {
                features.putIfAbsent(f.id(), f);
            }
        }
        List<Piece> out = new ArrayList<>();
        for (Feature f : features.values()) {
            Geometry g = f.geometry();
            if (g == null || !prepared.intersects(g)) {
                continue;
            }
            Geometry piece = prepared.covers(g) ? g : polygonal(OverlayNGRobust.overlay(footprint, g,
                    OverlayNG.INTERSECTION));
            if (piece.isEmpty()) {
                continue;
            }
            double area = EllipsoidalArea.squareMetres(piece, zone.srid());
            if (area > 0) {
                out.add(new Piece(f, piece, area));
            }
        }
        return out;
    }

    /** The polygonal part of an overlay result (touching edges yield lines and points, which have no area). */
    public static Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        List<?> polys = PolygonExtracter.getPolygons(g);
        return GF.buildGeometry(polys);
    }

    /** The boxes to read: the envelope, or for a long thin footprint the ~1 km cells it passes through. */
    static List<Envelope> boxes(Geometry footprint, PreparedGeometry prepared) {
        Envelope e = footprint.getEnvelopeInternal();
        if (e.getWidth() <= 2 * CELL && e.getHeight() <= 2 * CELL
                || footprint.getArea() > 0.25 * e.getArea()) {
            return List.of(e);
        }
        List<Envelope> out = new ArrayList<>();
        for (double x = e.getMinX(); x < e.getMaxX(); x += CELL) {
            for (double y = e.getMinY(); y < e.getMaxY(); y += CELL) {
                Envelope cell = new Envelope(x, Math.min(x + CELL, e.getMaxX()), y, Math.min(y + CELL, e.getMaxY()));
                if (prepared.intersects(GF.toGeometry(cell))) {
                    out.add(cell);
                }
            }
        }
        return out;
    }
}
