package org.gengdi.server.wps;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengdi.core.task.JobOutput;
import org.gengdi.core.task.JobRecord;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.ProcessException;
import org.gengdi.server.jobs.ExecuteRequest;
import org.gengdi.server.jobs.JobException;
import org.gengdi.server.jobs.ProcessEngine;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsRequest;
import org.gengdi.server.ows.OwsService;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.ows.XmlPost;

/**
 * WPS 1.0.0: GetCapabilities, DescribeProcess and Execute by KVP and XML POST over the {@link ProcessEngine}.
 * Execute answers a response document (sync), the raw output (RawDataOutput), or — with
 * {@code storeExecuteResponse=true} — at once a ProcessAccepted document whose {@code statusLocation}
 * ({@code /wps/status/{job}}) follows the durable job. Outputs asked {@code asReference} are stored and served at
 * {@code /wps/output/{job}/{output}}.
 */
public final class WpsService implements OwsService {
    static final String VERSION = "1.0.0";
    private final ProcessEngine engine;
    private final PublishedLayers layers;

    public WpsService(ProcessEngine engine, PublishedLayers layers) {
        this.engine = engine;
        this.layers = layers;
    }

    @Override
    public String name() {
        return "WPS";
    }

    @Override
    public String defaultVersion() {
        return VERSION;
    }

    private static String language(String given) {
        return given != null && given.toLowerCase(Locale.ROOT).startsWith("en") ? "en-US" : "zh-CN";
    }

    @Override
    public void handle(OwsRequest request, HttpServletResponse response) throws IOException {
        KvpRequest kvp = request.kvp();
        String op = kvp.require("request");
        String lang = language(kvp.get("language"));
        switch (op.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> {
                String accept = kvp.get("acceptversions");
                if (accept != null && !List.of(accept.split(",")).contains(VERSION)) {
                    throw new OwsException(OwsException.Code.VersionNegotiationFailed, "AcceptVersions",
                            "this server offers WPS " + VERSION + " only");
                }
                xml(response, 200, out -> WpsDocuments.capabilities(out, request.serviceUrl(), engine.processes(),
                        lang));
            }
            case "describeprocess" -> {
                version(kvp.get("version"));
                describe(List.of(kvp.require("identifier").split(",")), lang, response);
            }
            case "execute" -> {
                version(kvp.get("version"));
                GengdiProcess p = process(kvp.require("identifier").strip());
                execute(WpsKvp.execute(kvp, p), request.serviceUrl(), lang, response);
            }
            default -> throw new OwsException(OwsException.Code.OperationNotSupported, "request",
                    "WPS offers GetCapabilities, DescribeProcess and Execute, not '" + WpsKvp.shorten(op) + "'");
        }
    }

    @Override
    public void handleXml(XmlPost post, HttpServletResponse response) throws IOException {
        long max = engine.settings().maxInputBytes();
        String lang = "zh-CN";
        switch (post.operation()) {
            case "GetCapabilities" -> xml(response, 200, out -> WpsDocuments.capabilities(out, post.serviceUrl(),
                    engine.processes(), lang));
            case "DescribeProcess" -> {
                version(post.version());
                describe(WpsXml.identifiers(post, max), lang, response);
            }
            case "Execute" -> {
                version(post.version());
                execute(WpsXml.execute(post, engine, max), post.serviceUrl(), lang, response);
            }
            default -> throw new OwsException(OwsException.Code.OperationNotSupported, "request",
                    "WPS offers GetCapabilities, DescribeProcess and Execute, not <" + post.operation() + ">");
        }
    }

    private static void version(String v) {
        if (v != null && !v.isBlank() && !v.strip().equals(VERSION)) {
            throw new OwsException(OwsException.Code.InvalidParameterValue, "version", "this server offers WPS "
                    + VERSION + ", not " + WpsKvp.shorten(v));
        }
    }

    private GengdiProcess process(String id) {
        return engine.process(id).orElseThrow(() -> new OwsException(OwsException.Code.InvalidParameterValue,
                "Identifier", "no process '" + WpsKvp.shorten(id) + "'; GetCapabilities lists them"));
    }

    private void describe(List<String> ids, String lang, HttpServletResponse response) throws IOException {
        List<GengdiProcess> ps = new ArrayList<>();
        for (String id : ids) {
            if (id.strip().equalsIgnoreCase("ALL")) {
                ps.addAll(engine.processes());
            } else {
                ps.add(process(id.strip()));
            }
        }
        if (ps.isEmpty()) {
            throw new OwsException(OwsException.Code.MissingParameterValue, "Identifier", "name a process");
        }
        List<String> layerNames = layers.all().stream().map(l -> l.name()).toList();
        xml(response, 200, out -> WpsDocuments.describe(out, ps, engine.asyncAvailable(), layerNames, lang));
    }

    /** This server's base URL (the service URL without its last path segment). */
    static String base(String serviceUrl) {
        int slash = serviceUrl.lastIndexOf('/');
        return slash > serviceUrl.indexOf("//") + 1 ? serviceUrl.substring(0, slash) : serviceUrl;
    }

    private void execute(WpsExecute x, String serviceUrl, String lang, HttpServletResponse response)
            throws IOException {
        String base = base(serviceUrl);
        GengdiProcess process = process(x.request().processId());
        ProcessEngine.Prepared prepared;
        try {
            prepared = engine.prepare(x.request(), base);
        } catch (ProcessException | JobException e) {
            throw map(e);
        }
        if (x.rawOutput() != null) {
            if (x.store()) {
                throw new OwsException(OwsException.Code.InvalidParameterValue, "RawDataOutput",
                        "a raw output cannot be stored; use a ResponseDocument with storeExecuteResponse");
            }
            ProcessEngine.Result r = run(prepared);
            JobOutput o = r.outputs().get(0);
            response.setStatus(200);
            response.setContentType(o.mediaType() + (o.mediaType().startsWith("text/") ? ";charset=UTF-8" : ""));
            response.setContentLength(o.data().length);
            response.getOutputStream().write(o.data());
            return;
        }
        if (x.store()) {
            if (!engine.asyncAvailable()) {
                throw new OwsException(OwsException.Code.StorageNotSupported, "storeExecuteResponse",
                        "this deployment's store cannot keep jobs");
            }
            JobRecord job;
            try {
                job = engine.submit(prepared);
            } catch (JobException e) {
                throw map(e);
            }
            xml(response, 200, out -> WpsDocuments.executeResponse(out, serviceUrl, process.description(),
                    base + "/wps/status/" + job.id(), WpsDocuments.State.ACCEPTED, 0, "accepted", job.created(),
                    prepared.request(), x.lineage(), List.of(), Map.of(), lang));
            return;
        }
        ProcessEngine.Result r = run(prepared);
        Map<String, String> refs = references(base, r.jobId(), prepared.request());
        xml(response, 200, out -> WpsDocuments.executeResponse(out, serviceUrl, process.description(), null,
                WpsDocuments.State.SUCCEEDED, 100, "succeeded", Instant.now(), prepared.request(), x.lineage(),
                r.outputs(), refs, lang));
    }

    private ProcessEngine.Result run(ProcessEngine.Prepared p) {
        try {
            return engine.execute(p);
        } catch (ProcessException | JobException e) {
            throw map(e);
        }
    }

    /** Output id → the URL it is served at, for outputs asked by reference. */
    static Map<String, String> references(String base, String jobId, ExecuteRequest request) {
        Map<String, String> refs = new LinkedHashMap<>();
        if (jobId != null) {
            for (ExecuteRequest.OutputRequest o : request.outputs()) {
                if (o.transmission() == ExecuteRequest.Transmission.REFERENCE) {
                    refs.put(o.id(), base + "/wps/output/" + jobId + "/" + o.id());
                }
            }
        }
        return refs;
    }

    /** The engine's refusals and failures as OWS exceptions, mapped once. */
    static OwsException map(RuntimeException e) {
        if (e instanceof JobException j) {
            return switch (j.kind()) {
                case NO_SUCH_PROCESS -> new OwsException(OwsException.Code.InvalidParameterValue, "Identifier",
                        j.getMessage());
                case BUSY -> new OwsException(OwsException.Code.ServerBusy, null, j.getMessage());
                case NO_JOB_STORE -> new OwsException(OwsException.Code.StorageNotSupported, null, j.getMessage());
                case REFERENCE_REFUSED -> new OwsException(OwsException.Code.InvalidParameterValue, j.locator(),
                        j.getMessage());
                default -> new OwsException(OwsException.Code.InvalidParameterValue, j.locator(), j.getMessage());
            };
        }
        ProcessException p = (ProcessException) e;
        return switch (p.kind()) {
            case INVALID_INPUT -> new OwsException(p.getMessage() != null && p.getMessage().endsWith("is required")
                    ? OwsException.Code.MissingParameterValue : p.getMessage() != null
                    && p.getMessage().contains("larger than its limit") ? OwsException.Code.FileSizeExceeded
                    : OwsException.Code.InvalidParameterValue, p.locator(), p.getMessage());
            case UNAVAILABLE -> new OwsException(OwsException.Code.ServiceUnavailable, null, p.getMessage());
            case TIME_LIMIT, CANCELLED -> new OwsException(OwsException.Code.ServerBusy, null, p.getMessage());
            default -> new OwsException(OwsException.Code.NoApplicableCode, null, "the process failed: "
                    + p.getMessage());
        };
    }

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    static void xml(HttpServletResponse response, int status, Writer w) throws IOException {
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        w.write(buffer);
        response.setStatus(status);
        response.setContentType("application/xml;charset=UTF-8");
        response.setContentLength(buffer.size());
        buffer.writeTo(response.getOutputStream());
    }
}
