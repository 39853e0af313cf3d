package org.gengdi.process.occupation;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.farmland.AnalysisZone;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The printable occupation report: Chinese first with English labels, every table of the JSON report, the rule
 * verdicts with the rule text and source, and a map of the footprint over the intersected layers (a plain Java2D
 * drawing, embedded as PNG).
 */
public final class OccupationReportHtml {
    private static final Map<String, Color> COLOURS = Map.of("YJJBNTBHTB", new Color(230, 0, 0, 160),
            "STBHHX", new Color(0, 150, 60, 140), "YJJBNTCBQ", new Color(255, 150, 0, 140),
            "GBZNT", new Color(120, 60, 200, 120), "CZKFBJ", new Color(90, 90, 90, 90));

    private OccupationReportHtml() {
    }

    public static String render(JsonNode report, Geometry footprint, List<GeoFeature> pieces, AnalysisZone zone) {
        StringBuilder b = new StringBuilder(32_768);
        JsonNode h = report.path("header");
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>建设项目占用分析报告 "
                + "Occupation analysis</title><style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;"
                + "margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.2em}td,th{border:1px solid #999;"
                + "padding:3px 8px;font-size:13px}th{background:#eee}td.n{text-align:right}.FAIL{color:#b00;font-weight:"
                + "bold}.WARN{color:#b60}.PASS{color:#070}.NOT_EVALUATED{color:#555;font-style:italic}"
                + "@media print{body{margin:0}}</style></head><body>");
        b.append("<h1>建设项目占用永久基本农田及耕地分析报告</h1><p>Occupation analysis report</p>");
        table(b, new String[] {"项目 Item", "内容 Value"}, new String[][] {
                {"项目名称 Project", text(h, "project")}, {"项目类别 Category (declared)", text(h, "category")},
                {"用途 Use", text(h, "use")}, {"临时用地 Temporary", text(h, "temporary")},
                {"用地面积 Footprint", area(h.path("footprintArea"))}, {"投影带 Zone", text(h, "zone")},
                {"数据年份 Data year", text(report.path("landUse"), "dataYear")},
                {"面积方法 Area method", text(h, "areaMethod")}, {"日期 Date", text(h, "date")},
                {"说明 Note", text(h, "declared")}});
        b.append("<p>坐标系 CRS: EPSG:").append(zone.srid()).append("</p>");
        b.append("<h2>示意图 Map</h2><img alt=\"map\" src=\"data:image/png;base64,")
                .append(map(footprint, pieces)).append("\" width=\"640\" height=\"420\">");
        b.append("<h2>一、现状地类 Current land use</h2>");
        rows(b, report.path("landUse").path("byDlbm"), new String[] {"地类编码 DLBM", "地类名称 Name", "面积 Area"},
                "dlbm", "name", "@area");
        rows(b, report.path("landUse").path("byCategory"), new String[] {"三大类 Category", "面积 Area"}, "category",
                "@area");
        rows(b, report.path("landUse").path("byOwnership"), new String[] {"权属 Ownership", "面积 Area"}, "ownership",
                "@area");
        b.append("<p>涉及乡镇 ").append(text(report.path("landUse"), "townships")).append(" 个、村 ")
                .append(text(report.path("landUse"), "villages")).append(" 个 · townships and villages involved</p>");
        JsonNode cu = report.path("cultivated");
        b.append("<h2>二、耕地 Cultivated land</h2><p>毛面积 gross ").append(area(cu.path("gross"))).append("；净面积 net ")
                .append(area(cu.path("net"))).append("；田坎 ridges ").append(area(cu.path("ridges")))
                .append("；平均质量等级 mean grade (").append(text(cu, "gradeScale")).append(") ")
                .append(text(cu, "meanGrade")).append("</p>");
        rows(b, cu.path("byType"), new String[] {"地类 DLBM", "名称 Name", "毛面积 Gross", "净面积 Net"}, "dlbm", "name",
                "@gross", "@net");
        rows(b, cu.path("bySlope"), new String[] {"坡度级别 GDPDJB", "耕地类型 GDLX", "毛面积 Gross", "净面积 Net"},
                "slopeClass", "gdlx", "@gross", "@net");
        rows(b, cu.path("byGrade"), new String[] {"质量等级 Grade", "毛面积 Gross", "净面积 Net"}, "grade", "@gross",
                "@net");
        rows(b, cu.path("byVillage"), new String[] {"村代码 Village", "名称 Name", "毛面积 Gross", "净面积 Net"}, "code",
                "name", "@gross", "@net");
        JsonNode rl = report.path("redLine");
        b.append("<h2>三、永久基本农田 Permanent basic farmland</h2>");
        if (rl.has("notEvaluated")) {
            b.append("<p class=\"NOT_EVALUATED\">").append(esc(rl.path("notEvaluated").asText())).append("</p>");
        } else {
            table(b, new String[] {"指标 Indicator", "数值 Value"}, new String[][] {
                    {"占用毛面积 Gross", area(rl.path("gross"))}, {"占用净面积 Net", area(rl.path("net"))},
                    {"其中水田 Paddy", area(rl.path("paddyNet"))}, {"其中水浇地 Irrigated", area(rl.path("irrigatedNet"))},
                    {"图斑数 Parcels", text(rl, "parcelCount")}, {"平均质量等级 Mean grade", text(rl, "meanGrade")},
                    {"现状非耕地 Currently not cultivated", area(rl.path("currentlyNotCultivated"))}});
        }
        b.append("<h2>四、三条控制线及其他 Control lines and other constraints</h2>");
        table(b, new String[] {"图层 Layer", "面积 Area"}, new String[][] {
                {"生态保护红线 Ecological red line", layerArea(report.path("ecologicalRedLine"), "area")},
                {"城镇开发边界内 Inside the urban boundary", layerArea(report.path("urbanBoundary"), "inside")},
                {"其中永久基本农田 of which red line", layerArea(report.path("urbanBoundary"), "redLineInside")},
                {"储备区 Reserve", layerArea(report.path("reserve"), "area")},
                {"高标准农田 High-standard farmland", layerArea(report.path("highStandardFarmland"), "area")},
                {"河湖管理范围 River/lake range", layerArea(report.path("riverLakeRange"), "area")},
                {"水源保护区 Water-source area", layerArea(report.path("waterSourceArea"), "area")}});
        b.append("<h2>五、规则判定 Rule verdicts</h2><table><tr><th>规则 Rule</th><th>级别 Severity</th><th>判定 Verdict"
                + "</th><th>说明 Finding</th><th>条文 Rule text</th><th>依据 Source</th></tr>");
        for (JsonNode f : report.path("findings")) {
            String v = f.path("verdict").asText();
            b.append("<tr><td>").append(esc(f.path("rule").asText())).append("</td><td>")
                    .append(esc(f.path("severity").asText())).append("</td><td class=\"").append(esc(v)).append("\">")
                    .append(esc(v)).append("</td><td>").append(esc(f.path("message").asText())).append("</td><td>")
                    .append(esc(f.path("original").asText())).append(" · ").append(esc(f.path("ruleText").asText()))
                    .append("</td><td>").append(esc(f.path("source").asText())).append("</td></tr>");
        }
        b.append("</table>");
        JsonNode q = report.path("requirement");
        b.append("<h2>六、补划要求 Requirement</h2>");
        table(b, new String[] {"要求 Requirement", "数值 Value"}, new String[][] {
                {"补划永久基本农田面积不少于 Red line to designate ≥", area(q.path("redLineArea"))},
                {"其中水田不少于 Paddy ≥", area(q.path("paddyArea"))},
                {"平均质量等级不低于 Mean grade ≤", text(q, "maxMeanGrade")},
                {"坡度 Slope", text(q, "slope")}, {"范围 Where", text(q, "source") + "（县 county " + text(q, "county")
                + "）"}, {"补充耕地 Cultivated land to supplement", area(q.path("cultivatedToSupplement"))}});
        JsonNode av = report.path("avoidance");
        if (!av.isMissingNode()) {
            b.append("<h2>七、避让方案比选 Avoidance alternatives</h2><p>").append(esc(av.path("method").asText()))
                    .append("</p>");
            rows(b, av.path("comparison"), new String[] {"方案 Option", "用地 Footprint", "永久基本农田 Red line (gross)",
                    "永久基本农田 Red line (net)", "耕地 Cultivated", "生态红线 ESR"}, "option", "@footprint",
                    "@redLineGross", "@redLineNet", "@cultivated", "@ecologicalRedLine");
        }
        b.append("<p style=\"font-size:12px;color:#666\">面积为 CGCS2000 椭球面积，分项合计可能与总计相差舍入误差 · ellipsoidal "
                + "areas; rows may differ from totals by rounding.</p></body></html>");
        return b.toString();
    }

    private static String layerArea(JsonNode o, String key) {
        return o.has("notEvaluated") ? "未评价 not evaluated (" + o.path("notEvaluated").asText() + ")"
                : area(o.path(key));
    }

    private static void rows(StringBuilder b, JsonNode array, String[] headers, String... keys) {
        if (!array.isArray() || array.isEmpty()) {
            return;
        }
        String[][] rows = new String[array.size()][];
        int i = 0;
        for (JsonNode r : array) {
            String[] row = new String[keys.length];
            for (int k = 0; k < keys.length; k++) {
                row[k] = keys[k].startsWith("@") ? area(r.path(keys[k].substring(1))) : text(r, keys[k]);
            }
            rows[i++] = row;
        }
        table(b, headers, rows);
    }

    private static void table(StringBuilder b, String[] headers, String[][] rows) {
        b.append("<table><tr>");
        for (String h : headers) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr>");
        for (String[] r : rows) {
            b.append("<tr>");
            for (String c : r) {
                b.append(c != null && c.matches("[-0-9., 平方米公顷亩m²ha]+") ? "<td class=\"n\">" : "<td>")
                        .append(esc(c)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
    }

    private static String area(JsonNode a) {
        if (a == null || a.isMissingNode() || a.isNull()) {
            return "—";
        }
        return a.path("m2").asText() + " m² / " + a.path("ha").asText() + " 公顷 / " + a.path("mu").asText() + " 亩";
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.path(key);
        return v.isMissingNode() || v.isNull() ? "—" : v.asText();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A 640 × 420 PNG: intersected pieces coloured by layer, the footprint outlined. */
    private static String map(Geometry footprint, List<GeoFeature> pieces) {
        int w = 640;
        int hgt = 420;
        BufferedImage img = new BufferedImage(w, hgt, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, hgt);
        Envelope e = footprint.getEnvelopeInternal().copy();
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.05 + 1);
        double scale = Math.min((w - 20) / e.getWidth(), (hgt - 20) / e.getHeight());
        AffineTransform t = new AffineTransform(scale, 0, 0, -scale, 10 - e.getMinX() * scale,
                hgt - 10 + e.getMinY() * scale);
        for (GeoFeature p : pieces) {
            Object layer = p.properties().get("layer");
            Color c = layer == null ? null : COLOURS.get(layer.toString());
            if (c == null) {
                Object dlbm = p.properties().get("DLBM");
                c = dlbm != null && dlbm.toString().startsWith("01") ? new Color(250, 230, 120, 160)
                        : new Color(220, 220, 220, 160);
            }
            g.setColor(c);
            g.fill(t.createTransformedShape(path(p.geometry())));
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(t.createTransformedShape(path(footprint)));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e2) {
            throw new UncheckedIOException(e2);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static Path2D path(Geometry g) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon poly) {
                ring(p, poly.getExteriorRing().getCoordinates());
                for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                    ring(p, poly.getInteriorRingN(h).getCoordinates());
                }
            }
        }
        return p;
    }

    private static void ring(Path2D p, Coordinate[] cs) {
        for (int i = 0; i < cs.length; i++) {
            if (i == 0) {
                p.moveTo(cs[i].x, cs[i].y);
            } else {
                p.lineTo(cs[i].x, cs[i].y);
            }
        }
        p.closePath();
    }
}
