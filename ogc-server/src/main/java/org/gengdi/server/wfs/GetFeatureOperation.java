package org.gengdi.server.wfs;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.gengdi.core.crs.UnknownCrsException;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.feature.SortBy;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.cql2.Cql2Text;
import org.gengdi.core.filter.fes.FesFilterParser;
import org.gengdi.server.encode.FeatureCollectionInfo;
import org.gengdi.server.encode.FeatureEncoder;
import org.gengdi.server.encode.FeatureEncoders;
import org.gengdi.server.encode.GeoJsonEncoder;
import org.gengdi.server.encode.GmlEncoder;
import org.gengdi.server.encode.GmlVersion;
import org.gengdi.server.encode.KmlEncoder;
import org.gengdi.server.encode.ValueCollectionEncoder;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.OwsRequest;
import org.gengdi.server.ows.PublishedLayer;
import org.locationtech.jts.geom.Envelope;

/**
 * GetFeature over KVP for one feature type: TYPENAMES, RESOURCEID, BBOX, FILTER (FES 2.0), the CQL_FILTER vendor
 * parameter, PROPERTYNAME, SORTBY, SRSNAME, COUNT / STARTINDEX, RESULTTYPE and OUTPUTFORMAT. Everything is checked
 * and counted before the first byte is written, so errors are ExceptionReports with HTTP 400; the features then
 * stream from the store cursor to the response, reprojected and stripped of personal fields on the way.
 *
 * <p>Output CRS: SRSNAME as the client wrote it (echoed; {@code urn:ogc:def:crs:EPSG::4490} latitude first,
 * {@code EPSG:4490} longitude first); without it the layer's CRS in EPSG order for GML, CSV and Shapefile, and WGS 84
 * longitude/latitude for GeoJSON (which has no CRS member) and KML (always WGS 84).
 */
final class GetFeatureOperation {
    /** Features per response when COUNT is absent (declared as CountDefault). */
    static final long DEFAULT_COUNT = 5000;
    /** The largest COUNT honoured; larger values are clamped to it. */
    static final long MAX_COUNT = 100_000;
    /** The most feature types one GetFeature may name. */
    static final int MAX_TYPES = 20;

    private final WfsLayers layers;
    private final FeatureEncoders encoders;

    GetFeatureOperation(WfsLayers layers, FeatureEncoders encoders) {
        this.layers = layers;
        this.encoders = encoders;
    }

    /** The encoders offered with a WFS version: all but the GML versions of the other WFS versions. */
    static List<FeatureEncoder> encoders(FeatureEncoders encoders, WfsVersion version) {
        return encoders.all().stream()
                .filter(e -> !(e instanceof GmlEncoder g) || g.version() == version.gml()).toList();
    }

    /**
     * The query on one feature type.
     *
     * @param output the published attributes asked for
     * @param query  the store query; its offset and limit are those of the whole request until {@link #page}
     */
    record Part(PublishedLayer type, FeatureType output, Query query) {
    }

    /**
     * A parsed GetFeature (or GetPropertyValue) request: one part per feature type, answered one after the other
     * in one collection; paging runs over the concatenation.
     *
     * @param valueReference GetPropertyValue: the property whose values are asked for; null for GetFeature
     */
    record Plan(WfsVersion version, List<Part> parts, CrsRef crs, FeatureEncoder encoder, boolean hits, long count,
                long startIndex, boolean single, String valueReference) {

        Part first() {
            return parts.get(0);
        }
    }

    void run(WfsVersion version, OwsRequest request, HttpServletResponse response) throws IOException {
        execute(parse(version, request.kvp(), false), request, response);
    }

    /** WFS 2.0 GetPropertyValue: GetFeature's query, answered with the values of VALUEREFERENCE. */
    void runPropertyValue(OwsRequest request, HttpServletResponse response) throws IOException {
        execute(parse(WfsVersion.V2_0_0, request.kvp(), true), request, response);
    }

    private void execute(Plan plan, OwsRequest request, HttpServletResponse response) throws IOException {
        long[] matchedPerPart = new long[plan.parts().size()];
        long matched = 0;
        for (int i = 0; i < matchedPerPart.length; i++) {
            Part part = plan.parts().get(i);
            matchedPerPart[i] = layers.summaries().count(part.type(), part.query());
            matched += matchedPerPart[i];
        }
        if (plan.single() && matched == 0) {
            throw new OwsException(Code.NotFound, "ID", "no feature with that identifier");
        }
        long returned = plan.hits() ? 0 : Math.max(0, Math.min(matched - plan.startIndex(), plan.count()));
        if (plan.hits() && plan.version() == WfsVersion.V1_1_0) {
            returned = matched; // WFS 1.1 hits: numberOfFeatures is the number matched
        }
        String typeParameter = plan.version() == WfsVersion.V2_0_0 ? "&TYPENAMES=" : "&TYPENAME=";
        String typeNames = String.join(",", plan.parts().stream().map(p -> p.type().qualifiedName()).toList());
        FeatureCollectionInfo info = FeatureCollectionInfo.of(plan.first().output(), plan.crs())
                .withCounts(matched, returned)
                .withNamespace(WfsService.PREFIX, WfsService.NAMESPACE)
                .withSchemaLocation(request.serviceUrl() + "?SERVICE=WFS&VERSION=" + plan.version().text()
                        + "&REQUEST=DescribeFeatureType" + typeParameter + encode(typeNames));
        if (!plan.hits() && plan.version() == WfsVersion.V2_0_0) {
            String next = plan.startIndex() + returned < matched
                    ? pageUrl(request, plan.startIndex() + plan.count(), plan.count()) : null;
            String previous = plan.startIndex() > 0
                    ? pageUrl(request, Math.max(0, plan.startIndex() - plan.count()), plan.count()) : null;
            info = info.withLinks(next, previous);
        }
        List<Supplier<FeatureCursor>> pages = plan.hits() ? List.of() : page(plan, matchedPerPart);
        if (plan.valueReference() != null) {
            response.setStatus(200);
            response.setContentType(ValueCollectionEncoder.mimeType());
            try (FeatureCursor cursor = FeatureCursor.concat(pages)) {
                OutputStream out = new BufferedOutputStream(response.getOutputStream(), 65536);
                ValueCollectionEncoder.write(info, plan.valueReference(), cursor, out);
                out.flush();
            }
            return;
        }
        FeatureEncoder encoder = plan.encoder();
        response.setStatus(200);
        response.setContentType(encoder.mimeType());
        if (encoder.mimeType().startsWith("application/zip")) {
            response.setHeader("Content-Disposition", "attachment; filename=\""
                    + plan.first().type().stored().name() + "." + encoder.fileExtension() + "\"");
        }
        if (plan.single() && encoder instanceof GmlEncoder) {
            // GetFeatureById answers the feature itself, not a collection: one small feature, so buffered here.
            ByteArrayOutputStream collection = new ByteArrayOutputStream();
            try (FeatureCursor cursor = FeatureCursor.concat(pages)) {
                encoder.write(info.withLinks(null, null), cursor, collection);
            }
            byte[] bare = bareFeature(collection.toString(StandardCharsets.UTF_8), info);
            response.setContentLength(bare.length);
            response.getOutputStream().write(bare);
            return;
        }
        try (FeatureCursor cursor = FeatureCursor.concat(pages)) {
            OutputStream out = new BufferedOutputStream(response.getOutputStream(), 65536);
            encoder.write(info, cursor, out);
            out.flush();
        }
    }

    /**
     * The requested page over the parts one after the other: each part's own offset and limit, the parts before the
     * page or after it left out. Each cursor is opened only when the one before it is used up.
     */
    private static List<Supplier<FeatureCursor>> page(Plan plan, long[] matchedPerPart) {
        List<Supplier<FeatureCursor>> out = new ArrayList<>();
        long skip = plan.startIndex();
        long left = plan.count();
        for (int i = 0; i < matchedPerPart.length && left > 0; i++) {
            long m = matchedPerPart[i];
            if (skip >= m) {
                skip -= m;
                continue;
            }
            long take = Math.min(m - skip, left);
            Part part = plan.parts().get(i);
            Query q = part.query().withPage(skip, take);
            int srid = plan.crs().srid();
            out.add(() -> part.type().features(q, part.output(), srid));
            left -= take;
            skip = 0;
        }
        return out;
    }

    /** The member of a one-feature GML 3.2 collection, with the namespaces it uses declared on it. */
    private static byte[] bareFeature(String collection, FeatureCollectionInfo info) {
        int start = collection.indexOf("<wfs:member>");
        int end = collection.lastIndexOf("</wfs:member>");
        if (start < 0 || end < start) {
            throw new IllegalStateException("the GML encoder wrote no member");
        }
        String member = collection.substring(start + "<wfs:member>".length(), end);
        String open = "<" + info.namespacePrefix() + ":" + info.featureType().name();
        if (!member.startsWith(open)) {
            throw new IllegalStateException("unexpected member element");
        }
        String declarations = " xmlns:" + info.namespacePrefix() + "=\"" + info.namespaceUri() + "\" xmlns:gml=\""
                + GmlVersion.GML_3_2.namespace() + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:schemaLocation=\"" + info.namespaceUri() + " " + info.schemaLocation().replace("&", "&amp;")
                + " " + GmlVersion.GML_3_2.namespace() + " " + GmlVersion.GML_3_2.schemaLocation() + "\"";
        String bare = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + open + declarations
                + member.substring(open.length());
        return bare.getBytes(StandardCharsets.UTF_8);
    }

    Plan parse(WfsVersion version, KvpRequest kvp, boolean propertyValue) {
        CrsRegistry registry = CrsRegistry.get();
        String storedQuery = kvp.get("storedquery_id");
        if (version != WfsVersion.V2_0_0 && storedQuery != null) {
            throw new OwsException(Code.InvalidParameterValue, "storedQuery_id",
                    "stored queries are a WFS 2.0 feature; use VERSION=2.0.0");
        }
        String resourceIds = kvp.get("resourceid") != null ? kvp.get("resourceid") : kvp.get("featureid");
        String resourceLocator = kvp.get("resourceid") != null ? "resourceId" : "featureId";
        List<PublishedLayer> types;
        Filter storedFilter = null;
        boolean single = false;
        if (storedQuery != null) {
            StoredQueries.Definition query = StoredQueries.find(layers, storedQuery)
                    .orElseThrow(() -> StoredQueries.unknown(storedQuery));
            for (String k : List.of("typeNames", "typeName", "bbox", "filter", "resourceId", "featureId",
                    "cql_filter")) {
                if (kvp.get(k) != null) {
                    throw new OwsException(Code.InvalidParameterValue, k, k.toUpperCase(Locale.ROOT)
                            + " cannot be combined with STOREDQUERY_ID");
                }
            }
            String value = kvp.require(query.parameter());
            PublishedLayer type;
            if (query.id().equals(StoredQueries.GET_FEATURE_BY_ID)) {
                int dot = value.lastIndexOf('.');
                type = dot <= 0 ? null : layers.find(value.substring(0, dot)).orElse(null);
                if (type == null) {
                    throw new OwsException(Code.NotFound, "ID", "no feature with identifier '" + value + "'");
                }
                storedFilter = resourceId(type, value, false, "ID");
                single = true;
            } else {
                type = layers.require(StoredQueries.PARCEL_LAYER, "storedQuery_id");
                storedFilter = FilterValidator.validate(new Filter.Compare(StoredQueries.PARCEL_NUMBER,
                        Filter.CompareOp.EQ, value, true), type.stored(), type.hidden());
            }
            types = List.of(type);
        } else {
            types = types(kvp, resourceIds);
        }
        boolean many = types.size() > 1;
        if (many && propertyValue) {
            throw new OwsException(Code.InvalidParameterValue, "typeNames",
                    "GetPropertyValue reads one feature type; give one in TYPENAMES");
        }

        String bboxText = kvp.get("bbox");
        String fes = kvp.get("filter");
        String cql = kvp.get("cql_filter");
        int exclusive = (bboxText != null ? 1 : 0) + (fes != null ? 1 : 0) + (resourceIds != null ? 1 : 0);
        if (exclusive > 1) {
            throw new OwsException(Code.InvalidParameterValue, fes != null ? "filter" : "bbox",
                    "BBOX, FILTER and RESOURCEID are mutually exclusive; give at most one of them");
        }
        if (cql != null && fes != null) {
            throw new OwsException(Code.InvalidParameterValue, "cql_filter",
                    "CQL_FILTER and FILTER cannot be combined; give one of them");
        }
        // with several types, FILTER and PROPERTYNAME come in groups, one per type: (…)(…); CQL_FILTER as f1;f2
        List<String> fesGroups = fes == null ? null : groups(fes, types.size(), "filter");
        List<String> cqlGroups = cql == null ? null : many ? List.of(cql.split(";", -1)) : List.of(cql);
        if (cqlGroups != null && cqlGroups.size() != types.size()) {
            throw new OwsException(Code.InvalidParameterValue, "cql_filter", "CQL_FILTER needs one filter per "
                    + "type, separated by ';': " + types.size() + " types, " + cqlGroups.size() + " filters");
        }
        String propertyText = kvp.get("propertyname");
        List<String> propertyGroups = propertyText == null ? null
                : propertyText.strip().startsWith("(") ? groups(propertyText, types.size(), "propertyName")
                : java.util.Collections.nCopies(types.size(), propertyText);

        String valueReference = null;
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            PublishedLayer type = types.get(i);
            int srid = type.stored().srid();
            List<Filter> filters = new ArrayList<>();
            if (storedFilter != null) {
                filters.add(storedFilter);
            }
            if (resourceIds != null) {
                filters.add(resourceId(type, resourceIds, many, resourceLocator));
            }
            if (fesGroups != null) {
                FilterContext ctx = FilterContext.of(type.stored(), registry.parse(registry.urn(srid)))
                        .hiding(type.hidden());
                String text = fesGroups.get(i);
                filters.add(filter(() -> FesFilterParser.parse(text, ctx), "filter"));
            }
            if (cqlGroups != null) {
                // As GeoServer: CQL literals are in the layer's CRS, x = easting/longitude first.
                FilterContext cqlCtx = FilterContext.of(type.stored(), registry.parse(registry.shortName(srid)))
                        .hiding(type.hidden());
                String text = cqlGroups.get(i);
                filters.add(filter(() -> Cql2Text.parse(text, cqlCtx), "cql_filter"));
            }
            // WFS 1.0 boxes (and its SRS names) are always x = easting/longitude first
            Envelope bbox = bboxText == null ? null : bbox(bboxText, srid, version == WfsVersion.V1_0_0
                    ? registry.parse("EPSG:" + srid) : registry.parse(registry.urn(srid)));
            List<String> properties = propertyGroups == null ? null : properties(type, propertyGroups.get(i));
            if (propertyValue) {
                valueReference = valueReference(type, kvp.require("valueReference"));
                if (!type.stored().isGeometry(valueReference)) {
                    properties = List.of(valueReference);
                    filters.add(new Filter.Not(new Filter.IsNull(valueReference)));
                }
            }
            FeatureType output = properties == null ? type.visible() : type.selecting(properties);
            List<SortBy> sort = sortBy(type, kvp.get("sortby"));
            Query query = new Query(bbox, filters.isEmpty() ? Filter.INCLUDE : Filters.and(filters),
                    properties, sort, 0, -1);
            parts.add(new Part(type, output, query));
        }

        // the output CRS: SRSNAME, else the (first) type's own
        int srid = types.get(0).stored().srid();
        CrsRef crs = version == WfsVersion.V1_0_0 ? registry.parse("EPSG:" + srid) : registry.parse(registry.urn(srid));
        String srsName = kvp.get("srsname");
        if (srsName != null) {
            crs = crs(srsName, "srsName");
        }
        FeatureEncoder encoder = encoder(version, kvp.get("outputformat"));
        if (many && !encoder.mixesTypes()) {
            throw new OwsException(Code.InvalidParameterValue, "outputFormat", "outputFormat '"
                    + kvp.get("outputformat") + "' holds one feature type; ask for one type per request, "
                    + "or use GML or GeoJSON for several");
        }
        if (encoder instanceof KmlEncoder && crs.srid() != 4326) {
            crs = registry.parse("EPSG:4326");
        } else if (encoder instanceof GeoJsonEncoder && srsName == null) {
            // GeoJSON carries no CRS member (RFC 7946): without SRSNAME it is WGS 84 longitude/latitude.
            crs = registry.parse("CRS:84");
        }

        // COUNT (2.0) and MAXFEATURES (1.x) are accepted in every version, as clients mix them up
        long count = number(kvp, "count", DEFAULT_COUNT);
        if (kvp.get("count") == null && kvp.get("maxfeatures") != null) {
            count = number(kvp, "maxfeatures", DEFAULT_COUNT);
        }
        count = Math.min(count, MAX_COUNT);
        long start = number(kvp, "startindex", 0);
        String resultType = kvp.get("resulttype");
        boolean hits = false;
        if (resultType != null) {
            if (resultType.equalsIgnoreCase("hits")) {
                hits = true;
            } else if (!resultType.equalsIgnoreCase("results")) {
                throw new OwsException(Code.InvalidParameterValue, "resultType",
                        "resultType must be results or hits, not '" + resultType + "'");
            }
        }
        resolve(kvp.get("resolve"));
        return new Plan(version, List.copyOf(parts), crs, encoder, hits, count, start, single, valueReference);
    }

    /**
     * The feature types a request names: TYPENAMES (2.0) or TYPENAME (1.x), a comma list or WFS 2.0 query groups
     * {@code (a)(b)} — several types are answered as several queries, since joins are not offered — or, without
     * either, the types of the RESOURCEID / FEATUREID values ({@code LAYER.fid}).
     */
    private List<PublishedLayer> types(KvpRequest kvp, String resourceIds) {
        String names = kvp.get("typenames") != null ? kvp.get("typenames") : kvp.get("typename");
        String locator = kvp.get("typenames") != null ? "typeNames" : "typeName";
        Set<String> wanted = new LinkedHashSet<>();
        if (names == null) {
            if (resourceIds != null) {
                for (String id : WfsLayers.list(resourceIds)) {
                    int dot = id.lastIndexOf('.');
                    if (dot > 0) {
                        wanted.add(id.substring(0, dot));
                    }
                }
            }
            if (wanted.isEmpty()) {
                throw new OwsException(Code.MissingParameterValue, "typeNames", "missing parameter TYPENAMES");
            }
            locator = "resourceId";
        } else {
            wanted.addAll(WfsLayers.list(names));
        }
        if (wanted.size() > MAX_TYPES) {
            throw new OwsException(Code.InvalidParameterValue, locator,
                    "at most " + MAX_TYPES + " feature types per request");
        }
        List<PublishedLayer> out = new ArrayList<>();
        for (String name : wanted) {
            PublishedLayer t = layers.require(name, locator);
            if (out.stream().noneMatch(o -> o.name().equals(t.name()))) {
                out.add(t);
            }
        }
        return out;
    }

    /** RESOLVE: Gengdi's features hold no references, so none and local are trivially honoured; remote is not. */
    private static void resolve(String value) {
        if (value == null) {
            return;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "none", "local" -> {
            }
            case "remote", "all" -> throw new OwsException(Code.OptionNotSupported, "resolve",
                    "resolve=" + value + " is not offered (ImplementsRemoteResolve is FALSE); use local or none");
            default -> throw new OwsException(Code.InvalidParameterValue, "resolve",
                    "resolve must be local, remote, all or none, not '" + value + "'");
        }
    }

    /** {@code (x)(y)} → [x, y] (a single type may leave the parentheses out); one group per type. */
    private static List<String> groups(String text, int expected, String locator) {
        String t = text.strip();
        if (expected == 1 && !t.startsWith("(")) {
            return List.of(t);
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '(') {
                if (depth++ == 0) {
                    start = i + 1;
                }
            } else if (c == ')') {
                if (--depth == 0) {
                    out.add(t.substring(start, i));
                } else if (depth < 0) {
                    break;
                }
            } else if (depth == 0 && !Character.isWhitespace(c)) {
                depth = -1;
                break;
            }
        }
        if (depth != 0 || out.size() != expected) {
            throw new OwsException(Code.InvalidParameterValue, locator, locator.toUpperCase(Locale.ROOT)
                    + " needs one parenthesised group per feature type, (…)(…): " + expected + " types");
        }
        return out;
    }

    /**
     * The ids of one type among RESOURCEID values ({@code LAYER.fid} or a bare fid). With several types, ids of the
     * other types are theirs; with one, an id of another type is an error.
     */
    private static Filter resourceId(PublishedLayer type, String value, boolean many, String locator) {
        Set<String> ids = new LinkedHashSet<>();
        String prefix = type.stored().name() + ".";
        for (String id : WfsLayers.list(value)) {
            if (id.startsWith(prefix)) {
                ids.add(id.substring(prefix.length()));
            } else if (id.contains(".")) {
                if (!many) {
                    throw new OwsException(Code.InvalidParameterValue, locator,
                            "resource id '" + id + "' is not of type " + type.qualifiedName());
                }
            } else {
                ids.add(id);
            }
        }
        return ids.isEmpty() ? Filter.EXCLUDE : new Filter.ResourceId(ids);
    }

    private interface FilterSupplier {
        Filter get();
    }

    private static Filter filter(FilterSupplier parse, String locator) {
        try {
            return parse.get();
        } catch (InvalidFilterException e) {
            throw new OwsException(Code.InvalidParameterValue, locator, e.getMessage());
        } catch (FilterParseException e) {
            throw new OwsException(Code.InvalidParameterValue, locator, e.getMessage());
        } catch (UnknownCrsException e) {
            throw new OwsException(Code.InvalidParameterValue, locator, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new OwsException(Code.InvalidParameterValue, locator, "unusable filter: " + e.getMessage());
        }
    }

    /**
     * {@code minx,miny,maxx,maxy[,crs]} in the axis order of the CRS as written (URN/URL: EPSG order; EPSG:xxxx:
     * x first; none: the layer CRS in EPSG order), transformed into the layer CRS.
     */
    static Envelope bbox(String text, int layerSrid, CrsRef absent) {
        String[] parts = text.split(",");
        if (parts.length != 4 && parts.length != 5) {
            throw new OwsException(Code.InvalidParameterValue, "bbox",
                    "BBOX must be minx,miny,maxx,maxy[,crs]: '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new OwsException(Code.InvalidParameterValue, "bbox", "BBOX value '" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(v[i])) {
                throw new OwsException(Code.InvalidParameterValue, "bbox", "BBOX values must be finite numbers");
            }
        }
        if (v[0] > v[2] || v[1] > v[3]) {
            throw new OwsException(Code.InvalidParameterValue, "bbox",
                    "BBOX lower corner must not exceed its upper corner: '" + text + "'");
        }
        CrsRegistry registry = CrsRegistry.get();
        CrsRef crs = parts.length == 5 ? crs(parts[4], "bbox") : absent;
        Envelope e = CrsRegistry.envelope(v[0], v[1], v[2], v[3], crs.axisOrder());
        return crs.srid() == layerSrid ? e : registry.transform(crs.srid(), layerSrid).transform(e);
    }

    private static CrsRef crs(String text, String locator) {
        try {
            return CrsRegistry.get().parse(text);
        } catch (UnknownCrsException e) {
            throw new OwsException(Code.InvalidParameterValue, locator, e.getMessage());
        }
    }

    /** PROPERTYNAME: public attribute names (the geometry is always returned); null for all. */
    private static List<String> properties(PublishedLayer type, String value) {
        if (value == null || value.strip().equals("*")) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String p : WfsLayers.list(value)) {
            String name = localName(p);
            if (type.stored().isGeometry(name)) {
                continue;
            }
            AttributeDef a = type.visible().attribute(name);
            if (a == null) {
                throw new OwsException(Code.InvalidParameterValue, "propertyName",
                        "unknown property '" + p + "' in " + type.qualifiedName());
            }
            names.add(a.name());
        }
        return names;
    }

    /** VALUEREFERENCE: a public attribute or the geometry, by (prefixed) name or simple XPath. */
    private static String valueReference(PublishedLayer type, String value) {
        String name = localName(value);
        if (name.startsWith("@") || name.contains("[") || name.contains("(")) {
            throw new OwsException(Code.InvalidParameterValue, "valueReference",
                    "valueReference must name a property of " + type.qualifiedName() + ", not '" + value + "'");
        }
        if (type.stored().isGeometry(name)) {
            return type.stored().geometryName();
        }
        AttributeDef a = type.visible().attribute(name);
        if (a == null) {
            throw new OwsException(Code.InvalidParameterValue, "valueReference",
                    "unknown property '" + value + "' in " + type.qualifiedName());
        }
        return a.name();
    }

    /** SORTBY: {@code DLBM ASC,TBMJ DESC}, {@code DLBM+A} (the plus decoded as a blank), {@code DLBM}. */
    private static List<SortBy> sortBy(PublishedLayer type, String value) {
        List<SortBy> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        for (String key : value.split(",")) {
            String[] words = key.strip().split("[\\s+]+");
            if (words.length == 0 || words[0].isEmpty() || words.length > 2) {
                throw new OwsException(Code.InvalidParameterValue, "sortBy", "unreadable SORTBY key '" + key + "'");
            }
            AttributeDef a = type.visible().attribute(localName(words[0]));
            if (a == null) {
                throw new OwsException(Code.InvalidParameterValue, "sortBy",
                        "unknown property '" + words[0] + "' in SORTBY for " + type.qualifiedName());
            }
            boolean asc = true;
            if (words.length == 2) {
                switch (words[1].toUpperCase(Locale.ROOT)) {
                    case "ASC", "A" -> asc = true;
                    case "DESC", "D" -> asc = false;
                    default -> throw new OwsException(Code.InvalidParameterValue, "sortBy",
                            "sort order must be ASC or DESC, not '" + words[1] + "'");
                }
            }
            out.add(new SortBy(a.name(), asc));
        }
        return out;
    }

    private static String localName(String p) {
        String s = p.strip();
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        int colon = s.indexOf(':');
        return colon >= 0 ? s.substring(colon + 1) : s;
    }

    private FeatureEncoder encoder(WfsVersion version, String format) {
        if (format == null) {
            return version.defaultEncoder();
        }
        return encoders(encoders, version).stream()
                .filter(e -> encoders.find(format).map(found -> found == e).orElse(false))
                .findFirst()
                .orElseThrow(() -> new OwsException(Code.InvalidParameterValue, "outputFormat",
                        "unsupported outputFormat '" + format + "'; offered: "
                                + String.join(", ", WfsCapabilities.outputFormats(encoders, version))));
    }

    private static long number(KvpRequest kvp, String key, long absent) {
        String v = kvp.get(key);
        if (v == null) {
            return absent;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new OwsException(Code.InvalidParameterValue, key,
                    key.toUpperCase(Locale.ROOT) + " must be a non-negative integer, not '" + v + "'");
        }
    }

    /** The same request with another page. */
    private static String pageUrl(OwsRequest request, long start, long count) {
        Map<String, String> params = new LinkedHashMap<>();
        request.kvp().all().forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (!key.equals("startindex") && !key.equals("count") && !key.equals("maxfeatures")) {
                params.put(k, v);
            }
        });
        params.put("COUNT", Long.toString(count));
        params.put("STARTINDEX", Long.toString(start));
        StringBuilder b = new StringBuilder(request.serviceUrl()).append('?');
        params.forEach((k, v) -> b.append(encode(k)).append('=').append(encode(v)).append('&'));
        b.setLength(b.length() - 1);
        return b.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
