package org.gengdi.process.occupation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gengdi.core.layer.LayerKind;
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
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Lineal;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * {@code gengdi:OccupationAnalysis} (占用/避让分析): a thin wrapper of {@link OccupationOp} and {@link AvoidanceOp}
 * for WPS and OGC API Processes.
 */
public final class OccupationAnalysisProcess implements GengdiProcess {
    public static final String ID = "gengdi:OccupationAnalysis";
    public static final long MAX_INPUT_BYTES = 32L << 20;
    private static final GeometryFactory GF = new GeometryFactory();

    private static final ProcessDescription DESCRIPTION = new ProcessDescription(ID, "1.0.0",
            Text.of("Occupation and avoidance analysis", "占用/避让分析"),
            Text.of("What a construction project's footprint occupies: current land use, cultivated land by class, "
                            + "slope and grade, the permanent basic farmland red line, reserve, high-standard farmland, "
                            + "ecological red line and urban development boundary, with rule verdicts, the 补划 "
                            + "requirement and, on request, avoidance alternatives.",
                    "建设项目用地范围占用现状地类、耕地（坡度、质量等别）、永久基本农田、储备区、高标准农田、生态保护红线、城镇开发边界的"
                            + "分析，给出规则判定、补划要求，可选避让方案比选。"),
            List.of("占用分析", "避让", "永久基本农田", "occupation"),
            List.of(new InputDescription("footprint", Text.of("Project footprint", "项目用地范围"),
                            Text.of("Polygons, or lines with a width (linear projects).", "面，或线（需给出宽度）"),
                            InputType.Complex.geometries(MAX_INPUT_BYTES), 1, 1),
                    InputDescription.optional("width", Text.of("Width of a linear footprint (m)", "线状工程宽度（米）"),
                            null, InputType.Literal.of(DataType.DOUBLE).withUom("metre").withRange(0.1, 1000d)),
                    InputDescription.optional("projectName", Text.of("Project name", "项目名称"), null,
                            InputType.Literal.of(DataType.STRING)),
                    InputDescription.optional("projectCategory", Text.of("Project category (declared)",
                                    "项目类别（申报）"), Text.of("project.category of FARMLAND-RULES §A.15",
                                    "GENERAL 一般建设项目；其余为可占用永久基本农田的重大项目类别"),
                            new InputType.Literal(DataType.STRING, ProjectFacts.CATEGORIES, null, null, null, null)),
                    InputDescription.optional("projectUse", Text.of("Land use of the project (declared)",
                                    "用地用途（申报）"), null,
                            new InputType.Literal(DataType.STRING, ProjectFacts.USES, "CONSTRUCTION", null, null,
                                    null)),
                    InputDescription.optional("temporary", Text.of("Temporary land use", "临时用地"), null,
                            InputType.Literal.of(DataType.BOOLEAN).withDefault("false")),
                    InputDescription.optional("startDate", Text.of("Temporary use from (YYYY-MM-DD)", "临时用地起始日期"),
                            null, InputType.Literal.of(DataType.STRING)),
                    InputDescription.optional("endDate", Text.of("Temporary use until (YYYY-MM-DD)", "临时用地截止日期"),
                            null, InputType.Literal.of(DataType.STRING)),
                    InputDescription.optional("permanentStructures", Text.of("Permanent structures", "永久性建（构）筑物"),
                            null, InputType.Literal.of(DataType.BOOLEAN).withDefault("false")),
                    InputDescription.optional("feeRate", Text.of("Provincial reclamation fee (yuan/m²)",
                            "耕地开垦费标准（元/平方米）"), null, InputType.Literal.of(DataType.DOUBLE).withRange(0d, 1e4)),
                    InputDescription.optional("qualityScale", Text.of("Quality scale", "质量等级体系"), null,
                            InputType.Literal.oneOf("GDDJ_10", "GDDJ_10", "GDDB_15")),
                    InputDescription.optional("evidence", Text.of("Evidence reference of the category", "类别依据文号"),
                            null, InputType.Literal.of(DataType.STRING)),
                    InputDescription.optional("hsfRebuildCommitment", Text.of("High-standard farmland rebuild "
                            + "arrangement", "高标准农田补建安排"), null, InputType.Literal.of(DataType.STRING)),
                    InputDescription.optional("avoidance", Text.of("Compute avoidance alternatives", "计算避让方案"),
                            null, InputType.Literal.of(DataType.BOOLEAN).withDefault("false")),
                    InputDescription.optional("proposeCandidates", Text.of("Propose 补划 candidates",
                            "推荐补划候选地块"), null, InputType.Literal.of(DataType.BOOLEAN).withDefault("false")),
                    InputDescription.optional("searchRadius", Text.of("Search radius for alternatives (m)",
                                    "避让搜索半径（米）"), null,
                            InputType.Literal.of(DataType.DOUBLE).withUom("metre").withDefault("500")
                                    .withRange(10d, 5000d))),
            List.of(OutputDescription.complex("report", Text.of("Report (tables and verdicts)", "分析报告（表格与判定）"),
                            null, Format.JSON),
                    OutputDescription.complex("html", Text.of("Printable report", "可打印报告"), null, Format.HTML),
                    OutputDescription.complex("pieces", Text.of("Intersection pieces", "叠加分析图斑"), null,
                            Format.GEOJSON, Format.GML32, Format.GML31),
                    OutputDescription.complex("alternative", Text.of("Avoidance alternative(s)", "避让方案"), null,
                            Format.GEOJSON, Format.GML32, Format.WKT),
                    OutputDescription.complex("candidates", Text.of("Proposed 补划 parcels", "推荐补划地块"), null,
                            Format.GEOJSON, Format.GML32, Format.GML31)),
            Duration.ofMinutes(5));

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs in, ProcessContext context) {
        InputValue.Features input = in.features("footprint").get(0);
        FarmlandLayers layers = new FarmlandLayers(context, Map.of());
        int dataSrid = layers.type(LayerKind.CULTIVATED_LAND).or(() -> layers.type(LayerKind.RED_LINE))
                .map(t -> t.srid()).orElse(input.srid());
        Geometry raw = union(input);
        AnalysisZone zone;
        try {
            zone = AnalysisZone.of(raw, input.srid(), dataSrid);
        } catch (RuntimeException e) {
            throw ProcessException.invalidInput("footprint", "the footprint lies outside the CGCS2000 Gauss-Krüger "
                    + "zones of China: " + e.getMessage());
        }
        Geometry inZone = zone.toZone(raw, input.srid());
        Geometry centreLine = null;
        Double width = in.has("width") ? in.doubleValue("width") : null;
        Geometry footprint;
        if (inZone instanceof Polygonal) {
            footprint = inZone;
        } else if (inZone instanceof Lineal) {
            if (width == null) {
                throw ProcessException.invalidInput("width", "a linear footprint needs its width in metres");
            }
            centreLine = inZone;
            BufferParameters p = new BufferParameters(8, BufferParameters.CAP_FLAT, BufferParameters.JOIN_MITRE, 5);
            footprint = BufferOp.bufferOp(inZone, width / 2, p);
        } else {
            throw ProcessException.invalidInput("footprint", "the footprint must be polygons, or lines with a width");
        }
        if (footprint.isEmpty() || footprint.getArea() <= 0) {
            throw ProcessException.invalidInput("footprint", "the footprint has no area");
        }
        ProjectFacts facts = facts(in, centreLine != null);
        context.progress(5, "overlaying layers");
        OccupationOp.OccupationResult result = OccupationOp.analyse(footprint, zone, facts, layers, LocalDate.now());
        context.checkCancelled();
        List<GeoFeature> alternatives = new ArrayList<>();
        if (in.bool("avoidance")) {
            context.progress(40, "searching for avoidance alternatives");
            AvoidanceOp.Result alt = centreLine != null
                    ? AvoidanceOp.route(centreLine, width, zone, facts, layers, context)
                    : AvoidanceOp.placements(footprint, in.doubleValue("searchRadius"), zone, facts, layers, context);
            result.report().set("avoidance", alt.report());
            for (GeoFeature f : alt.alternatives()) {
                alternatives.add(new GeoFeature(f.id(), zone.fromZone(f.geometry(), input.srid()), f.properties()));
            }
        }
        List<GeoFeature> candidates = new ArrayList<>();
        if (in.bool("proposeCandidates") && result.figures().redLineNet() > OccupationOp.TOLERANCE_M2
                && layers.has(LayerKind.CULTIVATED_LAND)) {
            context.progress(70, "ranking 补划 candidates");
            org.gengdi.process.reserve.ReserveCandidatesOp.Result c = org.gengdi.process.reserve.ReserveCandidatesOp
                    .select(footprint, Math.max(5000, in.doubleValue("searchRadius")), result.figures().redLineNet(),
                            result.figures().redLinePaddy(), facts.gradeField(), zone, layers, context);
            ((com.fasterxml.jackson.databind.node.ObjectNode) result.report().path("requirement"))
                    .set("candidates", c.summary());
            for (GeoFeature f : c.candidates()) {
                candidates.add(new GeoFeature(f.id(), zone.fromZone(f.geometry(), input.srid()), f.properties()));
            }
        }
        List<GeoFeature> pieces = new ArrayList<>();
        for (GeoFeature f : result.pieces()) {
            pieces.add(new GeoFeature(f.id(), zone.fromZone(f.geometry(), input.srid()), f.properties()));
        }
        context.progress(90, "writing the report");
        byte[] json;
        try {
            json = OccupationOp.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result.report());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProcessException(ProcessException.Kind.FAILED, null, "cannot write the report: " + e);
        }
        String html = OccupationReportHtml.render(result.report(), footprint, result.pieces(), zone);
        return new ProcessOutputs()
                .put("report", new OutputValue.Document("application/json", json))
                .put("html", new OutputValue.Document("text/html", html.getBytes(StandardCharsets.UTF_8)))
                .put("pieces", new OutputValue.Features(pieces, input.srid()))
                .put("alternative", new OutputValue.Features(alternatives, input.srid()))
                .put("candidates", new OutputValue.Features(candidates, input.srid()));
    }

    private static Geometry union(InputValue.Features input) {
        List<Geometry> gs = new ArrayList<>();
        for (GeoFeature f : input.features()) {
            if (f.geometry() != null) {
                gs.add(f.geometry());
            }
        }
        if (gs.isEmpty()) {
            throw ProcessException.invalidInput("footprint", "the footprint holds no geometry");
        }
        Geometry u = UnaryUnionOp.union(gs);
        if (u instanceof Polygonal || u instanceof Lineal) {
            return u;
        }
        throw ProcessException.invalidInput("footprint", "give either polygons or lines, not points or a mixture");
    }

    private static ProjectFacts facts(ProcessInputs in, boolean linear) {
        LocalDate start = date(in, "startDate");
        LocalDate end = date(in, "endDate");
        if (start != null && end != null && end.isBefore(start)) {
            throw ProcessException.invalidInput("endDate", "the temporary use ends before it starts");
        }
        return new ProjectFacts(in.has("projectName") ? in.string("projectName") : null,
                in.has("projectCategory") ? in.string("projectCategory") : null, in.string("projectUse"), linear,
                in.bool("temporary"), start, end, in.bool("permanentStructures"),
                in.has("feeRate") ? in.doubleValue("feeRate") : null, in.string("qualityScale"),
                in.has("hsfRebuildCommitment") ? in.string("hsfRebuildCommitment") : null,
                in.has("evidence") ? in.string("evidence") : null);
    }

    private static LocalDate date(ProcessInputs in, String id) {
        if (!in.has(id)) {
            return null;
        }
        try {
            return LocalDate.parse(in.string(id).strip());
        } catch (DateTimeParseException e) {
            throw ProcessException.invalidInput(id, "input " + id + " must be a date YYYY-MM-DD");
        }
    }

    static Geometry empty() {
        return GF.createGeometryCollection();
    }
}
