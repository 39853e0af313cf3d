package org.gengdi.server.encode;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * A GeoJSON FeatureCollection (RFC 7946) with the OGC API Features members, written with Jackson's streaming
 * generator: {@code type}, {@code numberMatched}, {@code numberReturned}, {@code timeStamp}, {@code links}
 * ({@code next}, {@code prev}), then {@code features}, each with an {@code id} ({@code LAYER.fid}), a
 * {@code geometry} and {@code properties} in JSON types (numbers as numbers, dates as ISO strings, null as null).
 * Geometries have the layer's declared type (a polygon in a multipolygon layer becomes a one-part MultiPolygon),
 * so that GDAL and ArcGIS see one geometry type per collection.
 *
 * <p>Coordinates are longitude/easting first (RFC 7946) unless {@link FeatureCollectionInfo#jsonAxisOrderFromCrs()}
 * asks for the CRS's order (OGC API Features Part 2). Polygon rings follow the right-hand rule of RFC 7946
 * (exterior counter-clockwise, holes clockwise; reversed on the fly when stored the other way). No {@code crs}
 * member: RFC 7946 dropped it and ArcGIS rejects one that is not CRS84. When {@code numberReturned} is not given,
 * the actual count is written after the features (JSON members have no order). UTF-8, Chinese unescaped.
 */
public final class GeoJsonEncoder implements FeatureEncoder {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET) // the stream is the caller's
            // A cursor failing half-way must leave a visibly truncated document, not one closed to look complete.
            .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
            // Rare place-name characters beyond the BMP (𡌶) as UTF-8, not as an escaped surrogate pair.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    @Override
    public String mimeType() {
        return "application/geo+json";
    }

    @Override
    public List<String> formatNames() {
        return List.of(mimeType(), "application/json", "application/json; subtype=geojson",
                "application/vnd.geo+json", "json", "geojson");
    }

    @Override
    public boolean mixesTypes() {
        return true;
    }

    @Override
    public String fileExtension() {
        return "geojson";
    }

    @Override
    public void write(FeatureCollectionInfo info, FeatureCursor features, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            new Document(info, json).write(features);
        }
        out.flush();
    }

    /**
     * Writes one feature as a GeoJSON Feature (not a collection), with {@link FeatureCollectionInfo#links()} as its
     * {@code links}; counts and paging links of the info are not used.
     */
    public void writeFeature(FeatureCollectionInfo info, Feature feature, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            new Document(info, json).writeSingle(feature);
        }
        out.flush();
    }

    /** The state of one response. */
    private static final class Document {
        private final FeatureCollectionInfo info;
        private final JsonGenerator json;
        private final CoordinateFormat format;
        private final boolean northFirst;
        private final char[] number = new char[CoordinateFormat.MAX_CHARS];
        /** The property names of the last feature type written, pre-encoded once rather than per feature. */
        private FeatureType namesOf;
        private SerializedString[] names;

        Document(FeatureCollectionInfo info, JsonGenerator json) {
            this.info = info;
            this.json = json;
            this.format = new CoordinateFormat(info.decimals());
            this.northFirst = info.jsonAxisOrder() == AxisOrder.NORTH_EAST;
        }

        void write(FeatureCursor features) throws IOException {
            json.writeStartObject();
            json.writeStringField("type", "FeatureCollection");
            if (info.numberMatched() != null) {
                json.writeNumberField("numberMatched", info.numberMatched());
            }
            if (info.numberReturned() != null) {
                json.writeNumberField("numberReturned", info.numberReturned());
            }
            json.writeStringField("timeStamp", info.timeStamp().toString());
            if (info.next() != null || info.previous() != null || !info.links().isEmpty()) {
                json.writeArrayFieldStart("links");
                links();
                link(info.next(), "next", "application/geo+json", "Next page");
                link(info.previous(), "prev", "application/geo+json", "Previous page");
                json.writeEndArray();
            }
            json.writeArrayFieldStart("features");
            long position = 0;
            while (features.hasNext()) {
                feature(features.next(), ++position);
            }
            json.writeEndArray();
            if (info.numberReturned() == null) {
                json.writeNumberField("numberReturned", position);
            }
            json.writeEndObject();
        }

        /** A lone Feature document with the info's links (OGC API Features {@code /items/{featureId}}). */
        void writeSingle(Feature f) throws IOException {
            feature(f, 1, true);
        }

        private void links() throws IOException {
            for (Link l : info.links()) {
                link(l.href(), l.rel(), l.type(), l.title());
            }
        }

        private void link(String href, String rel, String type, String title) throws IOException {
            if (href == null) {
                return;
            }
            json.writeStartObject();
            json.writeStringField("href", href);
            json.writeStringField("rel", rel);
            if (type != null) {
                json.writeStringField("type", type);
            }
            if (title != null) {
                json.writeStringField("title", title);
            }
            json.writeEndObject();
        }

        private void feature(Feature f, long position) throws IOException {
            feature(f, position, false);
        }

        private void feature(Feature f, long position, boolean withLinks) throws IOException {
            json.writeStartObject();
            json.writeStringField("type", "Feature");
            json.writeStringField("id", info.featureId(f, position));
            if (withLinks && !info.links().isEmpty()) {
                json.writeArrayFieldStart("links");
                links();
                json.writeEndArray();
            }
            json.writeFieldName("geometry");
            Geometry g = Shapes.asDeclared(f.geometry(), f.type().geometryKind());
            if (g == null) {
                json.writeNull();
            } else {
                geometry(g);
            }
            json.writeObjectFieldStart("properties");
            SerializedString[] keys = names(f.type());
            for (int i = 0; i < keys.length; i++) {
                json.writeFieldName(keys[i]);
                value(f.value(i));
            }
            json.writeEndObject();
            json.writeEndObject();
        }

        private SerializedString[] names(FeatureType type) {
            if (type != namesOf) {
                List<AttributeDef> attributes = type.attributes();
                names = new SerializedString[attributes.size()];
                for (int i = 0; i < names.length; i++) {
                    names[i] = new SerializedString(attributes.get(i).name());
                }
                namesOf = type;
            }
            return names;
        }

        private void value(Object v) throws IOException {
            if (v == null) {
                json.writeNull();
            } else if (v instanceof String s) {
                json.writeString(s);
            } else if (v instanceof Integer n) {
                json.writeNumber(n);
            } else if (v instanceof Long n) {
                json.writeNumber(n);
            } else if (v instanceof Double || v instanceof Float) {
                double d = ((Number) v).doubleValue();
                if (Double.isFinite(d)) {
                    json.writeNumber(Values.decimal(d)); // plain 12345678.9 rather than 1.23456789E7
                } else {
                    json.writeNull(); // JSON has no NaN or infinity
                }
            } else if (v instanceof BigDecimal n) {
                json.writeNumber(n);
            } else if (v instanceof BigInteger n) {
                json.writeNumber(n);
            } else if (v instanceof Number n) {
                json.writeNumber(n.longValue());
            } else if (v instanceof Boolean b) {
                json.writeBoolean(b);
            } else if (v instanceof LocalDate d) {
                json.writeString(d.toString());
            } else if (v instanceof OffsetDateTime t) {
                json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
            } else {
                json.writeString(v.toString());
            }
        }

        private void geometry(Geometry g) throws IOException {
            json.writeStartObject();
            json.writeStringField("type", g.getGeometryType());
            if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                    || g instanceof MultiPolygon)) {
                json.writeArrayFieldStart("geometries");
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    geometry(g.getGeometryN(i));
                }
                json.writeEndArray();
            } else {
                json.writeFieldName("coordinates");
                coordinates(g);
            }
            json.writeEndObject();
        }

        private void coordinates(Geometry g) throws IOException {
            if (g instanceof Point p) {
                position(p.getCoordinateSequence(), 0);
            } else if (g instanceof LineString l) {
                line(l.getCoordinateSequence(), false);
            } else if (g instanceof Polygon p) {
                polygon(p);
            } else { // MultiPoint, MultiLineString, MultiPolygon
                json.writeStartArray();
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    coordinates(g.getGeometryN(i));
                }
                json.writeEndArray();
            }
        }

        private void polygon(Polygon p) throws IOException {
            json.writeStartArray();
            CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
            line(shell, !Shapes.isCounterClockwise(shell));
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                CoordinateSequence hole = p.getInteriorRingN(i).getCoordinateSequence();
                line(hole, Shapes.isCounterClockwise(hole));
            }
            json.writeEndArray();
        }

        private void line(CoordinateSequence seq, boolean reversed) throws IOException {
            json.writeStartArray();
            int n = seq.size();
            for (int i = 0; i < n; i++) {
                position(seq, reversed ? n - 1 - i : i);
            }
            json.writeEndArray();
        }

        private void position(CoordinateSequence seq, int i) throws IOException {
            json.writeStartArray();
            number(northFirst ? seq.getY(i) : seq.getX(i));
            number(northFirst ? seq.getX(i) : seq.getY(i));
            json.writeEndArray();
        }

        private void number(double v) throws IOException {
            int len = format.write(v, number, 0);
            json.writeNumber(number, 0, len);
        }
    }
}
