package org.gengdi.core.filter.cql2;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A geometry literal as read, in x = east, y = north order but still in the literal's CRS. Boxes
 * ({@code BBOX(…)}, {@code ENVELOPE(…)}) keep their envelope so that it can be transformed as an envelope
 * (edges densified), not as four corners.
 *
 * @param geometry the geometry (for boxes, the box as a polygon)
 * @param box      the box, or null for WKT geometries
 * @param position character offset of the literal in the filter text
 */
record GeometryLiteral(Geometry geometry, Envelope box, int position) {
}
