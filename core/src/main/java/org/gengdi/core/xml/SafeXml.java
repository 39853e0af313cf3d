package org.gengdi.core.xml;

import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one hardened XML reader factory of Gengdi: a StAX reader that refuses DOCTYPEs and enforces {@link Limits}.
 *
 * <p>The factory is the JDK's own ({@link XMLInputFactory#newDefaultFactory()}, never a parser found on the class
 * path, whose property semantics could differ) with DTD support, external entities, entity-reference replacement
 * and external DTD access switched off, and a resolver that refuses every lookup. On top of that the returned
 * reader throws {@link XmlInputException} as soon as it meets a DOCTYPE — before the root element, so no entity
 * is ever expanded and nothing is fetched — rather than silently skipping it. Text is coalesced, so a text node
 * arrives as one {@code CHARACTERS} event.
 *
 * <p>The reader reports limits, DOCTYPEs and malformed XML from {@code next()}, {@code nextTag()} and
 * {@code getElementText()} as the unchecked {@link XmlInputException}; unexpected content in {@code nextTag()} and
 * {@code getElementText()} stays the usual {@link XMLStreamException}. Closing the reader does not close the input.
 */
public final class SafeXml {

    /**
     * Bounds on one XML document.
     *
     * @param maxInput      the most bytes (stream input) or characters (reader and string input) read
     * @param maxDepth      the deepest element nesting accepted (the root element is depth 1)
     * @param maxAttributes the most attributes, namespace declarations included, on one element
     * @param maxTextLength the longest text node (adjacent text, CDATA and comments together), comment or attribute
     *                      value, in characters
     */
    public record Limits(long maxInput, int maxDepth, int maxAttributes, int maxTextLength) {

        /**
         * 32 MiB, depth 128, 128 attributes, 8 Mi characters of text: room for a large WFS transaction or a county's
         * boundary as a posList, far from what a bomb needs.
         */
        public static final Limits DEFAULT = new Limits(32L << 20, 128, 128, 8 << 20);

        public Limits {
            if (maxInput <= 0 || maxDepth <= 0 || maxAttributes < 0 || maxTextLength <= 0) {
                throw new IllegalArgumentException("XML limits must be positive: " + maxInput + ", " + maxDepth
                        + ", " + maxAttributes + ", " + maxTextLength);
            }
        }

        public Limits withMaxInput(long n) {
            return new Limits(n, maxDepth, maxAttributes, maxTextLength);
        }

        public Limits withMaxDepth(int n) {
            return new Limits(maxInput, n, maxAttributes, maxTextLength);
        }

        public Limits withMaxAttributes(int n) {
            return new Limits(maxInput, maxDepth, n, maxTextLength);
        }

        public Limits withMaxTextLength(int n) {
            return new Limits(maxInput, maxDepth, maxAttributes, n);
        }
    }

    private SafeXml() {
    }

    /** A reader of a byte stream with the {@linkplain Limits#DEFAULT default limits}; encoding from the document. */
    public static XMLStreamReader reader(InputStream in) {
        return reader(in, null, Limits.DEFAULT);
    }

    /**
     * A reader of a byte stream.
     *
     * @param encoding the encoding declared outside the document (an HTTP charset), or null to detect it from the
     *                 byte order mark and XML declaration
     */
    public static XMLStreamReader reader(InputStream in, String encoding, Limits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        BoundedInput.Stream bounded = new BoundedInput.Stream(in, limits.maxInput());
        return open(bounded, limits, f -> encoding == null
                ? f.createXMLStreamReader(bounded) : f.createXMLStreamReader(bounded, encoding));
    }

    /** A reader of characters. */
    public static XMLStreamReader reader(Reader in, Limits limits) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(limits, "limits");
        BoundedInput.Chars bounded = new BoundedInput.Chars(in, limits.maxInput());
        return open(bounded, limits, f -> f.createXMLStreamReader(bounded));
    }

    /** A reader of a document held in a string with the {@linkplain Limits#DEFAULT default limits}. */
    public static XMLStreamReader reader(String xml) {
        return reader(xml, Limits.DEFAULT);
    }

    /** A reader of a document held in a string; the length is checked before parsing starts. */
    public static XMLStreamReader reader(String xml, Limits limits) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(limits, "limits");
        if (xml.length() > limits.maxInput()) {
            throw BoundedInput.tooLarge(limits.maxInput(), "characters");
        }
        return reader(new StringReader(xml), limits);
    }

    /**
     * Holds the element a reader is on — typically one read elsewhere, such as a filter inside a WFS request — to
     * the limits: depth counts from that element, and {@link Limits#maxInput()} bounds, in characters, the
     * element names, attribute values and text it holds (a slight under-count of its markup). Stop reading at the
     * element's end tag; the returned reader advances the given one.
     *
     * @throws IllegalStateException when the reader is not on a start tag
     */
    public static XMLStreamReader guard(XMLStreamReader reader, Limits limits) {
        return GuardedStreamReader.guard(Objects.requireNonNull(reader, "reader"), Objects.requireNonNull(limits));
    }

    @FunctionalInterface
    private interface Opener {
        XMLStreamReader open(XMLInputFactory f) throws XMLStreamException;
    }

    private static XMLStreamReader open(BoundedInput input, Limits limits, Opener opener) {
        Objects.requireNonNull(limits, "limits");
        try {
            return new GuardedStreamReader(opener.open(factory()), limits, input);
        } catch (XMLStreamException e) {
            throw GuardedStreamReader.translate(e, input);
        }
    }

    /**
     * A new hardened factory. Made per document: the JDK documents its factory as configurable, not as safe to
     * share between threads, and making one costs microseconds.
     */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are never resolved: " + systemId);
        });
        return f;
    }
}
