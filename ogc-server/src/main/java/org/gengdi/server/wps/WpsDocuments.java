package org.gengdi.server.wps;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.task.JobOutput;
import org.gengdi.core.task.JobRecord;
import org.gengdi.core.xml.SafeXml;
import org.gengdi.process.DataType;
import org.gengdi.process.Format;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.process.OutputDescription;
import org.gengdi.process.ProcessDescription;
import org.gengdi.server.encode.XmlOutput;
import org.gengdi.server.jobs.ExecuteRequest;
import org.gengdi.server.jobs.ExecuteRequest.RawInput;

/**
 * The WPS 1.0.0 documents: Capabilities, ProcessDescriptions and ExecuteResponse, valid against the official
 * schemas. Titles and abstracts are Chinese for {@code language=zh-CN} (the default) and English for
 * {@code en-US}.
 */
final class WpsDocuments {
    static final String WPS = WpsXml.WPS;
    static final String OWS = WpsXml.OWS;
    static final String XLINK = WpsXml.XLINK;
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String SCHEMAS = "http://schemas.opengis.net/wps/1.0.0/";

    private WpsDocuments() {
    }

    private static XMLStreamWriter start(OutputStream out, String root, String schema, String language)
            throws XMLStreamException {
        XMLStreamWriter w = XmlOutput.open(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("wps", root, WPS);
        w.writeNamespace("wps", WPS);
        w.writeNamespace("ows", OWS);
        w.writeNamespace("xlink", XLINK);
        w.writeNamespace("xsi", XSI);
        w.writeAttribute(XSI, "schemaLocation", WPS + " " + SCHEMAS + schema);
        w.writeAttribute("service", "WPS");
        w.writeAttribute("version", "1.0.0");
        w.writeAttribute("xml:lang", language);
        return w;
    }

    /** An element with text: in the OWS or WPS namespace, or unqualified ({@code ns} empty). */
    private static void element(XMLStreamWriter w, String ns, String name, String text) throws XMLStreamException {
        if (ns.isEmpty()) {
            w.writeStartElement(name);
        } else {
            w.writeStartElement(ns.equals(OWS) ? "ows" : "wps", name, ns);
        }
        w.writeCharacters(text == null ? "" : text);
        w.writeEndElement();
    }

    private static boolean zh(String language) {
        return language.startsWith("zh");
    }

    // ------------------------------------------------------------------------------------------ capabilities

    static void capabilities(OutputStream out, String url, List<GengdiProcess> processes, String language)
            throws IOException {
        try {
            XMLStreamWriter w = start(out, "Capabilities", "wpsGetCapabilities_response.xsd", language);
            w.writeStartElement("ows", "ServiceIdentification", OWS);
            element(w, OWS, "Title", zh(language) ? "耕地 Gengdi 空间分析处理服务" : "Gengdi farmland analysis processes");
            element(w, OWS, "Abstract", zh(language) ? "永久基本农田占用/避让分析、集中连片度评价、调整补划方案校验等处理服务"
                    : "Occupation/avoidance analysis, contiguity scoring and adjustment-plan validation");
            w.writeStartElement("ows", "Keywords", OWS);
            for (String k : List.of("WPS", "永久基本农田", "farmland")) {
                element(w, OWS, "Keyword", k);
            }
            w.writeEndElement();
            element(w, OWS, "ServiceType", "WPS");
            element(w, OWS, "ServiceTypeVersion", "1.0.0");
            element(w, OWS, "Fees", "NONE");
            element(w, OWS, "AccessConstraints", "NONE");
            w.writeEndElement();
            w.writeStartElement("ows", "ServiceProvider", OWS);
            element(w, OWS, "ProviderName", "耕地 Gengdi");
            w.writeStartElement("ows", "ServiceContact", OWS);
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("ows", "OperationsMetadata", OWS);
            for (String op : List.of("GetCapabilities", "DescribeProcess", "Execute")) {
                w.writeStartElement("ows", "Operation", OWS);
                w.writeAttribute("name", op);
                w.writeStartElement("ows", "DCP", OWS);
                w.writeStartElement("ows", "HTTP", OWS);
                w.writeEmptyElement("ows", "Get", OWS);
                w.writeAttribute(XLINK, "href", url + "?");
                w.writeEmptyElement("ows", "Post", OWS);
                w.writeAttribute(XLINK, "href", url);
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("wps", "ProcessOfferings", WPS);
            for (GengdiProcess p : processes) {
                ProcessDescription d = p.description();
                w.writeStartElement("wps", "Process", WPS);
                w.writeAttribute("wps", WPS, "processVersion", d.version());
                element(w, OWS, "Identifier", d.id());
                element(w, OWS, "Title", d.title().in(language));
                if (d.abstract_() != null) {
                    element(w, OWS, "Abstract", d.abstract_().in(language));
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("wps", "Languages", WPS);
            w.writeStartElement("wps", "Default", WPS);
            element(w, OWS, "Language", "zh-CN");
            w.writeEndElement();
            w.writeStartElement("wps", "Supported", WPS);
            element(w, OWS, "Language", "zh-CN");
            element(w, OWS, "Language", "en-US");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    // ------------------------------------------------------------------------------------------ describe

    static void describe(OutputStream out, List<GengdiProcess> processes, boolean async, List<String> layers,
                         String language) throws IOException {
        try {
            XMLStreamWriter w = start(out, "ProcessDescriptions", "wpsDescribeProcess_response.xsd", language);
            for (GengdiProcess p : processes) {
                ProcessDescription d = p.description();
                w.writeStartElement("ProcessDescription");
                w.writeAttribute("wps", WPS, "processVersion", d.version());
                w.writeAttribute("storeSupported", Boolean.toString(async));
                w.writeAttribute("statusSupported", Boolean.toString(async));
                element(w, OWS, "Identifier", d.id());
                element(w, OWS, "Title", d.title().in(language));
                if (d.abstract_() != null) {
                    element(w, OWS, "Abstract", d.abstract_().in(language));
                }
                if (!d.inputs().isEmpty()) {
                    w.writeStartElement("DataInputs");
                    for (InputDescription in : d.inputs()) {
                        input(w, in, layers, language);
                    }
                    w.writeEndElement();
                }
                w.writeStartElement("ProcessOutputs");
                for (OutputDescription o : d.outputs()) {
                    w.writeStartElement("Output");
                    element(w, OWS, "Identifier", o.id());
                    element(w, OWS, "Title", o.title().in(language));
                    if (o.abstract_() != null) {
                        element(w, OWS, "Abstract", o.abstract_().in(language));
                    }
                    if (o.isLiteral()) {
                        w.writeStartElement("LiteralOutput");
                        dataType(w, o.literal());
                        uoms(w, o.uom());
                        w.writeEndElement();
                    } else {
                        w.writeStartElement("ComplexOutput");
                        formats(w, o.formats());
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    private static void input(XMLStreamWriter w, InputDescription in, List<String> layers, String language)
            throws XMLStreamException {
        w.writeStartElement("Input");
        w.writeAttribute("minOccurs", Integer.toString(in.minOccurs()));
        w.writeAttribute("maxOccurs", Integer.toString(in.maxOccurs()));
        element(w, OWS, "Identifier", in.id());
        element(w, OWS, "Title", in.title().in(language));
        if (in.abstract_() != null) {
            element(w, OWS, "Abstract", in.abstract_().in(language));
        }
        InputType t = in.type();
        if (t instanceof InputType.Literal l) {
            w.writeStartElement("LiteralData");
            dataType(w, l.dataType());
            uoms(w, l.uom());
            if (!l.allowedValues().isEmpty()) {
                w.writeStartElement("ows", "AllowedValues", OWS);
                for (String v : l.allowedValues()) {
                    element(w, OWS, "Value", v);
                }
                w.writeEndElement();
            } else if (l.min() != null || l.max() != null) {
                w.writeStartElement("ows", "AllowedValues", OWS);
                w.writeStartElement("ows", "Range", OWS);
                w.writeAttribute("ows", OWS, "rangeClosure", "closed");
                if (l.min() != null) {
                    element(w, OWS, "MinimumValue", number(l.min()));
                }
                if (l.max() != null) {
                    element(w, OWS, "MaximumValue", number(l.max()));
                }
                w.writeEndElement();
                w.writeEndElement();
            } else {
                w.writeEmptyElement("ows", "AnyValue", OWS);
            }
            if (l.defaultValue() != null) {
                w.writeStartElement("DefaultValue");
                w.writeCharacters(l.defaultValue());
                w.writeEndElement();
            }
            w.writeEndElement();
        } else if (t instanceof InputType.Complex c) {
            w.writeStartElement("ComplexData");
            w.writeAttribute("maximumMegabytes", Long.toString(Math.max(1, c.maxBytes() >> 20)));
            formats(w, c.formats());
            w.writeEndElement();
        } else if (t instanceof InputType.BoundingBox b) {
            w.writeStartElement("BoundingBoxData");
            w.writeStartElement("Default");
            element(w, "", "CRS", b.crs().get(0));
            w.writeEndElement();
            w.writeStartElement("Supported");
            for (String crs : b.crs()) {
                element(w, "", "CRS", crs);
            }
            w.writeEndElement();
            w.writeEndElement();
        } else {
            // a layer reference: the layer's name as a literal (its filter goes into a reference to this server's
            // WFS / OGC API Features, or into {"layer", "filter"} complex data, which Execute also accepts)
            InputType.LayerReference lr = (InputType.LayerReference) t;
            w.writeStartElement("LiteralData");
            dataType(w, DataType.STRING);
            w.writeStartElement("ows", "AllowedValues", OWS);
            for (String v : lr.layers().isEmpty() ? layers : lr.layers()) {
                element(w, OWS, "Value", v);
            }
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void dataType(XMLStreamWriter w, DataType t) throws XMLStreamException {
        w.writeStartElement("ows", "DataType", OWS);
        w.writeAttribute("ows", OWS, "reference", "http://www.w3.org/TR/xmlschema-2/#" + t.xsd());
        w.writeCharacters("xs:" + t.xsd());
        w.writeEndElement();
    }

    private static void uoms(XMLStreamWriter w, String uom) throws XMLStreamException {
        if (uom == null) {
            return;
        }
        w.writeStartElement("UOMs");
        w.writeStartElement("Default");
        element(w, OWS, "UOM", uom);
        w.writeEndElement();
        w.writeStartElement("Supported");
        element(w, OWS, "UOM", uom);
        w.writeEndElement();
        w.writeEndElement();
    }

    private static void formats(XMLStreamWriter w, List<Format> formats) throws XMLStreamException {
        w.writeStartElement("Default");
        format(w, formats.get(0));
        w.writeEndElement();
        w.writeStartElement("Supported");
        for (Format f : formats) {
            format(w, f);
        }
        w.writeEndElement();
    }

    private static void format(XMLStreamWriter w, Format f) throws XMLStreamException {
        w.writeStartElement("Format");
        element(w, "", "MimeType", f.mediaType());
        if (f.schema() != null) {
            element(w, "", "Schema", f.schema());
        }
        w.writeEndElement();
    }

    // ------------------------------------------------------------------------------------------ execute

    /** Where a response is at: accepted, started (with percent), succeeded (with outputs) or failed. */
    enum State { ACCEPTED, STARTED, SUCCEEDED, FAILED }

    /**
     * An ExecuteResponse.
     *
     * @param statusLocation the status URL (stored executions), or null
     * @param request        the request (for lineage and the output definitions)
     * @param outputs        the outputs (SUCCEEDED), in order
     * @param references     output id → URL of outputs sent by reference
     */
    static void executeResponse(OutputStream out, String serviceUrl, ProcessDescription d, String statusLocation,
                                State state, int percent, String message, Instant created, ExecuteRequest request,
                                boolean lineage, List<JobOutput> outputs, Map<String, String> references,
                                String language) throws IOException {
        try {
            XMLStreamWriter w = start(out, "ExecuteResponse", "wpsExecute_response.xsd", language);
            w.writeAttribute("serviceInstance", serviceUrl + "?service=WPS&request=GetCapabilities");
            if (statusLocation != null) {
                w.writeAttribute("statusLocation", statusLocation);
            }
            w.writeStartElement("wps", "Process", WPS);
            w.writeAttribute("wps", WPS, "processVersion", d.version());
            element(w, OWS, "Identifier", d.id());
            element(w, OWS, "Title", d.title().in(language));
            w.writeEndElement();
            w.writeStartElement("wps", "Status", WPS);
            w.writeAttribute("creationTime", created.truncatedTo(ChronoUnit.SECONDS).toString());
            switch (state) {
                case ACCEPTED -> element(w, WPS, "ProcessAccepted", message == null ? "accepted" : message);
                case STARTED -> {
                    w.writeStartElement("wps", "ProcessStarted", WPS);
                    w.writeAttribute("percentCompleted", Integer.toString(Math.max(0, Math.min(99, percent))));
                    w.writeCharacters(message == null ? "running" : message);
                    w.writeEndElement();
                }
                case SUCCEEDED -> element(w, WPS, "ProcessSucceeded", message == null ? "succeeded" : message);
                default -> {
                    w.writeStartElement("wps", "ProcessFailed", WPS);
                    w.writeStartElement("ows", "ExceptionReport", OWS);
                    w.writeAttribute("version", "1.0.0");
                    w.writeStartElement("ows", "Exception", OWS);
                    w.writeAttribute("exceptionCode", "NoApplicableCode");
                    element(w, OWS, "ExceptionText", message == null ? "failed" : message);
                    w.writeEndElement();
                    w.writeEndElement();
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
            if (lineage) {
                lineage(w, d, request);
            }
            if (state == State.SUCCEEDED) {
                w.writeStartElement("wps", "ProcessOutputs", WPS);
                for (JobOutput o : outputs) {
                    OutputDescription od = d.output(o.outputId()).orElse(null);
                    w.writeStartElement("wps", "Output", WPS);
                    element(w, OWS, "Identifier", o.outputId());
                    element(w, OWS, "Title", od == null ? o.outputId() : od.title().in(language));
                    String href = references.get(o.outputId());
                    if (href != null) {
                        w.writeEmptyElement("wps", "Reference", WPS);
                        w.writeAttribute("href", href);
                        w.writeAttribute("mimeType", o.mediaType());
                    } else {
                        w.writeStartElement("wps", "Data", WPS);
                        if (od != null && od.isLiteral()) {
                            w.writeStartElement("wps", "LiteralData", WPS);
                            w.writeAttribute("dataType", "xs:" + od.literal().xsd());
                            if (od.uom() != null) {
                                w.writeAttribute("uom", od.uom());
                            }
                            w.writeCharacters(new String(o.data(), StandardCharsets.UTF_8));
                            w.writeEndElement();
                        } else {
                            complex(w, o, od);
                        }
                        w.writeEndElement();
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    /** ComplexData: XML (GML) embedded as elements, everything else (JSON, WKT, HTML) as text. */
    private static void complex(XMLStreamWriter w, JobOutput o, OutputDescription od) throws XMLStreamException {
        w.writeStartElement("wps", "ComplexData", WPS);
        w.writeAttribute("mimeType", o.mediaType());
        Format f = od == null ? null : Format.find(od.formats(), o.mediaType());
        if (f != null && f.schema() != null) {
            w.writeAttribute("schema", f.schema());
        }
        if (f != null && f.xml()) {
            copy(SafeXml.reader(new String(o.data(), StandardCharsets.UTF_8)), w);
        } else {
            w.writeCharacters(new String(o.data(), StandardCharsets.UTF_8));
        }
        w.writeEndElement();
    }

    /** Copies an XML document's root element into the writer. */
    private static void copy(XMLStreamReader r, XMLStreamWriter w) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            switch (e) {
                case XMLStreamReader.START_ELEMENT -> {
                    String prefix = r.getPrefix() == null ? "" : r.getPrefix();
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    w.writeStartElement(prefix, r.getLocalName(), ns);
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = r.getNamespacePrefix(i);
                        if (p == null || p.isEmpty()) {
                            w.writeDefaultNamespace(r.getNamespaceURI(i));
                        } else {
                            w.writeNamespace(p, r.getNamespaceURI(i));
                        }
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String ans = r.getAttributeNamespace(i);
                        if (ans == null || ans.isEmpty()) {
                            w.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        } else {
                            w.writeAttribute(r.getAttributePrefix(i), ans, r.getAttributeLocalName(i),
                                    r.getAttributeValue(i));
                        }
                    }
                }
                case XMLStreamReader.END_ELEMENT -> w.writeEndElement();
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA -> w.writeCharacters(r.getText());
                default -> {
                }
            }
        }
    }

    private static void lineage(XMLStreamWriter w, ProcessDescription d, ExecuteRequest request)
            throws XMLStreamException {
        w.writeStartElement("wps", "DataInputs", WPS);
        for (Map.Entry<String, List<RawInput>> e : request.inputs().entrySet()) {
            for (RawInput v : e.getValue()) {
                w.writeStartElement("wps", "Input", WPS);
                element(w, OWS, "Identifier", e.getKey());
                element(w, OWS, "Title", d.input(e.getKey()).map(i -> i.title().en()).orElse(e.getKey()));
                w.writeStartElement("wps", "Data", WPS);
                if (v instanceof RawInput.Literal l) {
                    w.writeStartElement("wps", "LiteralData", WPS);
                    if (l.uom() != null) {
                        w.writeAttribute("uom", l.uom());
                    }
                    w.writeCharacters(l.value());
                    w.writeEndElement();
                } else if (v instanceof RawInput.Complex c) {
                    w.writeStartElement("wps", "ComplexData", WPS);
                    if (c.mediaType() != null) {
                        w.writeAttribute("mimeType", c.mediaType());
                    }
                    w.writeCharacters(c.content());
                    w.writeEndElement();
                } else if (v instanceof RawInput.BoundingBox b) {
                    w.writeStartElement("wps", "BoundingBoxData", WPS);
                    if (b.crs() != null) {
                        w.writeAttribute("crs", b.crs());
                    }
                    w.writeAttribute("dimensions", "2");
                    element(w, OWS, "LowerCorner", b.corners()[0] + " " + b.corners()[1]);
                    element(w, OWS, "UpperCorner", b.corners()[2] + " " + b.corners()[3]);
                    w.writeEndElement();
                } else if (v instanceof RawInput.Layer l) {
                    w.writeStartElement("wps", "LiteralData", WPS);
                    w.writeCharacters(l.layer() + (l.filter() == null ? "" : " [" + l.filter() + "]"));
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeEndElement();
            }
        }
        w.writeEndElement();
        w.writeStartElement("wps", "OutputDefinitions", WPS);
        List<ExecuteRequest.OutputRequest> asked = request.outputs();
        if (asked.isEmpty()) {
            asked = d.outputs().stream().map(o -> new ExecuteRequest.OutputRequest(o.id(), null,
                    ExecuteRequest.Transmission.VALUE)).toList();
        }
        for (ExecuteRequest.OutputRequest o : asked) {
            w.writeStartElement("wps", "Output", WPS);
            if (o.mediaType() != null) {
                w.writeAttribute("mimeType", o.mediaType());
            }
            w.writeAttribute("asReference", Boolean.toString(o.transmission() == ExecuteRequest.Transmission.REFERENCE));
            element(w, OWS, "Identifier", o.id());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /** The state of a stored job. */
    static State state(JobRecord job) {
        return switch (job.status()) {
            case ACCEPTED -> State.ACCEPTED;
            case RUNNING -> State.STARTED;
            case SUCCESSFUL -> State.SUCCEEDED;
            default -> State.FAILED;
        };
    }
}
