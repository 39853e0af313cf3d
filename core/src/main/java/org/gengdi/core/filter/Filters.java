package org.gengdi.core.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Simplification and traversal of filters. */
public final class Filters {
    private Filters() {
    }

    /** AND of the children with INCLUDE dropped and nested ANDs flattened; EXCLUDE if any child is EXCLUDE. */
    public static Filter and(List<Filter> children) {
        List<Filter> out = new ArrayList<>();
        for (Filter f : children) {
            if (f == null || f instanceof Filter.Include) {
                continue;
            }
            if (f instanceof Filter.Exclude) {
                return Filter.EXCLUDE;
            }
            if (f instanceof Filter.And a) {
                out.addAll(a.children());
            } else {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            return Filter.INCLUDE;
        }
        return out.size() == 1 ? out.get(0) : new Filter.And(out);
    }

    /** OR of the children with EXCLUDE dropped; INCLUDE if any child is INCLUDE. */
    public static Filter or(List<Filter> children) {
        List<Filter> out = new ArrayList<>();
        for (Filter f : children) {
            if (f == null || f instanceof Filter.Exclude) {
                continue;
            }
            if (f instanceof Filter.Include) {
                return Filter.INCLUDE;
            }
            if (f instanceof Filter.Or o) {
                out.addAll(o.children());
            } else {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            return Filter.EXCLUDE;
        }
        return out.size() == 1 ? out.get(0) : new Filter.Or(out);
    }

    /** Visits every node, depth first. */
    public static void walk(Filter f, Consumer<Filter> visitor) {
        visitor.accept(f);
        if (f instanceof Filter.And a) {
            a.children().forEach(c -> walk(c, visitor));
        } else if (f instanceof Filter.Or o) {
            o.children().forEach(c -> walk(c, visitor));
        } else if (f instanceof Filter.Not n) {
            walk(n.child(), visitor);
        }
    }

    /** Nesting depth (1 for a leaf); parsers bound it to refuse hostile, deeply nested filters. */
    public static int depth(Filter f) {
        if (f instanceof Filter.And a) {
            return 1 + a.children().stream().mapToInt(Filters::depth).max().orElse(0);
        }
        if (f instanceof Filter.Or o) {
            return 1 + o.children().stream().mapToInt(Filters::depth).max().orElse(0);
        }
        if (f instanceof Filter.Not n) {
            return 1 + depth(n.child());
        }
        return 1;
    }

    /** The attribute or geometry property a leaf names, or null for logical nodes and id filters. */
    public static String propertyOf(Filter f) {
        if (f instanceof Filter.Compare c) {
            return c.property();
        }
        if (f instanceof Filter.Like l) {
            return l.property();
        }
        if (f instanceof Filter.IsNull n) {
            return n.property();
        }
        if (f instanceof Filter.Between b) {
            return b.property();
        }
        if (f instanceof Filter.In i) {
            return i.property();
        }
        if (f instanceof Filter.Spatial s) {
            return s.property();
        }
        if (f instanceof Filter.Distance d) {
            return d.property();
        }
        if (f instanceof Filter.TemporalFilter t) {
            return t.property();
        }
        return null;
    }
}
