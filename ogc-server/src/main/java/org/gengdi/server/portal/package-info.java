/**
 * The public map page ({@code /portal/}): the announced permanent-basic-farmland red line over the county for the
 * public. The page is OpenLayers, bundled from npm by esbuild at build time ({@code ogc-server/src/main/portal},
 * {@code build.mjs}); it reads only this server's WMTS tiles (WebMercatorQuad), WMS legends and OGC API Features
 * (click and search), all through the published views, so personal fields never reach it.
 */
package org.gengdi.server.portal;
