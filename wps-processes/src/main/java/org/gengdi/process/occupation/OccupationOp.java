package org.gengdi.process.occupation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.measure.EllipsoidalArea;
import org.gengdi.core.rules.Finding;
import org.gengdi.core.rules.Severity;
import org.gengdi.core.rules.Verdict;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.Areas;
import org.gengdi.process.farmland.FarmlandLayers;
import org.gengdi.process.occupation.Overlay.Piece;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The occupation analysis of one footprint (FARMLAND-RULES.md §D.1): the footprint is cut by the land-use parcels
 * (DLTB), so every square metre gets a land class, and by the red line, reserve, high-standard farmland, ecological
 * red line and urban development boundary; each piece's area is ellipsoidal (CGCS2000) and summed unrounded. The
 * footprint must be polygonal and in the analysis zone (a GK plane, §G.8).
 *
 * <p>Net cultivated and red-line areas deduct 田坎 in proportion to the covered share of each parcel
 * (piece × (1 − KCXS), §G.7). The mean quality grade is weighted by net area; parcels without a grade are
 * reported, not counted. Rules whose layer the server does not publish report NOT_EVALUATED.
 *
 * <pre>OccupationResult r = OccupationOp.analyse(footprint, zone, facts, layers, LocalDate.now());</pre>
 */
public final class OccupationOp {
    /** Areas below this (m²) count as no occupation ({@code occ.tolerance_m2}). */
    public static final double TOLERANCE_M2 = 0.01;
    /** {@code temp.maxYears}. */
    public static final int TEMP_MAX_YEARS = 2;
    /** {@code data.maxAgeYears}. */
    public static final int DATA_MAX_AGE_YEARS = 2;
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Geometry footprint;
    private final AnalysisZone zone;
    private final ProjectFacts facts;
    private final FarmlandLayers layers;
    private final LocalDate today;
    private final List<Finding> findings = new ArrayList<>();
    private final List<GeoFeature> pieces = new ArrayList<>();

    /** Key figures, m², for comparisons (avoidance) and tests. */
    public record Figures(double footprint, double cultivated, double cultivatedNet, double redLineGross,
                          double redLineNet, double redLinePaddy, int redLineParcels, double reserve, double hsf,
                          double esr, double insideUdb) {
    }

    /**
     * The analysis.
     *
     * @param report  the report document (tables, findings, requirement)
     * @param figures the key figures
     * @param pieces  the intersection pieces (in the zone) with their layer, attributes and area
     */
    public record OccupationResult(ObjectNode report, Figures figures, List<Finding> findings,
                                   List<GeoFeature> pieces) {
    }

    private OccupationOp(Geometry footprint, AnalysisZone zone, ProjectFacts facts, FarmlandLayers layers,
                         LocalDate today) {
        this.footprint = footprint;
        this.zone = zone;
        this.facts = facts;
        this.layers = layers;
        this.today = today;
    }

    public static OccupationResult analyse(Geometry footprint, AnalysisZone zone, ProjectFacts facts,
                                           FarmlandLayers layers, LocalDate today) {
        return new OccupationOp(footprint, zone, facts, layers, today).run();
    }

    private OccupationResult run() {
        ObjectNode report = JSON.createObjectNode();
        double footprintArea = EllipsoidalArea.squareMetres(footprint, zone.srid());
        ObjectNode header = report.putObject("header");
        header.put("project", facts.name());
        header.put("category", facts.category());
        header.put("use", facts.use());
        header.put("temporary", facts.temporary());
        header.put("declared", "申报事实，未经核实 · declared, not verified");
        Areas.put(header, "footprintArea", footprintArea);
        header.put("zone", "EPSG:" + zone.srid());
        header.put("areaMethod", "CGCS2000 椭球面积（高斯-克吕格 3° 带内叠加，边加密 ≤ 70 m）· ellipsoidal CGCS2000 area; "
                + "overlays in the 3° Gauss-Krüger zone; 田坎按覆盖比例扣除 · KCXS split by covered share; "
                + "sums unrounded, rounded once (m² 2 dp, 公顷 4 dp, 亩 2 dp)");
        header.put("date", today.toString());

        List<Piece> landUse = layers.has(LayerKind.CULTIVATED_LAND)
                ? Overlay.cut(layers, LayerKind.CULTIVATED_LAND, footprint, zone) : List.of();
        Cultivated c = landUse(report, landUse, footprintArea);
        RedLine r = redLine(report, landUse);
        double reserve = simpleLayer(report, LayerKind.RESERVE, "reserve", "储备区 reserve");
        double hsf = simpleLayer(report, LayerKind.HIGH_STANDARD_FARMLAND, "highStandardFarmland",
                "高标准农田 high-standard farmland");
        double esr = ecologicalRedLine(report);
        double udb = urbanBoundary(report, r);
        simpleLayer(report, LayerKind.RIVER_LAKE_RANGE, "riverLakeRange", "河湖管理范围 river/lake range");
        simpleLayer(report, LayerKind.WATER_SOURCE_AREA, "waterSourceArea", "水源保护区 water-source area");
        rules(c, r, reserve, hsf, esr, landUse);
        requirement(report, c, r);
        ArrayNode f = report.putArray("findings");
        for (Finding x : findings) {
            f.add(Findings.toJson(x));
        }
        return new OccupationResult(report, new Figures(footprintArea, c.gross, c.net, r.gross, r.net, r.paddy,
                r.parcels.size(), reserve, hsf, esr, udb), List.copyOf(findings), List.copyOf(pieces));
    }

    // ------------------------------------------------------------------------------------------ land use

    /** What the cultivated-land tables need again later. */
    private static final class Cultivated {
        double gross;
        double net;
        double paddyNet;
        double gradeWeighted;
        double gradeArea;
        Integer dataYear;
        String county;
    }

    private Cultivated landUse(ObjectNode report, List<Piece> pieces, double footprintArea) {
        ObjectNode lu = report.putObject("landUse");
        Cultivated c = new Cultivated();
        if (!layers.has(LayerKind.CULTIVATED_LAND)) {
            lu.put("notEvaluated", "layer " + layers.name(LayerKind.CULTIVATED_LAND) + " is not published");
            findings.add(Finding.of("R-DATA-YEAR", Severity.WARN, Verdict.NOT_EVALUATED, "地类图斑图层缺失 · the "
                    + "land-use layer " + layers.name(LayerKind.CULTIVATED_LAND) + " is not published", Map.of()));
            return c;
        }
        Map<String, double[]> byDlbm = new TreeMap<>();
        Map<String, Double> byFirst = new TreeMap<>();
        Map<String, Double> byCategory = new LinkedHashMap<>();
        Map<String, Double> byOwnership = new LinkedHashMap<>();
        Map<String, double[]> byType = new TreeMap<>();
        Map<String, double[]> bySlope = new TreeMap<>();
        Map<String, double[]> byGrade = new TreeMap<>((a, b) -> Integer.compare(Integer.parseInt(a),
                Integer.parseInt(b)));
        Map<String, double[]> byVillage = new TreeMap<>();
        Map<String, double[]> byTownship = new TreeMap<>();
        Map<String, String> villageNames = new TreeMap<>();
        double covered = 0;
        double noGrade = 0;
        String gradeField = facts.gradeField();
        for (Piece p : pieces) {
            String dlbm = p.string("DLBM");
            double a = p.area();
            covered += a;
            String base = LandClass.base(dlbm);
            byDlbm.computeIfAbsent(base + " " + nameOf(dlbm), k -> new double[1])[0] += a;
            byFirst.merge(LandClass.firstLevel(dlbm) == null ? "?" : LandClass.firstLevel(dlbm), a, Double::sum);
            LandClass.Category cat = LandClass.category(dlbm);
            byCategory.merge(cat == null ? "UNKNOWN" : cat.name(), a, Double::sum);
            String qsxz = p.string("QSXZ");
            byOwnership.merge(qsxz != null && (qsxz.startsWith("1") || qsxz.startsWith("2")) ? "国有 state"
                    : "集体 collective", a, Double::sum);
            String zl = p.string("ZLDWDM");
            String village = zl == null || zl.length() < 12 ? "?" : zl.substring(0, 12);
            String township = zl == null || zl.length() < 9 ? "?" : zl.substring(0, 9);
            if (c.county == null && zl != null && zl.length() >= 6) {
                c.county = zl.substring(0, 6);
            }
            villageNames.putIfAbsent(village, p.string("ZLDWMC"));
            double[] v = byVillage.computeIfAbsent(village, k -> new double[3]);
            double[] t = byTownship.computeIfAbsent(township, k -> new double[3]);
            v[0] += a;
            t[0] += a;
            Object year = p.get("SJNF");
            if (year instanceof Number n && (c.dataYear == null || n.intValue() < c.dataYear)) {
                c.dataYear = n.intValue();
            }
            if (!LandClass.isCultivated(dlbm)) {
                pieces(p, "DLTB", a, a);
                continue;
            }
            double kcxs = number(p.get("KCXS"));
            double net = a * (1 - kcxs);
            pieces(p, "DLTB", a, net);
            c.gross += a;
            c.net += net;
            if (LandClass.isPaddy(dlbm)) {
                c.paddyNet += net;
            }
            v[1] += a;
            v[2] += net;
            t[1] += a;
            t[2] += net;
            double[] ty = byType.computeIfAbsent(base + " " + nameOf(dlbm), k -> new double[2]);
            ty[0] += a;
            ty[1] += net;
            String slope = p.string("GDPDJB");
            String gdlx = p.string("GDLX");
            double[] sl = bySlope.computeIfAbsent((slope == null ? "?" : slope) + "/" + (gdlx == null ? "-" : gdlx),
                    k -> new double[2]);
            sl[0] += a;
            sl[1] += net;
            Object grade = p.get(gradeField);
            if (grade instanceof Number g && g.intValue() > 0) {
                double[] gr = byGrade.computeIfAbsent(Integer.toString(g.intValue()), k -> new double[2]);
                gr[0] += a;
                gr[1] += net;
                c.gradeWeighted += g.intValue() * net;
                c.gradeArea += net;
            } else {
                noGrade += net;
            }
        }
        Areas.put(lu, "covered", covered);
        Areas.put(lu, "outsideParcels", Math.max(0, footprintArea - covered));
        ArrayNode d = lu.putArray("byDlbm");
        byDlbm.forEach((k, v) -> Areas.put(d.addObject().put("dlbm", k.substring(0, k.indexOf(' ')))
                .put("name", k.substring(k.indexOf(' ') + 1)), "area", v[0]));
        ArrayNode fl = lu.putArray("byFirstLevel");
        byFirst.forEach((k, v) -> Areas.put(fl.addObject().put("code", k), "area", v));
        ArrayNode ca = lu.putArray("byCategory");
        byCategory.forEach((k, v) -> Areas.put(ca.addObject().put("category", categoryName(k)), "area", v));
        ArrayNode ow = lu.putArray("byOwnership");
        byOwnership.forEach((k, v) -> Areas.put(ow.addObject().put("ownership", k), "area", v));
        lu.put("townships", byTownship.size());
        lu.put("villages", byVillage.size());
        lu.put("dataYear", c.dataYear);

        ObjectNode cu = report.putObject("cultivated");
        Areas.put(cu, "gross", c.gross);
        Areas.put(cu, "net", c.net);
        Areas.put(cu, "ridges", c.gross - c.net);
        Areas.put(cu, "paddyNet", c.paddyNet);
        ArrayNode ty = cu.putArray("byType");
        byType.forEach((k, v) -> {
            ObjectNode o = ty.addObject().put("dlbm", k.substring(0, k.indexOf(' '))).put("name",
                    k.substring(k.indexOf(' ') + 1));
            Areas.put(o, "gross", v[0]);
            Areas.put(o, "net", v[1]);
        });
        ArrayNode sl = cu.putArray("bySlope");
        bySlope.forEach((k, v) -> {
            ObjectNode o = sl.addObject().put("slopeClass", k.substring(0, k.indexOf('/')))
                    .put("gdlx", k.substring(k.indexOf('/') + 1));
            Areas.put(o, "gross", v[0]);
            Areas.put(o, "net", v[1]);
        });
        ArrayNode gr = cu.putArray("byGrade");
        byGrade.forEach((k, v) -> {
            ObjectNode o = gr.addObject().put("grade", Integer.parseInt(k));
            Areas.put(o, "gross", v[0]);
            Areas.put(o, "net", v[1]);
        });
        cu.put("gradeScale", facts.qualityScale());
        if (c.gradeArea > 0) {
            cu.put("meanGrade", Areas.round(c.gradeWeighted / c.gradeArea, 2));
        }
        Areas.put(cu, "withoutGrade", noGrade);
        ArrayNode vi = cu.putArray("byVillage");
        byVillage.forEach((k, v) -> {
            if (v[1] > 0) {
                ObjectNode o = vi.addObject().put("code", k).put("name", villageNames.get(k));
                Areas.put(o, "gross", v[1]);
                Areas.put(o, "net", v[2]);
            }
        });
        ArrayNode to = cu.putArray("byTownship");
        byTownship.forEach((k, v) -> {
            if (v[1] > 0) {
                ObjectNode o = to.addObject().put("code", k);
                Areas.put(o, "gross", v[1]);
                Areas.put(o, "net", v[2]);
            }
        });
        return c;
    }

    // ------------------------------------------------------------------------------------------ red line

    private static final class RedLine {
        double gross;
        double net;
        double paddy;
        double irrigated;
        double gradeWeighted;
        double gradeArea;
        double notCultivatedNow;
        final Set<String> parcels = new LinkedHashSet<>();
        final List<Geometry> geometries = new ArrayList<>();
    }

    private RedLine redLine(ObjectNode report, List<Piece> landUse) {
        ObjectNode rl = report.putObject("redLine");
        RedLine r = new RedLine();
        if (!layers.has(LayerKind.RED_LINE)) {
            rl.put("notEvaluated", "layer " + layers.name(LayerKind.RED_LINE) + " is not published");
            return r;
        }
        STRtree cultivatedNow = new STRtree();
        for (Piece p : landUse) {
            if (!LandClass.isCultivated(p.string("DLBM"))) {
                cultivatedNow.insert(p.geometry().getEnvelopeInternal(), p);
            }
        }
        Map<String, double[]> byVillage = new TreeMap<>();
        Set<String> notCultivatedParcels = new LinkedHashSet<>();
        String gradeField = facts.gradeField();
        for (Piece p : Overlay.cut(layers, LayerKind.RED_LINE, footprint, zone)) {
            double a = p.area();
            double net = a * (1 - number(p.get("KCXS")));
            pieces(p, "YJJBNTBHTB", a, net);
            r.gross += a;
            r.net += net;
            r.geometries.add(p.geometry());
            String dlbm = p.string("DLBM");
            if (LandClass.isPaddy(dlbm)) {
                r.paddy += net;
            }
            if ("0102".equals(LandClass.base(dlbm))) {
                r.irrigated += net;
            }
            String number = p.string("YJJBNTTBBH");
            r.parcels.add(number == null ? p.feature().id() : number);
            Object grade = p.get(gradeField);
            if (grade instanceof Number g && g.intValue() > 0) {
                r.gradeWeighted += g.intValue() * net;
                r.gradeArea += net;
            }
            String zl = p.string("ZLDWDM");
            double[] v = byVillage.computeIfAbsent(zl == null || zl.length() < 12 ? "?" : zl.substring(0, 12),
                    k -> new double[2]);
            v[0] += a;
            v[1] += net;
            // the share of this red-line piece whose current class (DLTB) is not cultivated land
            for (Object o : cultivatedNow.query(p.geometry().getEnvelopeInternal())) {
                Piece lu = (Piece) o;
                Geometry x = Overlay.polygonal(OverlayNGRobust.overlay(p.geometry(), lu.geometry(),
                        OverlayNG.INTERSECTION));
                if (!x.isEmpty()) {
                    double xa = EllipsoidalArea.squareMetres(x, zone.srid());
                    if (xa > TOLERANCE_M2) {
                        r.notCultivatedNow += xa;
                        notCultivatedParcels.add(number == null ? p.feature().id() : number);
                    }
                }
            }
        }
        Areas.put(rl, "gross", r.gross);
        Areas.put(rl, "net", r.net);
        Areas.put(rl, "paddyNet", r.paddy);
        Areas.put(rl, "irrigatedNet", r.irrigated);
        rl.put("parcelCount", r.parcels.size());
        ArrayNode ids = rl.putArray("parcels");
        r.parcels.forEach(ids::add);
        if (r.gradeArea > 0) {
            rl.put("meanGrade", Areas.round(r.gradeWeighted / r.gradeArea, 2));
        }
        rl.put("gradeScale", facts.qualityScale());
        Areas.put(rl, "currentlyNotCultivated", r.notCultivatedNow);
        ArrayNode nc = rl.putArray("currentlyNotCultivatedParcels");
        notCultivatedParcels.forEach(nc::add);
        ArrayNode vi = rl.putArray("byVillage");
        byVillage.forEach((k, v) -> Areas.put(Areas.put(vi.addObject().put("code", k), "gross", v[0]), "net", v[1]));
        return r;
    }

    // ------------------------------------------------------------------------------------------ other layers

    private double simpleLayer(ObjectNode report, LayerKind kind, String key, String title) {
        ObjectNode o = report.putObject(key);
        o.put("title", title);
        if (!layers.has(kind)) {
            o.put("notEvaluated", "layer " + layers.name(kind) + " is not published");
            return Double.NaN;
        }
        double sum = 0;
        for (Piece p : Overlay.cut(layers, kind, footprint, zone)) {
            sum += p.area();
            pieces(p, layers.name(kind), p.area(), p.area());
        }
        Areas.put(o, "area", sum);
        return sum;
    }

    private double ecologicalRedLine(ObjectNode report) {
        ObjectNode o = report.putObject("ecologicalRedLine");
        if (!layers.has(LayerKind.ECOLOGICAL_RED_LINE)) {
            o.put("notEvaluated", "layer " + layers.name(LayerKind.ECOLOGICAL_RED_LINE) + " is not published");
            return Double.NaN;
        }
        Map<String, Double> byName = new TreeMap<>();
        double sum = 0;
        for (Piece p : Overlay.cut(layers, LayerKind.ECOLOGICAL_RED_LINE, footprint, zone)) {
            sum += p.area();
            byName.merge(String.valueOf(p.string("HXMC")) + " (" + p.string("HXLX") + ")", p.area(), Double::sum);
            pieces(p, layers.name(LayerKind.ECOLOGICAL_RED_LINE), p.area(), p.area());
        }
        Areas.put(o, "area", sum);
        ArrayNode units = o.putArray("byUnit");
        byName.forEach((k, v) -> Areas.put(units.addObject().put("unit", k), "area", v));
        return sum;
    }

    private double urbanBoundary(ObjectNode report, RedLine r) {
        ObjectNode o = report.putObject("urbanBoundary");
        if (!layers.has(LayerKind.URBAN_BOUNDARY)) {
            o.put("notEvaluated", "layer " + layers.name(LayerKind.URBAN_BOUNDARY) + " is not published");
            return Double.NaN;
        }
        double inside = 0;
        double pbfInside = 0;
        List<Piece> in = Overlay.cut(layers, LayerKind.URBAN_BOUNDARY, footprint, zone);
        for (Piece p : in) {
            inside += p.area();
            for (Geometry g : r.geometries) {
                if (g.getEnvelopeInternal().intersects(p.geometry().getEnvelopeInternal())) {
                    Geometry x = Overlay.polygonal(OverlayNGRobust.overlay(g, p.geometry(), OverlayNG.INTERSECTION));
                    if (!x.isEmpty()) {
                        pbfInside += EllipsoidalArea.squareMetres(x, zone.srid());
                    }
                }
            }
        }
        double total = EllipsoidalArea.squareMetres(footprint, zone.srid());
        Areas.put(o, "inside", inside);
        Areas.put(o, "outside", Math.max(0, total - inside));
        Areas.put(o, "redLineInside", pbfInside);
        return inside;
    }

    // ------------------------------------------------------------------------------------------ rules

    private void rules(Cultivated c, RedLine r, double reserve, double hsf, double esr, List<Piece> landUse) {
        boolean pbfKnown = layers.has(LayerKind.RED_LINE);
        boolean occupiesPbf = r.gross > TOLERANCE_M2;
        Map<String, Object> pbf = values("redLineGross_m2", r.gross, "redLineNet_m2", r.net, "parcels",
                r.parcels.size());
        // R-OCC-GENERAL-BAN / R-OCC-MAJOR
        if (!pbfKnown) {
            findings.add(Finding.of("R-OCC-GENERAL-BAN", Severity.HARD, Verdict.NOT_EVALUATED,
                    "永久基本农田图层缺失 · the red-line layer " + layers.name(LayerKind.RED_LINE) + " is not published",
                    Map.of()));
        } else if (facts.category() == null) {
            findings.add(Finding.of("R-OCC-GENERAL-BAN", Severity.HARD, occupiesPbf ? Verdict.NOT_EVALUATED
                    : Verdict.PASS, occupiesPbf ? "占用永久基本农田，但未申报项目类别 (project.category) · occupies the "
                    + "red line; the project category is not declared" : "未占用永久基本农田 · no red-line occupation",
                    pbf));
        } else if (facts.category().equals("GENERAL")) {
            findings.add(Finding.of("R-OCC-GENERAL-BAN", Severity.HARD, occupiesPbf ? Verdict.FAIL : Verdict.PASS,
                    occupiesPbf ? "一般建设项目不得占用永久基本农田：占用 " + Areas.round(r.gross, 2) + " 平方米 · a general "
                            + "project occupies the red line" : "未占用永久基本农田 · no red-line occupation", pbf)
                    .withParcels(List.copyOf(r.parcels)));
        } else if (occupiesPbf) {
            findings.add(Finding.of("R-OCC-MAJOR", Severity.HUMAN, Verdict.HUMAN, "申报为 " + facts.category()
                    + " 类项目（申报事实，未经核实），占用永久基本农田须确实难以避让并报国务院批准 · declared category "
                    + facts.category() + ": occupation allowed only if unavoidable, subject to State Council approval"
                    + (facts.evidence() == null ? "" : "; evidence " + facts.evidence()), pbf));
        }
        // R-OCC-TEMP
        if (facts.temporary()) {
            if (facts.permanentStructures()) {
                findings.add(Finding.of("R-OCC-TEMP", Severity.HARD, Verdict.FAIL,
                        "临时用地不得修建永久性建（构）筑物 · permanent structures declared on temporary land", Map.of()));
            } else if (facts.start() == null || facts.end() == null) {
                findings.add(Finding.of("R-OCC-TEMP", Severity.HUMAN, Verdict.NOT_EVALUATED,
                        "未申报临时用地起止日期 · start and end of the temporary use not declared", Map.of()));
            } else {
                long months = ChronoUnit.MONTHS.between(facts.start(), facts.end());
                boolean tooLong = facts.end().isAfter(facts.start().plusYears(TEMP_MAX_YEARS));
                findings.add(Finding.of("R-OCC-TEMP", tooLong ? Severity.WARN : Severity.HUMAN,
                        tooLong ? Verdict.WARN : Verdict.HUMAN, tooLong ? "临时用地期限超过两年 · the declared period "
                                + "exceeds " + TEMP_MAX_YEARS + " years" : "期限未超过两年；须编制复垦方案并恢复原种植条件 · "
                                + "within two years; a reclamation plan is required",
                        values("months", months)));
            }
        }
        // R-OCC-PROHIBITED
        if (ProjectFacts.PROHIBITED_ON_PBF.contains(facts.use())) {
            findings.add(Finding.of("R-OCC-PROHIBITED", Severity.HARD, !pbfKnown ? Verdict.NOT_EVALUATED
                    : occupiesPbf ? Verdict.FAIL : Verdict.PASS, occupiesPbf ? "禁止占用永久基本农田用于 " + facts.use()
                    + " · a prohibited use on the red line" : "用途 " + facts.use() + " 未涉及永久基本农田 · the "
                    + "prohibited use does not touch the red line", pbf));
        }
        // R-OCC-ESR
        if (Double.isNaN(esr)) {
            findings.add(notEvaluated("R-OCC-ESR", LayerKind.ECOLOGICAL_RED_LINE));
        } else {
            findings.add(Finding.of("R-OCC-ESR", Severity.HUMAN, esr > TOLERANCE_M2 ? Verdict.HUMAN : Verdict.PASS,
                    esr > TOLERANCE_M2 ? "占用生态保护红线 " + Areas.round(esr, 2) + " 平方米，仅国家重大战略项目或允许的有限人为活动"
                            + "可以 · overlaps the ecological red line" : "未占用生态保护红线 · no ecological red line",
                    values("esr_m2", esr)));
        }
        // R-HSF-NOLOSS
        if (Double.isNaN(hsf)) {
            findings.add(notEvaluated("R-HSF-NOLOSS", LayerKind.HIGH_STANDARD_FARMLAND));
        } else if (hsf > TOLERANCE_M2) {
            findings.add(Finding.of("R-HSF-NOLOSS", Severity.WARN, Verdict.WARN, "占用已建高标准农田 "
                    + Areas.round(hsf, 2) + " 平方米，须同等面积补建 · occupies built high-standard farmland; rebuild "
                    + "the same area" + (facts.hsfRebuildCommitment() == null ? "（未申报补建安排 · no 补建 arrangement "
                    + "declared）" : "；补建安排 " + facts.hsfRebuildCommitment()), values("hsf_m2", hsf)));
        } else {
            findings.add(Finding.of("R-HSF-NOLOSS", Severity.WARN, Verdict.PASS, "未占用高标准农田 · no high-standard "
                    + "farmland", values("hsf_m2", hsf)));
        }
        // R-RES-STATUS
        if (Double.isNaN(reserve)) {
            findings.add(notEvaluated("R-RES-STATUS", LayerKind.RESERVE));
        } else {
            findings.add(Finding.of("R-RES-STATUS", Severity.INFO, Verdict.INFO, "占用储备区 " + Areas.round(reserve, 2)
                    + " 平方米，按一般耕地管理，消耗储备 · reserve land is general cultivated land; occupying it consumes "
                    + "the reserve", values("reserve_m2", reserve)));
        }
        // R-OCC-SUP-DUTY / R-SUP-ALL-OCCUPATION
        if (layers.has(LayerKind.CULTIVATED_LAND)) {
            boolean duty = ProjectFacts.SUPPLEMENT_USES.contains(facts.use()) && c.gross > TOLERANCE_M2;
            findings.add(Finding.of("R-OCC-SUP-DUTY", Severity.INFO, Verdict.INFO, duty ? "占用耕地 "
                    + Areas.round(c.net, 2) + " 平方米（净），须补充数量相等、质量相当的耕地或缴纳耕地开垦费 · cultivated land "
                    + "to supplement (same quantity and quality)" : "无占补平衡义务 · no supplementation duty",
                    values("cultivatedNet_m2", c.net, "paddyNet_m2", c.paddyNet)));
            if (List.of("AFFORESTATION", "ORCHARD", "TEA").contains(facts.use())) {
                findings.add(Finding.of("R-SUP-ALL-OCCUPATION", Severity.INFO, Verdict.INFO, "造林、种果、种茶占用耕地同样"
                        + "纳入占补平衡 · afforestation, orchards and tea gardens count too", values("use", facts.use())));
            }
        }
        // R-FEE-PBF-2X
        if (facts.feeRatePerM2() != null && layers.has(LayerKind.CULTIVATED_LAND)) {
            double nonPbf = Math.max(0, c.net - r.net);
            double fee = facts.feeRatePerM2() * nonPbf + 2 * facts.feeRatePerM2() * r.net;
            findings.add(Finding.of("R-FEE-PBF-2X", Severity.INFO, Verdict.INFO, "耕地开垦费估算 " + Areas.round(fee, 2)
                    + " 元（永久基本农田按两倍，送审稿）· reclamation-fee estimate (PBF doubled, draft law)",
                    values("rate_per_m2", facts.feeRatePerM2(), "fee_yuan", Areas.round(fee, 2))));
        }
        // R-DATA-YEAR
        if (c.dataYear != null) {
            boolean stale = today.getYear() - c.dataYear > DATA_MAX_AGE_YEARS;
            findings.add(Finding.of("R-DATA-YEAR", Severity.WARN, stale ? Verdict.WARN : Verdict.PASS,
                    "地类图斑数据年份 " + c.dataYear + (stale ? "，已超过 " + DATA_MAX_AGE_YEARS + " 年 · stale survey data"
                            : " · survey data year"), values("dataYear", c.dataYear)));
        }
    }

    private Finding notEvaluated(String rule, LayerKind kind) {
        return Finding.of(rule, null, Verdict.NOT_EVALUATED, "图层缺失 · layer " + layers.name(kind)
                + " is not published", values("missingLayer", layers.name(kind)));
    }

    // ------------------------------------------------------------------------------------------ requirement

    private void requirement(ObjectNode report, Cultivated c, RedLine r) {
        ObjectNode q = report.putObject("requirement");
        q.put("title", "补划要求 · what must be designated in return");
        Areas.put(q, "redLineArea", r.net);
        Areas.put(q, "paddyArea", r.paddy);
        if (r.gradeArea > 0) {
            q.put("maxMeanGrade", Areas.round(r.gradeWeighted / r.gradeArea, 2));
        }
        q.put("gradeScale", facts.qualityScale());
        q.put("slope", "坡度小于 25 度的耕地 (GDPDJB ≤ 4) · cultivated land with slope < 25°");
        q.put("county", c.county);
        q.put("source", "原则上从储备区补划，县域内统筹 · from the reserve, within the county");
        ArrayNode rules = q.putArray("rules");
        for (String id : List.of("R-BAL-QTY", "R-BAL-QLT", "R-BAL-PADDY", "R-SLOPE-25-BUBU", "R-RES-SOURCE",
                "R-SCOPE-COUNTY")) {
            rules.add(id);
        }
        Areas.put(q, "cultivatedToSupplement", c.net);
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void pieces(Piece p, String layer, double area, double net) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("layer", layer);
        props.put("sourceId", p.feature().id());
        for (String f : List.of("DLBM", "YJJBNTTBBH", "ZLDWDM", "GDPDJB", "GDDJ", "GDDB", "HXMC")) {
            Object v = p.get(f);
            if (v != null) {
                props.put(f, v);
            }
        }
        props.put("AREA_M2", Areas.round(area, 2));
        props.put("NET_M2", Areas.round(net, 2));
        props.put("AREA_MU", Areas.round(area * 15 / 10000, 2));
        pieces.add(new GeoFeature(null, p.geometry(), props));
    }

    private static Map<String, Object> values(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof Double d ? Areas.round(d, 2) : v);
        }
        return m;
    }

    static double number(Object v) {
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : 0;
    }

    private static String nameOf(String dlbm) {
        String n = LandClass.name(dlbm);
        return n == null ? "未知" : n;
    }

    private static String categoryName(String c) {
        return switch (c) {
            case "AGRICULTURAL" -> "农用地 agricultural";
            case "CONSTRUCTION" -> "建设用地 construction";
            case "UNUSED" -> "未利用地 unused";
            default -> "未知 unknown";
        };
    }

    /** Features of a list, for callers that need the source features (not only the pieces). */
    static List<Feature> features(List<Piece> pieces) {
        List<Feature> out = new ArrayList<>();
        for (Piece p : pieces) {
            out.add(p.feature());
        }
        return out;
    }
}
