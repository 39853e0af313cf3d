package org.gengdi.server.render;

import java.util.List;
import org.gengdi.core.filter.Filter;

/**
 * One rule of a style: which features (filter, or ElseFilter: those no other rule of the style matched) at which
 * scales (min inclusive, max exclusive, as SLD says) are drawn with which symbolizers, in order.
 *
 * @param name           rule name (legend key)
 * @param title          legend label (Chinese allowed), null for the name
 * @param filter         the features the rule applies to; {@link Filter#INCLUDE} for all
 * @param elseFilter     true for an SLD ElseFilter rule (then {@code filter} is INCLUDE)
 * @param minScale       smallest scale denominator at which the rule applies (0 for no limit)
 * @param maxScale       scale denominator from which it no longer applies ({@code Double.POSITIVE_INFINITY} for none)
 * @param symbolizers    drawn in order
 */
public record Rule(String name, String title, Filter filter, boolean elseFilter, double minScale, double maxScale,
                   List<Symbolizer> symbolizers) {
    public Rule {
        filter = filter == null ? Filter.INCLUDE : filter;
        symbolizers = List.copyOf(symbolizers);
        if (minScale < 0 || maxScale <= minScale) {
            throw new IllegalArgumentException("scale range must be 0 <= min < max");
        }
    }

    /** True when the rule applies at this scale denominator. */
    public boolean appliesAt(double scaleDenominator) {
        return scaleDenominator >= minScale && scaleDenominator < maxScale;
    }
}
