package org.gengdi.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** WFS 1.1.0 and 1.0.0, XML-encoded (POST) requests and GetPropertyValue against the real server. */
class WfsVersionsAndXmlTest {
    static final String LAYER = "YJJBNTBHTB";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext ctx;
    private static String base;
    private static FeatureStore store;

    @BeforeAll
    static void start() throws Exception {
        ctx = SampleServer.start("gengdi-wfs-versions");
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

    static HttpResponse<String> post(String path, String xml) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static FeatureSource source() {
        return store.require(LAYER);
    }

    static int srid() {
        return source().schema().srid();
    }

    static Set<String> ids(String gml, String attribute) {
        Set<String> ids = new TreeSet<>();
        Matcher m = Pattern.compile("<gengdi:" + LAYER + " " + attribute + "=\"([^\"]+)\"").matcher(gml);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static void assertValid(Schema schema, String body) {
        assertThat(OgcSchemas.validate(schema, body.getBytes(StandardCharsets.UTF_8))).as(body.substring(0,
                Math.min(600, body.length()))).isEmpty();
    }

    static void assertError(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).contains("exceptionCode=\"" + code + "\"").doesNotContain("at org.", "Exception:");
    }

    /** The count of an expression over the layer, by reading every feature and testing it in the test. */
    static long independentCount(String cql, Envelope box) {
        FeatureType type = source().schema();
        Predicate<Feature> p = FilterEvaluator.compile(Cql2Text.parse(cql,
                FilterContext.of(type, CrsRegistry.get().parse("EPSG:" + type.srid()))), type);
        var boxGeom = box == null ? null : new GeometryFactory().toGeometry(box);
        long n = 0;
        try (FeatureCursor c = source().query(Query.ALL)) {
            while (c.hasNext()) {
                Feature f = c.next();
                if (p.test(f) && (boxGeom == null || f.geometry().intersects(boxGeom))) {
                    n++;
                }
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------- WFS 1.1.0 / 1.0.0

    @Test
    void capabilitiesOfEveryVersionValidateAndNegotiate() throws Exception {
        HttpResponse<String> v11 = get("/wfs?REQUEST=GetCapabilities&ACCEPTVERSIONS=1.1.0,1.0.0");
        assertThat(v11.statusCode()).isEqualTo(200);
        assertThat(v11.body()).contains("version=\"1.1.0\"", "<wfs:Name>gengdi:YJJBNTBHTB</wfs:Name>",
                "永久基本农田保护图斑", "<wfs:DefaultSRS>urn:ogc:def:crs:EPSG::" + srid() + "</wfs:DefaultSRS>",
                "text/xml; subtype=gml/3.1.1", "<ogc:SpatialOperator name=\"Intersects\"/>",
                "<ows:Post xlink:href=\"" + base + "/wfs\"/>").doesNotContain("ZRRMC");
        assertValid(OgcSchemas.compile(OgcSchemas.official("http://schemas.opengis.net/wfs/1.1.0/wfs.xsd")),
                v11.body());

        HttpResponse<String> v10 = get("/wfs?REQUEST=GetCapabilities&VERSION=1.0.0");
        assertThat(v10.statusCode()).isEqualTo(200);
        assertThat(v10.body()).contains("version=\"1.0.0\"", "<SRS>EPSG:" + srid() + "</SRS>", "<GML2/>",
                "LatLongBoundingBox", "<ogc:Intersect/>");
        assertValid(OgcSchemas.compile(OgcSchemas.official(
                "http://schemas.opengis.net/wfs/1.0.0/WFS-capabilities.xsd")), v10.body());

        // pre-OWS negotiation: an unknown version between two offered ones gets the lower one
        assertThat(get("/wfs?REQUEST=GetCapabilities&VERSION=1.5.0").body()).contains("version=\"1.1.0\"");
        assertThat(get("/wfs?REQUEST=GetCapabilities&VERSION=9.0.0").body()).contains("version=\"2.0.0\"");
        assertThat(get("/wfs?REQUEST=GetCapabilities&VERSION=0.5.0").body()).contains("version=\"1.0.0\"");
        assertThat(get("/wfs?REQUEST=GetCapabilities&ACCEPTVERSIONS=3.0.0,1.0.0").body())
                .contains("version=\"1.0.0\"");
        assertError(get("/wfs?REQUEST=GetCapabilities&ACCEPTVERSIONS=3.0.0"), 400, "VersionNegotiationFailed");

        // updateSequence: the data version; a newer one from the client is an error, an equal one is fine
        Matcher seq = Pattern.compile("updateSequence=\"(\\d+)\"").matcher(v11.body());
        assertThat(seq.find()).isTrue();
        long current = Long.parseLong(seq.group(1));
        assertThat(current).isGreaterThan(0);
        assertThat(get("/wfs?REQUEST=GetCapabilities&UPDATESEQUENCE=" + current).statusCode()).isEqualTo(200);
        assertError(get("/wfs?REQUEST=GetCapabilities&UPDATESEQUENCE=" + (current + 1)), 400, "InvalidUpdateSequence");
        assertError(get("/wfs?REQUEST=GetCapabilities&UPDATESEQUENCE=abc"), 400, "InvalidUpdateSequence");
        HttpResponse<String> some = get("/wfs?REQUEST=GetCapabilities&SECTIONS=FeatureTypeList,ServiceProvider");
        assertThat(some.body()).contains("<wfs:FeatureTypeList>", "<ows:ServiceProvider>")
                .doesNotContain("OperationsMetadata", "ServiceIdentification", "Filter_Capabilities");
        assertValid(OgcSchemas.compile(OgcSchemas.official("http://schemas.opengis.net/wfs/2.0/wfs.xsd")),
                some.body());
        assertError(get("/wfs?REQUEST=GetCapabilities&SECTIONS=Contents"), 400, "InvalidParameterValue");
        String gf = "/wfs?VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gengdi:XZQ&RESOLVE=";
        assertThat(get(gf + "local").statusCode()).isEqualTo(200);
        assertError(get(gf + "remote"), 501, "OptionNotSupported");
        assertError(get(gf + "sideways"), 400, "InvalidParameterValue");
    }

    @Test
    void wfs11GetFeatureIsGml311ThatValidatesAgainstItsDescribeFeatureType() throws Exception {
        HttpResponse<String> dft = get("/wfs?VERSION=1.1.0&REQUEST=DescribeFeatureType&TYPENAME=gengdi:" + LAYER);
        assertThat(dft.statusCode()).isEqualTo(200);
        assertThat(dft.headers().firstValue("Content-Type").orElse("")).contains("gml/3.1.1");
        assertThat(dft.body()).contains("http://schemas.opengis.net/gml/3.1.1/base/gml.xsd").doesNotContain("ZRRMC");
        HttpResponse<String> gml = get("/wfs?VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=gengdi:" + LAYER
                + "&MAXFEATURES=25");
        assertThat(gml.statusCode()).isEqualTo(200);
        assertThat(gml.headers().firstValue("Content-Type").orElse("")).contains("gml/3.1.1");
        assertThat(gml.body()).contains("numberOfFeatures=\"25\"", "srsName=\"urn:ogc:def:crs:EPSG::" + srid())
                .doesNotContain("ZRRMC", "numberMatched");
        assertThat(ids(gml.body(), "gml:id")).hasSize(25);
        Schema schema = OgcSchemas.compile(OgcSchemas.official(GmlVersion.GML_3_1_1.wfsSchemaLocation()),
                new StreamSource(new StringReader(dft.body()), "http://gengdi.test/dft11.xsd"));
        assertValid(schema, gml.body());

        HttpResponse<String> hits = get("/wfs?VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=gengdi:" + LAYER
                + "&RESULTTYPE=hits");
        assertThat(hits.body()).contains("numberOfFeatures=\"" + source().count(Query.ALL) + "\"");
        assertValid(schema, hits.body());

        // EPSG:4326 is longitude first, the URN latitude first: the same box selects the same features
        Envelope geo = CrsRegistry.get().transform(srid(), 4326).transform(centreBox());
        String lonLat = String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", geo.getMinX(), geo.getMinY(),
                geo.getMaxX(), geo.getMaxY());
        String latLon = String.format(Locale.ROOT, "%.8f,%.8f,%.8f,%.8f", geo.getMinY(), geo.getMinX(),
                geo.getMaxY(), geo.getMaxX());
        String q = "/wfs?VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=gengdi:" + LAYER + "&BBOX=";
        Set<String> a = ids(get(q + lonLat + ",EPSG:4326").body(), "gml:id");
        Set<String> b = ids(get(q + latLon + ",urn:x-ogc:def:crs:EPSG:4326").body(), "gml:id");
        assertThat(a).isNotEmpty().isEqualTo(b);
        assertThat(a.size()).isLessThan((int) source().count(Query.ALL));
    }

    @Test
    void wfs10GetFeatureIsGml2ThatValidates() throws Exception {
        HttpResponse<String> dft = get("/wfs?VERSION=1.0.0&REQUEST=DescribeFeatureType&TYPENAME=gengdi:" + LAYER);
        assertThat(dft.statusCode()).isEqualTo(200);
        assertThat(dft.body()).contains("http://schemas.opengis.net/gml/2.1.2/feature.xsd");
        Envelope box = centreBox();
        String en = String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", box.getMinX(), box.getMinY(), box.getMaxX(),
                box.getMaxY());
        HttpResponse<String> gml = get("/wfs?VERSION=1.0.0&REQUEST=GetFeature&TYPENAME=gengdi:" + LAYER
                + "&BBOX=" + en);
        assertThat(gml.statusCode()).isEqualTo(200);
        assertThat(gml.body()).contains("<gml:coordinates", "srsName=\"EPSG:" + srid() + "\"");
        assertThat(ids(gml.body(), "fid")).hasSize((int) source().count(Query.ALL.withBbox(box)));
        Schema schema = OgcSchemas.compile(OgcSchemas.official(GmlVersion.GML_2_1_2.wfsSchemaLocation()),
                new StreamSource(new StringReader(dft.body()), "http://gengdi.test/dft10.xsd"));
        assertValid(schema, gml.body());
        assertError(get("/wfs?VERSION=1.0.0&REQUEST=GetPropertyValue&TYPENAME=gengdi:" + LAYER
                + "&VALUEREFERENCE=DLBM"), 501, "OperationNotSupported");
    }

    private static Envelope centreBox() {
        Envelope l = source().bounds();
        return new Envelope(l.getMinX() + l.getWidth() * 0.3, l.getMinX() + l.getWidth() * 0.6,
                l.getMinY() + l.getHeight() * 0.3, l.getMinY() + l.getHeight() * 0.6);
    }

    // ------------------------------------------------------------------------------------------- several types

    @Test
    void severalTypesAreAnsweredAsSeveralQueriesPagedAcrossTheirBoundary() throws Exception {
        long towns = store.require("XZQ").count(Query.ALL);
        long villages = store.require("CJDCQ").count(Query.ALL);
        assertThat(towns).isGreaterThan(1);
        String q = "/wfs?VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=gengdi:XZQ,gengdi:CJDCQ";
        HttpResponse<String> all = get(q + "&COUNT=100000");
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.body()).contains("numberMatched=\"" + (towns + villages) + "\"",
                "TYPENAMES=gengdi%3AXZQ%2Cgengdi%3ACJDCQ");
        assertThat(count(all.body(), "<gengdi:XZQ gml:id=")).isEqualTo(towns);
        assertThat(count(all.body(), "<gengdi:CJDCQ gml:id=")).isEqualTo(villages);
        HttpResponse<String> dft = get("/wfs?VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=gengdi:XZQ,gengdi:CJDCQ");
        Schema schema = OgcSchemas.compile(OgcSchemas.official(GmlVersion.GML_3_2.wfsSchemaLocation()),
                new StreamSource(new StringReader(dft.body()), "http://gengdi.test/dft-two.xsd"));
        assertValid(schema, all.body());

        // a page that straddles the two types: the last town, then the first villages
        HttpResponse<String> page = get(q + "&COUNT=3&STARTINDEX=" + (towns - 1) + "&OUTPUTFORMAT=application/json");
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(page.body());
        assertThat(doc.get("numberReturned").asLong()).isEqualTo(3);
        assertThat(doc.get("features").get(0).get("id").asText()).startsWith("XZQ.");
        assertThat(doc.get("features").get(1).get("id").asText()).startsWith("CJDCQ.");
        assertThat(doc.get("features").get(1).get("properties").has("CJDCQ") || doc.get("features").get(1)
                .get("properties").size() > 0).isTrue();

        // query groups with a filter each, and ids that name their types
        String f = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:ResourceId rid=\"%s\"/></fes:Filter>";
        HttpResponse<String> grouped = get("/wfs?VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES="
                + WfsServerTest.enc("(gengdi:XZQ)(gengdi:CJDCQ)") + "&FILTER="
                + WfsServerTest.enc("(" + f.formatted("XZQ.1") + ")(" + f.formatted("CJDCQ.2") + ")"));
        assertThat(grouped.statusCode()).as(grouped.body()).isEqualTo(200);
        assertThat(grouped.body()).contains("numberMatched=\"2\"", "gml:id=\"XZQ.1\"", "gml:id=\"CJDCQ.2\"");
        HttpResponse<String> byIds = get("/wfs?VERSION=2.0.0&REQUEST=GetFeature&RESOURCEID=XZQ.1,CJDCQ.2,CJDCQ.3");
        assertThat(byIds.body()).contains("numberMatched=\"3\"", "gml:id=\"XZQ.1\"", "gml:id=\"CJDCQ.3\"");

        // WFS 1.1 and OWSLib, which sends TYPENAME=a,b
        HttpResponse<String> v11 = get("/wfs?VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=gengdi:XZQ,gengdi:CJDCQ"
                + "&RESULTTYPE=hits");
        assertThat(v11.body()).contains("numberOfFeatures=\"" + (towns + villages) + "\"");
    }

    private static long count(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }

    // ------------------------------------------------------------------------------------------- XML POST

    @Test
    void xmlGetFeatureWithSpatialAndAttributeFilterMatchesAnIndependentCount() throws Exception {
        Envelope box = centreBox();
        Envelope geo = CrsRegistry.get().transform(srid(), 4490).transform(box);
        Envelope back = CrsRegistry.get().transform(4490, srid()).transform(geo);
        long expected = independentCount("DLBM IN ('0101','0102')", back);
        assertThat(expected).isGreaterThan(0);
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <wfs:GetFeature service="WFS" version="2.0.0" count="10000" outputFormat="application/json"
                    xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:fes="http://www.opengis.net/fes/2.0"
                    xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:gengdi="http://gengdi.org/farmland">
                  <wfs:Query typeNames="gengdi:%s">
                    <wfs:PropertyName>gengdi:DLBM</wfs:PropertyName>
                    <fes:Filter>
                      <fes:And>
                        <fes:Or>
                          <fes:PropertyIsEqualTo><fes:ValueReference>gengdi:DLBM</fes:ValueReference>
                            <fes:Literal>0101</fes:Literal></fes:PropertyIsEqualTo>
                          <fes:PropertyIsEqualTo><fes:ValueReference>DLBM</fes:ValueReference>
                            <fes:Literal>0102</fes:Literal></fes:PropertyIsEqualTo>
                        </fes:Or>
                        <fes:BBOX><fes:ValueReference>geom</fes:ValueReference>
                          <gml:Envelope srsName="urn:ogc:def:crs:EPSG::4490">
                            <gml:lowerCorner>%s %s</gml:lowerCorner><gml:upperCorner>%s %s</gml:upperCorner>
                          </gml:Envelope></fes:BBOX>
                      </fes:And>
                    </fes:Filter>
                    <fes:SortBy><fes:SortProperty><fes:ValueReference>DLBM</fes:ValueReference>
                      <fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy>
                  </wfs:Query>
                </wfs:GetFeature>
                """.formatted(LAYER, num(geo.getMinY()), num(geo.getMinX()), num(geo.getMaxY()), num(geo.getMaxX()));
        HttpResponse<String> r = post("/ows", body.strip());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(doc.get("numberMatched").asLong()).isEqualTo(expected);
        assertThat(doc.get("features").size()).isEqualTo((int) expected);
        String previous = "9999";
        for (var f : doc.get("features")) {
            assertThat(f.get("properties").fieldNames()).toIterable().containsExactly("DLBM");
            String dlbm = f.get("properties").get("DLBM").asText();
            assertThat(dlbm).isIn("0101", "0102").isLessThanOrEqualTo(previous);
            previous = dlbm;
        }

        // the same request in GML, paged: the next link is a GET URL carrying the filter, and it works
        HttpResponse<String> page = post("/ows", body.strip().replace("count=\"10000\" outputFormat=\"application/json\"",
                "count=\"2\""));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher next = Pattern.compile("next=\"([^\"]+)\"").matcher(page.body());
        assertThat(next.find()).isTrue();
        HttpResponse<String> second = get(next.group(1).replace("&amp;", "&"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(second.body()).contains("numberMatched=\"" + expected + "\"", "numberReturned=\"2\"");
    }

    @Test
    void xmlRequestsOfOtherOperationsAndOlderVersions() throws Exception {
        HttpResponse<String> caps = post("/ows", "<GetCapabilities xmlns=\"http://www.opengis.net/wfs/2.0\" "
                + "xmlns:ows=\"http://www.opengis.net/ows/1.1\" service=\"WFS\"><ows:AcceptVersions>"
                + "<ows:Version>1.1.0</ows:Version></ows:AcceptVersions></GetCapabilities>");
        assertThat(caps.statusCode()).isEqualTo(200);
        assertThat(caps.body()).contains("version=\"1.1.0\"");

        HttpResponse<String> dft = post("/wfs", "<wfs:DescribeFeatureType xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
                + " version=\"2.0.0\"><wfs:TypeName>gengdi:DLTB</wfs:TypeName></wfs:DescribeFeatureType>");
        assertThat(dft.statusCode()).isEqualTo(200);
        assertThat(dft.body()).contains("DLTBType").doesNotContain("YJJBNTBHTBType");

        long expected = independentCount("DLBM = '0101'", null);
        HttpResponse<String> v11 = post("/wfs", """
                <wfs:GetFeature service="WFS" version="1.1.0" resultType="hits" xmlns:wfs="http://www.opengis.net/wfs"
                    xmlns:ogc="http://www.opengis.net/ogc">
                  <wfs:Query typeName="gengdi:%s"><ogc:Filter><ogc:PropertyIsEqualTo>
                    <ogc:PropertyName>DLBM</ogc:PropertyName><ogc:Literal>0101</ogc:Literal>
                  </ogc:PropertyIsEqualTo></ogc:Filter></wfs:Query>
                </wfs:GetFeature>""".formatted(LAYER));
        assertThat(v11.statusCode()).as(v11.body()).isEqualTo(200);
        assertThat(v11.body()).contains("numberOfFeatures=\"" + expected + "\"");

        HttpResponse<String> stored = post("/wfs", """
                <wfs:GetFeature service="WFS" version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0">
                  <wfs:StoredQuery id="urn:ogc:def:query:OGC-WFS::GetFeatureById">
                    <wfs:Parameter name="ID">%s.1</wfs:Parameter></wfs:StoredQuery>
                </wfs:GetFeature>""".formatted(LAYER));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(stored.body()).contains("gml:id=\"" + LAYER + ".1\"").doesNotContain("FeatureCollection");

        HttpResponse<String> listed = post("/wfs", "<ListStoredQueries xmlns=\"http://www.opengis.net/wfs/2.0\" "
                + "service=\"WFS\" version=\"2.0.0\"/>");
        assertThat(listed.body()).contains("GetFeatureById");
    }

    @Test
    void hostileOrBrokenXmlIsRefusedWith400() throws Exception {
        assertError(post("/ows", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\">&e;</wfs:GetFeature>"),
                400, "OperationParsingFailed");
        assertError(post("/ows", "<?xml version=\"1.0\"?><!DOCTYPE lol [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>"
                + "<GetCapabilities service=\"WFS\">&b;</GetCapabilities>"), 400, "OperationParsingFailed");
        assertError(post("/wfs", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"><wfs:Query"),
                400, "OperationParsingFailed");
        assertError(post("/wfs", "not xml at all"), 400, "OperationParsingFailed");
        assertError(post("/wfs", "<wfs:Transaction xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\"/>"),
                501, "OperationNotSupported");
        assertError(post("/wfs", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" service=\"WFS\" "
                + "version=\"2.0.0\"/>"), 400, "MissingParameterValue");
        assertError(post("/wfs", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" version=\"2.0.0\" "
                + "xmlns:fes=\"http://www.opengis.net/fes/2.0\"><wfs:Query typeNames=\"gengdi:" + LAYER + "\">"
                + "<fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>ZRRMC</fes:ValueReference>"
                + "<fes:Literal>x</fes:Literal></fes:PropertyIsEqualTo></fes:Filter></wfs:Query></wfs:GetFeature>"),
                400, "InvalidParameterValue");
        assertError(post("/wfs", "<wfs:GetFeature xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" version=\"2.0.0\" "
                + "count=\"-1\"><wfs:Query typeNames=\"gengdi:" + LAYER + "\"/></wfs:GetFeature>"),
                400, "InvalidParameterValue");
        // the WMS has no XML encoding: a clean refusal, not a parse of the body
        HttpResponse<String> wms = post("/wms", "<GetMap service=\"WMS\"/>");
        assertThat(wms.statusCode()).isEqualTo(501);
        assertThat(wms.body()).contains("ServiceExceptionReport", "code=\"OperationNotSupported\"");
    }

    // ------------------------------------------------------------------------------------------- GetPropertyValue

    @Test
    void getPropertyValueAnswersAValueCollectionThatValidates() throws Exception {
        Schema wfs = OgcSchemas.compile(OgcSchemas.official("http://schemas.opengis.net/wfs/2.0/wfs.xsd"));
        HttpResponse<String> r = get("/wfs?VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=gengdi:" + LAYER
                + "&VALUEREFERENCE=ZLDWMC&COUNT=7&CQL_FILTER=" + WfsServerTest.enc("DLBM = '0101'"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("<wfs:ValueCollection", "numberReturned=\"7\"")
                .containsPattern("<wfs:member>[\\x{4e00}-\\x{9fff}]+</wfs:member>");
        assertThat(r.body().split("<wfs:member>", -1)).hasSize(8);
        assertValid(wfs, r.body());

        HttpResponse<String> geometry = get("/wfs?VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=gengdi:" + LAYER
                + "&VALUEREFERENCE=gengdi:geom&COUNT=2&SRSNAME=urn:ogc:def:crs:EPSG::4490");
        assertThat(geometry.statusCode()).as(geometry.body()).isEqualTo(200);
        assertThat(geometry.body()).contains("<gml:MultiSurface", "srsName=\"urn:ogc:def:crs:EPSG::4490\"");
        assertValid(wfs, geometry.body());

        String q = "/wfs?VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=gengdi:" + LAYER;
        assertError(get(q), 400, "MissingParameterValue");
        assertError(get(q + "&VALUEREFERENCE=ZRRMC"), 400, "InvalidParameterValue");
        assertError(get(q + "&VALUEREFERENCE=NOPE"), 400, "InvalidParameterValue");
        assertError(get(q + "&VALUEREFERENCE=" + WfsServerTest.enc("DLBM[1]/@x")), 400, "InvalidParameterValue");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.9f", v);
    }

    // ------------------------------------------------------------------------------------------- real clients

    @Test
    void owsLibAndGdalSpeakWfs11And10() throws Exception {
        Path dir = Files.createTempDirectory("owslib11");
        Path script = dir.resolve("wfs11.py");
        Files.writeString(script, String.join("\n",
                "import sys",
                "from owslib.wfs import WebFeatureService",
                "for version in ('1.1.0', '1.0.0'):",
                "    wfs = WebFeatureService(sys.argv[1], version=version)",
                "    print(version, 'TYPES', len(wfs.contents), 'gengdi:YJJBNTBHTB' in wfs.contents)",
                "    print(version, 'TITLE', wfs.contents['gengdi:YJJBNTBHTB'].title)",
                "    r = wfs.getfeature(typename=['gengdi:YJJBNTBHTB'], maxfeatures=12)",
                "    body = r.read().decode('utf-8')",
                "    print(version, 'MEMBERS', body.count('<gml:featureMember>'))",
                "    print(version, 'PERSONAL', 'ZRRMC' in body)",
                ""));
        String out = SampleServer.run(dir, "/usr/bin/python3", script.toString(), base + "/ows");
        int layers = store.layerNames().size();
        assertThat(out).contains("1.1.0 TYPES " + layers + " True", "1.1.0 TITLE 永久基本农田保护图斑",
                "1.1.0 MEMBERS 12", "1.1.0 PERSONAL False", "1.0.0 TYPES " + layers + " True", "1.0.0 MEMBERS 12",
                "1.0.0 PERSONAL False");

        String info = SampleServer.run(dir, "ogrinfo", "-ro", "-al", "-so", "WFS:" + base + "/ows?VERSION=1.1.0",
                "gengdi:" + LAYER);
        assertThat(info).contains("Feature Count: " + source().count(Query.ALL)).contains("DLBM")
                .doesNotContain("ZRRMC");
        long where = independentCount("DLBM = '0101'", null);
        String filtered = SampleServer.run(dir, "ogrinfo", "-ro", "-al", "-so", "-where", "DLBM = '0101'",
                "WFS:" + base + "/ows?VERSION=1.1.0", "gengdi:" + LAYER);
        assertThat(filtered).contains("Feature Count: " + where);
    }
}
