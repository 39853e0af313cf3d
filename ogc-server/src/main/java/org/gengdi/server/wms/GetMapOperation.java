package org.gengdi.server.wms;

import jakarta.servlet.http.HttpServletResponse;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.render.ImageEncoders;
import org.gengdi.server.render.ImageFormat;
import org.gengdi.server.render.LegendRenderer;
import org.gengdi.server.render.MapLayer;
import org.gengdi.server.render.MapRenderer;
import org.gengdi.server.render.MapView;
import org.gengdi.server.render.RenderLimitException;
import org.gengdi.server.render.RenderLimits;
import org.gengdi.server.render.Style;
import org.gengdi.server.render.sld.LayerStyle;
import org.gengdi.server.render.sld.SldException;
import org.gengdi.server.render.sld.SldReader;

/**
 * GetMap and GetLegendGraphic: the request is parsed and checked in full, the map drawn by the renderer (which reads
 * only what intersects the box, through the store index), then encoded. With EXCEPTIONS=INIMAGE an error is drawn
 * into an image of the requested size and format; with BLANK an empty image is returned.
 */
final class GetMapOperation {
    private final PublishedLayers layers;
    private final WmsLimits limits;
    private final WmsStyles styles;
    private final MapRenderer renderer = new MapRenderer();

    GetMapOperation(PublishedLayers layers, WmsLimits limits, WmsStyles styles) {
        this.layers = layers;
        this.limits = limits;
        this.styles = styles;
    }

    void run(WmsVersion version, KvpRequest kvp, HttpServletResponse response) throws IOException {
        BufferedImage image;
        ImageFormat format = ImageFormat.forMime(kvp.get("format")).orElse(null);
        try {
            MapRequest map = MapRequest.parse(version, kvp, layers, limits, true);
            if (kvp.get("sld") != null) {
                // fetching a URL the client names would let anyone make this server send requests (SSRF)
                throw new OwsException(Code.InvalidParameterValue, "sld", "SLD by URL is not accepted; send the "
                        + "style document itself as SLD_BODY");
            }
            List<LayerStyle> sld = kvp.get("sld_body") == null ? List.of() : sldBody(kvp.get("sld_body"));
            List<MapLayer> drawn = new ArrayList<>();
            for (int i = 0; i < map.layers().size(); i++) {
                PublishedLayer layer = map.layers().get(i);
                Style style = fromSld(sld, layer, map.styles().get(i));
                if (style == null) {
                    style = styles.style(layer, map.styles().get(i));
                }
                drawn.add(new MapLayer(layer, style, map.filters().get(i)));
            }
            MapView view = new MapView(map.bbox(), map.crs().srid(), map.width(), map.height(), map.background(),
                    map.transparent());
            image = renderer.render(view, drawn, renderLimits());
            write(image, format, map.background(), response);
        } catch (OwsException | RenderLimitException e) {
            OwsException report = e instanceof OwsException o ? o
                    : new OwsException(Code.InvalidParameterValue, null, e.getMessage());
            String exceptions = MapRequest.exceptions(version, kvp);
            if (exceptions.equals("XML") || format == null || response.isCommitted()) {
                throw report;
            }
            write(errorImage(kvp, report, exceptions.equals("INIMAGE")), format, Color.WHITE, response);
        }
    }

    /** SLD_BODY: the styles of the document, checked against the layers' public schemas. */
    private List<LayerStyle> sldBody(String xml) {
        try {
            return SldReader.read(xml, name -> layers.find(name.contains(":") ? name.substring(name.indexOf(':') + 1)
                    : name).map(l -> FilterContext.of(l.stored(),
                    CrsRegistry.get().parse(CrsRegistry.get().urn(l.stored().srid()))).hiding(l.hidden())));
        } catch (SldException e) {
            Code code = e.kind() == SldException.Kind.UNKNOWN_LAYER ? Code.LayerNotDefined : Code.InvalidParameterValue;
            throw new OwsException(code, "sld_body", e.getMessage());
        }
    }

    /**
     * The SLD_BODY style for a layer: the one named in STYLES, else the document's default (or first) for that layer;
     * null when the document does not style the layer.
     */
    private static Style fromSld(List<LayerStyle> sld, PublishedLayer layer, String name) {
        List<LayerStyle> mine = sld.stream().filter(s -> {
            String n = s.layerName();
            return (n.contains(":") ? n.substring(n.indexOf(':') + 1) : n).equalsIgnoreCase(layer.name());
        }).toList();
        if (mine.isEmpty()) {
            return null;
        }
        if (name != null && !name.isEmpty()) {
            for (LayerStyle s : mine) {
                if (s.style().name().equalsIgnoreCase(name)) {
                    return s.style();
                }
            }
            return null; // a named style the document does not define: the layer's own styles
        }
        return mine.stream().filter(LayerStyle::isDefault).findFirst().orElse(mine.get(0)).style();
    }

    private RenderLimits renderLimits() {
        return new RenderLimits(limits.maxWidth(), limits.maxHeight(), limits.maxFeatures(), limits.maxRenderTime());
    }

    private static void write(BufferedImage image, ImageFormat format, Color background, HttpServletResponse response)
            throws IOException {
        response.setStatus(200);
        response.setContentType(format.mime());
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 65536);
        ImageEncoders.DEFAULT.write(image, format, background, out);
        out.flush();
    }

    /** INIMAGE: the message on a white image of the requested size; BLANK: a transparent (or white) one. */
    private BufferedImage errorImage(KvpRequest kvp, OwsException e, boolean withText) {
        int w = boundedSize(kvp.get("width"), limits.maxWidth());
        int h = boundedSize(kvp.get("height"), limits.maxHeight());
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        boolean transparent = "true".equalsIgnoreCase(kvp.get("transparent"));
        if (!transparent) {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
        }
        if (withText) {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xB00020));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            String text = e.code().name() + ": " + e.getMessage();
            int y = 16;
            for (String line : wrap(text, Math.max(10, w / 7))) {
                g.drawString(line, 4, y);
                y += 15;
                if (y > h) {
                    break;
                }
            }
        }
        g.dispose();
        return img;
    }

    private static int boundedSize(String v, int max) {
        try {
            int n = Integer.parseInt(v);
            return n >= 1 && n <= max ? n : 256;
        } catch (NumberFormatException | NullPointerException e) {
            return 256;
        }
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < text.length(); i += width) {
            lines.add(text.substring(i, Math.min(text.length(), i + width)));
        }
        return lines;
    }

    /** GetLegendGraphic: LAYER, optional STYLE, FORMAT image/png; WIDTH/HEIGHT per rule swatch. */
    void legend(KvpRequest kvp, HttpServletResponse response) throws IOException {
        String name = kvp.require("layer");
        PublishedLayer layer = layers.find(name.contains(":") ? name.substring(name.indexOf(':') + 1) : name)
                .orElseThrow(() -> new OwsException(Code.LayerNotDefined, "layer", "unknown layer '" + name + "'"));
        Style style = styles.style(layer, kvp.get("style") == null ? "" : kvp.get("style"));
        String format = kvp.get("format") == null ? "image/png" : kvp.get("format");
        ImageFormat f = ImageFormat.forMime(format).orElseThrow(() -> new OwsException(Code.InvalidFormat, "format",
                "unsupported FORMAT '" + format + "'"));
        int w = swatch(kvp.get("width"));
        int h = swatch(kvp.get("height"));
        BufferedImage image = new LegendRenderer().render(style, w, h);
        write(image, f, Color.WHITE, response);
    }

    private static int swatch(String v) {
        if (v == null) {
            return WmsStyles.LEGEND_ROW;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 4 && n <= 200) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new OwsException(Code.InvalidParameterValue, "width", "legend swatch sizes must be 4 to 200 pixels, not '"
                + v + "'".toLowerCase(Locale.ROOT));
    }
}
