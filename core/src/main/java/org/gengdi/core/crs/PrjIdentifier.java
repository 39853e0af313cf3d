package org.gengdi.core.crs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the registry CRS that a {@code .prj} (ESRI WKT) or OGC WKT text describes: by authority code, then — for
 * Transverse Mercator / Gauss-Krüger — by parameters, otherwise by name and datum. Shapefiles from Chinese desktop
 * GIS rarely carry an authority code, so the parameter route is the one that usually decides.
 */
final class PrjIdentifier {

    private static final double CGCS2000_A = 6378137.0;
    private static final double CGCS2000_RF = 298.257222101;
    private static final double WGS84_RF = 298.257223563;

    private final CrsRegistry registry;
    private final Map<String, Integer> names = new HashMap<>();

    PrjIdentifier(CrsRegistry registry) {
        this.registry = registry;
        for (CrsDefinition d : registry.all()) {
            names.put(WktNode.normalise(d.name()), d.srid());
            registry.gkZone(d.srid()).ifPresent(z -> names.put(WktNode.normalise(esriName(z)), z.srid()));
        }
        for (String n : List.of("GCS_China_Geodetic_Coordinate_System_2000", "CGCS2000", "CGCS 2000",
                "GCS_CGCS_2000", "GCS_CGCS2000", "China_2000")) {
            names.put(WktNode.normalise(n), 4490);
        }
        for (String n : List.of("GCS_WGS_1984", "WGS84", "WGS_1984", "World Geodetic System 1984")) {
            names.put(WktNode.normalise(n), 4326);
        }
        for (String n : List.of("WGS_1984_Web_Mercator_Auxiliary_Sphere", "WGS_1984_Web_Mercator",
                "WGS_84_Pseudo_Mercator", "Popular Visualisation CRS / Mercator", "Google Maps Global Mercator",
                "Pseudo-Mercator", "Web Mercator")) {
            names.put(WktNode.normalise(n), 3857);
        }
    }

    /** The name ArcGIS gives a CGCS2000 Gauss-Krüger CRS, e.g. {@code CGCS2000_3_Degree_GK_Zone_39}. */
    static String esriName(GkZone z) {
        String family = z.threeDegree() ? "CGCS2000_3_Degree_GK_" : "CGCS2000_GK_";
        return family + (z.prefixed() ? "Zone_" + z.zone() : "CM_" + z.centralMeridian() + "E");
    }

    OptionalInt identify(String text) {
        if (text == null || text.isBlank()) {
            return OptionalInt.empty();
        }
        WktNode root;
        try {
            root = WktNode.parse(text.strip().replace("\uFEFF", ""));
        } catch (IllegalArgumentException e) {
            return OptionalInt.empty();
        }
        OptionalInt byAuthority = byAuthority(root);
        if (byAuthority.isPresent()) {
            return byAuthority;
        }
        if (root.is("PROJCS", "PROJCRS", "PROJECTEDCRS")) {
            return projected(root);
        }
        if (root.is("GEOGCS", "GEOGCRS", "GEODCRS", "GEOGRAPHICCRS", "GEODETICCRS")) {
            return geographic(root);
        }
        return OptionalInt.empty();
    }

    private OptionalInt byAuthority(WktNode root) {
        Optional<WktNode> auth = root.child("AUTHORITY", "ID");
        if (auth.isEmpty()) {
            return OptionalInt.empty();
        }
        String authority = auth.get().name();
        double code = auth.get().number(1);
        if (Double.isNaN(code) || code != Math.rint(code)) {
            return OptionalInt.empty();
        }
        int c = (int) code;
        if (authority.equalsIgnoreCase("EPSG")) {
            return registry.find(c).map(d -> OptionalInt.of(d.srid())).orElse(OptionalInt.empty());
        }
        if (authority.equalsIgnoreCase("ESRI") && (c == 102100 || c == 102113)) {
            return OptionalInt.of(3857);
        }
        return OptionalInt.empty();
    }

    private OptionalInt projected(WktNode root) {
        String method = WktNode.normalise(root.child("PROJECTION").map(WktNode::name)
                .or(() -> root.child("CONVERSION").flatMap(c -> c.child("METHOD")).map(WktNode::name))
                .orElse(""));
        if (method.equals("transverse_mercator") || method.equals("gauss_kruger")) {
            return transverseMercator(root);
        }
        if (method.equals("mercator_auxiliary_sphere") || method.equals("popular_visualisation_pseudo_mercator")) {
            return OptionalInt.of(3857);
        }
        Integer srid = names.get(WktNode.normalise(root.name()));
        return srid != null && srid == 3857 ? OptionalInt.of(3857) : OptionalInt.empty();
    }

    /** Decides a Gauss-Krüger code from parameters alone: a name could lie, the parameters are what the data use. */
    private OptionalInt transverseMercator(WktNode root) {
        WktNode geog = root.child("GEOGCS", "BASEGEOGCRS", "BASEGEODCRS", "GEOGCRS").orElse(null);
        if (geog == null || !cgcs2000Like(geog)) {
            return OptionalInt.empty();
        }
        Map<String, Double> p = parameters(root);
        double cm = param(p, Double.NaN, "central_meridian", "longitude_of_center", "longitude_of_natural_origin",
                "longitude_of_origin");
        double fe = param(p, Double.NaN, "false_easting");
        double k = param(p, 1.0, "scale_factor", "scale_factor_at_natural_origin");
        double lat0 = param(p, 0.0, "latitude_of_origin", "latitude_of_natural_origin", "latitude_of_center");
        double fn = param(p, 0.0, "false_northing");
        double unit = root.child("UNIT", "LENGTHUNIT").map(u -> u.number(1)).orElse(1.0);
        if (Double.isNaN(cm) || Double.isNaN(fe) || Math.abs(k - 1) > 1e-12 || Math.abs(lat0) > 1e-12
                || Math.abs(fn) > 1e-6 || Math.abs(unit - 1) > 1e-12 || cm != Math.rint(cm)) {
            return OptionalInt.empty();
        }
        int meridian = (int) cm;
        if (fe == 500000) {
            // No prefix: the 3- and 6-degree codes with the same meridian are the same projection; county data
            // use 3-degree zones, so prefer those.
            return meridian % 3 == 0 && meridian >= 75 && meridian <= 135
                    ? OptionalInt.of(registry.gk3ZoneSrid(meridian, false)) : OptionalInt.empty();
        }
        double prefix = (fe - 500000) / 1e6;
        if (prefix != Math.rint(prefix)) {
            return OptionalInt.empty();
        }
        int zone = (int) prefix;
        if (zone >= 25 && zone <= 45 && meridian == 3 * zone) {
            return OptionalInt.of(4488 + zone);
        }
        if (zone >= 13 && zone <= 23 && meridian == 6 * zone - 3) {
            return OptionalInt.of(4478 + zone);
        }
        return OptionalInt.empty();
    }

    private OptionalInt geographic(WktNode root) {
        Integer srid = names.get(WktNode.normalise(root.name()));
        if (srid != null && (srid == 4490 || srid == 4326)) {
            return OptionalInt.of(srid);
        }
        Optional<WktNode> datum = datum(root);
        String datumName = WktNode.normalise(datum.map(WktNode::name).orElse(""));
        if (datumName.contains("china_2000") || datumName.contains("cgcs") || datumName.contains("china_geodetic")) {
            return OptionalInt.of(4490);
        }
        if (datumName.matches(".*wgs_?(19)?84.*") || datumName.contains("world_geodetic_system_1984")) {
            return OptionalInt.of(4326);
        }
        Optional<WktNode> spheroid = datum.flatMap(d -> d.child("SPHEROID", "ELLIPSOID"));
        if (spheroid.isPresent() && Math.abs(spheroid.get().number(1) - CGCS2000_A) < 1e-3) {
            double rf = spheroid.get().number(2);
            if (Math.abs(rf - CGCS2000_RF) < 1e-8) {
                return OptionalInt.of(4490);
            }
            if (Math.abs(rf - WGS84_RF) < 1e-8) {
                return OptionalInt.of(4326);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * True for a geographic CRS on the CGCS2000 (= GRS 80) ellipsoid, or on WGS 84 whose ellipsoid differs by 0.1 mm
     * in the semi-minor axis; rejects Beijing 1954 (Krassovsky) and Xian 1980 (IAG 75), whose GK zones share
     * the same zone parameters but not the same ground.
     */
    private static boolean cgcs2000Like(WktNode geog) {
        Optional<WktNode> spheroid = datum(geog).flatMap(d -> d.child("SPHEROID", "ELLIPSOID"));
        if (spheroid.isEmpty()) {
            String datumName = WktNode.normalise(datum(geog).map(WktNode::name).orElse(geog.name()));
            return datumName.contains("china_2000") || datumName.contains("cgcs");
        }
        double a = spheroid.get().number(1);
        double rf = spheroid.get().number(2);
        return Math.abs(a - CGCS2000_A) < 1e-3 && Math.abs(rf - CGCS2000_RF) < 1e-5;
    }

    private static Optional<WktNode> datum(WktNode geog) {
        return geog.child("DATUM", "GEODETICDATUM", "TRF");
    }

    private static Map<String, Double> parameters(WktNode root) {
        List<WktNode> params = new ArrayList<>(root.children("PARAMETER"));
        root.child("CONVERSION").ifPresent(c -> params.addAll(c.children("PARAMETER")));
        Map<String, Double> out = new HashMap<>();
        for (WktNode p : params) {
            out.put(WktNode.normalise(p.name()), p.number(1));
        }
        return out;
    }

    private static double param(Map<String, Double> p, double fallback, String... names) {
        for (String n : names) {
            Double v = p.get(n);
            if (v != null) {
                return v;
            }
        }
        return fallback;
    }
}
