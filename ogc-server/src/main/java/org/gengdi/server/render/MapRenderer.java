package org.gengdi.server.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.gengdi.core.crs.CoordinateTransformException;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.Query;
import org.gengdi.core.filter.Filter;
import org.gengdi.core.filter.FilterEvaluator;
import org.gengdi.core.filter.Filters;
import org.gengdi.server.render.Symbolizer.LineSymbolizer;
import org.gengdi.server.render.Symbolizer.PointSymbolizer;
import org.gengdi.server.render.Symbolizer.PolygonSymbolizer;
import org.gengdi.server.render.Symbolizer.TextSymbolizer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Puntal;
import org.locationtech.jts.linearref.LengthIndexedLine;

/**
 * Draws maps with Java2D: layers in order, each read through its {@link org.gengdi.server.ows.PublishedLayer} with
 * only the features that intersect the view (the store's spatial index does the work), styled by the rules that
 * apply at the view's scale; labels of all layers are placed last, on top.
 *
 * <p>For each layer the view extent, grown by the widest symbol, is transformed into the layer's CRS and sent as
 * the query's bbox with the layer's extra filter. When no rule applies at the scale the layer is not read at all;
 * when every applicable rule has a filter (and none is an ElseFilter), the rules' filters are sent to the store too,
 * so that features no rule draws are never read. Rule filters are compiled once per rendering and evaluated in the
 * layer's CRS (spatial literals of SLD filters are in it); ElseFilter rules take the features no other rule
 * applicable at the scale matched. Only features some rule draws are transformed into the map's CRS. Each feature
 * is drawn by every matching rule, symbolizers in order (SLD's painter's model).
 *
 * <p>Drawing is antialiased. Vertices closer than half a pixel are dropped and geometries smaller than a pixel are
 * drawn as one pixel (see {@link ScreenPath}). Polygons are filled even-odd, so holes and multipolygons are right
 * whatever their ring orientation.
 *
 * <p>Limits ({@link RenderLimits}): the size is checked before anything is read, the number of features and the
 * elapsed time while reading and drawing; a limit exceeded throws {@link RenderLimitException} and no image is
 * returned. Cursors are always closed. Safe to share between threads.
 */
public final class MapRenderer {
    private final LabelFonts fonts;

    public MapRenderer() {
        this(LabelFonts.shared());
    }

    MapRenderer(LabelFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * Renders a map.
     *
     * @return an opaque {@code TYPE_INT_RGB} image, or {@code TYPE_INT_ARGB} for a transparent view
     * @throws RenderLimitException when a limit is exceeded
     * @throws org.gengdi.core.filter.InvalidFilterException when a rule filter names an attribute the layer does
     *                                                       not publish
     */
    public BufferedImage render(MapView view, List<MapLayer> layers, RenderLimits limits) {
        limits.checkSize(view.width(), view.height());
        RenderBudget budget = new RenderBudget(limits);
        BufferedImage image = new BufferedImage(view.width(), view.height(),
                view.transparent() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            hints(g);
            if (!view.transparent()) {
                Color bg = view.background();
                g.setColor(new Color(bg.getRed(), bg.getGreen(), bg.getBlue()));
                g.fillRect(0, 0, view.width(), view.height());
            }
            ScreenPath base = new ScreenPath(view, 0);
            Labels labels = new Labels(view, base, fonts);
            SymbolPainter painter = new SymbolPainter(base.originX(), base.originY());
            double scale = view.scaleDenominator();
            for (MapLayer layer : layers) {
                drawLayer(g, view, layer, scale, painter, labels, budget);
                budget.checkTime();
            }
            labels.draw(g, budget);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The rendering hints of maps and legends: antialiased shapes and text, exact geometry. */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** A rule ready to test features: its filter compiled once. */
    private record ActiveRule(Rule rule, Predicate<Feature> test) {
    }

    private void drawLayer(Graphics2D g, MapView view, MapLayer layer, double scale, SymbolPainter painter,
                           Labels labels, RenderBudget budget) {
        FeatureType type = layer.layer().visible();
        List<ActiveRule> rules = new ArrayList<>();
        boolean hasElse = false;
        boolean allFiltered = true;
        for (Rule r : layer.style().rules()) {
            if (r.appliesAt(scale) && !r.symbolizers().isEmpty()) {
                rules.add(new ActiveRule(r, r.elseFilter() ? null : FilterEvaluator.compile(r.filter(), type)));
                hasElse |= r.elseFilter();
                allFiltered &= !r.elseFilter() && !(r.filter() instanceof Filter.Include);
            }
        }
        if (rules.isEmpty()) {
            return; // nothing to draw at this scale: not even a query
        }
        double margin = symbolMargin(rules);
        int layerSrid = layer.layer().stored().srid();
        Envelope padded = view.extent();
        padded.expandBy(margin * view.pixelSizeX(), margin * view.pixelSizeY());
        Envelope bbox;
        CrsTransform toMap = null;
        try {
            if (layerSrid != view.srid()) {
                CrsRegistry crs = CrsRegistry.get();
                bbox = crs.transform(view.srid(), layerSrid).transform(padded);
                toMap = crs.transform(layerSrid, view.srid());
            } else {
                bbox = padded;
            }
        } catch (CoordinateTransformException e) {
            return; // the view lies outside the layer CRS's domain
        }
        if (bbox.isNull() || !Double.isFinite(bbox.getWidth()) || !Double.isFinite(bbox.getHeight())) {
            return;
        }
        Filter filter = layer.filter();
        if (allFiltered) {
            List<Filter> any = rules.stream().map(r -> r.rule().filter()).toList();
            filter = Filters.and(List.of(filter, Filters.or(any)));
        }
        ScreenPath screen = new ScreenPath(view, margin);
        Query query = new Query(bbox, filter, null, List.of(), 0, -1);
        boolean[] matched = new boolean[rules.size()];
        try (FeatureCursor cursor = layer.layer().features(query, type, layerSrid)) {
            while (cursor.hasNext()) {
                Feature f = cursor.next();
                budget.feature();
                Geometry geom = f.geometry();
                if (geom == null || geom.isEmpty()) {
                    continue;
                }
                boolean any = false;
                for (int i = 0; i < matched.length; i++) {
                    Predicate<Feature> test = rules.get(i).test();
                    matched[i] = test != null && test.test(f);
                    any |= matched[i];
                }
                if (hasElse) {
                    for (int i = 0; i < matched.length; i++) {
                        matched[i] |= rules.get(i).test() == null && !any;
                    }
                }
                if (!any && !hasElse) {
                    continue;
                }
                if (toMap != null) {
                    try {
                        geom = toMap.transform(geom);
                    } catch (CoordinateTransformException e) {
                        continue;
                    }
                }
                drawFeature(g, view, screen, margin, rules, matched, f, geom, painter, labels);
            }
        }
    }

    private static void drawFeature(Graphics2D g, MapView view, ScreenPath screen, double margin,
                                    List<ActiveRule> rules, boolean[] matched, Feature f, Geometry geom,
                                    SymbolPainter painter, Labels labels) {
        Envelope env = geom.getEnvelopeInternal();
        if (!screen.touches(env, margin, view.width(), view.height())) {
            return; // the store's index is coarser than the view
        }
        if (geom.getClass() == GeometryCollection.class) {
            // a mixed collection: each part drawn as what it is, one label for the whole
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                drawFeature(g, view, screen, margin, rules, matched, f, geom.getGeometryN(i), painter, null);
            }
            for (int i = 0; i < matched.length; i++) {
                for (Symbolizer s : matched[i] ? rules.get(i).rule().symbolizers() : List.<Symbolizer>of()) {
                    if (s instanceof TextSymbolizer ts && labels != null) {
                        labels.offer(ts, f, geom);
                    }
                }
            }
            return;
        }
        boolean puntal = geom instanceof Puntal;
        boolean dot = !puntal && screen.width(env) < 1 && screen.height(env) < 1;
        Path2D area = null;
        Path2D lines = null;
        double[] anchors = null;
        for (int i = 0; i < matched.length; i++) {
            if (!matched[i]) {
                continue;
            }
            for (Symbolizer s : rules.get(i).rule().symbolizers()) {
                if (s instanceof TextSymbolizer ts) {
                    if (labels != null) {
                        labels.offer(ts, f, geom);
                    }
                    continue;
                }
                if (dot && !(s instanceof PointSymbolizer)) {
                    Color c = SymbolPainter.dotColor(s);
                    if (c != null) {
                        g.setColor(c);
                        Coordinate c0 = env.centre();
                        g.fillRect((int) Math.floor(screen.x(c0.x)), (int) Math.floor(screen.y(c0.y)), 1, 1);
                    }
                    continue;
                }
                if (s instanceof PolygonSymbolizer p) {
                    if (geom instanceof Polygonal) {
                        area = area != null ? area : screen.polygons(geom);
                        if (area != null) {
                            painter.fill(g, area, p.fill());
                            painter.stroke(g, area, p.stroke());
                        }
                    } else if (geom instanceof Lineal && p.stroke() != null) {
                        lines = lines != null ? lines : screen.lines(geom);
                        if (lines != null) {
                            painter.stroke(g, lines, p.stroke());
                        }
                    }
                } else if (s instanceof LineSymbolizer l) {
                    if (!puntal) {
                        lines = lines != null ? lines : geom instanceof Polygonal && area != null ? area
                                : screen.lines(geom);
                        if (lines != null) {
                            painter.stroke(g, lines, l.stroke());
                        }
                    }
                } else if (s instanceof PointSymbolizer p) {
                    anchors = anchors != null ? anchors : markPoints(geom, screen);
                    for (int k = 0; k < anchors.length; k += 2) {
                        painter.mark(g, anchors[k], anchors[k + 1], p);
                    }
                }
            }
        }
    }

    /** Where marks go, in pixels: each point, the middle of each line, an interior point of each polygon. */
    private static double[] markPoints(Geometry g, ScreenPath screen) {
        List<Coordinate> at = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part.isEmpty()) {
                continue;
            }
            if (part instanceof Point p) {
                at.add(p.getCoordinate());
            } else if (part instanceof LineString l) {
                at.add(new LengthIndexedLine(l).extractPoint(l.getLength() / 2));
            } else {
                try {
                    Point p = part.getInteriorPoint();
                    if (!p.isEmpty()) {
                        at.add(p.getCoordinate());
                    }
                } catch (RuntimeException e) {
                    at.add(part.getEnvelopeInternal().centre());
                }
            }
        }
        double[] xy = new double[2 * at.size()];
        for (int i = 0; i < at.size(); i++) {
            xy[2 * i] = screen.x(at.get(i).x);
            xy[2 * i + 1] = screen.y(at.get(i).y);
        }
        return xy;
    }

    /** Pixels a symbol may reach beyond its geometry: what to read around the view so edges draw right. */
    private static double symbolMargin(List<ActiveRule> rules) {
        double m = 1;
        for (ActiveRule r : rules) {
            for (Symbolizer s : r.rule().symbolizers()) {
                double reach = 0;
                if (s instanceof PolygonSymbolizer p && p.stroke() != null) {
                    reach = p.stroke().width() / 2;
                } else if (s instanceof LineSymbolizer l) {
                    reach = l.stroke().width() / 2;
                } else if (s instanceof PointSymbolizer p) {
                    reach = (p.size() > 0 ? p.size() : SymbolPainter.DEFAULT_MARK_SIZE) / 2
                            + (p.stroke() == null ? 1 : p.stroke().width());
                }
                if (Double.isFinite(reach)) {
                    m = Math.max(m, Math.min(reach + 1, 512));
                }
            }
        }
        return m;
    }
}
