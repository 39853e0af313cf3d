package org.gengdi.core.gml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.UnknownCrsException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reads one GML geometry from a StAX reader positioned on its start tag, leaving the reader on its end tag.
 *
 * <p>Understood, in GML 3.2 ({@value #GML_3_2}) and GML 3.1.1 / GML 2 ({@value #GML}): {@code Point}
 * ({@code pos}, {@code coordinates}, {@code coord}), {@code LineString} and {@code LinearRing} ({@code posList},
 * {@code pos}…, {@code pointProperty}…, {@code coordinates}, {@code coord}…), {@code Polygon}
 * ({@code exterior}/{@code interior} or {@code outerBoundaryIs}/{@code innerBoundaryIs}), {@code Curve} of
 * {@code LineStringSegment}s, {@code Surface} of {@code PolygonPatch}es, {@code MultiPoint},
 * {@code MultiLineString}, {@code MultiCurve}, {@code MultiPolygon}, {@code MultiSurface} (with {@code …Member} and
 * {@code …Members}), {@code MultiGeometry}, and {@code Envelope} / {@code Box}. Curved segments, composite and
 * solid geometries and {@code xlink:href} references are refused.
 *
 * <p>Axis order comes from the {@code srsName} as the {@link CrsRegistry} reads it —
 * {@code urn:ogc:def:crs:EPSG::4490} and {@code http://www.opengis.net/def/crs/EPSG/0/4490} list latitude first,
 * {@code EPSG:4490} and {@code CRS:84} longitude first — and the result is always x = east, y = north. A geometry
 * without {@code srsName} takes the caller's default; a part may repeat the CRS (in any form) but not name another
 * one. In a geographic CRS a latitude beyond ±90° is refused with a hint about axis order, since it is nearly always
 * longitude and latitude swapped (east of 90°E, most of China, every swap is caught). With {@code srsDimension} 3
 * (or 4) the extra ordinates are dropped; geometries nest at most {@value #MAX_NESTING} deep.
 *
 * <p>Anything wrong — an unknown element, a non-numeric coordinate, a list that does not divide into positions, an
 * unclosed ring — is a {@link GmlException} naming the element. Errors of the XML itself from a
 * {@link org.gengdi.core.xml.SafeXml} reader pass through as {@link org.gengdi.core.xml.XmlInputException}.
 */
public final class GmlGeometryReader {

    /** The GML 3.2 namespace. */
    public static final String GML_3_2 = "http://www.opengis.net/gml/3.2";
    /** The namespace of GML 2 and GML 3.1.1. */
    public static final String GML = "http://www.opengis.net/gml";
    /**
     * How deep geometries may nest in geometries (a MultiGeometry may hold MultiGeometries, and so on): bounded so
     * that the recursion stays shallow whatever depth the caller's XML reader allows.
     */
    public static final int MAX_NESTING = 16;

    private static final Set<String> GEOMETRIES = Set.of("Point", "LineString", "LinearRing", "Polygon", "Curve",
            "Surface", "MultiPoint", "MultiLineString", "MultiCurve", "MultiPolygon", "MultiSurface", "MultiGeometry",
            "Envelope", "Box");
    /** Standard GML object properties that say nothing about the shape: skipped wherever they appear. */
    private static final Set<String> METADATA = Set.of("name", "description", "identifier", "metaDataProperty",
            "descriptionReference");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final XMLStreamReader r;
    private int nesting;
    /** The CRS of the outermost geometry; parts may not name another one. */
    private CrsRef rootCrs;
    private GeometryFactory factory;

    /** CRS and dimension in force for an element: its own attributes or its ancestors'. */
    private record Frame(CrsRef crs, Integer dimension) {
    }

    private GmlGeometryReader(XMLStreamReader r) {
        this.r = r;
    }

    /**
     * Reads the geometry whose start tag the reader is on; on return the reader is on its end tag.
     *
     * @param defaultCrs the CRS of a geometry without {@code srsName} (with the axis order of the form the
     *                   request used, e.g. a WFS query's {@code srsName}); null if there is none
     * @throws GmlException for GML that is not a supported, well-formed geometry
     */
    public static GmlGeometry read(XMLStreamReader r, CrsRef defaultCrs) {
        if (r.getEventType() != XMLStreamReader.START_ELEMENT) {
            throw new GmlException("expected the start of a GML geometry element");
        }
        String name = r.getLocalName();
        GmlGeometryReader reader = new GmlGeometryReader(r);
        try {
            Geometry g = reader.geometry(new Frame(defaultCrs, null));
            return new GmlGeometry(g, reader.rootCrs, name.equals("Envelope") || name.equals("Box"));
        } catch (XMLStreamException e) {
            throw new GmlException("malformed GML in " + name + ": " + e.getMessage().replaceAll("\\s+", " "), e);
        }
    }

    /**
     * Reads the geometry and transforms it into a registry CRS (an envelope into the rectangle covering its image).
     *
     * @throws org.gengdi.core.crs.CoordinateTransformException when it lies outside the target CRS's domain
     */
    public static Geometry read(XMLStreamReader r, CrsRef defaultCrs, int targetSrid) {
        return read(r, defaultCrs).transformTo(targetSrid);
    }

    /** True for the GML 3.2 and GML 2 / 3.1.1 namespaces. */
    public static boolean isGml(String namespaceUri) {
        return GML_3_2.equals(namespaceUri) || GML.equals(namespaceUri);
    }

    /** True for a GML element this reader reads as a geometry (or envelope). */
    public static boolean isGeometry(String namespaceUri, String localName) {
        return isGml(namespaceUri) && GEOMETRIES.contains(localName);
    }

    // ------------------------------------------------------------------------------------------ geometries

    private Geometry geometry(Frame parent) throws XMLStreamException {
        String name = r.getLocalName();
        if (!isGml(r.getNamespaceURI())) {
            throw new GmlException("expected a GML geometry, found <" + qname() + ">"
                    + (r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty() ? " without namespace"
                    : " in namespace " + r.getNamespaceURI()));
        }
        if (!GEOMETRIES.contains(name)) {
            throw new GmlException("GML element gml:" + name + " is not a supported geometry; supported are "
                    + "Point, LineString, LinearRing, Polygon, Curve, Surface, MultiPoint, MultiLineString, "
                    + "MultiCurve, MultiPolygon, MultiSurface, MultiGeometry, Envelope and Box");
        }
        if (++nesting > MAX_NESTING) {
            throw new GmlException("GML geometries are nested deeper than the limit of " + MAX_NESTING);
        }
        Frame f = frame(parent);
        Geometry g = switch (name) {
            case "Point" -> point(f);
            case "LineString" -> factory.createLineString(line(f, 2));
            case "LinearRing" -> factory.createLinearRing(ring(f));
            case "Polygon" -> polygon(f);
            case "Curve" -> curve(f);
            case "Surface" -> surface(f);
            case "MultiPoint" -> factory.createMultiPoint(members(f, Point.class, "a point",
                    "pointMember", "pointMembers").toArray(new Point[0]));
            case "MultiLineString", "MultiCurve" -> factory.createMultiLineString(members(f, LineString.class,
                    "a line", "lineStringMember", "curveMember", "curveMembers").toArray(new LineString[0]));
            case "MultiPolygon", "MultiSurface" -> factory.createMultiPolygon(members(f, Polygon.class,
                    "a polygon", "polygonMember", "surfaceMember", "surfaceMembers").toArray(new Polygon[0]));
            case "MultiGeometry" -> factory.createGeometryCollection(members(f, Geometry.class, "a geometry",
                    "geometryMember", "geometryMembers").toArray(new Geometry[0]));
            default -> envelope(f);
        };
        nesting--;
        return g;
    }

    private Frame frame(Frame parent) {
        String srsName = attribute("srsName");
        CrsRef crs = parent.crs();
        if (srsName != null && !srsName.isBlank()) {
            try {
                crs = CrsRegistry.get().parse(srsName);
            } catch (UnknownCrsException e) {
                throw new GmlException("unsupported srsName '" + srsName.strip() + "' on " + qname() + ": "
                        + e.getMessage(), e);
            }
        }
        if (crs == null) {
            throw new GmlException(qname() + " has no srsName and no default CRS applies");
        }
        if (rootCrs == null) {
            rootCrs = crs;
            factory = new GeometryFactory(new PrecisionModel(), crs.srid());
        } else if (crs.srid() != rootCrs.srid()) {
            throw new GmlException(qname() + " has srsName '" + crs.text() + "' but the geometry it belongs to is in '"
                    + rootCrs.text() + "'; one geometry has one CRS");
        }
        Integer dimension = dimension(parent.dimension());
        return new Frame(crs, dimension);
    }

    private Integer dimension(Integer inherited) {
        String d = attribute("srsDimension");
        if (d == null) {
            d = attribute("dimension");
        }
        if (d == null) {
            return inherited;
        }
        try {
            int n = Integer.parseInt(d.strip());
            if (n >= 2 && n <= 4) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GmlException("srsDimension '" + d + "' on " + qname() + " must be 2, 3 or 4");
    }

    private Point point(Frame f) throws XMLStreamException {
        Coordinate c = null;
        while (nextChild()) {
            if (c != null) {
                throw new GmlException("gml:Point holds more than one position");
            }
            c = switch (r.getLocalName()) {
                case "pos" -> pos(f);
                case "coord" -> coord(f);
                case "coordinates" -> {
                    Coordinate[] cs = coordinates(f);
                    if (cs.length != 1) {
                        throw new GmlException("gml:coordinates of a gml:Point holds " + cs.length + " positions");
                    }
                    yield cs[0];
                }
                default -> throw unexpected("gml:Point");
            };
        }
        if (c == null) {
            throw new GmlException("gml:Point has no position");
        }
        return factory.createPoint(c);
    }

    /** The positions of a LineString, LinearRing or LineStringSegment. */
    private Coordinate[] line(Frame f, int min) throws XMLStreamException {
        String owner = qname();
        List<Coordinate> points = new ArrayList<>();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "posList" -> points.addAll(Arrays.asList(posList(f)));
                case "coordinates" -> points.addAll(Arrays.asList(coordinates(f)));
                case "pos" -> points.add(pos(f));
                case "coord" -> points.add(coord(f));
                case "pointProperty", "pointRep" -> points.add(
                        ((Point) member(f, Point.class, "a point")).getCoordinate());
                default -> throw unexpected(owner);
            }
        }
        if (points.size() < min) {
            throw new GmlException(owner + " needs at least " + min + " positions, has " + points.size());
        }
        return points.toArray(new Coordinate[0]);
    }

    private Coordinate[] ring(Frame f) throws XMLStreamException {
        Coordinate[] cs = line(f, 4);
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new GmlException("gml:LinearRing is not closed: it starts at " + show(cs[0]) + " but ends at "
                    + show(cs[cs.length - 1]));
        }
        return cs;
    }

    /** Polygon or PolygonPatch contents. */
    private Polygon polygon(Frame f) throws XMLStreamException {
        String owner = qname();
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "exterior", "outerBoundaryIs" -> {
                    if (shell != null) {
                        throw new GmlException(owner + " has more than one exterior ring");
                    }
                    shell = (LinearRing) member(f, LinearRing.class, "a gml:LinearRing");
                }
                case "interior", "innerBoundaryIs" -> holes.add((LinearRing) member(f, LinearRing.class,
                        "a gml:LinearRing"));
                default -> throw unexpected(owner);
            }
        }
        if (shell == null) {
            throw new GmlException(owner + " has no exterior ring");
        }
        return factory.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    private LineString curve(Frame f) throws XMLStreamException {
        List<Coordinate> points = new ArrayList<>();
        boolean segments = false;
        while (nextChild()) {
            if (!r.getLocalName().equals("segments")) {
                throw unexpected("gml:Curve");
            }
            segments = true;
            while (nextChild()) {
                if (!r.getLocalName().equals("LineStringSegment")) {
                    throw new GmlException("curve segment " + qname() + " is not supported; only "
                            + "gml:LineStringSegment (straight lines) is");
                }
                Coordinate[] cs = line(frame(f), 2);
                // Consecutive segments share their end points.
                int from = !points.isEmpty() && points.get(points.size() - 1).equals2D(cs[0]) ? 1 : 0;
                points.addAll(Arrays.asList(cs).subList(from, cs.length));
            }
        }
        if (!segments || points.size() < 2) {
            throw new GmlException("gml:Curve has no segments");
        }
        return factory.createLineString(points.toArray(new Coordinate[0]));
    }

    private Geometry surface(Frame f) throws XMLStreamException {
        List<Polygon> patches = new ArrayList<>();
        while (nextChild()) {
            if (!r.getLocalName().equals("patches") && !r.getLocalName().equals("polygonPatches")) {
                throw unexpected("gml:Surface");
            }
            while (nextChild()) {
                if (!r.getLocalName().equals("PolygonPatch")) {
                    throw new GmlException("surface patch " + qname() + " is not supported; only gml:PolygonPatch is");
                }
                patches.add(polygon(frame(f)));
            }
        }
        if (patches.isEmpty()) {
            throw new GmlException("gml:Surface has no patches");
        }
        return patches.size() == 1 ? patches.get(0) : factory.createMultiPolygon(patches.toArray(new Polygon[0]));
    }

    private Geometry envelope(Frame f) throws XMLStreamException {
        String owner = qname();
        Coordinate lower = null;
        Coordinate upper = null;
        List<Coordinate> corners = new ArrayList<>();
        while (nextChild()) {
            switch (r.getLocalName()) {
                case "lowerCorner" -> lower = pos(f);
                case "upperCorner" -> upper = pos(f);
                case "pos" -> corners.add(pos(f));
                case "coord" -> corners.add(coord(f));
                case "coordinates" -> corners.addAll(Arrays.asList(coordinates(f)));
                default -> throw unexpected(owner);
            }
        }
        if (lower == null && upper == null && corners.size() == 2) {
            lower = corners.get(0);
            upper = corners.get(1);
        } else if (!corners.isEmpty()) {
            lower = null;
        }
        if (lower == null || upper == null) {
            throw new GmlException(owner + " needs exactly two corners (lowerCorner and upperCorner, or two "
                    + "positions)");
        }
        return factory.toGeometry(new Envelope(lower, upper));
    }

    /** The geometries of a Multi*: from …Member (one each) and …Members (several) properties. */
    private <T extends Geometry> List<T> members(Frame f, Class<T> kind, String what, String... properties)
            throws XMLStreamException {
        String owner = qname();
        List<T> out = new ArrayList<>();
        while (nextChild()) {
            String property = r.getLocalName();
            if (!Arrays.asList(properties).contains(property)) {
                throw unexpected(owner);
            }
            if (property.endsWith("Members")) {
                while (nextChild()) {
                    add(out, geometry(f), kind, what, owner);
                }
            } else {
                add(out, member(f, Geometry.class, "a geometry"), kind, what, owner);
            }
        }
        return out;
    }

    /** Adds a part, unpacking a multi-part of the right kind (a Surface of several patches, say). */
    private static <T extends Geometry> void add(List<T> out, Geometry g, Class<T> kind, String what, String owner) {
        if (kind.isInstance(g)) {
            out.add(kind.cast(g));
        } else if (g instanceof GeometryCollection c && (c instanceof MultiPolygon && kind == Polygon.class
                || c instanceof MultiLineString && kind == LineString.class
                || c instanceof MultiPoint && kind == Point.class)) {
            for (int i = 0; i < c.getNumGeometries(); i++) {
                out.add(kind.cast(c.getGeometryN(i)));
            }
        } else {
            throw new GmlException("a member of " + owner + " must be " + what + ", not a " + g.getGeometryType());
        }
    }

    /** The one geometry inside a property element (exterior, polygonMember, pointProperty, …). */
    private Geometry member(Frame f, Class<? extends Geometry> kind, String what) throws XMLStreamException {
        String property = qname();
        if (attribute("href") != null) {
            throw new GmlException(property + " refers to another geometry (xlink:href); references are not "
                    + "supported, write the geometry inline");
        }
        if (!nextChild()) {
            throw new GmlException(property + " is empty");
        }
        Geometry g = geometry(f);
        if (!kind.isInstance(g)) {
            throw new GmlException(property + " must hold " + what + ", not a " + g.getGeometryType());
        }
        if (nextChild()) {
            throw new GmlException(property + " holds more than one geometry");
        }
        return g;
    }

    // ----------------------------------------------------------------------------------------- positions

    /** A gml:pos, lowerCorner or upperCorner. */
    private Coordinate pos(Frame f) throws XMLStreamException {
        String element = qname();
        Integer own = dimension(null);
        double[] v = numbers(r.getElementText(), element);
        Integer expected = own != null ? own : f.dimension();
        if (expected != null ? v.length != expected : v.length < 2 || v.length > 4) {
            throw new GmlException(element + " holds " + v.length + " numbers; a position has "
                    + (expected != null ? expected + " (srsDimension)" : "2 or 3"));
        }
        return xy(v[0], v[1], f);
    }

    private Coordinate[] posList(Frame f) throws XMLStreamException {
        String element = qname();
        Integer own = dimension(null);
        int dim = own != null ? own : f.dimension() != null ? f.dimension() : 2;
        String count = attribute("count");
        double[] v = numbers(r.getElementText(), element);
        if (v.length % dim != 0) {
            throw new GmlException(element + " holds " + v.length + " numbers, which do not divide into positions of "
                    + dim + " (srsDimension " + dim + ")");
        }
        Coordinate[] out = new Coordinate[v.length / dim];
        for (int i = 0; i < out.length; i++) {
            out[i] = xy(v[i * dim], v[i * dim + 1], f);
        }
        if (count != null && !count.strip().equals(String.valueOf(out.length))) {
            throw new GmlException(element + " has count=\"" + count + "\" but holds " + out.length + " positions");
        }
        return out;
    }

    /** GML 2 {@code <coordinates cs="," ts=" " decimal=".">x,y x,y</coordinates>}. */
    private Coordinate[] coordinates(Frame f) throws XMLStreamException {
        String element = qname();
        String cs = attributeOr("cs", ",");
        String ts = attributeOr("ts", " ");
        String decimal = attributeOr("decimal", ".");
        String text = r.getElementText().strip();
        if (cs.isEmpty() || ts.isEmpty() || decimal.length() != 1 || cs.equals(ts) || cs.equals(decimal)
                || ts.equals(decimal)) {
            throw new GmlException(element + " has unusable separators cs=\"" + cs + "\" ts=\"" + ts
                    + "\" decimal=\"" + decimal + "\"");
        }
        if (text.isEmpty()) {
            throw new GmlException(element + " is empty");
        }
        boolean csBlank = cs.isBlank();
        boolean tsBlank = ts.isBlank();
        if (!csBlank && tsBlank) {
            // "1, 2 3, 4": spaces around the coordinate separator are not tuple separators.
            text = text.replaceAll("\\s*" + Pattern.quote(cs) + "\\s*", cs);
        }
        String[] tuples = tsBlank ? WHITESPACE.split(text) : text.split(Pattern.quote(ts), -1);
        Coordinate[] out = new Coordinate[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            String tuple = tuples[i].strip();
            String[] parts = csBlank ? WHITESPACE.split(tuple) : tuple.split(Pattern.quote(cs), -1);
            Integer dim = f.dimension();
            if (dim != null ? parts.length != dim : parts.length < 2 || parts.length > 4) {
                throw new GmlException(element + " tuple '" + tuple + "' has " + parts.length + " values; a "
                        + "position has " + (dim != null ? dim + " (srsDimension)" : "2 or 3"));
            }
            double a = number(decimal.equals(".") ? parts[0].strip() : parts[0].strip().replace(decimal, "."), element);
            double b = number(decimal.equals(".") ? parts[1].strip() : parts[1].strip().replace(decimal, "."), element);
            for (int k = 2; k < parts.length; k++) {
                number(parts[k].strip().replace(decimal, "."), element);
            }
            out[i] = xy(a, b, f);
        }
        return out;
    }

    /** GML 2 {@code <coord><X>…</X><Y>…</Y><Z>…</Z></coord>}; Z is dropped. */
    private Coordinate coord(Frame f) throws XMLStreamException {
        Double x = null;
        Double y = null;
        while (nextChild()) {
            String axis = r.getLocalName();
            double v = number(r.getElementText().strip(), "gml:" + axis);
            switch (axis) {
                case "X" -> x = v;
                case "Y" -> y = v;
                case "Z" -> {
                }
                default -> throw new GmlException("unexpected element gml:" + axis + " in gml:coord");
            }
        }
        if (x == null || y == null) {
            throw new GmlException("gml:coord needs both X and Y");
        }
        return xy(x, y, f);
    }

    /**
     * The internal (east, north) coordinate of two numbers written in the frame's axis order. In a geographic CRS
     * a latitude beyond ±90° is refused: it is almost always longitude and latitude listed in the wrong order.
     */
    private static Coordinate xy(double first, double second, Frame f) {
        Coordinate c = CrsRegistry.coordinate(first, second, f.crs().axisOrder());
        if (f.crs().crs().geographic() && (Math.abs(c.y) > 90 || Math.abs(c.x) > 540)) {
            throw new GmlException("position (" + first + " " + second + ") is not a longitude and latitude: in '"
                    + f.crs().text() + "' coordinates are listed " + (f.crs().northFirst()
                    ? "latitude first (EPSG axis order; use EPSG:" + f.crs().srid() + " for longitude first)"
                    : "longitude first") + ", which puts the latitude at " + c.y);
        }
        return c;
    }

    /** Whitespace-separated numbers. */
    private static double[] numbers(String text, String element) {
        double[] out = new double[Math.max(4, text.length() / 8)];
        int n = 0;
        int i = 0;
        int len = text.length();
        while (i < len) {
            while (i < len && isSpace(text.charAt(i))) {
                i++;
            }
            if (i == len) {
                break;
            }
            int start = i;
            while (i < len && !isSpace(text.charAt(i))) {
                i++;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = number(text.substring(start, i), element);
        }
        if (n == 0) {
            throw new GmlException(element + " holds no coordinates");
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /** A decimal number as XML Schema writes it ({@code -12.5}, {@code 3E6}); no NaN, infinity or hex. */
    static double number(String token, String element) {
        if (!isDecimal(token)) {
            throw new GmlException(element + " holds '" + (token.length() > 40 ? token.substring(0, 40) + "…" : token)
                    + "', which is not a number");
        }
        double v = Double.parseDouble(token);
        if (Double.isInfinite(v)) {
            throw new GmlException(element + " holds '" + token + "', which is out of range");
        }
        return v;
    }

    private static boolean isDecimal(String s) {
        int len = s.length();
        int k = 0;
        if (k < len && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
            k++;
        }
        int digits = 0;
        while (k < len && isDigit(s.charAt(k))) {
            k++;
            digits++;
        }
        if (k < len && s.charAt(k) == '.') {
            k++;
            while (k < len && isDigit(s.charAt(k))) {
                k++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (k < len && (s.charAt(k) == 'e' || s.charAt(k) == 'E')) {
            k++;
            if (k < len && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            int exponent = 0;
            while (k < len && isDigit(s.charAt(k))) {
                k++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return k == len;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String show(Coordinate c) {
        return "(" + c.x + " " + c.y + ")";
    }

    // ------------------------------------------------------------------------------------------- reading

    /**
     * Moves to the next child element, skipping whitespace, comments and GML metadata properties; false when the
     * current element ends instead.
     */
    private boolean nextChild() throws XMLStreamException {
        while (true) {
            int event = r.nextTag();
            if (event == XMLStreamReader.END_ELEMENT) {
                return false;
            }
            if (!isGml(r.getNamespaceURI())) {
                throw new GmlException("unexpected element <" + qname() + "> inside a GML geometry");
            }
            if (!METADATA.contains(r.getLocalName())) {
                return true;
            }
            skipElement();
        }
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    private String attribute(String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private String attributeOr(String localName, String fallback) {
        String v = attribute(localName);
        return v == null ? fallback : v;
    }

    private GmlException unexpected(String owner) {
        return new GmlException("unexpected element " + qname() + " in " + owner);
    }

    private String qname() {
        return (isGml(r.getNamespaceURI()) ? "gml:" : r.getPrefix() == null || r.getPrefix().isEmpty() ? ""
                : r.getPrefix() + ":") + r.getLocalName();
    }
}
