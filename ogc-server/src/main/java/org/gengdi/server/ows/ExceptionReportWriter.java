package org.gengdi.server.ows;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an OWS Common 1.1 ExceptionReport document. */
public final class ExceptionReportWriter {
    public static final String OWS_11 = "http://www.opengis.net/ows/1.1";
    private static final XMLOutputFactory XOF = XMLOutputFactory.newFactory();

    private ExceptionReportWriter() {
    }

    public static String write(OwsException e, String version) {
        try {
            StringWriter sw = new StringWriter();
            XMLStreamWriter w = XOF.createXMLStreamWriter(sw);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("ows", "ExceptionReport", OWS_11);
            w.writeNamespace("ows", OWS_11);
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    OWS_11 + " http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd");
            w.writeAttribute("version", version == null ? "1.1.0" : version);
            w.writeAttribute("xml:lang", "zh-CN");
            w.writeStartElement("ows", "Exception", OWS_11);
            w.writeAttribute("exceptionCode", e.code().name());
            if (e.locator() != null) {
                w.writeAttribute("locator", e.locator());
            }
            w.writeStartElement("ows", "ExceptionText", OWS_11);
            w.writeCharacters(e.getMessage());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return sw.toString();
        } catch (XMLStreamException x) {
            throw new IllegalStateException(x);
        }
    }
}
