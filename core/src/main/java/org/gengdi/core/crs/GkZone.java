package org.gengdi.core.crs;

/**
 * The parameters of one CGCS2000 Gauss-Krüger CRS (EPSG 4491–4554).
 *
 * @param srid            EPSG code
 * @param threeDegree     true for the 3-degree family (4513–4554), false for the 6-degree family (4491–4512)
 * @param zone            zone number carried as easting prefix (13–23 or 25–45), or 0 when the CRS has no prefix
 * @param centralMeridian central meridian in degrees east
 * @param falseEasting    false easting in metres ({@code zone × 10⁶ + 500 000}, or 500 000 without prefix)
 */
public record GkZone(int srid, boolean threeDegree, int zone, int centralMeridian, double falseEasting) {

    /** True when eastings in this CRS carry the zone number as a prefix (8-digit eastings). */
    public boolean prefixed() {
        return zone != 0;
    }
}
