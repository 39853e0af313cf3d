package org.gengdi.server.wmts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.gengdi.server.ows.KvpRequest;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.OwsRequest;
import org.gengdi.server.ows.OwsService;
import org.gengdi.server.ows.PublishedLayers;

/**
 * The Web Map Tile Service 1.0.0, KVP through the OWS dispatcher ({@code /wmts?SERVICE=WMTS}, {@code /ows}) and
 * RESTful through {@link WmtsRestController}: GetCapabilities and GetTile, in the tile matrix sets of
 * {@link TileMatrixSets}, from a metatiling {@link TileCache}. Errors are OWS 1.1 ExceptionReports.
 */
public final class WmtsService implements OwsService {
    static final String VERSION = "1.0.0";

    private final PublishedLayers layers;
    private final TileMatrixSets sets;
    private final GetTileOperation getTile;
    private final FeatureInfoOperation featureInfo;

    /** A service with a tile cache of {@link TileCache#DEFAULT_MAX_BYTES}. */
    public WmtsService(PublishedLayers layers) {
        this(layers, TileCache.DEFAULT_MAX_BYTES);
    }

    /** A service whose tile cache holds at most {@code cacheBytes}. */
    public WmtsService(PublishedLayers layers, long cacheBytes) {
        this.layers = layers;
        this.sets = TileMatrixSets.forLayers(layers);
        this.getTile = new GetTileOperation(layers, sets, new TileCache(cacheBytes),
                GetTileOperation.VERSION_CHECK_NANOS);
        this.featureInfo = new FeatureInfoOperation(layers, sets);
    }

    @Override
    public String name() {
        return "WMTS";
    }

    @Override
    public String defaultVersion() {
        return VERSION;
    }

    TileCache cache() {
        return getTile.cache();
    }

    @Override
    public void handle(OwsRequest request, HttpServletResponse response) throws IOException {
        KvpRequest kvp = request.kvp();
        String operation = kvp.require("request");
        switch (operation.toLowerCase(Locale.ROOT)) {
            case "getcapabilities" -> {
                String url = request.serviceUrl();
                capabilities(url, url.substring(0, url.lastIndexOf('/')) + "/wmts/" + VERSION, response);
            }
            case "gettile" -> {
                String version = kvp.get("version");
                if (version != null && !version.equals(VERSION)) {
                    throw new OwsException(Code.InvalidParameterValue, "version", "WMTS version '" + version
                            + "' is not offered; this server answers 1.0.0");
                }
                GetTileOperation.Tile tile = getTile.tile(kvp.require("layer"), kvp.get("style"),
                        kvp.require("format"), kvp.require("tilematrixset"), kvp.require("tilematrix"),
                        kvp.require("tilerow"), kvp.require("tilecol"));
                write(tile, response);
            }
            case "getfeatureinfo" -> featureInfo.run(kvp.require("layer"), kvp.require("tilematrixset"),
                    kvp.require("tilematrix"), kvp.require("tilerow"), kvp.require("tilecol"), kvp.require("i"),
                    kvp.require("j"), kvp.require("infoformat"), response);
            default -> throw new OwsException(Code.OperationNotSupported, "request", "WMTS " + operation
                    + " is not available; this server answers GetCapabilities, GetTile and GetFeatureInfo");
        }
    }

    void capabilities(String kvpUrl, String restRoot, HttpServletResponse response) throws IOException {
        WmtsCapabilities.write(kvpUrl, restRoot, layers.summaries(), sets, response);
    }

    /** A RESTful tile request; {@code tile} is the last path segment, {@code TileCol.png} or {@code TileCol.jpg}. */
    GetTileOperation.Tile restTile(String layer, String style, String set, String matrix, String row, String tile) {
        int dot = tile.lastIndexOf('.');
        if (dot < 0) {
            throw new OwsException(Code.InvalidParameterValue, "format", "a tile URL ends in .png or .jpg");
        }
        return getTile.tile(layer, style, tile.substring(dot + 1), set, matrix, row, tile.substring(0, dot));
    }

    /** A RESTful GetFeatureInfo; {@code last} is {@code I.ext} with ext html, json, txt or gml. */
    void restFeatureInfo(String layer, String set, String matrix, String row, String col, String j, String last,
                         HttpServletResponse response) throws IOException {
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            throw new OwsException(Code.InvalidParameterValue, "infoformat",
                    "a feature-info URL ends in .html, .json, .txt or .gml");
        }
        String ext = last.substring(dot + 1).toLowerCase(Locale.ROOT);
        String format = switch (ext) {
            case "html" -> "text/html";
            case "json", "geojson" -> "application/json";
            case "txt" -> "text/plain";
            case "gml" -> "application/vnd.ogc.gml";
            default -> throw new OwsException(Code.InvalidParameterValue, "infoformat", "unknown extension ." + ext);
        };
        featureInfo.run(layer, set, matrix, row, col, last.substring(0, dot), j, format, response);
    }

    static void write(GetTileOperation.Tile tile, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(tile.format().contentType());
        response.setContentLength(tile.bytes().length);
        response.setHeader("Cache-Control", "public, max-age=300");
        response.getOutputStream().write(tile.bytes());
    }
}
