package org.gengdi.server.wmts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gengdi.core.crs.AxisOrder;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.server.encode.XmlOutput;
import org.gengdi.server.ows.PublishedLayers.LayerSummary;
import org.gengdi.server.wmts.TileMatrixSet.TileMatrix;
import org.locationtech.jts.geom.Envelope;

/**
 * The WMTS 1.0.0 capabilities document (OWS Common 1.1): every published layer with its Chinese title, WGS 84
 * box, the default style, PNG and JPEG, a link to each tile matrix set with the limits of the layer's extent, and
 * RESTful ResourceURL templates; then the tile matrix sets. Operations are advertised as KVP; the RESTful
 * capabilities URL is the ServiceMetadataURL.
 */
final class WmtsCapabilities {
    static final String WMTS = "http://www.opengis.net/wmts/1.0";
    static final String OWS = "http://www.opengis.net/ows/1.1";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String SCHEMA = "http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd";

    private final XMLStreamWriter w;
    private final String kvpUrl;
    private final String restRoot;
    private final TileMatrixSets sets;

    private WmtsCapabilities(XMLStreamWriter w, String kvpUrl, String restRoot, TileMatrixSets sets) {
        this.w = w;
        this.kvpUrl = kvpUrl;
        this.restRoot = restRoot;
        this.sets = sets;
    }

    /**
     * Writes the document.
     *
     * @param kvpUrl   the KVP endpoint ({@code http://host/wmts})
     * @param restRoot the RESTful root ({@code http://host/wmts/1.0.0})
     */
    static void write(String kvpUrl, String restRoot, List<LayerSummary> layers, TileMatrixSets sets,
                      HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType("application/xml;charset=UTF-8");
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 16384);
        try {
            XMLStreamWriter w = XmlOutput.open(out);
            new WmtsCapabilities(w, kvpUrl, restRoot, sets).document(layers);
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("writing the WMTS capabilities failed: " + e.getMessage(), e);
        }
        out.flush();
    }

    private void document(List<LayerSummary> layers) throws XMLStreamException {
        w.writeStartDocument("UTF-8", "1.0");
        w.writeStartElement("", "Capabilities", WMTS);
        w.writeDefaultNamespace(WMTS);
        w.writeNamespace("ows", OWS);
        w.writeNamespace("xlink", XLINK);
        w.writeNamespace("xsi", XSI);
        w.writeAttribute("xsi", XSI, "schemaLocation", WMTS + " " + SCHEMA);
        w.writeAttribute("version", "1.0.0");
        identification();
        provider();
        operations();
        w.writeStartElement(WMTS, "Contents");
        for (LayerSummary l : layers) {
            layer(l);
        }
        for (TileMatrixSet s : sets.all()) {
            matrixSet(s);
        }
        w.writeEndElement();
        w.writeStartElement(WMTS, "ServiceMetadataURL");
        w.writeAttribute("xlink", XLINK, "href", restRoot + "/WMTSCapabilities.xml");
        w.writeEndElement();
        w.writeEndElement();
        w.writeEndDocument();
    }

    private void identification() throws XMLStreamException {
        w.writeStartElement(OWS, "ServiceIdentification");
        ows("Title", "Gengdi 耕地保护 WMTS");
        ows("Abstract", "永久基本农田保护红线、储备区、耕地、生态保护红线与城镇开发边界的地图瓦片 — map tiles of the "
                + "permanent basic farmland protection red line and related farmland-protection layers.");
        w.writeStartElement(OWS, "Keywords");
        for (String k : List.of("耕地保护", "永久基本农田", "WMTS", "farmland protection")) {
            ows("Keyword", k);
        }
        w.writeEndElement();
        ows("ServiceType", "OGC WMTS");
        ows("ServiceTypeVersion", "1.0.0");
        ows("Fees", "NONE");
        ows("AccessConstraints", "NONE");
        w.writeEndElement();
    }

    private void provider() throws XMLStreamException {
        w.writeStartElement(OWS, "ServiceProvider");
        ows("ProviderName", "Gengdi 耕地");
        w.writeStartElement(OWS, "ServiceContact");
        ows("IndividualName", "Gengdi");
        w.writeEndElement();
        w.writeEndElement();
    }

    private void operations() throws XMLStreamException {
        w.writeStartElement(OWS, "OperationsMetadata");
        for (String op : List.of("GetCapabilities", "GetTile", "GetFeatureInfo")) {
            w.writeStartElement(OWS, "Operation");
            w.writeAttribute("name", op);
            w.writeStartElement(OWS, "DCP");
            w.writeStartElement(OWS, "HTTP");
            w.writeStartElement(OWS, "Get");
            w.writeAttribute("xlink", XLINK, "href", kvpUrl + "?");
            w.writeStartElement(OWS, "Constraint");
            w.writeAttribute("name", "GetEncoding");
            w.writeStartElement(OWS, "AllowedValues");
            ows("Value", "KVP");
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void layer(LayerSummary l) throws XMLStreamException {
        w.writeStartElement(WMTS, "Layer");
        ows("Title", l.title() == null || l.title().isBlank() ? l.name() : l.title());
        Envelope wgs84 = sets.extent(l.name(), l.bounds(), l.srid(), 4326);
        if (wgs84 != null) {
            w.writeStartElement(OWS, "WGS84BoundingBox");
            ows("LowerCorner", number(wgs84.getMinX()) + " " + number(wgs84.getMinY()));
            ows("UpperCorner", number(wgs84.getMaxX()) + " " + number(wgs84.getMaxY()));
            w.writeEndElement();
        }
        ows("Identifier", l.name());
        w.writeStartElement(WMTS, "Style");
        w.writeAttribute("isDefault", "true");
        ows("Title", "默认样式 default");
        ows("Identifier", GetTileOperation.DEFAULT_STYLE);
        w.writeStartElement(WMTS, "LegendURL");
        w.writeAttribute("format", "image/png");
        w.writeAttribute("xlink", XLINK, "href", legendUrl(l.name()));
        w.writeEndElement();
        w.writeEndElement();
        text(WMTS, "Format", "image/png");
        text(WMTS, "Format", "image/jpeg");
        for (String f : org.gengdi.server.ows.FeatureInfo.FORMATS) {
            text(WMTS, "InfoFormat", f);
        }
        for (TileMatrixSet s : sets.all()) {
            link(l, s);
        }
        for (String[] f : new String[][] {{"image/png", "png"}, {"image/jpeg", "jpg"}}) {
            w.writeStartElement(WMTS, "ResourceURL");
            w.writeAttribute("format", f[0]);
            w.writeAttribute("resourceType", "tile");
            w.writeAttribute("template", restRoot + "/" + l.name()
                    + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}." + f[1]);
            w.writeEndElement();
        }
        for (String[] f : new String[][] {{"text/html", "html"}, {"application/json", "json"},
                {"text/plain", "txt"}, {"application/vnd.ogc.gml", "gml"}}) {
            w.writeStartElement(WMTS, "ResourceURL");
            w.writeAttribute("format", f[0]);
            w.writeAttribute("resourceType", "FeatureInfo");
            w.writeAttribute("template", restRoot + "/" + l.name()
                    + "/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}/{J}/{I}." + f[1]);
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    /**
     * A TileMatrixSetLink with the rows and columns the layer's extent touches at each level. The official schema
     * types MinTileRow and the other indices as positiveInteger although the standard's text says they run from 0
     * (a known erratum, GeoWebCache issues 250 and 411), so levels whose limits include row or column 0 — in
     * practice only the coarsest levels, where a county is a few pixels — are left out to keep the document valid.
     */
    private void link(LayerSummary l, TileMatrixSet s) throws XMLStreamException {
        w.writeStartElement(WMTS, "TileMatrixSetLink");
        text(WMTS, "TileMatrixSet", s.identifier());
        Envelope extent = sets.extent(l.name(), l.bounds(), l.srid(), s.srid());
        List<long[]> limits = new ArrayList<>();
        if (extent != null) {
            for (TileMatrix m : s.matrices()) {
                long[] t = s.tilesCovering(m, extent);
                if (t != null && t[0] > 0 && t[1] > 0) {
                    limits.add(new long[] {Long.parseLong(m.identifier()), t[0], t[1], t[2], t[3]});
                }
            }
        }
        if (!limits.isEmpty()) {
            w.writeStartElement(WMTS, "TileMatrixSetLimits");
            for (long[] t : limits) {
                w.writeStartElement(WMTS, "TileMatrixLimits");
                text(WMTS, "TileMatrix", Long.toString(t[0]));
                text(WMTS, "MinTileRow", Long.toString(t[1]));
                text(WMTS, "MaxTileRow", Long.toString(t[3]));
                text(WMTS, "MinTileCol", Long.toString(t[2]));
                text(WMTS, "MaxTileCol", Long.toString(t[4]));
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void matrixSet(TileMatrixSet s) throws XMLStreamException {
        w.writeStartElement(WMTS, "TileMatrixSet");
        ows("Title", s.title());
        ows("Identifier", s.identifier());
        CrsRegistry crs = CrsRegistry.get();
        boolean northFirst = crs.byEpsg(s.srid()).axisOrder() == AxisOrder.NORTH_EAST;
        ows("SupportedCRS", crs.urn(s.srid()));
        if (s.wellKnownScaleSet() != null) {
            text(WMTS, "WellKnownScaleSet", s.wellKnownScaleSet());
        }
        String corner = northFirst ? number(s.originY()) + " " + number(s.originX())
                : number(s.originX()) + " " + number(s.originY());
        for (TileMatrix m : s.matrices()) {
            w.writeStartElement(WMTS, "TileMatrix");
            ows("Identifier", m.identifier());
            text(WMTS, "ScaleDenominator", number(m.scaleDenominator()));
            text(WMTS, "TopLeftCorner", corner);
            text(WMTS, "TileWidth", Integer.toString(TileMatrixSet.TILE_SIZE));
            text(WMTS, "TileHeight", Integer.toString(TileMatrixSet.TILE_SIZE));
            text(WMTS, "MatrixWidth", Long.toString(m.matrixWidth()));
            text(WMTS, "MatrixHeight", Long.toString(m.matrixHeight()));
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private String legendUrl(String layer) {
        String base = kvpUrl.substring(0, kvpUrl.lastIndexOf('/'));
        return base + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png&LAYER=" + layer;
    }

    private void ows(String local, String value) throws XMLStreamException {
        text(OWS, local, value);
    }

    private void text(String ns, String local, String value) throws XMLStreamException {
        w.writeStartElement(ns, local);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** A number without exponent, up to 10 significant decimals, trailing zeros dropped. */
    static String number(double v) {
        String s = new java.math.BigDecimal(v).setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s.toLowerCase(Locale.ROOT);
    }
}
