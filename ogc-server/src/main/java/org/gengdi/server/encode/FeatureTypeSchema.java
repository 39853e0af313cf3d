package org.gengdi.server.encode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;

/**
 * The GML application schema of feature types, as DescribeFeatureType answers it and as {@link GmlEncoder} writes
 * features: for each type a {@code complexType LAYERType} extending {@code gml:AbstractFeatureType} with a sequence of
 * its attributes ({@code xsd:string} with {@code maxLength}, {@code xsd:int}, {@code xsd:long}, {@code xsd:double},
 * {@code xsd:boolean}, {@code xsd:date}, {@code xsd:dateTime}), then its geometry property
 * ({@code gml:MultiSurfacePropertyType} for multipolygons, …), every property {@code minOccurs="0"} because null
 * values are left out; and a global element {@code LAYER} in the substitution group of the GML abstract feature.
 *
 * <p>This is the plain shape ArcGIS Online's map viewer and OWSLib's {@code get_schema()} expect: one top-level
 * element per type, whose complexType extends with a sequence of properties.
 */
public final class FeatureTypeSchema {
    private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;

    private FeatureTypeSchema() {
    }

    /** The name of a type's complexType: {@code LAYERType}. */
    public static String typeName(FeatureType type) {
        return type.name() + "Type";
    }

    /**
     * The GML property type declared for a geometry kind: in GML 3 {@code PointPropertyType},
     * {@code CurvePropertyType}, {@code SurfacePropertyType}, {@code MultiPointPropertyType},
     * {@code MultiCurvePropertyType}, {@code MultiSurfacePropertyType}, {@code GeometryPropertyType}; in GML 2 the
     * {@code Point}/{@code LineString}/{@code Polygon}/{@code Multi…} property types.
     */
    public static String geometryPropertyType(GeometryKind kind, GmlVersion version) {
        boolean gml3 = version.isGml3();
        return switch (kind) {
            case POINT -> "PointPropertyType";
            case LINESTRING -> gml3 ? "CurvePropertyType" : "LineStringPropertyType";
            case POLYGON -> gml3 ? "SurfacePropertyType" : "PolygonPropertyType";
            case MULTIPOINT -> "MultiPointPropertyType";
            case MULTILINESTRING -> gml3 ? "MultiCurvePropertyType" : "MultiLineStringPropertyType";
            case MULTIPOLYGON -> gml3 ? "MultiSurfacePropertyType" : "MultiPolygonPropertyType";
            case GEOMETRY -> "GeometryPropertyType";
        };
    }

    /** The XML Schema built-in type of an attribute type, e.g. {@code int} for INTEGER. */
    public static String xsdType(AttributeType type) {
        return switch (type) {
            case STRING -> "string";
            case INTEGER -> "int";
            case LONG -> "long";
            case DOUBLE -> "double";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case DATETIME -> "dateTime";
        };
    }

    /**
     * Writes one schema document for the types (all in the namespace given) to the stream, UTF-8.
     *
     * @param prefix       the prefix of the feature types' namespace, e.g. {@code gengdi}
     * @param namespaceUri the feature types' namespace, e.g. {@code http://gengdi.org/farmland}
     */
    public static void write(List<FeatureType> types, GmlVersion version, String prefix, String namespaceUri,
                             OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XmlOutput.open(out);
            write(xml, types, version, prefix, namespaceUri);
            xml.flush();
            xml.close();
            out.flush();
        } catch (XMLStreamException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("writing the schema failed: " + e, e);
        }
    }

    /** The schema document as a string. */
    public static String toString(List<FeatureType> types, GmlVersion version, String prefix, String namespaceUri) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            write(types, version, prefix, namespaceUri, b);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static void write(XMLStreamWriter xml, List<FeatureType> types, GmlVersion version, String prefix,
                              String ns) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("xsd", "schema", XSD);
        xml.writeNamespace("xsd", XSD);
        xml.writeNamespace("gml", version.namespace());
        xml.writeNamespace(prefix, ns);
        xml.writeAttribute("targetNamespace", ns);
        xml.writeAttribute("elementFormDefault", "qualified");
        xml.writeAttribute("attributeFormDefault", "unqualified");
        xml.writeEmptyElement("xsd", "import", XSD);
        xml.writeAttribute("namespace", version.namespace());
        xml.writeAttribute("schemaLocation", version.schemaLocation());
        for (FeatureType type : types) {
            complexType(xml, type, version);
            xml.writeEmptyElement("xsd", "element", XSD);
            xml.writeAttribute("name", type.name());
            xml.writeAttribute("type", prefix + ":" + typeName(type));
            xml.writeAttribute("substitutionGroup", "gml:" + version.abstractFeatureElement());
        }
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    private static void complexType(XMLStreamWriter xml, FeatureType type, GmlVersion version)
            throws XMLStreamException {
        xml.writeStartElement("xsd", "complexType", XSD);
        xml.writeAttribute("name", typeName(type));
        xml.writeStartElement("xsd", "complexContent", XSD);
        xml.writeStartElement("xsd", "extension", XSD);
        xml.writeAttribute("base", "gml:AbstractFeatureType");
        xml.writeStartElement("xsd", "sequence", XSD);
        for (AttributeDef a : type.attributes()) {
            boolean restricted = a.type() == AttributeType.STRING && a.length() > 0;
            if (restricted) {
                xml.writeStartElement("xsd", "element", XSD);
            } else {
                xml.writeEmptyElement("xsd", "element", XSD);
            }
            xml.writeAttribute("name", a.name());
            if (!restricted) {
                xml.writeAttribute("type", "xsd:" + xsdType(a.type()));
            }
            xml.writeAttribute("minOccurs", "0");
            xml.writeAttribute("maxOccurs", "1");
            if (restricted) {
                // The length lets GDAL and ArcGIS size the field instead of guessing from the first features.
                xml.writeStartElement("xsd", "simpleType", XSD);
                xml.writeStartElement("xsd", "restriction", XSD);
                xml.writeAttribute("base", "xsd:string");
                xml.writeEmptyElement("xsd", "maxLength", XSD);
                xml.writeAttribute("value", Integer.toString(a.length()));
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
        }
        xml.writeEmptyElement("xsd", "element", XSD);
        xml.writeAttribute("name", type.geometryName());
        xml.writeAttribute("type", "gml:" + geometryPropertyType(type.geometryKind(), version));
        xml.writeAttribute("minOccurs", "0");
        xml.writeAttribute("maxOccurs", "1");
        xml.writeEndElement(); // sequence
        xml.writeEndElement(); // extension
        xml.writeEndElement(); // complexContent
        xml.writeEndElement(); // complexType
    }

}
