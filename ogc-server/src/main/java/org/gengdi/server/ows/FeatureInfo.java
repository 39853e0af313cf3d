package org.gengdi.server.ows;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.server.encode.FeatureCollectionInfo;
import org.gengdi.server.encode.FeatureEncoder;
import org.gengdi.server.encode.GeoJsonEncoder;
import org.gengdi.server.encode.GmlEncoder;
import org.gengdi.server.web.Html;

/**
 * The answer to a feature-info request (WMS GetFeatureInfo, WMTS GetFeatureInfo): the features each query selects,
 * without personal fields, as plain text, an HTML table, GeoJSON (WGS 84 lon/lat) or GML 2 / 3.1.1.
 */
public final class FeatureInfo {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String JSON = "application/json";
    public static final String GML = "application/vnd.ogc.gml";
    /** The formats offered, as WMS and WMTS capabilities list them. */
    public static final List<String> FORMATS = List.of(TEXT, HTML, JSON, GML, "application/vnd.ogc.gml/3.1.1");

    /** One layer's query. */
    public record Hits(PublishedLayer layer, Query query) {
    }

    private FeatureInfo() {
    }

    /** True when a format (spaces and case ignored) is one of {@link #FORMATS} or an alias of one. */
    public static boolean offered(String format) {
        String f = format.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return FORMATS.stream().map(x -> x.toLowerCase(java.util.Locale.ROOT)).toList().contains(f)
                || f.equals("application/geo+json") || f.equals("text/xml");
    }

    /**
     * Writes the answer.
     *
     * @param f       the format, lower case without spaces
     * @param mapSrid the CRS of the map (GML answers use it)
     */
    public static void write(String f, List<Hits> hits, int mapSrid, HttpServletResponse response)
            throws IOException {
        response.setStatus(200);
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 16384);
        if (f.equals(JSON) || f.equals("application/geo+json")) {
            response.setContentType(JSON + ";charset=UTF-8");
            encode(new GeoJsonEncoder(), hits, CrsRegistry.get().parse("CRS:84"), out);
        } else if (f.startsWith(GML) || f.equals("text/xml")) {
            response.setContentType(f.endsWith("3.1.1") ? "application/vnd.ogc.gml/3.1.1" : GML);
            encode(f.endsWith("3.1.1") ? GmlEncoder.gml311() : GmlEncoder.gml2(), hits,
                    CrsRegistry.get().parse("EPSG:" + mapSrid), out);
        } else {
            boolean html = f.equals(HTML);
            response.setContentType((html ? HTML : TEXT) + ";charset=UTF-8");
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            if (html) {
                html(hits, w);
            } else {
                text(hits, w);
            }
            w.flush();
        }
        out.flush();
    }

    private static void encode(FeatureEncoder encoder, List<Hits> hits, org.gengdi.core.crs.CrsRef crs,
                               OutputStream out) throws IOException {
        List<Supplier<FeatureCursor>> cursors = new ArrayList<>();
        long total = 0;
        for (Hits h : hits) {
            total += Math.min(h.layer().source().count(h.query().unpaged()), h.query().limit());
            cursors.add(() -> h.layer().features(h.query(), h.layer().visible(), crs.srid()));
        }
        FeatureCollectionInfo info = FeatureCollectionInfo.of(hits.get(0).layer().visible(), crs)
                .withCounts(total, total);
        try (FeatureCursor c = FeatureCursor.concat(cursors)) {
            encoder.write(info, c, out);
        }
    }

    private static void text(List<Hits> hits, Writer w) throws IOException {
        boolean any = false;
        for (Hits h : hits) {
            try (FeatureCursor c = h.layer().features(h.query(), h.layer().visible(), h.layer().stored().srid())) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    any = true;
                    FeatureType t = f.type();
                    w.write("图层 Layer '" + t.name() + "' (" + t.title() + ")\n");
                    w.write("要素 Feature " + t.name() + "." + f.id() + ":\n");
                    for (int k = 0; k < t.attributes().size(); k++) {
                        AttributeDef a = t.attributes().get(k);
                        Object v = f.value(k);
                        w.write("  " + a.name() + " (" + a.title() + ") = " + (v == null ? "" : v) + "\n");
                    }
                    w.write("\n");
                }
            }
        }
        if (!any) {
            w.write("no features were found\n");
        }
    }

    private static void html(List<Hits> hits, Writer w) throws IOException {
        w.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>要素信息 Feature info"
                + "</title><style>table{border-collapse:collapse;font:13px sans-serif}td,th{border:1px solid #ccc;"
                + "padding:2px 6px;text-align:left}caption{font-weight:bold;text-align:left}</style></head><body>\n");
        boolean any = false;
        for (Hits h : hits) {
            try (FeatureCursor c = h.layer().features(h.query(), h.layer().visible(), h.layer().stored().srid())) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    any = true;
                    FeatureType t = f.type();
                    w.write("<table><caption>" + Html.escape(t.title()) + " " + Html.escape(t.name() + "." + f.id())
                            + "</caption>\n");
                    for (int k = 0; k < t.attributes().size(); k++) {
                        AttributeDef a = t.attributes().get(k);
                        Object v = f.value(k);
                        w.write("<tr><th title=\"" + Html.escape(a.name()) + "\">" + Html.escape(a.title()) + "</th><td>"
                                + Html.escape(v == null ? "" : v.toString()) + "</td></tr>\n");
                    }
                    w.write("</table><br>\n");
                }
            }
        }
        if (!any) {
            w.write("<p>没有找到要素 no features were found</p>\n");
        }
        w.write("</body></html>\n");
    }
}
