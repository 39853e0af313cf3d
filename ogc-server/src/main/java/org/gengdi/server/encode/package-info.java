/**
 * Streaming feature encoders: the bodies of WFS GetFeature and OGC API Features items responses.
 *
 * <p>A {@link org.gengdi.server.encode.FeatureEncoder} writes a
 * {@link org.gengdi.core.feature.FeatureCursor} straight to the response stream — GeoJSON, GML 3.2 / 3.1.1 / 2.1.2
 * in a {@code wfs:FeatureCollection}, CSV, KML, zipped Shapefile — holding only the current feature, so a
 * response of a million parcels needs no more memory than one of ten. The one exception is the shapefile, whose
 * headers need totals first: it spools to temporary files on disk, not to the heap.
 * {@link org.gengdi.server.encode.FeatureCollectionInfo} carries the rest: the published feature type, the output
 * CRS as the client wrote it (which decides the axis order of GML coordinates), counts, paging links, namespace and
 * precision. Encoders do not transform or filter: the caller hands them features already in the output CRS with
 * personal fields removed. {@link org.gengdi.server.encode.FeatureTypeSchema} writes the matching application
 * schema for DescribeFeatureType, and {@link org.gengdi.server.encode.FeatureEncoders} finds an encoder by the
 * output format a request names.
 */
package org.gengdi.server.encode;
