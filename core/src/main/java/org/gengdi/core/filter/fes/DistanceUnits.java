package org.gengdi.core.filter.fes;

import java.util.Locale;
import java.util.Map;
import org.gengdi.core.crs.CrsDefinition;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.filter.FilterParseException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Converts a DWithin / Beyond distance from the unit the request names into the units of the layer's CRS.
 *
 * <p>Between metres and a projected layer (Gauss-Krüger) nothing is approximated. Everything else is: a distance
 * is a circle, and in degrees (a geographic layer) or Web Mercator units a circle is an ellipse whose axes change
 * with latitude. So a distance in metres becomes degrees with the geometric mean of the lengths of a degree of
 * latitude and of longitude on the CGCS2000 ellipsoid at the latitude of the literal's centroid — it then
 * reaches up to 1/√cos φ too far north–south and √cos φ too short east–west (about ±5 % at 25°N, +19 % / −16 %
 * at 45°N).
 * Callers who need exact distances should query a Gauss-Krüger layer or check with an ellipsoidal measure
 * afterwards. Web Mercator units are metres divided by cos φ at the literal's latitude; degrees given for a
 * projected layer are read back the same way. A distance without a unit is taken to be in the layer's units.
 */
final class DistanceUnits {

    /** Metres per unit, for names and EPSG unit codes; degrees are handled apart. */
    private static final Map<String, Double> LINEAR = Map.ofEntries(
            Map.entry("m", 1.0), Map.entry("metre", 1.0), Map.entry("metres", 1.0), Map.entry("meter", 1.0),
            Map.entry("meters", 1.0), Map.entry("9001", 1.0),
            Map.entry("km", 1000.0), Map.entry("kilometre", 1000.0), Map.entry("kilometres", 1000.0),
            Map.entry("kilometer", 1000.0), Map.entry("kilometers", 1000.0), Map.entry("9036", 1000.0),
            Map.entry("cm", 0.01), Map.entry("mm", 0.001),
            Map.entry("ft", 0.3048), Map.entry("foot", 0.3048), Map.entry("feet", 0.3048), Map.entry("9002", 0.3048),
            Map.entry("us-ft", 1200.0 / 3937), Map.entry("9003", 1200.0 / 3937),
            Map.entry("mi", 1609.344), Map.entry("mile", 1609.344), Map.entry("miles", 1609.344),
            Map.entry("9093", 1609.344),
            Map.entry("nmi", 1852.0), Map.entry("nm", 1852.0), Map.entry("9030", 1852.0));
    private static final java.util.Set<String> DEGREES = java.util.Set.of("deg", "degree", "degrees", "°", "9102",
            "9122");
    private static final double E2 = 1 / CrsRegistry.CGCS2000_RF * (2 - 1 / CrsRegistry.CGCS2000_RF);
    /** Keeps the conversion finite at the poles, far from where Gengdi's data lie. */
    private static final double MIN_COS = 0.01;

    private DistanceUnits() {
    }

    /**
     * The distance in the layer CRS's units.
     *
     * @param value   the distance as written (≥ 0)
     * @param uom     the unit as written ({@code m}, {@code km}, {@code urn:ogc:def:uom:EPSG::9001}, …) or null
     * @param literal the geometry the distance is measured from, in the layer's CRS
     * @param layer   the layer's CRS
     * @throws FilterParseException for an unknown unit
     */
    static double toLayerUnits(double value, String uom, Geometry literal, CrsDefinition layer) {
        if (uom == null || uom.isBlank()) {
            return value;
        }
        String key = key(uom);
        Double metresPerUnit = LINEAR.get(key);
        boolean degrees = DEGREES.contains(key);
        if (metresPerUnit == null && !degrees) {
            throw new FilterParseException("unknown distance unit '" + uom.strip() + "'; use m, km, ft, mi, nmi, "
                    + "degree or an EPSG unit URN such as urn:ogc:def:uom:EPSG::9001");
        }
        if (degrees && layer.geographic()) {
            return value;
        }
        double latitude = latitude(literal, layer);
        double metres = degrees ? value * metresPerDegree(latitude) : value * metresPerUnit;
        if (layer.geographic()) {
            return metres / metresPerDegree(latitude);
        }
        if (layer.srid() == 3857) {
            return metres / Math.max(Math.cos(Math.toRadians(latitude)), MIN_COS);
        }
        return metres;
    }

    /** The unit's name or code: the last segment of a URN or URL, lower case. */
    private static String key(String uom) {
        String u = uom.strip().toLowerCase(Locale.ROOT);
        int cut = Math.max(u.lastIndexOf(':'), Math.max(u.lastIndexOf('/'), u.lastIndexOf('#')));
        return cut >= 0 && cut < u.length() - 1 ? u.substring(cut + 1) : u;
    }

    /** Geometric mean of the lengths of one degree of latitude and of longitude at a latitude, in metres. */
    static double metresPerDegree(double latitude) {
        double phi = Math.toRadians(latitude);
        double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
        double meridional = CrsRegistry.CGCS2000_A * (1 - E2) / Math.pow(w, 1.5);
        double primeVertical = CrsRegistry.CGCS2000_A / Math.sqrt(w);
        double perDegreeLatitude = meridional * Math.PI / 180;
        double perDegreeLongitude = primeVertical * Math.max(Math.cos(phi), MIN_COS) * Math.PI / 180;
        return Math.sqrt(perDegreeLatitude * perDegreeLongitude);
    }

    /** Latitude of the literal's centroid. */
    private static double latitude(Geometry literal, CrsDefinition layer) {
        Point c = literal.getCentroid();
        if (c.isEmpty()) {
            return 0;
        }
        if (layer.geographic()) {
            return c.getY();
        }
        Point p = new GeometryFactory(literal.getPrecisionModel(), layer.srid())
                .createPoint(new Coordinate(c.getX(), c.getY()));
        return CrsRegistry.get().transform(layer.srid(), 4490).transform(p).getCoordinate().y;
    }
}
