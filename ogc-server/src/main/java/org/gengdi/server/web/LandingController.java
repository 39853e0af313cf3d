package org.gengdi.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.ows.PublishedLayers.LayerSummary;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The landing page at {@code /}: the published layers and the service URLs to paste into QGIS or ArcGIS. */
@RestController
public class LandingController {
    private final PublishedLayers layers;

    public LandingController(PublishedLayers layers) {
        this.layers = layers;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public String landing(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<title>耕地 Gengdi — 耕地保护 OGC 服务</title><style>")
                .append("body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}")
                .append("code{background:#f4f4f4;padding:1px 4px}</style></head><body>")
                .append("<h1>耕地 Gengdi</h1><p>永久基本农田保护红线与耕地数据的 OGC 服务 · OGC services for farmland protection</p>")
                .append("<p>数据源 Store: <code>").append(Html.escape(layers.store().description())).append("</code></p>")
                .append("<h2>服务地址 Service URLs</h2><table><tr><th>服务 Service</th><th>URL</th><th>状态 Status</th></tr>");
        service(h, "WMS 1.3.0 / 1.1.1", base + "/ows?service=WMS&request=GetCapabilities", false);
        service(h, "WFS 2.0", base + "/ows?service=WFS&request=GetCapabilities", true);
        service(h, "WMTS 1.0", base + "/ows?service=WMTS&request=GetCapabilities", false);
        service(h, "WPS 1.0.0", base + "/ows?service=WPS&request=GetCapabilities", false);
        service(h, "OGC API", base + "/ogcapi", true);
        service(h, "公众地图 Portal", base + "/portal/", false);
        service(h, "健康检查 Health", base + "/health", true);
        h.append("</table><h2>图层 Layers</h2><table><tr><th>名称 Name</th><th>标题 Title</th><th>几何 Geometry</th>")
                .append("<th>要素数 Features</th><th>坐标系 CRS</th><th>范围 Extent</th></tr>");
        for (LayerSummary l : layers.summaries()) {
            h.append("<tr><td><code>").append(Html.escape(l.name())).append("</code></td><td>")
                    .append(Html.escape(l.title())).append("</td><td>").append(l.geometryKind()).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%,d", l.featureCount())).append("</td><td>EPSG:")
                    .append(l.srid()).append("</td><td>");
            if (l.bounds() != null && !l.bounds().isNull()) {
                h.append(String.format(Locale.ROOT, "%.1f, %.1f – %.1f, %.1f", l.bounds().getMinX(),
                        l.bounds().getMinY(), l.bounds().getMaxX(), l.bounds().getMaxY()));
            }
            h.append("</td></tr>");
        }
        h.append("</table><h2>在 QGIS / ArcGIS 中连接 Connecting</h2><p>QGIS: 图层 → 添加图层 → 添加 WMS/WMTS 或 WFS 图层，")
                .append("新建连接，URL 填 <code>").append(Html.escape(base)).append("/ows</code>。")
                .append(" ArcGIS Pro: Insert → Connections → New WMS/WFS Server, same URL.</p>")
                .append("</body></html>");
        return h.toString();
    }

    private static void service(StringBuilder h, String name, String url, boolean available) {
        h.append("<tr><td>").append(Html.escape(name)).append("</td><td><code>").append(Html.escape(url))
                .append("</code></td><td>").append(available ? "可用 available" : "开发中 not yet available")
                .append("</td></tr>");
    }
}
