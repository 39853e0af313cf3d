package org.gengdi.server.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.TexturePaint;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.Hatch;
import org.gengdi.server.render.Symbolizer.PointSymbolizer;
import org.gengdi.server.render.Symbolizer.Stroke;

/**
 * Draws fills, hatches, strokes and marks, for maps and legend swatches alike. Java2D objects (strokes, hatch
 * textures) are made once per symbolizer. Hatches are anchored at the pixel of the world origin, so that the
 * pattern runs on across tiles of the same scale. Not thread-safe: one per rendering.
 */
final class SymbolPainter {
    /** SLD's default mark size (pixels). */
    static final double DEFAULT_MARK_SIZE = 6;
    private static final Color DEFAULT_MARK_FILL = new Color(0x808080);
    private static final int MAX_TILE = 256;

    private final double anchorX;
    private final double anchorY;
    private final Map<Stroke, BasicStroke> strokes = new IdentityHashMap<>();
    private final Map<Fill, Paint> hatches = new HashMap<>();

    /** @param anchorX pixel x where hatch tiles start (the world origin on maps), likewise y */
    SymbolPainter(double anchorX, double anchorY) {
        this.anchorX = anchorX;
        this.anchorY = anchorY;
    }

    /** Fills an area with a solid colour, then its hatch. */
    void fill(Graphics2D g, Shape area, Fill fill) {
        if (fill == null) {
            return;
        }
        if (fill.color() != null && fill.color().getAlpha() > 0) {
            g.setColor(fill.color());
            g.fill(area);
        }
        if (fill.hatch() != null) {
            g.setPaint(hatch(fill));
            g.fill(area);
        }
    }

    void stroke(Graphics2D g, Shape path, Stroke stroke) {
        if (stroke == null || stroke.color().getAlpha() == 0) {
            return;
        }
        g.setColor(stroke.color());
        g.setStroke(basic(stroke));
        g.draw(path);
    }

    /** A mark centred on a pixel; without fill and stroke it gets SLD's grey fill and black outline. */
    void mark(Graphics2D g, double x, double y, PointSymbolizer p) {
        double size = p.size() > 0 && Double.isFinite(p.size()) ? Math.min(p.size(), 512) : DEFAULT_MARK_SIZE;
        Shape s = Marks.shape(p.mark(), size, x, y);
        Fill fill = p.fill();
        Stroke stroke = p.stroke();
        if (fill == null && stroke == null) {
            fill = Fill.solid(DEFAULT_MARK_FILL);
            stroke = Stroke.solid(Color.BLACK, 1);
        }
        fill(g, s, fill);
        stroke(g, s, stroke);
    }

    /** The one pixel standing for a geometry smaller than a pixel, in the colour the symbolizer shows most. */
    static Color dotColor(Symbolizer s) {
        if (s instanceof Symbolizer.PolygonSymbolizer p) {
            if (p.stroke() != null && p.stroke().color().getAlpha() > 0) {
                return p.stroke().color();
            }
            if (p.fill() != null) {
                return p.fill().color() != null ? p.fill().color() : p.fill().hatchColor();
            }
            return null;
        }
        if (s instanceof Symbolizer.LineSymbolizer l) {
            return l.stroke().color();
        }
        return null;
    }

    BasicStroke basic(Stroke s) {
        BasicStroke b = strokes.get(s);
        if (b == null) {
            b = toBasic(s);
            strokes.put(s, b);
        }
        return b;
    }

    static BasicStroke toBasic(Stroke s) {
        float width = (float) (Double.isFinite(s.width()) ? Math.max(0, Math.min(s.width(), 256)) : 1);
        int cap = switch (s.lineCap()) {
            case "butt" -> BasicStroke.CAP_BUTT;
            case "square" -> BasicStroke.CAP_SQUARE;
            default -> BasicStroke.CAP_ROUND;
        };
        int join = switch (s.lineJoin()) {
            case "miter", "mitre" -> BasicStroke.JOIN_MITER;
            case "bevel" -> BasicStroke.JOIN_BEVEL;
            default -> BasicStroke.JOIN_ROUND;
        };
        return new BasicStroke(width, cap, join, 10f, dashes(s.dash()), 0f);
    }

    /** A usable dash array, or null for solid (Java2D rejects empty, negative or all-zero arrays). */
    private static float[] dashes(float[] dash) {
        if (dash == null || dash.length == 0 || dash.length > 64) {
            return null;
        }
        float sum = 0;
        float[] out = new float[dash.length % 2 == 0 ? dash.length : 2 * dash.length];
        for (int i = 0; i < out.length; i++) {
            float d = dash[i % dash.length];
            if (!(d >= 0) || d > 10_000) {
                return null;
            }
            out[i] = d;
            sum += d;
        }
        return sum > 0 ? out : null;
    }

    /** A texture repeating the hatch mark, anchored at the world origin. */
    Paint hatch(Fill fill) {
        Paint p = hatches.get(fill);
        if (p == null) {
            BufferedImage tile = tile(fill);
            int s = tile.getWidth();
            double ax = anchorX - s * Math.floor(anchorX / s);
            double ay = anchorY - s * Math.floor(anchorY / s);
            p = new TexturePaint(tile, new Rectangle2D.Double(ax, ay, s, s));
            hatches.put(fill, p);
        }
        return p;
    }

    /** One tile of a hatch: lines drawn with their copies one tile away, so the pattern joins seamlessly. */
    static BufferedImage tile(Fill fill) {
        double spacing = fill.hatchSpacing() > 0 && Double.isFinite(fill.hatchSpacing()) ? fill.hatchSpacing() : 8;
        int s = (int) Math.max(2, Math.min(MAX_TILE, Math.round(spacing)));
        double w = fill.hatchWidth() > 0 && Double.isFinite(fill.hatchWidth()) ? Math.min(fill.hatchWidth(), s) : 1;
        Color c = fill.hatchColor() == null ? Color.BLACK : fill.hatchColor();
        BufferedImage tile = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = tile.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(c);
            g.setStroke(new BasicStroke((float) w, BasicStroke.CAP_SQUARE, BasicStroke.JOIN_MITER));
            double m = s / 2.0;
            Hatch h = fill.hatch();
            for (int dx = -s; dx <= s; dx += s) {
                for (int dy = -s; dy <= s; dy += s) {
                    switch (h) {
                        case SLASH -> g.draw(new Line2D.Double(dx, dy + s, dx + s, dy));
                        case BACKSLASH -> g.draw(new Line2D.Double(dx, dy, dx + s, dy + s));
                        case TIMES -> {
                            g.draw(new Line2D.Double(dx, dy + s, dx + s, dy));
                            g.draw(new Line2D.Double(dx, dy, dx + s, dy + s));
                        }
                        case HORLINE -> g.draw(new Line2D.Double(dx, dy + m, dx + s, dy + m));
                        case VERTLINE -> g.draw(new Line2D.Double(dx + m, dy, dx + m, dy + s));
                        case PLUS -> {
                            g.draw(new Line2D.Double(dx, dy + m, dx + s, dy + m));
                            g.draw(new Line2D.Double(dx + m, dy, dx + m, dy + s));
                        }
                        case DOT -> {
                            double d = Math.max(1.5, 2 * w);
                            g.fill(new Ellipse2D.Double(dx + m - d / 2, dy + m - d / 2, d, d));
                        }
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return tile;
    }
}
