package org.gengdi.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.gengdi.core.store.StoreException;
import org.gengdi.core.task.JobOutput;
import org.gengdi.core.task.JobRecord;
import org.gengdi.core.task.JobStatus;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.InputDescription;
import org.gengdi.process.OutputDescription;
import org.gengdi.process.ProcessException;
import org.gengdi.server.jobs.ExecuteRequest;
import org.gengdi.server.jobs.JobException;
import org.gengdi.server.jobs.ProcessEngine;
import org.gengdi.server.ogcapi.HtmlPages.Crumb;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.web.Html;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OGC API - Processes 1.0 at {@code /ogcapi}: {@code /processes}, {@code /processes/{id}},
 * {@code /processes/{id}/execution} (synchronous, or asynchronous with {@code Prefer: respond-async} → 201 and
 * {@code Location}), {@code /jobs}, {@code /jobs/{id}}, {@code /jobs/{id}/results} and {@code DELETE /jobs/{id}}.
 * The process objects and the engine are the ones WPS 1.0.0 serves.
 */
@RestController
public class ProcessesController {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessesController.class);
    private static final Set<String> F_ONLY = Set.of("f");
    private static final int MAX_JOBS_PAGE = 1000;

    private final ProcessEngine engine;
    private final PublishedLayers layers;

    public ProcessesController(ProcessEngine engine, PublishedLayers layers) {
        this.engine = engine;
        this.layers = layers;
    }

    private static String language(HttpServletRequest request) {
        String a = request.getHeader("Accept-Language");
        return a != null && a.toLowerCase(Locale.ROOT).startsWith("en") ? "en" : "zh";
    }

    @GetMapping({"/ogcapi/processes", "/ogcapi/processes/"})
    public void processes(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        Links links = Links.of(request);
        ObjectNode doc = ProcessDocuments.processList(links, engine.processes(), engine.asyncAvailable(), p.all(), f,
                language(request));
        if (f == Format.HTML) {
            List<String[]> rows = new ArrayList<>();
            for (JsonNode s : doc.path("processes")) {
                rows.add(new String[]{s.path("id").asText(), "<a href=\"" + Html.escape(links.url("/processes/"
                        + Links.encode(s.path("id").asText()), Map.of("f", "html"))) + "\">"
                        + Html.escape(s.path("title").asText()) + "</a> — " + Html.escape(s.path("description")
                        .asText())});
            }
            html(response, HtmlPages.simple("处理服务 Processes", "空间分析处理（与 WPS 1.0.0 相同） · the analysis "
                    + "processes, also served by WPS 1.0.0 at /wps", rows, doc.path("links"), crumbs(links,
                    "处理服务 processes"), links.url("/processes")));
        } else {
            json(response, 200, doc);
        }
    }

    @GetMapping("/ogcapi/processes/{processId}")
    public void process(@PathVariable String processId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        GengdiProcess process = process(processId);
        Links links = Links.of(request);
        ObjectNode doc = ProcessDocuments.description(links, process, engine.asyncAvailable(), layerNames(),
                language(request));
        if (f == Format.HTML) {
            List<String[]> rows = new ArrayList<>();
            for (InputDescription in : process.description().inputs()) {
                rows.add(new String[]{"输入 input " + in.id(), Html.escape(in.title().bilingual()) + " · "
                        + in.minOccurs() + ".." + in.maxOccurs() + " · <code>" + Html.escape(doc.path("inputs")
                        .path(in.id()).path("schema").toString()) + "</code>"});
            }
            for (OutputDescription out : process.description().outputs()) {
                rows.add(new String[]{"输出 output " + out.id(), Html.escape(out.title().bilingual())});
            }
            html(response, HtmlPages.simple(process.description().title().bilingual(),
                    process.description().abstract_() == null ? null : process.description().abstract_().bilingual(),
                    rows, doc.path("links"), crumbs(links, process.description().id()),
                    links.url("/processes/" + Links.encode(processId))));
        } else {
            json(response, 200, doc);
        }
    }

    @PostMapping("/ogcapi/processes/{processId}/execution")
    public void execute(@PathVariable String processId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        GengdiProcess process = process(processId);
        String contentType = request.getContentType();
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw ApiException.processes(400, "invalid-input",
                    "the execute request must be JSON (Content-Type: application/json)");
        }
        ExecuteBody.Parsed parsed = ExecuteBody.read(request.getInputStream(), engine.settings().maxInputBytes(),
                process.description());
        String self = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        ProcessEngine.Prepared prepared = engine.prepare(parsed.request(), self);
        Links links = Links.of(request);
        String prefer = request.getHeader("Prefer");
        boolean async = prefer != null && prefer.toLowerCase(Locale.ROOT).contains("respond-async");
        if (async && engine.asyncAvailable()) {
            JobRecord job = engine.submit(prepared);
            response.setHeader("Location", links.url("/jobs/" + job.id()));
            response.setHeader("Preference-Applied", "respond-async");
            json(response, 201, ProcessDocuments.statusInfo(links, job));
            return;
        }
        ProcessEngine.Result result = engine.execute(prepared);
        Map<String, String> refs = references(links, result.jobId(), prepared.request());
        if (parsed.raw() && result.outputs().size() == 1 && refs.isEmpty()) {
            JobOutput o = result.outputs().get(0);
            write(response, 200, o.mediaType() + (o.mediaType().startsWith("text/") ? ";charset=UTF-8" : ""),
                    o.data());
        } else if (parsed.raw() && refs.isEmpty()) {
            multipart(response, result.outputs());
        } else {
            if (result.jobId() != null) {
                response.setHeader("Location", links.url("/jobs/" + result.jobId()));
            }
            json(response, 200, ProcessDocuments.results(process.description(), result.outputs(), refs));
        }
    }

    /** Output id → URL of the outputs asked by reference (stored under the job id). */
    private static Map<String, String> references(Links links, String jobId, ExecuteRequest request) {
        Map<String, String> refs = new LinkedHashMap<>();
        if (jobId == null) {
            return refs;
        }
        for (ExecuteRequest.OutputRequest o : request.outputs()) {
            if (o.transmission() == ExecuteRequest.Transmission.REFERENCE) {
                refs.put(o.id(), links.url("/jobs/" + jobId + "/results/" + Links.encode(o.id())));
            }
        }
        return refs;
    }

    /** Several raw outputs: {@code multipart/related}, one part per output with its Content-ID. */
    private static void multipart(HttpServletResponse response, List<JobOutput> outputs) throws IOException {
        String boundary = "gengdi-" + UUID.randomUUID();
        response.setStatus(200);
        response.setContentType("multipart/related; boundary=" + boundary);
        OutputStream out = response.getOutputStream();
        for (JobOutput o : outputs) {
            out.write(("--" + boundary + "\r\nContent-Type: " + o.mediaType() + "\r\nContent-ID: <" + o.outputId()
                    + ">\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(o.data());
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping({"/ogcapi/jobs", "/ogcapi/jobs/"})
    public void jobs(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParams p = QueryParams.of(request, Set.of("f", "limit", "offset"), List.of());
        Format f = Format.of(p.get("f"), request);
        requireJobs();
        int limit = (int) Math.min(MAX_JOBS_PAGE, p.number("limit", 100, 1));
        int offset = (int) Math.min(Integer.MAX_VALUE - MAX_JOBS_PAGE, p.number("offset", 0, 0));
        List<JobRecord> page = engine.jobs(offset, limit + 1);
        boolean more = page.size() > limit;
        List<JobRecord> shown = more ? page.subList(0, limit) : page;
        Links links = Links.of(request);
        ObjectNode doc = ProcessDocuments.jobList(links, shown, p.all(), f, offset, limit, more);
        if (f == Format.HTML) {
            List<String[]> rows = new ArrayList<>();
            for (JobRecord j : shown) {
                rows.add(new String[]{j.status().code(), "<a href=\"" + Html.escape(links.url("/jobs/" + j.id(),
                        Map.of("f", "html"))) + "\">" + Html.escape(j.id()) + "</a> " + Html.escape(j.processId())
                        + " · " + j.progress() + "% · " + Html.escape(String.valueOf(j.message()))});
            }
            html(response, HtmlPages.simple("作业 Jobs", null, rows, doc.path("links"), crumbs(links, "作业 jobs"),
                    links.url("/jobs")));
        } else {
            json(response, 200, doc);
        }
    }

    @GetMapping("/ogcapi/jobs/{jobId}")
    public void job(@PathVariable String jobId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        JobRecord job = job(jobId);
        Links links = Links.of(request);
        ObjectNode doc = ProcessDocuments.statusInfo(links, job);
        if (f == Format.HTML) {
            List<String[]> rows = new ArrayList<>();
            doc.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("links")) {
                    rows.add(new String[]{e.getKey(), Html.escape(e.getValue().asText())});
                }
            });
            html(response, HtmlPages.simple("作业 Job " + job.id(), null, rows, doc.path("links"),
                    crumbs(links, "作业 job"), links.url("/jobs/" + job.id())));
        } else {
            json(response, 200, doc);
        }
    }

    @GetMapping("/ogcapi/jobs/{jobId}/results")
    public void results(@PathVariable String jobId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        QueryParams.of(request, F_ONLY, List.of());
        JobRecord job = finished(jobId);
        GengdiProcess process = process(job.processId());
        ExecuteRequest stored = engine.request(jobId).orElse(null);
        Links links = Links.of(request);
        Map<String, String> refs = stored == null ? Map.of() : references(links, jobId, stored);
        json(response, 200, ProcessDocuments.results(process.description(), engine.results(jobId), refs));
    }

    @GetMapping("/ogcapi/jobs/{jobId}/results/{outputId}")
    public void result(@PathVariable String jobId, @PathVariable String outputId, HttpServletRequest request,
                       HttpServletResponse response) throws IOException {
        QueryParams.of(request, Set.of(), List.of());
        finished(jobId);
        JobOutput o = engine.result(jobId, outputId).orElseThrow(() -> ApiException.processes(404, "no-such-output",
                "job " + jobId + " has no output '" + QueryParams.echo(outputId) + "'"));
        write(response, 200, o.mediaType() + (o.mediaType().startsWith("text/") ? ";charset=UTF-8" : ""), o.data());
    }

    @DeleteMapping("/ogcapi/jobs/{jobId}")
    public void dismiss(@PathVariable String jobId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        requireJobs();
        JobRecord before = job(jobId);
        if (before.status() == JobStatus.DISMISSED || !engine.dismiss(jobId)) {
            throw noSuchJob(jobId);
        }
        json(response, 200, ProcessDocuments.statusInfo(Links.of(request), engine.job(jobId).orElseThrow()));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private GengdiProcess process(String id) {
        return engine.process(id).orElseThrow(() -> ApiException.processes(404, "no-such-process",
                "no process '" + QueryParams.echo(id) + "'; /ogcapi/processes lists them"));
    }

    private JobRecord job(String id) {
        requireJobs();
        return engine.job(id).orElseThrow(() -> noSuchJob(id));
    }

    /** A successful job, or the reason there are no results: 404 result-not-ready, or no-such-job. */
    private JobRecord finished(String id) {
        JobRecord job = job(id);
        switch (job.status()) {
            case SUCCESSFUL:
                return job;
            case DISMISSED:
                throw noSuchJob(id);
            case FAILED:
                throw ApiException.processes(404, "result-not-ready", "job " + id + " failed: " + job.message());
            default:
                throw ApiException.processes(404, "result-not-ready", "job " + id + " is " + job.status().code()
                        + " (" + job.progress() + "%); its results are not ready yet");
        }
    }

    private static ApiException noSuchJob(String id) {
        return ApiException.processes(404, "no-such-job", "no job '" + QueryParams.echo(id) + "'");
    }

    private void requireJobs() {
        if (!engine.asyncAvailable()) {
            throw ApiException.processes(501, "no-job-store", "this server's store cannot keep jobs");
        }
    }

    private List<String> layerNames() {
        return layers.all().stream().map(l -> l.name()).toList();
    }

    private static List<Crumb> crumbs(Links links, String last) {
        return List.of(new Crumb("OGC API", links.url("", Map.of("f", "html"))), new Crumb(last, null));
    }

    private static void json(HttpServletResponse response, int status, JsonNode doc) throws IOException {
        write(response, status, Links.JSON, ApiDocuments.MAPPER.writeValueAsBytes(doc));
    }

    private static void html(HttpServletResponse response, String page) throws IOException {
        write(response, 200, Links.HTML + ";charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, int status, String type, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    // ------------------------------------------------------------------------------------------------ errors

    @ExceptionHandler(ApiException.class)
    public void problem(ApiException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OgcApiController.writeProblem(e, request, response);
    }

    /** Bad inputs and failed executions, mapped once. */
    @ExceptionHandler(ProcessException.class)
    public void processFailure(ProcessException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ApiException problem = switch (e.kind()) {
            case INVALID_INPUT -> ApiException.processes(400, "invalid-input", e.getMessage());
            case UNAVAILABLE -> ApiException.unavailable(e.getMessage());
            case TIME_LIMIT, CANCELLED -> ApiException.processes(503, "time-limit", e.getMessage());
            default -> ApiException.internal("the process failed: " + e.getMessage());
        };
        OgcApiController.writeProblem(problem, request, response);
    }

    @ExceptionHandler(JobException.class)
    public void jobRefused(JobException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ApiException problem = switch (e.kind()) {
            case NO_SUCH_PROCESS -> ApiException.processes(404, "no-such-process", e.getMessage());
            case NO_SUCH_JOB -> ApiException.processes(404, "no-such-job", e.getMessage());
            case RESULT_NOT_READY -> ApiException.processes(404, "result-not-ready", e.getMessage());
            case BUSY -> ApiException.busy(e.getMessage(), JobException.RETRY_AFTER_SECONDS);
            case NO_JOB_STORE -> ApiException.processes(501, "no-job-store", e.getMessage());
            case REFERENCE_REFUSED -> ApiException.processes(400, "invalid-input", e.getMessage());
        };
        OgcApiController.writeProblem(problem, request, response);
    }

    @ExceptionHandler(StoreException.class)
    public void storeFailure(StoreException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ApiException problem = e.kind() == StoreException.Kind.UNAVAILABLE
                ? ApiException.busy("the data store is not available at the moment; try again later",
                JobException.RETRY_AFTER_SECONDS)
                : ApiException.internal("the data store failed to answer the request");
        if (problem.status() == 500) {
            LOG.warn("store failure on {}: {}", request.getRequestURI(), e.toString(), e);
        }
        OgcApiController.writeProblem(problem, request, response);
    }

    @ExceptionHandler(Exception.class)
    public void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            LOG.info("response to {} aborted after it started: {}", request.getRequestURI(), e.toString());
            return;
        }
        LOG.error("unexpected failure on {}", request.getRequestURI(), e);
        OgcApiController.writeProblem(ApiException.internal("internal error while answering the request"), request,
                response);
    }
}
