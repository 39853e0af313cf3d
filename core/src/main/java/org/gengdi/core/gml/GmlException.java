package org.gengdi.core.gml;

/**
 * GML that cannot be read as a geometry: an unknown or unsupported element, a non-numeric or odd coordinate list,
 * an unclosed ring, an unknown {@code srsName}. Protocols report it as an invalid parameter value.
 */
public class GmlException extends IllegalArgumentException {
    public GmlException(String message) {
        super(message);
    }

    public GmlException(String message, Throwable cause) {
        super(message, cause);
    }
}
