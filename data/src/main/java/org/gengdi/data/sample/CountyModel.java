package org.gengdi.data.sample;

import org.gengdi.core.task.ProgressListener;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;

/**
 * The whole sample county before it becomes features: frame, water, terrain, administrative plan, field grid,
 * the DLTB parcels with their attributes and red-line choice, the thematic zones and the administrative polygons.
 * {@link #build} runs the stages in order; every stage is deterministic in the seed.
 */
final class CountyModel {
    /** Parcels smaller than this (m²) are merged into a neighbour. */
    static final double MIN_PARCEL = 50;

    final SampleCountyOptions options;
    final CountyFrame frame;
    final GeometryFactory crs;
    Water water;
    Terrain terrain;
    AdminPlan admin;
    FieldGrid grid;
    FieldLayout layout;
    Parceller parceller;
    final List<Parcel> parcels = new ArrayList<>();
    Zones zones;
    Geometry county;
    Geometry[] townshipGeom;
    Geometry[] villageGeom;

    private CountyModel(SampleCountyOptions options) {
        this.options = options;
        this.frame = CountyFrame.of(options);
        this.crs = new GeometryFactory(new PrecisionModel(), options.srid());
    }

    static CountyModel build(SampleCountyOptions options, ProgressListener progress) {
        CountyModel m = new CountyModel(options);
        m.run(progress);
        return m;
    }

    private void run(ProgressListener progress) {
        CountyFrame f = frame;
        Rand r = new Rand(f.seed, 5);
        double townX = f.hx * (0.03 + 0.06 * r.nextDouble());
        double townY = f.hy * (-0.12 + 0.06 * r.nextDouble());
        double townRadius = Math.max(500, 1_600 * f.scale);
        progress.progress("terrain", 0, 1);
        water = Water.of(f, townX, townY, townRadius);
        terrain = new Terrain(f, water);
        admin = AdminPlan.of(options, f, terrain, water, townX, townY, townRadius);
        progress.progress("terrain", 1, 1);

        progress.progress("grid", 0, 1);
        grid = FieldGrid.of(f, townX, townY);
        layout = FieldLayout.of(grid, terrain, admin);
        Geometry[] owners = CellTracer.trace(grid, layout.owner, layout.regions + layout.lines, f.gf);
        PreparedGeometry outline = PreparedGeometryFactory.prepare(f.outline);
        boolean[] clipped = new boolean[owners.length];
        for (int o = 0; o < owners.length; o++) {
            Geometry geom = owners[o];
            if (geom == null) {
                continue;
            }
            if (!outline.containsProperly(geom)) {
                geom = OverlayNG.overlay(geom, f.outline, OverlayNG.INTERSECTION, f.pm);
                clipped[o] = true;
            }
            if (water.all.getEnvelopeInternal().intersects(geom.getEnvelopeInternal())
                    && water.preparedAll.intersects(geom)) {
                geom = OverlayNG.overlay(geom, water.all, OverlayNG.DIFFERENCE, f.pm);
                clipped[o] = true;
            }
            owners[o] = geom.isEmpty() || geom.getArea() <= 0 ? null : geom;
        }
        buildAdminPolygons();
        progress.progress("grid", 1, 1);

        LandUse landUse = new LandUse(f.seed, terrain, water, admin);
        Geometry[] regionGeom = java.util.Arrays.copyOf(owners, layout.regions);
        parceller = new Parceller(f, grid, layout, regionGeom, clipped, landUse, terrain, admin);
        // Clipping splits a few Voronoi cells in two: aim the seeds a little low, and redo once if still off.
        double split = 1.05;
        parceller.calibrate((int) Math.round(options.cultivatedParcels() / split), progress);
        List<Parceller.Piece> pieces = parceller.divide(progress);
        int cultivatedPieces = (int) pieces.stream().filter(p -> p.dlbm.startsWith("01")).count();
        if (Math.abs(cultivatedPieces / (double) options.cultivatedParcels() - 1) > 0.03) {
            split *= cultivatedPieces / (double) parceller.cultivatedSeeds;
            parceller.calibrate((int) Math.round(options.cultivatedParcels() / split), progress);
            pieces = parceller.divide(progress);
        }
        List<Parceller.Piece> ponds = parceller.carvePonds(pieces);

        List<Parcel> all = new ArrayList<>();
        for (Parceller.Piece p : pieces) {
            if (p.geom.getArea() > 0) {
                all.add(new Parcel(p.geom, p.dlbm, admin.villages.get(layout.village[p.region]), p.region, 0));
            }
        }
        for (Parceller.Piece p : ponds) {
            all.add(new Parcel(p.geom, p.dlbm, admin.villages.get(layout.village[p.region]), p.region, 0));
        }
        for (int l = 0; l < layout.lines; l++) {
            Geometry geom = owners[layout.regions + l];
            if (geom == null) {
                continue;
            }
            String dlbm = switch (layout.lineType[l]) {
                case FieldGrid.COUNTY -> LandUse.COUNTY_ROAD;
                case FieldGrid.TOWN -> LandUse.STREET;
                case FieldGrid.RURAL -> LandUse.FARM_ROAD;
                default -> LandUse.DITCH;
            };
            AdminPlan.Village v = admin.villages.get(layout.village[layout.regions + l]);
            for (Geometry part : parts(geom)) {
                all.add(new Parcel(part, dlbm, v, -1, layout.lineWidth[l]));
            }
        }
        for (AdminPlan.Village v : admin.villages) {
            Geometry vg = villageGeom[v.index];
            if (vg == null) {
                continue;
            }
            addWater(all, water.river, vg, v, LandUse.RIVER, Water.RIVER_WIDTH);
            addWater(all, water.reservoir, vg, v, LandUse.RESERVOIR, 0);
        }
        all = absorbSlivers(all);
        // DLTB order: by village code, then blocks, ponds, lines and water as built.
        List<Parcel> ordered = new ArrayList<>(all);
        ordered.sort(Comparator.comparing((Parcel p) -> p.village.code));
        parcels.addAll(ordered);

        ParcelAttributes attributes = new ParcelAttributes(f.seed, terrain, water);
        LandUse.Setting[] setting = new LandUse.Setting[layout.regions];
        for (int q = 0; q < layout.regions; q++) {
            setting[q] = parceller.setting(q);
        }
        int[] tbbh = new int[admin.villages.size()];
        long seq = 0;
        for (Parcel p : parcels) {
            p.seq = ++seq;
            p.tbbh = Integer.toString(++tbbh[p.village.index]);
            p.geom = f.toCrs(p.local, crs);
            Coordinate c = p.local.getInteriorPoint().getCoordinate();
            p.x = c.x;
            p.y = c.y;
            attributes.fill(p, p.region >= 0 ? setting[p.region] : null, admin.seatAt(p.x, p.y));
            if (seq % 5_000 == 0) {
                progress.progress("attributes", seq, parcels.size());
            }
        }
        progress.progress("attributes", parcels.size(), parcels.size());

        progress.progress("zones", 0, 5);
        zones = new Zones(f, grid, layout, admin, water, townshipGeom);
        zones.buildUrban();
        double[] cult = new double[layout.regions];
        for (Parcel p : parcels) {
            if (p.region >= 0 && p.cultivated()) {
                cult[p.region] += p.local.getArea() / layout.regionArea[p.region];
            }
        }
        zones.buildEco(landUse, terrain);
        progress.progress("zones", 2, 5);
        for (Parcel p : parcels) {
            if (p.region >= 0) {
                p.inUrbanBoundary = zones.regionUrban[p.region];
            }
            if (p.cultivated()) {
                p.inEcoRedLine = zones.inEco(p.x, p.y);
            }
        }
        new RedLinePlan(f.seed, terrain, layout, admin).select(parcels);
        zones.buildHsf(cult, setting);
        zones.buildRiverRange();
        zones.buildWaterSource();
        progress.progress("zones", 5, 5);
    }

    private void addWater(List<Parcel> out, Geometry water, Geometry village, AdminPlan.Village v, String dlbm,
                          double width) {
        if (water.isEmpty() || !water.getEnvelopeInternal().intersects(village.getEnvelopeInternal())) {
            return;
        }
        Geometry part = OverlayNG.overlay(water, village, OverlayNG.INTERSECTION, frame.pm);
        for (Geometry p : parts(part)) {
            out.add(new Parcel(p, dlbm, v, -1, width));
        }
    }

    /**
     * Merges parcels under {@link #MIN_PARCEL} m² (slivers left where the river or the county edge cuts a block or a
     * road) into the largest neighbour they share an edge with; keeps them when there is none.
     */
    private List<Parcel> absorbSlivers(List<Parcel> all) {
        STRtree index = new STRtree();
        for (Parcel p : all) {
            index.insert(p.local.getEnvelopeInternal(), p);
        }
        java.util.Set<Parcel> gone = new java.util.HashSet<>();
        for (Parcel small : all) {
            if (small.local.getArea() >= MIN_PARCEL || gone.contains(small)) {
                continue;
            }
            Parcel best = null;
            Geometry merged = null;
            for (Object o : index.query(small.local.getEnvelopeInternal())) {
                Parcel p = (Parcel) o;
                if (p == small || gone.contains(p) || (best != null && p.local.getArea() <= best.local.getArea())) {
                    continue;
                }
                Geometry u = OverlayNG.overlay(p.local, small.local, OverlayNG.UNION, frame.pm);
                if (u instanceof Polygon && Math.abs(u.getArea() - p.local.getArea() - small.local.getArea()) < 1e-3) {
                    best = p;
                    merged = u;
                }
            }
            if (best != null) {
                best.local = merged;
                gone.add(small);
            }
        }
        List<Parcel> out = new ArrayList<>(all.size());
        for (Parcel p : all) {
            if (!gone.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static List<Geometry> parts(Geometry g) {
        List<Geometry> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry p = g.getGeometryN(i);
            if (p instanceof Polygon && !p.isEmpty() && p.getArea() > 0) {
                out.add(p);
            }
        }
        return out;
    }

    /** County, township and village polygons from the cells' village labels, clipped to the outline. */
    private void buildAdminPolygons() {
        int[] villageOf = new int[grid.cellCount()];
        int[] townshipOf = new int[grid.cellCount()];
        int[] countyOf = new int[grid.cellCount()];
        for (int k = 0; k < villageOf.length; k++) {
            int o = layout.owner[k];
            if (o < 0) {
                villageOf[k] = -1;
                townshipOf[k] = -1;
                countyOf[k] = -1;
            } else {
                AdminPlan.Village v = admin.villages.get(layout.village[o]);
                villageOf[k] = v.index;
                townshipOf[k] = v.township.index;
                countyOf[k] = 0;
            }
        }
        villageGeom = clipAll(CellTracer.trace(grid, villageOf, admin.villages.size(), frame.gf));
        townshipGeom = clipAll(CellTracer.trace(grid, townshipOf, admin.townships.size(), frame.gf));
        county = clipAll(CellTracer.trace(grid, countyOf, 1, frame.gf))[0];
    }

    private Geometry[] clipAll(Geometry[] gs) {
        Geometry[] out = new Geometry[gs.length];
        for (int i = 0; i < gs.length; i++) {
            if (gs[i] != null) {
                Geometry c = OverlayNG.overlay(gs[i], frame.outline, OverlayNG.INTERSECTION, frame.pm);
                out[i] = c.isEmpty() ? null : c;
            }
        }
        return out;
    }
}
