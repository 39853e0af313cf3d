package org.gengdi.data.importer;

import java.util.Locale;
import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks one geometry for a target layer: OGC validity (JTS {@link IsValidOp}), optionally repaired with JTS
 * {@link GeometryFixer}; then single parts promoted to the layer's multi kind (Polygon → MultiPolygon) and
 * one-part multis demoted for single kinds; then the kind checked with {@link GeometryKind#accepts}.
 */
final class GeometryCheck {

    /**
     * The result: the geometry to store, or a problem; {@code repair} describes a repair made (null if none).
     */
    record Outcome(Geometry geometry, String problem, String repair) {
        static Outcome failed(String problem) {
            return new Outcome(null, problem, null);
        }
    }

    private GeometryCheck() {
    }

    static Outcome check(Geometry g, GeometryKind kind, boolean repair) {
        String repaired = null;
        TopologyValidationError err = new IsValidOp(g).getValidationError();
        if (err != null) {
            String why = describe(err);
            if (!repair) {
                return Outcome.failed("invalid geometry: " + why + " (import with repair to fix it)");
            }
            Geometry fixed = GeometryFixer.fix(g);
            if (fixed.isEmpty()) {
                return Outcome.failed("invalid geometry: " + why + ", and repair leaves nothing of it");
            }
            repaired = why + "; repaired: " + g.getGeometryType() + " → " + fixed.getGeometryType()
                    + (fixed.getNumGeometries() > 1 ? " of " + fixed.getNumGeometries() + " parts" : "")
                    + (g.getDimension() == 2 ? String.format(Locale.ROOT, ", planar area %.6g → %.6g",
                    g.getArea(), fixed.getArea()) : "");
            g = fixed;
        }
        Geometry shaped = toKind(g, kind);
        if (!kind.accepts(shaped)) {
            return Outcome.failed("geometry is a " + g.getGeometryType() + " but the layer takes "
                    + kind.ogcName());
        }
        return new Outcome(shaped, null, repaired);
    }

    /** "Self-intersection at (x y)". */
    static String describe(TopologyValidationError err) {
        Coordinate c = err.getCoordinate();
        return err.getMessage() + (c == null ? "" : String.format(Locale.ROOT, " at (%s %s)", num(c.x), num(c.y)));
    }

    /** A coordinate to 12 significant digits: millimetres in a GK zone, finer than that in degrees. */
    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros()
                .toPlainString();
    }

    /** Promotes single parts to the layer's multi kind and unwraps one-part multis (and collections) for single kinds. */
    static Geometry toKind(Geometry g, GeometryKind kind) {
        GeometryFactory gf = g.getFactory();
        if (g instanceof GeometryCollection gc && gc.getNumGeometries() == 1
                && !(kind == GeometryKind.GEOMETRY) && !kind.ogcName().startsWith("Multi")) {
            g = gc.getGeometryN(0);
        }
        return switch (kind) {
            case MULTIPOLYGON -> g instanceof Polygon p ? gf.createMultiPolygon(new Polygon[] {p})
                    : onlyParts(g, Polygon.class) ? gf.createMultiPolygon(parts(g, new Polygon[0])) : g;
            case MULTILINESTRING -> g instanceof LineString l ? gf.createMultiLineString(new LineString[] {l})
                    : onlyParts(g, LineString.class) ? gf.createMultiLineString(parts(g, new LineString[0])) : g;
            case MULTIPOINT -> g instanceof Point p ? gf.createMultiPoint(new Point[] {p})
                    : onlyParts(g, Point.class) ? gf.createMultiPoint(parts(g, new Point[0])) : g;
            default -> g;
        };
    }

    /** True for a plain GeometryCollection (what GeometryFixer may return) whose parts are all of one class. */
    private static boolean onlyParts(Geometry g, Class<?> part) {
        if (!g.getClass().equals(GeometryCollection.class) || g.isEmpty()) {
            return false;
        }
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (!part.isInstance(g.getGeometryN(i))) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Geometry> T[] parts(Geometry g, T[] empty) {
        T[] out = java.util.Arrays.copyOf(empty, g.getNumGeometries());
        for (int i = 0; i < out.length; i++) {
            out[i] = (T) g.getGeometryN(i);
        }
        return out;
    }
}
