package org.gengdi.process.occupation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.ProcessContext;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.Areas;
import org.gengdi.process.farmland.FarmlandLayers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

/**
 * Avoidance alternatives (避让方案, FARMLAND-RULES.md §D.1 item 8), each compared side by side with the declared
 * footprint by a full {@link OccupationOp}:
 * <ul>
 *   <li><b>route</b> (a linear project given as a line): the least-cost route between the line's end points over a
 *       cost raster of a corridor around it — ecological red line impassable (crossed only where no route avoids
 *       it, such as an end point inside it), red line {@value #COST_RED_LINE}×,
 *       other cultivated land {@value #COST_CULTIVATED}×, everything else 1× per metre — found by Dijkstra on the
 *       8-connected grid, simplified to the cell size and widened to the project's width;</li>
 *   <li><b>placements</b> (a block site): the same footprint moved within a search radius (16 directions × 4
 *       distances), ranked by ecological-red-line overlap, then red-line overlap, then distance; the best three.</li>
 * </ul>
 * Limits: the raster has at most {@value #MAX_CELLS} cells (the cell grows with the corridor, at least
 * {@value #MIN_CELL} m), so the route follows the terrain of the layers to within a cell; the route does not
 * consider other engineering constraints (curvature, crossings), which the designer must add.
 */
public final class AvoidanceOp {
    static final double COST_RED_LINE = 50;
    static final double COST_CULTIVATED = 5;
    /**
     * The ecological red line: impassable in effect (a route crosses it only where no route avoids it, e.g. when an
     * end point lies inside it, and then as little as possible; the report says so).
     */
    static final double COST_ECOLOGICAL = 1e6;
    static final int MAX_CELLS = 1_500_000;
    static final double MIN_CELL = 5;
    private static final GeometryFactory GF = new GeometryFactory();

    /** Alternatives and their comparison table. */
    public record Result(ObjectNode report, List<GeoFeature> alternatives) {
    }

    private AvoidanceOp() {
    }

    // ------------------------------------------------------------------------------------------ route

    public static Result route(Geometry centreLine, double width, AnalysisZone zone, ProjectFacts facts,
                               FarmlandLayers layers, ProcessContext context) {
        LineString line = longest(centreLine);
        Coordinate a = line.getCoordinateN(0);
        Coordinate b = line.getCoordinateN(line.getNumPoints() - 1);
        double length = line.getLength();
        double margin = Math.max(1000, 0.5 * length);
        Geometry corridor = line.buffer(margin, 4);
        Envelope env = corridor.getEnvelopeInternal();
        double cell = Math.max(MIN_CELL, Math.sqrt(env.getArea() / MAX_CELLS));
        int cols = (int) Math.ceil(env.getWidth() / cell);
        int rows = (int) Math.ceil(env.getHeight() / cell);
        double[] cost = new double[cols * rows];
        Arrays.fill(cost, Double.POSITIVE_INFINITY);
        fill(cost, cols, rows, env, cell, corridor, 1);
        context.checkCancelled();
        for (Feature f : layers.has(LayerKind.CULTIVATED_LAND) ? layers.read(LayerKind.CULTIVATED_LAND, env, zone)
                : List.<Feature>of()) {
            Object dlbm = f.get("DLBM");
            if (LandClass.isCultivated(dlbm == null ? null : dlbm.toString())) {
                raise(cost, cols, rows, env, cell, f.geometry(), COST_CULTIVATED);
            }
        }
        context.checkCancelled();
        if (layers.has(LayerKind.RED_LINE)) {
            for (Feature f : layers.read(LayerKind.RED_LINE, env, zone)) {
                raise(cost, cols, rows, env, cell, f.geometry(), COST_RED_LINE);
            }
        }
        if (layers.has(LayerKind.ECOLOGICAL_RED_LINE)) {
            for (Feature f : layers.read(LayerKind.ECOLOGICAL_RED_LINE, env, zone)) {
                raise(cost, cols, rows, env, cell, f.geometry(), COST_ECOLOGICAL);
            }
        }
        context.checkCancelled();
        // a cell's cost is the highest within half the road's width (and the simplification's tolerance) of it, so
        // the widened route keeps clear of what the centre line avoids
        cost = dilate(cost, cols, rows, (int) Math.ceil((width / 2 + cell) / cell));
        int start = index(a, env, cell, cols, rows);
        int end = index(b, env, cell, cols, rows);
        // the end points themselves must be usable even inside a costly layer
        cost[start] = Math.min(cost[start], COST_RED_LINE);
        cost[end] = Math.min(cost[end], COST_RED_LINE);
        int[] path = dijkstra(cost, cols, rows, start, end, context);
        boolean startInEsr = cost[start] >= COST_ECOLOGICAL;
        boolean endInEsr = cost[end] >= COST_ECOLOGICAL;
        ObjectNode report = OccupationOp.JSON.createObjectNode();
        report.put("mode", "route");
        report.put("method", "least-cost route on a " + Areas.round(cell, 1) + " m grid over a corridor of "
                + Areas.round(margin, 0) + " m either side; costs per metre: ecological red line impassable (crossed "
                + "only where unavoidable), red line "
                + COST_RED_LINE + ", other cultivated land " + COST_CULTIVATED + ", other land 1");
        List<GeoFeature> alternatives = new ArrayList<>();
        if (path == null) {
            report.put("found", false);
            report.put("reason", "no route avoids the impassable layers inside the corridor");
            return new Result(report, alternatives);
        }
        Coordinate[] cs = new Coordinate[path.length];
        for (int i = 0; i < path.length; i++) {
            int c = path[i] % cols;
            int r = path[i] / cols;
            cs[i] = new Coordinate(env.getMinX() + (c + 0.5) * cell, env.getMinY() + (r + 0.5) * cell);
        }
        cs[0] = new Coordinate(a);
        cs[cs.length - 1] = new Coordinate(b);
        Geometry alt = DouglasPeuckerSimplifier.simplify(GF.createLineString(cs), cell);
        BufferParameters p = new BufferParameters(8, BufferParameters.CAP_FLAT, BufferParameters.JOIN_MITRE, 5);
        Geometry footprint = BufferOp.bufferOp(line, width / 2, p);
        Geometry altFootprint = BufferOp.bufferOp(alt, width / 2, p);
        report.put("found", true);
        double crossed = 0;
        for (int i = 1; i < path.length; i++) {
            if (cost[path[i]] >= COST_ECOLOGICAL) {
                crossed += cell;
            }
        }
        report.put("crossesEcologicalRedLine", crossed > 0);
        if (crossed > 0) {
            report.put("note", (startInEsr || endInEsr ? "端点位于生态保护红线内，方案以最短距离穿出 · an end point lies inside "
                    + "the ecological red line; the route leaves it by the shortest way" : "走廊内无不穿越生态保护红线的路线 · no "
                    + "route inside the corridor avoids the ecological red line") + " (~" + Areas.round(crossed, 0)
                    + " m)");
        }
        report.put("lengthOriginal_m", Areas.round(length, 1));
        report.put("lengthAlternative_m", Areas.round(alt.getLength(), 1));
        compare(report, footprint, List.of(altFootprint), zone, facts, layers, context);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("alternative", 1);
        props.put("LENGTH_M", Areas.round(alt.getLength(), 1));
        alternatives.add(new GeoFeature("route-1", alt, props));
        alternatives.add(new GeoFeature("route-1-footprint", altFootprint, props));
        return new Result(report, alternatives);
    }

    private static LineString longest(Geometry g) {
        LineMerger m = new LineMerger();
        m.add(g);
        LineString best = null;
        for (Object o : m.getMergedLineStrings()) {
            LineString l = (LineString) o;
            if (best == null || l.getLength() > best.getLength()) {
                best = l;
            }
        }
        return best;
    }

    private static int index(Coordinate c, Envelope env, double cell, int cols, int rows) {
        int col = Math.min(cols - 1, Math.max(0, (int) ((c.x - env.getMinX()) / cell)));
        int row = Math.min(rows - 1, Math.max(0, (int) ((c.y - env.getMinY()) / cell)));
        return row * cols + col;
    }

    /** Sets the cells whose centre lies in {@code g} to {@code value} (scanline, even-odd over all rings). */
    private static void fill(double[] grid, int cols, int rows, Envelope env, double cell, Geometry g, double value) {
        scan(grid, cols, rows, env, cell, g, value, false);
    }

    /** Raises the cells whose centre lies in {@code g} to at least {@code value} (keeps impassable cells). */
    private static void raise(double[] grid, int cols, int rows, Envelope env, double cell, Geometry g,
                              double value) {
        scan(grid, cols, rows, env, cell, g, value, true);
    }

    private static void scan(double[] grid, int cols, int rows, Envelope env, double cell, Geometry g, double value,
                             boolean max) {
        for (int n = 0; n < g.getNumGeometries(); n++) {
            if (!(g.getGeometryN(n) instanceof Polygon poly)) {
                continue;
            }
            List<Coordinate[]> rings = new ArrayList<>();
            rings.add(poly.getExteriorRing().getCoordinates());
            for (int h = 0; h < poly.getNumInteriorRing(); h++) {
                rings.add(poly.getInteriorRingN(h).getCoordinates());
            }
            Envelope pe = poly.getEnvelopeInternal();
            int r0 = Math.max(0, (int) Math.floor((pe.getMinY() - env.getMinY()) / cell - 0.5));
            int r1 = Math.min(rows - 1, (int) Math.ceil((pe.getMaxY() - env.getMinY()) / cell - 0.5));
            double[] xs = new double[16];
            for (int r = r0; r <= r1; r++) {
                double y = env.getMinY() + (r + 0.5) * cell;
                int k = 0;
                for (Coordinate[] ring : rings) {
                    for (int i = 0; i + 1 < ring.length; i++) {
                        Coordinate p = ring[i];
                        Coordinate q = ring[i + 1];
                        if ((p.y <= y) != (q.y <= y)) {
                            if (k == xs.length) {
                                xs = Arrays.copyOf(xs, k * 2);
                            }
                            xs[k++] = p.x + (y - p.y) / (q.y - p.y) * (q.x - p.x);
                        }
                    }
                }
                Arrays.sort(xs, 0, k);
                for (int i = 0; i + 1 < k; i += 2) {
                    int c0 = Math.max(0, (int) Math.ceil((xs[i] - env.getMinX()) / cell - 0.5));
                    int c1 = Math.min(cols - 1, (int) Math.floor((xs[i + 1] - env.getMinX()) / cell - 0.5));
                    for (int c = c0; c <= c1; c++) {
                        int idx = r * cols + c;
                        grid[idx] = max ? Math.max(grid[idx], value) : value;
                    }
                }
            }
        }
    }

    /** A square maximum filter of radius {@code k} cells (separable: rows, then columns). */
    private static double[] dilate(double[] grid, int cols, int rows, int k) {
        double[] tmp = new double[grid.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double m = 0;
                for (int d = Math.max(0, c - k); d <= Math.min(cols - 1, c + k); d++) {
                    m = Math.max(m, grid[r * cols + d]);
                }
                tmp[r * cols + c] = m;
            }
        }
        double[] out = new double[grid.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) {
                double m = 0;
                for (int d = Math.max(0, r - k); d <= Math.min(rows - 1, r + k); d++) {
                    m = Math.max(m, tmp[d * cols + c]);
                }
                out[r * cols + c] = m;
            }
        }
        return out;
    }

    /** Dijkstra on the 8-connected grid; the cells of the cheapest path from start to end, or null. */
    private static int[] dijkstra(double[] cost, int cols, int rows, int start, int end, ProcessContext context) {
        int n = cost.length;
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        int[] prev = new int[n];
        Arrays.fill(prev, -1);
        Heap heap = new Heap(n);
        dist[start] = 0;
        heap.push(start, 0);
        int[] dc = {1, -1, 0, 0, 1, 1, -1, -1};
        int[] dr = {0, 0, 1, -1, 1, -1, 1, -1};
        double diag = Math.sqrt(2);
        int popped = 0;
        while (!heap.isEmpty()) {
            int u = heap.pop();
            if (u == end) {
                break;
            }
            if (++popped % 100_000 == 0) {
                context.checkCancelled();
            }
            int uc = u % cols;
            int ur = u / cols;
            for (int k = 0; k < 8; k++) {
                int vc = uc + dc[k];
                int vr = ur + dr[k];
                if (vc < 0 || vr < 0 || vc >= cols || vr >= rows) {
                    continue;
                }
                int v = vr * cols + vc;
                if (Double.isInfinite(cost[v])) {
                    continue;
                }
                double d = dist[u] + (cost[u] + cost[v]) / 2 * (k < 4 ? 1 : diag);
                if (d < dist[v]) {
                    dist[v] = d;
                    prev[v] = u;
                    heap.push(v, d);
                }
            }
        }
        if (Double.isInfinite(dist[end])) {
            return null;
        }
        List<Integer> path = new ArrayList<>();
        for (int v = end; v != -1; v = prev[v]) {
            path.add(v);
        }
        int[] out = new int[path.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = path.get(out.length - 1 - i);
        }
        return out;
    }

    /** A binary min-heap of (cell, key) with decrease-key by re-insertion and stale entries skipped. */
    private static final class Heap {
        private int[] cells;
        private double[] keys;
        private int size;
        private final boolean[] done;

        Heap(int n) {
            cells = new int[1024];
            keys = new double[1024];
            done = new boolean[n];
        }

        boolean isEmpty() {
            while (size > 0 && done[cells[0]]) {
                removeTop();
            }
            return size == 0;
        }

        void push(int cell, double key) {
            if (size == cells.length) {
                cells = Arrays.copyOf(cells, size * 2);
                keys = Arrays.copyOf(keys, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (keys[parent] <= key) {
                    break;
                }
                cells[i] = cells[parent];
                keys[i] = keys[parent];
                i = parent;
            }
            cells[i] = cell;
            keys[i] = key;
        }

        int pop() {
            int top = cells[0];
            done[top] = true;
            removeTop();
            return top;
        }

        private void removeTop() {
            size--;
            if (size == 0) {
                return;
            }
            int cell = cells[size];
            double key = keys[size];
            int i = 0;
            while (true) {
                int l = 2 * i + 1;
                if (l >= size) {
                    break;
                }
                int c = l + 1 < size && keys[l + 1] < keys[l] ? l + 1 : l;
                if (keys[c] >= key) {
                    break;
                }
                cells[i] = cells[c];
                keys[i] = keys[c];
                i = c;
            }
            cells[i] = cell;
            keys[i] = key;
        }
    }

    // ------------------------------------------------------------------------------------------ placements

    public static Result placements(Geometry footprint, double radius, AnalysisZone zone, ProjectFacts facts,
                                    FarmlandLayers layers, ProcessContext context) {
        Envelope env = footprint.getEnvelopeInternal().copy();
        env.expandBy(radius);
        STRtree red = index(layers, LayerKind.RED_LINE, env, zone);
        STRtree esr = index(layers, LayerKind.ECOLOGICAL_RED_LINE, env, zone);
        record Candidate(Geometry geometry, double dx, double dy, double esr, double red) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int ring = 1; ring <= 4; ring++) {
            double d = radius * ring / 4;
            for (int k = 0; k < 16; k++) {
                context.checkCancelled();
                double angle = 2 * Math.PI * k / 16;
                double dx = d * Math.cos(angle);
                double dy = d * Math.sin(angle);
                Geometry moved = AffineTransformation.translationInstance(dx, dy).transform(footprint);
                candidates.add(new Candidate(moved, dx, dy, overlap(esr, moved), overlap(red, moved)));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::esr).thenComparingDouble(Candidate::red)
                .thenComparingDouble(c -> Math.hypot(c.dx(), c.dy())));
        List<Candidate> best = candidates.subList(0, Math.min(3, candidates.size()));
        ObjectNode report = OccupationOp.JSON.createObjectNode();
        report.put("mode", "placements");
        report.put("method", "the footprint moved 16 directions × 4 distances up to " + Areas.round(radius, 0)
                + " m, ranked by ecological-red-line overlap, then red-line overlap, then distance");
        report.put("found", true);
        List<Geometry> alts = new ArrayList<>();
        List<GeoFeature> features = new ArrayList<>();
        int i = 0;
        for (Candidate c : best) {
            alts.add(c.geometry());
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("alternative", ++i);
            props.put("DX_M", Areas.round(c.dx(), 1));
            props.put("DY_M", Areas.round(c.dy(), 1));
            features.add(new GeoFeature("placement-" + i, c.geometry(), props));
        }
        compare(report, footprint, alts, zone, facts, layers, context);
        return new Result(report, features);
    }

    private static STRtree index(FarmlandLayers layers, LayerKind kind, Envelope env, AnalysisZone zone) {
        STRtree t = new STRtree();
        if (layers.has(kind)) {
            for (Feature f : layers.read(kind, env, zone)) {
                if (f.geometry() != null) {
                    t.insert(f.geometry().getEnvelopeInternal(), f.geometry());
                }
            }
        }
        t.build();
        return t;
    }

    /** Planar overlap area (m² in the zone): a ranking measure; the comparison uses ellipsoidal areas. */
    private static double overlap(STRtree index, Geometry g) {
        PreparedGeometry p = PreparedGeometryFactory.prepare(g);
        double sum = 0;
        for (Object o : index.query(g.getEnvelopeInternal())) {
            Geometry x = (Geometry) o;
            if (p.intersects(x)) {
                sum += p.covers(x) ? x.getArea() : Overlay.polygonal(g.intersection(x)).getArea();
            }
        }
        return sum;
    }

    /** The side-by-side table (方案比选): the declared footprint and each alternative. */
    private static void compare(ObjectNode report, Geometry footprint, List<Geometry> alternatives,
                                AnalysisZone zone, ProjectFacts facts, FarmlandLayers layers,
                                ProcessContext context) {
        ArrayNode rows = report.putArray("comparison");
        row(rows.addObject().put("option", "申报方案 declared"), OccupationOp.analyse(footprint, zone, facts, layers,
                LocalDate.now()).figures());
        int i = 0;
        for (Geometry g : alternatives) {
            context.checkCancelled();
            row(rows.addObject().put("option", "避让方案 alternative " + (++i)), OccupationOp.analyse(g, zone, facts,
                    layers, LocalDate.now()).figures());
        }
    }

    private static void row(ObjectNode o, OccupationOp.Figures f) {
        Areas.put(o, "footprint", f.footprint());
        Areas.put(o, "redLineGross", f.redLineGross());
        Areas.put(o, "redLineNet", f.redLineNet());
        Areas.put(o, "redLinePaddy", f.redLinePaddy());
        o.put("redLineParcels", f.redLineParcels());
        Areas.put(o, "cultivated", f.cultivated());
        if (!Double.isNaN(f.esr())) {
            Areas.put(o, "ecologicalRedLine", f.esr());
        }
        if (!Double.isNaN(f.hsf())) {
            Areas.put(o, "highStandardFarmland", f.hsf());
        }
        if (!Double.isNaN(f.reserve())) {
            Areas.put(o, "reserve", f.reserve());
        }
    }
}
