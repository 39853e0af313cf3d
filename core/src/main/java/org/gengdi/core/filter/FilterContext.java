package org.gengdi.core.filter;

import java.util.Objects;
import java.util.Set;
import org.gengdi.core.crs.CrsRef;
import org.gengdi.core.feature.FeatureType;

/**
 * What a filter parser needs to know: the layer the filter applies to (property names are checked against its
 * schema, and geometry literals are transformed into its stored CRS), the CRS of literals that do not name their
 * own, the property names the caller may not use (personal fields for anonymous users), and limits against
 * hostile input.
 *
 * @param type        the layer's schema
 * @param literalCrs  CRS (with the axis order of the form the client used) of geometry literals without their own
 * @param hidden      attribute names treated as unknown
 * @param maxDepth    the deepest nesting of logical operators accepted
 * @param maxLength   the longest filter text or document accepted, in characters
 */
public record FilterContext(FeatureType type, CrsRef literalCrs, Set<String> hidden, int maxDepth, int maxLength) {

    public static final int DEFAULT_MAX_DEPTH = 32;
    public static final int DEFAULT_MAX_LENGTH = 1_000_000;

    public FilterContext {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(literalCrs, "literalCrs");
        hidden = hidden == null ? Set.of() : Set.copyOf(hidden);
    }

    public static FilterContext of(FeatureType type, CrsRef literalCrs) {
        return new FilterContext(type, literalCrs, Set.of(), DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH);
    }

    public FilterContext hiding(Set<String> names) {
        return new FilterContext(type, literalCrs, names, maxDepth, maxLength);
    }
}
