package org.gengdi.server.render;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gengdi.core.feature.Feature;
import org.gengdi.server.render.Symbolizer.TextSymbolizer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The labels of one map: candidates are collected from every layer while the geometry is drawn, then placed by
 * priority (higher first, then in drawing order) and drawn on top. A label is left out when its box (grown by its
 * halo) overlaps one already placed, when it does not fit entirely in the image (so labels are never cut at image
 * edges, which metatiles rely on), or, for polygons, when less than half of it would lie over the polygon's
 * bounding box (GeoServer's "goodness of fit", simplified), which keeps county-wide maps free of parcel-number
 * clutter. Polygons are labelled at an interior point of their part inside the view, lines at the middle of their
 * longest visible part, points at the point. Not thread-safe: one per rendering.
 */
final class Labels {
    /** Longest label text, in characters. */
    static final int MAX_TEXT = 200;
    private static final double MAX_HALO = 20;
    private static final double MIN_FIT = 0.5;
    private static final double PADDING = 1;

    private final MapView view;
    private final Envelope extent;
    private final ScreenPath screen;
    private final LabelFonts fonts;
    private final List<Candidate> candidates = new ArrayList<>();
    private int placed;

    /** @param screen the world-to-pixel mapping of the map */
    Labels(MapView view, ScreenPath screen, LabelFonts fonts) {
        this.view = view;
        this.extent = view.extent();
        this.screen = screen;
        this.fonts = fonts;
    }

    private record Candidate(TextSymbolizer symbolizer, String text, double x, double y, Envelope fit, int order) {
    }

    /** Offers the label of a feature (geometry in the map CRS). */
    void offer(TextSymbolizer ts, Feature f, Geometry g) {
        String text = text(f.get(ts.property()));
        if (text == null || g == null || g.isEmpty()) {
            return;
        }
        Envelope env = g.getEnvelopeInternal();
        Envelope fit = null;
        Coordinate at;
        try {
            if (g instanceof Polygonal) {
                double size = ts.font().size() > 0 ? ts.font().size() : 12;
                if (!mayFit(screen.width(env), screen.height(env), 0.5 * size * text.length(), size)) {
                    return;
                }
                Geometry part = extent.contains(env) ? g : clip(g);
                if (part.isEmpty()) {
                    return;
                }
                Point p = part.getInteriorPoint();
                if (p.isEmpty()) {
                    return;
                }
                at = p.getCoordinate();
                Envelope pe = part.getEnvelopeInternal();
                fit = new Envelope(screen.x(pe.getMinX()), screen.x(pe.getMaxX()), screen.y(pe.getMaxY()),
                        screen.y(pe.getMinY()));
            } else if (g instanceof Lineal) {
                Geometry part = extent.contains(env) ? g : clip(g);
                LineString longest = null;
                for (int i = 0; i < part.getNumGeometries(); i++) {
                    if (part.getGeometryN(i) instanceof LineString l
                            && (longest == null || l.getLength() > longest.getLength())) {
                        longest = l;
                    }
                }
                if (longest == null || longest.isEmpty()) {
                    return;
                }
                at = new LengthIndexedLine(longest).extractPoint(longest.getLength() / 2);
            } else if (g instanceof Puntal) {
                at = null;
                for (Coordinate c : g.getCoordinates()) {
                    if (extent.contains(c)) {
                        at = c;
                        break;
                    }
                }
            } else {
                Point p = g.getInteriorPoint();
                at = p.isEmpty() ? null : p.getCoordinate();
            }
        } catch (RuntimeException e) {
            return; // an invalid geometry that cannot be clipped goes unlabelled rather than failing the map
        }
        if (at == null || !extent.contains(at)) {
            return;
        }
        candidates.add(new Candidate(ts, text, screen.x(at.x), screen.y(at.y), fit, candidates.size()));
    }

    private Geometry clip(Geometry g) {
        return OverlayNGRobust.overlay(g, g.getFactory().toGeometry(extent), OverlayNG.INTERSECTION);
    }

    /** True when a box of this size, centred on a box of the other size, could be half covered by it. */
    private static boolean mayFit(double polyW, double polyH, double boxW, double boxH) {
        return Math.min(polyW, boxW) * Math.min(polyH, boxH) >= MIN_FIT * boxW * boxH;
    }

    /** The number of labels offered so far. */
    int offered() {
        return candidates.size();
    }

    /** The number of labels drawn by {@link #draw}. */
    int placed() {
        return placed;
    }

    /** Places and draws the labels; the graphics must have the map's rendering hints. */
    void draw(Graphics2D g, RenderBudget budget) {
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.symbolizer().priority())
                .thenComparingInt(Candidate::order));
        FontRenderContext frc = g.getFontRenderContext();
        BoxIndex index = new BoxIndex(view.width(), view.height());
        int n = 0;
        for (Candidate c : candidates) {
            if ((++n & 255) == 0) {
                budget.checkTime();
            }
            TextSymbolizer ts = c.symbolizer();
            boolean anchorInside = ts.anchorX() >= 0 && ts.anchorX() <= 1 && ts.anchorY() >= 0 && ts.anchorY() <= 1
                    && ts.displaceX() == 0 && ts.displaceY() == 0;
            if (anchorInside && index.covers(c.x(), c.y())) {
                continue; // cheap: its box would contain the anchor, which a placed label already covers
            }
            Font font = fonts.font(ts.font(), c.text());
            LineMetrics lm = font.getLineMetrics(c.text(), frc);
            double w = font.getStringBounds(c.text(), frc).getWidth();
            double h = lm.getAscent() + lm.getDescent();
            double left = c.x() - ts.anchorX() * w + ts.displaceX();
            double top = c.y() - (1 - ts.anchorY()) * h - ts.displaceY();
            if (!(left >= 0 && top >= 0 && left + w <= view.width() && top + h <= view.height())) {
                continue;
            }
            if (c.fit() != null) {
                Envelope box = new Envelope(left, left + w, top, top + h);
                Envelope over = box.intersection(c.fit());
                if (over.isNull() || over.getArea() < MIN_FIT * box.getArea()) {
                    continue;
                }
            }
            double halo = ts.halo() == null || !(ts.halo().radius() > 0) ? 0 : Math.min(ts.halo().radius(), MAX_HALO);
            double pad = PADDING + halo;
            Rectangle2D.Double box = new Rectangle2D.Double(left - pad, top - pad, w + 2 * pad, h + 2 * pad);
            if (index.overlaps(box)) {
                continue;
            }
            index.add(box);
            placed++;
            drawText(g, font, c.text(), ts, halo, (float) left, (float) (top + lm.getAscent()));
        }
    }

    private static void drawText(Graphics2D g, Font font, String text, TextSymbolizer ts, double halo, float x,
                                 float baseline) {
        GlyphVector gv = font.createGlyphVector(g.getFontRenderContext(), text);
        if (halo > 0 && ts.halo().color() != null && ts.halo().color().getAlpha() > 0) {
            g.setColor(ts.halo().color());
            g.setStroke(new BasicStroke((float) (2 * halo), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(gv.getOutline(x, baseline));
        }
        g.setColor(ts.color());
        g.drawGlyphVector(gv, x, baseline);
    }

    /** The text a value is labelled with: numbers without trailing zeros, one line, at most {@link #MAX_TEXT}. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        String s;
        if ((value instanceof Double || value instanceof Float) && Double.isFinite(((Number) value).doubleValue())) {
            s = BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        } else if (value instanceof BigDecimal b) {
            s = b.stripTrailingZeros().toPlainString();
        } else {
            s = value.toString();
        }
        s = s.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ").strip();
        if (s.codePointCount(0, s.length()) > MAX_TEXT) {
            s = s.substring(0, s.offsetByCodePoints(0, MAX_TEXT));
        }
        return s.isEmpty() ? null : s;
    }

    /** Placed label boxes in a grid of cells, for overlap tests. */
    private static final class BoxIndex {
        private static final int CELL = 64;
        private final int cols;
        private final int rows;
        private final List<Rectangle2D>[] cells;

        @SuppressWarnings("unchecked")
        BoxIndex(int width, int height) {
            cols = Math.max(1, (width + CELL - 1) / CELL);
            rows = Math.max(1, (height + CELL - 1) / CELL);
            cells = new List[cols * rows];
        }

        private int col(double x) {
            return (int) Math.max(0, Math.min(cols - 1, Math.floor(x / CELL)));
        }

        private int row(double y) {
            return (int) Math.max(0, Math.min(rows - 1, Math.floor(y / CELL)));
        }

        boolean covers(double x, double y) {
            List<Rectangle2D> cell = cells[row(y) * cols + col(x)];
            if (cell != null) {
                for (Rectangle2D r : cell) {
                    if (r.contains(x, y)) {
                        return true;
                    }
                }
            }
            return false;
        }

        boolean overlaps(Rectangle2D box) {
            for (int r = row(box.getMinY()); r <= row(box.getMaxY()); r++) {
                for (int c = col(box.getMinX()); c <= col(box.getMaxX()); c++) {
                    List<Rectangle2D> cell = cells[r * cols + c];
                    if (cell != null) {
                        for (Rectangle2D b : cell) {
                            if (b.intersects(box)) {
                                return true;
                            }
                        }
                    }
                }
            }
            return false;
        }

        void add(Rectangle2D box) {
            for (int r = row(box.getMinY()); r <= row(box.getMaxY()); r++) {
                for (int c = col(box.getMinX()); c <= col(box.getMaxX()); c++) {
                    int i = r * cols + c;
                    if (cells[i] == null) {
                        cells[i] = new ArrayList<>(4);
                    }
                    cells[i].add(box);
                }
            }
        }
    }
}
