package org.gengdi.server.wps;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gengdi.core.task.JobOutput;
import org.gengdi.core.task.JobRecord;
import org.gengdi.core.task.JobStatus;
import org.gengdi.process.ProcessDescription;
import org.gengdi.server.jobs.ExecuteRequest;
import org.gengdi.server.jobs.JobException;
import org.gengdi.server.jobs.ProcessEngine;
import org.gengdi.server.ows.ExceptionReportWriter;
import org.gengdi.server.ows.OwsException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The WPS status locations ({@code /wps/status/{job}}: the job's current ExecuteResponse) and stored outputs
 * ({@code /wps/output/{job}/{output}}), answered from the durable job store, so any instance serves them.
 */
@RestController
public class WpsController {
    private final ProcessEngine engine;

    public WpsController(ProcessEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/wps/status/{jobId}")
    public void status(@PathVariable String jobId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        JobRecord job;
        try {
            job = engine.asyncAvailable() ? engine.job(jobId).orElse(null) : null;
        } catch (JobException e) {
            job = null;
        }
        if (job == null || job.status() == JobStatus.DISMISSED) {
            error(response, 404, new OwsException(OwsException.Code.InvalidParameterValue, "job",
                    "no job '" + WpsKvp.shorten(jobId) + "'"));
            return;
        }
        ProcessDescription d = engine.process(job.processId()).map(p -> p.description()).orElse(null);
        if (d == null) {
            error(response, 404, new OwsException(OwsException.Code.InvalidParameterValue, "job",
                    "the process of job " + jobId + " is no longer offered"));
            return;
        }
        ExecuteRequest stored = engine.request(jobId).orElse(new ExecuteRequest(job.processId(), Map.of(), List.of(),
                Map.of()));
        boolean lineage = "true".equals(stored.options().get(WpsExecute.LINEAGE));
        WpsDocuments.State state = WpsDocuments.state(job);
        List<JobOutput> outputs = state == WpsDocuments.State.SUCCEEDED ? engine.results(jobId) : List.of();
        Map<String, String> refs = WpsService.references(base, jobId, stored);
        JobRecord j = job;
        WpsService.xml(response, 200, out -> WpsDocuments.executeResponse(out, base + "/wps", d,
                base + "/wps/status/" + jobId, state, j.progress(), j.message(), j.created(), stored, lineage,
                outputs, refs, "zh-CN"));
    }

    @GetMapping("/wps/output/{jobId}/{outputId}")
    public void output(@PathVariable String jobId, @PathVariable String outputId, HttpServletResponse response)
            throws IOException {
        JobOutput o = engine.asyncAvailable() ? engine.result(jobId, outputId).orElse(null) : null;
        if (o == null) {
            error(response, 404, new OwsException(OwsException.Code.InvalidParameterValue, "output",
                    "no stored output '" + WpsKvp.shorten(outputId) + "' of job '" + WpsKvp.shorten(jobId) + "'"));
            return;
        }
        response.setStatus(200);
        response.setContentType(o.mediaType() + (o.mediaType().startsWith("text/") ? ";charset=UTF-8" : ""));
        response.setContentLength(o.data().length);
        response.getOutputStream().write(o.data());
    }

    private static void error(HttpServletResponse response, int status, OwsException e) throws IOException {
        byte[] body = ExceptionReportWriter.write(e, "1.0.0").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("application/xml;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
