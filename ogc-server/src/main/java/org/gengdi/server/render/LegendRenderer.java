package org.gengdi.server.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.gengdi.server.render.Symbolizer.LineSymbolizer;
import org.gengdi.server.render.Symbolizer.PointSymbolizer;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;

/**
 * Draws the legend of a style for WMS GetLegendGraphic: one row per rule, a swatch drawn with the rule's
 * symbolizers (a square for polygon rules, a line for line rules, the mark for point rules; labels are not shown)
 * and the rule's title (its name when untitled) in a CJK-capable font. Callers choose the rules (RULE, SCALE) by
 * passing a style with just those. Safe to share between threads.
 */
public final class LegendRenderer {
    private static final int PAD = 2;
    private static final int GAP = 6;
    private final LabelFonts fonts;
    private final RenderLimits limits;

    public LegendRenderer() {
        this(RenderLimits.DEFAULT);
    }

    /** @param limits the image size limits (a style with thousands of rules must not make a huge legend) */
    public LegendRenderer(RenderLimits limits) {
        this.fonts = LabelFonts.shared();
        this.limits = limits;
    }

    /** The legend with swatches of this size and the default look. */
    public BufferedImage render(Style style, int swatchWidth, int swatchHeight) {
        return render(style, LegendOptions.DEFAULT.withSwatch(swatchWidth, swatchHeight));
    }

    /**
     * The legend image: {@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB} when transparent.
     *
     * @throws RenderLimitException when the legend would be larger than the limits allow
     */
    public BufferedImage render(Style style, LegendOptions options) {
        List<Rule> rules = style.rules();
        int sw = options.swatchWidth();
        int sh = options.swatchHeight();
        FontRenderContext frc = new FontRenderContext(null, true, true);
        List<String> titles = new ArrayList<>();
        List<Font> rowFonts = new ArrayList<>();
        double textWidth = 0;
        double textHeight = 0;
        for (Rule r : rules) {
            String t = Labels.text(r.title() != null ? r.title() : r.name());
            titles.add(t);
            Font f = t == null ? null : fonts.font(options.fontFamily(), Font.PLAIN, (float) options.fontSize(), t);
            rowFonts.add(f);
            if (f != null) {
                textWidth = Math.max(textWidth, f.getStringBounds(t, frc).getWidth());
                LineMetrics lm = f.getLineMetrics(t, frc);
                textHeight = Math.max(textHeight, lm.getAscent() + lm.getDescent());
            }
        }
        int rowHeight = (int) Math.ceil(Math.max(sh, textHeight));
        long width = rules.isEmpty() ? sw : 2L * PAD + sw + (textWidth > 0 ? GAP + (long) Math.ceil(textWidth) : 0);
        long height = rules.isEmpty() ? sh : 2L * PAD + (long) rules.size() * rowHeight + (rules.size() - 1L) * PAD;
        limits.checkSize((int) Math.min(width, Integer.MAX_VALUE), (int) Math.min(height, Integer.MAX_VALUE));
        BufferedImage image = new BufferedImage((int) width, (int) height,
                options.transparent() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            MapRenderer.hints(g);
            if (!options.transparent()) {
                Color bg = options.background();
                g.setColor(new Color(bg.getRed(), bg.getGreen(), bg.getBlue()));
                g.fillRect(0, 0, image.getWidth(), image.getHeight());
            }
            for (int i = 0; i < rules.size(); i++) {
                int top = PAD + i * (rowHeight + PAD);
                int swatchTop = top + (rowHeight - sh) / 2;
                Graphics2D sg = (Graphics2D) g.create(PAD, swatchTop, sw, sh);
                try {
                    swatch(sg, rules.get(i), sw, sh);
                } finally {
                    sg.dispose();
                }
                Font f = rowFonts.get(i);
                if (f != null) {
                    LineMetrics lm = f.getLineMetrics(titles.get(i), g.getFontRenderContext());
                    double textTop = top + (rowHeight - lm.getAscent() - lm.getDescent()) / 2;
                    g.setFont(f);
                    g.setColor(options.fontColor());
                    g.drawString(titles.get(i), PAD + sw + GAP, (float) (textTop + lm.getAscent()));
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Draws one rule's sample into a swatch-sized graphics. */
    static void swatch(Graphics2D g, Rule rule, int w, int h) {
        SymbolPainter painter = new SymbolPainter(0, 0);
        boolean polygonRule = rule.symbolizers().stream().anyMatch(s -> s instanceof PolygonSymbolizer);
        double widest = 0;
        for (Symbolizer s : rule.symbolizers()) {
            if (s instanceof PolygonSymbolizer p && p.stroke() != null) {
                widest = Math.max(widest, p.stroke().width());
            } else if (s instanceof LineSymbolizer l) {
                widest = Math.max(widest, l.stroke().width());
            }
        }
        double inset = Math.min(Math.max(1, Math.ceil(Math.min(widest, 8) / 2)), Math.min(w, h) / 4.0);
        Shape square = new Rectangle2D.Double(inset, inset, w - 2 * inset, h - 2 * inset);
        Path2D.Double line = new Path2D.Double();
        line.moveTo(inset, h - inset);
        line.lineTo(w * 0.4, h * 0.35);
        line.lineTo(w * 0.6, h * 0.65);
        line.lineTo(w - inset, inset);
        for (Symbolizer s : rule.symbolizers()) {
            if (s instanceof PolygonSymbolizer p) {
                painter.fill(g, square, p.fill());
                painter.stroke(g, square, p.stroke());
            } else if (s instanceof LineSymbolizer l) {
                painter.stroke(g, polygonRule ? square : line, l.stroke());
            } else if (s instanceof PointSymbolizer p) {
                double size = p.size() > 0 ? p.size() : SymbolPainter.DEFAULT_MARK_SIZE;
                double max = Math.max(1, Math.min(w, h) - 2);
                PointSymbolizer fitted = size <= max ? p : new PointSymbolizer(p.mark(), max, p.fill(), p.stroke());
                painter.mark(g, w / 2.0, h / 2.0, fitted);
            }
        }
    }
}
