package org.gengdi.data.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The thematic zones of the county, built from whole blocks of the field grid (so their edges follow roads and
 * ditches) or from buffers around the water: the urban development boundary around the county town and two
 * township seats, the ecological red line over the wooded hills, the reservoir and the river, high-standard
 * farmland projects over part of the plain, the river and lake management range, and the drinking-water source
 * protection zones around the reservoir.
 */
final class Zones {

    /** A zone polygon (local coordinates), its township and its layer-specific values. */
    static final class Zone {
        final Geometry local;
        final AdminPlan.Township township;
        final Map<String, Object> values = new LinkedHashMap<>();

        Zone(Geometry local, AdminPlan.Township township) {
            this.local = local;
            this.township = township;
        }

        Zone put(String field, Object value) {
            values.put(field, value);
            return this;
        }
    }

    final List<Zone> urban = new ArrayList<>();
    final List<Zone> eco = new ArrayList<>();
    final List<Zone> hsf = new ArrayList<>();
    final List<Zone> riverRange = new ArrayList<>();
    final List<Zone> waterSource = new ArrayList<>();
    /** Per region: true when inside the urban development boundary. */
    final boolean[] regionUrban;

    private final CountyFrame f;
    private final FieldGrid g;
    private final FieldLayout layout;
    private final AdminPlan admin;
    private final Water water;
    private final Geometry[] townshipGeom;
    private final Geometry reservoirEco;
    private List<IndexedPointInAreaLocator> ecoLocators;

    Zones(CountyFrame f, FieldGrid g, FieldLayout layout, AdminPlan admin, Water water, Geometry[] townshipGeom) {
        this.f = f;
        this.g = g;
        this.layout = layout;
        this.admin = admin;
        this.water = water;
        this.townshipGeom = townshipGeom;
        this.regionUrban = new boolean[layout.regions];
        this.reservoirEco = clip(BufferOp.bufferOp(water.reservoir, 200));
    }

    /** The cells of labelled regions, plus the other cells whose neighbouring blocks all carry the same label. */
    int[] cellLabels(int[] regionLabel) {
        int[] atoms = new int[g.cellCount()];
        Arrays.fill(atoms, -1);
        for (int c = 0; c < g.ncu; c += 2) {
            for (int r = 0; r < g.ncv; r += 2) {
                int o = layout.owner[g.cell(c, r)];
                atoms[g.cell(c, r)] = o >= 0 && o < layout.regions ? regionLabel[o] : -1;
            }
        }
        return spread(atoms);
    }

    /**
     * Labels every inside cell from block cells (even column and row) labelled in {@code atoms}: a block cell keeps
     * its label, a strip or crossing cell takes the label its neighbouring block cells share (none if they differ).
     */
    int[] spread(int[] atoms) {
        int[] out = new int[g.cellCount()];
        Arrays.fill(out, -1);
        for (int c = 0; c < g.ncu; c++) {
            for (int r = 0; r < g.ncv; r++) {
                int k = g.cell(c, r);
                if (layout.owner[k] < 0) {
                    continue;
                }
                boolean oddC = (c & 1) == 1;
                boolean oddR = (r & 1) == 1;
                if (!oddC && !oddR) {
                    out[k] = atoms[k];
                    continue;
                }
                int[][] sides = oddC && oddR
                        ? new int[][] {{c - 1, r - 1}, {c + 1, r - 1}, {c - 1, r + 1}, {c + 1, r + 1}}
                        : oddC ? new int[][] {{c - 1, r}, {c + 1, r}} : new int[][] {{c, r - 1}, {c, r + 1}};
                int label = -2;
                for (int[] sd : sides) {
                    int l = -1;
                    if (sd[0] >= 0 && sd[1] >= 0 && sd[0] < g.ncu && sd[1] < g.ncv
                            && layout.owner[g.cell(sd[0], sd[1])] >= 0) {
                        l = atoms[g.cell(sd[0], sd[1])];
                    }
                    if (label == -2) {
                        label = l;
                    } else if (label != l) {
                        label = -1;
                    }
                }
                out[k] = Math.max(-1, label);
            }
        }
        return out;
    }

    Geometry clip(Geometry local) {
        if (local == null || local.isEmpty()) {
            return local;
        }
        return OverlayNG.overlay(local, f.outline, OverlayNG.INTERSECTION, f.pm);
    }

    /** The urban development boundary (城镇开发边界): town core 41, a ring 42, and the first two 镇 seats (41). */
    void buildUrban() {
        int[] label = new int[layout.regions];
        for (int q = 0; q < layout.regions; q++) {
            double td = admin.townDistance(layout.regionX[q], layout.regionY[q]);
            label[q] = td < 1.12 ? 0 : td < 1.4 ? 1 : -1;
        }
        List<AdminPlan.Township> seats = new ArrayList<>();
        for (AdminPlan.Township t : admin.townships) {
            if (t.index > 0 && t.town) {
                seats.add(t);
            }
        }
        seats.sort((a, b) -> a.code.compareTo(b.code));
        List<AdminPlan.Township> chosen = new ArrayList<>();
        for (AdminPlan.Township t : seats) {
            if (chosen.size() == 2) {
                break;
            }
            int zone = 2 + chosen.size();
            boolean any = false;
            for (int q = 0; q < layout.regions; q++) {
                if (label[q] < 0 && Math.hypot(layout.regionX[q] - t.x, layout.regionY[q] - t.y) < t.seatRadius * 1.5) {
                    label[q] = zone;
                    any = true;
                }
            }
            if (any) {
                chosen.add(t);
            }
        }
        for (int q = 0; q < layout.regions; q++) {
            regionUrban[q] = label[q] >= 0;
        }
        Geometry[] geoms = CellTracer.trace(g, cellLabels(label), 2 + chosen.size(), f.gf);
        for (int z = 0; z < geoms.length; z++) {
            Geometry geom = clip(geoms[z]);
            if (geom == null || geom.isEmpty()) {
                continue;
            }
            AdminPlan.Township t = z < 2 ? admin.townships.get(0) : chosen.get(z - 2);
            urban.add(new Zone(geom, t).put("GHFQDM", z == 1 ? "42" : "41")
                    .put("GHFQMC", z == 1 ? "城镇弹性发展区" : "城镇集中建设区"));
        }
    }

    /**
     * The ecological red line (生态保护红线): the wooded hills per township (drawn on the grid's blocks, independent
     * of parcel boundaries, smoothed by a majority filter), the reservoir with its 200 m belt, and the river on
     * the plain.
     */
    void buildEco(LandUse landUse, Terrain terrain) {
        int[] candidate = new int[g.cellCount()];
        Arrays.fill(candidate, -1);
        for (int c = 0; c < g.ncu; c += 2) {
            for (int r = 0; r < g.ncv; r += 2) {
                int k = g.cell(c, r);
                int o = layout.owner[k];
                if (o < 0 || o >= layout.regions || regionUrban[o]) {
                    continue;
                }
                double x = g.cellX(c, r);
                double y = g.cellY(c, r);
                if (terrain.hilliness(x, y) > 0.45 && landUse.setting(x, y) == LandUse.Setting.WOODLAND) {
                    candidate[k] = admin.villages.get(layout.village[o]).township.index;
                }
            }
        }
        int[] atoms = new int[g.cellCount()];
        Arrays.fill(atoms, -1);
        for (int c = 0; c < g.ncu; c += 2) {
            for (int r = 0; r < g.ncv; r += 2) {
                int k = g.cell(c, r);
                int o = layout.owner[k];
                if (o < 0 || o >= layout.regions || regionUrban[o]) {
                    continue;
                }
                int votes = 0;
                for (int dc = -2; dc <= 2; dc += 2) {
                    for (int dr = -2; dr <= 2; dr += 2) {
                        int cc = c + dc;
                        int rr = r + dr;
                        if (cc >= 0 && rr >= 0 && cc < g.ncu && rr < g.ncv && candidate[g.cell(cc, rr)] >= 0) {
                            votes++;
                        }
                    }
                }
                if (votes >= 5) {
                    atoms[k] = admin.villages.get(layout.village[o]).township.index;
                }
            }
        }
        Geometry[] geoms = CellTracer.trace(g, spread(atoms), admin.townships.size(), f.gf);
        AdminPlan.Township reservoirTownship = admin.nearestVillage(water.reservoirX, water.reservoirY).township;
        String countyCode = admin.countyCode;
        int seq = 1;
        List<Geometry> hills = new ArrayList<>();
        double minArea = 50_000 * Math.min(1, f.scale);
        boolean parkNamed = false;
        for (int t = 0; t < geoms.length; t++) {
            Geometry geom = clip(geoms[t]);
            if (geom == null || geom.isEmpty()) {
                continue;
            }
            geom = OverlayNG.overlay(geom, reservoirEco, OverlayNG.DIFFERENCE, f.pm);
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                Geometry part = withoutSmallHoles((Polygon) geom.getGeometryN(i), 2 * minArea);
                if (part.getArea() < minArea) {
                    continue;
                }
                hills.add(part);
                AdminPlan.Township tw = admin.townships.get(t);
                Zone z = new Zone(part, tw).put("HXBM", countyCode + "ST" + String.format("%03d", seq++))
                        .put("HXMC", tw.name + "丘陵水土保持生态保护红线").put("HXLX", "03")
                        .put("GKCS", "严格禁止开发性、生产性建设活动，在符合现行法律法规前提下，仅允许对生态功能不造成破坏的有限人为活动");
                if (!parkNamed && part.getArea() > 4 * minArea) {
                    z.put("ZRBHDMC", "青龙山省级森林公园");
                    parkNamed = true;
                }
                eco.add(z);
            }
        }
        eco.add(new Zone(reservoirEco, reservoirTownship)
                .put("HXBM", countyCode + "ST" + String.format("%03d", seq++))
                .put("HXMC", Water.RESERVOIR_NAME + "水源涵养生态保护红线").put("HXLX", "01")
                .put("ZRBHDMC", Water.RESERVOIR_NAME + "饮用水水源保护区")
                .put("GKCS", "水源涵养区内禁止新建、扩建与供水设施和保护水源无关的建设项目"));
        Geometry taken = OverlayNG.overlay(f.gf.buildGeometry(hills).union(), reservoirEco, OverlayNG.UNION, f.pm);
        Geometry river = OverlayNG.overlay(water.river, taken, OverlayNG.DIFFERENCE, f.pm);
        for (AdminPlan.Township tw : admin.townships) {
            Geometry tg = townshipGeom[tw.index];
            if (tg == null) {
                continue;
            }
            Geometry part = OverlayNG.overlay(river, tg, OverlayNG.INTERSECTION, f.pm);
            if (part.getArea() < 10_000) {
                continue;
            }
            eco.add(new Zone(part, tw).put("HXBM", countyCode + "ST" + String.format("%03d", seq++))
                    .put("HXMC", Water.RIVER_NAME + tw.name + "段生物多样性维护生态保护红线").put("HXLX", "02")
                    .put("GKCS", "禁止围垦河道、侵占水域岸线，保护河流生态系统"));
        }
    }

    private Polygon withoutSmallHoles(Polygon p, double minHole) {
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            LinearRing h = p.getInteriorRingN(i);
            if (Area.ofRing(h.getCoordinateSequence()) >= minHole) {
                holes.add(h);
            }
        }
        return f.gf.createPolygon(p.getExteriorRing(), holes.toArray(new LinearRing[0]));
    }

    /** True when a point (local) lies in the ecological red line. */
    boolean inEco(double x, double y) {
        if (ecoLocators == null) {
            ecoLocators = new ArrayList<>();
            for (Zone z : eco) {
                ecoLocators.add(new IndexedPointInAreaLocator(z.local));
            }
        }
        Coordinate c = new Coordinate(x, y);
        for (IndexedPointInAreaLocator l : ecoLocators) {
            if (l.locate(c) != Location.EXTERIOR) {
                return true;
            }
        }
        return false;
    }

    /**
     * High-standard farmland projects (高标准农田): plain farmland blocks grouped around project seeds, one
     * project per seed and township, about half of the seeds built.
     */
    void buildHsf(double[] cultivatedShare, LandUse.Setting[] setting) {
        double spacing = 2_600;
        int nx = (int) Math.ceil(2 * f.hx * 1.1 / spacing) + 1;
        int ny = (int) Math.ceil(2 * f.hy * 1.1 / spacing) + 1;
        double x0 = -f.hx * 1.1;
        double y0 = -f.hy * 1.1;
        double[] sx = new double[nx * ny];
        double[] sy = new double[nx * ny];
        boolean[] built = new boolean[nx * ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                sx[k] = x0 + (i + 0.5 + 0.6 * (Rand.unit(f.seed, 0x68736631L, k) - 0.5)) * spacing;
                sy[k] = y0 + (j + 0.5 + 0.6 * (Rand.unit(f.seed, 0x68736632L, k) - 0.5)) * spacing;
                built[k] = Rand.unit(f.seed, 0x68736633L, k) < 0.58;
            }
        }
        Map<Long, Integer> ids = new LinkedHashMap<>();
        int[] label = new int[layout.regions];
        for (int q = 0; q < layout.regions; q++) {
            label[q] = -1;
            double x = layout.regionX[q];
            double y = layout.regionY[q];
            if (setting[q] != LandUse.Setting.FARMLAND || cultivatedShare[q] < 0.6 || regionUrban[q]) {
                continue;
            }
            int ci = (int) Math.floor((x - x0) / spacing);
            int cj = (int) Math.floor((y - y0) / spacing);
            int best = -1;
            double bd = Double.MAX_VALUE;
            for (int i = ci - 1; i <= ci + 1; i++) {
                for (int j = cj - 1; j <= cj + 1; j++) {
                    if (i < 0 || j < 0 || i >= nx || j >= ny) {
                        continue;
                    }
                    int k = i * ny + j;
                    double d = Math.hypot(sx[k] - x, sy[k] - y);
                    if (d < bd) {
                        bd = d;
                        best = k;
                    }
                }
            }
            if (best < 0 || !built[best]) {
                continue;
            }
            int township = admin.villages.get(layout.village[q]).township.index;
            long key = (long) best * 64 + township;
            Integer id = ids.get(key);
            if (id == null) {
                id = ids.size();
                ids.put(key, id);
            }
            label[q] = id;
        }
        Geometry[] geoms = CellTracer.trace(g, cellLabels(label), ids.size(), f.gf);
        Set<String> names = new HashSet<>();
        int n = 0;
        double minArea = 100_000 * Math.min(1, f.scale);
        for (Map.Entry<Long, Integer> e : ids.entrySet()) {
            Geometry geom = clip(geoms[e.getValue()]);
            if (geom == null || geom.isEmpty()) {
                continue;
            }
            geom = OverlayNG.overlay(geom, water.all, OverlayNG.DIFFERENCE, f.pm);
            if (geom.getArea() < minArea) {
                continue;
            }
            AdminPlan.Township tw = admin.townships.get((int) (e.getKey() % 64));
            int year = 2011 + (int) (Rand.unit(f.seed, 0x68736634L, e.getKey()) * 14);
            String name = null;
            for (int tries = 0; tries < 14; tries++) {
                int y = 2011 + (year - 2011 + tries) % 14;
                String candidate = y + "年" + tw.name + "高标准农田建设项目";
                if (names.add(candidate)) {
                    name = candidate;
                    year = y;
                    break;
                }
            }
            if (name == null) {
                name = year + "年" + tw.name + "高标准农田建设项目（" + Names.chineseNumber(2 + n % 9) + "期）";
                names.add(name);
            }
            n++;
            hsf.add(new Zone(geom, tw).put("XMMC", name).put("JSND", year));
        }
    }

    /** The river and reservoir management range (河湖管理范围): 30 m beyond the river banks, 50 m around the lake. */
    void buildRiverRange() {
        Geometry lake = clip(BufferOp.bufferOp(water.reservoir, 50));
        Geometry river = clip(BufferOp.bufferOp(water.river, 30));
        river = OverlayNG.overlay(river, lake, OverlayNG.DIFFERENCE, f.pm);
        for (AdminPlan.Township tw : admin.townships) {
            Geometry tg = townshipGeom[tw.index];
            if (tg == null) {
                continue;
            }
            Geometry r = OverlayNG.overlay(river, tg, OverlayNG.INTERSECTION, f.pm);
            if (r.getArea() > 100) {
                riverRange.add(new Zone(r, tw).put("HHMC", Water.RIVER_NAME).put("HHLX", "河流"));
            }
            Geometry l = OverlayNG.overlay(lake, tg, OverlayNG.INTERSECTION, f.pm);
            if (l.getArea() > 100) {
                riverRange.add(new Zone(l, tw).put("HHMC", Water.RESERVOIR_NAME).put("HHLX", "水库"));
            }
        }
    }

    /** Drinking-water source protection zones (饮用水水源保护区) around the reservoir: 一级 200 m, 二级 beyond. */
    void buildWaterSource() {
        AdminPlan.Township tw = admin.nearestVillage(water.reservoirX, water.reservoirY).township;
        Geometry first = reservoirEco;
        Geometry second = clip(BufferOp.bufferOp(water.reservoir, Math.max(800, 2_000 * f.scale)));
        second = OverlayNG.overlay(second, first, OverlayNG.DIFFERENCE, f.pm);
        waterSource.add(new Zone(first, tw).put("BHQMC", Water.RESERVOIR_NAME + "饮用水水源一级保护区").put("BHQJB", "一级"));
        waterSource.add(new Zone(second, tw).put("BHQMC", Water.RESERVOIR_NAME + "饮用水水源二级保护区").put("BHQJB", "二级"));
    }
}
