package org.gengdi.core.filter.cql2;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.CompareOp;
import org.gengdi.core.filter.Filter.TemporalOp;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.cql2.TemporalLiteralReader.TemporalValue;
import org.gengdi.core.filter.cql2.TemporalLiteralReader.TimeInstant;
import org.gengdi.core.filter.cql2.TemporalLiteralReader.TimeInterval;

/**
 * What the two CQL2 encodings share once their syntax is read: operands, property lookup against the schema, and
 * how comparisons, IN lists and temporal predicates become filter nodes. {@link Cql2Parser} (text) and
 * {@link Cql2Json} differ only in how they read and where they say a problem is (a character position or a JSON
 * path); so the same expression gives the same filter in both, and a rule changed here changes for both.
 */
final class Cql2Terms {

    private Cql2Terms() {
    }

    /** A property name or a literal, either possibly wrapped in CASEI. */
    sealed interface Operand permits Prop, Lit {
        boolean caseInsensitive();

        /** Where it was read in CQL2 text, -1 in JSON. */
        int position();
    }

    /** A property name in its schema spelling (already checked to exist and not be hidden). */
    record Prop(String name, int position, boolean caseInsensitive) implements Operand {
        Prop caseInsensitively() {
            return new Prop(name, position, true);
        }
    }

    /** A literal; {@code text} is how a number was written, kept for string attributes ({@code DLBM = 0101}). */
    record Lit(Object value, String text, int position, boolean caseInsensitive) implements Operand {
        Lit caseInsensitively() {
            return new Lit(value, text, position, true);
        }
    }

    /**
     * A property name resolved against the schema — only ever looked up, never evaluated. Unknown and hidden names
     * are refused alike, so the refusal does not reveal that a hidden field exists.
     *
     * @param where how the caller names the place, e.g. {@code position 7} or {@code /args/0/property}
     */
    static Prop property(FeatureType type, Set<String> hidden, String name, int position, String where) {
        if (type.isGeometry(name)) {
            return new Prop(type.geometryName(), position, false);
        }
        AttributeDef a = type.attribute(name);
        if (a == null || isHidden(hidden, a.name())) {
            throw new InvalidFilterException("unknown property '" + Token.echo(name) + "' in " + type.name()
                    + " (at " + where + ")", name);
        }
        return new Prop(a.name(), position, false);
    }

    private static boolean isHidden(Set<String> hidden, String name) {
        for (String h : hidden) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** A literal's value as the attribute expects it: numbers compared with string attributes keep their spelling. */
    static Object value(FeatureType type, Prop p, Lit l) {
        AttributeDef a = type.attribute(p.name());
        if (a != null && a.type() == AttributeType.STRING && l.value() instanceof Number) {
            return l.text();
        }
        return l.value();
    }

    /**
     * {@code left cmp right} with a property on one side and a literal on the other ({@code 5 < GDDB} is read as
     * {@code GDDB > 5}); CASEI on either side makes it case-insensitive.
     *
     * @param error the problem at the operator (for two properties) or at the left operand (for none)
     */
    static Filter compare(FeatureType type, CompareOp cmp, Operand left, Operand right,
                          Function<String, FilterParseException> atOperator,
                          Function<String, FilterParseException> atLeft) {
        boolean matchCase = !(left.caseInsensitive() || right.caseInsensitive());
        if (left instanceof Prop p && right instanceof Lit l) {
            return new Filter.Compare(p.name(), cmp, value(type, p, l), matchCase);
        }
        if (left instanceof Lit l && right instanceof Prop p) {
            return new Filter.Compare(p.name(), flipped(cmp), value(type, p, l), matchCase);
        }
        if (left instanceof Prop) {
            throw atOperator.apply("comparing two properties is not supported; compare a property with a literal");
        }
        throw atLeft.apply("a comparison needs a property name on one side");
    }

    private static CompareOp flipped(CompareOp cmp) {
        return switch (cmp) {
            case LT -> CompareOp.GT;
            case LE -> CompareOp.GE;
            case GT -> CompareOp.LT;
            case GE -> CompareOp.LE;
            default -> cmp;
        };
    }

    /** {@code p IN (values)}; case-insensitive lists become one case-insensitive equality per value. */
    static Filter in(FeatureType type, Prop p, List<Lit> values) {
        boolean caseInsensitive = p.caseInsensitive() || values.stream().anyMatch(Lit::caseInsensitive);
        if (caseInsensitive) {                   // In has no matchCase
            List<Filter> eqs = new ArrayList<>();
            for (Lit l : values) {
                eqs.add(new Filter.Compare(p.name(), CompareOp.EQ, value(type, p, l), false));
            }
            return Filters.or(eqs);
        }
        List<Object> vs = new ArrayList<>(values.size());
        for (Lit l : values) {
            vs.add(value(type, p, l));
        }
        return new Filter.In(p.name(), vs);
    }

    /**
     * {@code property op time} mapped onto the AST's AFTER, BEFORE, DURING and TEQUALS: an interval open at one end
     * becomes BEFORE/AFTER, one open at both ends "not null"; AFTER an interval means after its end, BEFORE before
     * its start.
     *
     * @param name   the operator as the request spelled it, for messages
     * @param during how the request spells the interval operator, for messages ({@code T_DURING}, {@code t_during})
     */
    static Filter temporal(Prop p, TemporalOp op, TemporalValue arg, String name, String during,
                           Function<String, FilterParseException> error) {
        String prop = p.name();
        if (arg instanceof TimeInstant i) {
            if (op == TemporalOp.DURING) {
                throw error.apply(name + " needs a period (an interval), not an instant");
            }
            return new Filter.TemporalFilter(prop, op, i.value(), null);
        }
        TimeInterval i = (TimeInterval) arg;
        return switch (op) {
            case DURING -> {
                if (i.begin() == null && i.end() == null) {
                    yield new Filter.Not(new Filter.IsNull(prop));
                }
                if (i.begin() == null) {
                    yield new Filter.TemporalFilter(prop, TemporalOp.BEFORE, i.end(), null);
                }
                if (i.end() == null) {
                    yield new Filter.TemporalFilter(prop, TemporalOp.AFTER, i.begin(), null);
                }
                yield new Filter.TemporalFilter(prop, TemporalOp.DURING, i.begin(), i.end());
            }
            case AFTER -> {
                if (i.end() == null) {
                    throw error.apply(name + " with an interval open at its end matches nothing");
                }
                yield new Filter.TemporalFilter(prop, TemporalOp.AFTER, i.end(), null);
            }
            case BEFORE -> {
                if (i.begin() == null) {
                    throw error.apply(name + " with an interval open at its start matches nothing");
                }
                yield new Filter.TemporalFilter(prop, TemporalOp.BEFORE, i.begin(), null);
            }
            default -> throw error.apply(name + " compares instants; use " + during + " for an interval");
        };
    }
}
