package org.gengdi.store.geopackage;

import java.util.List;
import org.gengdi.core.feature.FeatureType;

/**
 * What the store knows about one feature table. The published names (layer, geometry, attributes) equal the SQL
 * names except where a table written by another tool has a name that is not an ASCII identifier
 * ({@link ForeignNames}); every SQL statement therefore takes its table and column names from here, never from the
 * {@link FeatureType}.
 *
 * @param type           the schema as published
 * @param table          the SQL name of the table
 * @param geometryColumn the SQL name of the geometry column
 * @param pkColumn       the integer primary key column, whose value is the feature id ({@code fid} when we write it)
 * @param columns        the SQL name of each attribute's column, in schema order
 * @param unread         the table's columns that are neither key, geometry nor attribute (binary columns)
 * @param rtree          the R-tree index table ({@code rtree_<table>_<geometry>}), or null when the table has none
 */
record LayerInfo(FeatureType type, String table, String geometryColumn, String pkColumn, List<String> columns,
                 List<String> unread, String rtree) {

    LayerInfo {
        columns = List.copyOf(columns);
        unread = List.copyOf(unread);
        if (columns.size() != type.attributes().size()) {
            throw new IllegalArgumentException("one column per attribute");
        }
    }

    /** The SQL column of an attribute (by published name, as {@link FeatureType#indexOf} finds it). */
    String column(String attribute) {
        int i = type.indexOf(attribute);
        if (i < 0) {
            throw new IllegalArgumentException("no attribute " + attribute + " in " + type.name());
        }
        return columns.get(i);
    }
}
