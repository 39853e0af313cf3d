package org.gengdi.server.wfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;

/** Resolves WFS type names ({@code gengdi:YJJBNTBHTB}, {@code YJJBNTBHTB}) to published layers. */
final class WfsLayers {
    private final PublishedLayers layers;

    WfsLayers(PublishedLayers layers) {
        this.layers = layers;
    }

    PublishedLayers summaries() {
        return layers;
    }

    List<PublishedLayer> all() {
        return layers.all();
    }

    /** The layer a type name means, or InvalidParameterValue with the locator given. */
    PublishedLayer require(String typeName, String locator) {
        return find(typeName).orElseThrow(() -> new OwsException(OwsException.Code.InvalidParameterValue, locator,
                "unknown feature type '" + typeName + "'; GetCapabilities lists the types offered"));
    }

    Optional<PublishedLayer> find(String typeName) {
        String name = typeName.strip();
        if (name.startsWith("{")) { // Clark notation {namespace}local
            int end = name.indexOf('}');
            if (end < 0 || !name.substring(1, end).equals(WfsService.NAMESPACE)) {
                return Optional.empty();
            }
            name = name.substring(end + 1);
        }
        int colon = name.indexOf(':');
        if (colon >= 0) {
            if (!name.substring(0, colon).equals(WfsService.PREFIX)) {
                return Optional.empty();
            }
            name = name.substring(colon + 1);
        }
        return layers.find(name);
    }

    /** A comma-separated list, parentheses of WFS 2.0 query groups removed. */
    static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String part : value.replace(")(", ",").replace("(", "").replace(")", "").split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
