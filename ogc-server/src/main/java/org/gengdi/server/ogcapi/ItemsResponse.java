package org.gengdi.server.ogcapi;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.server.encode.FeatureCollectionInfo;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.encode.GeoJsonEncoder;
import org.gengdi.server.ogcapi.HtmlPages.Crumb;
import org.gengdi.server.ogcapi.Links.Link;
import org.gengdi.server.ows.PublishedLayer;

/**
 * Writes the features of an {@link ItemsQuery}: a GeoJSON FeatureCollection (or one Feature) through the shared
 * encoder, or an HTML page. The caller has counted the matches before, so every check is done before the first byte;
 * the features then stream from the store cursor, stripped of personal fields and reprojected by
 * {@link PublishedLayer#features}. Coordinates follow the axis order of the output CRS (Part 2): CRS84 longitude
 * first, the EPSG CRSs as EPSG defines them, and the {@code Content-Crs} header names the CRS.
 */
final class ItemsResponse {
    private static final int BUFFER = 64 * 1024;

    private final GeoJsonEncoder geoJson;

    ItemsResponse(FeatureEncoders encoders) {
        this.geoJson = encoders.find(Links.GEOJSON).filter(GeoJsonEncoder.class::isInstance)
                .map(GeoJsonEncoder.class::cast)
                .orElseThrow(() -> new IllegalStateException("no GeoJSON encoder"));
    }

    /** A page of {@code /items}; {@code matched} is the number of features the selection matches. */
    void page(ItemsQuery q, long matched, Links links, QueryParams params, Format format,
              HttpServletResponse response) throws IOException {
        PublishedLayer layer = q.layer();
        FeatureType type = layer.visible();
        String collectionPath = "/collections/" + type.name();
        String path = collectionPath + "/items";
        long returned = Math.max(0, Math.min(matched - q.offset(), q.limit()));
        String next = q.offset() + returned < matched ? links.url(path, page(params, q.offset() + q.limit(), q), format)
                : null;
        String previous = q.offset() > 0
                ? links.url(path, page(params, Math.max(0, q.offset() - q.limit()), q), format) : null;
        List<Link> extra = new ArrayList<>(links.selfAndAlternate(path, params.all(), format, Links.GEOJSON,
                type.title() + " · 要素 features"));
        extra.add(new Link(links.url(collectionPath), "collection", Links.JSON, type.title()));
        response.setStatus(200);
        if (format == Format.HTML) {
            htmlPage(q, matched, returned, links, params, next, previous, response);
            return;
        }
        FeatureCollectionInfo info = FeatureCollectionInfo.of(type, q.crs())
                .withCounts(matched, returned)
                .withLinks(next, previous)
                .withExtraLinks(encodeLinks(extra))
                .withJsonAxisOrderFromCrs(true);
        response.setContentType(Links.GEOJSON);
        response.setHeader("Content-Crs", "<" + CollectionCrs.uri(q.crs()) + ">");
        try (FeatureCursor cursor = layer.features(q.query(), type, q.crs().srid())) {
            OutputStream out = new BufferedOutputStream(response.getOutputStream(), BUFFER);
            geoJson.write(info, cursor, out);
            out.flush();
        }
    }

    /** {@code /items/{featureId}}; {@code q} selects exactly the one feature, known to exist. */
    void feature(ItemsQuery q, Links links, QueryParams params, Format format, HttpServletResponse response)
            throws IOException {
        PublishedLayer layer = q.layer();
        FeatureType type = layer.visible();
        String collectionPath = "/collections/" + type.name();
        Feature feature;
        boolean html = format == Format.HTML;
        try (FeatureCursor cursor = layer.features(q.query(), type, html ? layer.stored().srid() : q.crs().srid())) {
            if (!cursor.hasNext()) {
                throw ApiException.notFound("no feature with that id in " + type.name());
            }
            feature = cursor.next();
        }
        String id = type.name() + "." + feature.id();
        String path = collectionPath + "/items/" + Links.encode(id);
        List<Link> all = new ArrayList<>(links.selfAndAlternate(path, params.all(), format, Links.GEOJSON, id));
        all.add(new Link(links.url(collectionPath), "collection", Links.JSON, type.title()));
        byte[] body;
        if (html) {
            response.setContentType(Links.HTML + ";charset=UTF-8");
            body = HtmlPages.feature(id, feature, crumbs(links, type, id), links.url(path, params.all(), Format.JSON))
                    .getBytes(StandardCharsets.UTF_8);
        } else {
            FeatureCollectionInfo info = FeatureCollectionInfo.of(type, q.crs()).withExtraLinks(encodeLinks(all))
                    .withJsonAxisOrderFromCrs(true);
            ByteArrayOutputStream one = new ByteArrayOutputStream();
            geoJson.writeFeature(info, feature, one);
            body = one.toByteArray();
            response.setContentType(Links.GEOJSON);
            response.setHeader("Content-Crs", "<" + CollectionCrs.uri(q.crs()) + ">");
        }
        response.setStatus(200);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void htmlPage(ItemsQuery q, long matched, long returned, Links links, QueryParams params, String next,
                          String previous, HttpServletResponse response) throws IOException {
        PublishedLayer layer = q.layer();
        FeatureType type = layer.visible();
        String path = "/collections/" + type.name() + "/items";
        List<Link> paging = new ArrayList<>();
        if (previous != null) {
            paging.add(new Link(previous, "prev", Links.HTML, "« 上一页 previous"));
        }
        if (next != null) {
            paging.add(new Link(next, "next", Links.HTML, "下一页 next »"));
        }
        response.setContentType(Links.HTML + ";charset=UTF-8");
        // HTML shows no coordinates: the features stay in the stored CRS, nothing is reprojected
        try (FeatureCursor cursor = layer.features(q.query(), type, layer.stored().srid())) {
            Writer out = new OutputStreamWriter(new BufferedOutputStream(response.getOutputStream(), BUFFER),
                    StandardCharsets.UTF_8);
            HtmlPages.ItemsPage page = new HtmlPages.ItemsPage(out, type);
            page.begin(crumbs(links, type, "要素 features"), links.url(path, params.all(), Format.JSON), matched,
                    returned, q.offset(), params.all(), links.url(path));
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                String id = type.name() + "." + f.id();
                page.feature(id, links.url(path + "/" + Links.encode(id), Map.of("f", "html")), f);
            }
            page.end(paging);
            out.flush();
        }
    }

    private static List<org.gengdi.server.encode.Link> encodeLinks(List<Link> links) {
        return links.stream().map(l -> new org.gengdi.server.encode.Link(l.href(), l.rel(), l.type(), l.title()))
                .toList();
    }

    /** The request's parameters with another page. */
    private static Map<String, String> page(QueryParams params, long offset, ItemsQuery q) {
        Map<String, String> p = new LinkedHashMap<>(params.all());
        p.put("limit", Long.toString(q.limit()));
        p.put("offset", Long.toString(offset));
        return p;
    }

    static List<Crumb> crumbs(Links links, FeatureType type, String last) {
        return List.of(new Crumb("OGC API", links.url("", Map.of("f", "html"))),
                new Crumb("图层 collections", links.url("/collections", Map.of("f", "html"))),
                new Crumb(type.title(), links.url("/collections/" + type.name(), Map.of("f", "html"))),
                new Crumb(last, null));
    }
}
