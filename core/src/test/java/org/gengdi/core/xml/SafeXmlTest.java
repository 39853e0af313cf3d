package org.gengdi.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

    /** A listener that counts connections: any connection means the parser reached out. */
    private ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private String base;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        base = "http://127.0.0.1:" + listener.getLocalPort();
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
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
    }

    /** Reads the whole document, as a consumer would. */
    private static void drain(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            r.next();
        }
    }

    private static XmlInputException refused(String xml) {
        Throwable[] caught = new Throwable[1];
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                drain(SafeXml.reader(xml));
            } catch (Throwable e) {
                caught[0] = e;
            }
        });
        assertThat(caught[0]).isInstanceOf(XmlInputException.class);
        return (XmlInputException) caught[0];
    }

    private void assertNoConnection() throws InterruptedException {
        Thread.sleep(150);
        assertThat(connections.get()).as("connections to the test listener").isZero();
    }

    @Test
    void externalEntityToAFileIsRefusedBeforeAnythingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("passwd");
        Files.writeString(secret, "root:x:0:0:SECRET");
        for (String target : new String[] {"file:///etc/passwd", secret.toUri().toString()}) {
            XmlInputException e = refused("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + target
                    + "\">]>\n<r>&xxe;</r>");
            assertThat(e.reason()).isEqualTo(XmlInputException.Reason.DOCTYPE);
            assertThat(e.getMessage()).contains("DOCTYPE").contains("line 2").doesNotContain("SECRET", "root:");
        }
    }

    @Test
    void externalEntityToAFifoNeverOpensIt(@TempDir Path dir) throws Exception {
        // Opening a FIFO for reading blocks until someone writes: a parser that tried would hang here.
        Path fifo = dir.resolve("fifo");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo not available");
        XmlInputException e = refused("<!DOCTYPE r [<!ENTITY x SYSTEM \"" + fifo.toUri() + "\">]><r>&x;</r>");
        assertThat(e.reason()).isEqualTo(XmlInputException.Reason.DOCTYPE);
    }

    @Test
    void externalEntityOverHttpIsRefusedWithoutAConnection() throws Exception {
        XmlInputException e = refused("<!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + base + "/secret\">]><r>&xxe;</r>");
        assertThat(e.reason()).isEqualTo(XmlInputException.Reason.DOCTYPE);
        assertNoConnection();
    }

    @Test
    void parameterEntityAndExternalDtdAreRefusedWithoutAConnection() throws Exception {
        // The out-of-band XXE classic: a parameter entity pulls in an attacker's DTD during DTD processing.
        assertThat(refused("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % remote SYSTEM \"" + base
                + "/evil.dtd\"> %remote; %send;]><r/>").reason()).isEqualTo(XmlInputException.Reason.DOCTYPE);
        assertThat(refused("<!DOCTYPE r SYSTEM \"" + base + "/schema.dtd\"><r/>").reason())
                .isEqualTo(XmlInputException.Reason.DOCTYPE);
        assertThat(refused("<!DOCTYPE r PUBLIC \"-//X//Y\" \"" + base + "/p.dtd\"><r/>").reason())
                .isEqualTo(XmlInputException.Reason.DOCTYPE);
        assertNoConnection();
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n<lolz>&lol9;</lolz>");
        long start = System.nanoTime();
        assertThat(refused(dtd.toString()).reason()).isEqualTo(XmlInputException.Reason.DOCTYPE);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void quadraticBlowupIsRefused() {
        String big = "a".repeat(50_000);
        String refs = "&a;".repeat(50_000);
        assertThat(refused("<!DOCTYPE r [<!ENTITY a \"" + big + "\">]><r>" + refs + "</r>").reason())
                .isEqualTo(XmlInputException.Reason.DOCTYPE);
    }

    @Test
    void undeclaredEntityIsMalformed() {
        XmlInputException e = refused("<r>&xxe;</r>");
        assertThat(e.reason()).isEqualTo(XmlInputException.Reason.MALFORMED);
        assertThat(e.getMessage()).contains("xxe");
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        int levels = 100_000;
        String xml = "<a>".repeat(levels) + "</a>".repeat(levels);
        XmlInputException e = refused(xml);
        assertThat(e.reason()).isEqualTo(XmlInputException.Reason.TOO_DEEP);
        assertThat(e.getMessage()).contains("deeper than the limit of 128");
        // The same as bytes, unclosed: refused on the way down.
        assertThatThrownBy(() -> drain(SafeXml.reader(new ByteArrayInputStream(
                "<a>".repeat(levels).getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(XmlInputException.class)
                .extracting(x -> ((XmlInputException) x).reason()).isEqualTo(XmlInputException.Reason.TOO_DEEP);
    }

    @Test
    void depthUpToTheLimitIsFine() throws Exception {
        SafeXml.Limits limits = SafeXml.Limits.DEFAULT.withMaxDepth(10);
        drain(SafeXml.reader("<a>".repeat(10) + "</a>".repeat(10), limits));
        assertThatThrownBy(() -> drain(SafeXml.reader("<a>".repeat(11) + "</a>".repeat(11), limits)))
                .isInstanceOf(XmlInputException.class);
    }

    @Test
    void endlessStreamStopsAtTheSizeLimit() {
        InputStream endless = new InputStream() {
            private final byte[] head = "<r>".getBytes(StandardCharsets.US_ASCII);
            private long n;

            @Override
            public int read() {
                return n < head.length ? head[(int) n++] : (n++ % 2 == 0 ? 'x' : ' ');
            }
        };
        SafeXml.Limits limits = SafeXml.Limits.DEFAULT.withMaxInput(1 << 20);
        Throwable[] caught = new Throwable[1];
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                drain(SafeXml.reader(endless, null, limits));
            } catch (Throwable e) {
                caught[0] = e;
            }
        });
        assertThat(caught[0]).isInstanceOf(XmlInputException.class)
                .hasMessageContaining("larger than the limit of 1048576 bytes");
        assertThat(((XmlInputException) caught[0]).reason()).isEqualTo(XmlInputException.Reason.TOO_LARGE);
    }

    @Test
    void sizeLimitForStringsAndReaders() throws Exception {
        SafeXml.Limits limits = SafeXml.Limits.DEFAULT.withMaxInput(100);
        String ok = "<r>" + "x".repeat(90) + "</r>";
        String big = "<r>" + "x".repeat(200) + "</r>";
        drain(SafeXml.reader(ok, limits));
        assertThatThrownBy(() -> SafeXml.reader(big, limits)).isInstanceOf(XmlInputException.class)
                .hasMessageContaining("larger than the limit of 100 characters");
        assertThatThrownBy(() -> drain(SafeXml.reader(new StringReader(big), limits)))
                .isInstanceOf(XmlInputException.class)
                .hasMessageContaining("larger than the limit of 100 characters");
        assertThatThrownBy(() -> drain(SafeXml.reader(new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)),
                null, limits))).isInstanceOf(XmlInputException.class)
                .hasMessageContaining("larger than the limit of 100 bytes");
    }

    @Test
    void attributeLimit() throws Exception {
        SafeXml.Limits limits = SafeXml.Limits.DEFAULT.withMaxAttributes(5);
        drain(SafeXml.reader("<r a='1' b='2' c='3' xmlns='urn:x' xmlns:p='urn:p'/>", limits));
        StringBuilder many = new StringBuilder("<r");
        for (int i = 0; i < 6; i++) {
            many.append(" a").append(i).append("='v'");
        }
        XmlInputException e = refusedWith(many.append("/>").toString(), limits);
        assertThat(e.reason()).isEqualTo(XmlInputException.Reason.TOO_MANY_ATTRIBUTES);
        assertThat(e.getMessage()).contains("<r>").contains("6 attributes").contains("limit of 5");
    }

    @Test
    void textLimitCoversSplitTextCommentsAndAttributes() throws Exception {
        SafeXml.Limits limits = SafeXml.Limits.DEFAULT.withMaxTextLength(100);
        drain(SafeXml.reader("<r><a>" + "x".repeat(100) + "</a><b>" + "y".repeat(100) + "</b></r>", limits));
        assertThat(refusedWith("<r>" + "x".repeat(101) + "</r>", limits).reason())
                .isEqualTo(XmlInputException.Reason.TEXT_TOO_LONG);
        assertThat(refusedWith("<r>" + "x".repeat(60) + "<!--c-->" + "<![CDATA[" + "y".repeat(60) + "]]></r>",
                limits).reason()).isEqualTo(XmlInputException.Reason.TEXT_TOO_LONG);
        assertThat(refusedWith("<r><!--" + "c".repeat(101) + "--></r>", limits).getMessage()).contains("comment");
        assertThat(refusedWith("<r a='" + "v".repeat(101) + "'/>", limits).getMessage()).contains("attribute a");
    }

    private static XmlInputException refusedWith(String xml, SafeXml.Limits limits) {
        try {
            drain(SafeXml.reader(xml, limits));
        } catch (XmlInputException e) {
            return e;
        } catch (XMLStreamException e) {
            throw new AssertionError("expected XmlInputException, got " + e, e);
        }
        throw new AssertionError("accepted: " + xml.substring(0, Math.min(60, xml.length())));
    }

    @Test
    void malformedXmlIsReportedWithItsPosition() {
        XmlInputException e = refused("<r>\n<a></b></r>");
        assertThat(e.reason()).isEqualTo(XmlInputException.Reason.MALFORMED);
        assertThat(e.getMessage()).startsWith("malformed XML").contains("2");
        assertThat(refused("").reason()).isEqualTo(XmlInputException.Reason.MALFORMED);
        assertThat(refused("<r>").reason()).isEqualTo(XmlInputException.Reason.MALFORMED);
    }

    @Test
    void ordinaryDocumentsReadNormally() throws Exception {
        XMLStreamReader r = SafeXml.reader("<?xml version=\"1.0\"?>\n<!-- a comment -->\n"
                + "<wfs:Query xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" typeNames=\"YJJBNTBHTB\">\n"
                + "  <wfs:Name>a &amp; b &lt; c &#x4E2D;<![CDATA[<d>]]></wfs:Name>\n"
                + "  <?pi data?><wfs:Empty/>\n"
                + "</wfs:Query>");
        assertThat(r.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT);
        assertThat(r.getNamespaceURI()).isEqualTo("http://www.opengis.net/wfs/2.0");
        assertThat(r.getAttributeValue(null, "typeNames")).isEqualTo("YJJBNTBHTB");
        r.nextTag();
        assertThat(r.getElementText()).isEqualTo("a & b < c 中<d>");
        assertThat(r.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("Empty");
        assertThat(r.nextTag()).isEqualTo(XMLStreamReader.END_ELEMENT);
        assertThat(r.nextTag()).isEqualTo(XMLStreamReader.END_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("Query");
        assertThatThrownBy(() -> SafeXml.reader("<r><a>text<b/></a></r>").getElementText())
                .isInstanceOf(XMLStreamException.class);
        XMLStreamReader mixed = SafeXml.reader("<r>text<b/></r>");
        mixed.nextTag();
        assertThatThrownBy(mixed::nextTag).isInstanceOf(XMLStreamException.class).hasMessageContaining("text");
    }

    @Test
    void encodingsFromTheDeclarationOrTheCaller() throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"GBK\"?><r>永久基本农田</r>";
        XMLStreamReader r = SafeXml.reader(new ByteArrayInputStream(doc.getBytes(Charset.forName("GBK"))));
        r.nextTag();
        assertThat(r.getElementText()).isEqualTo("永久基本农田");
        byte[] utf16 = "<r>耕地</r>".getBytes(StandardCharsets.UTF_16LE);
        r = SafeXml.reader(new ByteArrayInputStream(utf16), "UTF-16LE", SafeXml.Limits.DEFAULT);
        r.nextTag();
        assertThat(r.getElementText()).isEqualTo("耕地");
    }

    @Test
    void guardHoldsAnEmbeddedElementToItsOwnLimits() throws Exception {
        SafeXml.Limits limits = SafeXml.Limits.DEFAULT.withMaxDepth(3).withMaxInput(200);
        XMLStreamReader outer = SafeXml.reader("<req><w><f><a><b/></a></f><after/></w></req>");
        outer.nextTag();
        outer.nextTag();
        outer.nextTag();
        XMLStreamReader g = SafeXml.guard(outer, limits);
        drainElement(g);
        assertThat(outer.getLocalName()).isEqualTo("f");
        assertThat(outer.nextTag()).isEqualTo(XMLStreamReader.START_ELEMENT);
        assertThat(outer.getLocalName()).isEqualTo("after");

        XMLStreamReader deep = SafeXml.reader("<req><f><a><b><c/></b></a></f></req>");
        deep.nextTag();
        deep.nextTag();
        XMLStreamReader gd = SafeXml.guard(deep, limits);
        assertThatThrownBy(() -> drainElement(gd)).isInstanceOf(XmlInputException.class)
                .hasMessageContaining("deeper than the limit of 3");

        XMLStreamReader big = SafeXml.reader("<req><f>" + "<a>xxxxxxxxxx</a>".repeat(20) + "</f></req>");
        big.nextTag();
        big.nextTag();
        XMLStreamReader gb = SafeXml.guard(big, limits);
        assertThatThrownBy(() -> drainElement(gb)).isInstanceOf(XmlInputException.class)
                .hasMessageContaining("larger than the limit of 200 characters");
        assertThatThrownBy(() -> SafeXml.guard(SafeXml.reader("<r/>"), limits))
                .isInstanceOf(IllegalStateException.class);
    }

    private static void drainElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            depth += e == XMLStreamReader.START_ELEMENT ? 1 : e == XMLStreamReader.END_ELEMENT ? -1 : 0;
        }
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new SafeXml.Limits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafeXml.Limits.DEFAULT.withMaxDepth(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
