package org.gengdi.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The OGC API landing page at {@code /ogcapi}. The Features and Processes resources are added by their own
 * issues; until then the landing page and conformance declare only what exists.
 */
@RestController
public class OgcApiController {

    @GetMapping(value = {"/ogcapi", "/ogcapi/"}, produces = "application/json")
    public Map<String, Object> landing(HttpServletRequest request) {
        String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() + "/ogcapi";
        return Map.of(
                "title", "耕地 Gengdi OGC API",
                "description", "永久基本农田保护红线与耕地数据 · farmland protection data",
                "links", List.of(
                        Map.of("href", base, "rel", "self", "type", "application/json", "title", "this document"),
                        Map.of("href", base + "/conformance", "rel", "conformance", "type", "application/json",
                                "title", "conformance classes")));
    }

    @GetMapping(value = "/ogcapi/conformance", produces = "application/json")
    public Map<String, Object> conformance() {
        return Map.of("conformsTo", List.of());
    }
}
