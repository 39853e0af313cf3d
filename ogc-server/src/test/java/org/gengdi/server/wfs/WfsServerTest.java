package org.gengdi.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.filter.cql2.Cql2Text;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.server.SampleServer;
import org.gengdi.server.encode.GmlVersion;
import org.gengdi.server.encode.OgcSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.context.ConfigurableApplicationContext;

/** WFS 2.0 KVP against the real server on a small sample county (one server for the class). */
class WfsServerTest {
    static final String LAYER = "YJJBNTBHTB";
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static FeatureStore store;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-wfs");
        base = SampleServer.base(ctx);
        store = ctx.getBean(FeatureStore.class);
    }

    @AfterAll
    static void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pathAndQuery.startsWith("http") ? pathAndQuery
                : base + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> getFeature(String params) throws Exception {
        return get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gengdi:" + LAYER + "&" + params);
    }

    static FeatureSource source() {
        return store.require(LAYER);
    }

    static long numberMatched(String gml) {
        Matcher m = Pattern.compile("numberMatched=\"(\\d+)\"").matcher(gml);
        assertThat(m.find()).as("numberMatched in %s", gml.substring(0, Math.min(400, gml.length()))).isTrue();
        return Long.parseLong(m.group(1));
    }

    static Set<String> gmlIds(String gml) {
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("<gengdi:" + LAYER + " gml:id=\"([^\"]+)\"").matcher(gml);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void capabilitiesValidateAndListEveryLayerWithChineseTitles() throws Exception {
        HttpResponse<String> r = get("/ows?service=WFS&request=GetCapabilities&acceptversions=2.0.0");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("xml");
        Schema wfs = OgcSchemas.compile(OgcSchemas.official("http://schemas.opengis.net/wfs/2.0/wfs.xsd"));
        assertThat(OgcSchemas.validate(wfs, r.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
        int srid = source().schema().srid();
        assertThat(r.body()).contains("<wfs:Name>gengdi:YJJBNTBHTB</wfs:Name>", "永久基本农田保护图斑",
                "<wfs:Name>gengdi:DLTB</wfs:Name>", "地类图斑",
                "<wfs:DefaultCRS>urn:ogc:def:crs:EPSG::" + srid + "</wfs:DefaultCRS>",
                "<wfs:OtherCRS>urn:ogc:def:crs:EPSG::4490</wfs:OtherCRS>", "application/json",
                "application/gml+xml; version=3.2", "name=\"ImplementsResultPaging\"", "PropertyIsLike",
                "xlink:href=\"" + base + "/ows?\"");
        for (String layer : store.layerNames()) {
            assertThat(r.body()).contains("<wfs:Name>gengdi:" + layer + "</wfs:Name>");
        }
        // lon/lat of the county (China), not GK metres
        Matcher m = Pattern.compile("<ows:LowerCorner>([-\\d.]+) ([-\\d.]+)</ows:LowerCorner>").matcher(r.body());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isBetween(73.0, 136.0);
        assertThat(Double.parseDouble(m.group(2))).isBetween(3.0, 54.0);
    }

    @Test
    void versionNegotiation() throws Exception {
        assertThat(get("/wfs?REQUEST=GetCapabilities&VERSION=2.0.2").statusCode()).isEqualTo(200);
        HttpResponse<String> none = get("/wfs?REQUEST=GetCapabilities&ACCEPTVERSIONS=3.0.0,0.9.0");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("VersionNegotiationFailed");
        HttpResponse<String> gf = get("/wfs?REQUEST=GetFeature&VERSION=3.0.0&TYPENAME=gengdi:" + LAYER);
        assertThat(gf.statusCode()).isEqualTo(400);
        assertThat(gf.body()).contains("InvalidParameterValue", "locator=\"version\"");
    }

    @Test
    void describeFeatureTypeLeavesPersonalFieldsOutAndGetFeatureValidatesAgainstIt() throws Exception {
        HttpResponse<String> dft = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAME=gengdi:"
                + LAYER);
        assertThat(dft.statusCode()).isEqualTo(200);
        assertThat(dft.body()).contains("name=\"YJJBNTTBBH\"", "name=\"DLBM\"", "YJJBNTBHTBType")
                .doesNotContain("ZRRMC", "ZRRZJHM", "LXDH", "JZDZ");
        HttpResponse<String> all = get("/wfs?REQUEST=DescribeFeatureType");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("DLTBType", "YJJBNTBHTBType").doesNotContain("ZRRMC");

        HttpResponse<String> gml = getFeature("COUNT=20");
        assertThat(gml.statusCode()).isEqualTo(200);
        assertThat(gml.headers().firstValue("Content-Type").orElse("")).contains("application/gml+xml");
        assertThat(gml.body()).contains("numberReturned=\"20\"").doesNotContain("ZRRMC", "LXDH");
        Schema schema = OgcSchemas.compile(OgcSchemas.official(GmlVersion.GML_3_2.wfsSchemaLocation()),
                new StreamSource(new StringReader(dft.body()), "http://gengdi.test/dft.xsd"));
        assertThat(OgcSchemas.validate(schema, gml.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void pagingWithNextLinksCollectsEveryFeatureOnce() throws Exception {
        long expected = source().count(Query.ALL);
        assertThat(expected).isGreaterThan(1000);
        String url = base + "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gengdi:" + LAYER
                + "&COUNT=500&OUTPUTFORMAT=application/json";
        List<String> ids = new ArrayList<>();
        int pages = 0;
        long matched = -1;
        while (url != null) {
            HttpResponse<String> r = get(url);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("ZRRMC");
            JsonNode doc = JSON.readTree(r.body());
            matched = doc.get("numberMatched").asLong();
            doc.get("features").forEach(f -> ids.add(f.get("id").asText()));
            url = null;
            for (JsonNode link : doc.path("links")) {
                if (link.get("rel").asText().equals("next")) {
                    url = link.get("href").asText();
                }
            }
            assertThat(++pages).isLessThan(20);
        }
        assertThat(matched).isEqualTo(expected);
        assertThat(ids).hasSize((int) expected).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((int) ((expected + 499) / 500));

        // GML pages link the same way
        HttpResponse<String> second = getFeature("COUNT=500&STARTINDEX=500");
        assertThat(second.body()).contains("next=\"", "previous=\"", "STARTINDEX=1000", "STARTINDEX=0");
        assertThat(gmlIds(second.body())).hasSize((int) Math.min(500, expected - 500));
    }

    @Test
    void bboxAxisOrderFollowsTheCrsForm() throws Exception {
        int srid = source().schema().srid();
        Envelope layer = source().bounds();
        Envelope box = new Envelope(layer.getMinX() + layer.getWidth() * 0.3, layer.getMinX() + layer.getWidth() * 0.6,
                layer.getMinY() + layer.getHeight() * 0.3, layer.getMinY() + layer.getHeight() * 0.6);
        String en = String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", box.getMinX(), box.getMinY(), box.getMaxX(),
                box.getMaxY());
        String ne = String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", box.getMinY(), box.getMinX(), box.getMaxY(),
                box.getMaxX());
        Set<String> urn = gmlIds(getFeature("BBOX=" + ne + ",urn:ogc:def:crs:EPSG::" + srid).body());
        Set<String> dflt = gmlIds(getFeature("BBOX=" + ne).body());
        Set<String> shortForm = gmlIds(getFeature("BBOX=" + en + ",EPSG:" + srid).body());
        assertThat(urn).isNotEmpty().isEqualTo(dflt).isEqualTo(shortForm);
        assertThat(urn.size()).isLessThan((int) source().count(Query.ALL));

        Envelope geo = CrsRegistry.get().transform(srid, 4490).transform(box);
        String lonLat = String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", geo.getMinX(), geo.getMinY(), geo.getMaxX(),
                geo.getMaxY());
        String latLon = String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", geo.getMinY(), geo.getMinX(), geo.getMaxY(),
                geo.getMaxX());
        Set<String> urn4490 = gmlIds(getFeature("BBOX=" + latLon + ",urn:ogc:def:crs:EPSG::4490").body());
        Set<String> url4490 = gmlIds(getFeature("BBOX=" + latLon + "," + enc("http://www.opengis.net/def/crs/EPSG/0/4490")).body());
        Set<String> short4490 = gmlIds(getFeature("BBOX=" + lonLat + ",EPSG:4490").body());
        assertThat(urn4490).isNotEmpty().isEqualTo(short4490).isEqualTo(url4490).containsAll(urn);
        // the geographic box covers the projected one plus a sliver: nearly the same features
        assertThat(urn4490.size()).isLessThan(urn.size() * 2);
    }

    @Test
    void cqlFilterWithBboxMatchesAnIndependentCount() throws Exception {
        FeatureSource src = source();
        FeatureType type = src.schema();
        Envelope layer = src.bounds();
        Envelope box = new Envelope(layer.getMinX(), layer.getMinX() + layer.getWidth() * 0.7,
                layer.getMinY(), layer.getMinY() + layer.getHeight() * 0.7);
        String cql = "DLBM IN ('0101','0102') AND YJJBNTTBMJ > 500";
        Predicate<Feature> p = FilterEvaluator.compile(Cql2Text.parse(cql,
                FilterContext.of(type, CrsRegistry.get().parse("EPSG:" + type.srid()))), type);
        var boxGeom = new GeometryFactory().toGeometry(box);
        long expected = 0;
        try (FeatureCursor c = src.query(Query.ALL)) {
            while (c.hasNext()) {
                Feature f = c.next();
                if (p.test(f) && f.geometry().intersects(boxGeom)) {
                    expected++;
                }
            }
        }
        assertThat(expected).isGreaterThan(0);
        String bbox = String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f,EPSG:%d", box.getMinX(), box.getMinY(),
                box.getMaxX(), box.getMaxY(), type.srid());
        HttpResponse<String> hits = getFeature("RESULTTYPE=hits&BBOX=" + bbox + "&CQL_FILTER=" + enc(cql));
        assertThat(hits.statusCode()).isEqualTo(200);
        assertThat(numberMatched(hits.body())).isEqualTo(expected);
        assertThat(hits.body()).contains("numberReturned=\"0\"");
        HttpResponse<String> results = getFeature("BBOX=" + bbox + "&CQL_FILTER=" + enc(cql));
        assertThat(gmlIds(results.body())).hasSize((int) expected);
    }

    @Test
    void fesFilterResourceIdPropertyNameSortAndSrsName() throws Exception {
        String fes = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:PropertyIsEqualTo>"
                + "<fes:ValueReference>DLBM</fes:ValueReference><fes:Literal>0101</fes:Literal>"
                + "</fes:PropertyIsEqualTo></fes:Filter>";
        long expected = source().count(Query.filter(Cql2Text.parse("DLBM = '0101'",
                FilterContext.of(source().schema(), CrsRegistry.get().parse("EPSG:4490")))));
        HttpResponse<String> r = getFeature("RESULTTYPE=hits&FILTER=" + enc(fes));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(numberMatched(r.body())).isEqualTo(expected);

        JsonNode page = JSON.readTree(getFeature("COUNT=50&OUTPUTFORMAT=application/json&PROPERTYNAME=DLBM,TBBH"
                + "&SORTBY=" + enc("TBBH DESC") + "&SRSNAME=EPSG:4326").body());
        List<String> tbbh = new ArrayList<>();
        page.get("features").forEach(f -> {
            assertThat(f.get("properties").size()).isLessThanOrEqualTo(2);
            tbbh.add(f.get("properties").path("TBBH").asText());
            double lon = f.get("geometry").get("coordinates").get(0).get(0).get(0).get(0).asDouble();
            assertThat(lon).isBetween(73.0, 136.0);
        });
        assertThat(tbbh).hasSize(50).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        HttpResponse<String> plus = getFeature("COUNT=5&SORTBY=TBBH+D&PROPERTYNAME=TBBH");
        assertThat(plus.statusCode()).isEqualTo(200);

        String id = page.get("features").get(0).get("id").asText();
        HttpResponse<String> byId = get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&RESOURCEID=" + id);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(gmlIds(byId.body())).containsExactly(id);

        HttpResponse<String> urn = getFeature("COUNT=1&SRSNAME=urn:ogc:def:crs:EPSG::4490");
        assertThat(urn.body()).contains("srsName=\"urn:ogc:def:crs:EPSG::4490\"");
        Matcher m = Pattern.compile("<gml:posList[^>]*>([-\\d.]+) ([-\\d.]+)").matcher(urn.body());
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).as("latitude first").isBetween(3.0, 54.0);
    }

    @Test
    void geoJsonCsvKmlAndShapeZipOutputs() throws Exception {
        HttpResponse<String> json = getFeature("COUNT=30&OUTPUTFORMAT=application/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains("\"YJJBNTTBBH\"").doesNotContain("ZRRMC", "ZRRZJHM", "LXDH", "JZDZ", "ZMC");
        double lon = JSON.readTree(json.body()).get("features").get(0).get("geometry").get("coordinates")
                .get(0).get(0).get(0).get(0).asDouble();
        assertThat(lon).as("GeoJSON defaults to WGS 84 lon/lat").isBetween(73.0, 136.0);
        HttpResponse<String> csv = getFeature("COUNT=3&OUTPUTFORMAT=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).contains("text/csv");
        assertThat(csv.body()).doesNotContain("ZRRMC");
        HttpResponse<String> kml = getFeature("COUNT=3&OUTPUTFORMAT=kml");
        assertThat(kml.statusCode()).isEqualTo(200);
        assertThat(kml.body()).contains("<kml");
        HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/ows?SERVICE=WFS&VERSION=2.0.0"
                + "&REQUEST=GetFeature&TYPENAMES=gengdi:" + LAYER + "&COUNT=3&OUTPUTFORMAT=shape-zip")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.body()[0]).isEqualTo((byte) 'P');
    }

    @Test
    void malformedRequestsAreReportedWith400AndTheRightCode() throws Exception {
        String gf = "/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature";
        String t = "&TYPENAMES=gengdi:" + LAYER;
        assertError(get("/ows?SERVICE=WFS&VERSION=2.0.0"), "MissingParameterValue", "request");
        assertError(get(gf), "MissingParameterValue", "typeNames");
        assertError(get(gf + "&TYPENAMES=gengdi:NOPE"), "InvalidParameterValue", "typeNames");
        assertError(get(gf + t + "&BBOX=a,b,c,d"), "InvalidParameterValue", "bbox");
        assertError(get(gf + t + "&BBOX=10,10,5,20"), "InvalidParameterValue", "bbox");
        assertError(get(gf + t + "&BBOX=1,2,3,4,EPSG:9999"), "InvalidParameterValue", "bbox");
        assertError(get(gf + t + "&SRSNAME=EPSG:12345"), "InvalidParameterValue", "srsName");
        assertError(get(gf + t + "&PROPERTYNAME=ZRRMC"), "InvalidParameterValue", "propertyName");
        assertError(get(gf + t + "&PROPERTYNAME=NOPE"), "InvalidParameterValue", "propertyName");
        assertError(get(gf + t + "&SORTBY=NOPE"), "InvalidParameterValue", "sortBy");
        assertError(get(gf + t + "&SORTBY=ZRRMC+A"), "InvalidParameterValue", "sortBy");
        assertError(get(gf + t + "&CQL_FILTER=" + enc("ZRRMC = 'x'")), "InvalidParameterValue", "cql_filter");
        assertError(get(gf + t + "&CQL_FILTER=" + enc("DLBM = = ")), "InvalidParameterValue", "cql_filter");
        assertError(get(gf + t + "&FILTER=" + enc("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">")),
                "InvalidParameterValue", "filter");
        assertError(get(gf + t + "&FILTER=" + enc("<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">"
                + "<fes:PropertyIsEqualTo><fes:ValueReference>NOPE</fes:ValueReference><fes:Literal>1</fes:Literal>"
                + "</fes:PropertyIsEqualTo></fes:Filter>")), "InvalidParameterValue", "filter");
        assertError(get(gf + t + "&FILTER=" + enc("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")),
                "InvalidParameterValue", "filter");
        assertError(get(gf + t + "&BBOX=1,2,3,4&RESOURCEID=" + LAYER + ".1"), "InvalidParameterValue", null);
        assertError(get(gf + t + "&OUTPUTFORMAT=image/png"), "InvalidParameterValue", "outputFormat");
        assertError(get(gf + t + "&COUNT=ten"), "InvalidParameterValue", "count");
        assertError(get(gf + t + "&RESULTTYPE=all"), "InvalidParameterValue", "resultType");
        assertError(get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=x:Y"),
                "InvalidParameterValue", "typeNames");
        assertError(get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&OUTPUTFORMAT=application/json"),
                "InvalidParameterValue", "outputFormat");
        assertError(get(gf + "&TYPENAMES=gengdi:DLTB,gengdi:" + LAYER + "&FILTER=" + enc("<fes:Filter "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\"/>")), "InvalidParameterValue", "filter");
        assertError(get(gf + "&TYPENAMES=gengdi:DLTB,gengdi:" + LAYER + "&OUTPUTFORMAT=csv"),
                "InvalidParameterValue", "outputFormat");
        assertError(get(gf + "&TYPENAMES=gengdi:DLTB,gengdi:" + LAYER + "&CQL_FILTER=DLBM='0101'"),
                "InvalidParameterValue", "cql_filter");
        assertError(get("/ows?SERVICE=WFS&VERSION=2.0.0&REQUEST=Transaction"), "OperationNotSupported", "request");
    }

    private static void assertError(HttpResponse<String> r, String code, String locator) {
        int status = code.equals("OperationNotSupported") ? 501 : code.equals("NotFound") ? 404 : 400;
        assertThat(r.statusCode()).as(r.uri() + " → " + r.body()).isEqualTo(status);
        assertThat(r.body()).contains("exceptionCode=\"" + code + "\"").doesNotContain("at org.", "Exception:");
        if (locator != null) {
            assertThat(r.body()).as(r.uri().toString()).contains("locator=\"" + locator + "\"");
        }
    }

    @Test
    void storedQueriesAreListedDescribedAndRun() throws Exception {
        Schema wfs = OgcSchemas.compile(OgcSchemas.official("http://schemas.opengis.net/wfs/2.0/wfs.xsd"));
        HttpResponse<String> list = get("/wfs?VERSION=2.0.0&REQUEST=ListStoredQueries");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("urn:ogc:def:query:OGC-WFS::GetFeatureById", "GetParcelByNumber",
                "<wfs:ReturnFeatureType>gengdi:YJJBNTBHTB</wfs:ReturnFeatureType>");
        assertThat(OgcSchemas.validate(wfs, list.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
        HttpResponse<String> described = get("/wfs?VERSION=2.0.0&REQUEST=DescribeStoredQueries");
        assertThat(described.statusCode()).isEqualTo(200);
        assertThat(described.body()).contains("name=\"ID\"", "name=\"YJJBNTTBBH\"");
        assertThat(OgcSchemas.validate(wfs, described.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertError(get("/wfs?VERSION=2.0.0&REQUEST=DescribeStoredQueries&STOREDQUERY_ID=urn:x:nope"),
                "InvalidParameterValue", "storedQuery_id");

        JsonNode first = JSON.readTree(getFeature("COUNT=1&OUTPUTFORMAT=application/json").body())
                .get("features").get(0);
        String id = first.get("id").asText();
        HttpResponse<String> byId = get("/wfs?VERSION=2.0.0&REQUEST=GetFeature"
                + "&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=" + id);
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.body()).contains("?><gengdi:YJJBNTBHTB xmlns:", " gml:id=\"" + id + "\"><gengdi:BSM>")
                .doesNotContain("FeatureCollection", "ZRRMC");
        HttpResponse<String> dft = get("/wfs?VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=gengdi:" + LAYER);
        Schema app = OgcSchemas.compile(new StreamSource(new StringReader(dft.body()), "http://gengdi.test/dft.xsd"));
        assertThat(OgcSchemas.validate(app, byId.body().getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertError(get("/wfs?VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById"
                + "&ID=" + LAYER + ".999999999"), "NotFound", "ID");
        assertError(get("/wfs?VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById"),
                "MissingParameterValue", "id");

        String number = first.get("properties").get("YJJBNTTBBH").asText();
        HttpResponse<String> parcel = get("/wfs?VERSION=2.0.0&REQUEST=GetFeature"
                + "&STOREDQUERY_ID=urn:gengdi:def:query:GetParcelByNumber&YJJBNTTBBH=" + enc(number)
                + "&OUTPUTFORMAT=application/json");
        assertThat(parcel.statusCode()).isEqualTo(200);
        JsonNode parcels = JSON.readTree(parcel.body()).get("features");
        assertThat(parcels.size()).isGreaterThanOrEqualTo(1);
        parcels.forEach(f -> assertThat(f.get("properties").get("YJJBNTTBBH").asText()).isEqualTo(number));
    }

    @Test
    void countIsClampedAndDefaulted() throws Exception {
        HttpResponse<String> r = getFeature("RESULTTYPE=hits&COUNT=1000000");
        assertThat(r.statusCode()).isEqualTo(200);
        HttpResponse<String> dflt = getFeature("OUTPUTFORMAT=application/json");
        long all = source().count(Query.ALL);
        assertThat(JSON.readTree(dflt.body()).get("numberReturned").asLong()).isEqualTo(Math.min(all, 5000));
    }

    // ------------------------------------------------------------------------------------------ real clients
    @Test
    void gdalListsTheLayersAndCountsFeatures() throws Exception {
        Path dir = Files.createTempDirectory("gdal");
        String layers = SampleServer.run(dir, "ogrinfo", "-ro", "-so", "WFS:" + base + "/ows");
        for (String layer : store.layerNames()) {
            assertThat(layers).contains("gengdi:" + layer);
        }
        String info = SampleServer.run(dir, "ogrinfo", "-ro", "-al", "-so", "WFS:" + base + "/ows", "gengdi:" + LAYER);
        assertThat(info).contains("Feature Count: " + source().count(Query.ALL)).contains("DLBM")
                .doesNotContain("ZRRMC");

        // GDAL turns an attribute filter into FES 2.0 and a spatial filter into a BBOX in the layer CRS
        FeatureSource src = source();
        long where = src.count(Query.filter(Cql2Text.parse("DLBM = '0101'",
                FilterContext.of(src.schema(), CrsRegistry.get().parse("EPSG:4490")))));
        String filtered = SampleServer.run(dir, "ogrinfo", "-ro", "-al", "-so", "-where", "DLBM = '0101'", "WFS:" + base + "/ows",
                "gengdi:" + LAYER);
        assertThat(filtered).contains("Feature Count: " + where);
        Envelope b = src.bounds();
        Envelope box = new Envelope(b.getMinX(), b.centre().x, b.getMinY(), b.centre().y);
        long inBox = src.count(Query.ALL.withBbox(box));
        String spatial = SampleServer.run(dir, "ogrinfo", "-ro", "-al", "-so", "-spat", Double.toString(box.getMinX()),
                Double.toString(box.getMinY()), Double.toString(box.getMaxX()), Double.toString(box.getMaxY()),
                "WFS:" + base + "/ows", "gengdi:" + LAYER);
        assertThat(spatial).contains("Feature Count: " + inBox);
    }

    @Test
    void owsLibReadsCapabilitiesAndGeoJson() throws Exception {
        Path dir = Files.createTempDirectory("owslib");
        Path script = dir.resolve("wfs.py");
        Files.writeString(script, String.join("\n",
                "import json, sys",
                "from owslib.wfs import WebFeatureService",
                "wfs = WebFeatureService(sys.argv[1], version='2.0.0')",
                "print('TYPES', sorted(wfs.contents))",
                "print('TITLE', wfs.contents['gengdi:YJJBNTBHTB'].title)",
                "r = wfs.getfeature(typename=['gengdi:YJJBNTBHTB'], maxfeatures=10, outputFormat='application/json')",
                "doc = json.loads(r.read())",
                "print('FEATURES', len(doc['features']))",
                "print('KEYS', sorted(doc['features'][0]['properties']))",
                "print('STORED', sorted(q.id for q in wfs.storedqueries))",
                "fid = doc['features'][0]['id']",
                "r = wfs.getfeature(storedQueryID='urn:ogc:def:query:OGC-WFS::GetFeatureById', storedQueryParams={'ID': fid})",
                "print('BYID', fid in r.read().decode('utf-8'))",
                ""));
        String out = SampleServer.run(dir, "/usr/bin/python3", script.toString(), base + "/ows");
        assertThat(out).contains("'gengdi:YJJBNTBHTB'", "'gengdi:DLTB'", "TITLE 永久基本农田保护图斑", "FEATURES 10",
                "STORED ['urn:gengdi:def:query:GetParcelByNumber', 'urn:ogc:def:query:OGC-WFS::GetFeatureById']",
                "BYID True")
                .doesNotContain("ZRRMC");
    }
}
