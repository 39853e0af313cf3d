package org.gengdi.server.wmts;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.render.ImageFormat;
import org.gengdi.server.render.RenderLimitException;
import org.gengdi.server.render.Style;
import org.gengdi.server.render.sld.DefaultStyles;
import org.gengdi.server.wmts.TileCache.MetaKey;
import org.gengdi.server.wmts.TileCache.TileKey;
import org.gengdi.server.wmts.TileMatrixSet.TileMatrix;
import org.locationtech.jts.geom.Envelope;

/**
 * GetTile, for KVP and RESTful requests alike: checks every parameter, then answers from the {@link TileCache},
 * rendering the tile's metatile when it is not there. Tiles outside the layer's extent (but inside the matrix) are
 * blank, not errors. A layer's data version is read from the store at most once a second, so a data change reaches
 * the tiles within a second.
 */
final class GetTileOperation {
    /** The style identifier every layer offers. */
    static final String DEFAULT_STYLE = "default";

    /** An encoded tile. */
    record Tile(byte[] bytes, ImageFormat format) {
    }

    /** How long a layer's data version is trusted before the store is asked again: tiles may lag an import by this. */
    static final long VERSION_CHECK_NANOS = 1_000_000_000L;

    /** What a tile request needs to know of its layer, as read at {@code checkedAt} (System.nanoTime). */
    private record Snapshot(PublishedLayer layer, Style style, long version, PublishedLayers.LayerSummary summary,
                            long checkedAt) {
    }

    private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final long versionCheckNanos;
    private final PublishedLayers layers;
    private final TileMatrixSets sets;
    private final TileCache cache;
    private final DefaultStyles styles = new DefaultStyles();
    private final MetatileRenderer renderer = new MetatileRenderer();

    GetTileOperation(PublishedLayers layers, TileMatrixSets sets, TileCache cache, long versionCheckNanos) {
        this.versionCheckNanos = versionCheckNanos;
        this.layers = layers;
        this.sets = sets;
        this.cache = cache;
    }

    TileCache cache() {
        return cache;
    }

    /** The formats tiles come in: the MIME type, or null when not offered. */
    static ImageFormat format(String mime) {
        if (mime == null) {
            return null;
        }
        return switch (mime.replace(" ", "").toLowerCase(Locale.ROOT)) {
            case "image/png", "png" -> ImageFormat.PNG;
            case "image/jpeg", "image/jpg", "jpeg", "jpg" -> ImageFormat.JPEG;
            default -> null;
        };
    }

    Tile tile(String layerName, String styleName, String formatName, String setId, String matrixId, String rowText,
              String colText) {
        Snapshot snap = snapshot(layerName);
        PublishedLayer layer = snap.layer();
        Style style = snap.style();
        if (styleName != null && !styleName.isEmpty() && !styleName.equalsIgnoreCase(DEFAULT_STYLE)
                && !styleName.equalsIgnoreCase(style.name())) {
            throw new OwsException(Code.InvalidParameterValue, "style", "layer " + layer.name() + " has no style '"
                    + styleName + "'; it offers '" + DEFAULT_STYLE + "'");
        }
        ImageFormat format = format(formatName);
        if (format == null) {
            throw new OwsException(Code.InvalidParameterValue, "format", "unsupported FORMAT '" + formatName
                    + "'; tiles come as image/png or image/jpeg");
        }
        TileMatrixSet set = sets.find(setId);
        if (set == null) {
            throw new OwsException(Code.InvalidParameterValue, "tilematrixset", "unknown TileMatrixSet '" + setId
                    + "'; offered are WebMercatorQuad, CGCS2000Quad and " + sets.all().get(2).identifier());
        }
        TileMatrix m = set.matrix(matrixId);
        if (m == null) {
            if (matrixId.matches("-?\\d{1,9}")) {
                throw new OwsException(Code.TileOutOfRange, "tilematrix", "TileMatrix " + matrixId + " is not in "
                        + set.identifier() + " (0 to " + TileMatrixSet.MAX_LEVEL + ")");
            }
            throw new OwsException(Code.InvalidParameterValue, "tilematrix", "unknown TileMatrix '" + matrixId + "'");
        }
        long row = index(rowText, "tilerow", m.matrixHeight());
        long col = index(colText, "tilecol", m.matrixWidth());
        PublishedLayers.LayerSummary summary = snap.summary();
        MetaKey meta = new MetaKey(layer.name(), DEFAULT_STYLE, set.identifier(), m.identifier(), format.name(),
                snap.version(), row / MetatileRenderer.META, col / MetatileRenderer.META);
        try {
            byte[] bytes = cache.tile(new TileKey(meta, row, col), k -> renderer.render(k, layer, style, set, m,
                    format, summary.featureCount() == 0 ? new Envelope()
                    : sets.extent(layer.name(), summary.bounds(), summary.srid(), set.srid())));
            return new Tile(bytes, format);
        } catch (RenderLimitException e) {
            throw new OwsException(Code.NoApplicableCode, null, "the tile could not be drawn: " + e.getMessage());
        }
    }

    /**
     * The layer, its style, data version and summary, read from the store at most once per
     * {@link #VERSION_CHECK_NANOS}: a cached tile then costs no database round trip.
     */
    private Snapshot snapshot(String requested) {
        String name = requested.contains(":") ? requested.substring(requested.indexOf(':') + 1) : requested;
        long now = System.nanoTime();
        Snapshot s = snapshots.get(name);
        if (s != null && now - s.checkedAt() < versionCheckNanos) {
            return s;
        }
        PublishedLayer layer = layers.find(name).orElseThrow(() -> new OwsException(Code.InvalidParameterValue,
                "layer", "unknown layer '" + requested + "'"));
        long version = layer.source().version();
        s = new Snapshot(layer, styles.styleFor(layer), version, layers.summary(layer), now);
        if (name.equals(layer.name())) { // only canonical names are kept, so the map stays as small as the catalogue
            snapshots.put(name, s);
        }
        return s;
    }

    private static long index(String text, String locator, long size) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new OwsException(Code.InvalidParameterValue, locator, locator.toUpperCase(Locale.ROOT)
                    + " must be a whole number, not '" + text + "'");
        }
        if (v < 0 || v >= size) {
            throw new OwsException(Code.TileOutOfRange, locator, locator.toUpperCase(Locale.ROOT) + " " + v
                    + " is outside 0 to " + (size - 1));
        }
        return v;
    }
}
