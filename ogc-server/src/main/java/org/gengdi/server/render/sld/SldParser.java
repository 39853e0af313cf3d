package org.gengdi.server.render.sld;

import static javax.xml.stream.XMLStreamConstants.CDATA;
import static javax.xml.stream.XMLStreamConstants.CHARACTERS;
import static javax.xml.stream.XMLStreamConstants.END_DOCUMENT;
import static javax.xml.stream.XMLStreamConstants.END_ELEMENT;
import static javax.xml.stream.XMLStreamConstants.SPACE;
import static javax.xml.stream.XMLStreamConstants.START_ELEMENT;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.core.filter.FilterParseException;
import org.gengdi.core.filter.InvalidFilterException;
import org.gengdi.core.filter.fes.FesFilterParser;
import org.gengdi.core.filter.fes.UnsupportedOperatorException;
import org.gengdi.server.render.Rule;
import org.gengdi.server.render.Style;
import org.gengdi.server.render.Symbolizer;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.Hatch;
import org.gengdi.server.render.Symbolizer.Mark;
import org.gengdi.server.render.Symbolizer.Stroke;
import org.gengdi.server.render.sld.SldException.Kind;

/**
 * One pass over one SLD / SE document with a StAX reader (see {@link SldReader} for what is read). Recursive
 * descent: each method starts on its element's start tag and returns on its end tag.
 */
final class SldParser {
    static final int MAX_LAYERS = 100;
    static final int MAX_STYLES_PER_LAYER = 32;
    static final int MAX_RULES = 1000;
    static final int MAX_SYMBOLIZERS_PER_RULE = 64;
    static final double MAX_PIXELS = 1000;
    static final double MAX_FONT_SIZE = 500;
    static final double MAX_HALO = 50;
    static final int MAX_DASHES = 64;
    static final double MIN_HATCH_SPACING = 1;
    static final double DEFAULT_HATCH_SPACING = 8;
    static final double DEFAULT_MARK_SIZE = 6;
    static final Color DEFAULT_FILL = new Color(0x808080);

    private static final String OGC = FesFilterParser.OGC;
    private static final String FES = FesFilterParser.FES_2_0;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern RGB = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern ARGB = Pattern.compile("#[0-9A-Fa-f]{8}");

    /** Elements that are read and skipped wherever the schema allows them (see {@link SldReader}). */
    private static final Set<String> IGNORED = Set.of("Abstract", "LegendGraphic", "FeatureTypeName",
            "SemanticTypeIdentifier", "LayerFeatureConstraints", "Rotation", "LinePlacement", "PerpendicularOffset",
            "VendorOption", "Description", "Name", "Title", "Gap", "InitialGap", "AnchorPoint", "Displacement");

    private static final Map<String, Hatch> HATCHES = Map.of("shape://slash", Hatch.SLASH,
            "shape://backslash", Hatch.BACKSLASH, "shape://times", Hatch.TIMES, "x", Hatch.TIMES,
            "shape://horline", Hatch.HORLINE, "shape://vertline", Hatch.VERTLINE, "shape://plus", Hatch.PLUS,
            "cross", Hatch.PLUS, "shape://dot", Hatch.DOT, "circle", Hatch.DOT);
    private static final Map<String, Mark> MARKS = Map.of("circle", Mark.CIRCLE, "square", Mark.SQUARE,
            "triangle", Mark.TRIANGLE, "star", Mark.STAR, "cross", Mark.CROSS, "x", Mark.X,
            "shape://plus", Mark.CROSS, "shape://times", Mark.X, "shape://dot", Mark.CIRCLE);

    private final XMLStreamReader r;
    private final Function<String, Optional<FilterContext>> layers;
    private final FilterContext single;
    private int rules;

    SldParser(XMLStreamReader r, Function<String, Optional<FilterContext>> layers, FilterContext single) {
        this.r = r;
        this.layers = layers;
        this.single = single == null ? null : publicOnly(single);
    }

    // ------------------------------------------------------------------------------------------ documents

    List<LayerStyle> document() throws XMLStreamException {
        r.nextTag();
        List<LayerStyle> out;
        if (isStyle("StyledLayerDescriptor")) {
            out = descriptor();
        } else if (isStyle("UserStyle") || isStyle("FeatureTypeStyle")) {
            if (single == null) {
                throw error(Kind.UNKNOWN_LAYER, "a bare <" + qname() + "> names no layer: wrap it in a "
                        + "StyledLayerDescriptor with a NamedLayer");
            }
            String layerName = single.type().name();
            Style s;
            if (isStyle("UserStyle")) {
                s = userStyle(single, layerName).style();
            } else {
                Group g = featureTypeStyle(single);
                s = styleOf(g.name() == null || g.name().isEmpty() ? layerName : g.name(), g.title(), g.rules());
            }
            out = List.of(new LayerStyle(layerName, s, true));
        } else {
            throw error(Kind.MALFORMED, "expected an SLD StyledLayerDescriptor (" + SldReader.SLD + "), or a "
                    + "UserStyle or FeatureTypeStyle, found <" + qname() + ">" + namespaceNote());
        }
        while (r.hasNext()) {
            int e = r.next();
            if (e == START_ELEMENT || (e == CHARACTERS || e == CDATA) && !r.isWhiteSpace()) {
                throw error(Kind.MALFORMED, "unexpected content after the end of the document element");
            }
        }
        return out;
    }

    private List<LayerStyle> descriptor() throws XMLStreamException {
        String version = r.getAttributeValue(null, "version");
        if (version != null && !version.strip().equals("1.0.0") && !version.strip().equals("1.1.0")) {
            throw error(Kind.UNSUPPORTED, "SLD version " + version + " is not supported (1.0.0 and 1.1.0 are)");
        }
        List<LayerStyle> out = new ArrayList<>();
        int layerCount = 0;
        while (nextChild("StyledLayerDescriptor")) {
            if (isStyle("NamedLayer")) {
                if (++layerCount > MAX_LAYERS) {
                    throw error(Kind.INVALID, "more than " + MAX_LAYERS + " NamedLayers in one SLD");
                }
                if (single != null && layerCount > 1) {
                    throw error(Kind.INVALID, "a style file for one layer holds one NamedLayer, not several");
                }
                out.addAll(namedLayer());
            } else if (isStyle("UserLayer")) {
                throw error(Kind.UNSUPPORTED, "UserLayer (inline or remote features) is not supported; style a "
                        + "published layer with a NamedLayer");
            } else if (isStyle("UseSLDLibrary")) {
                throw error(Kind.UNSUPPORTED, "UseSLDLibrary is not supported: Gengdi never fetches remote "
                        + "documents");
            } else {
                unknown("StyledLayerDescriptor");
            }
        }
        if (out.isEmpty()) {
            throw error(Kind.INVALID, "the SLD styles no layer: it needs a NamedLayer with a UserStyle");
        }
        return out;
    }

    private List<LayerStyle> namedLayer() throws XMLStreamException {
        String name = null;
        FilterContext ctx = null;
        List<LayerStyle> out = new ArrayList<>();
        while (nextChild("NamedLayer")) {
            if (isStyle("Name") && name == null) {
                name = text("NamedLayer/Name");
                ctx = layer(name);
            } else if (isStyle("UserStyle")) {
                if (ctx == null) {
                    throw error(Kind.INVALID, "a NamedLayer needs its Name before its UserStyle");
                }
                if (out.size() >= MAX_STYLES_PER_LAYER) {
                    throw error(Kind.INVALID, "more than " + MAX_STYLES_PER_LAYER + " UserStyles for layer " + name);
                }
                out.add(userStyle(ctx, name));
            } else if (isStyle("NamedStyle")) {
                throw error(Kind.UNSUPPORTED, "NamedStyle is not supported in an SLD document; name the style in "
                        + "the STYLES parameter, or give a UserStyle");
            } else {
                unknown("NamedLayer");
            }
        }
        if (name == null) {
            throw error(Kind.INVALID, "a NamedLayer needs a Name");
        }
        if (out.isEmpty()) {
            throw error(Kind.INVALID, "NamedLayer " + name + " has no UserStyle");
        }
        return out;
    }

    private FilterContext layer(String name) {
        if (single != null) {
            return single;
        }
        if (name.isEmpty()) {
            throw error(Kind.UNKNOWN_LAYER, "a NamedLayer has an empty Name");
        }
        Optional<FilterContext> ctx = layers.apply(name);
        if (ctx == null || ctx.isEmpty()) {
            throw error(Kind.UNKNOWN_LAYER, "unknown layer '" + abbreviate(name) + "' in NamedLayer");
        }
        return publicOnly(ctx.get());
    }

    /** The context with every personal field hidden as well: styles draw public maps. */
    private static FilterContext publicOnly(FilterContext ctx) {
        Set<String> hidden = new LinkedHashSet<>(ctx.hidden());
        for (AttributeDef a : ctx.type().attributes()) {
            if (a.personal()) {
                hidden.add(a.name());
            }
        }
        return hidden.size() == ctx.hidden().size() ? ctx : ctx.hiding(hidden);
    }

    // ---------------------------------------------------------------------------------------------- styles

    private LayerStyle userStyle(FilterContext ctx, String layerName) throws XMLStreamException {
        String name = null;
        String title = null;
        boolean isDefault = false;
        List<List<Rule>> groups = new ArrayList<>();
        while (nextChild("UserStyle")) {
            if (isStyle("Name") && name == null) {
                name = text("UserStyle/Name");
            } else if (isStyle("Title") && title == null) {
                title = text("UserStyle/Title");
            } else if (isStyle("Description")) {
                String t = descriptionTitle("UserStyle");
                title = title == null ? t : title;
            } else if (isStyle("IsDefault")) {
                String v = text("IsDefault");
                isDefault = v.equals("1") || v.equalsIgnoreCase("true");
            } else if (isStyle("FeatureTypeStyle")) {
                groups.add(featureTypeStyle(ctx).rules());
            } else if (isStyle("CoverageTypeStyle") || isStyle("OnlineResource")) {
                throw error(Kind.UNSUPPORTED, qname() + " in a UserStyle is not supported");
            } else {
                unknown("UserStyle");
            }
        }
        if (groups.isEmpty()) {
            throw error(Kind.INVALID, "UserStyle " + (name == null ? "" : name + " ") + "has no FeatureTypeStyle");
        }
        return new LayerStyle(layerName, styleOf(name == null || name.isEmpty() ? layerName : name, title,
                flatten(groups)), isDefault);
    }

    private Style styleOf(String name, String title, List<Rule> rules) {
        return new Style(name, title == null || title.isEmpty() ? null : title, rules);
    }

    /** Rules of several FeatureTypeStyles in order; an ElseFilter would lose its scope, so it is refused. */
    private List<Rule> flatten(List<List<Rule>> groups) {
        if (groups.size() == 1) {
            return groups.get(0);
        }
        List<Rule> out = new ArrayList<>();
        for (List<Rule> g : groups) {
            for (Rule rule : g) {
                if (rule.elseFilter()) {
                    throw error(Kind.UNSUPPORTED, "rule " + rule.name() + ": an ElseFilter in a UserStyle with "
                            + "several FeatureTypeStyles is not supported (Gengdi flattens them into one rule list); "
                            + "give the style one FeatureTypeStyle, or a Filter instead of the ElseFilter");
                }
                out.add(rule);
            }
        }
        return out;
    }

    private record Group(String name, String title, List<Rule> rules) {
    }

    private Group featureTypeStyle(FilterContext ctx) throws XMLStreamException {
        String name = null;
        String title = null;
        List<Rule> out = new ArrayList<>();
        while (nextChild("FeatureTypeStyle")) {
            if (isStyle("Rule")) {
                if (++rules > MAX_RULES) {
                    throw error(Kind.INVALID, "more than " + MAX_RULES + " rules in one SLD");
                }
                out.add(rule(ctx, out.size() + 1));
            } else if (isStyle("Name") && name == null) {
                name = text("FeatureTypeStyle/Name");
            } else if (isStyle("Title") && title == null) {
                title = text("FeatureTypeStyle/Title");
            } else if (isStyle("Transformation") || isStyle("OnlineResource")) {
                throw error(Kind.UNSUPPORTED, qname() + " in a FeatureTypeStyle is not supported");
            } else {
                unknown("FeatureTypeStyle");
            }
        }
        return new Group(name, title, out);
    }

    private String descriptionTitle(String owner) throws XMLStreamException {
        String title = null;
        while (nextChild(owner + "/Description")) {
            if (isStyle("Title") && title == null) {
                title = text("Description/Title");
            } else {
                skip();
            }
        }
        return title;
    }

    // ----------------------------------------------------------------------------------------------- rules

    private Rule rule(FilterContext ctx, int index) throws XMLStreamException {
        String name = null;
        String title = null;
        Filter filter = null;
        boolean elseFilter = false;
        double min = 0;
        double max = Double.POSITIVE_INFINITY;
        List<Symbolizer> symbolizers = new ArrayList<>();
        while (nextChild("Rule")) {
            String where = "rule " + (name == null ? "#" + index : name);
            if (isFilterElement("Filter")) {
                if (filter != null || elseFilter) {
                    throw error(Kind.INVALID, where + " has more than one Filter / ElseFilter");
                }
                filter = filter(ctx, where);
            } else if (isStyle("ElseFilter")) {
                if (filter != null || elseFilter) {
                    throw error(Kind.INVALID, where + " has more than one Filter / ElseFilter");
                }
                skip();
                elseFilter = true;
            } else if (isStyle("Name") && name == null) {
                name = text("Rule/Name");
            } else if (isStyle("Title") && title == null) {
                title = text("Rule/Title");
            } else if (isStyle("Description")) {
                String t = descriptionTitle("Rule");
                title = title == null ? t : title;
            } else if (isStyle("MinScaleDenominator")) {
                min = scale(text("MinScaleDenominator"), where);
            } else if (isStyle("MaxScaleDenominator")) {
                max = scale(text("MaxScaleDenominator"), where);
            } else if (isStyle("PolygonSymbolizer") || isStyle("LineSymbolizer") || isStyle("PointSymbolizer")
                    || isStyle("TextSymbolizer")) {
                if (symbolizers.size() >= MAX_SYMBOLIZERS_PER_RULE) {
                    throw error(Kind.INVALID, where + " has more than " + MAX_SYMBOLIZERS_PER_RULE + " symbolizers");
                }
                symbolizers.add(symbolizer(ctx, where));
            } else if (isStyle("Filter")) {
                throw error(Kind.INVALID, where + ": the Filter must be in the OGC namespace (ogc:Filter, "
                        + OGC + ") or the FES 2.0 one, not in " + r.getNamespaceURI());
            } else if (isStyle("RasterSymbolizer")) {
                throw error(Kind.UNSUPPORTED, where + ": RasterSymbolizer is not supported (Gengdi's layers are "
                        + "vector layers)");
            } else {
                unknown("Rule");
            }
        }
        if (!(min < max)) {
            throw error(Kind.INVALID, "rule " + (name == null ? "#" + index : name) + ": MinScaleDenominator " + min
                    + " must be below MaxScaleDenominator " + max);
        }
        return new Rule(name == null || name.isEmpty() ? "rule" + index : name,
                title == null || title.isEmpty() ? null : title, filter, elseFilter, min, max, symbolizers);
    }

    private Filter filter(FilterContext ctx, String where) {
        try {
            return FesFilterParser.parse(r, ctx);
        } catch (UnsupportedOperatorException e) {
            throw new SldException(Kind.UNSUPPORTED, where + ": " + e.getMessage(), e);
        } catch (InvalidFilterException e) {
            throw new SldException(Kind.INVALID, where + ": " + e.getMessage(), e);
        } catch (FilterParseException e) {
            throw new SldException(Kind.INVALID, where + ": " + e.getMessage(), e);
        }
    }

    private double scale(String v, String where) {
        double d = number(v, where + " scale denominator");
        if (d < 0 || Double.isInfinite(d)) {
            throw error(Kind.INVALID, where + ": scale denominators are finite and not negative, not " + v);
        }
        return d;
    }

    // ----------------------------------------------------------------------------------------- symbolizers

    private Symbolizer symbolizer(FilterContext ctx, String where) throws XMLStreamException {
        String kind = r.getLocalName();
        String uom = r.getAttributeValue(null, "uom");
        if (uom != null && !uom.strip().endsWith("/pixel")) {
            throw error(Kind.UNSUPPORTED, where + ": " + kind + " uom '" + abbreviate(uom) + "' is not supported; "
                    + "sizes are in pixels");
        }
        String owner = where + " " + kind;
        return switch (kind) {
            case "PolygonSymbolizer" -> polygon(ctx, owner);
            case "LineSymbolizer" -> line(ctx, owner);
            case "PointSymbolizer" -> point(ctx, owner);
            default -> textSymbolizer(ctx, owner);
        };
    }

    private Symbolizer polygon(FilterContext ctx, String owner) throws XMLStreamException {
        Fill fill = null;
        Stroke stroke = null;
        while (nextChild(owner)) {
            if (isStyle("Fill") && fill == null) {
                fill = fill(owner);
            } else if (isStyle("Stroke") && stroke == null) {
                stroke = stroke(owner);
            } else if (!common(ctx, owner)) {
                unknown(owner);
            }
        }
        return new Symbolizer.PolygonSymbolizer(fill, stroke);
    }

    private Symbolizer line(FilterContext ctx, String owner) throws XMLStreamException {
        Stroke stroke = null;
        while (nextChild(owner)) {
            if (isStyle("Stroke") && stroke == null) {
                stroke = stroke(owner);
            } else if (!common(ctx, owner)) {
                unknown(owner);
            }
        }
        return new Symbolizer.LineSymbolizer(stroke == null ? Stroke.solid(Color.BLACK, 1) : stroke);
    }

    private Symbolizer point(FilterContext ctx, String owner) throws XMLStreamException {
        Graphic g = null;
        while (nextChild(owner)) {
            if (isStyle("Graphic") && g == null) {
                g = graphic(owner);
            } else if (!common(ctx, owner)) {
                unknown(owner);
            }
        }
        if (g == null) {
            return new Symbolizer.PointSymbolizer(Mark.SQUARE, DEFAULT_MARK_SIZE, Fill.solid(DEFAULT_FILL),
                    Stroke.solid(Color.BLACK, 1));
        }
        Mark mark = MARKS.get(g.wellKnownName());
        if (mark == null) {
            throw error(Kind.UNSUPPORTED, owner + ": mark '" + abbreviate(g.wellKnownName()) + "' is not supported; "
                    + "use circle, square, triangle, star, cross or x");
        }
        double size = Double.isNaN(g.size()) ? DEFAULT_MARK_SIZE : g.size();
        if (size <= 0) {
            throw error(Kind.INVALID, owner + ": a mark's Size must be positive");
        }
        Color fill = g.fill();
        Stroke stroke = g.stroke();
        if (fill == null && stroke == null && !g.paintGiven()) {
            fill = DEFAULT_FILL;
            stroke = Stroke.solid(Color.BLACK, 1);
        }
        fill = fill == null ? null : fade(fill, g.opacity());
        stroke = stroke == null ? null : new Stroke(fade(stroke.color(), g.opacity()), stroke.width(), stroke.dash(),
                stroke.lineJoin(), stroke.lineCap());
        return new Symbolizer.PointSymbolizer(mark, size, fill == null ? null : Fill.solid(fill), stroke);
    }

    private Symbolizer textSymbolizer(FilterContext ctx, String owner) throws XMLStreamException {
        String property = null;
        Symbolizer.Font font = null;
        Color color = null;
        Symbolizer.Halo halo = null;
        double[] placement = {0, 0.5, 0, 0};
        double priority = 0;
        while (nextChild(owner)) {
            if (isStyle("Label") && property == null) {
                property = label(ctx, owner);
            } else if (isStyle("Font") && font == null) {
                font = font(owner);
            } else if (isStyle("Fill") && color == null) {
                color = solid(fill(owner + " Fill"), owner);
            } else if (isStyle("Halo") && halo == null) {
                halo = halo(owner);
            } else if (isStyle("LabelPlacement")) {
                labelPlacement(owner, placement);
            } else if (isStyle("VendorOption") && "priority".equalsIgnoreCase(attr("name"))) {
                priority = number(value(owner + " priority"), owner + " priority");
            } else if (isStyle("Priority")) {
                priority = number(value(owner + " Priority"), owner + " Priority");
            } else if (isStyle("Graphic")) {
                skip(); // a label shield: the label is drawn without it
            } else if (!common(ctx, owner)) {
                unknown(owner);
            }
        }
        if (property == null) {
            throw error(Kind.INVALID, owner + " needs a Label with an ogc:PropertyName");
        }
        if (font == null) {
            font = new Symbolizer.Font("SansSerif", 10, false, false);
        }
        return new Symbolizer.TextSymbolizer(property, font, color, halo, placement[0], placement[1], placement[2],
                placement[3], priority);
    }

    /** Elements every symbolizer may hold; true when the current one was one of them (and is consumed). */
    private boolean common(FilterContext ctx, String owner) throws XMLStreamException {
        if (isStyle("Geometry")) {
            geometry(ctx, owner);
            return true;
        }
        if (isStyle("Name") || isStyle("Description") || isStyle("VendorOption")
                || isStyle("PerpendicularOffset") || isStyle("Displacement")) {
            skip();
            return true;
        }
        if (isStyle("BaseSymbolizer")) {
            throw error(Kind.UNSUPPORTED, owner + ": BaseSymbolizer is not supported: Gengdi never fetches remote "
                    + "documents");
        }
        return false;
    }

    /** A symbolizer's Geometry: only the layer's own geometry property (which is what is drawn anyway). */
    private void geometry(FilterContext ctx, String owner) throws XMLStreamException {
        String property = propertyOnly(owner + " Geometry");
        String n = bareName(property);
        if (!ctx.type().isGeometry(n)) {
            throw error(Kind.INVALID, owner + ": Geometry '" + abbreviate(property) + "' is not the geometry property "
                    + "of " + ctx.type().name() + " (" + ctx.type().geometryName() + ")");
        }
    }

    // ---------------------------------------------------------------------------------------- fill, stroke

    private Fill fill(String owner) throws XMLStreamException {
        Map<String, String> p = new HashMap<>();
        Hatching hatching = null;
        while (nextChild(owner + " Fill")) {
            if (isParameter()) {
                parameter(p, owner + " Fill");
            } else if (isStyle("GraphicFill") && hatching == null) {
                hatching = graphicFill(owner);
            } else {
                unknown(owner + " Fill");
            }
        }
        Color base = null;
        if (hatching == null || p.containsKey("fill")) {
            base = color(p.getOrDefault("fill", "#808080"), owner + " fill");
            base = fade(base, opacity(p.get("fill-opacity"), owner + " fill-opacity"));
        }
        if (hatching == null) {
            return Fill.solid(base);
        }
        return new Fill(base, hatching.hatch(), hatching.color(), hatching.spacing(), hatching.width());
    }

    private Stroke stroke(String owner) throws XMLStreamException {
        Map<String, String> p = new HashMap<>();
        while (nextChild(owner + " Stroke")) {
            if (isParameter()) {
                parameter(p, owner + " Stroke");
            } else if (isStyle("GraphicFill") || isStyle("GraphicStroke")) {
                throw error(Kind.UNSUPPORTED, owner + ": " + r.getLocalName() + " in a Stroke is not supported; "
                        + "use a plain or dashed stroke");
            } else {
                unknown(owner + " Stroke");
            }
        }
        Color c = fade(color(p.getOrDefault("stroke", "#000000"), owner + " stroke"),
                opacity(p.get("stroke-opacity"), owner + " stroke-opacity"));
        double width = p.containsKey("stroke-width")
                ? pixels(p.get("stroke-width"), owner + " stroke-width", true) : 1;
        float[] dash = p.containsKey("stroke-dasharray") ? dash(p.get("stroke-dasharray"), owner) : null;
        return new Stroke(c, width, dash, lineJoin(p.get("stroke-linejoin"), owner),
                lineCap(p.get("stroke-linecap"), owner));
    }

    private float[] dash(String v, String owner) {
        String s = v.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("none")) {
            return null;
        }
        String[] parts = s.split("[\\s,]+");
        if (parts.length > MAX_DASHES) {
            throw error(Kind.INVALID, owner + ": stroke-dasharray has more than " + MAX_DASHES + " entries");
        }
        float[] out = new float[parts.length];
        double sum = 0;
        for (int i = 0; i < parts.length; i++) {
            double d = pixels(parts[i], owner + " stroke-dasharray", true);
            out[i] = (float) d;
            sum += d;
        }
        if (sum <= 0) {
            throw error(Kind.INVALID, owner + ": stroke-dasharray '" + abbreviate(v) + "' has no length");
        }
        return out;
    }

    private String lineJoin(String v, String owner) {
        if (v == null) {
            return null;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "mitre", "miter" -> "miter";
            case "round" -> "round";
            case "bevel" -> "bevel";
            default -> throw error(Kind.INVALID, owner + ": stroke-linejoin is mitre, round or bevel, not '"
                    + abbreviate(v) + "'");
        };
    }

    private String lineCap(String v, String owner) {
        if (v == null) {
            return null;
        }
        String s = v.strip().toLowerCase(Locale.ROOT);
        if (s.equals("butt") || s.equals("round") || s.equals("square")) {
            return s;
        }
        throw error(Kind.INVALID, owner + ": stroke-linecap is butt, round or square, not '" + abbreviate(v) + "'");
    }

    private Color solid(Fill f, String owner) {
        if (f.hatch() != null) {
            throw error(Kind.UNSUPPORTED, owner + ": a GraphicFill is not supported here, only in a PolygonSymbolizer's Fill");
        }
        return f.color();
    }

    // -------------------------------------------------------------------------------------------- graphics

    private record Hatching(Hatch hatch, Color color, double spacing, double width) {
    }

    /**
     * A Graphic: the first Mark (ExternalGraphic alternatives before it are passed over, as SLD allows).
     *
     * @param fill       the mark's fill colour, null for none
     * @param stroke     the mark's stroke, null for none
     * @param paintGiven true when the mark had a Fill or Stroke element
     * @param size       NaN when not given
     */
    private record Graphic(String wellKnownName, Color fill, Stroke stroke, boolean paintGiven, double size,
                           double opacity) {
    }

    private Hatching graphicFill(String owner) throws XMLStreamException {
        Graphic g = null;
        while (nextChild(owner + " GraphicFill")) {
            if (isStyle("Graphic") && g == null) {
                g = graphic(owner + " GraphicFill");
            } else {
                unknown(owner + " GraphicFill");
            }
        }
        if (g == null) {
            throw error(Kind.INVALID, owner + ": a GraphicFill needs a Graphic");
        }
        Hatch hatch = HATCHES.get(g.wellKnownName());
        if (hatch == null) {
            throw error(Kind.UNSUPPORTED, owner + ": GraphicFill mark '" + abbreviate(g.wellKnownName()) + "' is not "
                    + "supported; use shape://slash, backslash, times, horline, vertline, plus or dot");
        }
        double spacing = Double.isNaN(g.size()) ? DEFAULT_HATCH_SPACING : g.size();
        if (spacing < MIN_HATCH_SPACING) {
            throw error(Kind.INVALID, owner + ": a hatch's Size (line spacing) must be at least "
                    + MIN_HATCH_SPACING + " px, not " + spacing);
        }
        Color color;
        double width;
        if (g.stroke() != null) {
            color = g.stroke().color();
            width = g.stroke().width();
        } else {
            color = g.fill() != null ? g.fill() : Color.BLACK;
            width = 1;
        }
        return new Hatching(hatch, fade(color, g.opacity()), spacing, width);
    }

    private Graphic graphic(String owner) throws XMLStreamException {
        Graphic mark = null;
        boolean external = false;
        double size = Double.NaN;
        double opacity = 1;
        while (nextChild(owner + " Graphic")) {
            if (isStyle("Mark")) {
                if (mark == null) {
                    mark = mark(owner);
                } else {
                    skip(); // a later alternative
                }
            } else if (isStyle("ExternalGraphic")) {
                external = true;
                skip();
            } else if (isStyle("Size")) {
                size = pixels(value(owner + " Size"), owner + " Size", false);
            } else if (isStyle("Opacity")) {
                opacity = opacity(value(owner + " Opacity"), owner + " Opacity");
            } else {
                unknown(owner + " Graphic");
            }
        }
        if (mark == null) {
            if (external) {
                throw error(Kind.UNSUPPORTED, owner + ": ExternalGraphic is not supported (Gengdi never fetches "
                        + "external resources); give a Mark");
            }
            mark = new Graphic("square", null, null, false, Double.NaN, 1);
        }
        return new Graphic(mark.wellKnownName(), mark.fill(), mark.stroke(), mark.paintGiven(), size, opacity);
    }

    private Graphic mark(String owner) throws XMLStreamException {
        String wkn = "square";
        Color fill = null;
        Stroke stroke = null;
        boolean given = false;
        while (nextChild(owner + " Mark")) {
            if (isStyle("WellKnownName")) {
                wkn = value(owner + " WellKnownName").toLowerCase(Locale.ROOT);
            } else if (isStyle("Fill")) {
                fill = solid(fill(owner + " Mark"), owner + " Mark");
                given = true;
            } else if (isStyle("Stroke")) {
                stroke = stroke(owner + " Mark");
                given = true;
            } else if (isStyle("OnlineResource") || isStyle("InlineContent")) {
                throw error(Kind.UNSUPPORTED, owner + ": marks from " + r.getLocalName() + " are not supported; "
                        + "use a WellKnownName");
            } else {
                unknown(owner + " Mark");
            }
        }
        return new Graphic(wkn, fill, stroke, given, Double.NaN, 1);
    }

    // ------------------------------------------------------------------------------------------------ text

    /** A Label: exactly one property name, nothing else. */
    private String label(FilterContext ctx, String owner) throws XMLStreamException {
        String raw = propertyOnly(owner + " Label");
        String n = bareName(raw);
        FeatureType t = ctx.type();
        if (t.isGeometry(n)) {
            throw error(Kind.INVALID, owner + ": the geometry property cannot be a label");
        }
        AttributeDef a = NAME.matcher(n).matches() ? t.attribute(n) : null;
        if (a == null || isHidden(ctx, a.name())) {
            throw error(Kind.INVALID, owner + ": unknown property '" + abbreviate(raw) + "' in label (layer "
                    + t.name() + ")");
        }
        return a.name();
    }

    private static boolean isHidden(FilterContext ctx, String name) {
        for (String h : ctx.hidden()) {
            if (h.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The content of an element that must be one {@code ogc:PropertyName} / {@code fes:ValueReference}: literal
     * text, functions and concatenations are refused.
     */
    private String propertyOnly(String owner) throws XMLStreamException {
        String property = null;
        while (true) {
            int e = r.next();
            if (e == START_ELEMENT) {
                boolean ref = (isFilterNs() || isStyleNs()) && (r.getLocalName().equals("PropertyName")
                        || r.getLocalName().equals("ValueReference"));
                if (!ref || property != null) {
                    throw error(Kind.UNSUPPORTED, owner + " must be one ogc:PropertyName; <" + qname()
                            + "> (an expression) is not supported");
                }
                property = plainText(owner);
            } else if (e == CHARACTERS || e == CDATA || e == SPACE) {
                if (!r.isWhiteSpace()) {
                    throw error(Kind.UNSUPPORTED, owner + " must be one ogc:PropertyName; literal text ('"
                            + abbreviate(r.getText().strip()) + "') is not supported");
                }
            } else if (e == END_ELEMENT) {
                break;
            } else if (e == END_DOCUMENT) {
                throw error(Kind.MALFORMED, "unexpected end of the document in " + owner);
            }
        }
        if (property == null || property.isEmpty()) {
            throw error(Kind.INVALID, owner + " needs an ogc:PropertyName");
        }
        return property;
    }

    /** {@code gengdi:NAME}, {@code LAYER/NAME} → {@code NAME}: never evaluated as XPath. */
    private static String bareName(String raw) {
        String n = raw.strip();
        int slash = n.lastIndexOf('/');
        if (slash >= 0) {
            n = n.substring(slash + 1);
        }
        int colon = n.indexOf(':');
        return colon >= 0 ? n.substring(colon + 1) : n;
    }

    private Symbolizer.Font font(String owner) throws XMLStreamException {
        Map<String, String> p = new HashMap<>();
        while (nextChild(owner + " Font")) {
            if (isParameter()) {
                parameter(p, owner + " Font");
            } else {
                unknown(owner + " Font");
            }
        }
        String family = p.getOrDefault("font-family", "SansSerif").strip();
        int comma = family.indexOf(',');
        family = (comma >= 0 ? family.substring(0, comma) : family).strip().replaceAll("^[\"']|[\"']$", "");
        if (family.isEmpty()) {
            family = "SansSerif";
        }
        String sizeText = p.getOrDefault("font-size", "10").strip();
        if (sizeText.toLowerCase(Locale.ROOT).endsWith("px")) {
            sizeText = sizeText.substring(0, sizeText.length() - 2);
        }
        double size = number(sizeText, owner + " font-size");
        if (!(size > 0) || size > MAX_FONT_SIZE) {
            throw error(Kind.INVALID, owner + ": font-size must be above 0 and at most " + (int) MAX_FONT_SIZE
                    + " px, not " + abbreviate(sizeText));
        }
        String weight = p.getOrDefault("font-weight", "normal").strip().toLowerCase(Locale.ROOT);
        boolean bold = switch (weight) {
            case "bold", "bolder" -> true;
            case "normal", "lighter" -> false;
            default -> {
                if (weight.matches("[1-9]00")) {
                    yield Integer.parseInt(weight) >= 600;
                }
                throw error(Kind.INVALID, owner + ": font-weight is normal or bold, not '" + abbreviate(weight) + "'");
            }
        };
        String style = p.getOrDefault("font-style", "normal").strip().toLowerCase(Locale.ROOT);
        boolean italic = switch (style) {
            case "italic", "oblique" -> true;
            case "normal" -> false;
            default -> throw error(Kind.INVALID, owner + ": font-style is normal, italic or oblique, not '"
                    + abbreviate(style) + "'");
        };
        return new Symbolizer.Font(family, size, bold, italic);
    }

    private Symbolizer.Halo halo(String owner) throws XMLStreamException {
        double radius = 1;
        Color color = Color.WHITE;
        while (nextChild(owner + " Halo")) {
            if (isStyle("Radius")) {
                radius = number(value(owner + " Halo Radius"), owner + " Halo Radius");
                if (radius < 0 || radius > MAX_HALO) {
                    throw error(Kind.INVALID, owner + ": a Halo Radius is 0 to " + (int) MAX_HALO + " px, not "
                            + radius);
                }
            } else if (isStyle("Fill")) {
                Fill f = fill(owner + " Halo");
                color = solid(f, owner + " Halo");
            } else {
                unknown(owner + " Halo");
            }
        }
        return new Symbolizer.Halo(radius, color);
    }

    /** LabelPlacement: PointPlacement's anchor and displacement into {anchorX, anchorY, dx, dy}. */
    private void labelPlacement(String owner, double[] placement) throws XMLStreamException {
        while (nextChild(owner + " LabelPlacement")) {
            if (isStyle("PointPlacement")) {
                while (nextChild(owner + " PointPlacement")) {
                    if (isStyle("AnchorPoint")) {
                        pair(owner, "AnchorPoint", placement, 0, 1);
                    } else if (isStyle("Displacement")) {
                        pair(owner, "Displacement", placement, 2, MAX_PIXELS);
                    } else {
                        unknown(owner + " PointPlacement");
                    }
                }
            } else {
                unknown(owner + " LabelPlacement");
            }
        }
    }

    private void pair(String owner, String element, double[] into, int at, double limit) throws XMLStreamException {
        while (nextChild(owner + " " + element)) {
            String n = r.getLocalName();
            int i = n.endsWith("X") ? 0 : n.endsWith("Y") ? 1 : -1;
            if (isStyleNs() && i >= 0 && n.startsWith(element)) {
                double d = number(value(owner + " " + n), owner + " " + n);
                if (Math.abs(d) > limit) {
                    throw error(Kind.INVALID, owner + ": " + n + " " + d + " is out of range");
                }
                into[at + i] = d;
            } else {
                unknown(owner + " " + element);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- parameters

    private boolean isParameter() {
        return isStyle("CssParameter") || isStyle("SvgParameter");
    }

    private void parameter(Map<String, String> into, String owner) throws XMLStreamException {
        String name = attr("name");
        if (name == null || name.isBlank()) {
            throw error(Kind.INVALID, owner + ": a " + r.getLocalName() + " needs a name");
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        String v = value(owner + " " + key);
        if (key.equals("font-family")) {
            into.putIfAbsent(key, v); // the first family is the preferred one
        } else {
            into.put(key, v);
        }
    }

    /**
     * The value of a parameter element (SLD ParameterValueType): text and {@code ogc:Literal} children; any other
     * expression is refused. Leaves the reader on the element's end tag.
     */
    private String value(String owner) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int e = r.next();
            if (e == CHARACTERS || e == CDATA || e == SPACE) {
                sb.append(r.getText());
            } else if (e == START_ELEMENT) {
                if ((isFilterNs() || isStyleNs()) && r.getLocalName().equals("Literal")) {
                    sb.append(plainText(owner));
                } else {
                    throw error(Kind.UNSUPPORTED, owner + " must be a literal value; <" + qname()
                            + "> (an expression) is not supported");
                }
            } else if (e == END_ELEMENT) {
                return sb.toString().strip();
            } else if (e == END_DOCUMENT) {
                throw error(Kind.MALFORMED, "unexpected end of the document in " + owner);
            }
        }
    }

    private double number(String v, String what) {
        String s = v == null ? "" : v.strip();
        if (!NUMBER.matcher(s).matches()) {
            throw error(Kind.INVALID, what + " must be a number, not '" + abbreviate(s) + "'");
        }
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
            throw error(Kind.INVALID, what + " is out of range: " + abbreviate(s));
        }
        return d;
    }

    /** A length in pixels, 0 (when allowed) to {@link #MAX_PIXELS}. */
    private double pixels(String v, String what, boolean zeroAllowed) {
        double d = number(v, what);
        if (d < 0 || d == 0 && !zeroAllowed || d > MAX_PIXELS) {
            throw error(Kind.INVALID, what + " must be " + (zeroAllowed ? "0" : "above 0") + " to "
                    + (int) MAX_PIXELS + " px, not " + abbreviate(v.strip()));
        }
        return d;
    }

    private double opacity(String v, String what) {
        if (v == null) {
            return 1;
        }
        double d = number(v, what);
        if (d < 0 || d > 1) {
            throw error(Kind.INVALID, what + " must be between 0 and 1, not " + abbreviate(v.strip()));
        }
        return d;
    }

    private Color color(String v, String what) {
        String s = v.strip();
        if (RGB.matcher(s).matches()) {
            return new Color(Integer.parseInt(s.substring(1), 16));
        }
        if (ARGB.matcher(s).matches()) {
            throw error(Kind.INVALID, what + " '" + s + "': colours are #RRGGBB in SLD; #AARRGGBB is not "
                    + "standard — give the opacity with fill-opacity / stroke-opacity");
        }
        throw error(Kind.INVALID, what + " must be a colour #RRGGBB, not '" + abbreviate(s) + "'");
    }

    /** The colour with its alpha multiplied by an opacity. */
    static Color fade(Color c, double opacity) {
        if (opacity >= 1) {
            return c;
        }
        int a = (int) Math.round(c.getAlpha() * opacity);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), Math.max(0, Math.min(255, a)));
    }

    // ------------------------------------------------------------------------------------------ XML helpers

    private boolean isStyleNs() {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty() || ns.equals(SldReader.SLD) || ns.equals(SldReader.SE);
    }

    private boolean isStyle(String localName) {
        return r.getLocalName().equals(localName) && isStyleNs();
    }

    private boolean isFilterNs() {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty() || ns.equals(OGC) || ns.equals(FES);
    }

    private boolean isFilterElement(String localName) {
        String ns = r.getNamespaceURI();
        return r.getLocalName().equals(localName) && (OGC.equals(ns) || FES.equals(ns)
                || (ns == null || ns.isEmpty()));
    }

    private String attr(String name) {
        return r.getAttributeValue(null, name);
    }

    /**
     * Moves to the next child element of the current one: true on its start tag, false on the current element's
     * end tag. Text between children is refused.
     */
    private boolean nextChild(String owner) throws XMLStreamException {
        while (true) {
            int e = r.next();
            switch (e) {
                case START_ELEMENT:
                    return true;
                case END_ELEMENT:
                    return false;
                case CHARACTERS:
                case CDATA:
                    if (!r.isWhiteSpace()) {
                        throw error(Kind.MALFORMED, "unexpected text '" + abbreviate(r.getText().strip()) + "' in "
                                + owner);
                    }
                    break;
                case END_DOCUMENT:
                    throw error(Kind.MALFORMED, "unexpected end of the document in " + owner);
                default:
                    break;
            }
        }
    }

    /** Skips the current element with everything in it; leaves the reader on its end tag. */
    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == START_ELEMENT) {
                depth++;
            } else if (e == END_ELEMENT) {
                depth--;
            } else if (e == END_DOCUMENT) {
                throw error(Kind.MALFORMED, "unexpected end of the document");
            }
        }
    }

    /** The text of a simple element (no child elements), stripped. */
    private String text(String owner) throws XMLStreamException {
        return plainText(owner).strip();
    }

    private String plainText(String owner) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int e = r.next();
            if (e == CHARACTERS || e == CDATA || e == SPACE) {
                sb.append(r.getText());
            } else if (e == START_ELEMENT) {
                throw error(Kind.MALFORMED, owner + " holds text, not <" + qname() + ">");
            } else if (e == END_ELEMENT) {
                return sb.toString().strip();
            } else if (e == END_DOCUMENT) {
                throw error(Kind.MALFORMED, "unexpected end of the document in " + owner);
            }
        }
    }

    private void unknown(String owner) throws XMLStreamException {
        if (isStyleNs() && IGNORED.contains(r.getLocalName())) {
            skip();
            return;
        }
        throw error(Kind.UNSUPPORTED, "<" + qname() + "> in " + owner + " is not supported" + namespaceNote());
    }

    private String qname() {
        String p = r.getPrefix();
        return p == null || p.isEmpty() ? r.getLocalName() : p + ":" + r.getLocalName();
    }

    private String namespaceNote() {
        String ns = r.getNamespaceURI();
        return ns == null || ns.isEmpty() ? "" : " (namespace " + abbreviate(ns) + ")";
    }

    private SldException error(Kind kind, String message) {
        return new SldException(kind, message + at());
    }

    private String at() {
        try {
            Location l = r.getLocation();
            return l == null || l.getLineNumber() < 0 ? "" : " (line " + l.getLineNumber() + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String message(XMLStreamException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
