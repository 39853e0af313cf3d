package org.gengdi.process.plan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.measure.AreaUnit;
import org.gengdi.process.DataType;
import org.gengdi.process.Format;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.process.InputValue;
import org.gengdi.process.OutputDescription;
import org.gengdi.process.OutputValue;
import org.gengdi.process.ProcessContext;
import org.gengdi.process.ProcessDescription;
import org.gengdi.process.ProcessException;
import org.gengdi.process.ProcessInputs;
import org.gengdi.process.ProcessOutputs;
import org.gengdi.process.Text;
import org.gengdi.process.contiguity.ContiguityOp;
import org.gengdi.process.contiguity.ContiguityParameters;
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** {@code gengdi:AdjustmentPlanValidation} (调整补划方案校验): a thin wrapper of {@link PlanValidationOp}. */
public final class AdjustmentPlanValidationProcess implements GengdiProcess {
    public static final String ID = "gengdi:AdjustmentPlanValidation";
    static final List<String> TYPES = List.of("MAJOR_PROJECT", "ART14", "ART15", "ART16", "ART17", "ART18", "ART19",
            "ART23");
    static final int MAX_PARCELS = 20_000;

    private static final ProcessDescription DESCRIPTION = new ProcessDescription(ID, "1.0.0",
            Text.of("Red-line adjustment plan validation", "永久基本农田调整补划方案校验"),
            Text.of("Balance table (before / removed / added / after) and the check list 1–10 of a plan that removes "
                            + "red-line parcels and adds others: 数量不减、质量不降、布局优化、生态改善 and the plan type's rules.",
                    "调整补划方案的平衡表（调整前/调出/调入/调整后）与 1–10 项检查：数量不减、质量不降、布局优化、生态改善及各调整类型规则。"),
            List.of("调整补划", "方案校验", "plan validation"),
            List.of(InputDescription.required("planType", Text.of("Plan type (legal route)", "调整类型"), null,
                            new InputType.Literal(DataType.STRING, TYPES, null, null, null, null)),
                    InputDescription.optional("planContext", Text.of("Context", "调整背景"), null,
                            InputType.Literal.oneOf("NORMAL", "NORMAL", "ESR_ADJUSTMENT", "UDB_ADJUSTMENT")),
                    new InputDescription("removed", Text.of("Removed red-line parcels (YJJBNTTBBH)", "调出图斑编号"),
                            null, InputType.Literal.of(DataType.STRING), 0, MAX_PARCELS),
                    new InputDescription("added", Text.of("Added parcels (features)", "调入地块（要素）"), null,
                            InputType.Complex.geometries(64L << 20), 0, 1),
                    new InputDescription("addedBsm", Text.of("Added land-use parcels by BSM", "调入地类图斑标识码"), null,
                            InputType.Literal.of(DataType.STRING), 0, MAX_PARCELS),
                    InputDescription.optional("pbfTask", Text.of("County protection task (m²)", "保护任务（平方米）"), null,
                            InputType.Literal.of(DataType.DOUBLE).withUom("m2").withRange(0d, 1e12)),
                    InputDescription.optional("pbfTaskMu", Text.of("County protection task (mu)", "保护任务（亩）"), null,
                            InputType.Literal.of(DataType.DOUBLE).withUom("mu").withRange(0d, 1.5e9)),
                    new InputDescription("removalReason", Text.of("Removal reason: NUMBER:CODE[,CODE]",
                            "调出理由：编号:代码"), null, InputType.Literal.of(DataType.STRING), 0, MAX_PARCELS),
                    InputDescription.optional("qualityScale", Text.of("Quality scale", "质量等级体系"), null,
                            InputType.Literal.oneOf("GDDJ_10", "GDDJ_10", "GDDB_15")),
                    InputDescription.optional("hsfRebuildCommitment", Text.of("HSF rebuild arrangement",
                            "高标准农田补建安排"), null, InputType.Literal.of(DataType.STRING)),
                    InputDescription.optional("maxShare", Text.of("Cap on the removed share (0–1)", "调整规模上限"), null,
                            InputType.Literal.of(DataType.DOUBLE).withRange(0d, 1d)),
                    new InputDescription("projectFootprint", Text.of("Related project footprint", "相关建设项目范围"),
                            null, InputType.Complex.geometries(16L << 20), 0, 1)),
            List.of(OutputDescription.complex("report", Text.of("Balance table and check list", "平衡表与检查清单"),
                            null, Format.JSON),
                    OutputDescription.complex("changes", Text.of("Parcels in and out (HRHCLXDM)", "划入划出图斑"), null,
                            Format.GEOJSON, Format.GML32, Format.GML31),
                    OutputDescription.complex("html", Text.of("Printable report", "可打印报告"), null, Format.HTML)),
            Duration.ofMinutes(10));


    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs in, ProcessContext context) {
        FarmlandLayers layers = new FarmlandLayers(context, Map.of());
        int dataSrid = layers.type(LayerKind.RED_LINE).map(t -> t.srid()).orElseThrow(() -> new ProcessException(
                ProcessException.Kind.UNAVAILABLE, null, "the red line " + layers.name(LayerKind.RED_LINE)
                + " is not published"));
        List<String> removed = new ArrayList<>(new LinkedHashSet<>(strings(in, "removed")));
        List<GeoFeature> addedInput = new ArrayList<>();
        int inputSrid = dataSrid;
        for (InputValue.Features f : in.features("added")) {
            inputSrid = f.srid();
            addedInput.addAll(f.features());
        }
        Geometry sample = !addedInput.isEmpty() ? addedInput.get(0).geometry() : null;
        AnalysisZone zone = sample == null ? new AnalysisZone(dataSrid)
                : AnalysisZone.of(sample, inputSrid, dataSrid);
        List<GeoFeature> added = new ArrayList<>();
        int n = 0;
        for (GeoFeature f : addedInput) {
            n++;
            if (f.geometry() == null) {
                throw ProcessException.invalidInput("added", "added feature " + n + " has no geometry");
            }
            Object id = f.id() != null ? f.id() : f.properties().getOrDefault("BSM", "added-" + n);
            added.add(new GeoFeature(id.toString(), zone.toZone(f.geometry(), inputSrid), f.properties()));
        }
        List<String> bsm = strings(in, "addedBsm");
        if (!bsm.isEmpty()) {
            added.addAll(byBsm(bsm, layers, zone, context));
        }
        if (removed.isEmpty() && added.isEmpty()) {
            throw ProcessException.invalidInput("removed", "the plan removes and adds nothing");
        }
        Double task = in.has("pbfTask") ? Double.valueOf(in.doubleValue("pbfTask")) : in.has("pbfTaskMu")
                ? AreaUnit.MU.toSquareMetres(in.doubleValue("pbfTaskMu")) : null;
        Map<String, Set<String>> reasons = new LinkedHashMap<>();
        for (String r : strings(in, "removalReason")) {
            int colon = r.indexOf(':');
            if (colon <= 0) {
                throw ProcessException.invalidInput("removalReason", "a removal reason is NUMBER:CODE[,CODE], not "
                        + r);
            }
            Set<String> codes = reasons.computeIfAbsent(r.substring(0, colon).strip(), k -> new LinkedHashSet<>());
            for (String c : r.substring(colon + 1).split(",")) {
                if (!c.isBlank()) {
                    codes.add(c.strip().toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        Geometry footprint = null;
        for (InputValue.Features f : in.features("projectFootprint")) {
            List<Geometry> gs = new ArrayList<>();
            f.features().forEach(x -> gs.add(x.geometry()));
            footprint = zone.toZone(UnaryUnionOp.union(gs), f.srid());
        }
        String grade = in.string("qualityScale").equals("GDDB_15") ? "GDDB" : "GDDJ";
        PlanValidationOp.Plan plan = new PlanValidationOp.Plan(in.string("planType"), in.string("planContext"),
                removed, added, task, reasons, grade, in.has("hsfRebuildCommitment")
                ? in.string("hsfRebuildCommitment") : null, in.has("maxShare") ? in.doubleValue("maxShare") : null,
                footprint);
        PlanValidationOp.Result r = PlanValidationOp.validate(plan, zone, layers, context,
                layout(layers, zone, context));
        List<GeoFeature> changes = new ArrayList<>();
        for (GeoFeature f : r.changes()) {
            changes.add(new GeoFeature(f.id(), f.geometry() == null ? null : zone.fromZone(f.geometry(), dataSrid),
                    f.properties()));
        }
        try {
            return new ProcessOutputs()
                    .put("report", new OutputValue.Document("application/json",
                            PlanValidationOp.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r.report())))
                    .put("changes", new OutputValue.Features(changes, dataSrid))
                    .put("html", new OutputValue.Document("text/html", PlanReportHtml.render(r.report(), r.changes())
                            .getBytes(StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProcessException(ProcessException.Kind.FAILED, null, e.toString());
        }
    }

    /**
     * R-BAL-LAYOUT's measure: CR and FR (FARMLAND-RULES §C.3, default parameters) of the whole red line, and of the
     * red line with the plan applied. The red line is read once per validation.
     */
    private static PlanValidationOp.Layout layout(FarmlandLayers layers, AnalysisZone zone, ProcessContext context) {
        List<ContiguityOp.Parcel> all = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        return (removed, added) -> {
            synchronized (all) {
                if (all.isEmpty()) {
                    read(all, numbers, layers, zone, context);
                }
            }
            return measure(all, numbers, removed, added, context);
        };
    }

    private static void read(List<ContiguityOp.Parcel> all, List<String> numbers, FarmlandLayers layers,
                             AnalysisZone zone, ProcessContext context) {
        try (FeatureCursor c = context.features(new InputValue.LayerReference(layers.name(LayerKind.RED_LINE),
                null), zone.srid())) {
            while (c.hasNext()) {
                Feature f = c.next();
                if (f.geometry() != null) {
                    Object slope = f.get("GDPDJB");
                    all.add(new ContiguityOp.Parcel(f.id(), f.geometry(), slope == null ? null
                            : slope.toString().trim(), Double.NaN));
                    numbers.add(String.valueOf(f.get("YJJBNTTBBH")));
                }
            }
        }
    }

    /** CR and FR of the red line with some parcels removed (by number) and others added. */
    private static double[] measure(List<ContiguityOp.Parcel> all, List<String> numbers, Set<String> removed,
                                    List<Geometry> added, ProcessContext context) {
        List<ContiguityOp.Parcel> set = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (!removed.contains(numbers.get(i))) {
                set.add(all.get(i));
            }
        }
        int n = 0;
        for (Geometry g : added) {
            set.add(new ContiguityOp.Parcel("added-" + (n++), g, null, Double.NaN));
        }
        ContiguityOp.Region region = ContiguityOp.compute(set, 0, ContiguityParameters.defaults(),
                context::checkCancelled).region();
        return new double[] {region.cr(), region.fr()};
    }

    private static List<String> strings(ProcessInputs in, String id) {
        List<String> out = new ArrayList<>();
        for (InputValue v : in.values(id)) {
            if (v instanceof InputValue.Literal l) {
                for (String s : l.text().split("[,;\\s]+")) {
                    if (!s.isBlank() && !id.equals("removalReason")) {
                        out.add(s.strip());
                    }
                }
                if (id.equals("removalReason")) {
                    out.add(l.text().strip());
                }
            }
        }
        return out;
    }

    private static List<GeoFeature> byBsm(List<String> bsm, FarmlandLayers layers, AnalysisZone zone,
                                          ProcessContext context) {
        List<GeoFeature> out = new ArrayList<>();
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < bsm.size(); i += 500) {
            List<String> chunk = bsm.subList(i, Math.min(bsm.size(), i + 500));
            StringBuilder filter = new StringBuilder("BSM IN (");
            for (int k = 0; k < chunk.size(); k++) {
                if (!chunk.get(k).matches("[0-9A-Za-z_-]{1,40}")) {
                    throw ProcessException.invalidInput("addedBsm", "not a BSM: " + chunk.get(k));
                }
                filter.append(k == 0 ? "" : ",").append('\'').append(chunk.get(k)).append('\'');
            }
            filter.append(')');
            try (FeatureCursor c = context.features(new InputValue.LayerReference(
                    layers.name(LayerKind.CULTIVATED_LAND), filter.toString()), zone.srid())) {
                while (c.hasNext()) {
                    Feature f = c.next();
                    String id = String.valueOf(f.get("BSM"));
                    found.add(id);
                    out.add(new GeoFeature(id, f.geometry(), Map.of("BSM", id)));
                }
            }
        }
        List<String> missing = bsm.stream().filter(b -> !found.contains(b)).toList();
        if (!missing.isEmpty()) {
            throw ProcessException.invalidInput("addedBsm", "no land-use parcel with BSM " + missing.subList(0,
                    Math.min(10, missing.size())));
        }
        return out;
    }
}
