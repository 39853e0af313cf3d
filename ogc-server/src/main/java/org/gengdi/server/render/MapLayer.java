package org.gengdi.server.render;

import java.util.Objects;
import org.gengdi.core.filter.Filter;
import org.gengdi.server.ows.PublishedLayer;

/**
 * One layer of a map: what to read and how to draw it.
 *
 * @param layer  the published layer (only its public attributes are read)
 * @param style  the style its features are drawn with
 * @param filter an extra selection (CQL_FILTER), already validated against the layer's public schema, with
 *               geometry literals in the layer's CRS; {@link Filter#INCLUDE} for none
 */
public record MapLayer(PublishedLayer layer, Style style, Filter filter) {
    public MapLayer {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(style, "style");
        filter = filter == null ? Filter.INCLUDE : filter;
    }

    public MapLayer(PublishedLayer layer, Style style) {
        this(layer, style, Filter.INCLUDE);
    }
}
