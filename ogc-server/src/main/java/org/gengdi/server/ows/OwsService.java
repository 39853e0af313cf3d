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
}
