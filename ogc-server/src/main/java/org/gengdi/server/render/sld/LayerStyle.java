package org.gengdi.server.render.sld;

import java.util.Objects;
import org.gengdi.server.render.Style;

/**
 * One style an SLD document gives a layer: a {@code UserStyle} inside a {@code NamedLayer}.
 *
 * @param layerName the NamedLayer's name as written in the document (the resolver accepted it)
 * @param style     the style, its filters checked against the layer's public schema
 * @param isDefault true when the UserStyle says {@code IsDefault} (SLD: the one to use when no style is named)
 */
public record LayerStyle(String layerName, Style style, boolean isDefault) {
    public LayerStyle {
        Objects.requireNonNull(layerName, "layerName");
        Objects.requireNonNull(style, "style");
    }
}
