package org.gengdi.process.reserve;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.gengdi.process.farmland.AnalysisZone;
import org.gengdi.process.farmland.FarmlandLayers;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** {@code gengdi:ReserveCandidates} (储备区/补划候选): a thin wrapper of {@link ReserveCandidatesOp}. */
public final class ReserveCandidatesProcess implements GengdiProcess {
    public static final String ID = "gengdi:ReserveCandidates";

    private static final ProcessDescription DESCRIPTION = new ProcessDescription(ID, "1.0.0",
            Text.of("Reserve and 补划 candidates", "储备区/补划候选地块"),
            Text.of("Ranks cultivated parcels outside the red line (reserve first, M2025 Art.8 priority classes, "
                            + "near to far, better grade first) until the requested area is covered.",
                    "按储备区优先、第八条优先类、由近及远、质量由高到低排序红线外耕地，直至满足补划面积。"),
            List.of("补划", "储备区", "reserve"),
            List.of(new InputDescription("site", Text.of("Site (distances are measured from it)", "占用地块/参照位置"),
                            null, InputType.Complex.geometries(16L << 20), 1, 1),
                    InputDescription.optional("requiredArea", Text.of("Net area to cover (m²)", "需补划净面积（平方米）"),
                            null, InputType.Literal.of(DataType.DOUBLE).withUom("m2").withRange(0d, 1e9)),
                    InputDescription.optional("requiredMu", Text.of("Net area to cover (mu)", "需补划净面积（亩）"),
                            null, InputType.Literal.of(DataType.DOUBLE).withUom("mu").withRange(0d, 1.5e6)),
                    InputDescription.optional("requiredPaddy", Text.of("Paddy area to cover (m²)", "需补划水田面积（平方米）"),
                            null, InputType.Literal.of(DataType.DOUBLE).withUom("m2").withDefault("0")
                                    .withRange(0d, 1e9)),
                    InputDescription.optional("searchRadius", Text.of("Search radius (m)", "搜索半径（米）"), null,
                            InputType.Literal.of(DataType.DOUBLE).withUom("metre").withDefault("5000")
                                    .withRange(100d, 100_000d)),
                    InputDescription.optional("qualityScale", Text.of("Quality scale", "质量等级体系"), null,
                            InputType.Literal.oneOf("GDDJ_10", "GDDJ_10", "GDDB_15"))),
            List.of(OutputDescription.complex("summary", Text.of("Summary", "汇总"), null, Format.JSON),
                    OutputDescription.complex("candidates", Text.of("Candidate parcels, ranked", "候选地块（排序）"), null,
                            Format.GEOJSON, Format.GML32, Format.GML31),
                    OutputDescription.complex("html", Text.of("Printable report", "可打印报告"), null, Format.HTML)),
            Duration.ofMinutes(5));

    private static String html(ReserveCandidatesOp.Result r, Geometry site) {
        org.gengdi.process.farmland.ReportPage page = new org.gengdi.process.farmland.ReportPage("补划候选地块报告",
                "Reserve and 补划 candidates");
        org.gengdi.process.farmland.ReportMap map = new org.gengdi.process.farmland.ReportMap();
        for (GeoFeature f : r.candidates()) {
            map.add(f.geometry(), org.gengdi.process.farmland.ReportMap.ADDED, java.awt.Color.DARK_GRAY, 0.6f);
        }
        map.add(site.getDimension() == 2 ? site : site.buffer(30), null, java.awt.Color.BLACK, 1.5f);
        page.heading("示意图 Map（绿：候选地块；黑：占用地块/参照位置）").raw(map.img("candidates"));
        var s = r.summary();
        page.heading("一、汇总 Summary").table(new String[] {"项目 Item", "数值 Value"}, List.of(
                new String[] {"需补划 required", org.gengdi.process.farmland.ReportPage.area(s.path("required"))},
                new String[] {"已选 selected", org.gengdi.process.farmland.ReportPage.area(s.path("selected"))},
                new String[] {"其中水田 paddy", org.gengdi.process.farmland.ReportPage.area(s.path("selectedPaddy"))},
                new String[] {"满足 covered", s.path("covered").asText()},
                new String[] {"地块数 parcels", s.path("parcels").asText()},
                new String[] {"平均质量等级 mean grade", s.path("meanGrade").asText("—")},
                new String[] {"本地平均 local mean", s.path("localMeanGrade").asText("—")},
                new String[] {"排序 order", s.path("order").asText()}));
        List<String[]> rows = new ArrayList<>();
        for (GeoFeature f : r.candidates()) {
            var p = f.properties();
            rows.add(new String[] {String.valueOf(p.get("rank")), String.valueOf(p.get("BSM")),
                    String.valueOf(p.get("DLBM")), String.valueOf(p.get("GDPDJB")), String.valueOf(p.get("inReserve")),
                    String.valueOf(p.get("priority")), String.valueOf(p.get("DISTANCE_M")),
                    String.valueOf(p.get("NET_M2")), String.valueOf(p.get("CUMULATIVE_M2"))});
        }
        page.heading("二、候选地块 Candidates").table(new String[] {"序 Rank", "标识码 BSM", "地类 DLBM", "坡度级 Slope",
                "储备区 In reserve", "优先类 Priority", "距离 Distance (m)", "净面积 Net (m²)", "累计 Cumulative (m²)"},
                rows);
        page.heading("三、规则 Rules").findings(s.path("findings"));
        return page.html();
    }

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs in, ProcessContext context) {
        double required;
        if (in.has("requiredArea")) {
            required = in.doubleValue("requiredArea");
        } else if (in.has("requiredMu")) {
            required = AreaUnit.MU.toSquareMetres(in.doubleValue("requiredMu"));
        } else {
            throw ProcessException.invalidInput("requiredArea", "give requiredArea (m²) or requiredMu (亩)");
        }
        InputValue.Features site = in.features("site").get(0);
        FarmlandLayers layers = new FarmlandLayers(context, Map.of());
        if (!layers.has(LayerKind.CULTIVATED_LAND)) {
            throw new ProcessException(ProcessException.Kind.UNAVAILABLE, null, "the land-use layer "
                    + layers.name(LayerKind.CULTIVATED_LAND) + " is not published");
        }
        List<Geometry> gs = new ArrayList<>();
        site.features().forEach(f -> gs.add(f.geometry()));
        Geometry g = UnaryUnionOp.union(gs);
        int dataSrid = layers.type(LayerKind.CULTIVATED_LAND).get().srid();
        AnalysisZone zone = AnalysisZone.of(g, site.srid(), dataSrid);
        String grade = in.string("qualityScale").equals("GDDB_15") ? "GDDB" : "GDDJ";
        ReserveCandidatesOp.Result r = ReserveCandidatesOp.select(zone.toZone(g, site.srid()),
                in.doubleValue("searchRadius"), required, in.doubleValue("requiredPaddy"), grade, zone, layers,
                context);
        List<GeoFeature> out = new ArrayList<>();
        for (GeoFeature f : r.candidates()) {
            out.add(new GeoFeature(f.id(), zone.fromZone(f.geometry(), site.srid()), f.properties()));
        }
        try {
            return new ProcessOutputs()
                    .put("summary", new OutputValue.Document("application/json",
                            ReserveCandidatesOp.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(r.summary())))
                    .put("candidates", new OutputValue.Features(out, site.srid()))
                    .put("html", new OutputValue.Document("text/html", html(r, zone.toZone(g, site.srid())).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProcessException(ProcessException.Kind.FAILED, null, e.toString());
        }
    }
}
