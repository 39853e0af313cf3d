package org.gengdi.process.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.measure.EllipsoidalArea;
import org.gengdi.core.rules.Finding;
import org.gengdi.core.rules.Severity;
import org.gengdi.core.rules.Verdict;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.InputValue;
import org.gengdi.process.ProcessContext;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.Areas;
import org.gengdi.process.farmland.FarmlandLayers;
import org.gengdi.process.occupation.Findings;
import org.gengdi.process.occupation.Overlay;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Validation of a red-line adjustment plan (调整补划方案, FARMLAND-RULES.md §D.2): the balance table before / 调出 /
 * 调入 / after, and the check list 1–10 with each rule's verdict, measured values and the parcels at fault, using
 * the rule subset of the plan type (§D.3).
 *
 * <p>Removed parcels are read from the red line by number; added parcels are described by the land-use layer
 * under them (current class, slope, grade, 田坎), never by the caller's attributes. County totals "before" stream
 * the whole red line once; its areas come from YJJBNTTBMJ / YJJBNTMJ where the database holds them (as the PBF
 * database reports), else ellipsoidal. Layout (R-BAL-LAYOUT) uses the contiguity engine when one is given.
 */
public final class PlanValidationOp {
    /** Areas below this count as none (m²). */
    static final double TOLERANCE = 1.0;
    static final double D_BRIDGE = 8;
    static final Set<String> UNSTABLE = Set.of("HDGD", "HQGD", "LQGD", "MQGD", "SHGD", "SMGD");
    static final Set<String> DETECTABLE = Set.of("SLOPE15", "RIVER_LAKE", "FRAGMENTED");
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /**
     * The plan as declared.
     *
     * @param type           plan.type (ART14 … ART23, MAJOR_PROJECT)
     * @param context        plan.context (NORMAL, ESR_ADJUSTMENT, UDB_ADJUSTMENT)
     * @param removed        red-line numbers (YJJBNTTBBH) to remove
     * @param added          parcels to add, in the zone (id, geometry)
     * @param pbfTask        county.pbfTask in m², or null
     * @param reasons        removal reason codes by red-line number
     * @param gradeField     GDDJ or GDDB
     * @param hsfCommitment  the 补建 arrangement, or null
     * @param maxShare       plan.maxShare (0–1) or null (off)
     * @param projectFootprint a project footprint for the evasion proxy (zone), or null
     */
    public record Plan(String type, String context, List<String> removed, List<GeoFeature> added, Double pbfTask,
                       Map<String, Set<String>> reasons, String gradeField, String hsfCommitment, Double maxShare,
                       Geometry projectFootprint) {
    }

    /** The validation. */
    public record Result(ObjectNode report, List<GeoFeature> changes, List<Finding> findings) {
    }

    /** Measures layout (CR, FR) of a red line; given by the contiguity engine. */
    public interface Layout {
        /** {@code {CR, FR}} of the red line with the given parcels removed and added. */
        double[] measure(Set<String> removedNumbers, List<Geometry> addedGeometries);
    }

    private final Plan plan;
    private final AnalysisZone zone;
    private final FarmlandLayers layers;
    private final ProcessContext ctx;
    private final Layout layout;
    private final List<Finding> findings = new ArrayList<>();
    private final ArrayNode checklist = JSON.createArrayNode();

    private PlanValidationOp(Plan plan, AnalysisZone zone, FarmlandLayers layers, ProcessContext ctx, Layout layout) {
        this.plan = plan;
        this.zone = zone;
        this.layers = layers;
        this.ctx = ctx;
        this.layout = layout;
    }

    public static Result validate(Plan plan, AnalysisZone zone, FarmlandLayers layers, ProcessContext ctx,
                                  Layout layout) {
        return new PlanValidationOp(plan, zone, layers, ctx, layout).run();
    }

    /** Totals of a parcel set for the balance table. */
    private static final class Totals {
        int count;
        double gross;
        double net;
        double paddy;
        double irrigated;
        double gradeWeighted;
        double gradeArea;
        double conflict;
        final double[] slope = new double[6];

        void add(double g, double n, String dlbm, double grade, String slopeClass, boolean unstable) {
            count++;
            gross += g;
            net += n;
            if (LandClass.isPaddy(dlbm)) {
                paddy += n;
            }
            if ("0102".equals(LandClass.base(dlbm))) {
                irrigated += n;
            }
            if (!Double.isNaN(grade) && grade > 0) {
                gradeWeighted += grade * n;
                gradeArea += n;
            }
            int s = slopeClass == null || !slopeClass.matches("[1-5]") ? 0 : Integer.parseInt(slopeClass);
            slope[s] += n;
            if (s >= 4 || unstable) {
                conflict += n;
            }
        }

        void add(PlanParcel p) {
            count++;
            gross += p.area();
            net += p.net();
            paddy += p.paddyNet();
            irrigated += p.irrigatedNet();
            if (!Double.isNaN(p.grade())) {
                gradeWeighted += p.grade() * p.net();
                gradeArea += p.net();
            }
            int s = p.slopeClass() == null || !p.slopeClass().matches("[1-5]") ? 0 : Integer.parseInt(p.slopeClass());
            slope[s] += p.net();
            if (s >= 4 || p.unstable() != null) {
                conflict += p.net();
            }
        }

        double meanGrade() {
            return gradeArea > 0 ? gradeWeighted / gradeArea : Double.NaN;
        }
    }

    private Result run() {
        ObjectNode report = JSON.createObjectNode();
        ObjectNode header = report.putObject("header");
        header.put("planType", plan.type()).put("context", plan.context()).put("gradeScale", plan.gradeField())
                .put("zone", "EPSG:" + zone.srid()).put("declared", "申报事实，未经核实 · declared, not verified");
        if (plan.pbfTask() != null) {
            Areas.put(header, "pbfTask", plan.pbfTask());
        }
        if (!layers.has(LayerKind.RED_LINE) || !layers.has(LayerKind.CULTIVATED_LAND)) {
            throw new org.gengdi.process.ProcessException(org.gengdi.process.ProcessException.Kind.UNAVAILABLE, null,
                    "plan validation needs the red line " + layers.name(LayerKind.RED_LINE) + " and the land-use layer "
                            + layers.name(LayerKind.CULTIVATED_LAND));
        }
        ctx.progress(5, "reading the red line");
        Totals before = new Totals();
        Map<String, Feature> removedFeatures = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>(plan.removed());
        STRtree redIndex = new STRtree();
        try (FeatureCursor c = ctx.features(new InputValue.LayerReference(layers.name(LayerKind.RED_LINE), null),
                zone.srid())) {
            int n = 0;
            while (c.hasNext()) {
                Feature f = c.next();
                if (++n % 5000 == 0) {
                    ctx.checkCancelled();
                }
                double[] a = areas(f);
                before.add(a[0], a[1], str(f, "DLBM"), grade(f), str(f, "GDPDJB"), UNSTABLE.contains(nz(str(f,
                        "TBXHDM"))));
                String number = str(f, "YJJBNTTBBH");
                if (number != null && wanted.contains(number)) {
                    removedFeatures.put(number, f);
                }
                if (f.geometry() != null) {
                    redIndex.insert(f.geometry().getEnvelopeInternal(), new Object[] {number, f.geometry()});
                }
            }
        }
        redIndex.build();
        ctx.progress(30, "describing the parcels");
        // ---- check 1: data QA
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String number : plan.removed()) {
            if (!removedFeatures.containsKey(number)) {
                missing.add(number);
            }
        }
        if (!missing.isEmpty()) {
            problems.add("调出图斑不在现状永久基本农田中 · removed parcels not in the current red line: " + missing);
        }
        List<PlanParcel> out = new ArrayList<>();
        Totals outTotals = new Totals();
        for (Map.Entry<String, Feature> e : removedFeatures.entrySet()) {
            Feature f = e.getValue();
            double[] a = areas(f);
            String dlbm = str(f, "DLBM");
            PlanParcel p = new PlanParcel(e.getKey(), f.geometry(), a[0], a[1], LandClass.isCultivated(dlbm) ? 1 : 0,
                    LandClass.isPaddy(dlbm) ? a[1] : 0, "0102".equals(LandClass.base(dlbm)) ? a[1] : 0, grade(f),
                    str(f, "GDPDJB"), UNSTABLE.contains(nz(str(f, "TBXHDM"))) ? str(f, "TBXHDM") : null,
                    county(f));
            out.add(p);
            outTotals.add(a[0], a[1], dlbm, grade(f), str(f, "GDPDJB"), p.unstable() != null);
        }
        List<PlanParcel> in = new ArrayList<>();
        Totals inTotals = new Totals();
        List<String> overlapPbf = new ArrayList<>();
        List<String> overlapOut = new ArrayList<>();
        for (GeoFeature g : plan.added()) {
            PlanParcel p = describeAdded(g);
            in.add(p);
            inTotals.add(p);
            if (overlapArea(redIndex, g.geometry(), Set.of()) > TOLERANCE) {
                overlapPbf.add(p.id());
            }
            for (PlanParcel o : out) {
                if (o.geometry() != null && o.geometry().intersects(g.geometry())
                        && Overlay.polygonal(o.geometry().intersection(g.geometry())).getArea() > TOLERANCE) {
                    overlapOut.add(p.id());
                }
            }
        }
        if (!overlapPbf.isEmpty()) {
            problems.add("调入图斑与现状永久基本农田重叠 · added parcels overlap the current red line: " + overlapPbf);
        }
        if (!overlapOut.isEmpty()) {
            problems.add("调入与调出图斑重叠 · added parcels overlap removed ones: " + overlapOut);
        }
        check(1, "数据质检 data QA", List.of(), problems.isEmpty() ? Verdict.PASS : Verdict.FAIL, problems);

        extent = new Envelope();
        for (PlanParcel p : out) {
            if (p.geometry() != null) {
                extent.expandToInclude(p.geometry().getEnvelopeInternal());
            }
        }
        for (PlanParcel p : in) {
            extent.expandToInclude(p.geometry().getEnvelopeInternal());
        }
        // the layout measures (two contiguity runs over the county) go on beside the other checks
        java.util.concurrent.CompletableFuture<double[]> layoutBefore = null;
        java.util.concurrent.CompletableFuture<double[]> layoutAfter = null;
        java.util.concurrent.ExecutorService pool = null;
        if (layout != null) {
            pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "gengdi-plan-layout");
                t.setDaemon(true);
                return t;
            });
            List<Geometry> addedGeometries = geometries(in);
            Set<String> removedNumbers = new LinkedHashSet<>(plan.removed());
            layoutBefore = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> layout.measure(Set.of(), List.of()), pool);
            layoutAfter = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> layout.measure(removedNumbers, addedGeometries), pool);
        }
        ctx.progress(50, "checking the rules");
        // ---- check 2: plan type
        add(2, Finding.of("R-ADJ-TYPE", Severity.HUMAN, Verdict.HUMAN, "申报调整类型 " + plan.type() + "：" + route(plan.type())
                + " · declared route", Map.of("planType", plan.type())));
        // ---- check 3: gates
        boolean art1617 = plan.type().equals("ART16") || plan.type().equals("ART17");
        if (art1617) {
            add(3, reserveGate());
        }
        if (plan.type().equals("ART17")) {
            boolean paired = plan.removed().isEmpty() || !plan.added().isEmpty();
            add(3, Finding.of("R-ADJ-PAIRED", Severity.HARD, paired ? Verdict.PASS : Verdict.FAIL, paired
                    ? "调出与调入同时申请 · removal paired with addition" : "年度调整只调出不调入 · removal without addition",
                    Map.of("removed", out.size(), "added", in.size())));
        }
        boolean redraw = "ESR_ADJUSTMENT".equals(plan.context()) || "UDB_ADJUSTMENT".equals(plan.context());
        boolean stateRoute = plan.type().equals("ART18") || plan.type().equals("ART19");
        add(3, Finding.of("R-ADJ-NO-PIGGYBACK", redraw ? Severity.HARD : Severity.HUMAN, redraw && !stateRoute
                ? Verdict.FAIL : redraw ? Verdict.PASS : Verdict.HUMAN, redraw && !stateRoute ? "在生态保护红线/城镇开发边界"
                + "调整中擅自调整永久基本农田 · PBF adjusted inside an ESR/UDB redraw" : "申报背景 " + plan.context()
                + " · declared context", Map.of("context", plan.context())));
        // ---- check 4: removal eligibility
        removalCriteria(out);
        add(4, layerOverlap("R-HSF-NOLOSS", LayerKind.HIGH_STANDARD_FARMLAND, out, Severity.WARN,
                "调出高标准农田，须补建 · removes high-standard farmland; rebuild required"
                        + (plan.hsfCommitment() == null ? "（未申报补建安排）" : "；补建安排 " + plan.hsfCommitment()),
                "调出不涉及高标准农田 · no high-standard farmland removed"));
        double udbOut = overlapWith(LayerKind.URBAN_BOUNDARY, geometries(out));
        double udbIn = overlapWith(LayerKind.URBAN_BOUNDARY, geometries(in));
        if (layers.has(LayerKind.URBAN_BOUNDARY)) {
            boolean down = udbOut - udbIn > TOLERANCE;
            add(4, Finding.of("R-SCOPE-UDB", Severity.WARN, down ? Verdict.WARN : Verdict.PASS, down
                    ? "城镇开发边界内永久基本农田减少 · red line inside the urban boundary decreases"
                    : "城镇开发边界内永久基本农田未减少 · red line inside the urban boundary not reduced",
                    values("removedInside_m2", udbOut, "addedInside_m2", udbIn)));
        } else {
            add(4, notEvaluated("R-SCOPE-UDB", LayerKind.URBAN_BOUNDARY));
        }
        // ---- check 5: addition eligibility
        List<String> notCultivated = new ArrayList<>();
        List<String> steep = new ArrayList<>();
        List<String> unstable = new ArrayList<>();
        Set<String> counties = new LinkedHashSet<>();
        for (PlanParcel p : out) {
            if (p.county() != null) {
                counties.add(p.county());
            }
        }
        List<String> otherCounty = new ArrayList<>();
        for (PlanParcel p : in) {
            if (p.cultivated() < 0.99) {
                notCultivated.add(p.id());
            }
            if ("5".equals(p.slopeClass())) {
                steep.add(p.id());
            }
            if (p.unstable() != null) {
                unstable.add(p.id());
            }
            if (!counties.isEmpty() && p.county() != null && !counties.contains(p.county())) {
                otherCounty.add(p.id());
            }
        }
        List<String> bubu = new ArrayList<>(notCultivated);
        steep.stream().filter(s -> !bubu.contains(s)).forEach(bubu::add);
        add(5, Finding.of("R-SLOPE-25-BUBU", Severity.HARD, bubu.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                bubu.isEmpty() ? "调入均为坡度小于 25 度的耕地 · all added parcels are cultivated land below 25°"
                        : "调入图斑非耕地或坡度 25 度以上 · added parcels not cultivated or over 25°",
                values("notCultivated", notCultivated.size(), "over25", steep.size())).withParcels(bubu));
        add(5, Finding.of("R-EXCL-UNSTABLE", Severity.WARN, unstable.isEmpty() ? Verdict.PASS : Verdict.WARN,
                unstable.isEmpty() ? "调入无不稳定耕地 · no unstable land added" : "调入含不稳定耕地（河道/湖区/林区等）· unstable "
                        + "land added", values("parcels", unstable.size())).withParcels(unstable));
        Finding esr = layerOverlap("R-OCC-THREE-LINES", LayerKind.ECOLOGICAL_RED_LINE, in, Severity.HARD,
                "调入图斑位于生态保护红线内 · added parcels inside the ecological red line",
                "调入不涉及生态保护红线 · no added parcel in the ecological red line");
        add(5, esr);
        add(5, reserveSource(in));
        add(5, Finding.of("R-SCOPE-COUNTY", Severity.WARN, otherCounty.isEmpty() ? Verdict.PASS : Verdict.WARN,
                otherCounty.isEmpty() ? "县域内统筹 · within the county" : "调入图斑位于其他县 · added parcels in another county",
                values("counties", String.join(",", counties))).withParcels(otherCounty));
        // ---- check 6: balance
        Totals after = new Totals();
        after.count = before.count - outTotals.count + inTotals.count;
        after.gross = before.gross - outTotals.gross + inTotals.gross;
        after.net = before.net - outTotals.net + inTotals.net;
        after.paddy = before.paddy - outTotals.paddy + inTotals.paddy;
        after.irrigated = before.irrigated - outTotals.irrigated + inTotals.irrigated;
        after.gradeWeighted = before.gradeWeighted - outTotals.gradeWeighted + inTotals.gradeWeighted;
        after.gradeArea = before.gradeArea - outTotals.gradeArea + inTotals.gradeArea;
        after.conflict = before.conflict - outTotals.conflict + inTotals.conflict;
        for (int i = 0; i < 6; i++) {
            after.slope[i] = before.slope[i] - outTotals.slope[i] + inTotals.slope[i];
        }
        // compared at the reporting precision (m², 2 dp, §G.7): equal parcels in other places of the zone differ
        // by far less than that in ellipsoidal area
        boolean qty = inTotals.net + 0.005 >= outTotals.net;
        add(6, Finding.of("R-BAL-QTY", Severity.HARD, qty ? Verdict.PASS : Verdict.FAIL, qty ? "数量不减 · quantity "
                + "not reduced" : "调入面积少于调出 · less added than removed", values("removed_m2", outTotals.net,
                "added_m2", inTotals.net)));
        if (plan.type().equals("ART15")) {
            boolean more = inTotals.net > outTotals.net + TOLERANCE;
            add(6, Finding.of("R-ADJ-CONSOLIDATION", Severity.WARN, more ? Verdict.PASS : Verdict.WARN, more
                    ? "整治调整面积增加 · area increases" : "土地整治调整面积未增加 · a consolidation plan should add area",
                    values("removed_m2", outTotals.net, "added_m2", inTotals.net)));
        }
        double gOut = outTotals.meanGrade();
        double gIn = inTotals.meanGrade();
        boolean gradesKnown = !Double.isNaN(gIn) && (out.isEmpty() || !Double.isNaN(gOut))
                && inTotals.gradeArea >= inTotals.net - TOLERANCE;
        add(6, Finding.of("R-BAL-QLT", gradesKnown ? Severity.HARD : Severity.HUMAN, !gradesKnown ? Verdict.HUMAN
                : out.isEmpty() || gIn <= gOut + 1e-9 ? Verdict.PASS : Verdict.FAIL, !gradesKnown ? "部分图斑缺少质量等级，"
                + "须人工核实 · some parcels have no grade" : out.isEmpty() || gIn <= gOut + 1e-9 ? "质量不降 · quality not "
                + "lowered" : "调入平均质量等级低于调出 · added land is of lower quality", values("removedMeanGrade", gOut,
                "addedMeanGrade", gIn)));
        boolean paddy = inTotals.paddy + 0.005 >= outTotals.paddy;
        add(6, Finding.of("R-BAL-PADDY", Severity.WARN, paddy ? Verdict.PASS : Verdict.WARN, paddy ? "水田面积未减少 · "
                + "paddy not reduced" : "占水田补旱地 · paddy replaced by dry land", values("removedPaddy_m2",
                outTotals.paddy, "addedPaddy_m2", inTotals.paddy)));
        double shareBefore = before.net > 0 ? before.conflict / before.net : 0;
        double shareAfter = after.net > 0 ? after.conflict / after.net : 0;
        boolean eco = esr.verdict() != Verdict.FAIL && shareAfter <= shareBefore + 1e-12;
        add(6, Finding.of("R-BAL-ECO", esr.verdict() == Verdict.FAIL ? Severity.HARD : Severity.WARN,
                esr.verdict() == Verdict.FAIL ? Verdict.FAIL : esr.verdict() == Verdict.NOT_EVALUATED
                        ? Verdict.NOT_EVALUATED : eco ? Verdict.PASS : Verdict.WARN,
                esr.verdict() == Verdict.FAIL ? "调入涉及生态保护红线 · added land in the ecological red line" : eco
                        ? "生态冲突图斑占比未上升 · the ecologically conflicting share does not rise" : "生态冲突图斑（15 度以上、"
                        + "不稳定耕地）占比上升 · the ecologically conflicting share rises",
                values("conflictShareBefore", shareBefore, "conflictShareAfter", shareAfter)));
        if (layout != null) {
            double[] b;
            double[] a;
            try {
                b = layoutBefore.join();
                a = layoutAfter.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : e;
            } finally {
                pool.shutdown();
            }
            boolean ok = a[0] + 1e-12 >= b[0] && a[1] <= b[1] + 1e-12;
            add(6, Finding.of("R-BAL-LAYOUT", Severity.WARN, ok ? Verdict.PASS : Verdict.WARN, ok ? "集中连片度未下降 · "
                    + "layout not worse" : "集中连片率下降或零星破碎率上升 · contiguity worse", values("CR_before", b[0],
                    "CR_after", a[0], "FR_before", b[1], "FR_after", a[1])));
            report.putObject("layout").put("CR_before", Areas.round(b[0], 6)).put("CR_after", Areas.round(a[0], 6))
                    .put("FR_before", Areas.round(b[1], 6)).put("FR_after", Areas.round(a[1], 6));
        } else {
            add(6, Finding.of("R-BAL-LAYOUT", Severity.WARN, Verdict.NOT_EVALUATED, "未接入集中连片度计算 · no "
                    + "contiguity engine", Map.of()));
        }
        if (plan.pbfTask() == null) {
            add(6, Finding.of("R-TASK", Severity.HUMAN, Verdict.NOT_EVALUATED, "未申报永久基本农田保护任务 county.pbfTask · "
                    + "the protection task is not declared", Map.of()));
        } else {
            boolean ok = after.net + 0.005 >= plan.pbfTask();
            add(6, Finding.of("R-TASK", Severity.HARD, ok ? Verdict.PASS : Verdict.FAIL, ok ? "调整后不低于保护任务 · the "
                    + "task is kept" : "调整后低于保护任务 · below the protection task", values("after_m2", after.net,
                    "task_m2", plan.pbfTask())));
        }
        // ---- check 7: contiguity of added land
        List<String> isolated = new ArrayList<>();
        Set<String> removedSet = new HashSet<>(plan.removed());
        for (int i = 0; i < in.size(); i++) {
            PlanParcel p = in.get(i);
            boolean near = withinDistance(redIndex, p.geometry(), removedSet);
            for (int j = 0; !near && j < in.size(); j++) {
                near = j != i && DistanceOp.isWithinDistance(p.geometry(), in.get(j).geometry(), D_BRIDGE);
            }
            if (!near) {
                isolated.add(p.id());
            }
        }
        add(7, Finding.of("R-CONTIG-ADJ", Severity.WARN, isolated.isEmpty() ? Verdict.PASS : Verdict.WARN,
                isolated.isEmpty() ? "调入图斑均与永久基本农田相邻（≤ " + D_BRIDGE + " 米）· added parcels adjoin the red line"
                        : "调入图斑与现有永久基本农田不相邻 · added parcels away from the red line", values("dBridge_m",
                        D_BRIDGE, "isolated", isolated.size())).withParcels(isolated));
        // ---- check 8: scale
        if (plan.maxShare() == null) {
            add(8, Finding.of("R-ADJ-SMALL", Severity.WARN, Verdict.INFO, "未启用调整规模上限 plan.maxShare · no cap "
                    + "configured", values("removedShare", before.net > 0 ? outTotals.net / before.net : 0)));
        } else {
            double share = before.net > 0 ? outTotals.net / before.net : 0;
            add(8, Finding.of("R-ADJ-SMALL", Severity.WARN, share <= plan.maxShare() ? Verdict.PASS : Verdict.WARN,
                    "调出占比 " + Areas.round(share * 100, 2) + "% · share removed", values("removedShare", share,
                            "maxShare", plan.maxShare())));
        }
        // ---- check 9: evasion proxy
        if (plan.projectFootprint() == null) {
            add(9, Finding.of("R-ADJ-NO-EVASION", Severity.HUMAN, Verdict.HUMAN, "未提供建设项目范围，无法核查规避审批 · no "
                    + "project footprint given", Map.of()));
        } else {
            List<String> hit = new ArrayList<>();
            for (PlanParcel p : out) {
                if (p.geometry() != null && p.geometry().intersects(plan.projectFootprint())) {
                    hit.add(p.id());
                }
            }
            add(9, Finding.of("R-ADJ-NO-EVASION", Severity.WARN, hit.isEmpty() ? Verdict.PASS : Verdict.WARN,
                    hit.isEmpty() ? "调出图斑与项目范围无关 · removed parcels away from the project" : "调出图斑与建设项目范围"
                            + "相交，疑似规避审批 · removed parcels meet the project footprint", values("parcels",
                            hit.size())).withParcels(hit));
        }
        // ---- check 10: output package
        List<GeoFeature> changes = changes(out, in);
        add(10, Finding.of("R-ADJ-DB-UPDATE", Severity.INFO, Verdict.INFO, "输出划入划出图斑（HRHCLXDM 1 划入 / 2 划出），"
                + "按永久基本农田数据库结构 · the change parcels in the red-line structure", values("parcels",
                changes.size())));

        ObjectNode balance = report.putObject("balance");
        row(balance.putObject("before"), before);
        row(balance.putObject("removed"), outTotals);
        row(balance.putObject("added"), inTotals);
        row(balance.putObject("after"), after);
        if (layers.has(LayerKind.HIGH_STANDARD_FARMLAND)) {
            Areas.put(balance.putObject("highStandardFarmland"), "removed", overlapWith(
                    LayerKind.HIGH_STANDARD_FARMLAND, geometries(out)));
            Areas.put((ObjectNode) balance.get("highStandardFarmland"), "added", overlapWith(
                    LayerKind.HIGH_STANDARD_FARMLAND, geometries(in)));
        }
        if (layers.has(LayerKind.URBAN_BOUNDARY)) {
            Areas.put(Areas.put(balance.putObject("insideUrbanBoundary"), "removed", udbOut), "added", udbIn);
        }
        report.set("checklist", checklist);
        ArrayNode f = report.putArray("findings");
        findings.forEach(x -> f.add(Findings.toJson(x)));
        boolean failed = findings.stream().anyMatch(x -> x.verdict() == Verdict.FAIL)
                || checklist.get(0).path("verdict").asText().equals("FAIL");
        report.put("overall", failed ? "FAIL" : "PASS_WITH_REVIEW");
        return new Result(report, changes, List.copyOf(findings));
    }

    // ------------------------------------------------------------------------------------------ parts

    private PlanParcel describeAdded(GeoFeature g) {
        Geometry geom = g.geometry();
        double area = EllipsoidalArea.squareMetres(geom, zone.srid());
        double cultivated = 0;
        double net = 0;
        double paddy = 0;
        double irrigated = 0;
        double gw = 0;
        double ga = 0;
        String slope = null;
        String unstable = null;
        String county = null;
        for (Overlay.Piece p : Overlay.cut(layers, LayerKind.CULTIVATED_LAND, geom, zone)) {
            String dlbm = p.string("DLBM");
            double kcxs = p.get("KCXS") instanceof Number n ? n.doubleValue() : 0;
            double pn = p.area() * (1 - kcxs);
            net += pn;
            if (LandClass.isCultivated(dlbm)) {
                cultivated += p.area();
            }
            if (LandClass.isPaddy(dlbm)) {
                paddy += pn;
            }
            if ("0102".equals(LandClass.base(dlbm))) {
                irrigated += pn;
            }
            if (p.get(plan.gradeField()) instanceof Number n && n.intValue() > 0) {
                gw += n.intValue() * pn;
                ga += pn;
            }
            String s = p.string("GDPDJB");
            if (s != null && (slope == null || s.compareTo(slope) > 0)) {
                slope = s;
            }
            String tb = p.string("TBXHDM");
            if (tb != null && UNSTABLE.contains(tb)) {
                unstable = tb;
            }
            String zl = p.string("ZLDWDM");
            if (county == null && zl != null && zl.length() >= 6) {
                county = zl.substring(0, 6);
            }
        }
        String id = g.id() != null ? g.id() : g.properties().getOrDefault("BSM", "added-" + System.identityHashCode(g))
                .toString();
        return new PlanParcel(id, geom, area, net, area > 0 ? cultivated / area : 0, paddy, irrigated,
                ga > 0 && ga >= net - TOLERANCE ? gw / ga : Double.NaN, slope, unstable, county);
    }

    private Finding reserveGate() {
        if (plan.pbfTask() == null) {
            return Finding.of("R-RES-1PCT", Severity.HARD, Verdict.NOT_EVALUATED, "未申报保护任务 county.pbfTask，无法判定"
                    + "储备区 1% 条件 · the task is not declared", Map.of());
        }
        if (!layers.has(LayerKind.RESERVE)) {
            return notEvaluated("R-RES-1PCT", LayerKind.RESERVE);
        }
        double cultivated = 0;
        try (FeatureCursor c = ctx.features(new InputValue.LayerReference(layers.name(LayerKind.RESERVE), null),
                zone.srid())) {
            while (c.hasNext()) {
                Feature r = c.next();
                if (r.geometry() == null) {
                    continue;
                }
                for (Overlay.Piece p : Overlay.cut(layers, LayerKind.CULTIVATED_LAND, r.geometry(), zone)) {
                    if (LandClass.isCultivated(p.string("DLBM"))) {
                        double kcxs = p.get("KCXS") instanceof Number n ? n.doubleValue() : 0;
                        cultivated += p.area() * (1 - kcxs);
                    }
                }
            }
        }
        double share = cultivated / plan.pbfTask();
        boolean ok = share > 0.01;
        return Finding.of("R-RES-1PCT", Severity.HARD, ok ? Verdict.PASS : Verdict.FAIL, "储备区耕地占保护任务 "
                + Areas.round(share * 100, 3) + "%（须超过 1%）· reserve cultivated land as a share of the task",
                values("reserveCultivated_m2", cultivated, "share", share));
    }

    private Finding reserveSource(List<PlanParcel> in) {
        if (!layers.has(LayerKind.RESERVE)) {
            return notEvaluated("R-RES-SOURCE", LayerKind.RESERVE);
        }
        double total = 0;
        double inside = 0;
        for (PlanParcel p : in) {
            total += p.area();
            inside += overlapWith(LayerKind.RESERVE, List.of(p.geometry()));
        }
        double outside = Math.max(0, total - inside);
        return Finding.of("R-RES-SOURCE", Severity.WARN, outside > TOLERANCE ? Verdict.WARN : Verdict.PASS,
                outside > TOLERANCE ? "部分调入地块不在储备区内 · part of the added land is outside the reserve"
                        : "调入地块均来自储备区 · all added land comes from the reserve", values("outside_m2", outside,
                        "outsideShare", total > 0 ? outside / total : 0));
    }

    private void removalCriteria(List<PlanParcel> out) {
        boolean art17 = plan.type().equals("ART17");
        if (!art17 && plan.reasons().isEmpty()) {
            return;
        }
        List<String> undetected = new ArrayList<>();
        List<String> none = new ArrayList<>();
        Map<String, Object> detected = new LinkedHashMap<>();
        boolean riverLayer = layers.has(LayerKind.RIVER_LAKE_RANGE);
        for (PlanParcel p : out) {
            Set<String> found = new LinkedHashSet<>();
            if (p.slopeClass() != null && p.slopeClass().compareTo("4") >= 0) {
                found.add("SLOPE15");
            }
            if ("HDGD".equals(p.unstable()) || "HQGD".equals(p.unstable())
                    || riverLayer && overlapWith(LayerKind.RIVER_LAKE_RANGE, List.of(p.geometry())) > TOLERANCE) {
                found.add("RIVER_LAKE");
            }
            Set<String> claimed = plan.reasons().getOrDefault(p.id(), Set.of());
            detected.put(p.id(), String.join(",", found));
            for (String c : claimed) {
                if (DETECTABLE.contains(c) && !c.equals("FRAGMENTED") && !found.contains(c)) {
                    undetected.add(p.id() + ":" + c);
                }
            }
            if (claimed.isEmpty() && found.isEmpty()) {
                none.add(p.id());
            }
        }
        boolean warn = !undetected.isEmpty() || art17 && !none.isEmpty();
        List<String> faults = new ArrayList<>(undetected);
        faults.addAll(none);
        add(4, Finding.of("R-ADJ-REMOVE-CRIT", Severity.WARN, warn ? Verdict.WARN : Verdict.HUMAN, warn
                ? "申报理由未被数据证实或无理由 · claimed reasons not found in the data, or no reason"
                : "调出理由已申报（可由数据核实的已核实）· reasons declared; data-checkable ones confirmed",
                values("undetectedClaims", undetected.size(), "withoutReason", none.size(), "detected",
                        detected.toString())).withParcels(faults));
    }

    private Finding layerOverlap(String rule, LayerKind kind, List<PlanParcel> parcels, Severity severity,
                                 String failMessage, String passMessage) {
        if (!layers.has(kind)) {
            return notEvaluated(rule, kind);
        }
        List<String> hit = new ArrayList<>();
        double sum = 0;
        for (PlanParcel p : parcels) {
            double a = overlapWith(kind, List.of(p.geometry()));
            if (a > TOLERANCE) {
                hit.add(p.id());
                sum += a;
            }
        }
        Verdict bad = severity == Severity.HARD ? Verdict.FAIL : Verdict.WARN;
        return Finding.of(rule, severity, hit.isEmpty() ? Verdict.PASS : bad, hit.isEmpty() ? passMessage
                : failMessage, values("area_m2", sum, "parcels", hit.size())).withParcels(hit);
    }

    /** Each constraint layer read once over the plan's extent and indexed (plans touch many parcels). */
    private final Map<LayerKind, STRtree> layerIndexes = new java.util.EnumMap<>(LayerKind.class);
    private Envelope extent;

    private STRtree layerIndex(LayerKind kind) {
        return layerIndexes.computeIfAbsent(kind, k -> {
            STRtree t = new STRtree();
            for (Feature f : layers.read(k, extent, zone)) {
                if (f.geometry() != null) {
                    t.insert(f.geometry().getEnvelopeInternal(), f.geometry());
                }
            }
            t.build();
            return t;
        });
    }

    private double overlapWith(LayerKind kind, List<Geometry> geometries) {
        if (!layers.has(kind)) {
            return Double.NaN;
        }
        STRtree index = layerIndex(kind);
        double sum = 0;
        for (Geometry g : geometries) {
            if (g == null) {
                continue;
            }
            for (Object o : index.query(g.getEnvelopeInternal())) {
                Geometry x = (Geometry) o;
                if (x.intersects(g)) {
                    Geometry piece = Overlay.polygonal(OverlayNGRobust.overlay(x, g, OverlayNG.INTERSECTION));
                    if (!piece.isEmpty()) {
                        sum += EllipsoidalArea.squareMetres(piece, zone.srid());
                    }
                }
            }
        }
        return sum;
    }

    private static double overlapArea(STRtree index, Geometry g, Set<String> excluded) {
        double sum = 0;
        for (Object o : index.query(g.getEnvelopeInternal())) {
            Object[] e = (Object[]) o;
            if (excluded.contains(e[0])) {
                continue;
            }
            Geometry r = (Geometry) e[1];
            if (r.intersects(g)) {
                sum += Overlay.polygonal(OverlayNGRobust.overlay(r, g, OverlayNG.INTERSECTION)).getArea();
            }
        }
        return sum;
    }

    private static boolean withinDistance(STRtree index, Geometry g, Set<String> excluded) {
        Envelope e = g.getEnvelopeInternal().copy();
        e.expandBy(D_BRIDGE);
        for (Object o : index.query(e)) {
            Object[] x = (Object[]) o;
            if (!excluded.contains(x[0]) && DistanceOp.isWithinDistance((Geometry) x[1], g, D_BRIDGE)) {
                return true;
            }
        }
        return false;
    }

    private List<GeoFeature> changes(List<PlanParcel> out, List<PlanParcel> in) {
        List<GeoFeature> c = new ArrayList<>();
        for (PlanParcel p : out) {
            c.add(new GeoFeature(p.id(), p.geometry(), change(p, "2", p.id())));
        }
        int n = 0;
        for (PlanParcel p : in) {
            c.add(new GeoFeature(p.id(), p.geometry(), change(p, "1", null)));
            n++;
        }
        return c;
    }

    private Map<String, Object> change(PlanParcel p, String code, String number) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("HRHCLXDM", code);
        m.put("YJJBNTTBBH", number);
        m.put("SOURCE_ID", p.id());
        m.put("XZQDM", p.county());
        m.put("GDPDJB", p.slopeClass());
        m.put(plan.gradeField(), Double.isNaN(p.grade()) ? null : Areas.round(p.grade(), 2));
        m.put("YJJBNTTBMJ", Areas.round(p.area(), 2));
        m.put("YJJBNTMJ", Areas.round(p.net(), 2));
        return m;
    }

    private static List<Geometry> geometries(List<PlanParcel> ps) {
        List<Geometry> g = new ArrayList<>();
        for (PlanParcel p : ps) {
            if (p.geometry() != null) {
                g.add(p.geometry());
            }
        }
        return g;
    }

    private double[] areas(Feature f) {
        double gross = num(f, "YJJBNTTBMJ");
        double net = num(f, "YJJBNTMJ");
        if (gross <= 0) {
            gross = f.geometry() == null ? 0 : EllipsoidalArea.squareMetres(f.geometry(), zone.srid());
        }
        if (net <= 0) {
            net = gross * (1 - num(f, "KCXS"));
        }
        return new double[] {gross, net};
    }

    private double grade(Feature f) {
        double g = num(f, plan.gradeField());
        return g > 0 ? g : Double.NaN;
    }

    private static double num(Feature f, String field) {
        return f.type().indexOf(field) >= 0 && f.get(field) instanceof Number n ? n.doubleValue() : 0;
    }

    private static String str(Feature f, String field) {
        if (f.type().indexOf(field) < 0) {
            return null;
        }
        Object v = f.get(field);
        return v == null ? null : v.toString().trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String county(Feature f) {
        String x = str(f, "XZQDM");
        if (x == null || x.length() < 6) {
            x = str(f, "ZLDWDM");
        }
        return x == null || x.length() < 6 ? null : x.substring(0, 6);
    }

    private static String route(String type) {
        return switch (type) {
            case "ART14" -> "高标准农田建设，验收后报省级备案 · HSF construction, recorded with the province";
            case "ART15" -> "土地综合整治，省级审批 · land consolidation, province approves";
            case "ART16" -> "村集体公益设施，省级审批、市级核实 · collective infrastructure, province approves";
            case "ART17" -> "年度调整，省级审批 · annual adjustment, province approves";
            case "ART18" -> "国务院批准 · State Council";
            case "ART19" -> "规划修改调整任务 · task change through plan revision";
            case "ART23" -> "划定不实纠正 · correction of mis-designation";
            default -> "重大建设项目占用补划 · 补划 after a major project";
        };
    }

    private void check(int number, String title, List<String> rules, Verdict verdict, List<String> problems) {
        ObjectNode c = checklist.addObject();
        c.put("check", number).put("title", title).put("verdict", verdict.name());
        ArrayNode r = c.putArray("rules");
        rules.forEach(r::add);
        ArrayNode p = c.putArray("problems");
        problems.forEach(p::add);
    }

    private void add(int check, Finding f) {
        findings.add(f);
        ObjectNode entry = null;
        for (var c : checklist) {
            if (c.path("check").asInt() == check) {
                entry = (ObjectNode) c;
            }
        }
        if (entry == null) {
            entry = checklist.addObject();
            entry.put("check", check).put("title", TITLES.getOrDefault(check, "")).put("verdict", "PASS");
            entry.putArray("rules");
            entry.putArray("problems");
        }
        ((ArrayNode) entry.get("rules")).add(f.rule().id());
        entry.put("verdict", worse(entry.path("verdict").asText(), f.verdict()));
    }

    private static final Map<Integer, String> TITLES = Map.of(2, "调整类型 plan type", 3, "前置条件 gate conditions",
            4, "调出合规 removal eligibility", 5, "调入合规 addition eligibility", 6, "平衡 balance", 7,
            "调入集中连片 contiguity of added land", 8, "调整规模 scale", 9, "规避审批 evasion proxy", 10,
            "成果数据 output package");

    private static String worse(String current, Verdict v) {
        List<String> order = List.of("INFO", "PASS", "HUMAN", "NOT_EVALUATED", "WARN", "FAIL");
        return order.indexOf(v.name()) > order.indexOf(current) ? v.name() : current;
    }

    private Finding notEvaluated(String rule, LayerKind kind) {
        return Finding.of(rule, null, Verdict.NOT_EVALUATED, "图层缺失 · layer " + layers.name(kind)
                + " is not published", values("missingLayer", layers.name(kind)));
    }

    private static void row(ObjectNode o, Totals t) {
        o.put("parcels", t.count);
        Areas.put(o, "gross", t.gross);
        Areas.put(o, "net", t.net);
        Areas.put(o, "paddy", t.paddy);
        Areas.put(o, "irrigated", t.irrigated);
        double g = t.meanGrade();
        if (!Double.isNaN(g)) {
            o.put("meanGrade", Areas.round(g, 2));
        }
        ObjectNode s = o.putObject("slope");
        for (int i = 1; i <= 5; i++) {
            s.put(Integer.toString(i), Areas.round(t.slope[i], 2));
        }
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Double d ? (Double.isNaN(d) ? null : Areas.round(d, 4)) : v);
        }
        return m;
    }
}
