package org.gengdi.process.occupation;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.ReportMap;
import org.gengdi.process.farmland.ReportPage;
import org.locationtech.jts.geom.Geometry;

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
        JsonNode h = report.path("header");
        ReportPage page = new ReportPage("建设项目占用永久基本农田及耕地分析报告", "Occupation analysis report");
        page.table(new String[] {"项目 Item", "内容 Value"}, List.of(
                new String[] {"项目名称 Project", text(h, "project")},
                new String[] {"项目类别 Category (declared)", text(h, "category")},
                new String[] {"用途 Use", text(h, "use")}, new String[] {"临时用地 Temporary", text(h, "temporary")},
                new String[] {"用地面积 Footprint", area(h.path("footprintArea"))},
                new String[] {"投影带 Zone", text(h, "zone")},
                new String[] {"数据年份 Data year", text(report.path("landUse"), "dataYear")},
                new String[] {"面积方法 Area method", text(h, "areaMethod")}, new String[] {"日期 Date", text(h, "date")},
                new String[] {"说明 Note", text(h, "declared")}));
        page.paragraph("坐标系 CRS: EPSG:" + zone.srid()).heading("示意图 Map").raw(map(footprint, pieces));
        page.heading("一、现状地类 Current land use");
        rows(page, report.path("landUse").path("byDlbm"), new String[] {"地类编码 DLBM", "地类名称 Name", "面积 Area"},
                "dlbm", "name", "@area");
        rows(page, report.path("landUse").path("byCategory"), new String[] {"三大类 Category", "面积 Area"},
                "category", "@area");
        rows(page, report.path("landUse").path("byOwnership"), new String[] {"权属 Ownership", "面积 Area"},
                "ownership", "@area");
        page.paragraph("涉及乡镇 " + text(report.path("landUse"), "townships") + " 个、村 "
                + text(report.path("landUse"), "villages") + " 个 · townships and villages involved");
        JsonNode cu = report.path("cultivated");
        page.heading("二、耕地 Cultivated land").paragraph("毛面积 gross " + area(cu.path("gross")) + "；净面积 net "
                + area(cu.path("net")) + "；田坎 ridges " + area(cu.path("ridges")) + "；平均质量等级 mean grade ("
                + text(cu, "gradeScale") + ") " + text(cu, "meanGrade"));
        rows(page, cu.path("byType"), new String[] {"地类 DLBM", "名称 Name", "毛面积 Gross", "净面积 Net"}, "dlbm",
                "name", "@gross", "@net");
        rows(page, cu.path("bySlope"), new String[] {"坡度级别 GDPDJB", "耕地类型 GDLX", "毛面积 Gross", "净面积 Net"},
                "slopeClass", "gdlx", "@gross", "@net");
        rows(page, cu.path("byGrade"), new String[] {"质量等级 Grade", "毛面积 Gross", "净面积 Net"}, "grade",
                "@gross", "@net");
        rows(page, cu.path("byVillage"), new String[] {"村代码 Village", "名称 Name", "毛面积 Gross", "净面积 Net"},
                "code", "name", "@gross", "@net");
        JsonNode rl = report.path("redLine");
        page.heading("三、永久基本农田 Permanent basic farmland");
        if (rl.has("notEvaluated")) {
            page.raw("<p class=\"NOT_EVALUATED\">" + ReportPage.esc(rl.path("notEvaluated").asText()) + "</p>");
        } else {
            page.table(new String[] {"指标 Indicator", "数值 Value"}, List.of(
                    new String[] {"占用毛面积 Gross", area(rl.path("gross"))},
                    new String[] {"占用净面积 Net", area(rl.path("net"))},
                    new String[] {"其中水田 Paddy", area(rl.path("paddyNet"))},
                    new String[] {"其中水浇地 Irrigated", area(rl.path("irrigatedNet"))},
                    new String[] {"图斑数 Parcels", text(rl, "parcelCount")},
                    new String[] {"平均质量等级 Mean grade", text(rl, "meanGrade")},
                    new String[] {"现状非耕地 Currently not cultivated", area(rl.path("currentlyNotCultivated"))}));
        }
        page.heading("四、三条控制线及其他 Control lines and other constraints").table(new String[] {"图层 Layer",
                "面积 Area"}, List.of(
                new String[] {"生态保护红线 Ecological red line", layerArea(report.path("ecologicalRedLine"), "area")},
                new String[] {"城镇开发边界内 Inside the urban boundary", layerArea(report.path("urbanBoundary"),
                        "inside")},
                new String[] {"其中永久基本农田 of which red line", layerArea(report.path("urbanBoundary"),
                        "redLineInside")},
                new String[] {"储备区 Reserve", layerArea(report.path("reserve"), "area")},
                new String[] {"高标准农田 High-standard farmland", layerArea(report.path("highStandardFarmland"),
                        "area")},
                new String[] {"河湖管理范围 River/lake range", layerArea(report.path("riverLakeRange"), "area")},
                new String[] {"水源保护区 Water-source area", layerArea(report.path("waterSourceArea"), "area")}));
        page.heading("五、规则判定 Rule verdicts").findings(report.path("findings"));
        JsonNode q = report.path("requirement");
        page.heading("六、补划要求 Requirement").table(new String[] {"要求 Requirement", "数值 Value"}, List.of(
                new String[] {"补划永久基本农田面积不少于 Red line to designate ≥", area(q.path("redLineArea"))},
                new String[] {"其中水田不少于 Paddy ≥", area(q.path("paddyArea"))},
                new String[] {"平均质量等级不低于 Mean grade ≤", text(q, "maxMeanGrade")},
                new String[] {"坡度 Slope", text(q, "slope")},
                new String[] {"范围 Where", text(q, "source") + "（县 county " + text(q, "county") + "）"},
                new String[] {"补充耕地 Cultivated land to supplement", area(q.path("cultivatedToSupplement"))}));
        JsonNode av = report.path("avoidance");
        if (!av.isMissingNode()) {
            page.heading("七、避让方案比选 Avoidance alternatives").paragraph(av.path("method").asText());
            rows(page, av.path("comparison"), new String[] {"方案 Option", "用地 Footprint",
                    "永久基本农田 Red line (gross)", "永久基本农田 Red line (net)", "耕地 Cultivated", "生态红线 ESR"},
                    "option", "@footprint", "@redLineGross", "@redLineNet", "@cultivated", "@ecologicalRedLine");
        }
        page.paragraph("分项合计可能与总计相差舍入误差 · rows may differ from totals by rounding.");
        return page.html();
    }

    private static String layerArea(JsonNode o, String key) {
        return o.has("notEvaluated") ? "未评价 not evaluated (" + o.path("notEvaluated").asText() + ")"
                : area(o.path(key));
    }

    private static void rows(ReportPage page, JsonNode array, String[] headers, String... keys) {
        if (!array.isArray() || array.isEmpty()) {
            return;
        }
        List<String[]> rows = new java.util.ArrayList<>();
        for (JsonNode r : array) {
            String[] row = new String[keys.length];
            for (int k = 0; k < keys.length; k++) {
                row[k] = keys[k].startsWith("@") ? area(r.path(keys[k].substring(1))) : text(r, keys[k]);
            }
            rows.add(row);
        }
        page.table(headers, rows);
    }

    private static String area(JsonNode a) {
        return ReportPage.area(a);
    }

    private static String text(JsonNode o, String key) {
        JsonNode v = o.path(key);
        return v.isMissingNode() || v.isNull() ? "—" : v.asText();
    }

    /** Intersected pieces coloured by layer, the footprint outlined. */
    private static String map(Geometry footprint, List<GeoFeature> pieces) {
        ReportMap m = new ReportMap();
        for (GeoFeature p : pieces) {
            Object layer = p.properties().get("layer");
            Color c = layer == null ? null : COLOURS.get(layer.toString());
            if (c == null) {
                Object dlbm = p.properties().get("DLBM");
                c = dlbm != null && dlbm.toString().startsWith("01") ? ReportMap.CULTIVATED : ReportMap.OTHER;
            }
            m.add(p.geometry(), c, null, 0);
        }
        return m.add(footprint, null, Color.BLACK, 1.5f).img("map");
    }
}
