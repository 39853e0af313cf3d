package org.gengdi.server.wfs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.server.encode.XmlOutput;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.PublishedLayer;

/**
 * The fixed stored queries: the mandatory {@code GetFeatureById} (parameter ID, answered with the bare feature) and
 * Gengdi's {@code GetParcelByNumber} (parameter YJJBNTTBBH, the red-line parcels with that number), with the
 * ListStoredQueries and DescribeStoredQueries answers.
 */
final class StoredQueries {
    static final String GET_FEATURE_BY_ID = "urn:ogc:def:query:OGC-WFS::GetFeatureById";
    static final String GET_PARCEL_BY_NUMBER = "urn:gengdi:def:query:GetParcelByNumber";
    static final String PARCEL_LAYER = "YJJBNTBHTB";
    static final String PARCEL_NUMBER = "YJJBNTTBBH";
    private static final String LANGUAGE = "urn:ogc:def:queryLanguage:OGC-WFS::WFS_QueryExpression";

    /** One stored query: id, title, its parameter, and the types it returns (empty: any). */
    record Definition(String id, String title, String abstractText, String parameter, String parameterTitle,
                      List<String> returnTypes) {
    }

    private StoredQueries() {
    }

    static List<Definition> all(WfsLayers layers) {
        List<Definition> out = new ArrayList<>();
        List<String> any = layers.all().stream().map(PublishedLayer::qualifiedName).toList();
        out.add(new Definition(GET_FEATURE_BY_ID, "按标识获取要素 Get feature by identifier",
                "The feature with the given identifier (LAYER.fid), as a bare feature.", "ID",
                "要素标识 feature identifier", any));
        if (layers.find(PARCEL_LAYER).isPresent()) {
            out.add(new Definition(GET_PARCEL_BY_NUMBER, "按图斑编号查询永久基本农田 Get parcel by number",
                    "The permanent basic farmland parcels whose YJJBNTTBBH equals the parameter.", PARCEL_NUMBER,
                    "永久基本农田图斑编号", List.of(WfsService.PREFIX + ":" + PARCEL_LAYER)));
        }
        return out;
    }

    static Optional<Definition> find(WfsLayers layers, String id) {
        return all(layers).stream().filter(d -> d.id().equalsIgnoreCase(id.strip())).findFirst();
    }

    static void list(WfsLayers layers, HttpServletResponse response) throws IOException {
        List<Definition> defs = all(layers);
        write(response, w -> {
            start(w, "ListStoredQueriesResponse");
            for (Definition d : defs) {
                w.writeStartElement("wfs", "StoredQuery", WfsCapabilities.WFS);
                w.writeAttribute("id", d.id());
                text(w, "Title", d.title());
                for (String t : d.returnTypes()) {
                    text(w, "ReturnFeatureType", t);
                }
                w.writeEndElement();
            }
        });
    }

    static void describe(WfsLayers layers, KvpRequest kvp, HttpServletResponse response) throws IOException {
        List<Definition> defs = new ArrayList<>();
        String ids = kvp.get("storedquery_id");
        if (ids == null) {
            defs.addAll(all(layers));
        } else {
            for (String id : ids.split(",")) {
                defs.add(find(layers, id).orElseThrow(() -> unknown(id)));
            }
        }
        write(response, w -> {
            start(w, "DescribeStoredQueriesResponse");
            for (Definition d : defs) {
                w.writeStartElement("wfs", "StoredQueryDescription", WfsCapabilities.WFS);
                w.writeAttribute("id", d.id());
                text(w, "Title", d.title());
                text(w, "Abstract", d.abstractText());
                w.writeStartElement("wfs", "Parameter", WfsCapabilities.WFS);
                w.writeAttribute("name", d.parameter());
                w.writeAttribute("type", "xsd:string");
                text(w, "Title", d.parameterTitle());
                w.writeEndElement();
                w.writeEmptyElement("wfs", "QueryExpressionText", WfsCapabilities.WFS);
                w.writeAttribute("returnFeatureTypes", String.join(" ", d.returnTypes()));
                w.writeAttribute("language", LANGUAGE);
                w.writeAttribute("isPrivate", "true");
                w.writeEndElement();
            }
        });
    }

    static OwsException unknown(String id) {
        return new OwsException(OwsException.Code.InvalidParameterValue, "storedQuery_id",
                "unknown stored query '" + id.strip() + "'; ListStoredQueries lists those offered");
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void start(XMLStreamWriter w, String root) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("wfs", root, WfsCapabilities.WFS);
        w.writeNamespace("wfs", WfsCapabilities.WFS);
        w.writeNamespace("xsd", "http://www.w3.org/2001/XMLSchema");
        w.writeNamespace("xsi", WfsCapabilities.XSI);
        w.writeNamespace(WfsService.PREFIX, WfsService.NAMESPACE);
        w.writeAttribute("xsi", WfsCapabilities.XSI, "schemaLocation",
                WfsCapabilities.WFS + " http://schemas.opengis.net/wfs/2.0/wfs.xsd");
    }

    private static void text(XMLStreamWriter w, String local, String value) throws XMLStreamException {
        w.writeStartElement("wfs", local, WfsCapabilities.WFS);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static void write(HttpServletResponse response, Body body) throws IOException {
        response.setStatus(200);
        response.setContentType("application/xml");
        response.setCharacterEncoding("UTF-8");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 8192);
        try {
            XMLStreamWriter w = XmlOutput.open(out);
            body.write(w);
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing the stored query document failed: " + e.getMessage(), e);
        }
        out.flush();
    }
}
