package org.gengdi.server.wmts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.server.ows.FeatureInfo;
import org.gengdi.server.ows.OwsException;
import org.gengdi.server.ows.OwsException.Code;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.ows.PublishedLayers;
import org.gengdi.server.wmts.TileMatrixSet.TileMatrix;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * WMTS GetFeatureInfo: the layer's features under pixel (I, J) of a tile (within a few pixels' tolerance, as WMS
 * GetFeatureInfo), without personal fields, in the formats of {@link FeatureInfo}.
 */
final class FeatureInfoOperation {
    /** Pixels around the clicked one that still count as a hit. */
    static final int TOLERANCE = 3;
    static final int MAX_FEATURES = 10;

    private final PublishedLayers layers;
    private final TileMatrixSets sets;

    FeatureInfoOperation(PublishedLayers layers, TileMatrixSets sets) {
        this.layers = layers;
        this.sets = sets;
    }

    void run(String layerName, String setId, String matrixId, String rowText, String colText, String iText,
             String jText, String infoFormat, HttpServletResponse response) throws IOException {
        String name = layerName.contains(":") ? layerName.substring(layerName.indexOf(':') + 1) : layerName;
        PublishedLayer layer = layers.find(name).orElseThrow(() -> new OwsException(Code.InvalidParameterValue,
                "layer", "unknown layer '" + layerName + "'"));
        String f = infoFormat.replace(" ", "").toLowerCase(Locale.ROOT);
        if (!FeatureInfo.offered(f)) {
            throw new OwsException(Code.InvalidParameterValue, "infoformat", "unsupported InfoFormat '" + infoFormat
                    + "'; offered: " + String.join(", ", FeatureInfo.FORMATS));
        }
        TileMatrixSet set = sets.find(setId);
        if (set == null) {
            throw new OwsException(Code.InvalidParameterValue, "tilematrixset", "unknown TileMatrixSet '" + setId
                    + "'");
        }
        TileMatrix m = set.matrix(matrixId);
        if (m == null) {
            throw new OwsException(Code.TileOutOfRange, "tilematrix", "TileMatrix " + matrixId + " is not in "
                    + set.identifier());
        }
        long row = index(rowText, "tilerow", m.matrixHeight(), Code.TileOutOfRange);
        long col = index(colText, "tilecol", m.matrixWidth(), Code.TileOutOfRange);
        int i = (int) index(iText, "i", TileMatrixSet.TILE_SIZE, Code.PointIJOutOfRange);
        int j = (int) index(jText, "j", TileMatrixSet.TILE_SIZE, Code.PointIJOutOfRange);
        Envelope tile = set.extent(m, row, col, row, col);
        double px = tile.getWidth() / TileMatrixSet.TILE_SIZE;
        double x = tile.getMinX() + (i + 0.5) * px;
        double y = tile.getMaxY() - (j + 0.5) * px;
        Envelope around = new Envelope(x - TOLERANCE * px, x + TOLERANCE * px, y - TOLERANCE * px,
                y + TOLERANCE * px);
        int srid = layer.stored().srid();
        Envelope inLayer = srid == set.srid() ? around
                : CrsRegistry.get().transform(set.srid(), srid).transform(around);
        Filter near = new Filter.Spatial(layer.stored().geometryName(), Filter.SpatialOp.INTERSECTS,
                new GeometryFactory().toGeometry(inLayer));
        FeatureInfo.write(f, List.of(new FeatureInfo.Hits(layer, new Query(inLayer, near, null, List.of(), 0,
                MAX_FEATURES))), set.srid(), response);
    }

    private static long index(String text, String locator, long size, Code outOfRange) {
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new OwsException(Code.InvalidParameterValue, locator, locator.toUpperCase(Locale.ROOT)
                    + " must be a whole number, not '" + text + "'");
        }
        if (v < 0 || v >= size) {
            throw new OwsException(outOfRange, locator, locator.toUpperCase(Locale.ROOT) + " " + v + " is outside 0 to "
                    + (size - 1));
        }
        return v;
    }
}
