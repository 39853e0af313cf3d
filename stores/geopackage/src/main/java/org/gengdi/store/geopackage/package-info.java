/**
 * The embedded GeoPackage store, on sqlite-jdbc alone.
 *
 * <p>{@link org.gengdi.store.geopackage.GeoPackageStore} opens or creates the file; a
 * {@code GeoPackageSource} answers queries with one SELECT ({@code SqlFilter} translates what SQLite decides
 * exactly as the in-memory evaluator does, the rest is filtered on the streamed rows) read by a {@code GpkgCursor}
 * ({@code PackedRow} for attributes, {@code GpkgGeometry} and {@code Wkb2dReader} for geometries); a
 * {@code GeoPackageWriter} loads a layer in one transaction ({@code BatchInsert}, {@code RtreeBulkLoad});
 * {@code GpkgSchema} owns the GeoPackage tables and {@code GengdiMetadata} Gengdi's own.
 */
package org.gengdi.store.geopackage;
