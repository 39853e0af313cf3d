package org.gengdi.server.wms;

import java.util.List;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.render.Style;
import org.gengdi.server.render.sld.DefaultStyles;

/**
 * The named styles WMS offers per layer: for now each layer's shipped default style (data/…/styles/LAYER.sld, or a
 * generic one), under its own name and as the unnamed default; SLD_BODY adds request-scoped ones.
 */
final class WmsStyles {
    /** Pixel size of one legend row. */
    static final int LEGEND_ROW = 20;

    /** A style as capabilities list it. */
    record Entry(String name, String title, int legendWidth, int legendHeight) {
    }

    private final PublishedLayers layers;
    private final DefaultStyles defaults = new DefaultStyles();

    WmsStyles(PublishedLayers layers) {
        this.layers = layers;
    }

    List<Entry> of(String layerName) {
        return layers.find(layerName).map(l -> {
            Style s = defaults.styleFor(l);
            int rows = Math.max(1, s.rules().size());
            return List.of(new Entry(s.name(), s.title(), 240, rows * (LEGEND_ROW + 4) + 4));
        }).orElse(List.of());
    }

    /** The style a request names for a layer ("" for its default), or StyleNotDefined. */
    Style style(PublishedLayer layer, String name) {
        Style s = defaults.styleFor(layer);
        if (name == null || name.isEmpty() || name.equalsIgnoreCase(s.name()) || name.equalsIgnoreCase("default")) {
            return s;
        }
        throw new OwsException(Code.StyleNotDefined, "styles", "layer " + layer.name() + " has no style '" + name
                + "'; it offers '" + s.name() + "'");
    }
}
