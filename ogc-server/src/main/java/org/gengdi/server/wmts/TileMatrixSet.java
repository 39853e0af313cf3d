package org.gengdi.server.wmts;

import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.crs.GkZone;
import org.gengdi.server.render.MapView;
import org.locationtech.jts.geom.Envelope;

/**
 * A WMTS tile matrix set: a CRS, a top-left origin and one {@link TileMatrix} per zoom level, each of 256 px tiles.
 * Coordinates here are x = east, y = north whatever the CRS's axis order (the capabilities writer swaps for the
 * TopLeftCorner of north-first CRSs).
 *
 * @param identifier    the TileMatrixSet identifier clients send
 * @param title         a human title
 * @param srid          EPSG code of the CRS
 * @param wellKnownScaleSet the URN of the OGC well-known scale set it follows, or null
 * @param originX       the top-left corner's easting or longitude
 * @param originY       the top-left corner's northing or latitude
 * @param matrices      the zoom levels, coarsest first; identifiers "0", "1", …
 */
public record TileMatrixSet(String identifier, String title, int srid, String wellKnownScaleSet, double originX,
                            double originY, List<TileMatrix> matrices) {
    /** Tile width and height in pixels. */
    public static final int TILE_SIZE = 256;
    /** The deepest zoom level offered by every set (about 0.15 m per pixel in Web Mercator at the equator). */
    public static final int MAX_LEVEL = 20;

    /** Half the side of the Web Mercator square, π·a. */
    static final double MERCATOR_HALF = Math.PI * 6378137.0;

    /**
     * One zoom level.
     *
     * @param identifier       "0", "1", …
     * @param resolution       map units (metres or degrees) per pixel
     * @param scaleDenominator the OGC scale denominator (0.28 mm pixels; degrees as metres at the equator)
     * @param matrixWidth      tiles across
     * @param matrixHeight     tiles down
     */
    public record TileMatrix(String identifier, double resolution, double scaleDenominator, long matrixWidth,
                             long matrixHeight) {
        /** The width (and height) of one tile in map units. */
        public double tileSpan() {
            return resolution * TILE_SIZE;
        }
    }

    public TileMatrixSet {
        matrices = List.copyOf(matrices);
    }

    /**
     * WebMercatorQuad (OGC 17-083r2; the GoogleMapsCompatible well-known scale set of WMTS 1.0 Annex E.4): EPSG:3857,
     * top left (−π·a, π·a), level z has 2^z × 2^z tiles.
     */
    public static TileMatrixSet webMercatorQuad() {
        List<TileMatrix> m = new ArrayList<>();
        for (int z = 0; z <= MAX_LEVEL; z++) {
            double res = 2 * MERCATOR_HALF / TILE_SIZE / (1L << z);
            m.add(new TileMatrix(Integer.toString(z), res, res / MapView.STANDARD_PIXEL_SIZE, 1L << z, 1L << z));
        }
        return new TileMatrixSet("WebMercatorQuad", "Google Maps compatible Web Mercator (EPSG:3857)", 3857,
                "urn:ogc:def:wkss:OGC:1.0:GoogleMapsCompatible", -MERCATOR_HALF, MERCATOR_HALF, m);
    }

    /**
     * CGCS2000 geographic (EPSG:4490) as 天地图 tiles it: top left (−180°, 90°); level 0 is two 256 px tiles covering
     * the world (0.703125° per pixel), each level halves the pixel; scale denominators count a degree as
     * {@link MapView#METRES_PER_DEGREE} metres (the CGCS2000 equator) at 0.28 mm a pixel, so level 0 is 1:279 541 132.
     * 天地图's level n is this set's level n − 1.
     */
    public static TileMatrixSet cgcs2000Geographic() {
        List<TileMatrix> m = new ArrayList<>();
        for (int z = 0; z <= MAX_LEVEL; z++) {
            double res = 180.0 / TILE_SIZE / (1L << z);
            m.add(new TileMatrix(Integer.toString(z), res,
                    res * MapView.METRES_PER_DEGREE / MapView.STANDARD_PIXEL_SIZE, 2L << z, 1L << z));
        }
        return new TileMatrixSet("CGCS2000Quad", "CGCS2000 geographic, 天地图 tiling (EPSG:4490)", 4490, null,
                -180, 90, m);
    }

    /** Level 0 pixel size of the Gauss-Krüger sets: 4 096 m, so one tile spans 1 048 576 m. */
    static final double GK_LEVEL0_RESOLUTION = 4096;
    /** Half the width a Gauss-Krüger zone set covers east and west of the central meridian. */
    static final double GK_HALF_WIDTH = 500_000;
    /** The northing of the Gauss-Krüger sets' top edge (about the pole). */
    static final double GK_TOP = 10_000_000;

    /**
     * A CGCS2000 Gauss-Krüger zone: top left at 500 km west of the central meridian (false easting − 500 000, which
     * covers a 3° zone and a 6° zone at every latitude of China with room to spare) and northing 10 000 000 m (the
     * pole), down to the equator (northing 0). Level 0 has 4 096 m pixels (tiles of 1 048 576 m, one column, ten
     * rows); each level halves the pixel, so level 20 has 3.9 mm pixels. Power-of-two metre resolutions keep tile
     * edges on whole metres down to level 12 (1 m pixels).
     */
    public static TileMatrixSet gaussKruger(GkZone zone) {
        List<TileMatrix> m = new ArrayList<>();
        for (int z = 0; z <= MAX_LEVEL; z++) {
            double res = GK_LEVEL0_RESOLUTION / (1L << z);
            double span = res * TILE_SIZE;
            m.add(new TileMatrix(Integer.toString(z), res, res / MapView.STANDARD_PIXEL_SIZE,
                    (long) Math.ceil(2 * GK_HALF_WIDTH / span), (long) Math.ceil(GK_TOP / span)));
        }
        String title = "CGCS2000 " + (zone.threeDegree() ? 3 : 6) + "-degree Gauss-Krüger, EPSG:" + zone.srid()
                + ", central meridian " + zone.centralMeridian() + "°E";
        return new TileMatrixSet("CGCS2000_GK_" + zone.srid(), title, zone.srid(), null,
                zone.falseEasting() - GK_HALF_WIDTH, GK_TOP, m);
    }

    /** The zoom level with this identifier, or null. */
    public TileMatrix matrix(String id) {
        for (TileMatrix t : matrices) {
            if (t.identifier().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** The extent of a block of tiles (rows and columns inclusive), x = east. */
    public Envelope extent(TileMatrix m, long minRow, long minCol, long maxRow, long maxCol) {
        double span = m.tileSpan();
        return new Envelope(originX + minCol * span, originX + (maxCol + 1) * span,
                originY - (maxRow + 1) * span, originY - minRow * span);
    }

    /** The set's whole extent, x = east. */
    public Envelope extent() {
        TileMatrix m = matrices.get(0);
        return extent(m, 0, 0, m.matrixHeight() - 1, m.matrixWidth() - 1);
    }

    /**
     * The tiles of a level that an area touches, as {minRow, minCol, maxRow, maxCol}, clamped to the matrix; null
     * when it lies outside.
     */
    public long[] tilesCovering(TileMatrix m, Envelope area) {
        Envelope e = area.intersection(extent());
        if (e.isNull()) {
            return null;
        }
        double span = m.tileSpan();
        long minCol = clamp((long) Math.floor((e.getMinX() - originX) / span), m.matrixWidth());
        long maxCol = clamp((long) Math.floor((e.getMaxX() - originX) / span), m.matrixWidth());
        long minRow = clamp((long) Math.floor((originY - e.getMaxY()) / span), m.matrixHeight());
        long maxRow = clamp((long) Math.floor((originY - e.getMinY()) / span), m.matrixHeight());
        return new long[] {minRow, minCol, maxRow, maxCol};
    }

    private static long clamp(long v, long size) {
        return Math.max(0, Math.min(size - 1, v));
    }
}
