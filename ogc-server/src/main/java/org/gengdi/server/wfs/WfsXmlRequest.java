package org.gengdi.server.wfs;

import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.xml.SafeXml;
import org.gengdi.core.xml.XmlInputException;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.XmlPost;

/**
 * Reads an XML-encoded WFS request (2.0, 1.1 or 1.0) into the same key-value form a GET request has, so both
 * encodings go through one parser and one set of checks: {@code <wfs:GetFeature outputFormat count startIndex
 * resultType><wfs:Query typeNames srsName><wfs:PropertyName/><fes:Filter/><fes:SortBy/></wfs:Query>} becomes
 * OUTPUTFORMAT, COUNT, STARTINDEX, RESULTTYPE, TYPENAMES, SRSNAME, PROPERTYNAME, FILTER (the filter element
 * re-serialised with the namespaces in scope) and SORTBY; {@code <wfs:StoredQuery id><wfs:Parameter name>} becomes
 * STOREDQUERY_ID and the parameters. Paging links of a POST answer are therefore plain GET URLs.
 *
 * <p>The body is read with {@link SafeXml}: no DTDs or external entities, bounded size and depth.
 */
final class WfsXmlRequest {
    /** Largest XML request body: filters with large geometries fit, anything bigger is refused while reading. */
    static final long MAX_BODY = 16L << 20;

    private final XMLStreamReader r;
    private final Map<String, String> kvp = new LinkedHashMap<>();
    /** Namespace declarations in scope, innermost last: re-declared on a copied filter. */
    private final Deque<Map<String, String>> scopes = new ArrayDeque<>();

    private WfsXmlRequest(XMLStreamReader r) {
        this.r = r;
    }

    static KvpRequest read(XmlPost post) {
        try {
            XMLStreamReader r = SafeXml.reader(post.body(), null, SafeXml.Limits.DEFAULT.withMaxInput(MAX_BODY));
            try {
                return new WfsXmlRequest(r).request();
            } finally {
                r.close();
            }
        } catch (XMLStreamException | XmlInputException e) {
            throw XmlPost.parsingFailed("unreadable XML request: " + e.getMessage());
        }
    }

    private KvpRequest request() throws XMLStreamException {
        toStart();
        String operation = r.getLocalName();
        kvp.put("REQUEST", operation);
        kvp.put("SERVICE", "WFS");
        attribute("version", "VERSION");
        switch (operation) {
            case "GetCapabilities" -> getCapabilities();
            case "DescribeFeatureType" -> describeFeatureType();
            case "GetFeature", "GetPropertyValue" -> getFeature();
            case "ListStoredQueries" -> skipElement();
            case "DescribeStoredQueries" -> describeStoredQueries();
            default -> throw new OwsException(Code.OperationNotSupported, operation,
                    "WFS " + operation + " is not available; this server answers GetCapabilities, "
                            + "DescribeFeatureType, GetFeature, GetPropertyValue, ListStoredQueries and "
                            + "DescribeStoredQueries");
        }
        Map<String, String[]> raw = new LinkedHashMap<>();
        kvp.forEach((k, v) -> raw.put(k, new String[] {v}));
        return new KvpRequest(raw);
    }

    private void getCapabilities() throws XMLStreamException {
        attribute("updateSequence", "UPDATESEQUENCE");
        List<String> versions = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        forChildren(depth -> {
            if (r.getLocalName().equals("Sections")) {
                forChildren(d -> {
                    if (r.getLocalName().equals("Section")) {
                        sections.add(r.getElementText().strip());
                    } else {
                        skipElement();
                    }
                });
            } else if (r.getLocalName().equals("AcceptVersions")) {
                forChildren(d -> {
                    if (r.getLocalName().equals("Version")) {
                        versions.add(r.getElementText().strip());
                    } else {
                        skipElement();
                    }
                });
            } else {
                skipElement();
            }
        });
        if (!versions.isEmpty()) {
            kvp.put("ACCEPTVERSIONS", String.join(",", versions));
        }
        if (!sections.isEmpty()) {
            kvp.put("SECTIONS", String.join(",", sections));
        }
    }

    private void describeFeatureType() throws XMLStreamException {
        attribute("outputFormat", "OUTPUTFORMAT");
        List<String> names = new ArrayList<>();
        forChildren(depth -> {
            if (r.getLocalName().equals("TypeName")) {
                names.add(r.getElementText().strip());
            } else {
                skipElement();
            }
        });
        if (!names.isEmpty()) {
            kvp.put("TYPENAMES", String.join(",", names));
        }
    }

    private void describeStoredQueries() throws XMLStreamException {
        List<String> ids = new ArrayList<>();
        forChildren(depth -> {
            if (r.getLocalName().equals("StoredQueryId")) {
                ids.add(r.getElementText().strip());
            } else {
                skipElement();
            }
        });
        if (!ids.isEmpty()) {
            kvp.put("STOREDQUERY_ID", String.join(",", ids));
        }
    }

    private void getFeature() throws XMLStreamException {
        attribute("outputFormat", "OUTPUTFORMAT");
        attribute("resultType", "RESULTTYPE");
        attribute("count", "COUNT");
        attribute("maxFeatures", "MAXFEATURES");
        attribute("startIndex", "STARTINDEX");
        attribute("valueReference", "VALUEREFERENCE");
        attribute("resolve", "RESOLVE");
        int[] queries = {0};
        forChildren(depth -> {
            switch (r.getLocalName()) {
                case "Query" -> {
                    if (++queries[0] > 1) {
                        throw new OwsException(Code.OperationNotSupported, "Query",
                                "one query per GetFeature request is supported; send one request per type");
                    }
                    query();
                }
                case "StoredQuery" -> {
                    if (++queries[0] > 1) {
                        throw new OwsException(Code.OperationNotSupported, "StoredQuery",
                                "one query per GetFeature request is supported");
                    }
                    storedQuery();
                }
                default -> throw new OwsException(Code.OperationParsingFailed, r.getLocalName(),
                        "unexpected element <" + r.getLocalName() + "> in " + kvp.get("REQUEST"));
            }
        });
        if (queries[0] == 0) {
            throw new OwsException(Code.MissingParameterValue, "Query",
                    kvp.get("REQUEST") + " needs a wfs:Query or wfs:StoredQuery");
        }
    }

    private void query() throws XMLStreamException {
        attribute("typeNames", "TYPENAMES");
        attribute("typeName", "TYPENAMES");
        attribute("srsName", "SRSNAME");
        List<String> properties = new ArrayList<>();
        forChildren(depth -> {
            switch (r.getLocalName()) {
                case "PropertyName" -> properties.add(r.getElementText().strip());
                case "Filter" -> kvp.put("FILTER", copyFilter());
                case "SortBy" -> kvp.put("SORTBY", sortBy());
                default -> throw new OwsException(Code.OperationParsingFailed, r.getLocalName(),
                        "unexpected element <" + r.getLocalName() + "> in a Query");
            }
        });
        if (!properties.isEmpty()) {
            kvp.put("PROPERTYNAME", String.join(",", properties));
        }
    }

    private void storedQuery() throws XMLStreamException {
        String id = r.getAttributeValue(null, "id");
        if (id == null || id.isBlank()) {
            throw new OwsException(Code.MissingParameterValue, "id", "a wfs:StoredQuery needs its id attribute");
        }
        kvp.put("STOREDQUERY_ID", id);
        forChildren(depth -> {
            if (!r.getLocalName().equals("Parameter")) {
                throw new OwsException(Code.OperationParsingFailed, r.getLocalName(),
                        "unexpected element <" + r.getLocalName() + "> in a StoredQuery");
            }
            String name = r.getAttributeValue(null, "name");
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.-]{0,62}")) {
                throw new OwsException(Code.InvalidParameterValue, "name", "a stored query parameter needs a name");
            }
            kvp.put(name.toUpperCase(java.util.Locale.ROOT), r.getElementText().strip());
        });
    }

    /** {@code <SortBy><SortProperty><ValueReference|PropertyName/><SortOrder/></SortProperty>…} → SORTBY text. */
    private String sortBy() throws XMLStreamException {
        List<String> keys = new ArrayList<>();
        forChildren(depth -> {
            String[] key = {null, "ASC"};
            forChildren(d -> {
                switch (r.getLocalName()) {
                    case "ValueReference", "PropertyName" -> key[0] = r.getElementText().strip();
                    case "SortOrder" -> key[1] = r.getElementText().strip();
                    default -> skipElement();
                }
            });
            if (key[0] == null || key[0].isEmpty() || key[0].contains(",") || key[0].contains(" ")) {
                throw new OwsException(Code.InvalidParameterValue, "sortBy", "a SortProperty needs a property name");
            }
            keys.add(key[0] + " " + key[1]);
        });
        return String.join(",", keys);
    }

    /** The filter element and its content as a document of its own, with the namespaces in scope declared. */
    private String copyFilter() throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
        Map<String, String> inScope = new LinkedHashMap<>();
        scopes.descendingIterator().forEachRemaining(inScope::putAll);
        int depth = 0;
        do {
            switch (r.getEventType()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String prefix = r.getPrefix() == null ? "" : r.getPrefix();
                    w.writeStartElement(prefix, r.getLocalName(), r.getNamespaceURI() == null ? ""
                            : r.getNamespaceURI());
                    Map<String, String> declared = new LinkedHashMap<>(depth == 0 ? inScope : Map.of());
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        declared.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i),
                                r.getNamespaceURI(i));
                    }
                    for (Map.Entry<String, String> d : declared.entrySet()) {
                        if (d.getKey().isEmpty()) {
                            w.writeDefaultNamespace(d.getValue());
                        } else {
                            w.writeNamespace(d.getKey(), d.getValue());
                        }
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String ns = r.getAttributeNamespace(i);
                        if (ns == null || ns.isEmpty()) {
                            w.writeAttribute(r.getAttributeLocalName(i), r.getAttributeValue(i));
                        } else {
                            w.writeAttribute(r.getAttributePrefix(i), ns, r.getAttributeLocalName(i),
                                    r.getAttributeValue(i));
                        }
                    }
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    w.writeEndElement();
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        w.writeCharacters(r.getText());
                default -> {
                }
            }
            if (depth > 0) {
                r.next();
            }
        } while (depth > 0);
        w.flush();
        return out.toString();
    }

    private interface ChildAction {
        void run(int depth) throws XMLStreamException;
    }

    /**
     * Runs the action on each child element of the current one (positioned on its start; the action must leave the
     * reader on that child's end), then leaves the reader on the current element's end.
     */
    private void forChildren(ChildAction action) throws XMLStreamException {
        pushScope();
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                pushScope();
                action.run(scopes.size());
                scopes.pop();
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                scopes.pop();
                return;
            } else if (event == XMLStreamConstants.CHARACTERS && !r.isWhiteSpace()) {
                throw new OwsException(Code.OperationParsingFailed, null,
                        "unexpected text '" + r.getText().strip() + "' in <" + kvp.get("REQUEST") + ">");
            }
        }
    }

    private void pushScope() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            m.put(r.getNamespacePrefix(i) == null ? "" : r.getNamespacePrefix(i), r.getNamespaceURI(i));
        }
        scopes.push(m);
    }

    private void skipElement() throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private void toStart() throws XMLStreamException {
        while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog
        }
        if (!r.isStartElement()) {
            throw XmlPost.parsingFailed("the request body holds no XML element");
        }
    }

    private void attribute(String name, String key) {
        String v = r.getAttributeValue(null, name);
        if (v != null && !v.isBlank()) {
            kvp.put(key, v.strip());
        }
    }
}
