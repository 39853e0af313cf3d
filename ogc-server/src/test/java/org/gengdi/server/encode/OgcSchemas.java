package org.gengdi.server.encode;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.gengdi.core.feature.FeatureType;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The official OGC schemas (jar {@code org.jvnet.ogc:ogc-schemas}, a copy of schemas.opengis.net under {@code ogc/})
 * and the W3C ones ({@code org.hisrc.w3c:w3c-schemas}: xlink, xml) from the test class path, so validation never
 * touches the network: every {@code http://schemas.opengis.net/…} and {@code http://www.w3.org/…} location is
 * answered from the jars, anything else fails.
 */
public final class OgcSchemas {
    static final String APP_SCHEMA_LOCATION = "http://gengdi.test/schemas/describe-feature-type.xsd";

    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private OgcSchemas() {
    }

    /** The WFS response schema of the GML version together with the application schema of the type. */
    public static Schema wfsWith(GmlVersion version, FeatureType type) {
        return CACHE.computeIfAbsent(version + "/" + type, k -> {
            String app = FeatureTypeSchema.toString(List.of(type), version, FeatureCollectionInfo.DEFAULT_PREFIX,
                    FeatureCollectionInfo.DEFAULT_NAMESPACE);
            return compile(official(version.wfsSchemaLocation()), new StreamSource(new StringReader(app),
                    APP_SCHEMA_LOCATION));
        });
    }

    /** A schema compiled from sources, imports resolved from the jars. */
    public static Schema compile(Source... sources) {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver(new JarResolver());
        try {
            return f.newSchema(sources);
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("schema does not compile: " + e.getMessage(), e);
        }
    }

    /** An official schema by its URL, read from the jar. */
    public static StreamSource official(String url) {
        return new StreamSource(open(url), url);
    }

    /** Validates, collecting every error and warning (an empty list: valid). */
    public static List<String> validate(Schema schema, byte[] document) {
        List<String> problems = new ArrayList<>();
        Validator v = schema.newValidator();
        v.setResourceResolver(new JarResolver());
        v.setErrorHandler(new ErrorHandler() {
            public void warning(SAXParseException e) {
                problems.add("warning " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            public void error(SAXParseException e) {
                problems.add("error " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            public void fatalError(SAXParseException e) {
                problems.add("fatal " + e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        try {
            v.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (Exception e) {
            problems.add("failed: " + e.getMessage());
        }
        return problems;
    }

    /** The class path resource holding a schema URL. */
    static String resourceOf(String url) {
        if (url.startsWith("http://schemas.opengis.net/")) {
            return "ogc/" + url.substring("http://schemas.opengis.net/".length());
        }
        if (url.equals("http://www.w3.org/1999/xlink.xsd")) {
            return "w3c/1999/xlink.xsd";
        }
        if (url.equals("http://www.w3.org/2001/xml.xsd") || url.equals("http://www.w3.org/2001/03/xml.xsd")) {
            return "w3c/2001/xml.xsd";
        }
        throw new IllegalArgumentException("no offline copy of " + url + " (the tests never go to the network)");
    }

    private static InputStream open(String url) {
        String resource = resourceOf(url);
        InputStream in = OgcSchemas.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing on the class path: " + resource + " for " + url);
        }
        return in;
    }

    /** Answers schema imports and includes from the jars. */
    private static final class JarResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespaceUri, String publicId, String systemId,
                                       String baseUri) {
            if (systemId == null) {
                return null;
            }
            String url = baseUri == null ? systemId : URI.create(baseUri).resolve(systemId).normalize().toString();
            return new Input(url, publicId, open(url));
        }
    }

    /** A resolved schema document. */
    private record Input(String systemId, String publicId, InputStream byteStream) implements LSInput {
        public String getSystemId() {
            return systemId;
        }

        public String getPublicId() {
            return publicId;
        }

        public InputStream getByteStream() {
            return byteStream;
        }

        public Reader getCharacterStream() {
            return null;
        }

        public String getStringData() {
            return null;
        }

        public String getBaseURI() {
            return systemId;
        }

        public String getEncoding() {
            return null;
        }

        public boolean getCertifiedText() {
            return false;
        }

        public void setCharacterStream(Reader r) {
        }

        public void setByteStream(InputStream in) {
        }

        public void setStringData(String s) {
        }

        public void setSystemId(String s) {
        }

        public void setPublicId(String s) {
        }

        public void setBaseURI(String s) {
        }

        public void setEncoding(String s) {
        }

        public void setCertifiedText(boolean b) {
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
