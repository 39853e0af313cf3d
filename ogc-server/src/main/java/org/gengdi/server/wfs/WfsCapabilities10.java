package org.gengdi.server.wfs;

import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.server.ows.PublishedLayers.LayerSummary;
import org.locationtech.jts.geom.Envelope;

/**
 * The WFS 1.0.0 capabilities document (Filter Encoding 1.0) for the oldest clients: GML 2, {@code EPSG:xxxx} SRS
 * names (longitude/easting first, as WFS 1.0 always is) and latitude/longitude boxes.
 */
final class WfsCapabilities10 {
    static final String WFS = "http://www.opengis.net/wfs";
    static final String OGC = "http://www.opengis.net/ogc";

    private final XMLStreamWriter w;
    private final String url;
    private final long updateSequence;

    WfsCapabilities10(XMLStreamWriter w, String url, long updateSequence) {
        this.updateSequence = updateSequence;
        this.w = w;
        this.url = url;
    }

    void document(List<LayerSummary> layers) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.setDefaultNamespace(WFS);
        w.setPrefix("ogc", OGC);
        w.writeStartElement(WFS, "WFS_Capabilities");
        w.writeDefaultNamespace(WFS);
        w.writeNamespace("ogc", OGC);
        w.writeNamespace("xsi", WfsCapabilities.XSI);
        w.writeNamespace(WfsService.PREFIX, WfsService.NAMESPACE);
        w.writeAttribute("version", "1.0.0");
        w.writeAttribute("updateSequence", Long.toString(updateSequence));
        w.writeAttribute(WfsCapabilities.XSI, "schemaLocation",
                WFS + " http://schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd");
        w.writeStartElement(WFS, "Service");
        text("Name", "WFS");
        text("Title", WfsCapabilities.TITLE);
        text("Abstract", WfsCapabilities.ABSTRACT);
        text("Keywords", String.join(", ", WfsCapabilities.KEYWORDS));
        text("OnlineResource", url);
        text("Fees", "NONE");
        text("AccessConstraints", "NONE");
        w.writeEndElement();

        w.writeStartElement(WFS, "Capability");
        w.writeStartElement(WFS, "Request");
        w.writeStartElement(WFS, "GetCapabilities");
        dcp();
        w.writeEndElement();
        w.writeStartElement(WFS, "DescribeFeatureType");
        w.writeStartElement(WFS, "SchemaDescriptionLanguage");
        w.writeEmptyElement(WFS, "XMLSCHEMA");
        w.writeEndElement();
        dcp();
        w.writeEndElement();
        w.writeStartElement(WFS, "GetFeature");
        w.writeStartElement(WFS, "ResultFormat");
        w.writeEmptyElement(WFS, "GML2");
        w.writeEndElement();
        dcp();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();

        w.writeStartElement(WFS, "FeatureTypeList");
        w.writeStartElement(WFS, "Operations");
        w.writeEmptyElement(WFS, "Query");
        w.writeEndElement();
        for (LayerSummary l : layers) {
            w.writeStartElement(WFS, "FeatureType");
            text("Name", WfsService.PREFIX + ":" + l.name());
            text("Title", l.title());
            text("Abstract", l.title() + " (" + l.name() + ")");
            text("SRS", "EPSG:" + l.srid());
            Envelope g = WfsCapabilities.wgs84(l);
            if (g != null) {
                w.writeEmptyElement(WFS, "LatLongBoundingBox");
                w.writeAttribute("minx", WfsCapabilities.number(g.getMinX()));
                w.writeAttribute("miny", WfsCapabilities.number(g.getMinY()));
                w.writeAttribute("maxx", WfsCapabilities.number(g.getMaxX()));
                w.writeAttribute("maxy", WfsCapabilities.number(g.getMaxY()));
            }
            w.writeEndElement();
        }
        w.writeEndElement();

        w.writeStartElement("ogc", "Filter_Capabilities", OGC);
        w.writeStartElement("ogc", "Spatial_Capabilities", OGC);
        w.writeStartElement("ogc", "Spatial_Operators", OGC);
        for (String op : WfsCapabilities.SPATIAL) {
            w.writeEmptyElement("ogc", op.equals("Intersects") ? "Intersect" : op, OGC); // FE 1.0 spelling
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("ogc", "Scalar_Capabilities", OGC);
        w.writeEmptyElement("ogc", "Logical_Operators", OGC);
        w.writeStartElement("ogc", "Comparison_Operators", OGC);
        for (String c : List.of("Simple_Comparisons", "Like", "Between", "NullCheck")) {
            w.writeEmptyElement("ogc", c, OGC);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();

        w.writeEndElement();
        w.writeEndDocument();
    }

    private void dcp() throws XMLStreamException {
        w.writeStartElement(WFS, "DCPType");
        w.writeStartElement(WFS, "HTTP");
        w.writeEmptyElement(WFS, "Get");
        w.writeAttribute("onlineResource", url + "?");
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement(WFS, "DCPType");
        w.writeStartElement(WFS, "HTTP");
        w.writeEmptyElement(WFS, "Post");
        w.writeAttribute("onlineResource", url);
        w.writeEndElement();
        w.writeEndElement();
    }

    private void text(String local, String value) throws XMLStreamException {
        w.writeStartElement(WFS, local);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
