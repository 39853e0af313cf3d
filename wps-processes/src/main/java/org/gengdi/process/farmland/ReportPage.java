package org.gengdi.process.farmland;

import com.fasterxml.jackson.databind.JsonNode;

/** A printable HTML page for an analysis report: Chinese first with English labels, tables, rule verdicts. */
public final class ReportPage {
    private final StringBuilder b = new StringBuilder(16_384);

    public ReportPage(String titleZh, String titleEn) {
        b.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(titleZh))
                .append(" ").append(esc(titleEn)).append("</title><style>body{font-family:'Noto Sans CJK SC',"
                + "'Microsoft YaHei',sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:.5em 0 "
                + "1.2em}td,th{border:1px solid #999;padding:3px 8px;font-size:13px}th{background:#eee}"
                + ".FAIL{color:#b00;font-weight:bold}.WARN{color:#b60}.PASS{color:#070}.NOT_EVALUATED{color:#555;"
                + "font-style:italic}@media print{body{margin:0}}</style></head><body><h1>").append(esc(titleZh))
                .append("</h1><p>").append(esc(titleEn)).append("</p>");
    }

    public ReportPage heading(String text) {
        b.append("<h2>").append(esc(text)).append("</h2>");
        return this;
    }

    /** HTML made by the caller (an image, a styled paragraph): not escaped. */
    public ReportPage raw(String html) {
        b.append(html);
        return this;
    }

    public ReportPage paragraph(String text) {
        b.append("<p>").append(esc(text)).append("</p>");
        return this;
    }

    /** A table of rows of cells (already text; escaped here). */
    public ReportPage table(String[] headers, java.util.List<String[]> rows) {
        b.append("<table><tr>");
        for (String h : headers) {
            b.append("<th>").append(esc(h)).append("</th>");
        }
        b.append("</tr>");
        for (String[] r : rows) {
            b.append("<tr>");
            for (String c : r) {
                b.append("<td>").append(esc(c)).append("</td>");
            }
            b.append("</tr>");
        }
        b.append("</table>");
        return this;
    }

    /** The findings of a report: rule, severity, verdict, message, rule text, source. */
    public ReportPage findings(JsonNode findings) {
        b.append("<table><tr><th>规则 Rule</th><th>级别 Severity</th><th>判定 Verdict</th><th>说明 Finding</th>"
                + "<th>条文 Rule text</th><th>依据 Source</th></tr>");
        for (JsonNode f : findings) {
            String v = f.path("verdict").asText();
            b.append("<tr><td>").append(esc(f.path("rule").asText())).append("</td><td>")
                    .append(esc(f.path("severity").asText())).append("</td><td class=\"").append(esc(v)).append("\">")
                    .append(esc(v)).append("</td><td>").append(esc(f.path("message").asText())).append("</td><td>")
                    .append(esc(f.path("original").asText())).append(" · ").append(esc(f.path("ruleText").asText()))
                    .append("</td><td>").append(esc(f.path("source").asText())).append("</td></tr>");
        }
        b.append("</table>");
        return this;
    }

    /** {@code m² / 公顷 / 亩} of an area object written by {@link Areas#put}. */
    public static String area(JsonNode a) {
        if (a == null || a.isMissingNode() || a.isNull()) {
            return "—";
        }
        return a.path("m2").asText() + " m² / " + a.path("ha").asText() + " 公顷 / " + a.path("mu").asText() + " 亩";
    }

    public String html() {
        return b + "<p style=\"font-size:12px;color:#666\">面积为 CGCS2000 椭球面积（另注明者除外）· ellipsoidal areas "
                + "unless stated otherwise.</p></body></html>";
    }

    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
