package org.gengdi.server.jobs;

import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.cql2.Cql2Text;
import org.gengdi.process.ProcessException;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;

/**
 * How processes read layers: through the same {@link PublishedLayer} view WMS and WFS publish, so an analysis sees
 * exactly the published features and never a personal field. Filters are CQL2 text over the public attributes;
 * geometry literals in them are longitude/latitude (CRS84).
 */
final class LayerAccess {
    private final PublishedLayers layers;

    LayerAccess(PublishedLayers layers) {
        this.layers = layers;
    }

    /** Checks the layer exists and the filter parses against its public attributes. */
    void check(String inputId, String layer, String filter) {
        parse(inputId, resolve(inputId, layer), filter);
    }

    /** The layer's features matching the filter, in {@code srid} (≤ 0: the layer's own CRS). */
    FeatureCursor features(String inputId, String layer, String filter, int srid) {
        PublishedLayer l = resolve(inputId, layer);
        Filter f = parse(inputId, l, filter);
        return l.features(Query.filter(f), l.visible(), srid <= 0 ? l.stored().srid() : srid);
    }

    /** As {@link #features(String, String, String, int)}, limited to features whose envelope meets a box. */
    FeatureCursor features(String inputId, String layer, String filter, org.locationtech.jts.geom.Envelope bbox,
                           int bboxSrid, int srid) {
        PublishedLayer l = resolve(inputId, layer);
        Filter f = parse(inputId, l, filter);
        int native_ = l.stored().srid();
        org.locationtech.jts.geom.Envelope box = bboxSrid == native_ ? bbox
                : CrsRegistry.get().transform(bboxSrid, native_).transform(bbox);
        return l.features(Query.filter(f).withBbox(box), l.visible(), srid <= 0 ? native_ : srid);
    }

    /** The public schema of a layer, if published. */
    java.util.Optional<org.gengdi.core.feature.FeatureType> type(String layer) {
        return layers.find(layer).map(PublishedLayer::visible);
    }

    private PublishedLayer resolve(String inputId, String layer) {
        return layers.find(layer).orElseThrow(() -> ProcessException.invalidInput(inputId,
                "input " + inputId + ": no published layer named '" + shorten(layer) + "'"));
    }

    private static Filter parse(String inputId, PublishedLayer layer, String filter) {
        if (filter == null) {
            return Filter.INCLUDE;
        }
        try {
            return Cql2Text.parse(filter, FilterContext.of(layer.stored(), CrsRegistry.get().parse("CRS:84"))
                    .hiding(layer.hidden()));
        } catch (IllegalArgumentException e) { // FilterParseException, InvalidFilterException, bad literals
            throw ProcessException.invalidInput(inputId, "input " + inputId + ": bad filter on " + layer.name()
                    + ": " + e.getMessage());
        }
    }

    private static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
