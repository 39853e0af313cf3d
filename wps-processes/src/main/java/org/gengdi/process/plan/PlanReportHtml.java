package org.gengdi.process.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.gengdi.process.farmland.ReportPage;

/** The printable plan-validation report: the balance table and the check list with rule texts. */
final class PlanReportHtml {
    private PlanReportHtml() {
    }

    static String render(JsonNode report, List<org.gengdi.process.GeoFeature> changes) {
        ReportPage page = new ReportPage("永久基本农田调整补划方案校验报告", "Red-line adjustment plan validation · 调整类型 "
                + "plan type " + report.path("header").path("planType").asText() + " · 结论 overall "
                + report.path("overall").asText());
        List<String[]> balance = new ArrayList<>();
        String[][] rows = {{"before", "调整前 before"}, {"removed", "调出 removed"}, {"added", "调入 added"},
                {"after", "调整后 after"}};
        for (String[] r : rows) {
            JsonNode n = report.path("balance").path(r[0]);
            balance.add(new String[] {r[1], n.path("parcels").asText(), ReportPage.area(n.path("net")),
                    ReportPage.area(n.path("paddy")), n.path("meanGrade").asText("—")});
        }
        org.gengdi.process.farmland.ReportMap map = new org.gengdi.process.farmland.ReportMap();
        for (org.gengdi.process.GeoFeature f : changes) {
            boolean added = "1".equals(f.properties().get("HRHCLXDM"));
            map.add(f.geometry(), added ? org.gengdi.process.farmland.ReportMap.ADDED
                    : org.gengdi.process.farmland.ReportMap.RED_LINE, java.awt.Color.DARK_GRAY, 0.8f);
        }
        page.heading("示意图 Map（红：调出 removed；绿：调入 added）").raw(map.img("plan"));
        page.heading("一、平衡表 Balance table").table(new String[] {"", "图斑数 Parcels", "净面积 Net",
                "水田 Paddy", "平均质量等级 Mean grade"}, balance);
        List<String[]> checks = new ArrayList<>();
        for (JsonNode c : report.path("checklist")) {
            checks.add(new String[] {c.path("check").asText(), c.path("title").asText(), c.path("verdict").asText(),
                    c.path("rules").toString(), c.path("problems").toString()});
        }
        page.heading("二、检查清单 Check list").table(new String[] {"#", "检查 Check", "判定 Verdict", "规则 Rules",
                "问题 Problems"}, checks);
        page.heading("三、规则判定 Rule verdicts").findings(report.path("findings"));
        List<String[]> faults = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            if (f.path("parcels").size() > 0) {
                faults.add(new String[] {f.path("rule").asText(), f.path("parcels").toString()});
            }
        }
        if (!faults.isEmpty()) {
            page.heading("四、涉及图斑 Parcels at fault").table(new String[] {"规则 Rule", "图斑 Parcels"}, faults);
        }
        return page.html();
    }
}
