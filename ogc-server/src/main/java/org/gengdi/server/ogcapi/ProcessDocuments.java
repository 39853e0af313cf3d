package org.gengdi.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gengdi.core.task.JobOutput;
import org.gengdi.core.task.JobRecord;
import org.gengdi.core.task.JobStatus;
import org.gengdi.process.DataType;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.process.OutputDescription;
import org.gengdi.process.ProcessDescription;
import org.gengdi.process.Text;
import org.gengdi.server.ogcapi.Links.Link;

/**
 * The JSON documents of OGC API - Processes 1.0: the process list, a process description (OGC Process
 * Description, inputs and outputs as JSON Schema), a job's status info, the job list and the results document.
 */
final class ProcessDocuments {
    static final String REL_PROCESSES = "http://www.opengis.net/def/rel/ogc/1.0/processes";
    static final String REL_JOB_LIST = "http://www.opengis.net/def/rel/ogc/1.0/job-list";
    static final String REL_EXECUTE = "http://www.opengis.net/def/rel/ogc/1.0/execute";
    static final String REL_RESULTS = "http://www.opengis.net/def/rel/ogc/1.0/results";
    static final String REL_STATUS = "http://www.opengis.net/def/rel/ogc/1.0/job";

    /** The Processes conformance classes implemented. */
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/ogc-process-description",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/json",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss");

    private ProcessDocuments() {
    }

    private static String lang(String language, Text t) {
        return t == null ? null : t.in(language);
    }

    static ObjectNode summary(Links links, GengdiProcess p, boolean async, String language) {
        ProcessDescription d = p.description();
        ObjectNode o = ApiDocuments.MAPPER.createObjectNode();
        o.put("id", d.id());
        o.put("title", lang(language, d.title()));
        if (d.abstract_() != null) {
            o.put("description", lang(language, d.abstract_()));
        }
        o.put("version", d.version());
        ArrayNode kw = o.putArray("keywords");
        d.keywords().forEach(kw::add);
        ArrayNode jc = o.putArray("jobControlOptions");
        jc.add("sync-execute");
        if (async) {
            jc.add("async-execute").add("dismiss");
        }
        ArrayNode ot = o.putArray("outputTransmission");
        ot.add("value");
        if (async) {
            ot.add("reference");
        }
        String path = "/processes/" + Links.encode(d.id());
        Links.toJson(List.of(new Link(links.url(path), "self", Links.JSON, "process description"),
                new Link(links.url(path, Map.of("f", "html")), "alternate", Links.HTML, "HTML"),
                new Link(links.url(path + "/execution"), REL_EXECUTE, Links.JSON, "execute")), o.putArray("links"));
        return o;
    }

    static ObjectNode processList(Links links, List<GengdiProcess> processes, boolean async, Map<String, String> params,
                                  Format f, String language) {
        ObjectNode doc = ApiDocuments.MAPPER.createObjectNode();
        ArrayNode list = doc.putArray("processes");
        for (GengdiProcess p : processes) {
            list.add(summary(links, p, async, language));
        }
        Links.toJson(links.selfAndAlternate("/processes", params, f, Links.JSON, "processes"), doc.putArray("links"));
        return doc;
    }

    static ObjectNode description(Links links, GengdiProcess p, boolean async, List<String> layerNames,
                                  String language) {
        ObjectNode o = summary(links, p, async, language);
        ObjectNode inputs = o.putObject("inputs");
        for (InputDescription in : p.description().inputs()) {
            ObjectNode i = inputs.putObject(in.id());
            i.put("title", lang(language, in.title()));
            if (in.abstract_() != null) {
                i.put("description", lang(language, in.abstract_()));
            }
            i.put("minOccurs", in.minOccurs());
            i.put("maxOccurs", in.maxOccurs());
            i.set("schema", inputSchema(in.type(), layerNames));
        }
        ObjectNode outputs = o.putObject("outputs");
        for (OutputDescription out : p.description().outputs()) {
            ObjectNode j = outputs.putObject(out.id());
            j.put("title", lang(language, out.title()));
            if (out.abstract_() != null) {
                j.put("description", lang(language, out.abstract_()));
            }
            j.set("schema", out.isLiteral() ? literalSchema(out.literal(), out.uom())
                    : formatsSchema(out.formats()));
        }
        return o;
    }

    private static ObjectNode literalSchema(DataType type, String uom) {
        ObjectNode s = ApiDocuments.MAPPER.createObjectNode().put("type", type.jsonType());
        if (uom != null) {
            s.put("x-uom", uom);
        }
        return s;
    }

    private static ObjectNode inputSchema(InputType type, List<String> layerNames) {
        ObjectNode s = ApiDocuments.MAPPER.createObjectNode();
        if (type instanceof InputType.Literal l) {
            s.put("type", l.dataType().jsonType());
            if (!l.allowedValues().isEmpty()) {
                ArrayNode e = s.putArray("enum");
                l.allowedValues().forEach(e::add);
            }
            if (l.min() != null) {
                s.put("minimum", l.min());
            }
            if (l.max() != null) {
                s.put("maximum", l.max());
            }
            if (l.defaultValue() != null) {
                Object v = l.dataType().parse(l.defaultValue());
                s.set("default", ApiDocuments.MAPPER.valueToTree(v));
            }
            if (l.uom() != null) {
                s.put("x-uom", l.uom());
            }
        } else if (type instanceof InputType.Complex c) {
            s = formatsSchema(c.formats());
            s.put("x-maxBytes", c.maxBytes());
        } else if (type instanceof InputType.BoundingBox b) {
            s.put("type", "object");
            s.putArray("required").add("bbox");
            ObjectNode props = s.putObject("properties");
            props.putObject("bbox").put("type", "array").put("minItems", 4).put("maxItems", 4)
                    .putObject("items").put("type", "number");
            ArrayNode crs = props.putObject("crs").put("type", "string").putArray("enum");
            b.crs().forEach(crs::add);
        } else {
            InputType.LayerReference lr = (InputType.LayerReference) type;
            List<String> names = lr.layers().isEmpty() ? layerNames : lr.layers();
            ArrayNode one = s.putArray("oneOf");
            ArrayNode e = one.addObject().put("type", "string").putArray("enum");
            names.forEach(e::add);
            ObjectNode obj = one.addObject().put("type", "object");
            obj.putArray("required").add("layer");
            ObjectNode props = obj.putObject("properties");
            ArrayNode e2 = props.putObject("layer").put("type", "string").putArray("enum");
            names.forEach(e2::add);
            props.putObject("filter").put("type", "string").put("description",
                    "CQL2 text over the layer's public attributes (geometry literals in CRS84)");
            one.addObject().put("type", "object").putArray("required").add("href");
        }
        return s;
    }

    private static ObjectNode formatsSchema(List<org.gengdi.process.Format> formats) {
        ObjectNode s = ApiDocuments.MAPPER.createObjectNode();
        ArrayNode one = s.putArray("oneOf");
        for (org.gengdi.process.Format f : formats) {
            boolean json = f == org.gengdi.process.Format.GEOJSON || f == org.gengdi.process.Format.JSON
                    || f == org.gengdi.process.Format.LAYER;
            one.addObject().put("type", json ? "object" : "string").put("contentMediaType", f.mediaType());
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------------ jobs

    static ObjectNode statusInfo(Links links, JobRecord job) {
        ObjectNode o = ApiDocuments.MAPPER.createObjectNode();
        o.put("jobID", job.id());
        o.put("processID", job.processId());
        o.put("type", "process");
        o.put("status", job.status().code());
        if (job.message() != null) {
            o.put("message", job.message());
        }
        o.put("created", time(job.created()));
        if (job.started() != null) {
            o.put("started", time(job.started()));
        }
        if (job.finished() != null) {
            o.put("finished", time(job.finished()));
        }
        if (job.updated() != null) {
            o.put("updated", time(job.updated()));
        }
        o.put("progress", job.progress());
        List<Link> l = new ArrayList<>();
        String path = "/jobs/" + job.id();
        l.add(new Link(links.url(path), "self", Links.JSON, "job status"));
        l.add(new Link(links.url(path, Map.of("f", "html")), "alternate", Links.HTML, "HTML"));
        if (job.status() == JobStatus.SUCCESSFUL) {
            l.add(new Link(links.url(path + "/results"), REL_RESULTS, Links.JSON, "results"));
        }
        Links.toJson(l, o.putArray("links"));
        return o;
    }

    static ObjectNode jobList(Links links, List<JobRecord> jobs, Map<String, String> params, Format f, int offset,
                              int limit, boolean more) {
        ObjectNode doc = ApiDocuments.MAPPER.createObjectNode();
        ArrayNode list = doc.putArray("jobs");
        for (JobRecord j : jobs) {
            list.add(statusInfo(links, j));
        }
        List<Link> l = new ArrayList<>(links.selfAndAlternate("/jobs", params, f, Links.JSON, "jobs"));
        if (more) {
            Map<String, String> next = new java.util.LinkedHashMap<>(params);
            next.put("offset", Integer.toString(offset + limit));
            next.put("limit", Integer.toString(limit));
            l.add(new Link(links.url("/jobs", next, f), "next", Links.JSON, "next page"));
        }
        Links.toJson(l, doc.putArray("links"));
        return doc;
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * The results document: a literal as its JSON value, JSON formats embedded as JSON, other formats as a string
     * value with their media type, and outputs stored by reference as links.
     *
     * @param references output id → URL, for outputs sent by reference
     */
    static ObjectNode results(ProcessDescription d, List<JobOutput> outputs, Map<String, String> references)
            throws IOException {
        ObjectNode doc = ApiDocuments.MAPPER.createObjectNode();
        for (JobOutput o : outputs) {
            String href = references.get(o.outputId());
            if (href != null) {
                doc.putObject(o.outputId()).put("href", href).put("type", o.mediaType());
                continue;
            }
            OutputDescription od = d.output(o.outputId()).orElse(null);
            String text = new String(o.data(), StandardCharsets.UTF_8);
            if (od != null && od.isLiteral()) {
                doc.set(o.outputId(), literal(od.literal(), text));
            } else if (isJson(o.mediaType())) {
                JsonNode value = ApiDocuments.MAPPER.readTree(o.data());
                doc.putObject(o.outputId()).put("mediaType", o.mediaType()).set("value", value);
            } else {
                doc.putObject(o.outputId()).put("mediaType", o.mediaType()).put("value", text);
            }
        }
        return doc;
    }

    static boolean isJson(String mediaType) {
        String t = mediaType.toLowerCase(java.util.Locale.ROOT);
        return t.startsWith("application/json") || t.startsWith("application/geo+json") || t.contains("+json");
    }

    private static JsonNode literal(DataType type, String text) {
        try {
            return ApiDocuments.MAPPER.valueToTree(type.parse(text));
        } catch (IllegalArgumentException e) {
            return ApiDocuments.MAPPER.getNodeFactory().textNode(text);
        }
    }
}
