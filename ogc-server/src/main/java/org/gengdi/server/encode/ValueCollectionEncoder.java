package org.gengdi.server.encode;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.locationtech.jts.geom.Geometry;

/**
 * The WFS 2.0 GetPropertyValue answer: a {@code wfs:ValueCollection} with one {@code wfs:member} per feature holding
 * the value of one property — its text for an attribute, a GML 3.2 geometry for the geometry property. Streams like
 * {@link GmlEncoder}; the caller leaves out features whose value is null, so {@code numberReturned} (required before
 * the members) counts the members.
 */
public final class ValueCollectionEncoder {
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private ValueCollectionEncoder() {
    }

    /** The media type of the answer. */
    public static String mimeType() {
        return "application/gml+xml; version=3.2";
    }

    /**
     * Writes the values of {@code property} (an attribute of {@code info.featureType()} or its geometry name).
     *
     * @throws IllegalArgumentException when the property is neither, or {@code numberReturned} is unknown
     */
    public static void write(FeatureCollectionInfo info, String property, FeatureCursor features, OutputStream out)
            throws IOException {
        FeatureType type = info.featureType();
        boolean geometry = type.isGeometry(property);
        int index = geometry ? -1 : type.indexOf(property);
        if (!geometry && index < 0) {
            throw new IllegalArgumentException("no property " + property + " in " + type.name());
        }
        if (info.numberReturned() == null) {
            throw new IllegalArgumentException("numberReturned must be known before the values");
        }
        GmlVersion v = GmlVersion.GML_3_2;
        String wfs = v.wfsNamespace();
        try {
            XMLStreamWriter xml = XmlOutput.open(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "ValueCollection", wfs);
            xml.writeNamespace("wfs", wfs);
            xml.writeNamespace("gml", v.namespace());
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute("xsi", XSI, "schemaLocation", wfs + " " + v.wfsSchemaLocation() + " "
                    + v.namespace() + " " + v.schemaLocation());
            xml.writeAttribute("timeStamp", info.timeStamp().toString());
            xml.writeAttribute("numberMatched",
                    info.numberMatched() == null ? "unknown" : info.numberMatched().toString());
            xml.writeAttribute("numberReturned", info.numberReturned().toString());
            if (info.next() != null) {
                xml.writeAttribute("next", info.next());
            }
            if (info.previous() != null) {
                xml.writeAttribute("previous", info.previous());
            }
            GmlGeometryWriter geometries = new GmlGeometryWriter(xml, v, new CoordinateFormat(info.decimals()),
                    info.gmlAxisOrder(), info.crs().text());
            long position = 0;
            while (features.hasNext()) {
                Feature f = features.next();
                position++;
                if (geometry) {
                    Geometry g = Shapes.asDeclared(f.geometry(), type.geometryKind());
                    if (g == null) {
                        continue;
                    }
                    xml.writeStartElement("wfs", "member", wfs);
                    geometries.write(g, Values.ncName(info.featureId(f, position)) + ".geom");
                } else {
                    String text = Values.text(f.value(index));
                    if (text == null) {
                        continue;
                    }
                    xml.writeStartElement("wfs", "member", wfs);
                    xml.writeCharacters(Values.xmlSafe(text));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("writing values failed: " + e, e);
        }
    }
}
