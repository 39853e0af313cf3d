package org.gengdi.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.Query;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.contiguity.ContiguityOp;
import org.gengdi.process.contiguity.ContiguityParameters;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.gengdi.process.plan.PlanValidationOp;
import org.gengdi.store.geopackage.GeoPackageStore;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * ContiguityScore and plan-validation timings on the default sample county (issue 6 targets: contiguity of the whole
 * county's red line &lt; 3 s; 1,000,000 parcels with linear growth; plan validation with 200 parcels out and in
 * &lt; 1 s).
 *
 * <p>The large counties are the default county's cultivated land (DLTB 0101–0103) tiled side by side (each copy
 * moved by the county's width), so the parcels and their neighbourhoods are real ones; the time and the peak heap
 * are printed for 250,000, 500,000 and 1,000,000 parcels.
 *
 * <pre>AnalysesBench county.gpkg [max-parcels]</pre>
 */
public final class AnalysesBench {
    private AnalysesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path gpkg = Path.of(args[0]);
        int max = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        ContiguityParameters p = ContiguityParameters.defaults();
        try (FeatureStore store = GeoPackageStore.openReadOnly(gpkg)) {
            int srid = store.require("YJJBNTBHTB").schema().srid();
            List<ContiguityOp.Parcel> red = read(store, "YJJBNTBHTB", false);
            double aoi = store.require("DLTB").bounds().getArea();
            for (int i = 0; i < 2; i++) {
                ContiguityOp.compute(red, aoi, p);
            }
            long[] ns = new long[5];
            ContiguityOp.Result r = null;
            for (int i = 0; i < ns.length; i++) {
                long a = System.nanoTime();
                r = ContiguityOp.compute(red, aoi, p);
                ns[i] = System.nanoTime() - a;
            }
            Arrays.sort(ns);
            System.out.printf(Locale.ROOT, "ContiguityScore, whole county red line (%,d parcels): median %.2f s "
                            + "(target < 3 s); %,d patches, CR %.4f, FR %.4f, FCI %.2f%n", red.size(), ns[2] / 1e9,
                    r.patches().size(), r.region().cr(), r.region().fr(), r.region().fci());

            List<ContiguityOp.Parcel> cultivated = read(store, "DLTB", true);
            double width = store.require("DLTB").bounds().getWidth() + 100;
            for (int target : new int[] {250_000, 500_000, 1_000_000}) {
                if (target > max) {
                    break;
                }
                List<ContiguityOp.Parcel> big = new ArrayList<>(target);
                for (int copy = 0; big.size() < target; copy++) {
                    AffineTransformation t = AffineTransformation.translationInstance(copy * width, 0);
                    for (ContiguityOp.Parcel c : cultivated) {
                        if (big.size() == target) {
                            break;
                        }
                        big.add(new ContiguityOp.Parcel(c.id() + "/" + copy, t.transform(c.geometry()),
                                c.slopeClass(), Double.NaN));
                    }
                }
                System.gc();
                resetPeaks();
                long before = used();
                long a = System.nanoTime();
                ContiguityOp.Result rr = ContiguityOp.compute(big, aoi * (1 + target / cultivated.size()), p);
                double secs = (System.nanoTime() - a) / 1e9;
                System.out.printf(Locale.ROOT, "ContiguityScore, %,d parcels (the county's cultivated land tiled): "
                                + "%.2f s (%.2f µs per parcel), peak heap %.0f MB (%.0f MB above the parcels held "
                                + "before), %,d patches%n", target, secs, secs * 1e6 / target, peak() / 1e6,
                        (peak() - before) / 1e6, rr.patches().size());
                big.clear();
            }
            plan(store, srid, red);
        }
    }

    /** 200 removed red-line parcels and 200 added cultivated parcels next to the red line. */
    private static void plan(FeatureStore store, int srid, List<ContiguityOp.Parcel> red) {
        List<String> removed = new ArrayList<>();
        try (FeatureCursor c = store.require("YJJBNTBHTB").query(Query.ALL)) {
            int i = 0;
            while (c.hasNext() && removed.size() < 200) {
                Feature f = c.next();
                if (i++ % 97 == 0) {
                    removed.add(String.valueOf(f.get("YJJBNTTBBH")));
                }
            }
        }
        STRtree index = new STRtree();
        red.forEach(r -> index.insert(r.geometry().getEnvelopeInternal(), r.geometry()));
        index.build();
        List<GeoFeature> added = new ArrayList<>();
        try (FeatureCursor c = store.require("DLTB").query(Query.ALL)) {
            int i = 0;
            while (c.hasNext() && added.size() < 200) {
                Feature f = c.next();
                Object dlbm = f.get("DLBM");
                if (!LandClass.isCultivated(dlbm == null ? null : dlbm.toString()) || "5".equals(f.get("GDPDJB"))
                        || i++ % 13 != 0) {
                    continue;
                }
                Geometry g = f.geometry();
                boolean inside = false;
                boolean near = false;
                for (Object o : index.query(g.getEnvelopeInternal().copy())) {
                    Geometry r = (Geometry) o;
                    if (r.intersects(g) && r.intersection(g).getArea() > 1) {
                        inside = true;
                    }
                    near |= DistanceOp.isWithinDistance(r, g, 8);
                }
                if (!inside && near) {
                    added.add(new GeoFeature(String.valueOf(f.get("BSM")), g, Map.of()));
                }
            }
        }
        StoreContext ctx = new StoreContext(store);
        FarmlandLayers layers = new FarmlandLayers(ctx, Map.of());
        AnalysisZone zone = new AnalysisZone(srid);
        PlanValidationOp.Layout layout = (out, in) -> {
            List<ContiguityOp.Parcel> set = new ArrayList<>();
            Set<String> skip = new HashSet<>(out);
            for (ContiguityOp.Parcel r : red) {
                if (!skip.contains(r.id())) {
                    set.add(r);
                }
            }
            int n = 0;
            for (Geometry g : in) {
                set.add(new ContiguityOp.Parcel("a" + n++, g, null, Double.NaN));
            }
            ContiguityOp.Region reg = ContiguityOp.compute(set, 0, ContiguityParameters.defaults()).region();
            return new double[] {reg.cr(), reg.fr()};
        };
        PlanValidationOp.Plan plan = new PlanValidationOp.Plan("ART17", "NORMAL", removed, added, null, Map.of(),
                "GDDJ", null, null, null);
        for (int i = 0; i < 2; i++) {
            PlanValidationOp.validate(plan, zone, layers, ctx, layout);
        }
        long[] ns = new long[5];
        PlanValidationOp.Result r = null;
        for (int i = 0; i < ns.length; i++) {
            long a = System.nanoTime();
            r = PlanValidationOp.validate(plan, zone, layers, ctx, layout);
            ns[i] = System.nanoTime() - a;
        }
        Arrays.sort(ns);
        PlanValidationOp.Result noLayout = null;
        long[] ns2 = new long[5];
        for (int i = 0; i < ns2.length; i++) {
            long a = System.nanoTime();
            noLayout = PlanValidationOp.validate(plan, zone, layers, ctx, null);
            ns2[i] = System.nanoTime() - a;
        }
        Arrays.sort(ns2);
        System.out.printf(Locale.ROOT, "AdjustmentPlanValidation, %d parcels out and %d in: median %.2f s with the "
                        + "layout check (two contiguity runs over the county red line), %.2f s without it (target "
                        + "< 1 s); overall %s%n", removed.size(), added.size(), ns[2] / 1e9, ns2[2] / 1e9,
                r.report().path("overall").asText());
    }

    private static List<ContiguityOp.Parcel> read(FeatureStore store, String layer, boolean cultivatedOnly) {
        List<ContiguityOp.Parcel> out = new ArrayList<>();
        try (FeatureCursor c = store.require(layer).query(Query.ALL)) {
            while (c.hasNext()) {
                Feature f = c.next();
                Object dlbm = f.get("DLBM");
                if (f.geometry() == null || cultivatedOnly && !LandClass.isCultivated(dlbm == null ? null
                        : dlbm.toString())) {
                    continue;
                }
                Object s = f.get("GDPDJB");
                Object id = layer.equals("YJJBNTBHTB") ? f.get("YJJBNTTBBH") : f.id();
                out.add(new ContiguityOp.Parcel(String.valueOf(id), f.geometry(), s == null ? null : s.toString(),
                        Double.NaN));
            }
        }
        return out;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
