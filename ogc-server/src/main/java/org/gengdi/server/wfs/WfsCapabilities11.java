package org.gengdi.server.wfs;

import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.ows.PublishedLayers.LayerSummary;
import org.locationtech.jts.geom.Envelope;

/**
 * The WFS 1.1.0 capabilities document (OWS Common 1.0, Filter Encoding 1.1) for older clients: the same layers,
 * CRSs and operators as 2.0, GML 3.1.1 as the default output format.
 */
final class WfsCapabilities11 {
    static final String WFS = "http://www.opengis.net/wfs";
    static final String OWS = "http://www.opengis.net/ows";
    static final String OGC = "http://www.opengis.net/ogc";
    static final String GML = "http://www.opengis.net/gml";

    private static final List<String> COMPARISONS = List.of("LessThan", "GreaterThan", "LessThanEqualTo",
            "GreaterThanEqualTo", "EqualTo", "NotEqualTo", "Like", "Between", "NullCheck");
    /** The operands Filter 1.1 can name (its schema lists no multi-geometries; they are read all the same). */
    private static final List<String> GEOMETRY_OPERANDS = List.of("gml:Envelope", "gml:Point", "gml:LineString",
            "gml:Polygon");

    private final XMLStreamWriter w;
    private final String url;
    private final FeatureEncoders encoders;
    private final long updateSequence;
    private final Set<String> sections;

    WfsCapabilities11(XMLStreamWriter w, String url, FeatureEncoders encoders, long updateSequence,
                      Set<String> sections) {
        this.sections = sections;
        this.updateSequence = updateSequence;
        this.w = w;
        this.url = url;
        this.encoders = encoders;
    }

    void document(List<LayerSummary> layers) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.setPrefix("wfs", WFS);
        w.setPrefix("ows", OWS);
        w.setPrefix("ogc", OGC);
        w.setPrefix("gml", GML);
        w.setPrefix("xlink", WfsCapabilities.XLINK);
        w.writeStartElement("wfs", "WFS_Capabilities", WFS);
        w.writeNamespace("wfs", WFS);
        w.writeNamespace("ows", OWS);
        w.writeNamespace("ogc", OGC);
        w.writeNamespace("gml", GML);
        w.writeNamespace("xlink", WfsCapabilities.XLINK);
        w.writeNamespace("xsi", WfsCapabilities.XSI);
        w.writeNamespace(WfsService.PREFIX, WfsService.NAMESPACE);
        w.writeAttribute("version", "1.1.0");
        w.writeAttribute("updateSequence", Long.toString(updateSequence));
        w.writeAttribute(WfsCapabilities.XSI, "schemaLocation", WFS + " http://schemas.opengis.net/wfs/1.1.0/wfs.xsd");
        OwsServiceMetadata.sections(sections, () -> OwsServiceMetadata.identification(w, OWS, "1.1.0"),
                () -> OwsServiceMetadata.provider(w, OWS), this::operationsMetadata, () -> featureTypeList(layers),
                this::filterCapabilities);
        w.writeEndElement();
        w.writeEndDocument();
    }

    private void operationsMetadata() throws XMLStreamException {
        w.writeStartElement("ows", "OperationsMetadata", OWS);
        operation("GetCapabilities");
        parameter("AcceptVersions", WfsVersion.texts());
        parameter("AcceptFormats", List.of("text/xml"));
        w.writeEndElement();
        operation("DescribeFeatureType");
        parameter("outputFormat", List.of(DescribeFeatureTypeOperation.mime(WfsVersion.V1_1_0)));
        w.writeEndElement();
        operation("GetFeature");
        parameter("resultType", List.of("results", "hits"));
        parameter("outputFormat", WfsCapabilities.outputFormats(encoders, WfsVersion.V1_1_0));
        w.writeEndElement();
        w.writeStartElement("ows", "Constraint", OWS);
        w.writeAttribute("name", "DefaultMaxFeatures");
        OwsServiceMetadata.text(w, "ows", "Value", OWS, Long.toString(GetFeatureOperation.DEFAULT_COUNT));
        w.writeEndElement();
        w.writeEndElement();
    }

    private void operation(String name) throws XMLStreamException {
        w.writeStartElement("ows", "Operation", OWS);
        w.writeAttribute("name", name);
        w.writeStartElement("ows", "DCP", OWS);
        w.writeStartElement("ows", "HTTP", OWS);
        w.writeEmptyElement("ows", "Get", OWS);
        w.writeAttribute("xlink", WfsCapabilities.XLINK, "href", url + "?");
        w.writeEmptyElement("ows", "Post", OWS);
        w.writeAttribute("xlink", WfsCapabilities.XLINK, "href", url);
        w.writeEndElement();
        w.writeEndElement();
    }

    private void parameter(String name, List<String> values) throws XMLStreamException {
        w.writeStartElement("ows", "Parameter", OWS);
        w.writeAttribute("name", name);
        for (String v : values) {
            OwsServiceMetadata.text(w, "ows", "Value", OWS, v);
        }
        w.writeEndElement();
    }

    private void featureTypeList(List<LayerSummary> layers) throws XMLStreamException {
        CrsRegistry crs = CrsRegistry.get();
        w.writeStartElement("wfs", "FeatureTypeList", WFS);
        w.writeStartElement("wfs", "Operations", WFS);
        OwsServiceMetadata.text(w, "wfs", "Operation", WFS, "Query");
        w.writeEndElement();
        for (LayerSummary l : layers) {
            w.writeStartElement("wfs", "FeatureType", WFS);
            OwsServiceMetadata.text(w, "wfs", "Name", WFS, WfsService.PREFIX + ":" + l.name());
            OwsServiceMetadata.text(w, "wfs", "Title", WFS, l.title());
            OwsServiceMetadata.text(w, "wfs", "Abstract", WFS, l.title() + " (" + l.name() + ")");
            OwsServiceMetadata.text(w, "wfs", "DefaultSRS", WFS, crs.urn(l.srid()));
            for (int other : WfsCapabilities.OTHER_CRS) {
                if (other != l.srid()) {
                    OwsServiceMetadata.text(w, "wfs", "OtherSRS", WFS, crs.urn(other));
                }
            }
            Envelope g = WfsCapabilities.wgs84(l);
            if (g != null) {
                w.writeStartElement("ows", "WGS84BoundingBox", OWS);
                OwsServiceMetadata.text(w, "ows", "LowerCorner", OWS, WfsCapabilities.number(g.getMinX()) + " "
                        + WfsCapabilities.number(g.getMinY()));
                OwsServiceMetadata.text(w, "ows", "UpperCorner", OWS, WfsCapabilities.number(g.getMaxX()) + " "
                        + WfsCapabilities.number(g.getMaxY()));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void filterCapabilities() throws XMLStreamException {
        w.writeStartElement("ogc", "Filter_Capabilities", OGC);
        w.writeStartElement("ogc", "Spatial_Capabilities", OGC);
        w.writeStartElement("ogc", "GeometryOperands", OGC);
        for (String g : GEOMETRY_OPERANDS) {
            OwsServiceMetadata.text(w, "ogc", "GeometryOperand", OGC, g);
        }
        w.writeEndElement();
        w.writeStartElement("ogc", "SpatialOperators", OGC);
        for (String op : WfsCapabilities.SPATIAL) {
            w.writeEmptyElement("ogc", "SpatialOperator", OGC);
            w.writeAttribute("name", op);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("ogc", "Scalar_Capabilities", OGC);
        w.writeEmptyElement("ogc", "LogicalOperators", OGC);
        w.writeStartElement("ogc", "ComparisonOperators", OGC);
        for (String c : COMPARISONS) {
            OwsServiceMetadata.text(w, "ogc", "ComparisonOperator", OGC, c);
        }
        w.writeEndElement();
        w.writeEndElement();
        w.writeStartElement("ogc", "Id_Capabilities", OGC);
        w.writeEmptyElement("ogc", "EID", OGC);
        w.writeEmptyElement("ogc", "FID", OGC);
        w.writeEndElement();
        w.writeEndElement();
    }
}
