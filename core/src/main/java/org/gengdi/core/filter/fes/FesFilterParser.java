package org.gengdi.core.filter.fes;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gengdi.core.crs.CoordinateTransformException;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.UnknownCrsException;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.Filter.CompareOp;
import org.gengdi.core.filter.Filter.SpatialOp;
import org.gengdi.core.filter.Filter.TemporalOp;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.FilterValidator;
import org.gengdi.core.filter.Filters;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.gml.GmlException;
import org.gengdi.core.gml.GmlGeometry;
import org.gengdi.core.gml.GmlGeometryReader;
import org.gengdi.core.xml.SafeXml;
import org.gengdi.core.xml.XmlInputException;
import org.locationtech.jts.geom.Geometry;

/**
 * Parses an OGC {@code <Filter>} — FES 2.0 ({@value #FES_2_0}, WFS 2.0) or Filter Encoding 1.1 / 1.0
 * ({@value #OGC}, WFS 1.1 / 1.0) — into a validated {@link Filter} for one layer.
 *
 * <p>Operators: {@code And}, {@code Or}, {@code Not}; {@code PropertyIsEqualTo}, {@code …NotEqualTo},
 * {@code …LessThan}, {@code …LessThanOrEqualTo}, {@code …GreaterThan}, {@code …GreaterThanOrEqualTo} (with
 * {@code matchCase}; the literal may come first, which flips the operator), {@code PropertyIsLike}
 * ({@code wildCard}, {@code singleChar}, {@code escapeChar} or FE 1.0's {@code escape}, {@code matchCase}),
 * {@code PropertyIsNull}, {@code PropertyIsNil} (read as null), {@code PropertyIsBetween}; {@code ResourceId rid},
 * {@code FeatureId fid} and {@code GmlObjectId gml:id} (a {@code TYPENAME.} prefix is stripped; ids of another
 * type are refused); {@code BBOX}, {@code Equals}, {@code Disjoint}, {@code Touches}, {@code Within},
 * {@code Overlaps}, {@code Crosses}, {@code Intersects}, {@code Contains}, {@code DWithin}, {@code Beyond}
 * (geometry given directly or in a {@code Literal}); {@code After}, {@code Before}, {@code During},
 * {@code TEquals} with {@code gml:TimeInstant}, {@code gml:TimePeriod}, a literal date or an ISO interval
 * {@code begin/end}. Element and attribute names of both versions are accepted in either namespace (and without
 * one), since clients mix them.
 *
 * <p>Distances ({@code uom} in FES 2.0, {@code units} in FE 1.1: m, km, ft, mi, nmi, degree, or EPSG unit URNs/URLs)
 * are converted into the layer's CRS units. For a Gauss-Krüger layer metres are exact. For a geographic layer
 * (EPSG:4490, 4326) metres become degrees <em>approximately</em>: with the geometric mean of the lengths of a
 * degree of latitude and of longitude at the literal's latitude, so the search area reaches up to 1/√cos φ too far
 * north–south and √cos φ too short east–west (±5 % at 25°N, +19 % / −16 % at 45°N). For Web Mercator metres are
 * divided by cos φ. A distance without a unit is taken to be in the layer's units.
 *
 * <p>A property reference ({@code ValueReference} / {@code PropertyName}) may carry a namespace prefix and the
 * layer name as a path step ({@code gengdi:DLBM}, {@code YJJBNTBHTB/DLBM}); it is reduced to a name and looked up in
 * the schema — never evaluated as XPath. Geometry literals without {@code srsName} are in
 * {@link FilterContext#literalCrs()}; all are transformed into the layer's CRS.
 *
 * <p>Errors: {@link FilterParseException} for XML or structure problems (malformed XML, a DOCTYPE, too deep, too
 * long, bad GML), its subclass {@link UnsupportedOperatorException} for operators and expressions Gengdi does not
 * implement (functions, arithmetic, {@code AnyInteracts}, …), and {@link InvalidFilterException} for unknown or
 * hidden properties and literals that do not fit their property.
 */
public final class FesFilterParser {

    /** The FES 2.0 namespace. */
    public static final String FES_2_0 = "http://www.opengis.net/fes/2.0";
    /** The Filter Encoding 1.0 / 1.1 namespace. */
    public static final String OGC = "http://www.opengis.net/ogc";

    /** XML depth allowed beyond the logical nesting limit: spatial operators, geometry and time literals. */
    private static final int XML_DEPTH_MARGIN = 24;

    private static final Map<String, CompareOp> COMPARISONS = Map.of(
            "PropertyIsEqualTo", CompareOp.EQ, "PropertyIsNotEqualTo", CompareOp.NE,
            "PropertyIsLessThan", CompareOp.LT, "PropertyIsLessThanOrEqualTo", CompareOp.LE,
            "PropertyIsGreaterThan", CompareOp.GT, "PropertyIsGreaterThanOrEqualTo", CompareOp.GE);
    private static final Map<String, SpatialOp> SPATIAL = Map.of(
            "BBOX", SpatialOp.BBOX, "Equals", SpatialOp.EQUALS, "Disjoint", SpatialOp.DISJOINT,
            "Touches", SpatialOp.TOUCHES, "Within", SpatialOp.WITHIN, "Overlaps", SpatialOp.OVERLAPS,
            "Crosses", SpatialOp.CROSSES, "Intersects", SpatialOp.INTERSECTS, "Contains", SpatialOp.CONTAINS);
    private static final Map<String, TemporalOp> TEMPORAL = Map.of(
            "After", TemporalOp.AFTER, "Before", TemporalOp.BEFORE, "During", TemporalOp.DURING,
            "TEquals", TemporalOp.TEQUALS);
    private static final Set<String> ID_ELEMENTS = Set.of("ResourceId", "FeatureId", "GmlObjectId");
    private static final Set<String> ARITHMETIC = Set.of("Add", "Sub", "Mul", "Div");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DISTANCE = Pattern.compile("\\+?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final XMLStreamReader r;
    private final FilterContext ctx;
    private final FeatureType type;

    /** A comparison or spatial operand. */
    private sealed interface Operand {
    }

    private record Property(String name) implements Operand {
    }

    private record Text(String value) implements Operand {
    }

    private record Shape(GmlGeometry geometry) implements Operand {
    }

    /** An instant ({@code end == null}) or a period. */
    private record Time(Temporal begin, Temporal end) implements Operand {
    }

    private FesFilterParser(XMLStreamReader r, FilterContext ctx) {
        this.r = r;
        this.ctx = ctx;
        this.type = ctx.type();
    }

    /**
     * Parses a {@code <fes:Filter>} or {@code <ogc:Filter>} document (a WFS {@code FILTER} parameter).
     *
     * @throws FilterParseException  for malformed, hostile or unsupported filters
     * @throws InvalidFilterException for unknown or hidden properties and unfitting literals
     */
    public static Filter parse(String xml, FilterContext ctx) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(ctx, "ctx");
        if (xml.length() > ctx.maxLength()) {
            throw new FilterParseException("the filter is " + xml.length() + " characters long, more than the limit "
                    + "of " + ctx.maxLength());
        }
        try {
            XMLStreamReader r = SafeXml.reader(xml, limits(ctx));
            r.nextTag();
            Filter f = new FesFilterParser(r, ctx).filter();
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamReader.START_ELEMENT
                        || event == XMLStreamReader.CHARACTERS && !r.isWhiteSpace()) {
                    throw new FilterParseException("unexpected content after the end of the Filter element");
                }
            }
            return f;
        } catch (XmlInputException e) {
            throw wrap("unreadable filter XML: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw wrap("malformed filter XML: " + message(e), e);
        }
    }

    /**
     * Parses the {@code <fes:Filter>} or {@code <ogc:Filter>} element a reader is on — a filter inside a
     * GetFeature or GetPropertyValue POST body — and leaves the reader on its end tag. The reader should come from
     * {@link SafeXml}; the element is held to {@link FilterContext#maxDepth()} and, counting names, attribute values
     * and text, {@link FilterContext#maxLength()}.
     *
     * @throws FilterParseException  for malformed, hostile or unsupported filters
     * @throws InvalidFilterException for unknown or hidden properties and unfitting literals
     */
    public static Filter parse(XMLStreamReader reader, FilterContext ctx) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(ctx, "ctx");
        if (reader.getEventType() != XMLStreamReader.START_ELEMENT) {
            throw new FilterParseException("expected the start of a Filter element");
        }
        try {
            return new FesFilterParser(SafeXml.guard(reader, limits(ctx)), ctx).filter();
        } catch (XmlInputException e) {
            throw wrap("unreadable filter XML: " + e.getMessage(), e);
        } catch (XMLStreamException e) {
            throw wrap("malformed filter XML: " + message(e), e);
        }
    }

    private static SafeXml.Limits limits(FilterContext ctx) {
        return SafeXml.Limits.DEFAULT.withMaxInput(ctx.maxLength())
                .withMaxDepth(ctx.maxDepth() + XML_DEPTH_MARGIN)
                .withMaxTextLength((int) Math.min(Integer.MAX_VALUE, Math.max(1, ctx.maxLength())));
    }

    // ------------------------------------------------------------------------------------------- structure

    private Filter filter() throws XMLStreamException {
        if (!isFilterNamespace(r.getNamespaceURI()) || !r.getLocalName().equals("Filter")) {
            throw error("expected a fes:Filter (FES 2.0) or ogc:Filter (Filter Encoding 1.1) element, found <"
                    + qname() + ">" + namespaceNote());
        }
        List<Filter> operators = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        while (nextChild()) {
            if (isId()) {
                ids.add(id());
            } else {
                operators.add(operator(1));
            }
        }
        if (!ids.isEmpty() && !operators.isEmpty()) {
            throw error("a Filter holds either resource ids or one operator, not both");
        }
        Filter f;
        if (!ids.isEmpty()) {
            f = new Filter.ResourceId(ids);
        } else if (operators.isEmpty()) {
            throw error("the Filter is empty: expected an operator or resource ids");
        } else if (operators.size() > 1) {
            throw error("a Filter holds one operator; combine several with And or Or");
        } else {
            f = operators.get(0);
        }
        return FilterValidator.validate(f, type, ctx.hidden());
    }

    /** The operator whose start tag the reader is on, at a nesting level (1 = directly in the Filter). */
    private Filter operator(int level) throws XMLStreamException {
        String name = r.getLocalName();
        if (!isFilterNamespace(r.getNamespaceURI())) {
            if (GmlGeometryReader.isGml(r.getNamespaceURI())) {
                throw error(qname() + " must be the operand of a spatial or temporal operator");
            }
            throw unsupported("operator <" + qname() + ">" + namespaceNote() + " is not supported");
        }
        if (level > ctx.maxDepth()) {
            throw error("the filter is nested deeper than the limit of " + ctx.maxDepth() + " levels");
        }
        switch (name) {
            case "And", "Or" -> {
                return logical(name, level);
            }
            case "Not" -> {
                String owner = qname();
                if (!nextChild()) {
                    throw error(owner + " needs one operator");
                }
                Filter child = childOperator(level);
                if (nextChild()) {
                    throw error(owner + " takes one operator, not several");
                }
                return new Filter.Not(child);
            }
            case "PropertyIsLike" -> {
                return like();
            }
            case "PropertyIsNull", "PropertyIsNil" -> {
                return isNull();
            }
            case "PropertyIsBetween" -> {
                return between();
            }
            case "DWithin", "Beyond" -> {
                return distance(name.equals("Beyond"));
            }
            case "ValueReference", "PropertyName", "Literal" -> throw error("expected an operator, found "
                    + qname() + " on its own");
            default -> {
                if (COMPARISONS.containsKey(name)) {
                    return compare(COMPARISONS.get(name));
                }
                if (SPATIAL.containsKey(name)) {
                    return spatial(SPATIAL.get(name));
                }
                if (TEMPORAL.containsKey(name)) {
                    return temporal(TEMPORAL.get(name));
                }
                if (ID_ELEMENTS.contains(name)) {
                    return new Filter.ResourceId(Set.of(id()));
                }
                throw unsupported("filter operator " + qname() + " is not supported" + supportedNote(name));
            }
        }
    }

    private Filter childOperator(int level) throws XMLStreamException {
        return isId() ? new Filter.ResourceId(Set.of(id())) : operator(level + 1);
    }

    private Filter logical(String name, int level) throws XMLStreamException {
        String owner = qname();
        List<Filter> children = new ArrayList<>();
        while (nextChild()) {
            children.add(childOperator(level));
        }
        if (children.isEmpty()) {
            throw error(owner + " needs at least one operator");
        }
        return name.equals("And") ? Filters.and(children) : Filters.or(children);
    }

    // ---------------------------------------------------------------------------------------- comparisons

    private Filter compare(CompareOp op) throws XMLStreamException {
        String owner = qname();
        boolean matchCase = bool("matchCase", true);
        Operand a = nextOperand(owner);
        Operand b = nextOperand(owner);
        noMore(owner);
        if (a instanceof Property p && b instanceof Text t) {
            return new Filter.Compare(p.name(), op, t.value(), matchCase);
        }
        if (a instanceof Text t && b instanceof Property p) {
            return new Filter.Compare(p.name(), flip(op), t.value(), matchCase);
        }
        throw error(owner + " compares a property (ValueReference / PropertyName) with a literal; found "
                + describe(a) + " and " + describe(b));
    }

    /** {@code literal op property} as {@code property op' literal}. */
    private static CompareOp flip(CompareOp op) {
        return switch (op) {
            case LT -> CompareOp.GT;
            case LE -> CompareOp.GE;
            case GT -> CompareOp.LT;
            case GE -> CompareOp.LE;
            default -> op;
        };
    }

    private Filter like() throws XMLStreamException {
        String owner = qname();
        char wildCard = character("wildCard", '*');
        char singleChar = character("singleChar", '?');
        char escape = attribute("escapeChar") != null ? character("escapeChar", '\\') : character("escape", '\\');
        boolean matchCase = bool("matchCase", true);
        Operand a = nextOperand(owner);
        Operand b = nextOperand(owner);
        noMore(owner);
        if (a instanceof Property p && b instanceof Text t) {
            return new Filter.Like(p.name(), t.value(), wildCard, singleChar, escape, matchCase);
        }
        if (a instanceof Text t && b instanceof Property p) {
            return new Filter.Like(p.name(), t.value(), wildCard, singleChar, escape, matchCase);
        }
        throw error(owner + " matches a property against a pattern literal; found " + describe(a) + " and "
                + describe(b));
    }

    private Filter isNull() throws XMLStreamException {
        String owner = qname();
        Operand a = nextOperand(owner);
        noMore(owner);
        if (a instanceof Property p) {
            return new Filter.IsNull(p.name());
        }
        throw error(owner + " tests a property; found " + describe(a));
    }

    private Filter between() throws XMLStreamException {
        String owner = qname();
        Operand a = nextOperand(owner);
        if (!(a instanceof Property p)) {
            throw error(owner + " tests a property; found " + describe(a));
        }
        String lower = boundary(owner, "LowerBoundary");
        String upper = boundary(owner, "UpperBoundary");
        noMore(owner);
        return new Filter.Between(p.name(), lower, upper);
    }

    private String boundary(String owner, String name) throws XMLStreamException {
        if (!nextChild() || !isFilterNamespace(r.getNamespaceURI()) || !r.getLocalName().equals(name)) {
            throw error(owner + " needs a " + name + " after the property");
        }
        String element = qname();
        Operand o = nextOperand(element);
        noMore(element);
        if (o instanceof Text t) {
            return t.value();
        }
        throw error(element + " must hold a Literal; found " + describe(o));
    }

    // -------------------------------------------------------------------------------------------- spatial

    private Filter spatial(SpatialOp op) throws XMLStreamException {
        String owner = qname();
        String property = null;
        GmlGeometry shape = null;
        while (nextChild()) {
            Operand o = operand();
            if (o instanceof Property p && property == null) {
                property = p.name();
            } else if (o instanceof Shape s && shape == null) {
                shape = s.geometry();
            } else {
                throw error(owner + " takes the geometry property and one GML geometry; found " + describe(o));
            }
        }
        if (shape == null) {
            throw error(owner + " has no GML geometry to compare with");
        }
        if (op == SpatialOp.BBOX && !shape.envelope()) {
            // BBOX of a geometry: its envelope, taken before the transform like an Envelope's corners.
            Geometry g = shape.geometry();
            shape = new GmlGeometry(g.getFactory().toGeometry(g.getEnvelopeInternal()), shape.crs(), true);
        }
        return new Filter.Spatial(property, op, toLayer(shape, owner));
    }

    private Filter distance(boolean beyond) throws XMLStreamException {
        String owner = qname();
        String property = null;
        GmlGeometry shape = null;
        Double value = null;
        String unit = null;
        while (nextChild()) {
            if (isFilterNamespace(r.getNamespaceURI()) && r.getLocalName().equals("Distance") && value == null) {
                unit = attribute("uom") != null ? attribute("uom") : attribute("units");
                String text = r.getElementText().strip();
                if (!DISTANCE.matcher(text).matches() || Double.isInfinite(Double.parseDouble(text))) {
                    throw error(owner + " distance '" + abbreviate(text) + "' is not a number ≥ 0");
                }
                value = Double.parseDouble(text);
                continue;
            }
            Operand o = operand();
            if (o instanceof Property p && property == null) {
                property = p.name();
            } else if (o instanceof Shape s && shape == null) {
                shape = s.geometry();
            } else {
                throw error(owner + " takes the geometry property, one GML geometry and a Distance; found "
                        + describe(o));
            }
        }
        if (shape == null) {
            throw error(owner + " has no GML geometry to measure from");
        }
        if (value == null) {
            throw error(owner + " has no Distance");
        }
        Geometry literal = toLayer(shape, owner);
        double d;
        try {
            d = DistanceUnits.toLayerUnits(value, unit, literal, CrsRegistry.get().byEpsg(type.srid()));
        } catch (FilterParseException e) {
            throw error(owner + ": " + e.getMessage());
        } catch (CoordinateTransformException e) {
            throw error(owner + ": cannot place the geometry to convert the distance: " + e.getMessage());
        }
        return new Filter.Distance(property, literal, d, beyond);
    }

    private Geometry toLayer(GmlGeometry g, String owner) {
        try {
            return g.transformTo(type.srid());
        } catch (CoordinateTransformException | UnknownCrsException e) {
            throw wrap(owner + ": the geometry in " + g.crs().text() + " cannot be transformed into the layer's "
                    + "EPSG:" + type.srid() + " (check the axis order of the coordinates): " + e.getMessage(), e);
        }
    }

    // ------------------------------------------------------------------------------------------- temporal

    private Filter temporal(TemporalOp op) throws XMLStreamException {
        String owner = qname();
        Operand a = nextOperand(owner);
        Operand b = nextOperand(owner);
        noMore(owner);
        boolean flipped = false;
        Property p;
        Operand time;
        if (a instanceof Property pa) {
            p = pa;
            time = b;
        } else if (b instanceof Property pb) {
            p = pb;
            time = a;
            flipped = true;
        } else {
            throw error(owner + " compares a date property with a time; found " + describe(a) + " and "
                    + describe(b));
        }
        Time t = time instanceof Text text ? time(text.value(), owner) : time instanceof Time tt ? tt : null;
        if (t == null) {
            throw error(owner + " compares a date property with a time; found " + describe(time));
        }
        if (flipped) {
            // "t AFTER property" is "property BEFORE t"; a period before a property makes no sense for DURING.
            op = switch (op) {
                case AFTER -> TemporalOp.BEFORE;
                case BEFORE -> TemporalOp.AFTER;
                case TEQUALS -> TemporalOp.TEQUALS;
                case DURING -> throw error(owner + " needs the property first and the period second");
            };
        }
        return switch (op) {
            case DURING -> {
                if (t.end() == null) {
                    throw error(owner + " needs a period (gml:TimePeriod), not an instant");
                }
                yield new Filter.TemporalFilter(p.name(), op, t.begin(), t.end());
            }
            case TEQUALS -> {
                if (t.end() != null) {
                    throw error(owner + " compares with an instant (gml:TimeInstant), not a period");
                }
                yield new Filter.TemporalFilter(p.name(), op, t.begin(), null);
            }
            // After a period is after its end; before a period is before its beginning.
            case AFTER -> new Filter.TemporalFilter(p.name(), op, t.end() != null ? t.end() : t.begin(), null);
            case BEFORE -> new Filter.TemporalFilter(p.name(), op, t.begin(), null);
        };
    }

    /** A literal date, date-time or ISO interval {@code begin/end}. */
    private Time time(String text, String owner) {
        String s = text.strip();
        int slash = s.indexOf('/');
        if (slash > 0) {
            return period(temporal(s.substring(0, slash), owner), temporal(s.substring(slash + 1), owner), owner);
        }
        return new Time(temporal(s, owner), null);
    }

    private Time period(Temporal begin, Temporal end, String owner) {
        if (begin == null || end == null) {
            throw error(owner + ": a time period needs a beginning and an end");
        }
        if (instant(end).isBefore(instant(begin))) {
            throw error(owner + ": the time period ends before it begins");
        }
        return new Time(begin, end);
    }

    private static java.time.Instant instant(Temporal t) {
        return t instanceof LocalDate d ? d.atStartOfDay().toInstant(ZoneOffset.UTC) : ((OffsetDateTime) t).toInstant();
    }

    /** {@code 2020-01-01} as a date; a date-time with or without offset (UTC assumed) as an offset date-time. */
    private Temporal temporal(String text, String owner) {
        String s = text.strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s);
            }
            String t = s.replace(' ', 'T');
            if (t.endsWith("Z") || t.matches(".*T.*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(t.matches(".*[+-]\\d\\d\\d\\d$")
                        ? t.substring(0, t.length() - 2) + ":" + t.substring(t.length() - 2) : t);
            }
            return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw error(owner + ": '" + abbreviate(s) + "' is not a date or time (expected e.g. 2020-06-30 or "
                    + "2020-06-30T08:00:00Z)");
        }
    }

    /** A gml:TimeInstant or gml:TimePeriod the reader is on. */
    private Time gmlTime() throws XMLStreamException {
        String element = qname();
        boolean instant = r.getLocalName().equals("TimeInstant");
        Temporal begin = null;
        Temporal end = null;
        Temporal position = null;
        while (nextChild()) {
            String name = r.getLocalName();
            if (!GmlGeometryReader.isGml(r.getNamespaceURI())) {
                throw error("unexpected element <" + qname() + "> in " + element);
            }
            switch (name) {
                case "name", "description", "identifier", "metaDataProperty", "descriptionReference" -> skip();
                case "timePosition" -> {
                    requireInstant(instant, element);
                    position = timePosition();
                }
                case "beginPosition" -> {
                    requireInstant(!instant, element);
                    begin = timePosition();
                }
                case "endPosition" -> {
                    requireInstant(!instant, element);
                    end = timePosition();
                }
                case "begin", "end" -> {
                    requireInstant(!instant, element);
                    String property = qname();
                    if (!nextChild() || !r.getLocalName().equals("TimeInstant")) {
                        throw error(property + " must hold a gml:TimeInstant");
                    }
                    Temporal t = gmlTime().begin();
                    if (nextChild()) {
                        throw error(property + " holds more than one gml:TimeInstant");
                    }
                    if (name.equals("begin")) {
                        begin = t;
                    } else {
                        end = t;
                    }
                }
                default -> throw error("unexpected element " + qname() + " in " + element);
            }
        }
        if (instant) {
            if (position == null) {
                throw error(element + " has no gml:timePosition");
            }
            return new Time(position, null);
        }
        return period(begin, end, element);
    }

    private void requireInstant(boolean ok, String element) {
        if (!ok) {
            throw error("unexpected element " + qname() + " in " + element);
        }
    }

    private Temporal timePosition() throws XMLStreamException {
        String element = qname();
        String indeterminate = attribute("indeterminatePosition");
        if (indeterminate != null) {
            throw unsupported(element + " with indeterminatePosition=\"" + indeterminate + "\" is not supported; "
                    + "give a date or time");
        }
        return temporal(r.getElementText(), element);
    }

    // ------------------------------------------------------------------------------------------- operands

    private Operand nextOperand(String owner) throws XMLStreamException {
        if (!nextChild()) {
            throw error(owner + " is missing an operand");
        }
        return operand();
    }

    private void noMore(String owner) throws XMLStreamException {
        if (nextChild()) {
            throw error(owner + " has too many operands: unexpected " + qname());
        }
    }

    /** The expression whose start tag the reader is on. */
    private Operand operand() throws XMLStreamException {
        String ns = r.getNamespaceURI();
        String name = r.getLocalName();
        if (GmlGeometryReader.isGml(ns)) {
            return gml();
        }
        if (!isFilterNamespace(ns)) {
            throw error("unexpected element <" + qname() + ">" + namespaceNote() + " where an expression belongs");
        }
        switch (name) {
            case "ValueReference", "PropertyName" -> {
                return new Property(propertyName(r.getElementText()));
            }
            case "Literal" -> {
                return literal();
            }
            case "Function" -> {
                String function = attribute("name");
                throw unsupported("filter functions are not supported (" + qname()
                        + (function != null ? " name=\"" + function + "\"" : "") + ")");
            }
            default -> {
                if (ARITHMETIC.contains(name)) {
                    throw unsupported("arithmetic expressions are not supported (" + qname() + ")");
                }
                throw error("unexpected " + qname() + " where an expression (ValueReference or Literal) belongs");
            }
        }
    }

    /** A GML geometry or time object. */
    private Operand gml() throws XMLStreamException {
        String name = r.getLocalName();
        if (name.equals("TimeInstant") || name.equals("TimePeriod")) {
            return gmlTime();
        }
        try {
            return new Shape(GmlGeometryReader.read(r, ctx.literalCrs()));
        } catch (GmlException e) {
            throw wrap("bad geometry literal: " + e.getMessage(), e);
        }
    }

    /** A fes:Literal: text, or one GML geometry or time object. */
    private Operand literal() throws XMLStreamException {
        String element = qname();
        StringBuilder text = new StringBuilder();
        Operand inner = null;
        while (true) {
            int event = r.next();
            switch (event) {
                case XMLStreamReader.CHARACTERS, XMLStreamReader.CDATA, XMLStreamReader.SPACE ->
                        text.append(r.getText());
                case XMLStreamReader.COMMENT, XMLStreamReader.PROCESSING_INSTRUCTION -> {
                }
                case XMLStreamReader.START_ELEMENT -> {
                    if (inner != null || !GmlGeometryReader.isGml(r.getNamespaceURI())) {
                        throw error(element + " holds text, or one GML geometry or time; found <" + qname() + ">");
                    }
                    inner = gml();
                }
                case XMLStreamReader.END_ELEMENT -> {
                    if (inner == null) {
                        return new Text(text.toString());
                    }
                    if (!text.toString().isBlank()) {
                        throw error(element + " mixes text with a GML element");
                    }
                    return inner;
                }
                default -> throw error("unexpected end of the document in " + element);
            }
        }
    }

    /**
     * The schema name a property reference stands for: {@code DLBM}, {@code gengdi:DLBM} or {@code LAYER/DLBM}.
     * Anything else — other paths, predicates, functions — is refused without being interpreted.
     */
    private String propertyName(String reference) {
        String s = reference.strip();
        String[] steps = s.split("/", -1);
        if (s.isEmpty() || steps.length > 2) {
            throw new InvalidFilterException("unsupported property reference '" + abbreviate(s) + "' for "
                    + type.name() + "; name a property of the layer", abbreviate(s));
        }
        if (steps.length == 2) {
            String layer = localPart(steps[0]);
            if (!layer.equalsIgnoreCase(type.name())) {
                throw new InvalidFilterException("property reference '" + abbreviate(s) + "' does not name a "
                        + "property of " + type.name(), abbreviate(s));
            }
        }
        String name = localPart(steps[steps.length - 1]);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidFilterException("unknown property '" + abbreviate(s) + "' in " + type.name(),
                    abbreviate(s));
        }
        return name;
    }

    private static String localPart(String step) {
        return step.substring(step.lastIndexOf(':') + 1).strip();
    }

    // ------------------------------------------------------------------------------------------------- ids

    private boolean isId() {
        return isFilterNamespace(r.getNamespaceURI()) && ID_ELEMENTS.contains(r.getLocalName());
    }

    /** The id of a ResourceId, FeatureId or GmlObjectId, without its {@code TYPENAME.} prefix. */
    private String id() throws XMLStreamException {
        String element = qname();
        String raw = attribute("rid");
        if (raw == null) {
            raw = attribute("fid");
        }
        if (raw == null) {
            raw = attribute("id");
        }
        if (raw == null || raw.isBlank()) {
            throw error(element + " has no id (rid, fid or gml:id attribute)");
        }
        if (nextChild()) {
            throw error(element + " must be empty; found " + qname());
        }
        return featureId(raw.strip(), type);
    }

    /** {@code YJJBNTBHTB.17} → {@code 17} for layer YJJBNTBHTB; an id of another layer is refused. */
    static String featureId(String raw, FeatureType type) {
        int dot = raw.indexOf('.');
        if (dot > 0) {
            String prefix = localPart(raw.substring(0, dot));
            if (NAME.matcher(prefix).matches()) {
                if (!prefix.equalsIgnoreCase(type.name())) {
                    throw new InvalidFilterException("resource id '" + abbreviate(raw) + "' belongs to " + prefix
                            + ", not to " + type.name(), null);
                }
                String id = raw.substring(dot + 1);
                if (id.isEmpty()) {
                    throw new InvalidFilterException("resource id '" + raw + "' has no id after the layer name", null);
                }
                return id;
            }
        }
        return raw;
    }

    // -------------------------------------------------------------------------------------------- reading

    /** Moves to the next child element; false when the current element ends instead. */
    private boolean nextChild() throws XMLStreamException {
        return r.nextTag() == XMLStreamReader.START_ELEMENT;
    }

    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamReader.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamReader.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static boolean isFilterNamespace(String ns) {
        return FES_2_0.equals(ns) || OGC.equals(ns) || ns == null || ns.isEmpty();
    }

    /** An attribute by local name, whatever its namespace ({@code gml:id} and {@code id} alike). */
    private String attribute(String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private boolean bool(String name, boolean fallback) {
        String v = attribute(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw error(qname() + " attribute " + name + "=\"" + abbreviate(v) + "\" must be true or false");
        };
    }

    private char character(String name, char fallback) {
        String v = attribute(name);
        if (v == null) {
            return fallback;
        }
        if (v.length() != 1) {
            throw error(qname() + " attribute " + name + "=\"" + abbreviate(v) + "\" must be a single character");
        }
        return v.charAt(0);
    }

    private String qname() {
        String ns = r.getNamespaceURI();
        String prefix = FES_2_0.equals(ns) ? "fes:" : OGC.equals(ns) ? "ogc:" : GmlGeometryReader.isGml(ns) ? "gml:"
                : r.getPrefix() == null || r.getPrefix().isEmpty() ? "" : r.getPrefix() + ":";
        return prefix + r.getLocalName();
    }

    private String namespaceNote() {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty() || FES_2_0.equals(ns) || OGC.equals(ns) ? "" : " (namespace " + ns + ")";
    }

    private static String describe(Operand o) {
        if (o instanceof Property p) {
            return "property " + p.name();
        }
        if (o instanceof Text t) {
            return "literal '" + abbreviate(t.value()) + "'";
        }
        if (o instanceof Shape s) {
            return "a " + s.geometry().geometry().getGeometryType();
        }
        return "a time";
    }

    private static String supportedNote(String name) {
        if (Set.of("AnyInteracts", "Begins", "BegunBy", "TContains", "TOverlaps", "Meets", "MetBy", "OverlappedBy",
                "Ends", "EndedBy").contains(name)) {
            return "; temporal operators supported are After, Before, During and TEquals";
        }
        return "";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static String message(XMLStreamException e) {
        return e.getMessage() == null ? e.toString() : e.getMessage().replaceAll("\\s+", " ").strip();
    }

    private FilterParseException error(String message) {
        return new FilterParseException(message, offset());
    }

    private UnsupportedOperatorException unsupported(String message) {
        return new UnsupportedOperatorException(qname(), message);
    }

    private int offset() {
        Location l = r.getLocation();
        return l == null ? -1 : l.getCharacterOffset();
    }

    private static FilterParseException wrap(String message, Throwable cause) {
        FilterParseException e = new FilterParseException(message);
        e.initCause(cause);
        return e;
    }
}
