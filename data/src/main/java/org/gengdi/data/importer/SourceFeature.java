package org.gengdi.data.importer;

import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from a source file, before mapping, validation and reprojection.
 *
 * @param row      1-based position in the file (the .shp record number, the n-th GeoJSON feature)
 * @param id       how the file identifies the feature, for messages (e.g. {@code FID 6}, {@code id "A-7"}), or null
 * @param geometry the geometry in the source CRS, or null for a null shape
 * @param values   values aligned with {@link SourceReader#fields()}, of each field's Java type
 */
public record SourceFeature(long row, String id, Geometry geometry, Object[] values) {
}
