package org.gengdi.server.wms;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsDefinition;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.server.encode.XmlOutput;
import org.gengdi.server.ows.PublishedLayers.LayerSummary;
import org.locationtech.jts.geom.Envelope;

/**
 * The WMS capabilities document, 1.3.0 (XML Schema) or 1.1.1 (DTD): one root layer "耕地保护图层" holding every
 * published layer (queryable, with its Chinese title, styles and legend URLs); CRSs EPSG:4490, 4326, 3857, CRS:84
 * (1.3.0) and the CGCS2000 Gauss-Krüger codes, listed once on the root and inherited; geographic and per-CRS
 * bounding boxes in each version's axis order.
 */
final class WmsCapabilities {
    static final String WMS = "http://www.opengis.net/wms";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** The CRSs every layer is offered in, besides the CGCS2000 Gauss-Krüger codes. */
    static final List<Integer> MAIN_CRS = List.of(4490, 4326, 3857);

    private final XMLStreamWriter w;
    private final WmsVersion version;
    private final String url;
    private final WmsLimits limits;
    private final WmsStyles styles;

    private WmsCapabilities(XMLStreamWriter w, WmsVersion version, String url, WmsLimits limits, WmsStyles styles) {
        this.w = w;
        this.version = version;
        this.url = url;
        this.limits = limits;
        this.styles = styles;
    }

    /** Every CRS code offered: the main ones, then all CGCS2000 Gauss-Krüger zones. */
    static List<Integer> offeredCrs() {
        List<Integer> out = new ArrayList<>(MAIN_CRS);
        for (CrsDefinition d : CrsRegistry.get().all()) {
            if (!out.contains(d.srid())) {
                out.add(d.srid());
            }
        }
        return out;
    }

    static void write(WmsVersion version, String url, List<LayerSummary> layers, long updateSequence,
                      WmsLimits limits, WmsStyles styles, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(version == WmsVersion.V1_3_0 ? "text/xml;charset=UTF-8"
                : "application/vnd.ogc.wms_xml;charset=UTF-8");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 16384);
        try {
            XMLStreamWriter w = XmlOutput.open(out);
            new WmsCapabilities(w, version, url, limits, styles).document(layers, updateSequence);
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing the WMS capabilities failed: " + e.getMessage(), e);
        }
        out.flush();
    }

    private boolean v13() {
        return version == WmsVersion.V1_3_0;
    }

    private void document(List<LayerSummary> layers, long updateSequence) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        if (v13()) {
            w.setDefaultNamespace(WMS);
            w.setPrefix("xlink", XLINK);
            w.writeStartElement(WMS, "WMS_Capabilities");
            w.writeDefaultNamespace(WMS);
            w.writeNamespace("xlink", XLINK);
            w.writeNamespace("xsi", XSI);
            w.writeAttribute(XSI, "schemaLocation", WMS + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd");
        } else {
            w.writeDTD("<!DOCTYPE WMT_MS_Capabilities SYSTEM "
                    + "\"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\">");
            w.writeStartElement("WMT_MS_Capabilities");
        }
        w.writeAttribute("version", version.text());
        w.writeAttribute("updateSequence", Long.toString(updateSequence));
        service();
        start("Capability");
        request();
        start("Exception");
        for (String f : v13() ? List.of("XML", "INIMAGE", "BLANK")
                : List.of("application/vnd.ogc.se_xml", "application/vnd.ogc.se_inimage", "application/vnd.ogc.se_blank")) {
            text("Format", f);
        }
        w.writeEndElement();
        rootLayer(layers);
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
    }

    private void start(String local) throws XMLStreamException {
        if (v13()) {
            w.writeStartElement(WMS, local);
        } else {
            w.writeStartElement(local);
        }
    }

    private void empty(String local) throws XMLStreamException {
        if (v13()) {
            w.writeEmptyElement(WMS, local);
        } else {
            w.writeEmptyElement(local);
        }
    }

    private void service() throws XMLStreamException {
        start("Service");
        text("Name", v13() ? "WMS" : "OGC:WMS");
        text("Title", "耕地保护地图服务 Gengdi Web Map Service");
        text("Abstract", "永久基本农田保护红线、储备区、耕地、生态保护红线与城镇开发边界地图服务（不含个人信息）。"
                + " Farmland protection maps; personal fields are not published.");
        start("KeywordList");
        for (String k : List.of("耕地", "永久基本农田", "WMS", "farmland")) {
            text("Keyword", k);
        }
        w.writeEndElement();
        onlineResource(url);
        text("Fees", "none");
        text("AccessConstraints", "none");
        if (v13()) {
            text("LayerLimit", Integer.toString(limits.maxLayers()));
            text("MaxWidth", Integer.toString(limits.maxWidth()));
            text("MaxHeight", Integer.toString(limits.maxHeight()));
        }
        w.writeEndElement();
    }

    private void request() throws XMLStreamException {
        start("Request");
        operation("GetCapabilities", List.of(v13() ? "text/xml" : "application/vnd.ogc.wms_xml"));
        operation("GetMap", WmsFormats.MAP_FORMATS);
        operation("GetFeatureInfo", WmsFormats.INFO_FORMATS);
        if (!v13()) {
            // 1.1.1 lists it among the requests (SLD 1.0 profile); 1.3.0 would need the SLD extension schema
            operation("GetLegendGraphic", List.of("image/png"));
        }
        w.writeEndElement();
    }

    private void operation(String name, List<String> formats) throws XMLStreamException {
        start(name);
        for (String f : formats) {
            text("Format", f);
        }
        start("DCPType");
        start("HTTP");
        start("Get");
        onlineResource(url + "?");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndElement();
    }

    private void onlineResource(String href) throws XMLStreamException {
        empty("OnlineResource");
        if (!v13()) {
            w.writeNamespace("xlink", XLINK); // the 1.1.1 DTD declares xlink on each OnlineResource
        }
        w.writeAttribute("xlink", XLINK, "type", "simple");
        w.writeAttribute("xlink", XLINK, "href", href);
    }

    private void rootLayer(List<LayerSummary> layers) throws XMLStreamException {
        start("Layer");
        text("Title", "耕地保护图层 Gengdi farmland layers");
        for (int srid : offeredCrs()) {
            text(v13() ? "CRS" : "SRS", "EPSG:" + srid);
        }
        if (v13()) {
            text("CRS", "CRS:84");
        }
        Envelope all = new Envelope();
        for (LayerSummary l : layers) {
            Envelope g = wgs84(l);
            if (g != null) {
                all.expandToInclude(g);
            }
        }
        if (!all.isNull()) {
            geographicBox(all);
            for (int srid : MAIN_CRS) {
                boundingBox(srid, CrsRegistry.get().transform(4326, srid).transform(all));
            }
        }
        for (LayerSummary l : layers) {
            layer(l);
        }
        w.writeEndElement();
    }

    private void layer(LayerSummary l) throws XMLStreamException {
        start("Layer");
        w.writeAttribute("queryable", "1");
        text("Name", l.name());
        text("Title", l.title());
        text("Abstract", l.title() + " (" + l.name() + ", " + l.featureCount() + " 个图斑 features)");
        Envelope g = wgs84(l);
        if (g != null) {
            geographicBox(g);
            // the layer's own boxes in the main CRSs: without them a layer inherits the root's (the whole county),
            // and QGIS then reads that as the layer's extent
            for (int srid : MAIN_CRS) {
                if (srid != l.srid()) {
                    boundingBox(srid, CrsRegistry.get().transform(4326, srid).transform(g));
                }
            }
            boundingBox(l.srid(), l.bounds());
        }
        for (WmsStyles.Entry s : styles.of(l.name())) {
            start("Style");
            text("Name", s.name());
            text("Title", s.title());
            start("LegendURL");
            w.writeAttribute("width", Integer.toString(s.legendWidth()));
            w.writeAttribute("height", Integer.toString(s.legendHeight()));
            text("Format", "image/png");
            onlineResource(url + "?SERVICE=WMS&REQUEST=GetLegendGraphic&VERSION=" + version.text()
                    + "&FORMAT=image%2Fpng&LAYER=" + enc(l.name()) + "&STYLE=" + enc(s.name()));
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void geographicBox(Envelope g) throws XMLStreamException {
        if (v13()) {
            w.writeStartElement(WMS, "EX_GeographicBoundingBox");
            text("westBoundLongitude", num(g.getMinX()));
            text("eastBoundLongitude", num(g.getMaxX()));
            text("southBoundLatitude", num(g.getMinY()));
            text("northBoundLatitude", num(g.getMaxY()));
            w.writeEndElement();
        } else {
            w.writeEmptyElement("LatLonBoundingBox");
            w.writeAttribute("minx", num(g.getMinX()));
            w.writeAttribute("miny", num(g.getMinY()));
            w.writeAttribute("maxx", num(g.getMaxX()));
            w.writeAttribute("maxy", num(g.getMaxY()));
        }
    }

    /** A box in a CRS, x/y as the version orders them: 1.3.0 EPSG order (4490: latitude first), 1.1.1 east first. */
    private void boundingBox(int srid, Envelope e) throws XMLStreamException {
        AxisOrder order = v13() ? CrsRegistry.get().byEpsg(srid).axisOrder() : AxisOrder.EAST_NORTH;
        double[] b = CrsRegistry.bbox(e, order);
        empty("BoundingBox");
        w.writeAttribute(v13() ? "CRS" : "SRS", "EPSG:" + srid);
        w.writeAttribute("minx", num(b[0]));
        w.writeAttribute("miny", num(b[1]));
        w.writeAttribute("maxx", num(b[2]));
        w.writeAttribute("maxy", num(b[3]));
    }

    private static Envelope wgs84(LayerSummary l) {
        Envelope b = l.bounds();
        if (b == null || b.isNull()) {
            return null;
        }
        return l.srid() == 4326 ? b : CrsRegistry.get().transform(l.srid(), 4326).transform(b);
    }

    private void text(String local, String value) throws XMLStreamException {
        start(local);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.8f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
