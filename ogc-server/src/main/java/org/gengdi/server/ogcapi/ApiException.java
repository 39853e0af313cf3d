package org.gengdi.server.ogcapi;

/**
 * The closed set of OGC API failures, each answered as RFC 7807 problem JSON with its HTTP status: a request that
 * cannot be answered as asked (400), a resource that does not exist (404), a store that cannot be reached (503) and
 * anything else (500, never with a stack trace).
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String title;
    private final String type;
    private final Integer retryAfter;

    private ApiException(int status, String title, String detail) {
        this(status, title, detail, null, null);
    }

    private ApiException(int status, String title, String detail, String type, Integer retryAfter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.type = type;
        this.retryAfter = retryAfter;
    }

    /** The OGC API - Processes exception type URIs. */
    static final String PROCESSES_TYPES = "http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/";

    /** An OGC API - Processes failure with its exception type ({@code no-such-process}, {@code no-such-job}, …). */
    static ApiException processes(int status, String type, String detail) {
        return new ApiException(status, titleOf(status), detail, PROCESSES_TYPES + type, null);
    }

    /** The server is too busy (full queue, no free slot): 503 with Retry-After. */
    static ApiException busy(String detail, int retryAfterSeconds) {
        return new ApiException(503, "Service Unavailable", detail, null, retryAfterSeconds);
    }

    /** A request body over its size limit. */
    static ApiException tooLarge(String detail) {
        return new ApiException(413, "Payload Too Large", detail);
    }

    private static String titleOf(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }

    /** The problem type URI, or {@code null}. */
    String type() {
        return type;
    }

    /** Seconds for a Retry-After header, or {@code null}. */
    Integer retryAfter() {
        return retryAfter;
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
