package org.gengdi.server.wms;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.server.ows.OwsException;

/**
 * The WMS ServiceExceptionReport: in the {@code http://www.opengis.net/ogc} namespace for 1.3.0 (media type
 * {@code text/xml}), without a namespace for 1.1.1 ({@code application/vnd.ogc.se_xml}).
 */
final class ServiceExceptionWriter {
    static final String OGC = "http://www.opengis.net/ogc";

    private ServiceExceptionWriter() {
    }

    static String contentType(WmsVersion v) {
        return v == WmsVersion.V1_3_0 ? "text/xml;charset=UTF-8" : "application/vnd.ogc.se_xml;charset=UTF-8";
    }

    static String write(OwsException e, WmsVersion v) {
        try {
            StringWriter out = new StringWriter();
            XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            if (v == WmsVersion.V1_3_0) {
                w.setDefaultNamespace(OGC);
                w.writeStartElement(OGC, "ServiceExceptionReport");
                w.writeDefaultNamespace(OGC);
                w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
                w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                        OGC + " http://schemas.opengis.net/wms/1.3.0/exceptions_1_3_0.xsd");
                w.writeAttribute("version", "1.3.0");
                w.writeStartElement(OGC, "ServiceException");
            } else {
                w.writeStartElement("ServiceExceptionReport");
                w.writeAttribute("version", "1.1.1");
                w.writeStartElement("ServiceException");
            }
            String code = code(e, v);
            if (code != null) {
                w.writeAttribute("code", code);
            }
            if (e.locator() != null) {
                w.writeAttribute("locator", e.locator());
            }
            w.writeCharacters(e.getMessage());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException x) {
            throw new IllegalStateException(x);
        }
    }

    /** The WMS code for an error; OWS codes without a WMS equivalent are left out (the spec allows no code). */
    private static String code(OwsException e, WmsVersion v) {
        return switch (e.code()) {
            case InvalidCRS, InvalidSRS -> v == WmsVersion.V1_3_0 ? "InvalidCRS" : "InvalidSRS";
            case InvalidFormat, LayerNotDefined, StyleNotDefined, LayerNotQueryable, InvalidPoint,
                 CurrentUpdateSequence, InvalidUpdateSequence, OperationNotSupported, MissingParameterValue,
                 InvalidParameterValue -> e.code().name();
            default -> null;
        };
    }
}
