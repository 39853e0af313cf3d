package org.gengdi.core.crs;

/** A coordinate that cannot be transformed between two registry CRSs (outside the projection's domain). */
public class CoordinateTransformException extends IllegalArgumentException {
    public CoordinateTransformException(String message, Throwable cause) {
        super(message, cause);
    }
}
