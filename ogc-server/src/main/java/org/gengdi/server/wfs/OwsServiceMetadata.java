package org.gengdi.server.wfs;

import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The parts of a capabilities document that WFS 2.0 (OWS Common 1.1) and WFS 1.1 (OWS Common 1.0) write alike,
 * apart from the OWS namespace: service identification and provider, and the choice of sections.
 */
final class OwsServiceMetadata {

    /** Writes one section of a capabilities document. */
    interface Section {
        void write() throws XMLStreamException;
    }

    private OwsServiceMetadata() {
    }

    /** The sections in document order, each written when the request asked for it (SECTIONS). */
    static void sections(Set<String> wanted, Section identification, Section provider, Section operations,
                         Section featureTypes, Section filter) throws XMLStreamException {
        List<Section> all = List.of(identification, provider, operations, featureTypes, filter);
        for (int i = 0; i < all.size(); i++) {
            if (wanted.contains(WfsCapabilities.SECTIONS.get(i))) {
                all.get(i).write();
            }
        }
    }

    static void identification(XMLStreamWriter w, String ows, String version) throws XMLStreamException {
        w.writeStartElement("ows", "ServiceIdentification", ows);
        text(w, "ows", "Title", ows, WfsCapabilities.TITLE);
        text(w, "ows", "Abstract", ows, WfsCapabilities.ABSTRACT);
        w.writeStartElement("ows", "Keywords", ows);
        for (String k : WfsCapabilities.KEYWORDS) {
            text(w, "ows", "Keyword", ows, k);
        }
        w.writeEndElement();
        text(w, "ows", "ServiceType", ows, "WFS");
        text(w, "ows", "ServiceTypeVersion", ows, version);
        text(w, "ows", "Fees", ows, "NONE");
        text(w, "ows", "AccessConstraints", ows, "NONE");
        w.writeEndElement();
    }

    static void provider(XMLStreamWriter w, String ows) throws XMLStreamException {
        w.writeStartElement("ows", "ServiceProvider", ows);
        text(w, "ows", "ProviderName", ows, "Gengdi 耕地");
        w.writeStartElement("ows", "ServiceContact", ows);
        text(w, "ows", "IndividualName", ows, "Gengdi");
        w.writeEndElement();
        w.writeEndElement();
    }

    static void text(XMLStreamWriter w, String prefix, String local, String ns, String value)
            throws XMLStreamException {
        w.writeStartElement(prefix, local, ns);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
