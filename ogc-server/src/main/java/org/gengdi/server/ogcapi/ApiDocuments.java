package org.gengdi.server.ogcapi;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.server.ogcapi.Links.Link;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers.LayerSummary;
import org.locationtech.jts.geom.Envelope;

/**
 * The JSON documents of OGC API Features besides features and the API definition: the landing page, the
 * conformance declaration, the collections, one collection and its queryables (JSON Schema 2020-12). Every
 * collection and queryable is built from the layer's public schema ({@link PublishedLayer#visible()}), so no
 * personal field is ever described.
 */
final class ApiDocuments {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    static final String TITLE = "耕地 Gengdi OGC API - Features";
    static final String DESCRIPTION = "永久基本农田保护红线、耕地等图层的要素服务 · "
            + "farmland protection layers (permanent basic farmland red line, cultivated land, …)";

    /** The conformance classes implemented, and only those. */
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions");

    private ApiDocuments() {
    }

    static ObjectNode landing(Links links, Map<String, String> params, Format f) {
        ObjectNode doc = MAPPER.createObjectNode().put("title", TITLE).put("description", DESCRIPTION);
        List<Link> all = new ArrayList<>(links.selfAndAlternate("", params, f, Links.JSON, "landing page"));
        all.add(new Link(links.url("/api"), "service-desc", Links.OPENAPI, "API definition (OpenAPI 3.0)"));
        all.add(new Link(links.url("/api", Map.of("f", "html")), "service-doc", Links.HTML,
                "API documentation (HTML)"));
        all.add(new Link(links.url("/conformance"), "conformance", Links.JSON, "conformance classes"));
        all.add(new Link(links.url("/collections"), "data", Links.JSON, "collections · 图层"));
        all.add(new Link(links.url("/processes"), ProcessDocuments.REL_PROCESSES, Links.JSON,
                "processes · 空间分析处理"));
        all.add(new Link(links.url("/jobs"), ProcessDocuments.REL_JOB_LIST, Links.JSON, "jobs · 作业"));
        Links.toJson(all, doc.putArray("links"));
        return doc;
    }

    static ObjectNode conformance(Links links, Map<String, String> params, Format f) {
        ObjectNode doc = MAPPER.createObjectNode();
        Links.toJson(links.selfAndAlternate("/conformance", params, f, Links.JSON, "conformance classes"),
                doc.putArray("links"));
        ArrayNode classes = doc.putArray("conformsTo");
        CONFORMANCE.forEach(classes::add);
        ProcessDocuments.CONFORMANCE.forEach(classes::add);
        return doc;
    }

    /** One collection as listed in {@code /collections} and answered at {@code /collections/{id}}. */
    record CollectionEntry(PublishedLayer layer, LayerSummary summary) {
    }

    static ObjectNode collections(Links links, List<CollectionEntry> entries, Map<String, String> params,
                                  Format f) {
        ObjectNode doc = MAPPER.createObjectNode();
        Links.toJson(links.selfAndAlternate("/collections", params, f, Links.JSON, "collections"),
                doc.putArray("links"));
        ArrayNode list = doc.putArray("collections");
        for (CollectionEntry e : entries) {
            list.add(collection(links, e, Map.of(), Format.JSON));
        }
        return doc;
    }

    static ObjectNode collection(Links links, CollectionEntry entry, Map<String, String> params, Format f) {
        FeatureType t = entry.layer().visible();
        String path = "/collections/" + t.name();
        ObjectNode c = MAPPER.createObjectNode();
        c.put("id", t.name());
        c.put("title", t.title());
        c.put("description", description(entry));
        c.put("itemType", "feature");
        Envelope lonLat = lonLatBounds(entry);
        if (lonLat != null) {
            ObjectNode spatial = c.putObject("extent").putObject("spatial");
            spatial.putArray("bbox").addArray().add(down(lonLat.getMinX())).add(down(lonLat.getMinY()))
                    .add(up(lonLat.getMaxX())).add(up(lonLat.getMaxY()));
            spatial.put("crs", CollectionCrs.CRS84);
        }
        CollectionCrs crs = CollectionCrs.of(t.srid());
        ArrayNode crsList = c.putArray("crs");
        crs.uris().forEach(crsList::add);
        c.put("storageCrs", crs.storageCrs());
        List<Link> all = new ArrayList<>(links.selfAndAlternate(path, params, f, Links.JSON, t.title()));
        all.add(new Link(links.url(path + "/items"), "items", Links.GEOJSON, "要素 features (GeoJSON)"));
        all.add(new Link(links.url(path + "/items", Map.of("f", "html")), "items", Links.HTML,
                "要素 features (HTML)"));
        all.add(new Link(links.url(path + "/queryables"), Links.REL_QUERYABLES, Links.SCHEMA,
                "可查询属性 queryables"));
        all.add(new Link(links.url(path + "/queryables", Map.of("f", "html")), Links.REL_QUERYABLES, Links.HTML,
                "可查询属性 queryables (HTML)"));
        Links.toJson(all, c.putArray("links"));
        return c;
    }

    /** The JSON Schema of the properties a filter may name: the public attributes and the geometry. */
    static ObjectNode queryables(Links links, PublishedLayer layer) {
        FeatureType t = layer.visible();
        ObjectNode doc = MAPPER.createObjectNode();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", links.url("/collections/" + t.name() + "/queryables"));
        doc.put("type", "object");
        doc.put("title", t.title());
        doc.put("description", "可用于 filter 参数（CQL2）和同名查询参数的属性 · the properties usable in CQL2 filters "
                + "and as query parameters of /items");
        ObjectNode properties = doc.putObject("properties");
        ObjectNode geometry = properties.putObject(t.geometryName()).put("title", "几何 geometry")
                .put("format", geometryFormat(t.geometryKind()))
                .put("x-ogc-role", "primary-geometry");
        if (t.geometryKind() != GeometryKind.GEOMETRY) {
            // QGIS recognises a geometry queryable by a reference to the GeoJSON schemas
            geometry.put("$ref", "https://geojson.org/schema/" + t.geometryKind().ogcName() + ".json");
        }
        for (AttributeDef a : t.attributes()) {
            properties.set(a.name(), attributeSchema(a));
        }
        doc.put("additionalProperties", false);
        return doc;
    }

    /** The JSON Schema of one attribute: type, format, Chinese title, maximum length and code list. */
    static ObjectNode attributeSchema(AttributeDef a) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("title", a.title());
        switch (a.type()) {
            case STRING -> {
                p.put("type", "string");
                if (a.length() > 0) {
                    p.put("maxLength", a.length());
                }
            }
            case INTEGER, LONG -> p.put("type", "integer");
            case DOUBLE -> p.put("type", "number");
            case BOOLEAN -> p.put("type", "boolean");
            case DATE -> p.put("type", "string").put("format", "date");
            case DATETIME -> p.put("type", "string").put("format", "date-time");
            default -> throw new IllegalStateException(a.type().name());
        }
        if (a.codeList() != null) {
            p.put("description", "代码表 code list " + a.codeList().id() + " " + a.codeList().title());
        }
        return p;
    }

    /** {@code geometry-multipolygon} etc. (Part 3), {@code geometry-any} for mixed layers. */
    static String geometryFormat(GeometryKind kind) {
        return kind == GeometryKind.GEOMETRY ? "geometry-any" : "geometry-" + kind.ogcName().toLowerCase(Locale.ROOT);
    }

    private static String description(CollectionEntry e) {
        FeatureType t = e.layer().visible();
        return String.format(Locale.ROOT, "%s (%s): %,d 个要素 features, %s, 存储坐标系 stored in EPSG:%d", t.title(),
                t.name(), e.summary().featureCount(), t.geometryKind().ogcName(), t.srid());
    }

    /** The layer's extent in CRS84 (longitude/latitude), or null for an empty layer. */
    static Envelope lonLatBounds(CollectionEntry e) {
        Envelope b = e.summary().bounds();
        if (b == null || b.isNull()) {
            return null;
        }
        int srid = e.layer().stored().srid();
        return srid == 4326 ? b : CrsRegistry.get().transform(srid, 4326).transform(b);
    }

    /** Degrees to 7 decimals (about 1 cm), rounded outwards so that the box still covers every feature. */
    private static double down(double degrees) {
        return Math.floor(degrees * 1e7) / 1e7;
    }

    private static double up(double degrees) {
        return Math.ceil(degrees * 1e7) / 1e7;
    }
}
