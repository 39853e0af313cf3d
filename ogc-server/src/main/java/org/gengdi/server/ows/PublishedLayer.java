package org.gengdi.server.ows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;

/**
 * A layer as every protocol publishes it to anonymous users: the stored schema, and the schema without personal
 * fields (§G.11) that feature services describe and return. WFS, OGC API Features and GetFeatureInfo all read
 * features through {@link #features}, so no protocol can forget to strip a personal field.
 *
 * @param source   the layer
 * @param stored   its full schema (filters are checked against it with the personal names hidden)
 * @param visible  the schema without personal fields
 * @param hidden   the names of the personal fields
 */
public record PublishedLayer(FeatureSource source, FeatureType stored, FeatureType visible, Set<String> hidden) {
    /** The XML prefix of Gengdi's feature types in OWS documents. */
    public static final String PREFIX = "gengdi";

    public static PublishedLayer of(FeatureSource source) {
        FeatureType t = source.schema();
        Set<String> hidden = new LinkedHashSet<>();
        for (AttributeDef a : t.attributes()) {
            if (a.personal()) {
                hidden.add(a.name());
            }
        }
        FeatureType visible = new FeatureType(t.name(), t.title(), t.geometryName(), t.geometryKind(), t.srid(),
                t.publicAttributes());
        return new PublishedLayer(source, t, visible, Set.copyOf(hidden));
    }

    /** The layer name, e.g. {@code YJJBNTBHTB}. */
    public String name() {
        return stored.name();
    }

    /** The schema with only the named public attributes, in schema order. */
    public FeatureType selecting(List<String> names) {
        List<AttributeDef> keep = visible.attributes().stream()
                .filter(a -> names.stream().anyMatch(n -> n.equals(a.name()))).toList();
        return new FeatureType(visible.name(), visible.title(), visible.geometryName(), visible.geometryKind(),
                visible.srid(), keep);
    }

    /** {@code gengdi:NAME}. */
    public String qualifiedName() {
        return PREFIX + ":" + stored.name();
    }

    /**
     * The features a query selects, projected onto {@code output} (which must hold only public attributes of this
     * layer) and transformed into {@code targetSrid}; streaming, the caller closes the cursor.
     */
    public FeatureCursor features(Query query, FeatureType output, int targetSrid) {
        int[] index = new int[output.attributes().size()];
        for (int i = 0; i < index.length; i++) {
            String name = output.attributes().get(i).name();
            if (hidden.contains(name)) {
                throw new IllegalArgumentException("personal field " + name + " is never published");
            }
            index[i] = stored.indexOf(name);
            if (index[i] < 0) {
                throw new IllegalArgumentException("no attribute " + name + " in " + stored.name());
            }
        }
        int srid = stored.srid();
        CrsTransform transform = targetSrid == srid ? null : CrsRegistry.get().transform(srid, targetSrid);
        FeatureCursor cursor = source.query(query);
        return cursor.mapped(f -> {
            Object[] values = new Object[index.length];
            for (int i = 0; i < index.length; i++) {
                values[i] = f.value(index[i]);
            }
            return new Feature(output, f.id(), f.geometry() == null || transform == null ? f.geometry()
                    : transform.transform(f.geometry()), values);
        });
    }
}
