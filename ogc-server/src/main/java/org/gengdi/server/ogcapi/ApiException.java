package org.gengdi.server.ogcapi;

/**
 * The closed set of OGC API failures, each answered as RFC 7807 problem JSON with its HTTP status: a request that
 * cannot be answered as asked (400), a resource that does not exist (404), a store that cannot be reached (503) and
 * anything else (500, never with a stack trace).
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String title;

    private ApiException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    /** A query parameter or path element with a value the server cannot use. */
    static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail);
    }

    /** A filter that cannot be parsed or names a property the collection does not publish. */
    static ApiException invalidFilter(String detail) {
        return new ApiException(400, "Invalid filter", detail);
    }

    static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail);
    }

    static ApiException unavailable(String detail) {
        return new ApiException(503, "Service Unavailable", detail);
    }

    static ApiException internal(String detail) {
        return new ApiException(500, "Internal Server Error", detail);
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    String detail() {
        return getMessage();
    }
}
