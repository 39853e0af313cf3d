package org.gengdi.server.wmts;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.render.ImageEncoders;
import org.gengdi.server.render.ImageFormat;
import org.gengdi.server.render.MapLayer;
import org.gengdi.server.render.MapRenderer;
import org.gengdi.server.render.MapView;
import org.gengdi.server.render.RenderLimits;
import org.gengdi.server.render.Style;
import org.gengdi.server.wmts.TileCache.MetaKey;
import org.gengdi.server.wmts.TileCache.TileKey;
import org.gengdi.server.wmts.TileMatrixSet.TileMatrix;
import org.locationtech.jts.geom.Envelope;

/**
 * Renders a metatile of {@value #META}×{@value #META} tiles (fewer at the matrix's right and bottom edges) as one
 * map with a {@value #GUTTER} px gutter on every side, so that labels and symbols crossing a tile edge are drawn
 * whole on both tiles, then cuts and encodes the tiles. Only the part of the metatile near the layer's extent is
 * drawn (the rest is transparent), which keeps low zoom levels cheap and the view inside the layer CRS's domain.
 * Tiles with nothing on them share one encoded blank tile per format.
 */
final class MetatileRenderer {
    /** Tiles per metatile side. */
    static final int META = 4;
    /** Pixels drawn beyond the metatile on each side and thrown away. */
    static final int GUTTER = 64;
    /** What one metatile may cost: the renderer's feature and time limits. */
    static final RenderLimits LIMITS = new RenderLimits(META * TileMatrixSet.TILE_SIZE + 2 * GUTTER,
            META * TileMatrixSet.TILE_SIZE + 2 * GUTTER, 400_000, Duration.ofSeconds(60));

    private static final int T = TileMatrixSet.TILE_SIZE;

    private final MapRenderer renderer = new MapRenderer();
    private final Map<ImageFormat, byte[]> blanks = new ConcurrentHashMap<>();

    /**
     * Every tile of a metatile.
     *
     * @param layerExtent the layer's extent in the set's CRS (x = east); null when unknown (all is drawn), a null
     *                    envelope when the layer is empty (nothing is drawn)
     */
    Map<TileKey, byte[]> render(MetaKey key, PublishedLayer layer, Style style, TileMatrixSet set, TileMatrix m,
                                ImageFormat format, Envelope layerExtent) {
        long minRow = key.metaRow() * META;
        long minCol = key.metaCol() * META;
        long maxRow = Math.min(minRow + META - 1, m.matrixHeight() - 1);
        long maxCol = Math.min(minCol + META - 1, m.matrixWidth() - 1);
        int rows = (int) (maxRow - minRow + 1);
        int cols = (int) (maxCol - minCol + 1);
        double res = m.resolution();
        Envelope tiles = set.extent(m, minRow, minCol, maxRow, maxCol);
        // the metatile canvas: tiles plus gutter, pixel (0,0) at the gutter's top left
        double left = tiles.getMinX() - GUTTER * res;
        double top = tiles.getMaxY() + GUTTER * res;
        int width = cols * T + 2 * GUTTER;
        int height = rows * T + 2 * GUTTER;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        int[] window = window(left, top, width, height, res, layerExtent);
        if (window != null) {
            int x0 = window[0];
            int y0 = window[1];
            int w = window[2] - x0;
            int h = window[3] - y0;
            Envelope extent = new Envelope(left + x0 * res, left + (x0 + w) * res, top - (y0 + h) * res,
                    top - y0 * res);
            MapView view = new MapView(extent, set.srid(), w, h, Color.WHITE, true);
            BufferedImage part = renderer.render(view, List.of(new MapLayer(layer, style)), LIMITS);
            Graphics2D g = canvas.createGraphics();
            try {
                g.drawImage(part, x0, y0, null);
            } finally {
                g.dispose();
            }
        }
        Map<TileKey, byte[]> out = new HashMap<>();
        int[] pixels = new int[T * T];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                canvas.getRGB(GUTTER + c * T, GUTTER + r * T, T, T, pixels, 0, T);
                out.put(new TileKey(key, minRow + r, minCol + c), empty(pixels) ? blank(format)
                        : encode(pixels, format));
            }
        }
        return out;
    }

    /**
     * The pixel window {x0, y0, x1, y1} of the canvas within a gutter of the layer's extent, or null when the
     * canvas does not come near it.
     */
    private static int[] window(double left, double top, int width, int height, double res, Envelope layerExtent) {
        if (layerExtent == null) {
            return new int[] {0, 0, width, height};
        }
        if (layerExtent.isNull()) {
            return null; // an empty layer
        }
        double margin = GUTTER * res;
        int x0 = (int) Math.max(0, Math.floor((layerExtent.getMinX() - margin - left) / res));
        int x1 = (int) Math.min(width, Math.ceil((layerExtent.getMaxX() + margin - left) / res));
        int y0 = (int) Math.max(0, Math.floor((top - layerExtent.getMaxY() - margin) / res));
        int y1 = (int) Math.min(height, Math.ceil((top - layerExtent.getMinY() + margin) / res));
        return x1 > x0 && y1 > y0 ? new int[] {x0, y0, x1, y1} : null;
    }

    private static boolean empty(int[] pixels) {
        for (int p : pixels) {
            if (p != 0) {
                return false;
            }
        }
        return true;
    }

    private byte[] blank(ImageFormat format) {
        return blanks.computeIfAbsent(format, f -> encode(new int[T * T], f));
    }

    private static byte[] encode(int[] pixels, ImageFormat format) {
        BufferedImage tile = new BufferedImage(T, T, BufferedImage.TYPE_INT_ARGB);
        tile.setRGB(0, 0, T, T, pixels, 0, T);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            ImageEncoders.DEFAULT.write(tile, format, Color.WHITE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
