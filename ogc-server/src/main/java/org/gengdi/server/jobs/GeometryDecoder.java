package org.gengdi.server.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.gml.GmlGeometry;
import org.gengdi.core.gml.GmlGeometryReader;
import org.gengdi.core.xml.SafeXml;
import org.gengdi.process.Format;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.InputValue;
import org.gengdi.process.ProcessException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Reads complex geometry inputs: GeoJSON (a geometry, a Feature or a FeatureCollection; longitude/easting first as
 * RFC 7946 says, CGCS2000 unless an old-style {@code crs} member names another CRS), GML 3.2 / 3.1.1 (every GML
 * geometry in the document, axis order from its {@code srsName}) and WKT (optionally {@code SRID=n;} first).
 * Invalid polygons are refused with the feature named, so an analysis never runs on a bow-tie.
 */
final class GeometryDecoder {
    /** The CRS of GeoJSON and WKT without one: CGCS2000 geographic (within centimetres of WGS 84). */
    static final int DEFAULT_SRID = 4490;
    private static final int MAX_NESTING = 64;
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final GeometryFactory GF = new GeometryFactory();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING)
                .maxStringLength(64 << 20).build());
    }

    private GeometryDecoder() {
    }

    static InputValue.Features decode(String inputId, Format format, String content, int maxFeatures) {
        InputValue.Features f;
        if (format == Format.GEOJSON) {
            f = geoJson(inputId, content, maxFeatures);
        } else if (format == Format.WKT) {
            f = wkt(inputId, content);
        } else if (format == Format.GML32 || format == Format.GML31) {
            f = gml(inputId, content, maxFeatures);
        } else {
            throw ProcessException.invalidInput(inputId, "input " + inputId + " cannot be read as "
                    + format.mediaType());
        }
        if (f.features().isEmpty()) {
            throw ProcessException.invalidInput(inputId, "input " + inputId + " holds no geometry");
        }
        int n = 0;
        for (GeoFeature g : f.features()) {
            n++;
            if (g.geometry() != null) {
                TopologyValidationError error = new IsValidOp(g.geometry()).getValidationError();
                if (error != null) {
                    throw ProcessException.invalidInput(inputId, "input " + inputId + ", feature " + n
                            + (g.id() == null ? "" : " (id " + g.id() + ")") + ": invalid geometry — "
                            + error.getMessage() + " at " + error.getCoordinate());
                }
            }
        }
        return f;
    }

    // ------------------------------------------------------------------------------------------ GeoJSON

    private static InputValue.Features geoJson(String inputId, String content, int maxFeatures) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw ProcessException.invalidInput(inputId, "input " + inputId + " is not valid JSON: "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ProcessException.invalidInput(inputId, "input " + inputId + " must be a GeoJSON object");
        }
        int srid = DEFAULT_SRID;
        JsonNode crs = root.path("crs").path("properties").path("name");
        if (crs.isTextual()) {
            try {
                srid = CrsRegistry.get().parse(crs.asText()).srid();
            } catch (RuntimeException e) {
                throw ProcessException.invalidInput(inputId, "input " + inputId + ": unknown crs " + crs.asText());
            }
        }
        List<GeoFeature> out = new ArrayList<>();
        String type = root.path("type").asText("");
        try {
            switch (type) {
                case "FeatureCollection" -> {
                    JsonNode features = root.path("features");
                    if (!features.isArray()) {
                        throw new IllegalArgumentException("a FeatureCollection needs a 'features' array");
                    }
                    if (features.size() > maxFeatures) {
                        throw new IllegalArgumentException("more than " + maxFeatures + " features");
                    }
                    int i = 0;
                    for (JsonNode f : features) {
                        out.add(feature(f, ++i));
                    }
                }
                case "Feature" -> out.add(feature(root, 1));
                default -> out.add(new GeoFeature(null, geometry(root), Map.of()));
            }
        } catch (IllegalArgumentException e) {
            throw ProcessException.invalidInput(inputId, "input " + inputId + " is not valid GeoJSON: "
                    + e.getMessage());
        }
        return new InputValue.Features(out, srid);
    }

    private static GeoFeature feature(JsonNode f, int n) {
        if (!"Feature".equals(f.path("type").asText())) {
            throw new IllegalArgumentException("member " + n + " of 'features' is not a Feature");
        }
        JsonNode id = f.get("id");
        Map<String, Object> props = new LinkedHashMap<>();
        JsonNode p = f.get("properties");
        if (p != null && p.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = p.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                props.put(e.getKey(), v.isNull() ? null : v.isBoolean() ? v.booleanValue()
                        : v.isIntegralNumber() ? v.longValue() : v.isNumber() ? v.doubleValue()
                        : v.isTextual() ? v.textValue() : v.toString());
            }
        }
        JsonNode g = f.get("geometry");
        try {
            return new GeoFeature(id == null || id.isNull() ? null : id.asText(),
                    g == null || g.isNull() ? null : geometry(g), props);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("feature " + n + ": " + e.getMessage());
        }
    }

    private static Geometry geometry(JsonNode g) {
        String type = g.path("type").asText("");
        JsonNode c = g.get("coordinates");
        switch (type) {
            case "Point":
                return GF.createPoint(coordinate(c));
            case "LineString":
                return GF.createLineString(coordinates(c, 2));
            case "Polygon":
                return polygon(c);
            case "MultiPoint": {
                return GF.createMultiPointFromCoords(coordinates(c, 1));
            }
            case "MultiLineString": {
                array(c, "MultiLineString");
                org.locationtech.jts.geom.LineString[] lines = new org.locationtech.jts.geom.LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = GF.createLineString(coordinates(c.get(i), 2));
                }
                return GF.createMultiLineString(lines);
            }
            case "MultiPolygon": {
                array(c, "MultiPolygon");
                Polygon[] polys = new Polygon[c.size()];
                for (int i = 0; i < polys.length; i++) {
                    polys[i] = polygon(c.get(i));
                }
                return GF.createMultiPolygon(polys);
            }
            case "GeometryCollection": {
                JsonNode members = g.get("geometries");
                array(members, "GeometryCollection geometries");
                Geometry[] parts = new Geometry[members.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = geometry(members.get(i));
                }
                return GF.createGeometryCollection(parts);
            }
            default:
                throw new IllegalArgumentException(type.isEmpty() ? "a geometry needs a 'type'"
                        : "'" + type + "' is not a GeoJSON geometry type");
        }
    }

    private static void array(JsonNode c, String what) {
        if (c == null || !c.isArray()) {
            throw new IllegalArgumentException(what + " needs an array of coordinates");
        }
    }

    private static Polygon polygon(JsonNode c) {
        array(c, "Polygon");
        if (c.isEmpty()) {
            return GF.createPolygon();
        }
        LinearRing shell = ring(c.get(0));
        LinearRing[] holes = new LinearRing[c.size() - 1];
        for (int i = 1; i < c.size(); i++) {
            holes[i - 1] = ring(c.get(i));
        }
        return GF.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c) {
        Coordinate[] cs = coordinates(c, 4);
        if (!cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("a polygon ring must end where it starts");
        }
        return GF.createLinearRing(cs);
    }

    private static Coordinate[] coordinates(JsonNode c, int min) {
        array(c, "a geometry");
        if (c.size() < min) {
            throw new IllegalArgumentException("needs at least " + min + " positions, has " + c.size());
        }
        Coordinate[] out = new Coordinate[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = coordinate(c.get(i));
        }
        return out;
    }

    private static Coordinate coordinate(JsonNode p) {
        if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("a position is an array of two or three numbers");
        }
        double x = p.get(0).doubleValue();
        double y = p.get(1).doubleValue();
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("coordinates must be finite numbers");
        }
        return new Coordinate(x, y);
    }

    // ------------------------------------------------------------------------------------------ WKT

    private static InputValue.Features wkt(String inputId, String content) {
        String text = content.strip();
        int srid = DEFAULT_SRID;
        if (text.regionMatches(true, 0, "SRID=", 0, 5)) {
            int semi = text.indexOf(';');
            if (semi < 0) {
                throw ProcessException.invalidInput(inputId, "input " + inputId + ": EWKT needs 'SRID=n;' first");
            }
            try {
                srid = CrsRegistry.get().byEpsg(Integer.parseInt(text.substring(5, semi).strip())).srid();
            } catch (RuntimeException e) {
                throw ProcessException.invalidInput(inputId, "input " + inputId + ": unknown SRID "
                        + text.substring(5, semi));
            }
            text = text.substring(semi + 1);
        }
        try {
            Geometry g = new WKTReader(GF).read(text);
            return new InputValue.Features(List.of(new GeoFeature(null, g, Map.of())), srid);
        } catch (ParseException | IllegalArgumentException e) {
            throw ProcessException.invalidInput(inputId, "input " + inputId + " is not valid WKT: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ GML

    private static InputValue.Features gml(String inputId, String content, int maxFeatures) {
        List<GeoFeature> out = new ArrayList<>();
        int srid = -1;
        try {
            XMLStreamReader r = SafeXml.reader(content);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamReader.START_ELEMENT
                            && GmlGeometryReader.isGeometry(r.getNamespaceURI(), r.getLocalName())) {
                        GmlGeometry gg = GmlGeometryReader.read(r, CrsRegistry.get().parse("EPSG:4490"));
                        int s = gg.crs() == null ? DEFAULT_SRID : gg.crs().srid();
                        if (srid < 0) {
                            srid = s;
                        }
                        Geometry g = s == srid ? gg.geometry() : gg.transformTo(srid);
                        if (out.size() >= maxFeatures) {
                            throw ProcessException.invalidInput(inputId, "input " + inputId + " holds more than "
                                    + maxFeatures + " geometries");
                        }
                        out.add(new GeoFeature(null, g, Map.of()));
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof ProcessException pe) {
                throw pe;
            }
            throw ProcessException.invalidInput(inputId, "input " + inputId + " is not valid GML: "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
        return new InputValue.Features(out, srid < 0 ? DEFAULT_SRID : srid);
    }
}
