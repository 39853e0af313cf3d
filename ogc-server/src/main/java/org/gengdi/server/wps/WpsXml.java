package org.gengdi.server.wps;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.xml.SafeXml;
import org.gengdi.core.xml.XmlInputException;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.server.jobs.ExecuteRequest;
import org.gengdi.server.jobs.ExecuteRequest.RawInput;
import org.gengdi.server.jobs.ProcessEngine;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.XmlPost;

/**
 * WPS 1.0.0 XML requests, read with the hardened {@link SafeXml} reader: Execute (DataInputs with LiteralData,
 * ComplexData — embedded XML such as GML is copied out as a document, text such as GeoJSON or WKT kept as text —
 * BoundingBoxData and Reference; ResponseForm with ResponseDocument or RawDataOutput), and the identifiers of
 * DescribeProcess.
 */
final class WpsXml {
    static final String WPS = "http://www.opengis.net/wps/1.0.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";

    private WpsXml() {
    }

    /** The identifiers of an XML DescribeProcess. */
    static List<String> identifiers(XmlPost post, long maxBytes) {
        List<String> ids = new ArrayList<>();
        try {
            XMLStreamReader r = SafeXml.reader(post.body(), null, SafeXml.Limits.DEFAULT.withMaxInput(maxBytes));
            while (r.hasNext()) {
                if (r.next() == XMLStreamReader.START_ELEMENT && r.getLocalName().equals("Identifier")) {
                    ids.add(r.getElementText().strip());
                }
            }
        } catch (XMLStreamException | XmlInputException e) {
            throw parsing(e);
        }
        return ids;
    }

    /** An XML Execute; the process is looked up by its identifier. */
    static WpsExecute execute(XmlPost post, ProcessEngine engine, long maxBytes) {
        try {
            XMLStreamReader r = SafeXml.reader(post.body(), null, SafeXml.Limits.DEFAULT.withMaxInput(maxBytes)
                    .withMaxTextLength((int) Math.min(Integer.MAX_VALUE, maxBytes)));
            next(r); // wps:Execute
            GengdiProcess process = null;
            Map<String, List<RawInput>> inputs = new LinkedHashMap<>();
            List<ExecuteRequest.OutputRequest> outputs = new ArrayList<>();
            String rawId = null;
            String rawMime = null;
            boolean store = false;
            boolean status = false;
            boolean lineage = false;
            while (nextChild(r)) {
                String name = r.getLocalName();
                if (name.equals("Identifier") && OWS.equals(r.getNamespaceURI())) {
                    String id = r.getElementText().strip();
                    process = engine.process(id).orElseThrow(() -> new OwsException(
                            OwsException.Code.InvalidParameterValue, "Identifier", "no process '"
                            + WpsKvp.shorten(id) + "'"));
                } else if (name.equals("DataInputs")) {
                    if (process == null) {
                        throw new OwsException(OwsException.Code.MissingParameterValue, "Identifier",
                                "the Execute request names no process before its DataInputs");
                    }
                    while (nextChild(r)) {
                        input(r, process, inputs);
                    }
                } else if (name.equals("ResponseForm")) {
                    while (nextChild(r)) {
                        if (r.getLocalName().equals("RawDataOutput")) {
                            rawMime = r.getAttributeValue(null, "mimeType");
                            while (nextChild(r)) {
                                if (r.getLocalName().equals("Identifier")) {
                                    rawId = r.getElementText().strip();
                                } else {
                                    skip(r);
                                }
                            }
                            outputs.add(new ExecuteRequest.OutputRequest(rawId == null ? "" : rawId, rawMime,
                                    ExecuteRequest.Transmission.VALUE));
                        } else if (r.getLocalName().equals("ResponseDocument")) {
                            store = "true".equalsIgnoreCase(r.getAttributeValue(null, "storeExecuteResponse"));
                            status = "true".equalsIgnoreCase(r.getAttributeValue(null, "status"));
                            lineage = "true".equalsIgnoreCase(r.getAttributeValue(null, "lineage"));
                            while (nextChild(r)) {
                                if (!r.getLocalName().equals("Output")) {
                                    skip(r);
                                    continue;
                                }
                                boolean ref = "true".equalsIgnoreCase(r.getAttributeValue(null, "asReference"));
                                String mime = r.getAttributeValue(null, "mimeType");
                                String id = null;
                                while (nextChild(r)) {
                                    if (r.getLocalName().equals("Identifier")) {
                                        id = r.getElementText().strip();
                                    } else {
                                        skip(r);
                                    }
                                }
                                if (id == null) {
                                    throw new OwsException(OwsException.Code.MissingParameterValue, "Output",
                                            "an Output of the ResponseDocument has no Identifier");
                                }
                                outputs.add(new ExecuteRequest.OutputRequest(id, mime, ref
                                        ? ExecuteRequest.Transmission.REFERENCE : ExecuteRequest.Transmission.VALUE));
                            }
                        } else {
                            skip(r);
                        }
                    }
                } else {
                    skip(r);
                }
            }
            if (process == null) {
                throw new OwsException(OwsException.Code.MissingParameterValue, "Identifier",
                        "the Execute request names no process");
            }
            Map<String, String> options = new LinkedHashMap<>();
            options.put(WpsExecute.LINEAGE, Boolean.toString(lineage));
            options.put(WpsExecute.STATUS, Boolean.toString(status));
            return new WpsExecute(new ExecuteRequest(process.description().id(), inputs, outputs, options), rawId,
                    rawMime, store, status, lineage);
        } catch (XMLStreamException | XmlInputException e) {
            throw parsing(e);
        }
    }

    private static void input(XMLStreamReader r, GengdiProcess process, Map<String, List<RawInput>> inputs)
            throws XMLStreamException {
        String id = null;
        RawInput value = null;
        InputDescription d = null;
        while (nextChild(r)) {
            String name = r.getLocalName();
            if (name.equals("Identifier")) {
                String given = r.getElementText().strip();
                id = given;
                d = process.description().input(given).orElseThrow(() -> new OwsException(
                        OwsException.Code.InvalidParameterValue, given, "process " + process.description().id()
                        + " has no input '" + WpsKvp.shorten(given) + "'"));
            } else if (name.equals("Reference")) {
                String href = r.getAttributeValue(XLINK, "href");
                String mime = r.getAttributeValue(null, "mimeType");
                skip(r);
                if (href == null) {
                    throw new OwsException(OwsException.Code.MissingParameterValue, id, "a Reference needs xlink:href");
                }
                value = new RawInput.Reference(href, mime);
            } else if (name.equals("Data")) {
                while (nextChild(r)) {
                    value = data(r, d, id);
                }
            } else {
                skip(r);
            }
        }
        if (id == null || value == null) {
            throw new OwsException(OwsException.Code.MissingParameterValue, id == null ? "Input" : id,
                    "an Input needs an Identifier and Data or a Reference");
        }
        inputs.computeIfAbsent(id, k -> new ArrayList<>()).add(value);
    }

    private static RawInput data(XMLStreamReader r, InputDescription d, String id) throws XMLStreamException {
        String name = r.getLocalName();
        if (name.equals("LiteralData")) {
            String uom = r.getAttributeValue(null, "uom");
            return new RawInput.Literal(r.getElementText().strip(), uom);
        }
        if (name.equals("ComplexData")) {
            String mime = r.getAttributeValue(null, "mimeType");
            String content = complexContent(r);
            if (d != null && d.type() instanceof InputType.LayerReference) {
                return layer(content, id);
            }
            return new RawInput.Complex(mime, content);
        }
        if (name.equals("BoundingBoxData")) {
            String crs = r.getAttributeValue(null, "crs");
            double[] c = new double[4];
            int n = 0;
            while (nextChild(r)) {
                String[] v = r.getElementText().strip().split("\\s+");
                if (v.length != 2 || n > 2) {
                    throw new OwsException(OwsException.Code.InvalidParameterValue, id,
                            "a bounding box has a LowerCorner and an UpperCorner of two numbers each");
                }
                try {
                    c[n++] = Double.parseDouble(v[0]);
                    c[n++] = Double.parseDouble(v[1]);
                } catch (NumberFormatException e) {
                    throw new OwsException(OwsException.Code.InvalidParameterValue, id, "bounding-box corners must be "
                            + "numbers");
                }
            }
            if (n != 4) {
                throw new OwsException(OwsException.Code.InvalidParameterValue, id, "a bounding box needs both corners");
            }
            return new RawInput.BoundingBox(new double[] {c[0], c[1], c[2], c[3]}, crs);
        }
        throw new OwsException(OwsException.Code.InvalidParameterValue, id, "unknown data element " + name);
    }

    /** {@code {"layer": …, "filter": …}} as complex data of a layer-reference input. */
    private static RawInput layer(String json, String id) {
        try {
            com.fasterxml.jackson.databind.JsonNode n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            if (n == null || !n.path("layer").isTextual()) {
                throw new IllegalArgumentException();
            }
            return new RawInput.Layer(n.path("layer").asText(), n.path("filter").isTextual()
                    ? n.path("filter").asText() : null);
        } catch (Exception e) {
            throw new OwsException(OwsException.Code.InvalidParameterValue, id, "input " + id + " takes a layer "
                    + "name as LiteralData, or {\"layer\": …, \"filter\": …} as ComplexData");
        }
    }

    /**
     * The content of a ComplexData element: an embedded XML element (GML) copied out as its own document with its
     * namespaces, or the text (GeoJSON, WKT, CDATA).
     */
    private static String complexContent(XMLStreamReader r) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                String xml = copyElement(r);
                // the rest up to </ComplexData> is whitespace
                while (r.hasNext() && r.next() != XMLStreamReader.END_ELEMENT) {
                    // skip
                }
                return xml;
            }
            if (e == XMLStreamReader.CHARACTERS || e == XMLStreamReader.CDATA
                    || e == XMLStreamReader.SPACE) {
                text.append(r.getText());
            }
            if (e == XMLStreamReader.END_ELEMENT) {
                break;
            }
        }
        return text.toString().strip();
    }

    private static String copyElement(XMLStreamReader r) throws XMLStreamException {
        StringWriter sw = new StringWriter();
        XMLOutputFactory f = XMLOutputFactory.newDefaultFactory();
        f.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, true);
        XMLStreamWriter w = f.createXMLStreamWriter(sw);
        int depth = 0;
        do {
            switch (r.getEventType()) {
                case XMLStreamReader.START_ELEMENT -> {
                    depth++;
                    String prefix = r.getPrefix() == null ? "" : r.getPrefix();
                    String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
                    w.writeStartElement(prefix, r.getLocalName(), ns);
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String ans = r.getAttributeNamespace(i);
                        if (ans == null || ans.isEmpty()) {
                            w.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        } else {
                            w.writeAttribute(r.getAttributePrefix(i) == null ? "" : r.getAttributePrefix(i), ans,
                                    r.getAttributeLocalName(i), r.getAttributeValue(i));
                        }
                    }
                }
                case XMLStreamReader.END_ELEMENT -> {
                    depth--;
                    w.writeEndElement();
                }
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE ->
                        w.writeCharacters(r.getText());
                default -> {
                }
            }
            if (depth == 0) {
                break;
            }
            r.next();
        } while (true);
        w.close();
        return sw.toString();
    }

    private static void next(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext() && r.next() != XMLStreamReader.START_ELEMENT) {
            // prolog
        }
    }

    /** Moves to the next child element of the current one; false at the parent's end tag. */
    private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                return true;
            }
            if (e == XMLStreamReader.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static OwsException parsing(Exception e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        return new OwsException(message.contains("larger than the limit") ? OwsException.Code.FileSizeExceeded
                : OwsException.Code.OperationParsingFailed, null, "the XML request cannot be read: " + message);
    }
}
