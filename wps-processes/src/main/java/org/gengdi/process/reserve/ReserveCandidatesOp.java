package org.gengdi.process.reserve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.measure.EllipsoidalArea;
import org.gengdi.core.rules.Finding;
import org.gengdi.core.rules.Severity;
import org.gengdi.core.rules.Verdict;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.ProcessContext;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.Areas;
import org.gengdi.process.farmland.FarmlandLayers;
import org.gengdi.process.occupation.Findings;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * Candidates for 补划 and the reserve (FARMLAND-RULES.md §A.4, R-RES-PRIORITY): cultivated parcels (DLTB 0101–0103)
 * outside the red line, not in the ecological red line, slope below 25° (R-SLOPE-25-BUBU), not flagged unstable
 * (R-EXCL-UNSTABLE). They are ranked: parcels in the reserve first (R-RES-SOURCE); then by how many M2025 Art.8
 * priority classes they meet — P2 built high-standard farmland, P3 adjoining the red line (≤ dBridge) with quality
 * better than the local average and slope < 15°, P4 irrigated (0101/0102 as proxy), P5 restorable (ZZSXDM
 * JKHF/GCHF) — then near to far from the site (bands of {@value #DISTANCE_BAND} m, 由近及远) and better grade first
 * (质量由高到低). Parcels are taken in that order until the requested net area (and paddy area) is covered.
 * P1 (land-consolidation additions) needs a consolidation-project layer, which the standard layers lack: it is
 * reported as not evaluated.
 */
public final class ReserveCandidatesOp {
    static final double DISTANCE_BAND = 1000;
    static final double ADJACENT = 8;
    static final Set<String> UNSTABLE = Set.of("HDGD", "HQGD", "LQGD", "MQGD", "SHGD", "SMGD");
    static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The selection. */
    public record Result(ObjectNode summary, List<GeoFeature> candidates, double netArea, double paddyArea,
                         Double meanGrade) {
    }

    private record Candidate(Feature feature, double net, boolean paddy, int grade, boolean reserve,
                             List<String> classes, double distance) {
    }

    private ReserveCandidatesOp() {
    }

    /**
     * @param site         the occupied site or area of interest (in the zone); distances are measured from it
     * @param searchRadius how far from the site to look (m)
     * @param requiredNet  the net area to cover (m²)
     * @param requiredPaddy the paddy area to cover (m², 0 for none)
     * @param gradeField   GDDJ or GDDB
     */
    public static Result select(Geometry site, double searchRadius, double requiredNet, double requiredPaddy,
                                String gradeField, AnalysisZone zone, FarmlandLayers layers, ProcessContext ctx) {
        Envelope env = site.getEnvelopeInternal().copy();
        env.expandBy(searchRadius);
        STRtree red = index(layers, LayerKind.RED_LINE, env, zone);
        STRtree esr = index(layers, LayerKind.ECOLOGICAL_RED_LINE, env, zone);
        STRtree reserve = index(layers, LayerKind.RESERVE, env, zone);
        STRtree hsf = index(layers, LayerKind.HIGH_STANDARD_FARMLAND, env, zone);
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(site);
        List<Feature> parcels = new ArrayList<>();
        double gradeSum = 0;
        double gradeArea = 0;
        for (Feature f : layers.read(LayerKind.CULTIVATED_LAND, env, zone)) {
            Object dlbm = f.get("DLBM");
            if (f.geometry() == null || !LandClass.isCultivated(dlbm == null ? null : dlbm.toString())) {
                continue;
            }
            parcels.add(f);
            int g = grade(f, gradeField);
            if (g > 0) {
                double a = f.geometry().getArea();
                gradeSum += g * a;
                gradeArea += a;
            }
        }
        double localMean = gradeArea > 0 ? gradeSum / gradeArea : Double.NaN;
        List<Candidate> candidates = new ArrayList<>();
        int excludedRed = 0;
        int excludedEsr = 0;
        int excludedSlope = 0;
        int excludedUnstable = 0;
        int n = 0;
        for (Feature f : parcels) {
            if (++n % 2000 == 0) {
                ctx.checkCancelled();
            }
            Geometry g = f.geometry();
            if (prepared.intersects(g) || touches(red, g, 0)) {
                excludedRed++;
                continue;
            }
            if (touches(esr, g, 0)) {
                excludedEsr++;
                continue;
            }
            String slope = text(f.get("GDPDJB"));
            if ("5".equals(slope)) {
                excludedSlope++;
                continue;
            }
            String refinement = text(f.get("TBXHDM"));
            if (refinement != null && UNSTABLE.contains(refinement)) {
                excludedUnstable++;
                continue;
            }
            double distance = DistanceOp.distance(site, g);
            if (distance > searchRadius) {
                continue;
            }
            int grade = grade(f, gradeField);
            List<String> classes = new ArrayList<>();
            if (touches(hsf, g, 0)) {
                classes.add("P2");
            }
            if (touches(red, g, ADJACENT) && grade > 0 && grade < localMean && slope != null
                    && slope.compareTo("3") <= 0) {
                classes.add("P3");
            }
            String base = LandClass.base(text(f.get("DLBM")));
            if ("0101".equals(base) || "0102".equals(base)) {
                classes.add("P4");
            }
            String zz = text(f.get("ZZSXDM"));
            if ("JKHF".equals(zz) || "GCHF".equals(zz)) {
                classes.add("P5");
            }
            double area = EllipsoidalArea.squareMetres(g, zone.srid());
            double kcxs = f.get("KCXS") instanceof Number k ? k.doubleValue() : 0;
            candidates.add(new Candidate(f, area * (1 - kcxs), "0101".equals(base), grade, touches(reserve, g, 0),
                    classes, distance));
        }
        candidates.sort(Comparator.comparing((Candidate c) -> !c.reserve())
                .thenComparing(c -> -c.classes().size())
                .thenComparingDouble(c -> Math.floor(c.distance() / DISTANCE_BAND))
                .thenComparingInt(c -> c.grade() <= 0 ? Integer.MAX_VALUE : c.grade())
                .thenComparingDouble(Candidate::distance)
                .thenComparing(c -> c.feature().id()));
        List<GeoFeature> chosen = new ArrayList<>();
        double net = 0;
        double paddy = 0;
        double gw = 0;
        double ga = 0;
        double outsideReserve = 0;
        int rank = 0;
        for (Candidate c : candidates) {
            if (net >= requiredNet && paddy >= requiredPaddy) {
                break;
            }
            if (net >= requiredNet && !c.paddy()) {
                continue; // only paddy still helps
            }
            net += c.net();
            if (c.paddy()) {
                paddy += c.net();
            }
            if (c.grade() > 0) {
                gw += c.grade() * c.net();
                ga += c.net();
            }
            if (!c.reserve()) {
                outsideReserve += c.net();
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rank", ++rank);
            p.put("BSM", c.feature().get("BSM"));
            p.put("DLBM", c.feature().get("DLBM"));
            p.put("ZLDWDM", c.feature().get("ZLDWDM"));
            p.put("GDPDJB", c.feature().get("GDPDJB"));
            p.put(gradeField, c.grade() > 0 ? c.grade() : null);
            p.put("inReserve", c.reserve());
            p.put("priority", String.join(",", c.classes()));
            p.put("DISTANCE_M", Areas.round(c.distance(), 1));
            p.put("NET_M2", Areas.round(c.net(), 2));
            p.put("CUMULATIVE_M2", Areas.round(net, 2));
            chosen.add(new GeoFeature(c.feature().id(), c.feature().geometry(), p));
        }
        ObjectNode s = JSON.createObjectNode();
        Areas.put(s, "required", requiredNet);
        Areas.put(s, "requiredPaddy", requiredPaddy);
        Areas.put(s, "selected", net);
        Areas.put(s, "selectedPaddy", paddy);
        s.put("covered", net >= requiredNet && paddy >= requiredPaddy);
        s.put("parcels", chosen.size());
        s.put("eligibleParcels", candidates.size());
        s.put("gradeScale", gradeField);
        if (!Double.isNaN(localMean)) {
            s.put("localMeanGrade", Areas.round(localMean, 2));
        }
        Double mean = ga > 0 ? Areas.round(gw / ga, 2) : null;
        if (mean != null) {
            s.put("meanGrade", mean);
        }
        ObjectNode ex = s.putObject("excluded");
        ex.put("redLineOrSite", excludedRed).put("ecologicalRedLine", excludedEsr).put("slopeOver25", excludedSlope)
                .put("unstable", excludedUnstable);
        s.put("order", "储备区内优先；Art.8 优先类数多者优先；由近及远（1 km 分段）；质量由高到低 · reserve first, then "
                + "Art.8 priority classes, near to far (1 km bands), better grade first");
        ArrayNode f = s.putArray("findings");
        f.add(Findings.toJson(Finding.of("R-RES-PRIORITY", Severity.INFO, Verdict.INFO, "按 M2025 第八条优先类排序；"
                + "P1（土地综合整治新增耕地）缺少整治项目图层，未评价 · ranked by the Art.8 classes; P1 needs a "
                + "consolidation-project layer", Map.of())));
        boolean hasReserve = layers.has(LayerKind.RESERVE);
        f.add(Findings.toJson(Finding.of("R-RES-SOURCE", Severity.WARN, !hasReserve ? Verdict.NOT_EVALUATED
                : outsideReserve > 0.01 ? Verdict.WARN : Verdict.PASS, !hasReserve ? "储备区图层缺失 · no reserve layer"
                : outsideReserve > 0.01 ? "部分候选地块位于储备区外 " + Areas.round(outsideReserve, 2) + " 平方米 · part of "
                + "the selection lies outside the reserve" : "全部候选位于储备区内 · all candidates in the reserve",
                Map.of("outsideReserve_m2", Areas.round(outsideReserve, 2)))));
        f.add(Findings.toJson(Finding.of("R-SLOPE-25-BUBU", Severity.HARD, Verdict.PASS, "坡度 25 度以上耕地已排除 · "
                + "land over 25° excluded", Map.of("excluded", excludedSlope))));
        f.add(Findings.toJson(Finding.of("R-EXCL-UNSTABLE", Severity.WARN, Verdict.PASS, "不稳定耕地（河道、湖区、林区等"
                + "）已排除 · unstable cultivated land excluded", Map.of("excluded", excludedUnstable))));
        return new Result(s, chosen, net, paddy, mean);
    }

    private static STRtree index(FarmlandLayers layers, LayerKind kind, Envelope env, AnalysisZone zone) {
        STRtree t = new STRtree();
        if (layers.has(kind)) {
            for (Feature f : layers.read(kind, env, zone)) {
                if (f.geometry() != null) {
                    t.insert(f.geometry().getEnvelopeInternal(), PreparedGeometryFactory.prepare(f.geometry()));
                }
            }
        }
        t.build();
        return t;
    }

    /** True when a geometry of the index lies within {@code distance} of g (0: intersects with area). */
    private static boolean touches(STRtree index, Geometry g, double distance) {
        Envelope e = g.getEnvelopeInternal().copy();
        e.expandBy(distance);
        for (Object o : index.query(e)) {
            PreparedGeometry p = (PreparedGeometry) o;
            if (distance > 0 ? DistanceOp.isWithinDistance(p.getGeometry(), g, distance)
                    : p.intersects(g) && p.getGeometry().intersection(g).getArea() > 1.0) {
                return true;
            }
        }
        return false;
    }

    private static int grade(Feature f, String field) {
        return f.type().indexOf(field) >= 0 && f.get(field) instanceof Number n ? n.intValue() : 0;
    }

    private static String text(Object v) {
        return v == null ? null : v.toString().trim();
    }
}
