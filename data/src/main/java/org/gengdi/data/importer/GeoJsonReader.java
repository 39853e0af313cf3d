package org.gengdi.data.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.regex.Pattern;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.GeometryKind;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads a GeoJSON file (RFC 7946) in two streaming passes with Jackson: the first infers the property schema and
 * counts features, the second yields them; only one feature is in memory at a time. Coordinates are always read
 * as x = easting/longitude, as GeoJSON writers (GDAL included) write them. The CRS is CRS84 (EPSG:4326) unless a
 * legacy {@code crs} member names an EPSG code, or the caller gives {@code --srid}.
 *
 * <p>Property types: only booleans → BOOLEAN; only integers → INTEGER (LONG beyond 32 bits); numbers with a
 * fraction → DOUBLE; only {@code yyyy-mm-dd} strings → DATE; anything else, including mixed types, objects and
 * arrays (kept as JSON text) → STRING. A property that is null everywhere is a STRING.
 */
final class GeoJsonReader implements SourceReader {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String name;
    private final GeometryFactory gf = new GeometryFactory();
    private final List<String> notes = new ArrayList<>();
    private final List<SourceField> fields = new ArrayList<>();
    private final Set<String> geometryTypes = new LinkedHashSet<>();
    private final SourceCrs crs;
    private long count;
    private JsonNode crsMember;
    private JsonNode singleFeature;
    private JsonParser parser;
    private boolean started;

    GeoJsonReader(Path file, Integer srid) {
        this.file = file;
        this.name = file.getFileName().toString();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        try (JsonParser p = open()) {
            scan(p, f -> {
                count++;
                JsonNode props = f.get("properties");
                if (props != null && props.isObject()) {
                    props.fields().forEachRemaining(e ->
                            tallies.computeIfAbsent(e.getKey(), k -> new Tally()).add(e.getValue()));
                }
                JsonNode g = f.get("geometry");
                if (g != null && g.isObject() && g.hasNonNull("type")) {
                    geometryTypes.add(g.get("type").asText());
                }
            });
        } catch (JsonProcessingException e) {
            throw new ImportException("file " + name + ": not valid JSON: " + e.getOriginalMessage()
                    + location(e));
        } catch (IOException e) {
            throw new ImportException("file " + name + ": cannot read it: " + e.getMessage(), e);
        }
        tallies.forEach((k, t) -> fields.add(new SourceField(k, t.type(), 0)));
        this.crs = decideCrs(srid);
    }

    private JsonParser open() throws IOException {
        return JSON.createParser(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    /** Walks the top level, handing each feature object to {@code each}; records {@code crs}. */
    private void scan(JsonParser p, java.util.function.Consumer<JsonNode> each) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new ImportException("file " + name + ": not a GeoJSON object");
        }
        String type = null;
        boolean sawFeatures = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken t = p.nextToken();
            switch (field) {
                case "type" -> type = p.getText();
                case "crs" -> crsMember = p.readValueAsTree();
                case "features" -> {
                    if (t != JsonToken.START_ARRAY) {
                        throw new ImportException("file " + name + ": \"features\" is not an array");
                    }
                    sawFeatures = true;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        each.accept(p.readValueAsTree());
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!sawFeatures) {
            if (!"Feature".equals(type)) {
                throw new ImportException("file " + name + ": not a GeoJSON FeatureCollection or Feature (type "
                        + type + ")");
            }
            try (JsonParser again = open()) {
                singleFeature = again.readValueAsTree();
            }
            each.accept(singleFeature);
        }
    }

    private SourceCrs decideCrs(Integer srid) {
        if (srid != null) {
            return new SourceCrs(CrsSupport.require(srid, "--srid"), "given with --srid");
        }
        if (crsMember != null && !crsMember.isNull()) {
            JsonNode props = crsMember.path("properties");
            String from = "file " + name + ", crs member";
            if (props.hasNonNull("name")) {
                String id = props.get("name").asText();
                return new SourceCrs(CrsSupport.parse(id, from), "from the legacy GeoJSON crs member (" + id + ")");
            }
            if (props.hasNonNull("code")) {
                int code = props.get("code").asInt();
                return new SourceCrs(CrsSupport.require(code, from), "from the legacy GeoJSON crs member (EPSG "
                        + code + ")");
            }
            throw new ImportException(from + ": cannot read " + crsMember + "; give the CRS with --srid");
        }
        return new SourceCrs(4326, "GeoJSON default (RFC 7946: CRS84 longitude/latitude = EPSG:4326)");
    }

    @Override
    public String fileName() {
        return name;
    }

    @Override
    public String format() {
        return "GeoJSON";
    }

    @Override
    public List<SourceField> fields() {
        return fields;
    }

    @Override
    public GeometryKind geometryKind() {
        Set<String> t = geometryTypes;
        if (!t.isEmpty() && Set.of("Polygon", "MultiPolygon").containsAll(t)) {
            return GeometryKind.MULTIPOLYGON;
        }
        if (!t.isEmpty() && Set.of("LineString", "MultiLineString").containsAll(t)) {
            return GeometryKind.MULTILINESTRING;
        }
        if (t.equals(Set.of("Point"))) {
            return GeometryKind.POINT;
        }
        if (!t.isEmpty() && Set.of("Point", "MultiPoint").containsAll(t)) {
            return GeometryKind.MULTIPOINT;
        }
        return GeometryKind.GEOMETRY;
    }

    @Override
    public long featureCount() {
        return count;
    }

    @Override
    public SourceCrs crs() {
        return crs;
    }

    @Override
    public SourceEncoding encoding() {
        return null;
    }

    @Override
    public List<String> notes() {
        return notes;
    }

    @Override
    public Iterator<SourceFeature> features() {
        if (started) {
            throw new IllegalStateException("features() may be called once");
        }
        started = true;
        if (singleFeature != null) {
            return List.of(feature(singleFeature, 1)).iterator();
        }
        try {
            parser = open();
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("features")) {
                    break;
                }
                parser.skipChildren();
            }
        } catch (IOException e) {
            throw new ImportException("file " + name + ": cannot read it: " + e.getMessage(), e);
        }
        return new Iterator<>() {
            private long row;
            private SourceFeature pending;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (pending == null && !done) {
                    try {
                        if (parser.nextToken() == JsonToken.START_OBJECT) {
                            pending = feature(parser.readValueAsTree(), ++row);
                        } else {
                            done = true;
                        }
                    } catch (IOException e) {
                        throw ImportException.at(name, row + 1, null, null, "cannot read: " + e.getMessage());
                    }
                }
                return pending != null;
            }

            @Override
            public SourceFeature next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                SourceFeature f = pending;
                pending = null;
                return f;
            }
        };
    }

    private SourceFeature feature(JsonNode f, long row) {
        JsonNode idNode = f.get("id");
        String id = idNode == null || idNode.isNull() ? null
                : idNode.isNumber() ? "id " + idNode.asText() : "id \"" + idNode.asText() + "\"";
        Geometry g;
        try {
            JsonNode gn = f.get("geometry");
            g = gn == null || gn.isNull() ? null : geometry(gn);
        } catch (IllegalArgumentException e) {
            throw ImportException.at(name, row, id, null, "geometry: " + e.getMessage());
        }
        if (g != null && g.isEmpty()) {
            g = null;
        }
        JsonNode props = f.path("properties");
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            SourceField field = fields.get(i);
            JsonNode v = props.get(field.name());
            try {
                values[i] = value(v, field.type());
            } catch (RuntimeException e) {
                throw ImportException.at(name, row, id, field.name(), "cannot read " + v + " as "
                        + field.type().name().toLowerCase());
            }
        }
        return new SourceFeature(row, id, g, values);
    }

    private static Object value(JsonNode v, AttributeType type) {
        if (v == null || v.isNull()) {
            return null;
        }
        return switch (type) {
            case STRING -> v.isContainerNode() ? v.toString() : v.asText();
            case BOOLEAN -> v.asBoolean();
            case INTEGER -> v.intValue();
            case LONG -> v.longValue();
            case DOUBLE -> v.doubleValue();
            case DATE -> LocalDate.parse(v.asText());
            default -> type.coerce(v.asText());
        };
    }

    private Geometry geometry(JsonNode g) {
        String type = g.path("type").asText(null);
        if (type == null) {
            throw new IllegalArgumentException("no \"type\" member");
        }
        if (type.equals("GeometryCollection")) {
            JsonNode parts = g.path("geometries");
            Geometry[] gs = new Geometry[parts.size()];
            for (int i = 0; i < gs.length; i++) {
                gs[i] = geometry(parts.get(i));
            }
            return gf.createGeometryCollection(gs);
        }
        JsonNode c = g.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new IllegalArgumentException(type + " without a \"coordinates\" array");
        }
        return switch (type) {
            case "Point" -> c.isEmpty() ? gf.createPoint() : gf.createPoint(position(c));
            case "MultiPoint" -> {
                Point[] ps = new Point[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = gf.createPoint(position(c.get(i)));
                }
                yield gf.createMultiPoint(ps);
            }
            case "LineString" -> line(c);
            case "MultiLineString" -> {
                LineString[] ls = new LineString[c.size()];
                for (int i = 0; i < ls.length; i++) {
                    ls[i] = line(c.get(i));
                }
                yield gf.createMultiLineString(ls);
            }
            case "Polygon" -> polygon(c);
            case "MultiPolygon" -> {
                Polygon[] ps = new Polygon[c.size()];
                for (int i = 0; i < ps.length; i++) {
                    ps[i] = polygon(c.get(i));
                }
                yield gf.createMultiPolygon(ps);
            }
            default -> throw new IllegalArgumentException("unknown geometry type " + type);
        };
    }

    private LineString line(JsonNode c) {
        Coordinate[] cs = positions(c);
        if (cs.length == 1) {
            throw new IllegalArgumentException("a LineString needs at least 2 positions");
        }
        return gf.createLineString(cs);
    }

    private Polygon polygon(JsonNode c) {
        if (c.isEmpty()) {
            return gf.createPolygon();
        }
        LinearRing[] rings = new LinearRing[c.size()];
        for (int i = 0; i < rings.length; i++) {
            Coordinate[] cs = positions(c.get(i));
            if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
                throw new IllegalArgumentException("ring " + (i + 1) + " is not closed or has fewer than 4 "
                        + "positions (RFC 7946 §3.1.6)");
            }
            rings[i] = gf.createLinearRing(cs);
        }
        return gf.createPolygon(rings[0], java.util.Arrays.copyOfRange(rings, 1, rings.length));
    }

    private static Coordinate[] positions(JsonNode c) {
        if (!c.isArray()) {
            throw new IllegalArgumentException("expected an array of positions, got " + c);
        }
        Coordinate[] cs = new Coordinate[c.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = position(c.get(i));
        }
        return cs;
    }

    private static Coordinate position(JsonNode p) {
        if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("expected a position [x, y], got " + p);
        }
        return new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // read-only
            }
        }
    }

    /** What one property's values over the file look like. */
    private static final class Tally {
        boolean bool;
        boolean integer;
        boolean big;
        boolean fraction;
        boolean text;
        boolean allDates = true;
        boolean container;

        void add(JsonNode v) {
            if (v == null || v.isNull()) {
                return;
            }
            if (v.isBoolean()) {
                bool = true;
            } else if (v.isIntegralNumber()) {
                integer = true;
                big |= !v.canConvertToInt();
            } else if (v.isNumber()) {
                fraction = true;
            } else if (v.isTextual()) {
                text = true;
                allDates &= isDate(v.asText());
            } else {
                container = true;
            }
        }

        AttributeType type() {
            boolean number = integer || fraction;
            int kinds = (bool ? 1 : 0) + (number ? 1 : 0) + (text ? 1 : 0) + (container ? 1 : 0);
            if (kinds != 1 || container) {
                return AttributeType.STRING;
            }
            if (text) {
                return allDates ? AttributeType.DATE : AttributeType.STRING;
            }
            if (bool) {
                return AttributeType.BOOLEAN;
            }
            if (fraction) {
                return AttributeType.DOUBLE;
            }
            return big ? AttributeType.LONG : AttributeType.INTEGER;
        }

        private static boolean isDate(String s) {
            if (!DATE.matcher(s).matches()) {
                return false;
            }
            try {
                LocalDate.parse(s);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
