package org.gengdi.server.ows;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gengdi.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one OWS endpoint {@code /ows}, with {@code /wms}, {@code /wfs}, {@code /wps} and {@code /wmts} as aliases
 * that imply the SERVICE parameter (as GeoServer does). It finds the {@link OwsService} for the SERVICE and hands
 * it the request; services not implemented yet answer OperationNotSupported. Every failure becomes an OWS
 * ExceptionReport — never a stack trace.
 */
@RestController
public class OwsController {
    private static final Logger LOG = LoggerFactory.getLogger(OwsController.class);
    private static final Set<String> SERVICES = Set.of("WMS", "WFS", "WPS", "WMTS");
    private static final String XML = "application/xml;charset=UTF-8";
    private static final String SERVICE_ATTRIBUTE = OwsController.class.getName() + ".service";

    private final Map<String, OwsService> services = new TreeMap<>();

    public OwsController(List<OwsService> implemented) {
        for (OwsService s : implemented) {
            services.put(s.name(), s);
        }
    }

    @RequestMapping({"/ows", "/wms", "/wfs", "/wps", "/wmts"})
    public void dispatch(HttpServletRequest http, HttpServletResponse response) throws IOException {
        String url = ServletUriComponentsBuilder.fromRequestUri(http).replaceQuery(null).build().toUriString();
        if (isXmlPost(http)) {
            dispatchXml(http, response, url);
            return;
        }
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
        http.setAttribute(SERVICE_ATTRIBUTE, service);
        String request = kvp.require("request");
        OwsService handler = services.get(service);
        if (handler == null) {
            throw new OwsException(OwsException.Code.OperationNotSupported, "request",
                    service + " " + request + " is not available in this release of Gengdi");
        }
        handler.handle(new OwsRequest(kvp, url), response);
    }

    /** A POST whose body is XML rather than form-encoded KVP. */
    private static boolean isXmlPost(HttpServletRequest http) {
        if (!"POST".equalsIgnoreCase(http.getMethod())) {
            return false;
        }
        String type = http.getContentType();
        return type == null || type.toLowerCase(Locale.ROOT).contains("xml")
                || type.toLowerCase(Locale.ROOT).startsWith("text/plain");
    }

    private void dispatchXml(HttpServletRequest http, HttpServletResponse response, String url) throws IOException {
        String service = impliedService(http.getRequestURI());
        XmlPost post = XmlPost.peek(http.getInputStream(), url);
        if (post.service() != null) {
            service = post.service().toUpperCase(Locale.ROOT);
        } else if (service == null) {
            service = serviceOfNamespace(post.namespace());
        }
        if (service == null || !SERVICES.contains(service)) {
            throw new OwsException(OwsException.Code.InvalidParameterValue, "service",
                    "cannot tell the service of <" + post.operation() + ">: give its service attribute "
                            + "(WMS, WFS, WPS or WMTS)");
        }
        http.setAttribute(SERVICE_ATTRIBUTE, service);
        OwsService handler = services.get(service);
        if (handler == null) {
            throw new OwsException(OwsException.Code.OperationNotSupported, "request",
                    service + " " + post.operation() + " is not available in this release of Gengdi");
        }
        handler.handleXml(post, response);
    }

    private static String serviceOfNamespace(String ns) {
        if (ns == null) {
            return null;
        }
        if (ns.startsWith("http://www.opengis.net/wfs")) {
            return "WFS";
        }
        if (ns.startsWith("http://www.opengis.net/wps")) {
            return "WPS";
        }
        if (ns.startsWith("http://www.opengis.net/wmts")) {
            return "WMTS";
        }
        return ns.startsWith("http://www.opengis.net/wms") || ns.startsWith("http://www.opengis.net/sld") ? "WMS"
                : null;
    }

    @ExceptionHandler(OwsException.class)
    public void report(OwsException e, HttpServletRequest http, HttpServletResponse response) throws IOException {
        write(e, http, response);
    }

    /** Store failures, mapped once: unavailable → 503, a query the store refuses → 400, the rest → 500. */
    @ExceptionHandler(StoreException.class)
    public void storeFailure(StoreException e, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        OwsException report = switch (e.kind()) {
            case UNAVAILABLE -> new OwsException(OwsException.Code.ServiceUnavailable, null,
                    "the data store is not available at the moment; try again later");
            case INVALID_QUERY -> new OwsException(OwsException.Code.InvalidParameterValue, null, e.getMessage());
            case UNKNOWN_LAYER -> new OwsException(OwsException.Code.InvalidParameterValue, "typeNames",
                    e.getMessage());
            default -> new OwsException(OwsException.Code.NoApplicableCode, null,
                    "the data store failed to answer the request");
        };
        if (report.code().httpStatus() >= 500) {
            LOG.warn("store failure on {}: {}", http.getRequestURI(), e.toString(), e);
        }
        write(report, http, response);
    }

    /** Anything else is a bug or an aborted connection: logged with its stack, reported without it. */
    @ExceptionHandler(Exception.class)
    public void unexpected(Exception e, HttpServletRequest http, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            LOG.info("response to {} aborted after it started: {}", http.getRequestURI(), e.toString());
            return;
        }
        LOG.error("unexpected failure on {}?{}", http.getRequestURI(), http.getQueryString(), e);
        write(new OwsException(OwsException.Code.NoApplicableCode, null, "internal error while answering the request"),
                http, response);
    }

    private void write(OwsException e, HttpServletRequest http, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            return; // a streamed document failed half-way: the client sees it truncated
        }
        response.reset();
        response.setStatus(e.code().httpStatus());
        if (e.code() == OwsException.Code.ServerBusy || e.code() == OwsException.Code.ServiceUnavailable) {
            response.setHeader("Retry-After", "5");
        }
        Object service = http.getAttribute(SERVICE_ATTRIBUTE);
        OwsService s = service == null ? null : services.get(service.toString());
        OwsService.Report report = s == null
                ? new OwsService.Report(XML, ExceptionReportWriter.write(e, "1.1.0").getBytes(StandardCharsets.UTF_8))
                : s.exceptionReport(e, new KvpRequest(http.getParameterMap()));
        response.setContentType(report.contentType());
        response.setContentLength(report.body().length);
        response.getOutputStream().write(report.body());
    }

    private static String impliedService(String uri) {
        String path = uri.substring(uri.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT);
        return SERVICES.contains(path) ? path : null;
    }
}
