package org.gengdi.server.ogcapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.server.ows.PublishedLayer;

/**
 * The API definition ({@code /ogcapi/api}, OpenAPI 3.0): every path with its parameters, one set of paths per
 * collection, so that a client reads there which CRSs and which queryable parameters each collection has (GDAL looks
 * up {@code paths./collections/NAME/items}). The {@code limit} maximum is published, since ArcGIS pages with it.
 * Only public attributes appear.
 */
final class OpenApiDocument {
    private static final String PROBLEM_REF = "#/components/schemas/problem";

    private OpenApiDocument() {
    }

    static ObjectNode build(Links links, List<PublishedLayer> layers) {
        ObjectNode doc = ApiDocuments.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", ApiDocuments.TITLE);
        info.put("version", "1.0.0");
        info.put("description", ApiDocuments.DESCRIPTION + ". 个人信息字段（责任人等）不发布 · personal fields are never "
                + "published.");
        doc.putArray("servers").addObject().put("url", links.base()).put("description", "耕地 Gengdi");
        ArrayNode tags = doc.putArray("tags");
        tags.addObject().put("name", "Capabilities").put("description", "服务描述 · about the service");
        tags.addObject().put("name", "Data").put("description", "图层与要素 · collections and features");
        tags.addObject().put("name", "Processes").put("description", "空间分析处理与作业 · processes and jobs");

        ObjectNode paths = doc.putObject("paths");
        resource(paths, "/", "getLandingPage", "Capabilities", "首页 · landing page", "landingPage", Links.JSON);
        resource(paths, "/conformance", "getConformance", "Capabilities", "一致性类 · conformance classes",
                "confClasses", Links.JSON);
        resource(paths, "/api", "getApi", "Capabilities", "本 API 定义 · this API definition (OpenAPI 3.0)", null,
                Links.OPENAPI);
        resource(paths, "/collections", "getCollections", "Data", "图层列表 · the collections", "collections",
                Links.JSON);
        for (PublishedLayer layer : layers) {
            collectionPaths(paths, layer);
        }
        processPaths(paths);
        components(doc.putObject("components"));
        return doc;
    }

    /** A GET resource answering JSON (with the schema named) or HTML, with only the {@code f} parameter. */
    private static void resource(ObjectNode paths, String path, String operationId, String tag, String summary,
                                 String schema, String jsonType) {
        ObjectNode get = get(paths, path, operationId, tag, summary);
        get.putArray("parameters").addObject().put("$ref", "#/components/parameters/f");
        ObjectNode content = ok(get, summary);
        ObjectNode json = content.putObject(jsonType).putObject("schema");
        if (schema == null) {
            json.put("type", "object");
        } else {
            json.put("$ref", "#/components/schemas/" + schema);
        }
        content.putObject(Links.HTML).putObject("schema").put("type", "string");
        errors(get, false);
    }

    private static void collectionPaths(ObjectNode paths, PublishedLayer layer) {
        FeatureType t = layer.visible();
        String name = t.name();
        String base = "/collections/" + name;
        resource(paths, base, "describe" + name, "Data", t.title() + " (" + name + ") · 图层描述 collection",
                "collection", Links.JSON);
        // queryables
        ObjectNode q = get(paths, base + "/queryables", "getQueryables" + name, "Data",
                t.title() + " · 可查询属性 queryables (JSON Schema)");
        q.putArray("parameters").addObject().put("$ref", "#/components/parameters/f");
        ObjectNode qContent = ok(q, "queryables");
        qContent.putObject(Links.SCHEMA).putObject("schema").put("type", "object");
        qContent.putObject(Links.HTML).putObject("schema").put("type", "string");
        errors(q, true);

        CollectionCrs crs = CollectionCrs.of(t.srid());
        // items
        ObjectNode items = get(paths, base + "/items", "get" + name + "Features", "Data",
                t.title() + " · 要素 features");
        items.put("description", "分页 paging: limit/offset, links rel=next/prev; bbox/bbox-crs; crs (Part 2); "
                + "filter/filter-lang/filter-crs (CQL2 text or JSON, Part 3); a queryable as a parameter selects "
                + "features whose value equals the one given (the geometry: features intersecting a WKT geometry).");
        ArrayNode params = items.putArray("parameters");
        for (String ref : List.of("f", "limit", "offset", "bbox", "datetime", "filter", "filter-lang")) {
            params.addObject().put("$ref", "#/components/parameters/" + ref);
        }
        crsParameter(params.addObject(), "crs", crs, "输出坐标系 · the CRS of the coordinates in the response; "
                + "EPSG CRSs in EPSG axis order (4490, 4326 and Gauss-Krüger: latitude/northing first)");
        crsParameter(params.addObject(), "bbox-crs", crs, "bbox 的坐标系 · the CRS of bbox");
        crsParameter(params.addObject(), "filter-crs", crs, "filter 中几何的坐标系 · the CRS of geometries in filter "
                + "and in the geometry query parameter");
        ObjectNode geom = params.addObject();
        geom.put("name", t.geometryName()).put("in", "query").put("required", false)
                .put("description", "几何 (WKT, filter-crs)：与之相交的要素 · features intersecting this WKT geometry");
        geom.putObject("schema").put("type", "string");
        for (AttributeDef a : t.attributes()) {
            ObjectNode p = params.addObject();
            // style/explode as QGIS and GDAL expect of a queryable they may send as NAME=value
            p.put("name", a.name()).put("in", "query").put("required", false).put("style", "form")
                    .put("explode", false)
                    .put("description", a.title() + "：等于此值的要素 · features whose " + a.name() + " equals this value");
            p.set("schema", ApiDocuments.attributeSchema(a));
        }
        ObjectNode itemsContent = ok(items, "features");
        itemsContent.putObject(Links.GEOJSON).putObject("schema").put("$ref",
                "#/components/schemas/featureCollectionGeoJSON");
        itemsContent.putObject(Links.HTML).putObject("schema").put("type", "string");
        contentCrsHeader(items);
        errors(items, true);

        // one feature
        ObjectNode one = get(paths, base + "/items/{featureId}", "get" + name + "Feature", "Data",
                t.title() + " · 单个要素 one feature");
        ArrayNode oneParams = one.putArray("parameters");
        oneParams.addObject().put("$ref", "#/components/parameters/featureId");
        oneParams.addObject().put("$ref", "#/components/parameters/f");
        crsParameter(oneParams.addObject(), "crs", crs, "输出坐标系 · the CRS of the coordinates in the response");
        ObjectNode oneContent = ok(one, "the feature");
        oneContent.putObject(Links.GEOJSON).putObject("schema").put("$ref", "#/components/schemas/featureGeoJSON");
        oneContent.putObject(Links.HTML).putObject("schema").put("type", "string");
        contentCrsHeader(one);
        errors(one, true);
    }

    /** OGC API - Processes: the process list and descriptions, execution, jobs, results, dismiss. */
    private static void processPaths(ObjectNode paths) {
        ObjectNode list = get(paths, "/processes", "getProcesses", "Processes", "处理服务列表 · the processes");
        list.putArray("parameters").addObject().put("$ref", "#/components/parameters/f");
        jsonOrHtml(ok(list, "the processes"));
        errors(list, false);
        ObjectNode one = get(paths, "/processes/{processId}", "getProcessDescription", "Processes",
                "处理描述 · a process description");
        ArrayNode oneParams = one.putArray("parameters");
        pathParameter(oneParams.addObject(), "processId", "处理标识 · the process id, e.g. gengdi:Area");
        oneParams.addObject().put("$ref", "#/components/parameters/f");
        jsonOrHtml(ok(one, "the process description"));
        errors(one, true);
        ObjectNode exec = paths.putObject("/processes/{processId}/execution").putObject("post");
        exec.put("summary", "执行 · execute a process (Prefer: respond-async for a job)")
                .put("operationId", "execute");
        exec.putArray("tags").add("Processes");
        ArrayNode execParams = exec.putArray("parameters");
        pathParameter(execParams.addObject(), "processId", "处理标识 · the process id");
        ObjectNode prefer = execParams.addObject();
        prefer.put("name", "Prefer").put("in", "header").put("required", false)
                .put("description", "respond-async: run as a job (201 + Location)");
        prefer.putObject("schema").put("type", "string");
        exec.putObject("requestBody").put("required", true).putObject("content").putObject(Links.JSON)
                .putObject("schema").put("type", "object");
        ObjectNode execResponses = exec.putObject("responses");
        execResponses.putObject("200").put("description", "results (document, or one raw output)");
        execResponses.putObject("201").put("description", "job accepted; Location gives its status");
        errors(exec, true);
        ObjectNode jobs = get(paths, "/jobs", "getJobs", "Processes", "作业列表 · the jobs");
        ArrayNode jobParams = jobs.putArray("parameters");
        jobParams.addObject().put("$ref", "#/components/parameters/f");
        jobParams.addObject().put("$ref", "#/components/parameters/limit");
        jobParams.addObject().put("$ref", "#/components/parameters/offset");
        jsonOrHtml(ok(jobs, "the jobs"));
        errors(jobs, false);
        ObjectNode job = get(paths, "/jobs/{jobId}", "getStatus", "Processes", "作业状态 · a job's status");
        ArrayNode statusParams = job.putArray("parameters");
        pathParameter(statusParams.addObject(), "jobId", "作业标识 · the job id");
        statusParams.addObject().put("$ref", "#/components/parameters/f");
        jsonOrHtml(ok(job, "the job status"));
        errors(job, true);
        ObjectNode dismiss = paths.withObjectProperty("/jobs/{jobId}").putObject("delete");
        dismiss.put("summary", "取消作业 · dismiss a job").put("operationId", "dismiss");
        dismiss.putArray("tags").add("Processes");
        pathParameter(dismiss.putArray("parameters").addObject(), "jobId", "作业标识 · the job id");
        dismiss.putObject("responses").putObject("200").put("description", "the dismissed job's status")
                .putObject("content").putObject(Links.JSON).putObject("schema").put("type", "object");
        errors(dismiss, true);
        ObjectNode results = get(paths, "/jobs/{jobId}/results", "getResult", "Processes", "作业结果 · a job's results");
        pathParameter(results.putArray("parameters").addObject(), "jobId", "作业标识 · the job id");
        ok(results, "the results document").putObject(Links.JSON).putObject("schema").put("type", "object");
        errors(results, true);
    }

    private static void jsonOrHtml(ObjectNode content) {
        content.putObject(Links.JSON).putObject("schema").put("type", "object");
        content.putObject(Links.HTML).putObject("schema").put("type", "string");
    }

    private static void pathParameter(ObjectNode p, String name, String description) {
        p.put("name", name).put("in", "path").put("required", true).put("description", description);
        p.putObject("schema").put("type", "string");
    }

    private static ObjectNode get(ObjectNode paths, String path, String operationId, String tag, String summary) {
        ObjectNode get = paths.putObject(path).putObject("get");
        get.put("summary", summary).put("operationId", operationId);
        get.putArray("tags").add(tag);
        return get;
    }

    /** The 200 response; returns its content object. */
    private static ObjectNode ok(ObjectNode operation, String description) {
        return operation.putObject("responses").putObject("200").put("description", description)
                .putObject("content");
    }

    private static void contentCrsHeader(ObjectNode operation) {
        operation.withObjectProperty("responses").withObjectProperty("200").putObject("headers")
                .putObject("Content-Crs")
                .put("description", "输出坐标系 URI，尖括号内 · the CRS of the coordinates, as <URI>")
                .putObject("schema").put("type", "string");
    }

    private static void errors(ObjectNode operation, boolean notFound) {
        ObjectNode responses = operation.withObjectProperty("responses");
        responses.putObject("400").put("$ref", "#/components/responses/BadRequest");
        if (notFound) {
            responses.putObject("404").put("$ref", "#/components/responses/NotFound");
        }
        responses.putObject("500").put("$ref", "#/components/responses/ServerError");
    }

    private static void crsParameter(ObjectNode p, String name, CollectionCrs crs, String description) {
        p.put("name", name).put("in", "query").put("required", false).put("description", description);
        ObjectNode schema = p.putObject("schema");
        schema.put("type", "string").put("format", "uri").put("default", CollectionCrs.CRS84);
        ArrayNode values = schema.putArray("enum");
        crs.uris().forEach(values::add);
    }

    // ----------------------------------------------------------------------------------------------- shared

    private static void components(ObjectNode components) {
        ObjectNode parameters = components.putObject("parameters");
        ObjectNode f = query(parameters, "f", "输出格式 · the format of the response (default JSON, or by Accept)");
        f.putObject("schema").put("type", "string").putArray("enum").add("json").add("html");
        ObjectNode limit = query(parameters, "limit", "每页要素数 · features per page; larger values are reduced to "
                + "the maximum");
        limit.putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", ItemsQuery.MAX_LIMIT)
                .put("default", ItemsQuery.DEFAULT_LIMIT);
        ObjectNode offset = query(parameters, "offset", "跳过的要素数 · features to skip (paging)");
        offset.putObject("schema").put("type", "integer").put("minimum", 0).put("default", 0);
        ObjectNode bbox = query(parameters, "bbox", "范围 · minx,miny,maxx,maxy in bbox-crs (default CRS84 "
                + "lon/lat); features whose geometry intersects it");
        bbox.put("style", "form").put("explode", false);
        ObjectNode bboxSchema = bbox.putObject("schema").put("type", "array").put("minItems", 4).put("maxItems", 6);
        bboxSchema.putObject("items").put("type", "number");
        ObjectNode datetime = query(parameters, "datetime", "时间 · RFC 3339 date-time or interval; checked, and "
                + "ignored since the collections have no temporal extent");
        datetime.putObject("schema").put("type", "string");
        ObjectNode filter = query(parameters, "filter", "CQL2 过滤条件 · a CQL2 filter (text or JSON), e.g. "
                + "DLBM IN ('0101','0102') AND S_INTERSECTS(geom, POLYGON((…)))");
        filter.putObject("schema").put("type", "string");
        ObjectNode lang = query(parameters, "filter-lang", "filter 的编码 · the encoding of filter");
        lang.putObject("schema").put("type", "string").put("default", "cql2-text").putArray("enum")
                .add("cql2-text").add("cql2-json");
        ObjectNode featureId = parameters.putObject("featureId");
        featureId.put("name", "featureId").put("in", "path").put("required", true)
                .put("description", "要素标识 · the id of the feature as in GeoJSON, e.g. YJJBNTBHTB.17");
        featureId.putObject("schema").put("type", "string");

        ObjectNode responses = components.putObject("responses");
        problemResponse(responses, "BadRequest", "请求参数错误 · a parameter with an unusable value");
        problemResponse(responses, "NotFound", "不存在 · no such collection or feature");
        problemResponse(responses, "ServerError", "服务器错误 · server error");

        schemas(components.putObject("schemas"));
    }

    private static ObjectNode query(ObjectNode parameters, String name, String description) {
        ObjectNode p = parameters.putObject(name);
        p.put("name", name).put("in", "query").put("required", false).put("description", description);
        return p;
    }

    private static void problemResponse(ObjectNode responses, String name, String description) {
        responses.putObject(name).put("description", description).putObject("content")
                .putObject(Links.PROBLEM).putObject("schema").put("$ref", PROBLEM_REF);
    }

    private static void schemas(ObjectNode schemas) {
        ObjectNode link = object(schemas, "link", "href", "rel");
        props(link, "href", "string", "rel", "string", "type", "string", "title", "string");

        ObjectNode landing = object(schemas, "landingPage", "links");
        props(landing, "title", "string", "description", "string");
        linksProperty(landing);

        ObjectNode conf = object(schemas, "confClasses", "conformsTo");
        conf.withObjectProperty("properties").putObject("conformsTo").put("type", "array").putObject("items")
                .put("type", "string");

        ObjectNode collection = object(schemas, "collection", "id", "links");
        props(collection, "id", "string", "title", "string", "description", "string", "itemType", "string",
                "storageCrs", "string");
        collection.withObjectProperty("properties").putObject("crs").put("type", "array").putObject("items")
                .put("type", "string");
        ObjectNode extent = collection.withObjectProperty("properties").putObject("extent").put("type", "object");
        ObjectNode spatial = extent.putObject("properties").putObject("spatial").put("type", "object");
        ObjectNode sp = spatial.putObject("properties");
        sp.putObject("bbox").put("type", "array").putObject("items").put("type", "array").putObject("items")
                .put("type", "number");
        sp.putObject("crs").put("type", "string");
        linksProperty(collection);

        ObjectNode collections = object(schemas, "collections", "links", "collections");
        linksProperty(collections);
        collections.withObjectProperty("properties").putObject("collections").put("type", "array").putObject("items")
                .put("$ref", "#/components/schemas/collection");

        ObjectNode geometry = object(schemas, "geometryGeoJSON", "type");
        props(geometry, "type", "string");
        geometry.withObjectProperty("properties").putObject("coordinates").put("type", "array").putObject("items");

        ObjectNode feature = object(schemas, "featureGeoJSON", "type", "geometry", "properties");
        ObjectNode fp = feature.withObjectProperty("properties");
        fp.putObject("type").put("type", "string").putArray("enum").add("Feature");
        fp.putObject("id").put("type", "string");
        fp.putObject("geometry").put("nullable", true).putArray("allOf").addObject()
                .put("$ref", "#/components/schemas/geometryGeoJSON");
        fp.putObject("properties").put("type", "object").put("nullable", true);
        linksProperty(feature);

        ObjectNode fc = object(schemas, "featureCollectionGeoJSON", "type", "features");
        ObjectNode fcp = fc.withObjectProperty("properties");
        fcp.putObject("type").put("type", "string").putArray("enum").add("FeatureCollection");
        fcp.putObject("features").put("type", "array").putObject("items")
                .put("$ref", "#/components/schemas/featureGeoJSON");
        fcp.putObject("timeStamp").put("type", "string").put("format", "date-time");
        fcp.putObject("numberMatched").put("type", "integer").put("minimum", 0);
        fcp.putObject("numberReturned").put("type", "integer").put("minimum", 0);
        linksProperty(fc);

        ObjectNode problem = object(schemas, "problem", "title", "status");
        props(problem, "type", "string", "title", "string", "detail", "string", "instance", "string");
        problem.withObjectProperty("properties").putObject("status").put("type", "integer");
    }

    private static ObjectNode object(ObjectNode schemas, String name, String... required) {
        ObjectNode s = schemas.putObject(name).put("type", "object");
        ArrayNode r = s.putArray("required");
        for (String n : required) {
            r.add(n);
        }
        s.putObject("properties");
        return s;
    }

    private static void props(ObjectNode schema, String... nameType) {
        ObjectNode p = schema.withObjectProperty("properties");
        for (int i = 0; i < nameType.length; i += 2) {
            p.putObject(nameType[i]).put("type", nameType[i + 1]);
        }
    }

    private static void linksProperty(ObjectNode schema) {
        schema.withObjectProperty("properties").putObject("links").put("type", "array").putObject("items")
                .put("$ref", "#/components/schemas/link");
    }
}
