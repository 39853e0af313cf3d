package org.gengdi.server.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Features as KML 2.2 for Google Earth and 奥维 (Ovital) maps: a {@code Document} named after the layer with one
 * {@code Placemark} per feature — {@code name} (layer title and id), {@code ExtendedData/Data} per non-null attribute
 * (with the Chinese field title as {@code displayName}), and a {@code Point}, {@code LineString}, {@code Polygon}
 * (exterior counter-clockwise, as KML recommends) or {@code MultiGeometry} — of the layer's declared kind, so a
 * polygon in a multipolygon layer is a one-part {@code MultiGeometry}.
 *
 * <p>KML is always WGS 84 longitude/latitude: the caller must transform the features to EPSG:4326 and pass an
 * EPSG:4326 or CRS84 {@link FeatureCollectionInfo#crs()}; any other CRS is refused with an
 * {@link IllegalArgumentException} before anything is written.
 */
public final class KmlEncoder implements FeatureEncoder {
    /** The KML 2.2 namespace. */
    public static final String KML = "http://www.opengis.net/kml/2.2";

    @Override
    public String mimeType() {
        return "application/vnd.google-earth.kml+xml";
    }

    @Override
    public List<String> formatNames() {
        return List.of(mimeType(), "application/vnd.google-earth.kml", "kml");
    }

    @Override
    public String fileExtension() {
        return "kml";
    }

    @Override
    public void write(FeatureCollectionInfo info, FeatureCursor features, OutputStream out) throws IOException {
        if (info.crs().srid() != 4326) {
            throw new IllegalArgumentException("KML is WGS 84 longitude/latitude: transform the features to EPSG:4326"
                    + " first (got " + info.crs().text() + ")");
        }
        try {
            XMLStreamWriter xml = XmlOutput.open(out);
            new Document(info, xml).write(features);
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("writing KML failed: " + e, e);
        }
    }

    /** The state of one response. */
    private static final class Document {
        private final FeatureCollectionInfo info;
        private final XMLStreamWriter xml;
        private final FeatureType type;
        private final CoordinateFormat format;
        private final StringBuilder text = new StringBuilder(256);

        Document(FeatureCollectionInfo info, XMLStreamWriter xml) {
            this.info = info;
            this.xml = xml;
            this.type = info.featureType();
            this.format = new CoordinateFormat(info.decimals());
        }

        void write(FeatureCursor features) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(KML);
            xml.writeStartElement(KML, "kml");
            xml.writeDefaultNamespace(KML);
            xml.writeStartElement(KML, "Document");
            simple("name", Values.xmlSafe(type.title()));
            long position = 0;
            while (features.hasNext()) {
                placemark(features.next(), ++position);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void placemark(Feature f, long position) throws XMLStreamException {
            String id = info.featureId(f, position);
            xml.writeStartElement(KML, "Placemark");
            xml.writeAttribute("id", Values.ncName(id));
            simple("name", Values.xmlSafe(type.title() + " " + (f.id() == null ? Long.toString(position) : f.id())));
            List<AttributeDef> attributes = type.attributes();
            xml.writeStartElement(KML, "ExtendedData");
            for (int i = 0; i < attributes.size(); i++) {
                String value = Values.text(f.value(i));
                if (value != null) {
                    AttributeDef a = attributes.get(i);
                    xml.writeStartElement(KML, "Data");
                    xml.writeAttribute("name", a.name());
                    simple("displayName", Values.xmlSafe(a.title()));
                    simple("value", Values.xmlSafe(value));
                    xml.writeEndElement();
                }
            }
            xml.writeEndElement();
            Geometry g = Shapes.asDeclared(f.geometry(), type.geometryKind());
            if (g != null) {
                geometry(g);
            }
            xml.writeEndElement();
        }

        private void geometry(Geometry g) throws XMLStreamException {
            if (g instanceof Point p) {
                xml.writeStartElement(KML, "Point");
                coordinates(p.getCoordinateSequence(), false);
                xml.writeEndElement();
            } else if (g instanceof LineString l) {
                xml.writeStartElement(KML, "LineString");
                coordinates(l.getCoordinateSequence(), false);
                xml.writeEndElement();
            } else if (g instanceof Polygon p) {
                xml.writeStartElement(KML, "Polygon");
                CoordinateSequence shell = p.getExteriorRing().getCoordinateSequence();
                ring("outerBoundaryIs", shell, !Shapes.isCounterClockwise(shell));
                for (int i = 0; i < p.getNumInteriorRing(); i++) {
                    CoordinateSequence hole = p.getInteriorRingN(i).getCoordinateSequence();
                    ring("innerBoundaryIs", hole, Shapes.isCounterClockwise(hole));
                }
                xml.writeEndElement();
            } else if (g instanceof GeometryCollection) {
                xml.writeStartElement(KML, "MultiGeometry");
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    geometry(g.getGeometryN(i));
                }
                xml.writeEndElement();
            } else {
                throw new IllegalArgumentException("unsupported geometry type " + g.getGeometryType());
            }
        }

        private void ring(String boundary, CoordinateSequence seq, boolean reversed) throws XMLStreamException {
            xml.writeStartElement(KML, boundary);
            xml.writeStartElement(KML, "LinearRing");
            coordinates(seq, reversed);
            xml.writeEndElement();
            xml.writeEndElement();
        }

        /** {@code lon,lat lon,lat …}. */
        private void coordinates(CoordinateSequence seq, boolean reversed) throws XMLStreamException {
            text.setLength(0);
            int n = seq.size();
            for (int k = 0; k < n; k++) {
                int i = reversed ? n - 1 - k : k;
                if (k > 0) {
                    text.append(' ');
                }
                format.append(text, seq.getX(i));
                text.append(',');
                format.append(text, seq.getY(i));
            }
            simple("coordinates", text.toString());
        }

        private void simple(String name, String value) throws XMLStreamException {
            xml.writeStartElement(KML, name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

}
