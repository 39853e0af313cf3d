package org.gengdi.server.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gengdi.server.ows.ExceptionReportWriter;
import org.gengdi.server.ows.OwsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One servlet filter in front of every request: it classifies the request (service and operation), holds it to its
 * service's concurrency limit (a request that finds no slot within the wait is answered 503 with Retry-After, as an
 * OWS ExceptionReport or OGC API problem JSON, at once, instead of queueing without bound), times it into the
 * metrics and writes one access-log line. Health, metrics and static pages are never limited.
 */
public final class RequestGovernor implements Filter {
    private static final Logger ACCESS = LoggerFactory.getLogger("gengdi.access");
    private static final int RETRY_AFTER_SECONDS = 5;

    private final Map<String, Semaphore> slots = new HashMap<>();
    private final Map<String, AtomicInteger> active = new HashMap<>();
    private final ServiceLimits limits;
    private final MeterRegistry registry;

    public RequestGovernor(ServiceLimits limits, MeterRegistry registry) {
        this.limits = limits;
        this.registry = registry;
        limits.concurrency().forEach((service, n) -> slots.put(service, new Semaphore(n, true)));
        for (String s : ServiceLimits.SERVICES) {
            AtomicInteger a = new AtomicInteger();
            active.put(s, a);
            registry.gauge("gengdi.requests.active", io.micrometer.core.instrument.Tags.of("service", s), a);
        }
    }

    /** The service class of a request, or null for requests that are never limited (health, metrics, pages). */
    static String service(HttpServletRequest r) {
        String path = r.getRequestURI().substring(r.getContextPath().length());
        if (path.startsWith("/ogcapi/processes") || path.startsWith("/ogcapi/jobs")) {
            return "processes";
        }
        if (path.startsWith("/ogcapi")) {
            return "features";
        }
        if (path.startsWith("/wmts")) {
            return "wmts";
        }
        if (path.startsWith("/wps")) {
            return "wps";
        }
        if (path.equals("/wms")) {
            return "wms";
        }
        if (path.equals("/wfs")) {
            return "wfs";
        }
        if (path.equals("/ows")) {
            String s = r.getParameter("service");
            if (s == null) {
                s = r.getParameter("SERVICE");
            }
            return s == null ? "wfs" : s.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    static String operation(HttpServletRequest r) {
        String op = r.getParameter("request");
        if (op == null) {
            op = r.getParameter("REQUEST");
        }
        if (op != null) {
            return op.length() > 40 ? "other" : op;
        }
        String path = r.getRequestURI();
        if (path.contains("/execution")) {
            return "Execute";
        }
        if (path.contains("/items")) {
            return "items";
        }
        if (path.contains("/jobs")) {
            return "jobs";
        }
        return r.getMethod().equals("POST") ? "POST" : "GET";
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String service = service(http);
        long start = System.nanoTime();
        Semaphore slot = service == null ? null : slots.get(service);
        boolean got = true;
        if (slot != null) {
            try {
                got = slot.tryAcquire(limits.maxWait().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                got = false;
            }
        }
        String operation = service == null ? "-" : operation(http);
        try {
            if (!got) {
                busy(service, response);
            } else {
                AtomicInteger a = service == null ? null : active.get(service);
                if (a != null) {
                    a.incrementAndGet();
                }
                try {
                    chain.doFilter(req, res);
                } finally {
                    if (a != null) {
                        a.decrementAndGet();
                    }
                }
            }
        } finally {
            if (got && slot != null) {
                slot.release();
            }
            long nanos = System.nanoTime() - start;
            int status = response.getStatus();
            if (service != null) {
                Timer.builder("gengdi.requests").tags("service", service, "operation", operation, "status",
                        Integer.toString(status)).register(registry).record(nanos, TimeUnit.NANOSECONDS);
            }
            if (ACCESS.isInfoEnabled() && service != null) {
                ACCESS.info("method={} path={} service={} operation={} status={} ms={} remote={}", http.getMethod(),
                        http.getRequestURI(), service, operation, status, nanos / 1_000_000, http.getRemoteAddr());
            }
        }
    }

    private static void busy(String service, HttpServletResponse response) throws IOException {
        response.setStatus(503);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        String message = "too many " + service + " requests at once; retry in " + RETRY_AFTER_SECONDS + " s";
        byte[] body;
        if (service.equals("features") || service.equals("processes")) {
            response.setContentType("application/problem+json");
            body = ("{\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\"" + message + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            response.setContentType("application/xml;charset=UTF-8");
            body = ExceptionReportWriter.write(new OwsException(service.equals("wps") ? OwsException.Code.ServerBusy
                    : OwsException.Code.ServiceUnavailable, null, message), "1.1.0").getBytes(StandardCharsets.UTF_8);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
