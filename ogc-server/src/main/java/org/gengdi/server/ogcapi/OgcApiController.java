package org.gengdi.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.store.StoreException;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.ogcapi.ApiDocuments.CollectionEntry;
import org.gengdi.server.ogcapi.HtmlPages.Crumb;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.ows.PublishedLayers.LayerSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * OGC API - Features at {@code /ogcapi}: the landing page, conformance, the API definition, the collections, their
 * queryables, features and single features, each in JSON (the default) and HTML. The controller only routes: it checks
 * the parameters a resource accepts, finds the collection and hands over to the document builders and
 * {@link ItemsResponse}. Every failure is answered here as RFC 7807 problem JSON, never with a stack trace.
 */
@RestController
public class OgcApiController {
    private static final Logger LOG = LoggerFactory.getLogger(OgcApiController.class);
    private static final Set<String> F_ONLY = Set.of("f");

    private final PublishedLayers layers;
    private final ItemsResponse items;

    public OgcApiController(PublishedLayers layers, FeatureEncoders encoders) {
        this.layers = layers;
        this.items = new ItemsResponse(encoders);
    }

    @GetMapping({"/ogcapi", "/ogcapi/"})
    public void landing(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        Links links = Links.of(request);
        ObjectNode doc = ApiDocuments.landing(links, p.all(), f);
        if (f == Format.HTML) {
            html(response, HtmlPages.landing(doc, List.of(new Crumb("OGC API", null))));
        } else {
            json(response, Links.JSON, doc);
        }
    }

    @GetMapping("/ogcapi/conformance")
    public void conformance(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        Links links = Links.of(request);
        ObjectNode doc = ApiDocuments.conformance(links, p.all(), f);
        if (f == Format.HTML) {
            html(response, HtmlPages.conformance(doc, crumbs(links, "一致性 conformance")));
        } else {
            json(response, Links.JSON, doc);
        }
    }

    @GetMapping("/ogcapi/api")
    public void api(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        Links links = Links.of(request);
        ObjectNode doc = OpenApiDocument.build(links, layers.all());
        if (f == Format.HTML) {
            html(response, HtmlPages.api(doc, links.url("/api", Map.of("f", "json")), crumbs(links, "API")));
        } else {
            json(response, Links.OPENAPI, doc);
        }
    }

    @GetMapping({"/ogcapi/collections", "/ogcapi/collections/"})
    public void collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        Links links = Links.of(request);
        List<CollectionEntry> entries = new ArrayList<>();
        for (PublishedLayer layer : layers.all()) {
            entries.add(new CollectionEntry(layer, layers.summary(layer)));
        }
        ObjectNode doc = ApiDocuments.collections(links, entries, p.all(), f);
        if (f == Format.HTML) {
            html(response, HtmlPages.collections(doc, crumbs(links, "图层 collections")));
        } else {
            json(response, Links.JSON, doc);
        }
    }

    @GetMapping("/ogcapi/collections/{collectionId}")
    public void collection(@PathVariable String collectionId, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        PublishedLayer layer = collection(collectionId);
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        Links links = Links.of(request);
        ObjectNode doc = ApiDocuments.collection(links, new CollectionEntry(layer, layers.summary(layer)), p.all(), f);
        if (f == Format.HTML) {
            html(response, HtmlPages.collection(doc, List.of(new Crumb("OGC API", links.url("", Map.of("f", "html"))),
                    new Crumb("图层 collections", links.url("/collections", Map.of("f", "html"))),
                    new Crumb(layer.visible().title(), null))));
        } else {
            json(response, Links.JSON, doc);
        }
    }

    @GetMapping("/ogcapi/collections/{collectionId}/queryables")
    public void queryables(@PathVariable String collectionId, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        PublishedLayer layer = collection(collectionId);
        QueryParams p = QueryParams.of(request, F_ONLY, List.of());
        Format f = Format.of(p.get("f"), request);
        Links links = Links.of(request);
        ObjectNode doc = ApiDocuments.queryables(links, layer);
        if (f == Format.HTML) {
            html(response, HtmlPages.queryables(doc, ItemsResponse.crumbs(links, layer.visible(),
                    "可查询属性 queryables")));
        } else {
            json(response, Links.SCHEMA, doc);
        }
    }

    @GetMapping("/ogcapi/collections/{collectionId}/items")
    public void items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PublishedLayer layer = collection(collectionId);
        QueryParams p = QueryParams.of(request, ItemsQuery.PARAMETERS, ItemsQuery.queryableParameters(layer));
        Format f = Format.of(p.get("f"), request);
        LayerSummary summary = layers.summary(layer);
        ItemsQuery q = ItemsQuery.parse(layer, p, summary.bounds());
        // counted before the first byte, so a store failure is still a clean error response
        long matched = layers.count(layer, q.query());
        items.page(q, matched, Links.of(request), p, f, response);
    }

    @GetMapping("/ogcapi/collections/{collectionId}/items/{featureId}")
    public void feature(@PathVariable String collectionId, @PathVariable String featureId,
                        HttpServletRequest request, HttpServletResponse response) throws IOException {
        PublishedLayer layer = collection(collectionId);
        QueryParams p = QueryParams.of(request, ItemsQuery.FEATURE_PARAMETERS, List.of());
        Format f = Format.of(p.get("f"), request);
        items.feature(ItemsQuery.feature(layer, featureId, p), Links.of(request), p, f, response);
    }

    /** Any other path below {@code /ogcapi}: 404 as problem JSON rather than the container's error page. */
    @GetMapping("/ogcapi/**")
    public void unknown(HttpServletRequest request) {
        throw ApiException.notFound("no resource at " + QueryParams.echo(request.getRequestURI())
                + "; the landing page /ogcapi lists the resources");
    }

    private PublishedLayer collection(String id) {
        return layers.find(id).orElseThrow(() -> ApiException.notFound("no collection '" + QueryParams.echo(id)
                + "'; /ogcapi/collections lists the collections"));
    }

    private static List<Crumb> crumbs(Links links, String last) {
        return List.of(new Crumb("OGC API", links.url("", Map.of("f", "html"))), new Crumb(last, null));
    }

    private static void json(HttpServletResponse response, String type, JsonNode doc) throws IOException {
        write(response, type, ApiDocuments.MAPPER.writeValueAsBytes(doc));
    }

    private static void html(HttpServletResponse response, String page) throws IOException {
        write(response, Links.HTML + ";charset=UTF-8", page.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse response, String type, byte[] body) throws IOException {
        response.setStatus(200);
        response.setContentType(type);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    // ------------------------------------------------------------------------------------------------ errors

    @ExceptionHandler(ApiException.class)
    public void problem(ApiException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        writeProblem(e, request, response);
    }

    /** Store failures, mapped once: unavailable → 503, a query the store refuses → 400, the rest → 500. */
    @ExceptionHandler(StoreException.class)
    public void storeFailure(StoreException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ApiException problem = switch (e.kind()) {
            case UNAVAILABLE -> ApiException.unavailable("the data store is not available at the moment; try again "
                    + "later");
            case INVALID_QUERY -> ApiException.badRequest(e.getMessage());
            case UNKNOWN_LAYER -> ApiException.notFound(e.getMessage());
            default -> ApiException.internal("the data store failed to answer the request");
        };
        if (problem.status() >= 500) {
            LOG.warn("store failure on {}: {}", request.getRequestURI(), e.toString(), e);
        }
        writeProblem(problem, request, response);
    }

    /** Anything else is a bug or an aborted connection: logged with its stack, answered without it. */
    @ExceptionHandler(Exception.class)
    public void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            LOG.info("response to {} aborted after it started: {}", request.getRequestURI(), e.toString());
            return;
        }
        LOG.error("unexpected failure on {}?{}", request.getRequestURI(), request.getQueryString(), e);
        writeProblem(ApiException.internal("internal error while answering the request"), request, response);
    }

    static void writeProblem(ApiException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (response.isCommitted()) {
            return;     // a streamed document failed half-way: the client sees it truncated
        }
        response.reset();
        ObjectNode doc = ApiDocuments.MAPPER.createObjectNode();
        if (e.type() != null) {
            doc.put("type", e.type());
        }
        if (e.retryAfter() != null) {
            response.setHeader("Retry-After", e.retryAfter().toString());
        }
        doc.put("title", e.title());
        doc.put("status", e.status());
        doc.put("detail", e.detail());
        doc.put("instance", request.getRequestURI());
        byte[] body = ApiDocuments.MAPPER.writeValueAsBytes(doc);
        response.setStatus(e.status());
        response.setContentType(Links.PROBLEM);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
