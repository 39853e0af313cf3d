package org.gengdi.store.geopackage;

import org.gengdi.core.feature.FeatureType;

/**
 * What the store knows about one feature table.
 *
 * @param type     the schema (table name = layer name; attribute names = column names)
 * @param pkColumn the integer primary key column, whose value is the feature id ({@code fid} when we write it)
 * @param rtree    the R-tree index table ({@code rtree_<table>_<geometry>}), or null when the table has none
 */
record LayerInfo(FeatureType type, String pkColumn, String rtree) {
}
