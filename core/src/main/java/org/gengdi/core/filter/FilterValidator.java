package org.gengdi.core.filter;

import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;

/**
 * Checks a filter against a schema and returns an equivalent filter with property names in their schema
 * spelling and literals coerced to the attribute types. Stores accept only validated filters, so an SQL
 * identifier always comes from the schema, never from a request.
 */
public final class FilterValidator {
    private FilterValidator() {
    }

    /**
     * @param hidden attribute names the caller may not use (personal fields for anonymous users); treated as unknown
     * @throws InvalidFilterException for unknown properties or literals that do not fit the attribute type
     */
    public static Filter validate(Filter f, FeatureType type, java.util.Set<String> hidden) {
        return new FilterValidatorRun(type, hidden).run(f);
    }

    public static Filter validate(Filter f, FeatureType type) {
        return validate(f, type, java.util.Set.of());
    }

    private record FilterValidatorRun(FeatureType type, java.util.Set<String> hidden) {
        Filter run(Filter f) {
            if (f instanceof Filter.And a) {
                return Filters.and(map(a.children()));
            }
            if (f instanceof Filter.Or o) {
                return Filters.or(map(o.children()));
            }
            if (f instanceof Filter.Not n) {
                return new Filter.Not(run(n.child()));
            }
            if (f instanceof Filter.Compare c) {
                AttributeDef a = attr(c.property());
                return new Filter.Compare(a.name(), c.op(), literal(a, c.literal()), c.matchCase());
            }
            if (f instanceof Filter.Like l) {
                AttributeDef a = attr(l.property());
                return new Filter.Like(a.name(), l.pattern(), l.wildCard(), l.singleChar(), l.escape(), l.matchCase());
            }
            if (f instanceof Filter.IsNull n) {
                if (type.isGeometry(n.property())) {
                    return new Filter.IsNull(type.geometryName());
                }
                return new Filter.IsNull(attr(n.property()).name());
            }
            if (f instanceof Filter.Between b) {
                AttributeDef a = attr(b.property());
                return new Filter.Between(a.name(), literal(a, b.lower()), literal(a, b.upper()));
            }
            if (f instanceof Filter.In i) {
                AttributeDef a = attr(i.property());
                List<Object> vs = new ArrayList<>();
                for (Object v : i.values()) {
                    vs.add(literal(a, v));
                }
                return new Filter.In(a.name(), vs);
            }
            if (f instanceof Filter.Spatial s) {
                geom(s.property());
                return new Filter.Spatial(type.geometryName(), s.op(), s.literal());
            }
            if (f instanceof Filter.Distance d) {
                geom(d.property());
                return new Filter.Distance(type.geometryName(), d.literal(), d.distance(), d.beyond());
            }
            if (f instanceof Filter.TemporalFilter t) {
                AttributeDef a = attr(t.property());
                if (a.type() != AttributeType.DATE && a.type() != AttributeType.DATETIME) {
                    throw new InvalidFilterException("temporal operator on non-temporal property " + a.name(), a.name());
                }
                return new Filter.TemporalFilter(a.name(), t.op(), t.begin(), t.end());
            }
            return f; // Include, Exclude, ResourceId
        }

        private List<Filter> map(List<Filter> fs) {
            List<Filter> out = new ArrayList<>(fs.size());
            for (Filter c : fs) {
                out.add(run(c));
            }
            return out;
        }

        private AttributeDef attr(String name) {
            AttributeDef a = type.attribute(name);
            if (a == null || isHidden(a.name())) {
                if (type.isGeometry(name)) {
                    throw new InvalidFilterException("geometry property " + name + " used in a non-spatial operator", name);
                }
                throw new InvalidFilterException("unknown property '" + name + "' in " + type.name(), name);
            }
            return a;
        }

        private boolean isHidden(String name) {
            for (String h : hidden) {
                if (h.equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }

        private void geom(String name) {
            if (name != null && !type.isGeometry(name)) {
                throw new InvalidFilterException("'" + name + "' is not the geometry property of " + type.name()
                        + " (" + type.geometryName() + ")", name);
            }
        }

        private Object literal(AttributeDef a, Object v) {
            if (v == null) {
                return null;
            }
            try {
                return a.type().coerce(v);
            } catch (IllegalArgumentException e) {
                throw new InvalidFilterException("value '" + v + "' does not fit " + a.name() + " ("
                        + a.type().name().toLowerCase() + ")", a.name());
            }
        }
    }
}
