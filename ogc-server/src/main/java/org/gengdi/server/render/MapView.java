package org.gengdi.server.render;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.util.Objects;
import org.gengdi.core.crs.CrsDefinition;
import org.gengdi.core.crs.CrsRegistry;
import org.locationtech.jts.geom.Envelope;

/**
 * What one map shows: an extent in the map CRS (x = easting or longitude, whatever the CRS's axis order; the WMS
 * swaps axes before building a view), the image size, and the background.
 *
 * @param extent      the area shown, in {@code srid} with x = east
 * @param srid        EPSG code of the map CRS (features are transformed into it)
 * @param width       image width in pixels
 * @param height      image height in pixels
 * @param background  the background colour (used also when a transparent map is encoded as JPEG)
 * @param transparent true for a transparent background (PNG with alpha)
 */
public record MapView(Envelope extent, int srid, int width, int height, Color background, boolean transparent) {

    /** OGC's standardised rendering pixel size (SLD 1.1 / SE 1.1, WMS 1.3.0 §7.2.4.6.9): 0.28 mm. */
    public static final double STANDARD_PIXEL_SIZE = 0.00028;
    /**
     * Metres per degree at the equator of the CGCS2000 (and WGS 84) ellipsoid, the factor WMS and SLD use to give
     * geographic maps a scale denominator.
     */
    public static final double METRES_PER_DEGREE = 2 * Math.PI * CrsRegistry.CGCS2000_A / 360;

    public MapView {
        Objects.requireNonNull(extent, "extent");
        if (extent.isNull() || !(extent.getWidth() > 0) || !(extent.getHeight() > 0)
                || !Double.isFinite(extent.getWidth()) || !Double.isFinite(extent.getHeight())) {
            throw new IllegalArgumentException("the map extent must have a positive, finite width and height");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("the image size must be positive: " + width + "×" + height);
        }
        extent = new Envelope(extent);
        background = background == null ? Color.WHITE : background;
    }

    /** A view with a white background. */
    public static MapView of(Envelope extent, int srid, int width, int height, boolean transparent) {
        return new MapView(extent, srid, width, height, Color.WHITE, transparent);
    }

    @Override
    public Envelope extent() {
        return new Envelope(extent);
    }

    /** Map units (metres or degrees) per pixel along x. */
    public double pixelSizeX() {
        return extent.getWidth() / width;
    }

    /** Map units per pixel along y. */
    public double pixelSizeY() {
        return extent.getHeight() / height;
    }

    /** True when the map CRS is geographic (degrees); unknown codes count as projected in metres. */
    public boolean geographic() {
        return CrsRegistry.get().find(srid).map(CrsDefinition::geographic).orElse(false);
    }

    /**
     * The scale denominator as OGC defines it: the extent's width in metres over the image width at 0.28 mm per
     * pixel; degrees count as {@link #METRES_PER_DEGREE} metres.
     */
    public double scaleDenominator() {
        double metres = extent.getWidth() * (geographic() ? METRES_PER_DEGREE : 1);
        return metres / width / STANDARD_PIXEL_SIZE;
    }

    /** Map coordinates to pixel coordinates (origin top left, y down: north up). */
    public AffineTransform worldToPixel() {
        double sx = width / extent.getWidth();
        double sy = height / extent.getHeight();
        return new AffineTransform(sx, 0, 0, -sy, -extent.getMinX() * sx, extent.getMaxY() * sy);
    }
}
