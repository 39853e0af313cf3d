package org.gengdi.server.wfs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsRequest;
import org.gengdi.server.ows.OwsService;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.ows.XmlPost;

/**
 * The Web Feature Service: versions 2.0.0 (2.0.2 answered as 2.0.0), 1.1.0 and 1.0.0, over KVP (GET or form POST)
 * and XML (POST). GetCapabilities, DescribeFeatureType and GetFeature in every version; GetPropertyValue,
 * ListStoredQueries and DescribeStoredQueries in 2.0.
 */
public final class WfsService implements OwsService {
    /** The XML prefix of Gengdi's feature types. */
    static final String PREFIX = PublishedLayer.PREFIX;
    /** The XML namespace of Gengdi's feature types. */
    static final String NAMESPACE = "http://gengdi.org/farmland";
    static final String VERSION = "2.0.0";

    private final WfsLayers layers;
    private final FeatureEncoders encoders;
    private final GetFeatureOperation getFeature;

    public WfsService(PublishedLayers layers, FeatureEncoders encoders) {
        this.layers = new WfsLayers(layers);
        this.encoders = encoders;
        this.getFeature = new GetFeatureOperation(this.layers, encoders);
    }

    @Override
    public String name() {
        return "WFS";
    }

    @Override
    public String defaultVersion() {
        return VERSION;
    }

    @Override
    public void handle(OwsRequest request, HttpServletResponse response) throws IOException {
        KvpRequest kvp = request.kvp();
        String operation = kvp.require("request");
        if (operation.equalsIgnoreCase("GetCapabilities")) {
            WfsVersion version = WfsVersion.negotiate(kvp.get("acceptversions"), kvp.get("version"));
            long sequence = layers.summaries().checkUpdateSequence(kvp.get("updatesequence"));
            WfsCapabilities.write(version, layers, encoders, request.serviceUrl(), sequence,
                    WfsCapabilities.sections(kvp.get("sections")), response);
            return;
        }
        WfsVersion version = WfsVersion.require(kvp.get("version"));
        switch (operation.toLowerCase(Locale.ROOT)) {
            case "describefeaturetype" -> DescribeFeatureTypeOperation.run(version, layers, kvp, response);
            case "getfeature" -> getFeature.run(version, request, response);
            case "getpropertyvalue" -> {
                only20(version, operation);
                getFeature.runPropertyValue(request, response);
            }
            case "liststoredqueries" -> {
                only20(version, operation);
                StoredQueries.list(layers, response);
            }
            case "describestoredqueries" -> {
                only20(version, operation);
                StoredQueries.describe(layers, kvp, response);
            }
            default -> throw new OwsException(OwsException.Code.OperationNotSupported, "request",
                    "WFS " + operation + " is not available; this server answers GetCapabilities, "
                            + "DescribeFeatureType, GetFeature, GetPropertyValue, ListStoredQueries and "
                            + "DescribeStoredQueries");
        }
    }

    @Override
    public void handleXml(XmlPost post, HttpServletResponse response) throws IOException {
        handle(new OwsRequest(WfsXmlRequest.read(post), post.serviceUrl()), response);
    }
    private static void only20(WfsVersion version, String operation) {
        if (version != WfsVersion.V2_0_0) {
            throw new OwsException(OwsException.Code.OperationNotSupported, "request",
                    operation + " is a WFS 2.0 operation; use VERSION=2.0.0");
        }
    }
}
