package org.gengdi.server.wfs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.server.encode.FeatureEncoder;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.encode.XmlOutput;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.ows.PublishedLayers.LayerSummary;
import org.locationtech.jts.geom.Envelope;

/**
 * The capabilities documents, written straight to the response: WFS 2.0.0 here (OWS Common 1.1, FES 2.0), 1.1.0 in
 * {@link WfsCapabilities11} and 1.0.0 in {@link WfsCapabilities10}. The 2.0 constraints declare what is implemented,
 * no more: Basic WFS over KVP and XML (POST), result paging, ad-hoc queries with FES 2.0 filters, sorting, the fixed
 * stored queries; no transactions, locking, joins or managed stored queries.
 */
final class WfsCapabilities {
    static final String WFS = "http://www.opengis.net/wfs/2.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String FES = "http://www.opengis.net/fes/2.0";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String GML = "http://www.opengis.net/gml/3.2";
    /** CRSs every type is also offered in besides its own. */
    static final List<Integer> OTHER_CRS = List.of(4490, 4326, 3857);
    static final String TITLE = "耕地保护要素服务 Gengdi Web Feature Service";
    static final String ABSTRACT = "永久基本农田、耕地及相关管控图层的要素服务（不含个人信息字段）。"
            + " Farmland protection layers over WFS; personal fields are not published.";
    static final List<String> KEYWORDS = List.of("耕地", "永久基本农田", "WFS", "farmland");

    private static final List<String> COMPARISONS = List.of("PropertyIsEqualTo", "PropertyIsNotEqualTo",
            "PropertyIsLessThan", "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo",
            "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike", "PropertyIsNull", "PropertyIsNil",
            "PropertyIsBetween");
    static final List<String> SPATIAL = List.of("BBOX", "Equals", "Disjoint", "Intersects", "Touches",
            "Crosses", "Within", "Contains", "Overlaps", "Beyond", "DWithin");
    private static final List<String> GEOMETRY_OPERANDS = List.of("gml:Envelope", "gml:Point", "gml:LineString",
            "gml:Polygon", "gml:Curve", "gml:Surface", "gml:MultiPoint", "gml:MultiCurve", "gml:MultiSurface",
            "gml:MultiGeometry");
    private static final List<String> TEMPORAL = List.of("After", "Before", "During", "TEquals");

    private WfsCapabilities() {
    }

    /** The output format names GetFeature advertises: the first name of each encoder, plus common aliases. */
    static List<String> outputFormats(FeatureEncoders encoders, WfsVersion version) {
        Set<String> out = new LinkedHashSet<>();
        for (FeatureEncoder e : GetFeatureOperation.encoders(encoders, version)) {
            out.add(e.mimeType());
            for (String alias : e.formatNames()) {
                if (alias.equals("application/json") || alias.equals("text/xml; subtype=gml/3.2") || alias.equals("GML2")
                        || alias.equals("gml2") || alias.equals("gml3")
                        || alias.equals("shape-zip") || alias.equals("csv") || alias.equals("kml")) {
                    out.add(alias);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The WGS 84 longitude/latitude box of a layer, or null when it has no features. */
    static Envelope wgs84(LayerSummary l) {
        Envelope b = l.bounds();
        if (b == null || b.isNull()) {
            return null;
        }
        return l.srid() == 4326 ? b : CrsRegistry.get().transform(l.srid(), 4326).transform(b);
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** The sections of a capabilities document a client may ask for (OWS Common SECTIONS). */
    static final List<String> SECTIONS = List.of("ServiceIdentification", "ServiceProvider", "OperationsMetadata",
            "FeatureTypeList", "Filter_Capabilities");

    /** SECTIONS: a comma list of section names or All; null or All for every section. */
    static Set<String> sections(String text) {
        if (text == null) {
            return Set.copyOf(SECTIONS);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            String n = name.strip();
            if (n.equalsIgnoreCase("All")) {
                return Set.copyOf(SECTIONS);
            }
            String known = SECTIONS.stream().filter(x -> x.equalsIgnoreCase(n)).findFirst()
                    .orElseThrow(() -> new OwsException(OwsException.Code.InvalidParameterValue, "sections",
                            "unknown section '" + n + "'; sections are " + String.join(", ", SECTIONS) + ", All"));
            out.add(known);
        }
        return out;
    }

    static void write(WfsVersion version, WfsLayers layers, FeatureEncoders encoders, String serviceUrl,
                      long updateSequence, Set<String> sections, HttpServletResponse response) throws IOException {
        List<LayerSummary> summaries = layers.summaries().summaries(); // before anything is written: may fail
        response.setStatus(200);
        response.setContentType("application/xml");
        response.setCharacterEncoding("UTF-8");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 16384);
        try {
            XMLStreamWriter w = XmlOutput.open(out);
            switch (version) {
                case V2_0_0 -> new Writer(w, serviceUrl, encoders, updateSequence, sections).document(summaries);
                case V1_1_0 -> new WfsCapabilities11(w, serviceUrl, encoders, updateSequence, sections)
                        .document(summaries);
                case V1_0_0 -> new WfsCapabilities10(w, serviceUrl, updateSequence).document(summaries);
            }
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing the capabilities failed: " + e.getMessage(), e);
        }
        out.flush();
    }

    private record Writer(XMLStreamWriter w, String url, FeatureEncoders encoders, long updateSequence,
                          Set<String> sections) {

        void document(List<LayerSummary> layers) throws XMLStreamException {
            w.writeStartDocument("UTF-8", "1.0");
            w.setPrefix("wfs", WFS);
            w.setPrefix("ows", OWS);
            w.setPrefix("fes", FES);
            w.setPrefix("xlink", XLINK);
            w.setPrefix("gml", GML);
            w.setPrefix(WfsService.PREFIX, WfsService.NAMESPACE);
            w.writeStartElement("wfs", "WFS_Capabilities", WFS);
            w.writeNamespace("wfs", WFS);
            w.writeNamespace("ows", OWS);
            w.writeNamespace("fes", FES);
            w.writeNamespace("xlink", XLINK);
            w.writeNamespace("gml", GML);
            w.writeNamespace("xsi", XSI);
            w.writeNamespace(WfsService.PREFIX, WfsService.NAMESPACE);
            w.writeAttribute("version", WfsService.VERSION);
            w.writeAttribute("updateSequence", Long.toString(updateSequence));
            w.writeAttribute(XSI, "schemaLocation", WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd");
            OwsServiceMetadata.sections(sections, () -> OwsServiceMetadata.identification(w, OWS, WfsService.VERSION),
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
            parameter("Sections", List.of("ServiceIdentification", "ServiceProvider", "OperationsMetadata",
                    "FeatureTypeList", "Filter_Capabilities"));
            w.writeEndElement();
            operation("DescribeFeatureType");
            parameter("outputFormat", List.of(DescribeFeatureTypeOperation.mime(WfsVersion.V2_0_0),
                    "text/xml; subtype=gml/3.2"));
            w.writeEndElement();
            operation("GetFeature");
            parameter("outputFormat", outputFormats(encoders, WfsVersion.V2_0_0));
            parameter("resultType", List.of("results", "hits"));
            w.writeEndElement();
            operation("GetPropertyValue");
            parameter("resultType", List.of("results", "hits"));
            w.writeEndElement();
            operation("ListStoredQueries");
            w.writeEndElement();
            operation("DescribeStoredQueries");
            w.writeEndElement();
            parameter("version", List.of("2.0.0"));
            constraint("ImplementsBasicWFS", "TRUE");
            constraint("ImplementsTransactionalWFS", "FALSE");
            constraint("ImplementsLockingWFS", "FALSE");
            constraint("KVPEncoding", "TRUE");
            constraint("XMLEncoding", "TRUE");
            constraint("SOAPEncoding", "FALSE");
            constraint("ImplementsInheritance", "FALSE");
            constraint("ImplementsRemoteResolve", "FALSE");
            constraint("ImplementsResultPaging", "TRUE");
            constraint("ImplementsStandardJoins", "FALSE");
            constraint("ImplementsSpatialJoins", "FALSE");
            constraint("ImplementsTemporalJoins", "FALSE");
            constraint("ImplementsFeatureVersioning", "FALSE");
            constraint("ManageStoredQueries", "FALSE");
            constraint("CountDefault", Long.toString(GetFeatureOperation.DEFAULT_COUNT));
            w.writeStartElement("ows", "Constraint", OWS);
            w.writeAttribute("name", "QueryExpressions");
            w.writeStartElement("ows", "AllowedValues", OWS);
            OwsServiceMetadata.text(w, "ows", "Value", OWS, "wfs:Query");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }

        private void operation(String name) throws XMLStreamException {
            w.writeStartElement("ows", "Operation", OWS);
            w.writeAttribute("name", name);
            w.writeStartElement("ows", "DCP", OWS);
            w.writeStartElement("ows", "HTTP", OWS);
            w.writeEmptyElement("ows", "Get", OWS);
            w.writeAttribute("xlink", XLINK, "href", url + "?");
            w.writeEmptyElement("ows", "Post", OWS);
            w.writeAttribute("xlink", XLINK, "href", url);
            w.writeEndElement();
            w.writeEndElement();
        }

        private void parameter(String name, List<String> values) throws XMLStreamException {
            w.writeStartElement("ows", "Parameter", OWS);
            w.writeAttribute("name", name);
            w.writeStartElement("ows", "AllowedValues", OWS);
            for (String v : values) {
                OwsServiceMetadata.text(w, "ows", "Value", OWS, v);
            }
            w.writeEndElement();
            w.writeEndElement();
        }

        private void constraint(String name, String value) throws XMLStreamException {
            w.writeStartElement("ows", "Constraint", OWS);
            w.writeAttribute("name", name);
            w.writeEmptyElement("ows", "NoValues", OWS);
            OwsServiceMetadata.text(w, "ows", "DefaultValue", OWS, value);
            w.writeEndElement();
        }

        private void featureTypeList(List<LayerSummary> layers) throws XMLStreamException {
            CrsRegistry crs = CrsRegistry.get();
            w.writeStartElement("wfs", "FeatureTypeList", WFS);
            for (LayerSummary l : layers) {
                w.writeStartElement("wfs", "FeatureType", WFS);
                OwsServiceMetadata.text(w, "wfs", "Name", WFS, WfsService.PREFIX + ":" + l.name());
                w.writeStartElement("wfs", "Title", WFS);
                w.writeAttribute("xml:lang", "zh-CN");
                w.writeCharacters(l.title());
                w.writeEndElement();
                OwsServiceMetadata.text(w, "wfs", "Abstract", WFS, l.title() + " (" + l.name() + ")");
                OwsServiceMetadata.text(w, "wfs", "DefaultCRS", WFS, crs.urn(l.srid()));
                for (int other : OTHER_CRS) {
                    if (other != l.srid()) {
                        OwsServiceMetadata.text(w, "wfs", "OtherCRS", WFS, crs.urn(other));
                    }
                }
                Envelope g = wgs84(l);
                if (g != null) {
                    w.writeStartElement("ows", "WGS84BoundingBox", OWS);
                    OwsServiceMetadata.text(w, "ows", "LowerCorner", OWS, number(g.getMinX()) + " " + number(g.getMinY()));
                    OwsServiceMetadata.text(w, "ows", "UpperCorner", OWS, number(g.getMaxX()) + " " + number(g.getMaxY()));
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }

        private void filterCapabilities() throws XMLStreamException {
            w.writeStartElement("fes", "Filter_Capabilities", FES);
            w.writeStartElement("fes", "Conformance", FES);
            fesConstraint("ImplementsQuery", true);
            fesConstraint("ImplementsAdHocQuery", true);
            fesConstraint("ImplementsFunctions", false);
            fesConstraint("ImplementsResourceId", true);
            fesConstraint("ImplementsMinStandardFilter", true);
            fesConstraint("ImplementsStandardFilter", true);
            fesConstraint("ImplementsMinSpatialFilter", true);
            fesConstraint("ImplementsSpatialFilter", true);
            fesConstraint("ImplementsMinTemporalFilter", true);
            fesConstraint("ImplementsTemporalFilter", false);
            fesConstraint("ImplementsVersionNav", false);
            fesConstraint("ImplementsSorting", true);
            fesConstraint("ImplementsExtendedOperators", false);
            fesConstraint("ImplementsMinimumXPath", false);
            fesConstraint("ImplementsSchemaElementFunc", false);
            w.writeEndElement();
            w.writeStartElement("fes", "Id_Capabilities", FES);
            w.writeEmptyElement("fes", "ResourceIdentifier", FES);
            w.writeAttribute("name", "fes:ResourceId");
            w.writeEndElement();
            w.writeStartElement("fes", "Scalar_Capabilities", FES);
            w.writeEmptyElement("fes", "LogicalOperators", FES);
            w.writeStartElement("fes", "ComparisonOperators", FES);
            named("ComparisonOperator", COMPARISONS);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("fes", "Spatial_Capabilities", FES);
            w.writeStartElement("fes", "GeometryOperands", FES);
            named("GeometryOperand", GEOMETRY_OPERANDS);
            w.writeEndElement();
            w.writeStartElement("fes", "SpatialOperators", FES);
            named("SpatialOperator", SPATIAL);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("fes", "Temporal_Capabilities", FES);
            w.writeStartElement("fes", "TemporalOperands", FES);
            named("TemporalOperand", List.of("gml:TimeInstant", "gml:TimePeriod"));
            w.writeEndElement();
            w.writeStartElement("fes", "TemporalOperators", FES);
            named("TemporalOperator", TEMPORAL);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }

        private void fesConstraint(String name, boolean value) throws XMLStreamException {
            w.writeStartElement("fes", "Constraint", FES);
            w.writeAttribute("name", name);
            w.writeEmptyElement("ows", "NoValues", OWS);
            OwsServiceMetadata.text(w, "ows", "DefaultValue", OWS, value ? "TRUE" : "FALSE");
            w.writeEndElement();
        }

        private void named(String element, List<String> names) throws XMLStreamException {
            for (String n : names) {
                w.writeEmptyElement("fes", element, FES);
                w.writeAttribute("name", n);
            }
        }
    }
}
