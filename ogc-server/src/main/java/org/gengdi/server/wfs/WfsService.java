package org.gengdi.server.wfs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsRequest;
import org.gengdi.server.ows.OwsService;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;

/**
 * The Web Feature Service, version 2.0.0 (2.0.2 accepted as the same), KVP encoding: GetCapabilities,
 * DescribeFeatureType, GetFeature, ListStoredQueries and DescribeStoredQueries. WFS 1.1.0 and 1.0.0 are refused with VersionNegotiationFailed until they
 * arrive.
 */
public final class WfsService implements OwsService {
    /** The XML prefix of Gengdi's feature types. */
    static final String PREFIX = PublishedLayer.PREFIX;
    /** The XML namespace of Gengdi's feature types. */
    static final String NAMESPACE = "http://gengdi.org/farmland";
    static final String VERSION = "2.0.0";
    private static final List<String> ACCEPTED = List.of("2.0.0", "2.0.2");

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
        switch (operation.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> {
                negotiate(kvp);
                WfsCapabilities.write(layers, encoders, request.serviceUrl(), response);
            }
            case "describefeaturetype" -> {
                checkVersion(kvp);
                DescribeFeatureTypeOperation.run(layers, kvp, response);
            }
            case "getfeature" -> {
                checkVersion(kvp);
                getFeature.run(request, response);
            }
            case "liststoredqueries" -> {
                checkVersion(kvp);
                StoredQueries.list(layers, response);
            }
            case "describestoredqueries" -> {
                checkVersion(kvp);
                StoredQueries.describe(layers, kvp, response);
            }
            default -> throw new OwsException(OwsException.Code.OperationNotSupported, "request",
                    "WFS " + operation + " is not available; this server answers GetCapabilities, "
                            + "DescribeFeatureType, GetFeature, ListStoredQueries and DescribeStoredQueries");
        }
    }

    /** GetCapabilities: ACCEPTVERSIONS (or an old-style VERSION) must allow 2.0.0. */
    private static void negotiate(KvpRequest kvp) {
        String accept = kvp.get("acceptversions");
        if (accept != null) {
            for (String v : accept.split(",")) {
                if (ACCEPTED.contains(v.strip())) {
                    return;
                }
            }
            throw new OwsException(OwsException.Code.VersionNegotiationFailed, "acceptVersions",
                    "none of the versions " + accept + " is supported; this server offers WFS 2.0.0 "
                            + "(WFS 1.1.0 and 1.0.0 are not available yet)");
        }
        String version = kvp.get("version");
        if (version != null && !ACCEPTED.contains(version)) {
            throw new OwsException(OwsException.Code.VersionNegotiationFailed, "version",
                    "WFS " + version + " is not supported; this server offers WFS 2.0.0 "
                            + "(WFS 1.1.0 and 1.0.0 are not available yet)");
        }
    }

    /** Other operations: VERSION 2.0.0 / 2.0.2; a missing VERSION is taken as 2.0.0, as most servers do. */
    private static void checkVersion(KvpRequest kvp) {
        String version = kvp.get("version");
        if (version != null && !ACCEPTED.contains(version)) {
            throw new OwsException(OwsException.Code.InvalidParameterValue, "version",
                    "WFS " + version + " is not supported; use VERSION=2.0.0 "
                            + "(WFS 1.1.0 and 1.0.0 are not available yet)");
        }
    }
}
