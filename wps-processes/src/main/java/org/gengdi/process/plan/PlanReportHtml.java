package org.gengdi.process.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** The printable plan-validation report: the balance table and the check list with rule texts. */
final class PlanReportHtml {
    private PlanReportHtml() {
    }

    static String render(JsonNode report) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>调整补划方案校验报告</title>"
                + "<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em}table{border-"
                + "collapse:collapse;margin:.5em 0 1.2em}td,th{border:1px solid #999;padding:3px 8px;font-size:13px}"
                + "th{background:#eee}.FAIL{color:#b00;font-weight:bold}.WARN{color:#b60}.PASS{color:#070}"
                + ".NOT_EVALUATED{color:#555;font-style:italic}</style></head><body><h1>永久基本农田调整补划方案校验报告</h1>"
                + "<p>Red-line adjustment plan validation · 调整类型 plan type ")
                .append(esc(report.path("header").path("planType").asText())).append(" · 结论 overall <b>")
                .append(esc(report.path("overall").asText())).append("</b></p>");
        b.append("<h2>一、平衡表 Balance table</h2><table><tr><th></th><th>图斑数 Parcels</th><th>净面积 Net (m² / 亩)</th>"
                + "<th>水田 Paddy (m²)</th><th>平均质量等级 Mean grade</th></tr>");
        String[][] rows = {{"before", "调整前 before"}, {"removed", "调出 removed"}, {"added", "调入 added"},
                {"after", "调整后 after"}};
        for (String[] r : rows) {
            JsonNode n = report.path("balance").path(r[0]);
            b.append("<tr><th>").append(r[1]).append("</th><td>").append(n.path("parcels").asText()).append("</td><td>")
                    .append(n.path("net").path("m2").asText()).append(" / ").append(n.path("net").path("mu").asText())
                    .append("</td><td>").append(n.path("paddy").path("m2").asText()).append("</td><td>")
                    .append(n.path("meanGrade").asText("—")).append("</td></tr>");
        }
        b.append("</table><h2>二、检查清单 Check list</h2><table><tr><th>#</th><th>检查 Check</th><th>判定 Verdict</th>"
                + "<th>规则 Rules</th><th>问题 Problems</th></tr>");
        for (JsonNode c : report.path("checklist")) {
            String v = c.path("verdict").asText();
            b.append("<tr><td>").append(c.path("check").asInt()).append("</td><td>").append(esc(c.path("title")
                    .asText())).append("</td><td class=\"").append(esc(v)).append("\">").append(esc(v))
                    .append("</td><td>").append(esc(c.path("rules").toString())).append("</td><td>")
                    .append(esc(c.path("problems").toString())).append("</td></tr>");
        }
        b.append("</table><h2>三、规则判定 Rule verdicts</h2><table><tr><th>规则 Rule</th><th>判定 Verdict</th><th>说明 "
                + "Finding</th><th>条文 Rule text</th><th>依据 Source</th><th>涉及图斑 Parcels</th></tr>");
        for (JsonNode f : report.path("findings")) {
            String v = f.path("verdict").asText();
            b.append("<tr><td>").append(esc(f.path("rule").asText())).append("</td><td class=\"").append(esc(v))
                    .append("\">").append(esc(v)).append("</td><td>").append(esc(f.path("message").asText()))
                    .append("</td><td>").append(esc(f.path("original").asText())).append("</td><td>")
                    .append(esc(f.path("source").asText())).append("</td><td>").append(esc(f.path("parcels")
                    .toString())).append("</td></tr>");
        }
        return b.append("</table></body></html>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
