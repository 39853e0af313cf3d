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

    /** An XML-encoded (POST) request; services without an XML encoding refuse it. */
    default void handleXml(XmlPost request, HttpServletResponse response) throws IOException {
        throw new OwsException(OwsException.Code.OperationNotSupported, null,
                name() + " does not accept XML-encoded (POST) requests in this release of Gengdi; use KVP (GET)");
    }
}
