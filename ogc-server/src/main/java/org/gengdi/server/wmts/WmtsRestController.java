package org.gengdi.server.wmts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.gengdi.server.ows.ExceptionReportWriter;
import org.gengdi.server.ows.OwsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The RESTful WMTS encoding: {@code /wmts/1.0.0/WMTSCapabilities.xml} and
 * {@code /wmts/1.0.0/{layer}/{style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png} (or {@code .jpg}).
 * Thin: the {@link WmtsService} does the work; errors are OWS 1.1 ExceptionReports as for KVP.
 */
@RestController
public class WmtsRestController {
    private static final Logger LOG = LoggerFactory.getLogger(WmtsRestController.class);

    private final WmtsService wmts;

    public WmtsRestController(WmtsService wmts) {
        this.wmts = wmts;
    }

    @GetMapping("/wmts/1.0.0/WMTSCapabilities.xml")
    public void capabilities(HttpServletResponse response) throws IOException {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        wmts.capabilities(base + "/wmts", base + "/wmts/" + WmtsService.VERSION, response);
    }

    @GetMapping("/wmts/1.0.0/{layer}/{style}/{set}/{matrix}/{row}/{tile}")
    public void tile(@PathVariable String layer, @PathVariable String style, @PathVariable String set,
                     @PathVariable String matrix, @PathVariable String row, @PathVariable String tile,
                     HttpServletResponse response) throws IOException {
        WmtsService.write(wmts.restTile(layer, style, set, matrix, row, tile), response);
    }

    @GetMapping("/wmts/1.0.0/{layer}/{style}/{set}/{matrix}/{row}/{col}/{j}/{i}")
    public void featureInfo(@PathVariable String layer, @PathVariable String style, @PathVariable String set,
                            @PathVariable String matrix, @PathVariable String row, @PathVariable String col,
                            @PathVariable String j, @PathVariable String i, HttpServletResponse response)
            throws IOException {
        wmts.restFeatureInfo(layer, set, matrix, row, col, j, i, response);
    }

    @ExceptionHandler(OwsException.class)
    public void report(OwsException e, HttpServletResponse response) throws IOException {
        write(e, response);
    }

    /** Anything else is a bug or an aborted connection: logged with its stack, reported without it. */
    @ExceptionHandler(Exception.class)
    public void unexpected(Exception e, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        LOG.error("unexpected failure of a RESTful WMTS request", e);
        write(new OwsException(OwsException.Code.NoApplicableCode, null, "internal error while answering the request"),
                response);
    }

    private static void write(OwsException e, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(e.code().httpStatus());
        byte[] body = ExceptionReportWriter.write(e, WmtsService.VERSION).getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/xml;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
