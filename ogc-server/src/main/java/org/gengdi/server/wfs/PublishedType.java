package org.gengdi.server.wfs;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.store.FeatureSource;

/**
 * A layer as WFS publishes it to anonymous users: the stored schema, and the schema without personal fields
 * (§G.11) that DescribeFeatureType describes and GetFeature returns.
 *
 * @param source   the layer
 * @param stored   its full schema (filters are checked against it with the personal names hidden)
 * @param visible  the schema without personal fields
 * @param hidden   the names of the personal fields
 */
record PublishedType(FeatureSource source, FeatureType stored, FeatureType visible, Set<String> hidden) {

    static PublishedType of(FeatureSource source) {
        FeatureType t = source.schema();
        Set<String> hidden = new LinkedHashSet<>();
        for (AttributeDef a : t.attributes()) {
            if (a.personal()) {
                hidden.add(a.name());
            }
        }
        FeatureType visible = new FeatureType(t.name(), t.title(), t.geometryName(), t.geometryKind(), t.srid(),
                t.publicAttributes());
        return new PublishedType(source, t, visible, Set.copyOf(hidden));
    }

    /** The schema with only the named public attributes, in schema order. */
    FeatureType selecting(List<String> names) {
        List<AttributeDef> keep = visible.attributes().stream()
                .filter(a -> names.stream().anyMatch(n -> n.equals(a.name()))).toList();
        return new FeatureType(visible.name(), visible.title(), visible.geometryName(), visible.geometryKind(),
                visible.srid(), keep);
    }

    String qualifiedName() {
        return WfsService.PREFIX + ":" + stored.name();
    }
}
