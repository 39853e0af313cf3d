package org.gengdi.process.farmland;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/**
 * The map image of a report: a plain Java2D drawing (640 × 420 PNG) of geometries in a metric plane, filled and
 * outlined in the colours given, fitted to an envelope; embedded in the HTML as a data URL.
 */
public final class ReportMap {
    public static final Color RED_LINE = new Color(230, 0, 0, 160);
    public static final Color ADDED = new Color(0, 160, 60, 170);
    public static final Color CULTIVATED = new Color(250, 230, 120, 160);
    public static final Color OTHER = new Color(220, 220, 220, 160);

    private record Item(Geometry geometry, Color fill, Color outline, float width) {
    }

    private final List<Item> items = new ArrayList<>();
    private final Envelope extent = new Envelope();

    /** Adds a geometry (fill may be null for outlines only); the image is fitted to all geometries added. */
    public ReportMap add(Geometry g, Color fill, Color outline, float width) {
        if (g != null && !g.isEmpty()) {
            items.add(new Item(g, fill, outline, width));
            extent.expandToInclude(g.getEnvelopeInternal());
        }
        return this;
    }

    /** The {@code <img>} element with the PNG as a data URL (an empty string when nothing was added). */
    public String img(String alt) {
        if (items.isEmpty()) {
            return "";
        }
        return "<img alt=\"" + ReportPage.esc(alt) + "\" src=\"data:image/png;base64," + png()
                + "\" width=\"640\" height=\"420\">";
    }

    private String png() {
        int w = 640;
        int h = 420;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        Envelope e = extent.copy();
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.05 + 1);
        double scale = Math.min((w - 20) / e.getWidth(), (h - 20) / e.getHeight());
        AffineTransform t = new AffineTransform(scale, 0, 0, -scale, 10 - e.getMinX() * scale,
                h - 10 + e.getMinY() * scale);
        for (Item i : items) {
            Path2D path = path(i.geometry());
            if (i.fill() != null) {
                g.setColor(i.fill());
                g.fill(t.createTransformedShape(path));
            }
            if (i.outline() != null) {
                g.setColor(i.outline());
                g.setStroke(new BasicStroke(i.width()));
                g.draw(t.createTransformedShape(path));
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(img, "png", out);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    private static Path2D path(Geometry g) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof Polygon poly) {
                ring(p, poly.getExteriorRing().getCoordinates(), true);
                for (int k = 0; k < poly.getNumInteriorRing(); k++) {
                    ring(p, poly.getInteriorRingN(k).getCoordinates(), true);
                }
            } else if (part instanceof LineString line) {
                ring(p, line.getCoordinates(), false);
            }
        }
        return p;
    }

    private static void ring(Path2D p, Coordinate[] cs, boolean close) {
        for (int i = 0; i < cs.length; i++) {
            if (i == 0) {
                p.moveTo(cs[i].x, cs[i].y);
            } else {
                p.lineTo(cs[i].x, cs[i].y);
            }
        }
        if (close) {
            p.closePath();
        }
    }
}
