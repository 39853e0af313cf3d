package org.gengdi.server.render;

import java.util.List;
import java.util.Objects;

/**
 * A named style: rules applied in order to each feature (SLD 1.0 {@code UserStyle} / SE 1.1
 * {@code FeatureTypeStyle}, flattened). The one style model that SLD files, SLD_BODY and the built-in defaults are
 * read into, and that the renderer and legends use.
 *
 * @param name  the name a request gives in STYLES, e.g. {@code redline}
 * @param title the title shown in capabilities and legends (Chinese allowed)
 * @param rules applied in order; a feature is drawn by every rule that matches it
 */
public record Style(String name, String title, List<Rule> rules) {
    public Style {
        Objects.requireNonNull(name, "name");
        title = title == null ? name : title;
        rules = List.copyOf(rules);
    }
}
