package org.gengdi.core.filter;

import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The one filter AST of Gengdi. FES 2.0 XML and CQL2 parse into it, stores translate it to SQL, and
 * {@link FilterEvaluator} evaluates it in memory.
 *
 * <p>Expressions are deliberately limited to a property name compared with a literal: a property name is
 * only ever looked up in the layer schema ({@link FilterValidator}), never evaluated as an expression.
 * Geometry literals are in the layer's stored CRS (protocols transform them first).
 */
public sealed interface Filter {

    /** Matches every feature. */
    Filter INCLUDE = new Include();
    /** Matches no feature. */
    Filter EXCLUDE = new Exclude();

    record Include() implements Filter {
    }

    record Exclude() implements Filter {
    }

    record And(List<Filter> children) implements Filter {
        public And {
            children = List.copyOf(children);
        }
    }

    record Or(List<Filter> children) implements Filter {
        public Or {
            children = List.copyOf(children);
        }
    }

    record Not(Filter child) implements Filter {
        public Not {
            Objects.requireNonNull(child);
        }
    }

    /** Comparison operators of FES 2.0 / CQL2 basic. */
    enum CompareOp { EQ, NE, LT, LE, GT, GE }

    /** {@code property op literal}; strings compare case-sensitively unless {@code matchCase} is false. */
    record Compare(String property, CompareOp op, Object literal, boolean matchCase) implements Filter {
        public Compare {
            Objects.requireNonNull(property);
            Objects.requireNonNull(op);
        }
    }

    /** SQL-LIKE pattern with its own wildcard, single-character and escape characters. */
    record Like(String property, String pattern, char wildCard, char singleChar, char escape, boolean matchCase)
            implements Filter {
        public Like {
            Objects.requireNonNull(property);
            Objects.requireNonNull(pattern);
        }

        /** A LIKE with SQL's own characters ({@code %}, {@code _}, {@code \}). */
        public static Like sql(String property, String pattern) {
            return new Like(property, pattern, '%', '_', '\\', true);
        }
    }

    record IsNull(String property) implements Filter {
    }

    record Between(String property, Object lower, Object upper) implements Filter {
    }

    record In(String property, List<Object> values) implements Filter {
        public In {
            values = List.copyOf(values);
        }
    }

    /** Feature ids (FES ResourceId). */
    record ResourceId(Set<String> ids) implements Filter {
        public ResourceId {
            ids = Set.copyOf(ids);
        }
    }

    /** Binary spatial operators of FES 2.0 / CQL2. BBOX is INTERSECTS with an envelope literal. */
    enum SpatialOp { BBOX, INTERSECTS, EQUALS, DISJOINT, TOUCHES, CROSSES, WITHIN, CONTAINS, OVERLAPS }

    /**
     * {@code op(geometry property, literal)}. The property is the layer's geometry column (named so a parser can
     * check it); the literal is in the layer's CRS.
     */
    record Spatial(String property, SpatialOp op, Geometry literal) implements Filter {
        public Spatial {
            Objects.requireNonNull(op);
            Objects.requireNonNull(literal);
        }
    }

    /** DWithin ({@code beyond=false}) or Beyond: distance in the units of the layer's CRS after conversion. */
    record Distance(String property, Geometry literal, double distance, boolean beyond) implements Filter {
        public Distance {
            Objects.requireNonNull(literal);
            if (!(distance >= 0)) {
                throw new IllegalArgumentException("distance must be ≥ 0");
            }
        }
    }

    /** Temporal operators on date/time attributes. */
    enum TemporalOp { AFTER, BEFORE, DURING, TEQUALS }

    /**
     * {@code property op instant} or {@code property DURING [begin, end]}; {@code end} is null except for DURING.
     */
    record TemporalFilter(String property, TemporalOp op, Temporal begin, Temporal end) implements Filter {
        public TemporalFilter {
            Objects.requireNonNull(property);
            Objects.requireNonNull(op);
            Objects.requireNonNull(begin);
            if ((op == TemporalOp.DURING) != (end != null)) {
                throw new IllegalArgumentException("DURING needs a period; other temporal operators an instant");
            }
        }
    }

    // ---- convenience constructors

    static Filter and(Filter... fs) {
        return Filters.and(List.of(fs));
    }

    static Filter or(Filter... fs) {
        return Filters.or(List.of(fs));
    }

    static Filter eq(String property, Object literal) {
        return new Compare(property, CompareOp.EQ, literal, true);
    }

    static Filter bbox(String geometryProperty, Envelope e) {
        return new Spatial(geometryProperty, SpatialOp.BBOX, new org.locationtech.jts.geom.GeometryFactory().toGeometry(e));
    }
}
