package org.gengdi.server.ogcapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.server.ogcapi.Links.Link;
import org.gengdi.server.web.Html;
import org.locationtech.jts.geom.Geometry;

/**
 * The HTML encoding of every resource: plain, self-contained pages (UTF-8, inline style, no scripts, no external
 * resources) rendered from the same JSON documents the API answers, so both say the same. Every value from the data
 * or the request is escaped. Feature pages are written row by row as the features stream.
 */
final class HtmlPages {
    private static final String STYLE = "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
            + "margin:1.5em 2em;color:#222;line-height:1.45}a{color:#0b57a4}h1{font-size:1.5em}h2{font-size:1.15em;"
            + "margin-top:1.5em}table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;"
            + "padding:3px 7px;text-align:left;vertical-align:top}th{background:#f3f3f3}code{background:#f4f4f4;"
            + "padding:0 3px}nav{font-size:.9em;margin-bottom:1em}nav a{margin-right:.3em}.muted{color:#666}"
            + "form label{display:inline-block;margin:0 1em .4em 0}input[type=text]{width:24em}";

    private HtmlPages() {
    }

    /** A breadcrumb: title and URL (null for the current page). */
    record Crumb(String title, String href) {
    }

    // ------------------------------------------------------------------------------------------ documents

    static String landing(JsonNode doc, List<Crumb> crumbs) {
        StringBuilder b = start(doc.path("title").asText(), crumbs, jsonHref(doc));
        p(b, doc.path("description").asText());
        b.append("<h2>链接 Links</h2>");
        linkTable(b, doc.path("links"));
        return end(b);
    }

    static String conformance(JsonNode doc, List<Crumb> crumbs) {
        StringBuilder b = start("一致性类 Conformance classes", crumbs, jsonHref(doc));
        b.append("<ul>");
        for (JsonNode c : doc.path("conformsTo")) {
            b.append("<li><code>").append(esc(c.asText())).append("</code></li>");
        }
        b.append("</ul>");
        return end(b);
    }

    static String collections(JsonNode doc, List<Crumb> crumbs) {
        StringBuilder b = start("图层 Collections", crumbs, jsonHref(doc));
        b.append("<table><tr><th>标识 id</th><th>标题 title</th><th>说明 description</th><th>要素 features</th></tr>");
        for (JsonNode c : doc.path("collections")) {
            String html = linkOf(c, "self", Links.HTML);
            String items = linkOf(c, "items", Links.HTML);
            b.append("<tr><td><a href=\"").append(esc(html)).append("\"><code>").append(esc(c.path("id").asText()))
                    .append("</code></a></td><td>").append(esc(c.path("title").asText())).append("</td><td>")
                    .append(esc(c.path("description").asText())).append("</td><td><a href=\"").append(esc(items))
                    .append("\">浏览 browse</a></td></tr>");
        }
        b.append("</table>");
        return end(b);
    }

    static String collection(JsonNode c, List<Crumb> crumbs) {
        StringBuilder b = start(c.path("title").asText() + " · " + c.path("id").asText(), crumbs, jsonHref(c));
        p(b, c.path("description").asText());
        b.append("<table>");
        row(b, "标识 id", "<code>" + esc(c.path("id").asText()) + "</code>");
        row(b, "要素类型 item type", esc(c.path("itemType").asText()));
        JsonNode bbox = c.path("extent").path("spatial").path("bbox").path(0);
        if (bbox.isArray()) {
            row(b, "范围 extent (CRS84)", esc(bbox.get(0).asText() + ", " + bbox.get(1).asText() + " – "
                    + bbox.get(2).asText() + ", " + bbox.get(3).asText()));
        }
        StringBuilder crs = new StringBuilder();
        for (JsonNode u : c.path("crs")) {
            crs.append("<code>").append(esc(u.asText())).append("</code><br>");
        }
        row(b, "坐标系 CRS", crs.toString());
        row(b, "存储坐标系 storage CRS", "<code>" + esc(c.path("storageCrs").asText()) + "</code>");
        b.append("</table><h2>链接 Links</h2>");
        linkTable(b, c.path("links"));
        return end(b);
    }

    static String queryables(JsonNode doc, List<Crumb> crumbs) {
        StringBuilder b = start("可查询属性 Queryables · " + doc.path("title").asText(), crumbs,
                doc.path("$id").asText() + "?f=json");
        p(b, doc.path("description").asText());
        b.append("<table><tr><th>名称 name</th><th>标题 title</th><th>类型 type</th><th>说明 notes</th></tr>");
        Iterator<Map.Entry<String, JsonNode>> it = doc.path("properties").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode q = e.getValue();
            String type = q.has("type") ? q.path("type").asText() : "";
            if (q.has("format")) {
                type += (type.isEmpty() ? "" : " ") + "(" + q.path("format").asText() + ")";
            }
            String notes = q.has("maxLength") ? "≤ " + q.path("maxLength").asText() + " 字符 characters" : "";
            if (q.has("description")) {
                notes += (notes.isEmpty() ? "" : "; ") + q.path("description").asText();
            }
            b.append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td>")
                    .append(esc(q.path("title").asText())).append("</td><td>").append(esc(type)).append("</td><td>")
                    .append(esc(notes)).append("</td></tr>");
        }
        b.append("</table>");
        return end(b);
    }

    /** The API documentation (service-doc): every path with its parameters, from the OpenAPI document. */
    static String api(JsonNode openapi, String jsonHref, List<Crumb> crumbs) {
        StringBuilder b = start("API 文档 · " + openapi.path("info").path("title").asText(), crumbs, jsonHref);
        p(b, openapi.path("info").path("description").asText());
        b.append("<p>OpenAPI 3.0: <a href=\"").append(esc(jsonHref)).append("\">").append(esc(jsonHref))
                .append("</a></p><p>根地址 server: <code>").append(esc(openapi.path("servers").path(0).path("url")
                        .asText())).append("</code></p>");
        JsonNode parameters = openapi.path("components").path("parameters");
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().path("get");
            b.append("<h2>GET <code>").append(esc(path.getKey())).append("</code></h2>");
            p(b, get.path("summary").asText());
            if (get.path("parameters").size() == 0) {
                continue;
            }
            b.append("<table><tr><th>参数 parameter</th><th>位置 in</th><th>说明 description</th></tr>");
            for (JsonNode par : get.path("parameters")) {
                JsonNode def = par;
                if (par.has("$ref")) {
                    String ref = par.path("$ref").asText();
                    def = parameters.path(ref.substring(ref.lastIndexOf('/') + 1));
                }
                b.append("<tr><td><code>").append(esc(def.path("name").asText())).append("</code></td><td>")
                        .append(esc(def.path("in").asText())).append("</td><td>")
                        .append(esc(def.path("description").asText())).append("</td></tr>");
            }
            b.append("</table>");
        }
        return end(b);
    }

    // --------------------------------------------------------------------------------------------- features

    /** The features page, written in three steps as the features stream. */
    static final class ItemsPage {
        private final Writer out;
        private final FeatureType type;

        ItemsPage(Writer out, FeatureType type) {
            this.out = out;
            this.type = type;
        }

        void begin(List<Crumb> crumbs, String jsonHref, long matched, long returned, long offset,
                   Map<String, String> params, String formAction) throws IOException {
            StringBuilder b = start(type.title() + " · 要素 features", crumbs, jsonHref);
            b.append("<p>").append(String.format(Locale.ROOT, "共 %,d 个要素匹配，本页 %,d 个（第 %,d – %,d 个）· "
                            + "%,d features match, %,d on this page", matched, returned,
                    returned == 0 ? 0 : offset + 1, offset + returned, matched, returned)).append("</p>");
            form(b, params, formAction);
            b.append("<table><tr><th>id</th><th>几何 geometry</th>");
            for (AttributeDef a : type.attributes()) {
                b.append("<th title=\"").append(esc(a.title())).append("\">").append(esc(a.name()))
                        .append("<br><span class=\"muted\">").append(esc(a.title())).append("</span></th>");
            }
            b.append("</tr>");
            out.write(b.toString());
        }

        void feature(String id, String href, Feature f) throws IOException {
            StringBuilder b = new StringBuilder(512);
            b.append("<tr><td><a href=\"").append(esc(href)).append("\">").append(esc(id)).append("</a></td><td>")
                    .append(esc(geometrySummary(f.geometry()))).append("</td>");
            for (int i = 0; i < type.attributes().size(); i++) {
                b.append("<td>").append(esc(text(f.value(i)))).append("</td>");
            }
            b.append("</tr>");
            out.write(b.toString());
        }

        void end(List<Link> paging) throws IOException {
            StringBuilder b = new StringBuilder("</table><p>");
            for (Link l : paging) {
                b.append("<a rel=\"").append(esc(l.rel())).append("\" href=\"").append(esc(l.href())).append("\">")
                        .append(esc(l.title())).append("</a> ");
            }
            b.append("</p>");
            out.write(HtmlPages.end(b));
        }

        /** A GET form for the filter parameters; empty fields are ignored by the server. */
        private static void form(StringBuilder b, Map<String, String> params, String action) {
            b.append("<form method=\"get\" action=\"").append(esc(action)).append("\">")
                    .append("<input type=\"hidden\" name=\"f\" value=\"html\">")
                    .append("<label>filter (CQL2) <input type=\"text\" name=\"filter\" value=\"")
                    .append(esc(params.getOrDefault("filter", ""))).append("\" placeholder=\"DLBM = '0101' AND ")
                    .append("ZLDWMC LIKE '%村'\"></label><label>filter-lang <select name=\"filter-lang\">");
            String lang = params.getOrDefault("filter-lang", "cql2-text");
            for (String l : List.of("cql2-text", "cql2-json")) {
                b.append("<option").append(l.equals(lang) ? " selected" : "").append(">").append(l)
                        .append("</option>");
            }
            b.append("</select></label><label>bbox (lon,lat) <input type=\"text\" name=\"bbox\" value=\"")
                    .append(esc(params.getOrDefault("bbox", ""))).append("\" placeholder=\"116.9,31.9,117.1,32.1\">")
                    .append("</label><label>limit <input type=\"number\" name=\"limit\" min=\"1\" max=\"")
                    .append(ItemsQuery.MAX_LIMIT).append("\" value=\"")
                    .append(esc(params.getOrDefault("limit", Long.toString(ItemsQuery.DEFAULT_LIMIT))))
                    .append("\"></label> <button type=\"submit\">查询 query</button></form>");
        }
    }

    /** One feature: its properties in a table. */
    static String feature(String id, Feature f, List<Crumb> crumbs, String jsonHref) {
        FeatureType type = f.type();
        StringBuilder b = start(type.title() + " · " + id, crumbs, jsonHref);
        b.append("<table>");
        row(b, "id", esc(id));
        row(b, "几何 geometry", esc(geometrySummary(f.geometry())));
        for (int i = 0; i < type.attributes().size(); i++) {
            AttributeDef a = type.attributes().get(i);
            row(b, a.name() + " " + a.title(), esc(text(f.value(i))));
        }
        b.append("</table>");
        return end(b);
    }

    /** A page of the processes part: a title, an optional lead paragraph, a table of rows and the links. */
    static String simple(String title, String lead, List<String[]> rows, JsonNode links, List<Crumb> crumbs,
                         String jsonHref) {
        StringBuilder b = start(title, crumbs, jsonHref);
        p(b, lead);
        if (!rows.isEmpty()) {
            b.append("<table>");
            for (String[] r : rows) {
                row(b, r[0], r[1]);
            }
            b.append("</table>");
        }
        if (links != null && links.size() > 0) {
            b.append("<h2>链接 links</h2>");
            linkTable(b, links);
        }
        return end(b);
    }

    // ------------------------------------------------------------------------------------------------ parts

    private static StringBuilder start(String title, List<Crumb> crumbs, String jsonHref) {
        StringBuilder b = new StringBuilder(8192);
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(esc(title)).append(" — 耕地 Gengdi</title><style>").append(STYLE).append("</style>");
        if (jsonHref != null) {
            b.append("<link rel=\"alternate\" type=\"application/json\" href=\"").append(esc(jsonHref)).append("\">");
        }
        b.append("</head><body><nav>");
        for (int i = 0; i < crumbs.size(); i++) {
            Crumb c = crumbs.get(i);
            if (i > 0) {
                b.append(" / ");
            }
            if (c.href() == null) {
                b.append(esc(c.title()));
            } else {
                b.append("<a href=\"").append(esc(c.href())).append("\">").append(esc(c.title())).append("</a>");
            }
        }
        if (jsonHref != null) {
            b.append(" · <a href=\"").append(esc(jsonHref)).append("\">JSON</a>");
        }
        b.append("</nav><h1>").append(esc(title)).append("</h1>");
        return b;
    }

    private static String end(StringBuilder b) {
        return b.append("</body></html>").toString();
    }

    private static void p(StringBuilder b, String text) {
        if (text != null && !text.isEmpty()) {
            b.append("<p>").append(esc(text)).append("</p>");
        }
    }

    private static void row(StringBuilder b, String header, String html) {
        b.append("<tr><th>").append(esc(header)).append("</th><td>").append(html).append("</td></tr>");
    }

    private static void linkTable(StringBuilder b, JsonNode links) {
        b.append("<table><tr><th>rel</th><th>标题 title</th><th>类型 type</th></tr>");
        for (JsonNode l : links) {
            b.append("<tr><td><code>").append(esc(l.path("rel").asText())).append("</code></td><td><a href=\"")
                    .append(esc(l.path("href").asText())).append("\">")
                    .append(esc(l.has("title") ? l.path("title").asText() : l.path("href").asText()))
                    .append("</a></td><td>").append(esc(l.path("type").asText())).append("</td></tr>");
        }
        b.append("</table>");
    }

    /** The href of the first link with this rel and type. */
    private static String linkOf(JsonNode doc, String rel, String type) {
        for (JsonNode l : doc.path("links")) {
            if (l.path("rel").asText().equals(rel) && l.path("type").asText().equals(type)) {
                return l.path("href").asText();
            }
        }
        return "";
    }

    /** The JSON alternate of a document rendered as HTML. */
    private static String jsonHref(JsonNode doc) {
        for (JsonNode l : doc.path("links")) {
            String rel = l.path("rel").asText();
            if ((rel.equals("alternate") || rel.equals("self")) && !l.path("type").asText().equals(Links.HTML)) {
                return l.path("href").asText();
            }
        }
        return null;
    }

    private static String geometrySummary(Geometry g) {
        if (g == null) {
            return "";
        }
        return g.getGeometryType() + " · " + g.getNumPoints() + " 点 points";
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : d.toString();
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof OffsetDateTime t) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
        }
        return v.toString();
    }

    private static String esc(String s) {
        return Html.escape(s);
    }
}
