package org.gengdi.server.wms;

import java.util.List;

/** The formats WMS answers in. */
final class WmsFormats {
    static final String PNG = "image/png";
    static final String PNG8 = "image/png; mode=8bit";
    static final String JPEG = "image/jpeg";
    static final List<String> MAP_FORMATS = List.of(PNG, PNG8, JPEG);

    static final String TEXT = "text/plain";
    static final String HTML = "text/html";
    static final String JSON = "application/json";
    static final String GML = "application/vnd.ogc.gml";
    static final List<String> INFO_FORMATS = List.of(TEXT, HTML, JSON, GML, "application/vnd.ogc.gml/3.1.1");

    private WmsFormats() {
    }
}
