package org.gengdi.core.xml;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The reader {@link SafeXml} hands out: the JDK's reader with every event checked against the limits. It
 * re-implements {@code nextTag()} and {@code getElementText()} on top of its own {@code next()}, because the
 * delegate's versions would advance the underlying reader past the checks.
 */
final class GuardedStreamReader extends StreamReaderDelegate {
    private final SafeXml.Limits limits;
    /** The bounded input under the parser, or null when guarding part of a document read elsewhere. */
    private final BoundedInput input;
    private int depth;
    /** Characters of text since the last element boundary: one text node, however the parser splits it. */
    private long textRun;
    /** Without a bounded input: the characters the events seen so far stand for, roughly (markup and text). */
    private long consumed;

    GuardedStreamReader(XMLStreamReader reader, SafeXml.Limits limits, BoundedInput input) {
        super(reader);
        this.limits = limits;
        this.input = input;
    }

    /** Guards the element the reader is on, counting depth and size from it. */
    static GuardedStreamReader guard(XMLStreamReader reader, SafeXml.Limits limits) {
        if (reader.getEventType() != START_ELEMENT) {
            throw new IllegalStateException("a reader is guarded from the start tag of an element");
        }
        GuardedStreamReader g = new GuardedStreamReader(reader, limits, null);
        g.startElement();
        return g;
    }

    @Override
    public int next() {
        int event;
        try {
            event = super.next();
        } catch (XMLStreamException e) {
            throw translate(e, input);
        }
        switch (event) {
            case DTD -> throw new XmlInputException(XmlInputException.Reason.DOCTYPE,
                    "XML documents with a DOCTYPE are not accepted (" + where() + "): document type declarations "
                            + "enable external-entity (XXE) and entity-expansion attacks");
            case START_ELEMENT -> startElement();
            case END_ELEMENT -> {
                depth--;
                textRun = 0;
            }
            case CHARACTERS, CDATA, SPACE, COMMENT -> text(event == COMMENT ? "comment" : "text");
            case ENTITY_REFERENCE -> throw new XmlInputException(XmlInputException.Reason.DOCTYPE,
                    "entity reference &" + getLocalName() + "; is not accepted (" + where() + ")");
            case PROCESSING_INSTRUCTION -> {
                String data = getPIData();
                if (data != null && data.length() > limits.maxTextLength()) {
                    throw textTooLong("processing instruction");
                }
            }
            default -> {
            }
        }
        return event;
    }

    private void startElement() {
        depth++;
        textRun = 0;
        if (depth > limits.maxDepth()) {
            throw new XmlInputException(XmlInputException.Reason.TOO_DEEP, "XML elements are nested deeper than "
                    + "the limit of " + limits.maxDepth() + " (" + where() + ")");
        }
        int attributes = getAttributeCount();
        if (attributes + getNamespaceCount() > limits.maxAttributes()) {
            throw new XmlInputException(XmlInputException.Reason.TOO_MANY_ATTRIBUTES, "element <"
                    + getLocalName() + "> has " + (attributes + getNamespaceCount()) + " attributes and namespace "
                    + "declarations, more than the limit of " + limits.maxAttributes() + " (" + where() + ")");
        }
        long size = 2L * getLocalName().length() + 5;
        for (int i = 0; i < attributes; i++) {
            int length = getAttributeValue(i).length();
            if (length > limits.maxTextLength()) {
                throw textTooLong("attribute " + getAttributeLocalName(i));
            }
            size += getAttributeLocalName(i).length() + length + 4;
        }
        count(size);
    }

    private void text(String what) {
        int length = getTextLength();
        textRun += length;
        if (textRun > limits.maxTextLength()) {
            throw textTooLong(what);
        }
        count(length);
    }

    private void count(long characters) {
        if (input == null) {
            consumed += characters;
            if (consumed > limits.maxInput()) {
                throw new XmlInputException(XmlInputException.Reason.TOO_LARGE, "XML content is larger than the "
                        + "limit of " + limits.maxInput() + " characters (" + where() + ")");
            }
        }
    }

    private XmlInputException textTooLong(String what) {
        return new XmlInputException(XmlInputException.Reason.TEXT_TOO_LONG, "XML " + what + " is longer than "
                + "the limit of " + limits.maxTextLength() + " characters (" + where() + ")");
    }

    @Override
    public boolean hasNext() {
        try {
            return super.hasNext();
        } catch (XMLStreamException e) {
            throw translate(e, input);
        }
    }

    @Override
    public int nextTag() throws XMLStreamException {
        int event = next();
        while ((event == CHARACTERS || event == CDATA) && isWhiteSpace()
                || event == SPACE || event == COMMENT || event == PROCESSING_INSTRUCTION) {
            event = next();
        }
        if (event != START_ELEMENT && event != END_ELEMENT) {
            throw new XMLStreamException("expected an element but found "
                    + (event == CHARACTERS ? "text '" + abbreviate(getText()) + "'" : "event " + event),
                    getLocation());
        }
        return event;
    }

    @Override
    public String getElementText() throws XMLStreamException {
        if (getEventType() != START_ELEMENT) {
            throw new XMLStreamException("not at the start of an element", getLocation());
        }
        String element = getLocalName();
        StringBuilder text = new StringBuilder();
        int event = next();
        while (event != END_ELEMENT) {
            switch (event) {
                case CHARACTERS, CDATA, SPACE -> text.append(getText());
                case COMMENT, PROCESSING_INSTRUCTION -> {
                }
                case START_ELEMENT -> throw new XMLStreamException("element <" + element
                        + "> must hold text only, but holds <" + getLocalName() + ">", getLocation());
                default -> throw new XMLStreamException("unexpected end of the document in <" + element + ">",
                        getLocation());
            }
            event = next();
        }
        return text.toString();
    }

    private String where() {
        Location l = getLocation();
        return l == null ? "position unknown" : "line " + l.getLineNumber() + ", column " + l.getColumnNumber();
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 40 ? t : t.substring(0, 40) + "…";
    }

    /** The parser's exception as ours: too large if the input said so, else malformed. */
    static XmlInputException translate(XMLStreamException e, BoundedInput input) {
        if (input != null && input.exceeded()) {
            return input.tooLarge();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ").strip();
        return new XmlInputException(XmlInputException.Reason.MALFORMED, "malformed XML: " + message, e);
    }
}
