package org.gengdi.core.filter.cql2;

import java.util.Locale;
import java.util.Map;
import org.gengdi.core.crs.CrsDefinition;
import org.gengdi.core.crs.CrsRegistry;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * The distance units of ECQL {@code DWITHIN} / {@code BEYOND}, and the conversion of a distance into the units of
 * a layer's CRS: metres for projected CRSs (Gauss-Krüger; Web Mercator scaled by 1/cos φ so that a metre on the
 * ground stays a metre), degrees for geographic CRSs.
 *
 * <p>For a geographic layer the distance becomes degrees of <em>longitude</em> at the latitude of the literal's
 * centroid, on the CGCS2000 ellipsoid. This is approximate: a degree of latitude is longer than a degree of
 * longitude, so the area tested reaches further north and south than the distance asked for (by 1/cos φ, about
 * 15 % at 30°N). {@code DWITHIN} therefore never misses a feature within the distance but may return some a little
 * beyond it; {@code BEYOND} may omit some of those. Layers stored in Gauss-Krüger metres have no such error.
 */
enum DistanceUnit {
    METRE(1.0), KILOMETRE(1000.0), FOOT(0.3048);

    private static final Map<String, DistanceUnit> NAMES = Map.ofEntries(
            Map.entry("m", METRE), Map.entry("meter", METRE), Map.entry("meters", METRE),
            Map.entry("metre", METRE), Map.entry("metres", METRE), Map.entry("km", KILOMETRE),
            Map.entry("kilometer", KILOMETRE), Map.entry("kilometers", KILOMETRE),
            Map.entry("kilometre", KILOMETRE), Map.entry("kilometres", KILOMETRE),
            Map.entry("ft", FOOT), Map.entry("foot", FOOT), Map.entry("feet", FOOT));

    /** The spellings accepted, for error messages. */
    static final String ACCEPTED = "meters, metres, m, kilometers, kilometres, km, feet, ft";

    private static final double FLATTENING = 1 / CrsRegistry.CGCS2000_RF;
    private static final double E2 = FLATTENING * (2 - FLATTENING);
    /** Latitude limit for the longitude-degree conversion, where a degree of longitude is still ~2 km. */
    private static final double MAX_LAT = 89.0;

    private final double metres;

    DistanceUnit(double metres) {
        this.metres = metres;
    }

    /** The unit with this spelling (case-insensitive), or null. */
    static DistanceUnit of(String name) {
        return NAMES.get(name.strip().toLowerCase(Locale.ROOT));
    }

    double toMetres(double value) {
        return value * metres;
    }

    /**
     * A distance in metres as a distance in the units of the layer's CRS, near the given literal (already in that
     * CRS).
     */
    static double toLayerUnits(double metres, Geometry literal, CrsDefinition layerCrs) {
        if (layerCrs.geographic()) {
            double lat = Math.min(MAX_LAT, Math.abs(centroidY(literal)));
            double phi = Math.toRadians(lat);
            double sin = Math.sin(phi);
            double metresPerDegree = Math.toRadians(1) * CrsRegistry.CGCS2000_A * Math.cos(phi)
                    / Math.sqrt(1 - E2 * sin * sin);
            return metres / metresPerDegree;
        }
        if (layerCrs.srid() == 3857) {
            double lat = Math.atan(Math.sinh(centroidY(literal) / CrsRegistry.CGCS2000_A));
            return metres / Math.max(Math.cos(lat), Math.cos(Math.toRadians(MAX_LAT)));
        }
        return metres;
    }

    private static double centroidY(Geometry g) {
        Point c = g.getCentroid();
        double y = c.isEmpty() ? g.getEnvelopeInternal().centre().y : c.getY();
        return Double.isFinite(y) ? y : 0;
    }
}
