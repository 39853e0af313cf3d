package org.gengdi.server.render;

import java.awt.Color;
import java.util.Objects;

/** How a matching feature is drawn: the SLD / SE symbolizers Gengdi supports. */
public sealed interface Symbolizer {

    /**
     * A fill: a solid colour, or a hatch pattern drawn with the stroke's colour over an optional background
     * (SLD {@code GraphicFill} with a {@code shape://} or well-known mark: slash, backslash, times, horline, vertline,
     * plus, dot).
     *
     * @param color   fill colour with its opacity in alpha, null for no solid fill
     * @param hatch   null, or the hatch mark
     * @param hatchColor colour of the hatch lines (SLD: the mark's stroke)
     * @param hatchSpacing distance between hatch lines in pixels (SLD: the graphic's size)
     * @param hatchWidth   hatch line width in pixels
     */
    record Fill(Color color, Hatch hatch, Color hatchColor, double hatchSpacing, double hatchWidth) {
        public static Fill solid(Color c) {
            return new Fill(c, null, null, 0, 0);
        }
    }

    /** Hatch marks for pattern fills (the reserve area is hatched by convention). */
    enum Hatch { SLASH, BACKSLASH, TIMES, HORLINE, VERTLINE, PLUS, DOT }

    /**
     * A line style.
     *
     * @param color   colour with opacity in alpha
     * @param width   in pixels
     * @param dash    dash array in pixels, null for solid
     * @param lineJoin {@code miter}, {@code round} or {@code bevel}
     * @param lineCap  {@code butt}, {@code round} or {@code square}
     */
    record Stroke(Color color, double width, float[] dash, String lineJoin, String lineCap) {
        public Stroke {
            Objects.requireNonNull(color, "color");
            lineJoin = lineJoin == null ? "round" : lineJoin;
            lineCap = lineCap == null ? "round" : lineCap;
        }

        public static Stroke solid(Color c, double width) {
            return new Stroke(c, width, null, null, null);
        }

        /** Equal when the dash arrays hold the same values (a record compares arrays by identity). */
        @Override
        public boolean equals(Object o) {
            return o instanceof Stroke s && color.equals(s.color) && Double.compare(width, s.width) == 0
                    && java.util.Arrays.equals(dash, s.dash) && lineJoin.equals(s.lineJoin) && lineCap.equals(s.lineCap);
        }

        @Override
        public int hashCode() {
            return Objects.hash(color, width, java.util.Arrays.hashCode(dash), lineJoin, lineCap);
        }
    }

    /** Fill and outline of polygons; either may be null. */
    record PolygonSymbolizer(Fill fill, Stroke stroke) implements Symbolizer {
    }

    /** Lines (and polygon outlines when applied to polygons). */
    record LineSymbolizer(Stroke stroke) implements Symbolizer {
        public LineSymbolizer {
            Objects.requireNonNull(stroke, "stroke");
        }
    }

    /** Well-known marks: circle, square, triangle, star, cross, x. */
    enum Mark { CIRCLE, SQUARE, TRIANGLE, STAR, CROSS, X }

    /** A mark at each point (polygons: at their interior point). Size in pixels. */
    record PointSymbolizer(Mark mark, double size, Fill fill, Stroke stroke) implements Symbolizer {
    }

    /**
     * Font of a label.
     *
     * @param family font family; the renderer falls back to a CJK-capable font when the family cannot show the text
     */
    record Font(String family, double size, boolean bold, boolean italic) {
    }

    /** A halo around label text (radius in pixels). */
    record Halo(double radius, Color color) {
    }

    /**
     * A label: the value of an attribute drawn at a point-on-surface of polygons, the middle of lines, or points;
     * labels that collide with earlier ones are left out.
     *
     * @param property      attribute whose value is the text (checked against the layer's public schema)
     * @param font          font
     * @param color         text colour
     * @param halo          null for none
     * @param anchorX       0 left … 1 right (SLD AnchorPoint)
     * @param anchorY       0 bottom … 1 top
     * @param displaceX     pixel displacement
     * @param displaceY     pixel displacement (up positive, as SLD)
     * @param priority      higher first when labels compete; 0 by default
     */
    record TextSymbolizer(String property, Font font, Color color, Halo halo, double anchorX, double anchorY,
                          double displaceX, double displaceY, double priority) implements Symbolizer {
        public TextSymbolizer {
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(font, "font");
            color = color == null ? Color.BLACK : color;
        }
    }
}
