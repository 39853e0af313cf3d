package org.gengdi.server.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /portal}: the public map page. The page itself is this small HTML document; the map is OpenLayers, bundled
 * from npm at build time (no CDN) into {@code /portal/portal.js} (source in {@code ogc-server/src/main/portal}),
 * and reads only this server's WMTS, WMS legends and OGC API Features.
 */
@RestController
public class PortalController {

    @GetMapping(value = {"/portal", "/portal/", "/portal/index.html"},
            produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public String portal(HttpServletRequest request) {
        String root = ServletUriComponentsBuilder.fromContextPath(request).build().getPath();
        String assets = Html.escape((root == null ? "" : root) + "/portal/");
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>永久基本农田保护红线公示 · Permanent basic farmland red line</title>"
                + "<link rel=\"stylesheet\" href=\"" + assets + "ol.css\">"
                + "<link rel=\"stylesheet\" href=\"" + assets + "portal.css\"></head><body>"
                + "<header><h1>永久基本农田保护红线公示</h1><span id=\"status\">加载中 · loading…</span>"
                + "<form id=\"search\"><input id=\"q\" type=\"search\" placeholder=\"村名、村代码或图斑编号 · village or "
                + "parcel number\" aria-label=\"search\"><button type=\"submit\">搜索 Search</button></form></header>"
                + "<aside><section><h2>图层 Layers</h2><div id=\"layers\"></div></section>"
                + "<section><h2>图例 Legend</h2><div id=\"legend\"></div></section>"
                + "<section><h2>属性 Attributes</h2><div id=\"info\"><p>点击地图查看图斑属性 · click the map</p></div>"
                + "</section><section><p><a href=\"" + Html.escape(root == null ? "/" : root + "/")
                + "\">服务首页 Services</a></p></section></aside>"
                + "<div id=\"map\"></div><script src=\"" + assets + "portal.js\"></script></body></html>";
    }
}
