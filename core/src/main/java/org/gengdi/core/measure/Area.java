package org.gengdi.core.measure;

import org.locationtech.jts.geom.Geometry;

/**
 * An area, held in square metres (the unit Gengdi computes and stores in) and converted only for presentation.
 *
 * @param squareMetres the area in m²
 */
public record Area(double squareMetres) implements Comparable<Area> {

    /** No area. */
    public static final Area ZERO = new Area(0);

    /** The ellipsoidal CGCS2000 area of a geometry in the given CRS (see {@link EllipsoidalArea}). */
    public static Area of(Geometry g, int srid) {
        return new Area(EllipsoidalArea.squareMetres(g, srid));
    }

    /** An amount in a unit as an area. */
    public static Area of(double amount, AreaUnit unit) {
        return new Area(unit.toSquareMetres(amount));
    }

    /** The area in 亩 (1 亩 = 10 000 / 15 m²). */
    public double mu() {
        return in(AreaUnit.MU);
    }

    /** The area in 公顷 (hectares). */
    public double hectares() {
        return in(AreaUnit.HECTARE);
    }

    /** The area in the given unit. */
    public double in(AreaUnit unit) {
        return unit.fromSquareMetres(squareMetres);
    }

    public Area plus(Area other) {
        return new Area(squareMetres + other.squareMetres);
    }

    public Area minus(Area other) {
        return new Area(squareMetres - other.squareMetres);
    }

    @Override
    public int compareTo(Area other) {
        return Double.compare(squareMetres, other.squareMetres);
    }
}
