package org.gengdi.server.wfs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.server.encode.FeatureTypeSchema;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;

/**
 * DescribeFeatureType: the GML application schema of the named types (TYPENAMES or TYPENAME, one or more) or of all,
 * without personal fields — GML 3.2 for WFS 2.0, GML 3.1.1 for 1.1, GML 2 for 1.0.
 */
final class DescribeFeatureTypeOperation {
    private static final Set<String> GML31 = Set.of("text/xml;subtype=gml/3.1.1", "text/xml;subtype=\"gml/3.1.1\"",
            "text/xml;subtype=gml/3.1", "application/gml+xml;version=3.1", "gml3", "gml31", "xmlschema", "text/xml",
            "application/xml");
    private static final Set<String> GML2 = Set.of("xmlschema", "text/xml;subtype=gml/2.1.2", "text/xml", "gml2",
            "application/xml");
    private static final Set<String> GML32 = Set.of("application/gml+xml;version=3.2", "application/gml+xml;version=3.2.1",
            "text/xml;subtype=gml/3.2", "text/xml;subtype=gml/3.2.1", "text/xml;subtype=\"gml/3.2\"",
            "text/xml;subtype=\"gml/3.2.1\"", "gml32", "xmlschema", "text/xml", "application/xml");

    private DescribeFeatureTypeOperation() {
    }

    /** The media type of the answer in a WFS version. */
    static String mime(WfsVersion version) {
        return switch (version) {
            case V2_0_0 -> "application/gml+xml; version=3.2";
            case V1_1_0 -> "text/xml; subtype=gml/3.1.1";
            case V1_0_0 -> "text/xml";
        };
    }

    static void run(WfsVersion version, WfsLayers layers, KvpRequest kvp, HttpServletResponse response)
            throws IOException {
        String format = kvp.get("outputformat");
        Set<String> accepted = switch (version) {
            case V2_0_0 -> GML32;
            case V1_1_0 -> GML31;
            case V1_0_0 -> GML2;
        };
        if (format != null && !accepted.contains(format.replace(" ", "").toLowerCase(Locale.ROOT))) {
            throw new OwsException(OwsException.Code.InvalidParameterValue, "outputFormat",
                    "unsupported outputFormat '" + format + "'; DescribeFeatureType of WFS " + version.text()
                            + " answers " + mime(version));
        }
        String names = kvp.get("typenames") != null ? kvp.get("typenames") : kvp.get("typename");
        String locator = kvp.get("typenames") != null ? "typeNames" : "typeName";
        List<FeatureType> types = new ArrayList<>();
        if (names == null) {
            layers.all().forEach(t -> types.add(t.visible()));
        } else {
            for (String n : WfsLayers.list(names)) {
                types.add(layers.require(n, locator).visible());
            }
        }
        response.setStatus(200);
        response.setContentType(mime(version));
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        FeatureTypeSchema.write(types, version.gml(), WfsService.PREFIX, WfsService.NAMESPACE, out);
    }
}
