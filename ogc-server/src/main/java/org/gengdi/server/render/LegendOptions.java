package org.gengdi.server.render;

import java.awt.Color;

/**
 * How a legend looks (WMS GetLegendGraphic WIDTH, HEIGHT, TRANSPARENT and LEGEND_OPTIONS).
 *
 * @param swatchWidth  width of each rule's sample in pixels (WIDTH)
 * @param swatchHeight height of each sample (HEIGHT)
 * @param fontFamily   font family of the rule titles, null for the default CJK-capable font
 * @param fontSize     title size in pixels
 * @param fontColor    title colour
 * @param background   background colour (also what JPEG composites a transparent legend on)
 * @param transparent  true for a transparent background
 */
public record LegendOptions(int swatchWidth, int swatchHeight, String fontFamily, double fontSize, Color fontColor,
                            Color background, boolean transparent) {

    public static final LegendOptions DEFAULT = new LegendOptions(20, 20, null, 12, Color.BLACK, Color.WHITE, false);

    public LegendOptions {
        if (swatchWidth < 1 || swatchHeight < 1 || swatchWidth > 512 || swatchHeight > 512) {
            throw new IllegalArgumentException("legend swatches must be 1 to 512 pixels: " + swatchWidth + "×"
                    + swatchHeight);
        }
        if (!(fontSize > 0) || fontSize > 100) {
            throw new IllegalArgumentException("legend font size must be in (0, 100]: " + fontSize);
        }
        fontColor = fontColor == null ? Color.BLACK : fontColor;
        background = background == null ? Color.WHITE : background;
    }

    public LegendOptions withSwatch(int width, int height) {
        return new LegendOptions(width, height, fontFamily, fontSize, fontColor, background, transparent);
    }

    public LegendOptions withTransparent(boolean t) {
        return new LegendOptions(swatchWidth, swatchHeight, fontFamily, fontSize, fontColor, background, t);
    }
}
