package org.gengdi.server.ows;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One OGC web service behind the OWS dispatcher (WFS, WMS, …): it parses the request, operates and encodes the
 * answer straight into the response. Errors found before anything is written are thrown as {@link OwsException}
 * and reported by the dispatcher.
 */
public interface OwsService {

    /** The SERVICE value it answers, upper case ({@code WFS}). */
    String name();

    /** The version written into exception reports of this service. */
    String defaultVersion();

    void handle(OwsRequest request, HttpServletResponse response) throws IOException;

    /** An exception report as this service writes it. */
    record Report(String contentType, byte[] body) {
    }

    /**
     * The report of an error in a request to this service: by default an OWS Common 1.1 ExceptionReport; WMS
     * writes its own ServiceExceptionReport.
     *
     * @param request the request's parameters (to learn e.g. the version asked for)
     */
    default Report exceptionReport(OwsException e, KvpRequest request) {
        return new Report("application/xml;charset=UTF-8",
                ExceptionReportWriter.write(e, defaultVersion()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** An XML-encoded (POST) request; services without an XML encoding refuse it. */
    default void handleXml(XmlPost request, HttpServletResponse response) throws IOException {
        throw new OwsException(OwsException.Code.OperationNotSupported, null,
                name() + " does not accept XML-encoded (POST) requests in this release of Gengdi; use KVP (GET)");
    }
}
