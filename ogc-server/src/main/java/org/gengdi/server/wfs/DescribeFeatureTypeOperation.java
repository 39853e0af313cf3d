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
import org.gengdi.server.encode.GmlVersion;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;

/**
 * DescribeFeatureType: the GML 3.2 application schema of the named types (TYPENAMES or TYPENAME, one or more) or of
 * all, without personal fields.
 */
final class DescribeFeatureTypeOperation {
    static final String MIME = "application/gml+xml; version=3.2";
    private static final Set<String> GML32 = Set.of("application/gml+xml;version=3.2", "application/gml+xml;version=3.2.1",
            "text/xml;subtype=gml/3.2", "text/xml;subtype=gml/3.2.1", "text/xml;subtype=\"gml/3.2\"",
            "text/xml;subtype=\"gml/3.2.1\"", "gml32", "xmlschema", "text/xml", "application/xml");

    private DescribeFeatureTypeOperation() {
    }

    static void run(WfsLayers layers, KvpRequest kvp, HttpServletResponse response) throws IOException {
        String format = kvp.get("outputformat");
        if (format != null && !GML32.contains(format.replace(" ", "").toLowerCase(Locale.ROOT))) {
            throw new OwsException(OwsException.Code.InvalidParameterValue, "outputFormat",
                    "unsupported outputFormat '" + format + "'; DescribeFeatureType answers " + MIME);
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
        response.setContentType(MIME);
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        FeatureTypeSchema.write(types, GmlVersion.GML_3_2, WfsService.PREFIX, WfsService.NAMESPACE, out);
    }
}
