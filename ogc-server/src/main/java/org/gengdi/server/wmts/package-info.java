/**
 * WMTS 1.0.0: {@link org.gengdi.server.wmts.WmtsService} answers KVP requests through the OWS dispatcher
 * ({@code /wmts?SERVICE=WMTS&REQUEST=GetCapabilities|GetTile}), {@link org.gengdi.server.wmts.WmtsRestController}
 * the RESTful ones ({@code /wmts/1.0.0/WMTSCapabilities.xml},
 * {@code /wmts/1.0.0/{layer}/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png|.jpg}).
 *
 * <p>Tile matrix sets ({@link org.gengdi.server.wmts.TileMatrixSet}): {@code WebMercatorQuad} (EPSG:3857, the
 * GoogleMapsCompatible scale set), {@code CGCS2000Quad} (EPSG:4490 as 天地图 tiles it: level 0 is 2×1 tiles of the
 * world from (−180°, 90°), 0.703125° per pixel, 1:279 541 132) and {@code CGCS2000_GK_<srid>}, the Gauss-Krüger
 * zone the data is stored in (EPSG:4527 for the sample county): origin 500 km west of the central meridian at
 * northing 10 000 km, 4 096 m pixels at level 0 halving per level; levels 0 to 20 in each.
 *
 * <p>Tiles are rendered a 4×4 metatile at a time with a 64 px gutter (labels are not cut at tile edges) by the
 * WMS renderer with each layer's default style, and kept in a {@link org.gengdi.server.wmts.TileCache} bounded by
 * bytes (256 MB by default, LRU) whose keys carry the layer's data version; concurrent requests for one metatile
 * share one rendering.
 */
package org.gengdi.server.wmts;
