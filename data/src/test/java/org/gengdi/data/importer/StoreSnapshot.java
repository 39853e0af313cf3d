package org.gengdi.data.importer;

import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;

/** Every layer's schema and every feature's id, values and geometry, as text: equal snapshots = unchanged store. */
final class StoreSnapshot {

    private StoreSnapshot() {
    }

    static String of(FeatureStore store) {
        StringBuilder sb = new StringBuilder();
        for (String name : store.layerNames()) {
            FeatureSource s = store.require(name);
            sb.append(s.schema()).append('\n');
            List<String> rows = new ArrayList<>();
            try (FeatureCursor c = s.query(Query.ALL)) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    rows.add(f.id() + " " + f.properties() + " " + (f.geometry() == null ? "null" : f.geometry().toText()));
                }
            }
            rows.forEach(r -> sb.append(r).append('\n'));
        }
        return sb.toString();
    }
}
