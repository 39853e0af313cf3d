package org.gengdi.server.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.locationtech.jts.geom.Geometry;

/**
 * The WFS GetFeature response in GML: {@code wfs:FeatureCollection} of WFS 2.0 with GML 3.2, of WFS 1.1 with
 * GML 3.1.1, or of WFS 1.0 with GML 2.1.2.
 *
 * <p>Each feature is a flat element {@code gengdi:LAYER} with its id ({@code gml:id="LAYER.fid"}, {@code fid} in
 * GML 2), one element per non-null attribute in schema order, then the geometry property — the simple-features
 * profile (SF-0) that ArcGIS reads, matching {@link FeatureTypeSchema}. Null values are left out (the schema
 * declares every property {@code minOccurs="0"}). Geometries are written as the layer declares them (a polygon in a
 * multipolygon layer becomes a one-member {@code MultiSurface}) with {@code srsName} echoing the CRS as the client
 * wrote it and coordinates in the axis order that form implies: {@code urn:ogc:def:crs:EPSG::4490} latitude first,
 * {@code EPSG:4490} longitude first. GML 2 (WFS 1.0) is always longitude first.
 *
 * <p>WFS 2.0 wants {@code numberReturned} on the root element, before any feature: this encoder requires it in
 * {@link FeatureCollectionInfo#numberReturned()} for GML 3.2; {@code numberMatched} may be unknown.
 */
public final class GmlEncoder implements FeatureEncoder {
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    private final GmlVersion version;

    public GmlEncoder(GmlVersion version) {
        this.version = version;
    }

    /** WFS 2.0 / GML 3.2. */
    public static GmlEncoder gml32() {
        return new GmlEncoder(GmlVersion.GML_3_2);
    }

    /** WFS 1.1 / GML 3.1.1. */
    public static GmlEncoder gml311() {
        return new GmlEncoder(GmlVersion.GML_3_1_1);
    }

    /** WFS 1.0 / GML 2.1.2. */
    public static GmlEncoder gml2() {
        return new GmlEncoder(GmlVersion.GML_2_1_2);
    }

    public GmlVersion version() {
        return version;
    }

    @Override
    public String mimeType() {
        return switch (version) {
            case GML_3_2 -> "application/gml+xml; version=3.2";
            case GML_3_1_1 -> "text/xml; subtype=gml/3.1.1";
            case GML_2_1_2 -> "text/xml; subtype=gml/2.1.2";
        };
    }

    @Override
    public List<String> formatNames() {
        return switch (version) {
            case GML_3_2 -> List.of(mimeType(), "application/gml+xml; version=3.2.1", "text/xml; subtype=gml/3.2",
                    "text/xml; subtype=gml/3.2.1", "gml32");
            case GML_3_1_1 -> List.of(mimeType(), "application/gml+xml; version=3.1", "text/xml; subtype=gml/3.1",
                    "gml3", "gml31");
            case GML_2_1_2 -> List.of(mimeType(), "text/xml; subtype=gml/2", "gml2");
        };
    }

    @Override
    public String fileExtension() {
        return "gml";
    }

    @Override
    public boolean mixesTypes() {
        return true;
    }

    @Override
    public void write(FeatureCollectionInfo info, FeatureCursor features, OutputStream out) throws IOException {
        if (version == GmlVersion.GML_3_2 && info.numberReturned() == null) {
            throw new IllegalArgumentException("WFS 2.0 needs numberReturned before the features: count first");
        }
        try {
            XMLStreamWriter xml = XmlOutput.open(out);
            new Document(info, xml).write(features);
            xml.flush();
            xml.close(); // does not close the stream
            out.flush();
        } catch (XMLStreamException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("writing GML failed: " + e, e);
        }
    }

    /** The state of one response. */
    private final class Document {
        private final FeatureCollectionInfo info;
        private final XMLStreamWriter xml;
        private final String gml = version.namespace();
        private final String wfs = version.wfsNamespace();
        private final String prefix;
        private final String ns;
        private final GmlGeometryWriter geometries;

        Document(FeatureCollectionInfo info, XMLStreamWriter xml) {
            this.info = info;
            this.xml = xml;
            this.prefix = info.namespacePrefix();
            this.ns = info.namespaceUri();
            // WFS 1.0 clients read GML 2 longitude first whatever form the SRS was given in.
            AxisOrder order = version == GmlVersion.GML_2_1_2 ? AxisOrder.EAST_NORTH : info.gmlAxisOrder();
            this.geometries = new GmlGeometryWriter(xml, version, new CoordinateFormat(info.decimals()), order,
                    srsName());
        }

        /** As the client wrote it; for GML 2 a longitude-first form when it wrote a latitude-first one. */
        private String srsName() {
            if (version == GmlVersion.GML_2_1_2 && info.crs().northFirst()) {
                return "http://www.opengis.net/gml/srs/epsg.xml#" + info.crs().srid();
            }
            return info.crs().text();
        }

        void write(FeatureCursor features) throws XMLStreamException {
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("wfs", "FeatureCollection", wfs);
            xml.writeNamespace("wfs", wfs);
            xml.writeNamespace("gml", gml);
            xml.writeNamespace(prefix, ns);
            xml.writeNamespace("xsi", XSI);
            rootAttributes();
            if (version == GmlVersion.GML_2_1_2) {
                // GML 2 collections must say where they are before their members; "unknown" is what a stream can say.
                xml.writeStartElement("gml", "boundedBy", gml);
                xml.writeStartElement("gml", "null", gml);
                xml.writeCharacters("unknown");
                xml.writeEndElement();
                xml.writeEndElement();
            }
            long position = 0;
            while (features.hasNext()) {
                feature(features.next(), ++position);
            }
            xml.writeEndElement();
            xml.writeEndDocument();
        }

        private void rootAttributes() throws XMLStreamException {
            StringBuilder locations = new StringBuilder();
            locations.append(wfs).append(' ').append(version.wfsSchemaLocation());
            if (version == GmlVersion.GML_3_2) {
                locations.append(' ').append(gml).append(' ').append(version.schemaLocation());
            }
            if (info.schemaLocation() != null) {
                locations.append(' ').append(ns).append(' ').append(info.schemaLocation());
            }
            xml.writeAttribute("xsi", XSI, "schemaLocation", locations.toString());
            String timeStamp = info.timeStamp().toString();
            switch (version) {
                case GML_3_2 -> {
                    xml.writeAttribute("timeStamp", timeStamp);
                    xml.writeAttribute("numberMatched",
                            info.numberMatched() == null ? "unknown" : info.numberMatched().toString());
                    xml.writeAttribute("numberReturned", info.numberReturned().toString());
                    if (info.next() != null) {
                        xml.writeAttribute("next", info.next());
                    }
                    if (info.previous() != null) {
                        xml.writeAttribute("previous", info.previous());
                    }
                }
                case GML_3_1_1 -> {
                    xml.writeAttribute("timeStamp", timeStamp);
                    if (info.numberReturned() != null) {
                        xml.writeAttribute("numberOfFeatures", info.numberReturned().toString());
                    }
                }
                case GML_2_1_2 -> {
                }
            }
        }

        private void feature(Feature f, long position) throws XMLStreamException {
            String id = Values.ncName(info.featureId(f, position));
            if (version == GmlVersion.GML_3_2) {
                xml.writeStartElement("wfs", "member", wfs);
            } else {
                xml.writeStartElement("gml", "featureMember", gml);
            }
            FeatureType type = f.type();
            xml.writeStartElement(prefix, type.name(), ns);
            if (version == GmlVersion.GML_2_1_2) {
                xml.writeAttribute("fid", id);
            } else {
                xml.writeAttribute("gml", gml, "id", id);
            }
            List<AttributeDef> attributes = type.attributes();
            for (int i = 0; i < attributes.size(); i++) {
                String text = Values.text(f.value(i));
                if (text != null) {
                    xml.writeStartElement(prefix, attributes.get(i).name(), ns);
                    xml.writeCharacters(Values.xmlSafe(text));
                    xml.writeEndElement();
                }
            }
            Geometry g = Shapes.asDeclared(f.geometry(), type.geometryKind());
            if (g != null) {
                xml.writeStartElement(prefix, type.geometryName(), ns);
                geometries.write(g, id + ".geom");
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
    }

}
