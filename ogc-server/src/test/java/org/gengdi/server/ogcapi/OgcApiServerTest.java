package org.gengdi.server.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.SampleServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OGC API - Features (Parts 1–3) against the real server on a small sample county (one server for the class): every
 * resource in JSON and HTML, paging, bbox and CRS handling, CQL2 filters checked against an independent count,
 * problem responses, personal fields, proxies, and GDAL's OAPIF driver as a real client.
 */
class OgcApiServerTest {
    static final String LAYER = "YJJBNTBHTB";
    static final List<String> PERSONAL = List.of("ZRRMC", "ZRRZJHM", "LXDH", "JZDZ");
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static FeatureStore store;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Values of personal fields in the store, which must never appear in a response. */
    private static final Set<String> PERSONAL_VALUES = new HashSet<>();

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-ogcapi");
        base = SampleServer.base(ctx);
        store = ctx.getBean(FeatureStore.class);
        try (FeatureCursor c = source().query(Query.ALL.withPage(0, 50))) {
            while (c.hasNext()) {
                Feature f = c.next();
                for (String name : List.of("ZRRZJHM", "LXDH")) {
                    Object v = f.get(name);
                    if (v != null && v.toString().length() >= 8) {
                        PERSONAL_VALUES.add(v.toString());
                    }
                }
            }
        }
        assertThat(PERSONAL_VALUES).as("the sample has personal data to hide").isNotEmpty();
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static HttpResponse<String> get(String pathOrUrl, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl
                : base + pathOrUrl));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode getJson(String pathOrUrl) throws Exception {
        HttpResponse<String> r = get(pathOrUrl);
        assertThat(r.statusCode()).as(pathOrUrl + " → " + r.body()).isEqualTo(200);
        assertNoPersonalData(r.body());
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static FeatureSource source() {
        return store.require(LAYER);
    }

    static String items(String query) {
        return "/ogcapi/collections/" + LAYER + "/items" + (query.isEmpty() ? "" : "?" + query);
    }

    static String contentType(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    static void assertNoPersonalData(String body) {
        assertThat(body).doesNotContain(PERSONAL);
        for (String v : PERSONAL_VALUES) {
            assertThat(body).doesNotContain(v);
        }
    }

    static String link(JsonNode doc, String rel, String type) {
        for (JsonNode l : doc.path("links")) {
            if (l.path("rel").asText().equals(rel) && (type == null || l.path("type").asText().equals(type))) {
                return l.path("href").asText();
            }
        }
        return null;
    }

    /** Every feature id of a (filtered) selection, following next links. */
    static List<String> allIds(String firstPage, Consumer<JsonNode> eachPage) throws Exception {
        List<String> ids = new ArrayList<>();
        String url = base + firstPage;
        int pages = 0;
        while (url != null) {
            JsonNode doc = getJson(url);
            eachPage.accept(doc);
            doc.path("features").forEach(f -> ids.add(f.path("id").asText()));
            url = link(doc, "next", Links.GEOJSON);
            assertThat(++pages).isLessThan(200);
        }
        return ids;
    }

    /** The ids of every feature matching an in-memory test, read from the store directly. */
    static Set<String> storeIds(java.util.function.Predicate<Feature> test) {
        Set<String> ids = new TreeSet<>();
        try (FeatureCursor c = source().query(Query.ALL)) {
            while (c.hasNext()) {
                Feature f = c.next();
                if (test.test(f)) {
                    ids.add(LAYER + "." + f.id());
                }
            }
        }
        return ids;
    }

    static void assertProblem(HttpResponse<String> r, int status, String detail) throws Exception {
        assertThat(r.statusCode()).as(r.uri() + " → " + r.body()).isEqualTo(status);
        assertThat(contentType(r)).as(r.uri().toString()).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.path("status").asInt()).isEqualTo(status);
        assertThat(p.path("title").asText()).isNotBlank();
        assertThat(p.path("detail").asText()).as(r.uri().toString()).containsIgnoringCase(detail);
        assertThat(r.body()).doesNotContain("at org.", "Exception", "\tat ");
    }

    /** The layer's extent in lon/lat. */
    static Envelope lonLatBounds() {
        return CrsRegistry.get().transform(source().schema().srid(), 4326).transform(source().bounds());
    }

    // ----------------------------------------------------------------------------------- Part 1: resources

    @Test
    void landingPageLinksToEverythingWithAbsoluteUrls() throws Exception {
        JsonNode doc = getJson("/ogcapi");
        assertThat(doc.path("title").asText()).contains("Gengdi");
        assertThat(link(doc, "self", Links.JSON)).startsWith(base + "/ogcapi");
        assertThat(link(doc, "alternate", Links.HTML)).isEqualTo(base + "/ogcapi?f=html");
        assertThat(link(doc, "service-desc", "application/vnd.oai.openapi+json;version=3.0"))
                .isEqualTo(base + "/ogcapi/api");
        assertThat(link(doc, "service-doc", Links.HTML)).isEqualTo(base + "/ogcapi/api?f=html");
        assertThat(link(doc, "conformance", Links.JSON)).isEqualTo(base + "/ogcapi/conformance");
        assertThat(link(doc, "data", Links.JSON)).isEqualTo(base + "/ogcapi/collections");
        doc.path("links").forEach(l -> assertThat(l.path("href").asText()).startsWith(base + "/ogcapi"));
        assertThat(get("/ogcapi/").statusCode()).isEqualTo(200);
        assertThat(get("/ogcapi/collections/").statusCode()).isEqualTo(200);
    }

    @Test
    void conformanceIsTruthful() throws Exception {
        List<String> classes = new ArrayList<>();
        getJson("/ogcapi/conformance").path("conformsTo").forEach(c -> classes.add(c.asText()));
        String f1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/";
        String f3 = "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/";
        String cql = "http://www.opengis.net/spec/cql2/1.0/conf/";
        assertThat(classes).contains(f1 + "core", f1 + "oas30", f1 + "html", f1 + "geojson",
                "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs", f3 + "queryables",
                f3 + "queryables-query-parameters", f3 + "filter", f3 + "features-filter", cql + "cql2-text",
                cql + "cql2-json", cql + "basic-cql2", cql + "advanced-comparison-operators",
                cql + "case-insensitive-comparison", cql + "basic-spatial-functions",
                cql + "basic-spatial-functions-plus", cql + "spatial-functions")
                .doesNotContain(cql + "property-property", cql + "temporal-functions", cql + "arithmetic",
                        cql + "accent-insensitive-comparison", cql + "functions", cql + "array-functions")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyResourceAnswersJsonByDefaultAndHtmlOnRequest() throws Exception {
        String id = getJson(items("limit=1")).path("features").get(0).path("id").asText();
        Map<String, String> jsonTypes = new java.util.LinkedHashMap<>();
        jsonTypes.put("/ogcapi", "application/json");
        jsonTypes.put("/ogcapi/conformance", "application/json");
        jsonTypes.put("/ogcapi/api", "application/vnd.oai.openapi+json;version=3.0");
        jsonTypes.put("/ogcapi/collections", "application/json");
        jsonTypes.put("/ogcapi/collections/" + LAYER, "application/json");
        jsonTypes.put("/ogcapi/collections/" + LAYER + "/queryables", "application/schema+json");
        jsonTypes.put("/ogcapi/collections/" + LAYER + "/items", "application/geo+json");
        jsonTypes.put("/ogcapi/collections/" + LAYER + "/items/" + id, "application/geo+json");
        for (Map.Entry<String, String> e : jsonTypes.entrySet()) {
            String path = e.getKey();
            for (String variant : List.of(path, path + "?f=json")) {
                HttpResponse<String> r = get(variant);
                assertThat(r.statusCode()).as(variant + " → " + r.body()).isEqualTo(200);
                assertThat(contentType(r)).as(variant).isEqualTo(e.getValue());
                JSON.readTree(r.body());
                assertNoPersonalData(r.body());
            }
            assertThat(contentType(get(path, "Accept", "application/json"))).as(path).isEqualTo(e.getValue());
            for (HttpResponse<String> html : List.of(get(path + "?f=html"), get(path, "Accept",
                    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))) {
                assertThat(html.statusCode()).as(path + " html").isEqualTo(200);
                assertThat(contentType(html)).as(path).isEqualToIgnoringCase("text/html;charset=UTF-8");
                assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">", "</html>")
                        .doesNotContain("<script", "stylesheet", "cdn", "https://");
                assertNoPersonalData(html.body());
            }
        }
        String items = get(items("f=html&limit=5")).body();
        assertThat(items).contains("永久基本农田保护图斑", "ZLDWMC", "坐落单位名称", "下一页 next", id);
        assertThat(get("/ogcapi/collections?f=html").body()).contains("永久基本农田保护图斑", "地类图斑", LAYER);
        assertThat(get("/ogcapi/api?f=html").body()).contains("/collections/" + LAYER + "/items", "limit", "filter");
    }

    @Test
    void htmlEscapesWhatTheRequestEchoes() throws Exception {
        String hostile = "DLBM = '<script>alert(1)</script>\"'";
        HttpResponse<String> r = get(items("f=html&filter=" + enc(hostile)));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;");
    }

    @Test
    void collectionsDescribeEveryLayerInChineseWithExtentAndCrs() throws Exception {
        JsonNode doc = getJson("/ogcapi/collections");
        assertThat(link(doc, "self", Links.JSON)).isNotNull();
        assertThat(link(doc, "alternate", Links.HTML)).isNotNull();
        Set<String> ids = new HashSet<>();
        int srid = source().schema().srid();
        Envelope lonLat = lonLatBounds();
        for (JsonNode c : doc.path("collections")) {
            ids.add(c.path("id").asText());
            assertThat(link(c, "items", Links.GEOJSON)).isEqualTo(base + "/ogcapi/collections/"
                    + c.path("id").asText() + "/items");
            assertThat(c.path("itemType").asText()).isEqualTo("feature");
            List<String> crs = new ArrayList<>();
            c.path("crs").forEach(u -> crs.add(u.asText()));
            assertThat(crs).containsExactly("http://www.opengis.net/def/crs/OGC/1.3/CRS84",
                    "http://www.opengis.net/def/crs/EPSG/0/4490", "http://www.opengis.net/def/crs/EPSG/0/4326",
                    "http://www.opengis.net/def/crs/EPSG/0/3857", "http://www.opengis.net/def/crs/EPSG/0/" + srid);
            assertThat(c.path("storageCrs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/" + srid);
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(store.layerNames());

        JsonNode red = getJson("/ogcapi/collections/" + LAYER);
        assertThat(red.path("title").asText()).isEqualTo("永久基本农田保护图斑");
        assertThat(red.path("description").asText()).contains(String.format(Locale.ROOT, "%,d",
                source().count(Query.ALL)));
        JsonNode bbox = red.path("extent").path("spatial").path("bbox").get(0);
        assertThat(red.path("extent").path("spatial").path("crs").asText())
                .isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
        assertThat(bbox.get(0).asDouble()).isBetween(lonLat.getMinX() - 1e-6, lonLat.getMinX());
        assertThat(bbox.get(1).asDouble()).isBetween(lonLat.getMinY() - 1e-6, lonLat.getMinY());
        assertThat(bbox.get(2).asDouble()).isBetween(lonLat.getMaxX(), lonLat.getMaxX() + 1e-6);
        assertThat(bbox.get(3).asDouble()).isBetween(lonLat.getMaxY(), lonLat.getMaxY() + 1e-6);
        assertThat(link(red, "self", Links.JSON)).isEqualTo(base + "/ogcapi/collections/" + LAYER + "?f=json");
        assertThat(link(red, "http://www.opengis.net/def/rel/ogc/1.0/queryables", "application/schema+json"))
                .isEqualTo(base + "/ogcapi/collections/" + LAYER + "/queryables");
    }

    @Test
    void queryablesAreAJsonSchemaOfThePublicProperties() throws Exception {
        HttpResponse<String> r = get("/ogcapi/collections/" + LAYER + "/queryables");
        assertThat(contentType(r)).isEqualTo("application/schema+json");
        JsonNode q = JSON.readTree(r.body());
        assertThat(q.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(q.path("$id").asText()).isEqualTo(base + "/ogcapi/collections/" + LAYER + "/queryables");
        assertThat(q.path("type").asText()).isEqualTo("object");
        JsonNode p = q.path("properties");
        assertThat(p.path("geom").path("format").asText()).isEqualTo("geometry-multipolygon");
        assertThat(p.path("geom").path("$ref").asText()).isEqualTo("https://geojson.org/schema/MultiPolygon.json");
        assertThat(p.path("DLBM").path("type").asText()).isEqualTo("string");
        assertThat(p.path("DLBM").path("title").asText()).isEqualTo("地类编码");
        assertThat(p.path("DLBM").path("maxLength").asInt()).isEqualTo(5);
        assertThat(p.path("GDDB").path("type").asText()).isEqualTo("integer");
        assertThat(p.path("YJJBNTTBMJ").path("type").asText()).isEqualTo("number");
        assertThat(p.path("BHKSSJ").path("format").asText()).isEqualTo("date");
        assertThat(p.path("ZLDWMC").path("title").asText()).isEqualTo("坐落单位名称");
        int publicCount = source().schema().publicAttributes().size();
        assertThat(p.size()).isEqualTo(publicCount + 1);
        for (String personal : PERSONAL) {
            assertThat(p.has(personal)).isFalse();
        }
    }

    @Test
    void openApiDocumentIsValidAndDescribesEveryCollection() throws Exception {
        HttpResponse<String> r = get("/ogcapi/api");
        assertThat(contentType(r)).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
        assertNoPersonalData(r.body());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertThat(parsed.getMessages()).as("OpenAPI 3.0 validation").isEmpty();
        assertThat(parsed.getOpenAPI().getServers().get(0).getUrl()).isEqualTo(base + "/ogcapi");
        JsonNode doc = JSON.readTree(r.body());
        for (String layer : store.layerNames()) {
            for (String suffix : List.of("", "/items", "/items/{featureId}", "/queryables")) {
                assertThat(doc.path("paths").has("/collections/" + layer + suffix)).as(layer + suffix).isTrue();
            }
        }
        Set<String> names = new HashSet<>();
        for (JsonNode p : doc.path("paths").path("/collections/" + LAYER + "/items").path("get").path("parameters")) {
            JsonNode def = p.has("$ref") ? doc.at(p.path("$ref").asText().substring(1)) : p;
            names.add(def.path("name").asText());
            if (def.path("name").asText().equals("limit")) {
                assertThat(def.path("schema").path("maximum").asInt()).isEqualTo(10_000);
                assertThat(def.path("schema").path("default").asInt()).isEqualTo(10);
            }
            if (def.path("name").asText().equals("crs")) {
                assertThat(def.path("schema").path("enum").size()).isEqualTo(5);
            }
        }
        assertThat(names).contains("f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "filter",
                "filter-lang", "filter-crs", "DLBM", "ZLDWMC", "geom").doesNotContainAnyElementsOf(PERSONAL);
    }

    // ------------------------------------------------------------------------------------------------- items

    @Test
    void pagingThroughTheRedLineLayerReturnsEveryFeatureOnce() throws Exception {
        long expected = source().count(Query.ALL);
        assertThat(expected).isGreaterThan(500);
        long[] matched = {-1};
        int[] pages = {0};
        List<String> ids = allIds(items("limit=100"), doc -> {
            matched[0] = doc.path("numberMatched").asLong();
            assertThat(doc.path("numberReturned").asLong()).isEqualTo(doc.path("features").size());
            assertThat(doc.path("timeStamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(link(doc, "self", Links.GEOJSON)).isNotNull();
            assertThat(link(doc, "alternate", Links.HTML)).isNotNull();
            assertThat(link(doc, "collection", Links.JSON)).isEqualTo(base + "/ogcapi/collections/" + LAYER);
            if (pages[0]++ > 0) {
                assertThat(link(doc, "prev", Links.GEOJSON)).contains("offset=" + (pages[0] - 2) * 100);
            }
        });
        assertThat(matched[0]).isEqualTo(expected);
        assertThat(ids).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(ids)).isEqualTo(storeIds(f -> true));
        assertThat(pages[0]).isEqualTo((int) ((expected + 99) / 100));
    }

    @Test
    void limitDefaultsToTenAndLargeLimitsAreClamped() throws Exception {
        JsonNode dflt = getJson(items(""));
        assertThat(dflt.path("numberReturned").asInt()).isEqualTo(10);
        assertThat(dflt.path("features").size()).isEqualTo(10);
        assertThat(link(dflt, "next", Links.GEOJSON)).contains("limit=10", "offset=10");
        JsonNode huge = getJson(items("limit=999999999999&offset=1"));
        assertThat(huge.path("numberReturned").asLong()).isEqualTo(source().count(Query.ALL) - 1);
        assertThat(link(huge, "prev", Links.GEOJSON)).contains("limit=10000", "offset=0");
        assertThat(link(huge, "next", Links.GEOJSON)).isNull();
        JsonNode beyond = getJson(items("offset=100000"));
        assertThat(beyond.path("features").size()).isZero();
        assertThat(beyond.path("numberMatched").asLong()).isEqualTo(source().count(Query.ALL));
    }

    @Test
    void bboxInCrs84AndInLatLonEpsg4490SelectTheSameFeatures() throws Exception {
        Envelope ll = lonLatBounds();
        Envelope box = new Envelope(ll.getMinX() + ll.getWidth() * 0.3, ll.getMinX() + ll.getWidth() * 0.6,
                ll.getMinY() + ll.getHeight() * 0.3, ll.getMinY() + ll.getHeight() * 0.6);
        String lonLat = String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", box.getMinX(), box.getMinY(),
                box.getMaxX(), box.getMaxY());
        String latLon = String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", box.getMinY(), box.getMinX(),
                box.getMaxY(), box.getMaxX());
        Set<String> crs84 = new TreeSet<>(allIds(items("limit=10000&bbox=" + lonLat), d -> { }));
        Set<String> explicit = new TreeSet<>(allIds(items("limit=10000&bbox=" + lonLat + "&bbox-crs="
                + enc(CollectionCrs.CRS84)), d -> { }));
        Set<String> epsg4490 = new TreeSet<>(allIds(items("limit=10000&bbox=" + latLon + "&bbox-crs="
                + enc("http://www.opengis.net/def/crs/EPSG/0/4490")), d -> { }));
        assertThat(crs84).isNotEmpty().isEqualTo(explicit).isEqualTo(epsg4490);
        assertThat((long) crs84.size()).isLessThan(source().count(Query.ALL));
        // the same box written lon/lat but declared lat/lon has latitudes beyond 90°: refused with a hint
        assertProblem(get(items("bbox=" + lonLat + "&bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4490"))),
                400, "latitude first");

        // in the storage CRS (northing first, as EPSG defines the Gauss-Krüger CRSs) the box goes to the store as is
        int srid = source().schema().srid();
        Envelope gk = source().bounds();
        Envelope gkBox = new Envelope(gk.getMinX() + gk.getWidth() * 0.2, gk.getMinX() + gk.getWidth() * 0.5,
                gk.getMinY() + gk.getHeight() * 0.4, gk.getMinY() + gk.getHeight() * 0.7);
        String northEast = String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", gkBox.getMinY(), gkBox.getMinX(),
                gkBox.getMaxY(), gkBox.getMaxX());
        JsonNode inGk = getJson(items("limit=1&bbox=" + northEast + "&bbox-crs="
                + enc("http://www.opengis.net/def/crs/EPSG/0/" + srid)));
        long expected = source().count(Query.ALL.withBbox(gkBox));
        assertThat(expected).isPositive();
        assertThat(inGk.path("numberMatched").asLong()).isEqualTo(expected);

        // a whole-world box from a zoomed-out client selects everything instead of failing in Gauss-Krüger
        assertThat(getJson(items("bbox=-180,-90,180,90")).path("numberMatched").asLong())
                .isEqualTo(source().count(Query.ALL));
        assertThat(getJson(items("bbox=0,0,1,1")).path("numberMatched").asLong()).isZero();
    }

    @Test
    void crsParameterReprojectsInEpsgAxisOrderAndNamesTheCrs() throws Exception {
        String first = items("limit=1");
        HttpResponse<String> dflt = get(first);
        assertThat(dflt.headers().firstValue("Content-Crs")).hasValue("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        JsonNode lonLat = JSON.readTree(dflt.body()).path("features").get(0);
        double lon = lonLat.at("/geometry/coordinates/0/0/0/0").asDouble();
        double lat = lonLat.at("/geometry/coordinates/0/0/0/1").asDouble();
        assertThat(lon).isBetween(73.0, 136.0);
        assertThat(lat).isBetween(3.0, 54.0);

        HttpResponse<String> r4490 = get(first + "&crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4490"));
        assertThat(r4490.statusCode()).isEqualTo(200);
        assertThat(r4490.headers().firstValue("Content-Crs")).hasValue("<http://www.opengis.net/def/crs/EPSG/0/4490>");
        JsonNode latLon = JSON.readTree(r4490.body()).path("features").get(0);
        assertThat(latLon.path("id").asText()).isEqualTo(lonLat.path("id").asText());
        assertThat(latLon.at("/geometry/coordinates/0/0/0/0").asDouble()).as("latitude first").isCloseTo(lat,
                org.assertj.core.data.Offset.offset(1e-7));
        assertThat(latLon.at("/geometry/coordinates/0/0/0/1").asDouble()).isCloseTo(lon,
                org.assertj.core.data.Offset.offset(1e-7));

        HttpResponse<String> r3857 = get(first + "&crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857"));
        assertThat(r3857.headers().firstValue("Content-Crs")).hasValue("<http://www.opengis.net/def/crs/EPSG/0/3857>");
        assertThat(JSON.readTree(r3857.body()).at("/features/0/geometry/coordinates/0/0/0/0").asDouble())
                .as("Web Mercator easting first").isBetween(8e6, 1.6e7);

        int srid = source().schema().srid();
        HttpResponse<String> stored = get(first + "&crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/" + srid));
        assertThat(stored.headers().firstValue("Content-Crs"))
                .hasValue("<http://www.opengis.net/def/crs/EPSG/0/" + srid + ">");
        JsonNode gk = JSON.readTree(stored.body()).path("features").get(0);
        Feature feature;
        try (FeatureCursor c = source().query(Query.ALL.withPage(0, 1))) {
            feature = c.next();
        }
        assertThat(LAYER + "." + feature.id()).isEqualTo(gk.path("id").asText());
        Coordinate c0 = feature.geometry().getCoordinates()[0];
        assertThat(gk.at("/geometry/coordinates/0/0/0/0").asDouble()).as("northing first")
                .isCloseTo(c0.y, org.assertj.core.data.Offset.offset(0.001));
        assertThat(gk.at("/geometry/coordinates/0/0/0/1").asDouble())
                .isCloseTo(c0.x, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void singleFeatureIsAGeoJsonFeatureWithLinks() throws Exception {
        JsonNode page = getJson(items("limit=3&offset=5"));
        JsonNode listed = page.path("features").get(1);
        String id = listed.path("id").asText();
        HttpResponse<String> r = get("/ogcapi/collections/" + LAYER + "/items/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Crs")).hasValue("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
        JsonNode f = JSON.readTree(r.body());
        assertThat(f.path("type").asText()).isEqualTo("Feature");
        assertThat(f.path("id").asText()).isEqualTo(id);
        assertThat(f.path("properties")).isEqualTo(listed.path("properties"));
        assertThat(f.path("geometry")).isEqualTo(listed.path("geometry"));
        assertThat(link(f, "self", Links.GEOJSON)).startsWith(base + "/ogcapi/collections/" + LAYER + "/items/" + id);
        assertThat(link(f, "alternate", Links.HTML)).contains("f=html");
        assertThat(link(f, "collection", Links.JSON)).isEqualTo(base + "/ogcapi/collections/" + LAYER);
        // the bare fid works too, and crs applies
        String fid = id.substring(id.lastIndexOf('.') + 1);
        JsonNode latLon = getJson("/ogcapi/collections/" + LAYER + "/items/" + fid + "?crs="
                + enc("http://www.opengis.net/def/crs/EPSG/0/4490"));
        assertThat(latLon.at("/geometry/coordinates/0/0/0/0").asDouble())
                .isCloseTo(f.at("/geometry/coordinates/0/0/0/1").asDouble(), org.assertj.core.data.Offset.offset(1e-7));
        String html = get("/ogcapi/collections/" + LAYER + "/items/" + id + "?f=html").body();
        assertThat(html).contains(id, "坐落单位名称", listed.path("properties").path("ZLDWMC").asText());
    }

    // ------------------------------------------------------------------------------------- Part 3: filters

    /** A triangle over part of the county, in lon/lat, and its CQL2 text / JSON spellings. */
    record Triangle(double[][] lonLat) {
        static Triangle overCounty() {
            Envelope e = lonLatBounds();
            double w = e.getWidth();
            double h = e.getHeight();
            return new Triangle(new double[][] {{e.getMinX() + 0.1 * w, e.getMinY() + 0.15 * h},
                {e.getMinX() + 0.85 * w, e.getMinY() + 0.3 * h}, {e.getMinX() + 0.4 * w, e.getMinY() + 0.9 * h},
                {e.getMinX() + 0.1 * w, e.getMinY() + 0.15 * h}});
        }

        String wkt(boolean latFirst) {
            StringBuilder b = new StringBuilder("POLYGON((");
            for (int i = 0; i < lonLat.length; i++) {
                double[] p = lonLat[i];
                b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.9f %.9f", latFirst ? p[1] : p[0],
                        latFirst ? p[0] : p[1]));
            }
            return b.append("))").toString();
        }

        String geoJson() {
            StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
            for (int i = 0; i < lonLat.length; i++) {
                b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "[%.9f,%.9f]", lonLat[i][0],
                        lonLat[i][1]));
            }
            return b.append("]]}").toString();
        }

        /** The triangle in the layer's CRS. */
        Geometry inLayer(int srid) {
            Coordinate[] cs = new Coordinate[lonLat.length];
            for (int i = 0; i < cs.length; i++) {
                cs[i] = new Coordinate(lonLat[i][0], lonLat[i][1]);
            }
            return CrsRegistry.get().transform(4326, srid).transform(new GeometryFactory().createPolygon(cs));
        }
    }

    @Test
    void spatialAndAttributeFilterMatchesAnIndependentCount() throws Exception {
        Triangle t = Triangle.overCounty();
        FeatureType type = source().schema();
        Geometry triangle = t.inLayer(type.srid());
        Set<String> expected = storeIds(f -> ("0101".equals(f.get("DLBM")) || "0102".equals(f.get("DLBM")))
                && f.get("YJJBNTTBMJ") instanceof Double mj && mj > 300 && f.geometry().intersects(triangle));
        assertThat(expected).isNotEmpty();
        assertThat((long) expected.size()).isLessThan(source().count(Query.ALL) / 2);

        String text = "DLBM IN ('0101', '0102') AND YJJBNTTBMJ > 300 AND S_INTERSECTS(geom, " + t.wkt(false) + ")";
        String json = "{\"op\":\"and\",\"args\":["
                + "{\"op\":\"in\",\"args\":[{\"property\":\"DLBM\"},[\"0101\",\"0102\"]]},"
                + "{\"op\":\">\",\"args\":[{\"property\":\"YJJBNTTBMJ\"},300]},"
                + "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"}," + t.geoJson() + "]}]}";
        String latLonText = "DLBM IN ('0101', '0102') AND YJJBNTTBMJ > 300 AND S_INTERSECTS(geom, " + t.wkt(true)
                + ")";
        List<String> queries = List.of("filter=" + enc(text),
                "filter=" + enc(text) + "&filter-lang=cql2-text",
                "filter=" + enc(json) + "&filter-lang=cql2-json",
                "filter=" + enc(latLonText) + "&filter-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4490"));
        for (String q : queries) {
            long[] matched = {-1};
            List<String> ids = allIds(items("limit=200&" + q), d -> matched[0] = d.path("numberMatched").asLong());
            assertThat(matched[0]).as(q).isEqualTo(expected.size());
            assertThat(new TreeSet<>(ids)).as(q).isEqualTo(expected);
        }
        // the filter survives paging links
        JsonNode small = getJson(items("limit=2&filter=" + enc(text)));
        assertThat(link(small, "next", Links.GEOJSON)).contains("filter=", "offset=2");
        assertThat(getJson(link(small, "next", Links.GEOJSON)).path("numberMatched").asLong())
                .isEqualTo(expected.size());
    }

    @Test
    void queryablesWorkAsQueryParameters() throws Exception {
        Set<String> paddy = storeIds(f -> "0101".equals(f.get("DLBM")));
        assertThat(getJson(items("DLBM=0101")).path("numberMatched").asLong()).isEqualTo(paddy.size());
        String name = null;
        try (FeatureCursor c = source().query(Query.ALL)) {
            while (name == null && c.hasNext()) {
                Object v = c.next().get("ZLDWMC");
                name = v != null && v.toString().endsWith("村") ? v.toString() : null;
            }
        }
        assertThat(name).as("a village name").isNotNull();
        String village = name;
        Set<String> inVillage = storeIds(f -> village.equals(f.get("ZLDWMC")));
        JsonNode byName = getJson(items("limit=10000&ZLDWMC=" + enc(village)));
        assertThat(byName.path("numberMatched").asLong()).isEqualTo(inVillage.size());
        byName.path("features").forEach(f -> assertThat(f.at("/properties/ZLDWMC").asText()).isEqualTo(village));
        Set<String> gddb = storeIds(f -> Integer.valueOf(3).equals(f.get("GDDB")));
        assertThat(getJson(items("GDDB=3")).path("numberMatched").asLong()).isEqualTo(gddb.size());

        Triangle t = Triangle.overCounty();
        Geometry triangle = t.inLayer(source().schema().srid());
        Set<String> touching = storeIds(f -> f.geometry().intersects(triangle));
        assertThat(getJson(items("geom=" + enc(t.wkt(false)))).path("numberMatched").asLong())
                .isEqualTo(touching.size());
        assertProblem(get(items("GDDB=abc")), 400, "GDDB");
        assertProblem(get(items("geom=" + enc("POLYGON((1 2, 3 4))"))), 400, "geom");
    }

    // ---------------------------------------------------------------------------------------------- errors

    @Test
    void badRequestsAreProblemJson() throws Exception {
        assertProblem(get(items("limt=5")), 400, "unknown query parameter 'limt'");
        assertProblem(get(items("LIMIT=5")), 400, "unknown query parameter");
        assertProblem(get("/ogcapi/collections?limit=5"), 400, "unknown query parameter");
        assertProblem(get("/ogcapi?foo=bar"), 400, "unknown query parameter");
        assertProblem(get(items("limit=5&limit=6")), 400, "given 2 times");
        assertProblem(get(items("limit=ten")), 400, "limit must be a whole number");
        assertProblem(get(items("limit=0")), 400, "limit must be at least 1");
        assertProblem(get(items("limit=-3")), 400, "limit");
        assertProblem(get(items("offset=-1")), 400, "offset");
        assertProblem(get(items("offset=1.5")), 400, "offset");
        assertProblem(get(items("bbox=1,2,3")), 400, "bbox");
        assertProblem(get(items("bbox=a,b,c,d")), 400, "not a number");
        assertProblem(get(items("bbox=118,33,117,32")), 400, "lower corner");
        assertProblem(get(items("bbox=117,95,118,96")), 400, "outside");
        assertProblem(get(items("bbox=117,32,118,33,NaN,1")), 400, "bbox");
        assertProblem(get(items("crs=EPSG:9999")), 400, "not offered");
        assertProblem(get(items("crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4528"))), 400, "not offered");
        assertProblem(get(items("crs=EPSG:4490")), 400, "not offered");
        assertProblem(get(items("bbox=117,32,118,33&bbox-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/2000"))),
                400, "bbox-crs");
        assertProblem(get(items("filter-crs=urn:x")), 400, "filter-crs");
        assertProblem(get(items("filter=" + enc("DLBM = = '0101'"))), 400, "position");
        assertProblem(get(items("filter=" + enc("DLBM = '0101' AND"))), 400, "expected");
        assertProblem(get(items("filter=" + enc("FOO = 1"))), 400, "unknown property 'FOO'");
        assertProblem(get(items("filter=" + enc("ZRRMC = '张三'"))), 400, "unknown property 'ZRRMC'");
        assertProblem(get(items("filter=" + enc("{\"op\":\"=\",\"args\":[{\"property\":\"ZRRMC\"},\"x\"]}")
                + "&filter-lang=cql2-json")), 400, "unknown property 'ZRRMC'");
        assertProblem(get(items("filter=" + enc("{\"op\":\"=\",\"args\":[{\"property\":\"DLBM\"}]}")
                + "&filter-lang=cql2-json")), 400, "needs 2 arguments");
        assertProblem(get(items("filter=" + enc("DLBM = '0101'") + "&filter-lang=cql2-json")), 400,
                "not a CQL2 JSON document");
        assertProblem(get(items("filter=" + enc("DLBM = '0101'") + "&filter-lang=ecql")), 400, "filter-lang");
        assertProblem(get(items("filter=" + enc("(".repeat(40) + "DLBM = '0101'" + ")".repeat(40)))), 400, "nests");
        assertProblem(get(items("datetime=yesterday")), 400, "datetime");
        assertProblem(get(items("f=xml")), 400, "f=xml");
        assertProblem(get(items("ZRRMC=x")), 400, "unknown query parameter 'ZRRMC'");
        assertProblem(get("/ogcapi/collections/" + LAYER + "/items/1?limit=5"), 400, "unknown query parameter");
        assertProblem(get("/ogcapi/collections/" + LAYER + "/items/1?crs=x"), 400, "crs");
        // well-formed values that are accepted
        assertThat(get(items("datetime=" + enc("2020-01-01T00:00:00Z/..") + "&limit=1")).statusCode()).isEqualTo(200);
        assertThat(get(items("filter-lang=cql2-text&limit=1")).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownCollectionsFeaturesAndPathsAre404() throws Exception {
        assertProblem(get("/ogcapi/collections/NOPE"), 404, "no collection 'NOPE'");
        assertProblem(get("/ogcapi/collections/NOPE/items"), 404, "no collection");
        assertProblem(get("/ogcapi/collections/NOPE/queryables"), 404, "no collection");
        assertProblem(get("/ogcapi/collections/" + LAYER + "/items/" + LAYER + ".999999999"), 404, "no feature");
        assertProblem(get("/ogcapi/collections/" + LAYER + "/items/abc"), 404, "no feature");
        assertProblem(get("/ogcapi/collections/" + LAYER + "/items/DLTB.1"), 404, "no feature");
        assertProblem(get("/ogcapi/nope"), 404, "no resource");
        assertProblem(get("/ogcapi/collections/" + LAYER + "/items/1/extra"), 404, "no resource");
    }

    @Test
    void linksFollowForwardedHeaders() throws Exception {
        String[] proxy = {"X-Forwarded-Host", "gis.example.cn", "X-Forwarded-Proto", "https", "X-Forwarded-Prefix",
            "/gengdi"};
        String expected = "https://gis.example.cn/gengdi/ogcapi";
        for (String path : List.of("/ogcapi", "/ogcapi/collections/" + LAYER, items("limit=2"))) {
            HttpResponse<String> r = get(path, proxy);
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode doc = JSON.readTree(r.body());
            assertThat(doc.path("links").size()).isPositive();
            doc.path("links").forEach(l -> assertThat(l.path("href").asText()).as(path).startsWith(expected));
        }
        JsonNode api = JSON.readTree(get("/ogcapi/api", proxy).body());
        assertThat(api.at("/servers/0/url").asText()).isEqualTo(expected);
        assertThat(JSON.readTree(get("/ogcapi/collections/" + LAYER + "/queryables", proxy).body()).path("$id")
                .asText()).startsWith(expected);
        assertThat(link(JSON.readTree(get(items("limit=2"), proxy).body()), "next", Links.GEOJSON))
                .startsWith(expected + "/collections/" + LAYER + "/items?");
    }

    // ------------------------------------------------------------------------------------------- real clients
    static void requireGdal() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, "ogrinfo")) && Files.isExecutable(Path.of(dir, "ogr2ogr"));
        }
        assertThat(found).as("GDAL (ogrinfo, ogr2ogr) must be installed: apt-get install gdal-bin").isTrue();
    }

    @Test
    void gdalListsTheCollectionsAndCountsFeatures() throws Exception {
        requireGdal();
        Path dir = Files.createTempDirectory("gdal-oapif");
        String layers = SampleServer.run(dir, "ogrinfo", "-ro", "-so", "OAPIF:" + base + "/ogcapi");
        for (String layer : store.layerNames()) {
            assertThat(layers).contains(": " + layer + " ");
        }
        String info = SampleServer.run(dir, "ogrinfo", "-ro", "-so", "-al", "OAPIF:" + base + "/ogcapi", LAYER);
        assertThat(info).contains("Feature Count: " + source().count(Query.ALL), "DLBM: String", "ZLDWMC: String",
                "永久基本农田保护图斑").doesNotContain("ZRRMC", "LXDH");
        String collection = SampleServer.run(dir, "ogrinfo", "-ro", "-so", "-al", "OAPIF:" + base + "/ogcapi/collections/DLTB");
        assertThat(collection).contains("Feature Count: " + store.require("DLTB").count(Query.ALL));
        // GDAL sends an equality on a field the API definition lists as a query parameter to the server
        long paddy = storeIds(f -> "0101".equals(f.get("DLBM"))).size();
        String where = SampleServer.run(dir, "ogrinfo", "--debug", "on", "-ro", "-al", "-so", "-where", "DLBM = '0101'",
                "OAPIF:" + base + "/ogcapi", LAYER);
        assertThat(where).contains("Feature Count: " + paddy, "/items?limit=10&DLBM=0101");
    }

    @Test
    void gdalDownloadsTheWholeRedLineLayerWithChineseText() throws Exception {
        requireGdal();
        Path dir = Files.createTempDirectory("gdal-oapif");
        Path gpkg = dir.resolve("redline.gpkg");
        SampleServer.run(dir, "ogr2ogr", "-f", "GPKG", gpkg.toString(), "OAPIF:" + base + "/ogcapi", LAYER);

        Map<String, Feature> expected = new HashMap<>();
        Envelope extent = new Envelope();      // of the geometries in lon/lat, as GDAL computes it
        try (FeatureCursor c = source().query(Query.ALL)) {
            var toLonLat = CrsRegistry.get().transform(source().schema().srid(), 4326);
            while (c.hasNext()) {
                Feature f = c.next();
                expected.put(LAYER + "." + f.id(), f);
                extent.expandToInclude(toLonLat.transform(f.geometry()).getEnvelopeInternal());
            }
        }
        Set<String> seen = new LinkedHashSet<>();
        Set<String> columns = new HashSet<>();
        int chineseVillages = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA table_info(\"" + LAYER + "\")")) {
                while (rs.next()) {
                    columns.add(rs.getString("name"));
                }
            }
            assertThat(columns).contains("id", "DLBM", "ZLDWMC", "YJJBNTTBBH", "GDDB", "YJJBNTTBMJ")
                    .doesNotContainAnyElementsOf(PERSONAL);
            try (ResultSet rs = st.executeQuery("SELECT id, DLBM, ZLDWMC, YJJBNTTBBH, GDDB, YJJBNTTBMJ FROM \""
                    + LAYER + "\"")) {
                while (rs.next()) {
                    String id = rs.getString("id");
                    assertThat(seen.add(id)).as("id %s once", id).isTrue();
                    Feature f = expected.get(id);
                    assertThat(f).as("feature %s exists in the store", id).isNotNull();
                    assertThat(rs.getString("DLBM")).isEqualTo(f.get("DLBM"));
                    assertThat(rs.getString("ZLDWMC")).isEqualTo(f.get("ZLDWMC"));
                    assertThat(rs.getString("YJJBNTTBBH")).isEqualTo(f.get("YJJBNTTBBH"));
                    assertThat(rs.getObject("GDDB") == null ? null : rs.getInt("GDDB")).isEqualTo(f.get("GDDB"));
                    assertThat(rs.getDouble("YJJBNTTBMJ")).isCloseTo((Double) f.get("YJJBNTTBMJ"),
                            org.assertj.core.data.Offset.offset(1e-6));
                    if (rs.getString("ZLDWMC") != null && rs.getString("ZLDWMC").endsWith("村")) {
                        chineseVillages++;
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
                    + "WHERE table_name = '" + LAYER + "'")) {
                assertThat(rs.next()).isTrue();
                // coordinates arrive longitude first, to the 8 decimals written
                var near = org.assertj.core.data.Offset.offset(2e-8);
                assertThat(rs.getDouble("min_x")).isCloseTo(extent.getMinX(), near);
                assertThat(rs.getDouble("min_y")).isCloseTo(extent.getMinY(), near);
                assertThat(rs.getDouble("max_x")).isCloseTo(extent.getMaxX(), near);
                assertThat(rs.getDouble("max_y")).isCloseTo(extent.getMaxY(), near);
            }
        }
        assertThat(seen).hasSize(expected.size());
        assertThat(chineseVillages).isPositive();
    }
}
