package org.gengdi.server.ows;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gengdi.core.xml.SafeXml;
import org.gengdi.core.xml.XmlInputException;

/**
 * An XML-encoded (POST) OWS request: the root element's name and its {@code service} / {@code version} attributes,
 * read without consuming the body, which the service then parses in full with {@link SafeXml} (no DTDs, no
 * external entities, size and depth limits).
 *
 * @param operation  the root element's local name, e.g. {@code GetFeature}
 * @param namespace  the root element's namespace
 * @param service    its {@code service} attribute, or null
 * @param version    its {@code version} attribute, or null
 * @param body       the whole body, from its first byte
 * @param serviceUrl the URL the request was sent to
 */
public record XmlPost(String operation, String namespace, String service, String version, InputStream body,
                      String serviceUrl) {
    /** How far into the body the root element must start. */
    private static final int PEEK = 64 * 1024;

    /** Reads the root element; a body that is not XML fails with OperationParsingFailed. */
    public static XmlPost peek(InputStream raw, String serviceUrl) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, PEEK);
        in.mark(PEEK);
        String operation;
        String namespace;
        String service;
        String version;
        try {
            XMLStreamReader r = SafeXml.reader(new NonClosing(in));
            try {
                while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                    // prolog: declaration, comments, processing instructions
                }
                if (!r.isStartElement()) {
                    throw parsingFailed("the request body holds no XML element");
                }
                operation = r.getLocalName();
                namespace = r.getNamespaceURI();
                service = r.getAttributeValue(null, "service");
                version = r.getAttributeValue(null, "version");
            } finally {
                r.close();
            }
        } catch (XMLStreamException | XmlInputException e) {
            throw parsingFailed("the request body is not well-formed, safe XML: " + e.getMessage());
        }
        try {
            in.reset();
        } catch (IOException e) {
            throw parsingFailed("the root element must start within the first " + PEEK / 1024 + " KB");
        }
        return new XmlPost(operation, namespace, service, version, in, serviceUrl);
    }

    /** The error for XML that cannot be read as a request. */
    public static OwsException parsingFailed(String message) {
        return new OwsException(OwsException.Code.OperationParsingFailed, null, message);
    }

    /** Lets the peeking reader close without closing the body. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
