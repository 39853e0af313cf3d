package org.gengdi.core.feature;

import java.util.Objects;

/** One sort key of a query: a property name and a direction. */
public record SortBy(String property, boolean ascending) {
    public SortBy {
        Objects.requireNonNull(property, "property");
    }

    public static SortBy asc(String property) {
        return new SortBy(property, true);
    }

    public static SortBy desc(String property) {
        return new SortBy(property, false);
    }
}
