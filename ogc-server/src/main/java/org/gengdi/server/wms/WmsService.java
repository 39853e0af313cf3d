package org.gengdi.server.wms;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.OwsRequest;
import org.gengdi.server.ows.OwsService;
import org.gengdi.server.ows.PublishedLayers;

/**
 * The Web Map Service, versions 1.3.0 and 1.1.1 (1.1.0 answered as 1.1.1): GetCapabilities, GetMap,
 * GetFeatureInfo and GetLegendGraphic. Errors are WMS ServiceExceptionReports of the version asked for; GetMap
 * errors may instead be drawn into the image (EXCEPTIONS=INIMAGE) or give an empty one (BLANK).
 */
public final class WmsService implements OwsService {
    private final PublishedLayers layers;
    private final WmsLimits limits;
    private final WmsStyles styles;
    private final GetFeatureInfoOperation featureInfo;
    private final GetMapOperation getMap;

    public WmsService(PublishedLayers layers) {
        this.layers = layers;
        this.limits = WmsLimits.defaults();
        this.styles = new WmsStyles(layers);
        this.featureInfo = new GetFeatureInfoOperation(layers, limits);
        this.getMap = new GetMapOperation(layers, limits, styles);
    }

    @Override
    public String name() {
        return "WMS";
    }

    @Override
    public String defaultVersion() {
        return "1.3.0";
    }

    @Override
    public void handle(OwsRequest request, HttpServletResponse response) throws IOException {
        KvpRequest kvp = request.kvp();
        String operation = kvp.require("request");
        String versionText = kvp.get("version") != null ? kvp.get("version") : kvp.get("wmtver");
        switch (operation.toLowerCase(Locale.ROOT)) {
            case "getcapabilities", "capabilities" -> {
                WmsVersion v = WmsVersion.of(versionText, true);
                long sequence = layers.checkUpdateSequence(kvp.get("updatesequence"));
                WmsCapabilities.write(v, request.serviceUrl(), layers.summaries(), sequence, limits, styles,
                        response);
            }
            case "getmap", "map" -> getMap.run(WmsVersion.of(versionText, false), kvp, response);
            case "getfeatureinfo", "feature_info" -> featureInfo.run(WmsVersion.of(versionText, false), kvp,
                    response);
            case "getlegendgraphic" -> getMap.legend(kvp, response);
            default -> throw new OwsException(Code.OperationNotSupported, "request", "WMS " + operation
                    + " is not available; this server answers GetCapabilities, GetMap, GetFeatureInfo and "
                    + "GetLegendGraphic");
        }
    }
    @Override
    public Report exceptionReport(OwsException e, KvpRequest request) {
        WmsVersion v;
        try {
            String version = request.get("version") != null ? request.get("version") : request.get("wmtver");
            v = WmsVersion.of(version, true);
        } catch (OwsException bad) {
            v = WmsVersion.V1_3_0;
        }
        return new Report(ServiceExceptionWriter.contentType(v),
                ServiceExceptionWriter.write(e, v).getBytes(StandardCharsets.UTF_8));
    }
}
