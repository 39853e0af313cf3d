/**
 * OGC API - Features Parts 1 (Core, GeoJSON, HTML, OpenAPI 3.0), 2 (CRS by reference) and 3 (Filtering, CQL2 text
 * and JSON) under {@code /ogcapi}.
 *
 * <p>{@link org.gengdi.server.ogcapi.OgcApiController} maps the resources and nothing else. Each request is checked
 * first ({@link org.gengdi.server.ogcapi.QueryParams}: unknown or repeated parameters are refused;
 * {@link org.gengdi.server.ogcapi.Format}: JSON by default, HTML for {@code f=html} or browsers), then answered from
 * the shared publication view ({@link org.gengdi.server.ows.PublishedLayers}), so personal fields are never
 * described, returned or usable in filters. Documents are built in {@link org.gengdi.server.ogcapi.ApiDocuments}
 * (landing page, conformance, collections, queryables), {@link org.gengdi.server.ogcapi.OpenApiDocument} and
 * rendered as HTML by {@link org.gengdi.server.ogcapi.HtmlPages}; features are selected by
 * {@link org.gengdi.server.ogcapi.ItemsQuery} (limit, offset, bbox, crs, filter, queryables as parameters) and
 * streamed by {@link org.gengdi.server.ogcapi.ItemsResponse} through the shared GeoJSON encoder. Every error is an
 * {@link org.gengdi.server.ogcapi.ApiException}, written once as RFC 7807 problem JSON.
 */
package org.gengdi.server.ogcapi;
