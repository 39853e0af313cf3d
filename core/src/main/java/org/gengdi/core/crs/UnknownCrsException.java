package org.gengdi.core.crs;

/** A CRS identifier that is malformed or names a CRS Gengdi does not support. */
public class UnknownCrsException extends IllegalArgumentException {
    public UnknownCrsException(String message) {
        super(message);
    }
}
