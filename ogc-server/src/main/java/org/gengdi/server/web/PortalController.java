package org.gengdi.server.web;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /portal}: the public map page. The OpenLayers map arrives with the map services; this is its placeholder. */
@RestController
public class PortalController {

    @GetMapping(value = {"/portal", "/portal/"}, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    public String portal() {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>永久基本农田公示 Portal</title>"
                + "</head><body><h1>永久基本农田保护红线公示</h1><p>地图页面将随 WMS/WMTS 服务提供。"
                + " The public map arrives with the map services.</p><p><a href=\"/\">返回 Back</a></p></body></html>";
    }
}
