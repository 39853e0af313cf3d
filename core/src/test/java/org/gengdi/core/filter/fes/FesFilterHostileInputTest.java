package org.gengdi.core.filter.fes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.gengdi.core.filter.fes.FesFixtures.FES_NS;
import static org.gengdi.core.filter.fes.FesFixtures.RED;
import static org.gengdi.core.filter.fes.FesFixtures.ctx;
import static org.gengdi.core.filter.fes.FesFixtures.fes;
import static org.gengdi.core.filter.fes.FesFixtures.ogc;
import static org.gengdi.core.filter.fes.FesFixtures.parse;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamReader;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.xml.SafeXml;
import org.gengdi.core.xml.XmlInputException;
import org.junit.jupiter.api.Test;

/** Hostile, malformed and unsupported filters, and filters embedded in larger requests. */
class FesFilterHostileInputTest {

    private static final String EQ = "<fes:PropertyIsEqualTo><fes:ValueReference>DLBM</fes:ValueReference>"
            + "<fes:Literal>0101</fes:Literal></fes:PropertyIsEqualTo>";

    // -------------------------------------------------------------------------------------------- hostile

    @Test
    void xxeInsideAFilterIsRefusedWithoutReadingOrConnecting() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String url = "http://127.0.0.1:" + listener.getLocalPort();
            String[] payloads = {
                    "<!DOCTYPE f [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                    "<!DOCTYPE f [<!ENTITY xxe SYSTEM \"" + url + "/leak\">]>",
                    "<!DOCTYPE f [<!ENTITY % dtd SYSTEM \"" + url + "/evil.dtd\"> %dtd;]>",
                    "<!DOCTYPE f SYSTEM \"" + url + "/filter.dtd\">"};
            for (String doctype : payloads) {
                String xml = "<?xml version=\"1.0\"?>" + doctype + fes("<fes:PropertyIsEqualTo><fes:ValueReference>DLBM"
                        + "</fes:ValueReference><fes:Literal>&xxe;</fes:Literal></fes:PropertyIsEqualTo>")
                        .replace("&xxe;", doctype.contains("xxe") ? "&xxe;" : "0101");
                assertThatThrownBy(() -> parse(xml, RED)).as(doctype)
                        .isInstanceOf(FilterParseException.class).hasMessageContaining("DOCTYPE")
                        .hasCauseInstanceOf(XmlInputException.class)
                        .satisfies(e -> assertThat(((XmlInputException) e.getCause()).reason())
                                .isEqualTo(XmlInputException.Reason.DOCTYPE));
            }
            Thread.sleep(150);
            assertThat(connections.get()).isZero();
        }
    }

    @Test
    void entityExpansionInsideAFilterIsRefused() {
        String lol = "<!DOCTYPE f [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
        assertThatThrownBy(() -> parse(lol + fes(EQ.replace("0101", "&d;")), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void deepNestingIsRefusedQuicklyWithoutStackOverflow() {
        int levels = 100_000;
        String deep = fes("<fes:Not>".repeat(levels) + EQ + "</fes:Not>".repeat(levels));
        Throwable[] caught = new Throwable[1];
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                FesFilterParser.parse(deep, new FilterContext(RED, FesFixtures.URN_4490, Set.of(), 32, 10_000_000));
            } catch (Throwable e) {
                caught[0] = e;
            }
        });
        assertThat(caught[0]).isInstanceOf(FilterParseException.class)
                .hasMessageContaining("nested deeper than the limit of 32");
        // The same in a 100 000-level geometry (no logical operators to count): the XML depth limit stops it.
        String deepGeometry = fes("<fes:Intersects><fes:ValueReference>geom</fes:ValueReference>"
                + "<gml:MultiGeometry><gml:geometryMember>".repeat(levels)
                + "</gml:geometryMember></gml:MultiGeometry>".repeat(levels) + "</fes:Intersects>");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> FesFilterParser.parse(
                deepGeometry, new FilterContext(RED, FesFixtures.URN_4490, Set.of(), 32, 10_000_000)))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("deeper than the limit"));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        FilterContext ctx = new FilterContext(RED, FesFixtures.URN_4490, Set.of(), 5, 100_000);
        Filter f = FesFilterParser.parse(fes("<fes:Not>".repeat(4) + EQ + "</fes:Not>".repeat(4)), ctx);
        assertThat(Filters.depth(f)).isEqualTo(5);
        assertThatThrownBy(() -> FesFilterParser.parse(fes("<fes:Not>".repeat(5) + EQ + "</fes:Not>".repeat(5)), ctx))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("nested deeper than the limit of 5");
        assertThatThrownBy(() -> FesFilterParser.parse(fes("<fes:And><fes:Or>".repeat(3) + EQ
                + "</fes:Or></fes:And>".repeat(3)), ctx)).isInstanceOf(FilterParseException.class);
    }

    @Test
    void longFiltersAreRefused() {
        FilterContext ctx = new FilterContext(RED, FesFixtures.URN_4490, Set.of(), 32, 1000);
        String many = fes("<fes:Or>" + EQ.repeat(20) + "</fes:Or>");
        assertThat(many.length()).isGreaterThan(1000);
        assertThatThrownBy(() -> FesFilterParser.parse(many, ctx)).isInstanceOf(FilterParseException.class)
                .hasMessageContaining("more than the limit of 1000");
        assertThat(FesFilterParser.parse(fes(EQ), ctx)).isNotNull();
    }

    // ------------------------------------------------------------------------------------------ malformed

    @Test
    void malformedXmlIsAParseError() {
        assertThatThrownBy(() -> parse(fes(EQ).replace("</fes:Literal>", "</fes:Literl>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("must be terminated")
                .hasCauseInstanceOf(XmlInputException.class);
        assertThatThrownBy(() -> parse("", RED)).isInstanceOf(FilterParseException.class);
        assertThatThrownBy(() -> parse("not xml at all", RED)).isInstanceOf(FilterParseException.class);
        assertThatThrownBy(() -> parse(fes(EQ) + "<extra/>", RED)).isInstanceOf(FilterParseException.class);
        assertThatThrownBy(() -> parse(fes(EQ).replace("xmlns:fes", "xmlns:other"), RED))
                .isInstanceOf(FilterParseException.class);
        assertThatThrownBy(() -> parse(fes("text" + EQ), RED)).isInstanceOf(FilterParseException.class)
                .hasMessageContaining("text");
    }

    @Test
    void structuralMistakes() {
        assertThatThrownBy(() -> parse(fes(""), RED)).isInstanceOf(FilterParseException.class)
                .hasMessageContaining("the Filter is empty");
        assertThatThrownBy(() -> parse(fes(EQ + EQ), RED)).isInstanceOf(FilterParseException.class)
                .hasMessageContaining("combine several with And or Or");
        assertThatThrownBy(() -> parse("<fes:Query " + FES_NS + ">" + EQ + "</fes:Query>", RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("found <fes:Query>");
        assertThatThrownBy(() -> parse("<x:Filter xmlns:x=\"urn:x\">" + EQ + "</x:Filter>", RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("namespace urn:x");
        assertThatThrownBy(() -> parse(fes("<fes:Literal>1</fes:Literal>"), RED))
                .isInstanceOf(FilterParseException.class).hasMessageContaining("expected an operator");
    }

    @Test
    void filtersWithoutNamespacesAreRead() {
        Filter f = parse("<Filter><PropertyIsEqualTo><PropertyName>DLBM</PropertyName><Literal>0101</Literal>"
                + "</PropertyIsEqualTo></Filter>", RED);
        assertThat(f).isEqualTo(Filter.eq("DLBM", "0101"));
    }

    // ---------------------------------------------------------------------------------------- unsupported

    @Test
    void unsupportedOperatorsNameThemselves() {
        String[][] cases = {
                {"<fes:AnyInteracts><fes:ValueReference>BHKSSJ</fes:ValueReference><gml:TimeInstant><gml:timePosition>"
                        + "2020-01-01</gml:timePosition></gml:TimeInstant></fes:AnyInteracts>", "fes:AnyInteracts"},
                {"<fes:Meets><fes:ValueReference>BHKSSJ</fes:ValueReference></fes:Meets>", "fes:Meets"},
                {"<fes:PropertyIsEqualTo><fes:Function name=\"strToUpperCase\"><fes:ValueReference>DLBM"
                        + "</fes:ValueReference></fes:Function><fes:Literal>A</fes:Literal></fes:PropertyIsEqualTo>",
                        "fes:Function"},
                {"<fes:PropertyIsGreaterThan><fes:Add><fes:ValueReference>GDDB</fes:ValueReference><fes:Literal>1"
                        + "</fes:Literal></fes:Add><fes:Literal>5</fes:Literal></fes:PropertyIsGreaterThan>", "fes:Add"},
                {"<fes:Frobnicate/>", "fes:Frobnicate"},
                {"<x:Extension xmlns:x=\"urn:x\"/>", "x:Extension"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> parse(fes(c[0]), RED)).as(c[1])
                    .isInstanceOf(UnsupportedOperatorException.class).hasMessageContaining(c[1])
                    .satisfies(e -> assertThat(((UnsupportedOperatorException) e).operator()).isEqualTo(c[1]));
        }
        assertThatThrownBy(() -> parse(fes(cases[2][0]), RED)).hasMessageContaining("strToUpperCase");
        assertThatThrownBy(() -> parse(fes(cases[0][0]), RED))
                .hasMessageContaining("temporal operators supported are After, Before, During and TEquals");
        assertThatThrownBy(() -> parse(ogc("<ogc:PropertyIsEqualTo><ogc:Mul><ogc:PropertyName>GDDB</ogc:PropertyName>"
                + "<ogc:Literal>2</ogc:Literal></ogc:Mul><ogc:Literal>6</ogc:Literal></ogc:PropertyIsEqualTo>"), RED))
                .isInstanceOf(UnsupportedOperatorException.class).hasMessageContaining("arithmetic");
    }

    // ------------------------------------------------------------------------------------------- embedded

    @Test
    void aFilterInsideAGetFeatureRequest() throws Exception {
        String request = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" "
                + FES_NS + ">\n"
                + "  <wfs:Query typeNames=\"gengdi:YJJBNTBHTB\" srsName=\"urn:ogc:def:crs:EPSG::4490\">\n"
                + "    <fes:Filter>\n"
                + "      <fes:And>" + EQ + "<fes:BBOX><gml:Envelope><gml:lowerCorner>31.799 117.199</gml:lowerCorner>"
                + "<gml:upperCorner>31.8015 117.2015</gml:upperCorner></gml:Envelope></fes:BBOX></fes:And>\n"
                + "    </fes:Filter>\n"
                + "    <fes:SortBy><fes:SortProperty><fes:ValueReference>TBBH</fes:ValueReference></fes:SortProperty>"
                + "</fes:SortBy>\n"
                + "  </wfs:Query>\n"
                + "</wfs:GetFeature>";
        XMLStreamReader r = SafeXml.reader(request);
        r.nextTag();
        r.nextTag();
        String srsName = r.getAttributeValue(null, "srsName");
        r.nextTag();
        assertThat(r.getLocalName()).isEqualTo("Filter");
        Filter f = FesFilterParser.parse(r, FilterContext.of(RED,
                org.gengdi.core.crs.CrsRegistry.get().parse(srsName)));
        assertThat(r.getEventType()).isEqualTo(XMLStreamReader.END_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("Filter");
        assertThat(r.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("SortBy");
        assertThat(f).isInstanceOf(Filter.And.class);
        assertThat(FesFixtures.red(f)).containsExactly("1");
    }

    @Test
    void anEmbeddedFilterIsHeldToTheContextLimits() throws Exception {
        FilterContext small = new FilterContext(RED, FesFixtures.URN_4490, Set.of(), 32, 500);
        XMLStreamReader r = SafeXml.reader("<wfs:Query xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" " + FES_NS + ">"
                + "<fes:Filter><fes:Or>" + EQ.repeat(20) + "</fes:Or></fes:Filter></wfs:Query>");
        r.nextTag();
        r.nextTag();
        assertThatThrownBy(() -> FesFilterParser.parse(r, small)).isInstanceOf(FilterParseException.class)
                .hasMessageContaining("larger than the limit of 500 characters");
        XMLStreamReader notAtStart = SafeXml.reader(fes(EQ));
        assertThatThrownBy(() -> FesFilterParser.parse(notAtStart, ctx(RED))).isInstanceOf(FilterParseException.class);
        XMLStreamReader hidden = SafeXml.reader(fes(EQ.replace("DLBM", "ZRRZJHM")));
        hidden.nextTag();
        assertThatThrownBy(() -> FesFilterParser.parse(hidden, ctx(RED).hiding(Set.of("ZRRZJHM"))))
                .isInstanceOf(InvalidFilterException.class).hasMessageContaining("ZRRZJHM");
    }
}
