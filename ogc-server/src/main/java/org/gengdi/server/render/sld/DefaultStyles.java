package org.gengdi.server.render.sld;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterContext;
import org.gengdi.server.ows.PublishedLayer;
import org.gengdi.server.render.Rule;
import org.gengdi.server.render.Style;
import org.gengdi.server.render.Symbolizer;
import org.gengdi.server.render.Symbolizer.Fill;
import org.gengdi.server.render.Symbolizer.Stroke;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default style of each layer: the SLD shipped for its name ({@code styles/NAME.sld} on the class path, from
 * the data module, e.g. {@code styles/YJJBNTBHTB.sld}), read against the layer's schema; for a layer without one —
 * or whose schema the shipped file does not fit, which is logged — a generic style by geometry kind (grey outline
 * and light fill for polygons, a grey line for lines, a grey circle for points). Cached per layer name and schema;
 * thread-safe.
 */
public final class DefaultStyles {
    /** The class path folder of the shipped styles. */
    public static final String FOLDER = "styles/";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultStyles.class);
    private static final int MAX_CACHED = 1024;

    private final ClassLoader loader;
    private final Map<Key, Style> cache = new ConcurrentHashMap<>();

    private record Key(String layerName, FeatureType type, Set<String> hidden) {
    }

    /** Shipped styles from this class's class loader. */
    public DefaultStyles() {
        this(DefaultStyles.class.getClassLoader());
    }

    /** Shipped styles from a class loader (tests). */
    public DefaultStyles(ClassLoader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The default style of a published layer (personal fields hidden). */
    public Style styleFor(PublishedLayer layer) {
        FeatureType t = layer.stored();
        CrsRegistry registry = CrsRegistry.get();
        return styleFor(layer.name(), FilterContext.of(t, registry.parse(registry.shortName(t.srid())))
                .hiding(layer.hidden()));
    }

    /**
     * The default style of a layer: its shipped SLD read against {@code ctx}, else the generic style of
     * {@code ctx.type()}'s geometry kind.
     */
    public Style styleFor(String layerName, FilterContext ctx) {
        Objects.requireNonNull(layerName, "layerName");
        Objects.requireNonNull(ctx, "ctx");
        Key key = new Key(layerName.toUpperCase(Locale.ROOT), ctx.type(), ctx.hidden());
        Style s = cache.get(key);
        if (s != null) {
            return s;
        }
        s = load(key.layerName(), ctx);
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // schemas change only on import; a full cache means churn, not a working set
        }
        cache.put(key, s);
        return s;
    }

    /** True when an SLD is shipped for this layer name. */
    public boolean isShipped(String layerName) {
        return loader.getResource(resource(layerName)) != null;
    }

    private Style load(String upperName, FilterContext ctx) {
        String resource = resource(upperName);
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return fallback(ctx.type());
            }
            return SldReader.readStyle(in, ctx);
        } catch (SldException e) {
            LOG.warn("the shipped style {} does not fit layer {} ({}); using the generic style", resource,
                    ctx.type().name(), e.getMessage());
            return fallback(ctx.type());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String resource(String layerName) {
        return FOLDER + layerName.toUpperCase(Locale.ROOT) + ".sld";
    }

    /** The generic style of a layer's geometry kind, named {@code generic}. */
    public static Style fallback(FeatureType type) {
        Color outline = new Color(0x6E6E6E);
        Rule rule = switch (type.geometryKind()) {
            case POINT, MULTIPOINT -> rule("点", new Symbolizer.PointSymbolizer(Symbolizer.Mark.CIRCLE, 7,
                    Fill.solid(new Color(0xA0A0A0)), Stroke.solid(outline, 1)));
            case LINESTRING, MULTILINESTRING -> rule("线", new Symbolizer.LineSymbolizer(Stroke.solid(outline, 1.2)));
            case POLYGON, MULTIPOLYGON -> rule("面", new Symbolizer.PolygonSymbolizer(
                    Fill.solid(new Color(0xDC, 0xDC, 0xDC, 0x80)), Stroke.solid(outline, 0.8)));
            // mixed geometry: polygons filled, lines outlined (a point mark would also land on every polygon)
            default -> rule("要素", new Symbolizer.PolygonSymbolizer(
                    Fill.solid(new Color(0xDC, 0xDC, 0xDC, 0x80)), Stroke.solid(outline, 0.8)));
        };
        return new Style("generic", type.title(), List.of(rule));
    }

    private static Rule rule(String title, Symbolizer... symbolizers) {
        return new Rule("generic", title, Filter.INCLUDE, false, 0, Double.POSITIVE_INFINITY, List.of(symbolizers));
    }
}
