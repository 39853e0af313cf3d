package org.gengdi.core.crs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryComponentFilter;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.proj.Projection;

/**
 * The supported coordinate reference systems — CGCS2000 (EPSG:4490), WGS 84 (4326), Web Mercator (3857) and the 64
 * CGCS2000 Gauss-Krüger CRSs (4491–4554) — with the parsing of CRS identifiers, the axis-order rules and the
 * transforms between them. This is the only place in Gengdi that knows axis rules.
 */
public final class CrsRegistry {

    /** CGCS2000 ellipsoid semi-major axis (metres). */
    public static final double CGCS2000_A = 6378137.0;
    /** CGCS2000 ellipsoid inverse flattening (same as GRS 80). */
    public static final double CGCS2000_RF = 298.257222101;

    private static final CrsRegistry INSTANCE = new CrsRegistry();

    /** Codes clients use for Web Mercator besides 3857. */
    private static final Map<Integer, Integer> ALIASES = Map.of(900913, 3857, 3785, 3857, 102100, 3857, 102113, 3857);

    private static final Pattern SHORT = Pattern.compile("epsg:(\\d{1,9})");
    private static final Pattern URN = Pattern.compile("urn:(?:x-)?ogc:def:crs:epsg:(?:[^:]*:)?(\\d{1,9})");
    private static final Pattern URL = Pattern.compile(
            "https?://(?:www\\.)?opengis\\.net/def/crs/epsg/[^/]+/(\\d{1,9})");
    private static final Pattern GML_URL = Pattern.compile(
            "https?://(?:www\\.)?opengis\\.net/gml/srs/epsg\\.xml#(\\d{1,9})");
    private static final Pattern CRS84 = Pattern.compile(
            "crs:84|ogc:crs84|urn:ogc:def:crs:ogc:[^:]*:crs84|https?://(?:www\\.)?opengis\\.net/def/crs/ogc/[^/]+/crs84");

    private static final String GEOGCS_4490 = "GEOGCS[\"China Geodetic Coordinate System 2000\","
            + "DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101,AUTHORITY[\"EPSG\",\"1024\"]],"
            + "AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4490\"]]";
    private static final String GEOGCS_4326 = "GEOGCS[\"WGS 84\","
            + "DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]],"
            + "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";
    private static final String PROJ4_3857 = "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 "
            + "+k=1 +units=m +nadgrids=@null +wktext +no_defs";

    private final Map<Integer, CrsDefinition> definitions = new LinkedHashMap<>();
    private final Map<Integer, GkZone> zones = new LinkedHashMap<>();
    private final Map<Integer, ThreadLocal<Projection>> projections = new LinkedHashMap<>();
    private final Map<Long, CrsTransform> transforms = new ConcurrentHashMap<>();
    private final List<CrsDefinition> all;
    private final PrjIdentifier prjIdentifier;

    private CrsRegistry() {
        add(new CrsDefinition(4490, "China Geodetic Coordinate System 2000", AxisOrder.NORTH_EAST, true,
                "+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs", GEOGCS_4490));
        add(new CrsDefinition(4326, "WGS 84", AxisOrder.NORTH_EAST, true, "+proj=longlat +datum=WGS84 +no_defs",
                GEOGCS_4326));
        add(new CrsDefinition(3857, "WGS 84 / Pseudo-Mercator", AxisOrder.EAST_NORTH, false, PROJ4_3857,
                "PROJCS[\"WGS 84 / Pseudo-Mercator\"," + GEOGCS_4326 + ",PROJECTION[\"Mercator_1SP\"],"
                        + "PARAMETER[\"central_meridian\",0],PARAMETER[\"scale_factor\",1],"
                        + "PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],"
                        + "UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],AXIS[\"Easting\",EAST],"
                        + "AXIS[\"Northing\",NORTH],EXTENSION[\"PROJ4\",\"" + PROJ4_3857 + "\"],"
                        + "AUTHORITY[\"EPSG\",\"3857\"]]"));
        for (int zone = 13; zone <= 23; zone++) {                       // 6°, prefixed: 4491–4501
            addGk(new GkZone(4478 + zone, false, zone, 6 * zone - 3, zone * 1e6 + 500000));
        }
        for (int zone = 13; zone <= 23; zone++) {                       // 6°, no prefix: 4502–4512
            addGk(new GkZone(4489 + zone, false, 0, 6 * zone - 3, 500000));
        }
        for (int zone = 25; zone <= 45; zone++) {                       // 3°, prefixed: 4513–4533
            addGk(new GkZone(4488 + zone, true, zone, 3 * zone, zone * 1e6 + 500000));
        }
        for (int zone = 25; zone <= 45; zone++) {                       // 3°, no prefix: 4534–4554
            addGk(new GkZone(4509 + zone, true, 0, 3 * zone, 500000));
        }
        all = Collections.unmodifiableList(new ArrayList<>(definitions.values()));
        prjIdentifier = new PrjIdentifier(this);
    }

    /** The registry. */
    public static CrsRegistry get() {
        return INSTANCE;
    }

    // ------------------------------------------------------------------------------------------------ lookup

    /** The definition for an EPSG code (aliases of 3857 such as 900913 included). */
    public CrsDefinition byEpsg(int code) {
        return find(code).orElseThrow(() -> new UnknownCrsException(
                "CRS EPSG:" + code + " is not supported; supported are EPSG:4490, EPSG:4326, EPSG:3857 and the "
                        + "CGCS2000 Gauss-Kruger CRSs EPSG:4491 to EPSG:4554"));
    }

    /** The definition for an EPSG code, if supported (aliases of 3857 such as 900913 included). */
    public Optional<CrsDefinition> find(int code) {
        return Optional.ofNullable(definitions.get(ALIASES.getOrDefault(code, code)));
    }

    /** All supported CRSs: 4490, 4326, 3857, then 4491–4554 in code order. */
    public List<CrsDefinition> all() {
        return all;
    }

    /** The Gauss-Krüger parameters of a code in 4491–4554; empty for other codes. */
    public Optional<GkZone> gkZone(int srid) {
        return Optional.ofNullable(zones.get(srid));
    }

    /** The name ArcGIS writes in {@code .prj} files for this CRS ({@code CGCS2000_3_Degree_GK_Zone_39}, …). */
    public String esriName(int srid) {
        CrsDefinition d = byEpsg(srid);
        return switch (d.srid()) {
            case 4490 -> "GCS_China_Geodetic_Coordinate_System_2000";
            case 4326 -> "GCS_WGS_1984";
            case 3857 -> "WGS_1984_Web_Mercator_Auxiliary_Sphere";
            default -> PrjIdentifier.esriName(zones.get(d.srid()));
        };
    }

    // ----------------------------------------------------------------------------------------- identifiers

    /**
     * Resolves a CRS identifier as written in a request: {@code EPSG:4490}, {@code urn:ogc:def:crs:EPSG::4490}
     * (any version, also {@code urn:x-ogc:}), {@code http://www.opengis.net/def/crs/EPSG/0/4490},
     * {@code http://www.opengis.net/gml/srs/epsg.xml#4490}, {@code CRS:84} and its URN/URL forms. Case-insensitive.
     *
     * @throws UnknownCrsException for malformed identifiers and unsupported codes
     */
    public CrsRef parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UnknownCrsException("Empty CRS identifier");
        }
        String t = text.strip();
        String l = t.toLowerCase(Locale.ROOT);
        Matcher m;
        if (CRS84.matcher(l).matches()) {
            return new CrsRef(definitions.get(4326), CrsRef.Form.CRS84, AxisOrder.EAST_NORTH, t);
        }
        if ((m = SHORT.matcher(l)).matches()) {
            return new CrsRef(resolve(m.group(1), t), CrsRef.Form.SHORT, AxisOrder.EAST_NORTH, t);
        }
        if ((m = URN.matcher(l)).matches()) {
            CrsDefinition d = resolve(m.group(1), t);
            return new CrsRef(d, CrsRef.Form.URN, d.axisOrder(), t);
        }
        if ((m = URL.matcher(l)).matches()) {
            CrsDefinition d = resolve(m.group(1), t);
            return new CrsRef(d, CrsRef.Form.URL, d.axisOrder(), t);
        }
        if ((m = GML_URL.matcher(l)).matches()) {
            // The GML 2 / WFS 1.0 form: clients mean x = longitude, as GeoServer and MapServer read it.
            return new CrsRef(resolve(m.group(1), t), CrsRef.Form.URL, AxisOrder.EAST_NORTH, t);
        }
        throw new UnknownCrsException("Unrecognised CRS identifier '" + t + "'; expected EPSG:nnnn, "
                + "urn:ogc:def:crs:EPSG::nnnn, http://www.opengis.net/def/crs/EPSG/0/nnnn or CRS:84");
    }

    /** Like {@link #parse(String)}, but empty instead of throwing. */
    public Optional<CrsRef> tryParse(String text) {
        try {
            return Optional.of(parse(text));
        } catch (UnknownCrsException e) {
            return Optional.empty();
        }
    }

    private CrsDefinition resolve(String digits, String text) {
        int code = Integer.parseInt(digits);
        return find(code).orElseThrow(() -> new UnknownCrsException("CRS '" + text + "' (EPSG:" + code
                + ") is not supported; supported are EPSG:4490, EPSG:4326, EPSG:3857 and EPSG:4491 to EPSG:4554"));
    }

    /** The axis order WMS 1.3.0 uses for {@code CRS=EPSG:xxxx}: the EPSG definition's order. */
    public AxisOrder axisOrderForWms13(CrsDefinition crs) {
        return crs.axisOrder();
    }

    /** {@code urn:ogc:def:crs:EPSG::nnnn}. */
    public String urn(int srid) {
        return "urn:ogc:def:crs:EPSG::" + byEpsg(srid).srid();
    }

    /** {@code http://www.opengis.net/def/crs/EPSG/0/nnnn}. */
    public String url(int srid) {
        return "http://www.opengis.net/def/crs/EPSG/0/" + byEpsg(srid).srid();
    }

    /** {@code EPSG:nnnn}. */
    public String shortName(int srid) {
        return "EPSG:" + byEpsg(srid).srid();
    }

    /**
     * The registry code a {@code .prj} file (ESRI WKT) or OGC WKT describes: from its EPSG authority if present,
     * else from Transverse Mercator parameters on the CGCS2000 ellipsoid, else from names (ESRI or EPSG) and datum.
     * Unprefixed Gauss-Krüger parameters map to the 3-degree code with that meridian. Empty when not recognised.
     */
    public OptionalInt identifyWkt(String prjWkt) {
        return prjIdentifier.identify(prjWkt);
    }

    // ---------------------------------------------------------------------------------------------- axis order

    /**
     * The internal (x = east, y = north) envelope of four numbers written in the given order: {@code minX, minY,
     * maxX, maxY} for EAST_NORTH, {@code minY, minX, maxY, maxX} for NORTH_EAST.
     */
    public static Envelope envelope(double a, double b, double c, double d, AxisOrder order) {
        return order == AxisOrder.NORTH_EAST ? new Envelope(b, d, a, c) : new Envelope(a, c, b, d);
    }

    /** The four numbers of an internal envelope written in the given order (inverse of {@link #envelope}). */
    public static double[] bbox(Envelope e, AxisOrder order) {
        return order == AxisOrder.NORTH_EAST
                ? new double[] {e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX()}
                : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
    }

    /** The internal coordinate of a pair written in the given order. */
    public static Coordinate coordinate(double first, double second, AxisOrder order) {
        return order == AxisOrder.NORTH_EAST ? new Coordinate(second, first) : new Coordinate(first, second);
    }

    /** A copy of interleaved coordinate pairs with each pair swapped ({@code x,y → y,x}). */
    public static double[] swap(double[] pairs) {
        double[] out = new double[pairs.length];
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            out[i] = pairs[i + 1];
            out[i + 1] = pairs[i];
        }
        return out;
    }

    /**
     * The geometry with its coordinates in the given order, for encoders that write coordinates as they are:
     * a copy with x and y swapped for NORTH_EAST, the geometry itself for EAST_NORTH.
     */
    public static Geometry toAxisOrder(Geometry g, AxisOrder order) {
        if (order == AxisOrder.EAST_NORTH) {
            return g;
        }
        Geometry copy = g.copy();
        copy.apply((GeometryComponentFilter) component -> {
            if (component instanceof LineString line) {
                swap(line.getCoordinateSequence());
            } else if (component instanceof Point point) {
                swap(point.getCoordinateSequence());
            }
        });
        copy.geometryChanged();
        return copy;
    }

    private static void swap(CoordinateSequence seq) {
        for (int i = 0; i < seq.size(); i++) {
            double x = seq.getX(i);
            seq.setOrdinate(i, CoordinateSequence.X, seq.getY(i));
            seq.setOrdinate(i, CoordinateSequence.Y, x);
        }
    }

    // ------------------------------------------------------------------------------------------------ zones

    /**
     * The CGCS2000 3-degree Gauss-Krüger code for a longitude: zone = round(lon / 3), 25–45;
     * prefixed → 4513–4533, else 4534–4554.
     *
     * @throws UnknownCrsException outside 73.5°E–136.5°E
     */
    public int gk3ZoneSrid(double lon, boolean prefixed) {
        long zone = Math.round(lon / 3);
        if (!(lon >= 73.5 && lon < 136.5) || zone < 25 || zone > 45) {
            throw new UnknownCrsException("Longitude " + lon + " lies outside the CGCS2000 3-degree zones 25-45");
        }
        return (int) (prefixed ? 4488 + zone : 4509 + zone);
    }

    /**
     * The CGCS2000 6-degree Gauss-Krüger code for a longitude: zone = ⌊lon / 6⌋ + 1, 13–23;
     * prefixed → 4491–4501, else 4502–4512.
     *
     * @throws UnknownCrsException outside 72°E–138°E
     */
    public int gk6ZoneSrid(double lon, boolean prefixed) {
        long zone = (long) Math.floor(lon / 6) + 1;
        if (!(lon >= 72 && lon < 138) || zone < 13 || zone > 23) {
            throw new UnknownCrsException("Longitude " + lon + " lies outside the CGCS2000 6-degree zones 13-23");
        }
        return (int) (prefixed ? 4478 + zone : 4489 + zone);
    }

    /**
     * The prefixed Gauss-Krüger code an easting implies: eastings ≥ 10⁷ carry the zone; 25–45 are 3-degree
     * zones, 13–23 six-degree zones (the ranges do not overlap). Empty for eastings without a valid prefix.
     */
    public OptionalInt detectGkSrid(double easting) {
        if (!(easting >= 1e7 && easting < 1e8)) {
            return OptionalInt.empty();
        }
        int prefix = (int) Math.floor(easting / 1e6);
        if (prefix >= 25 && prefix <= 45) {
            return OptionalInt.of(4488 + prefix);
        }
        if (prefix >= 13 && prefix <= 23) {
            return OptionalInt.of(4478 + prefix);
        }
        return OptionalInt.empty();
    }

    // ------------------------------------------------------------------------------------------- transforms

    /** The transform between two supported CRSs (cached; safe to share between threads). */
    public CrsTransform transform(int from, int to) {
        CrsDefinition source = byEpsg(from);
        CrsDefinition target = byEpsg(to);
        long key = ((long) source.srid() << 32) | target.srid();
        return transforms.computeIfAbsent(key, k -> new Proj4Transform(source, zones.get(source.srid()), target,
                zones.get(target.srid()), projections.get(source.srid()), projections.get(target.srid())));
    }

    // -------------------------------------------------------------------------------------------- building

    private void add(CrsDefinition d) {
        definitions.put(d.srid(), d);
        String proj4 = d.proj4();
        String name = "EPSG:" + d.srid();
        // proj4j's objects are not documented as thread-safe: one per thread.
        projections.put(d.srid(), ThreadLocal.withInitial(
                () -> new CRSFactory().createFromParameters(name, proj4).getProjection()));
    }

    private void addGk(GkZone z) {
        zones.put(z.srid(), z);
        String name = z.threeDegree()
                ? "CGCS2000 / 3-degree Gauss-Kruger " + (z.prefixed() ? "zone " + z.zone() : "CM " + z.centralMeridian() + "E")
                : "CGCS2000 / Gauss-Kruger " + (z.prefixed() ? "zone " + z.zone() : "CM " + z.centralMeridian() + "E");
        long fe = (long) z.falseEasting();
        String proj4 = "+proj=tmerc +lat_0=0 +lon_0=" + z.centralMeridian() + " +k=1 +x_0=" + fe
                + " +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs";
        String wkt = "PROJCS[\"" + name + "\"," + GEOGCS_4490 + ",PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\"," + z.centralMeridian() + "],"
                + "PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\"," + fe + "],"
                + "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1,AUTHORITY[\"EPSG\",\"9001\"]],"
                + "AUTHORITY[\"EPSG\",\"" + z.srid() + "\"]]";
        add(new CrsDefinition(z.srid(), name, AxisOrder.NORTH_EAST, false, proj4, wkt));
    }
}
