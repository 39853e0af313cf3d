/**
 * {@code gengdi import}'s engine: {@link org.gengdi.data.importer.LayerImporter} loads one county file —
 * Shapefile (GBK or UTF-8, encoding from {@code .cpg}, the DBF header or detection), GeoJSON or GeoPackage — into a
 * layer of any {@link org.gengdi.core.store.FeatureStore}, all or nothing. Readers stand behind
 * {@link org.gengdi.data.importer.SourceReader}; field names map through
 * {@link org.gengdi.data.importer.FieldMapping} onto a national schema, an existing layer or the source's own
 * (names per {@link org.gengdi.data.importer.FieldNames}); geometries are validated (optionally repaired) and
 * reprojected; the outcome is an {@link org.gengdi.data.importer.ImportReport} or one
 * {@link org.gengdi.data.importer.ImportException} naming file, feature and field.
 */
package org.gengdi.data.importer;
