/**
 * The embedded GeoPackage store, on sqlite-jdbc alone.
 *
 * <p>{@link org.gengdi.store.geopackage.GeoPackageStore} opens or creates the file; a
 * {@code GeoPackageSource} answers queries with one SELECT ({@code SqlFilter} translates what SQLite decides
 * exactly as the in-memory evaluator does, the rest is filtered on the streamed rows) read by a {@code GpkgCursor}
 * ({@code PackedRow} for attributes, {@code GpkgGeometry} with core's {@code Wkb2dReader} for geometries); a
 * {@code GeoPackageWriter} loads a layer in one transaction ({@code BatchInsert}, {@code RtreeBulkLoad});
 * {@code GpkgSchema} owns the GeoPackage tables and {@code GengdiMetadata} Gengdi's own; {@code ForeignNames}
 * publishes tables and columns named in other scripts under ASCII names, and {@code LayerInfo} keeps the SQL names
 * every statement uses. {@code GeoPackageStore.openReadOnly} reads a file without changing it (for imports).
 */
package org.gengdi.store.geopackage;
