package org.gengdi.server.ows;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one OWS endpoint {@code /ows}, with {@code /wms}, {@code /wfs}, {@code /wps} and {@code /wmts} as aliases
 * that imply the SERVICE parameter (as GeoServer does). The protocol operations arrive with the feature, map and
 * processing services; until a service is implemented its requests get an OperationNotSupported report.
 */
@RestController
public class OwsController {
    private static final Set<String> SERVICES = Set.of("WMS", "WFS", "WPS", "WMTS");
    private static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

    @RequestMapping({"/ows", "/wms", "/wfs", "/wps", "/wmts"})
    public ResponseEntity<String> dispatch(HttpServletRequest http) {
        KvpRequest kvp = new KvpRequest(http.getParameterMap());
        String service = impliedService(http.getRequestURI());
        String given = kvp.get("service");
        if (given != null) {
            service = given.toUpperCase(Locale.ROOT);
        }
        if (service == null) {
            throw new OwsException(OwsException.Code.MissingParameterValue, "service", "missing parameter SERVICE");
        }
        if (!SERVICES.contains(service)) {
            throw new OwsException(OwsException.Code.InvalidParameterValue, "service",
                    "unknown service '" + given + "'; this server offers WMS, WFS, WPS and WMTS");
        }
        String request = kvp.require("request");
        throw new OwsException(OwsException.Code.OperationNotSupported, "request",
                service + " " + request + " is not available in this release of Gengdi");
    }

    @ExceptionHandler(OwsException.class)
    public ResponseEntity<String> report(OwsException e) {
        return ResponseEntity.status(e.code().httpStatus()).contentType(XML)
                .body(ExceptionReportWriter.write(e, "1.1.0"));
    }

    private static String impliedService(String uri) {
        String path = uri.substring(uri.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
        return SERVICES.contains(path) ? path : null;
    }
}
