package org.gengdi.server.ows;

/**
 * An error reported to an OWS client as an ExceptionReport, with its OWS exception code, locator and HTTP status.
 * The codes are those of OWS Common 1.1/2.0 and the service standards.
 */
public class OwsException extends RuntimeException {

    /** OWS exception codes with their HTTP status (OWS Common 2.0 Table 28 / WFS 2.0 Table D.2). */
    public enum Code {
        MissingParameterValue(400),
        InvalidParameterValue(400),
        VersionNegotiationFailed(400),
        InvalidUpdateSequence(400),
        OptionNotSupported(501),
        OperationNotSupported(501),
        OperationParsingFailed(400),
        OperationProcessingFailed(500),
        NoApplicableCode(500),
        /** WMS: the image format is not offered. */
        InvalidFormat(400),
        /** WMS 1.3.0: the CRS is not offered. */
        InvalidCRS(400),
        /** WMS 1.1.1: the SRS is not offered. */
        InvalidSRS(400),
        /** WMS: no such layer. */
        LayerNotDefined(400),
        /** WMS: no such style for the layer. */
        StyleNotDefined(400),
        /** WMS: GetFeatureInfo on a layer that is not queryable. */
        LayerNotQueryable(400),
        /** WMS: I/J (X/Y) outside the map. */
        InvalidPoint(400),
        /** WMS: the updateSequence equals the server's. */
        CurrentUpdateSequence(400),
        /** WFS 2.0.2: the resource a stored query names (GetFeatureById) does not exist. */
        NotFound(404),
        /** WMTS: TileMatrix, TileRow or TileCol outside the tile matrix set (or the layer's limits). */
        TileOutOfRange(400),
        /** WMTS: I or J of GetFeatureInfo outside the tile. */
        PointIJOutOfRange(400),
        /** WPS: the server is too busy (full queue, no free slot); answered with Retry-After. */
        ServerBusy(503),
        /** WPS: storing outputs or the execute response is not supported by this deployment. */
        StorageNotSupported(400),
        /** WPS: a complex input is larger than the process accepts. */
        FileSizeExceeded(400),
        ServiceUnavailable(503);

        private final int httpStatus;

        Code(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Code code;
    private final String locator;

    public OwsException(Code code, String locator, String message) {
        super(message);
        this.code = code;
        this.locator = locator;
    }

    public Code code() {
        return code;
    }

    public String locator() {
        return locator;
    }
}
