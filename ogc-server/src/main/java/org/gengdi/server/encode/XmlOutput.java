package org.gengdi.server.encode;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The StAX writer every XML document of Gengdi is written with: the JDK's own (one behaviour whatever else is on
 * the class path), UTF-8, over a character buffer. Handed an OutputStream, the JDK writer encodes and writes each
 * character on its own; through a buffered Writer it writes blocks, several times faster for large GML.
 * {@link XMLStreamWriter#flush()} reaches the stream; {@link XMLStreamWriter#close()} leaves it open.
 */
public final class XmlOutput {
    private static final int BUFFER = 32 * 1024;

    private XmlOutput() {
    }

    /** A writer onto {@code out}; the document must declare UTF-8. A factory per call: StAX factories are not shared. */
    public static XMLStreamWriter open(OutputStream out) throws XMLStreamException {
        return XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER));
    }
}
