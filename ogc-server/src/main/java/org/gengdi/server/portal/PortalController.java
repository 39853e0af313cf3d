package org.gengdi.server.portal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /portal/}: the public map page. Page, script and styles are static files built from
 * {@code ogc-server/src/main/portal} (OpenLayers from npm, bundled at build time) into {@code static/portal/}; every
 * URL in them is relative, so the page works behind a reverse proxy under any prefix. {@code /portal} redirects to
 * {@code /portal/} with a relative {@code Location}, so that the page's relative URLs resolve inside the folder.
 */
@RestController
public class PortalController {
    private static final String PAGE = "static/portal/index.html";

    @GetMapping("/portal")
    public ResponseEntity<Void> folder(HttpServletRequest request) {
        String query = request.getQueryString();
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, "portal/" + (query == null ? "" : "?" + query)).build();
    }

    @GetMapping("/portal/")
    public ResponseEntity<byte[]> page() throws IOException {
        try (InputStream in = new ClassPathResource(PAGE).getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .cacheControl(CacheControl.noCache()).body(in.readAllBytes());
        }
    }
}
