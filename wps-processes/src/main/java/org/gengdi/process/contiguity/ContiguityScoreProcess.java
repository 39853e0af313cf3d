package org.gengdi.process.contiguity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LandClass;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.measure.EllipsoidalArea;
import org.gengdi.core.rules.Finding;
import org.gengdi.core.rules.Severity;
import org.gengdi.core.rules.Verdict;
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
import org.gengdi.process.farmland.Areas;
import org.gengdi.process.farmland.FarmlandLayers;
import org.gengdi.process.occupation.Findings;
import org.gengdi.process.occupation.Overlay;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** {@code gengdi:ContiguityScore} (集中连片度评价): a thin wrapper of {@link ContiguityOp} over a published layer. */
public final class ContiguityScoreProcess implements GengdiProcess {
    public static final String ID = "gengdi:ContiguityScore";
    static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final ProcessDescription DESCRIPTION = new ProcessDescription(ID, "1.0.0",
            Text.of("Concentrated-contiguity score", "集中连片度评价"),
            Text.of("Patches of parcels joined across gaps ≤ dBridge, their classes (contiguous / intermediate / "
                            + "fragmented), and the region's CR, FR, LPI, S_shape, NP, MPS, PD, ED, AWMSI and FCI "
                            + "(FARMLAND-RULES §C.3).",
                    "按 dBridge 合并图斑为连片，分级（集中连片/一般/零星破碎），计算区域集中连片率、零星破碎率、最大斑块指数、形状指数等及综合指数 FCI。"),
            List.of("集中连片", "contiguity", "FCI"),
            List.of(InputDescription.optional("layer", Text.of("Layer (default: the red line)", "图层（默认永久基本农田）"),
                            Text.of("YJJBNTBHTB, DLTB (cultivated land only) or YJJBNTCBQ, with an optional filter",
                                    "永久基本农田、地类图斑（仅耕地）或储备区，可带过滤条件"),
                            new InputType.LayerReference(List.of())),
                    new InputDescription("aoi", Text.of("Area of interest", "评价范围"), null,
                            InputType.Complex.geometries(32L << 20), 0, 1),
                    InputDescription.optional("adminCode", Text.of("Administrative code of the area", "行政区代码"),
                            Text.of("6-digit county, 9-digit township or 12-digit village", "县6位、乡9位、村12位"),
                            InputType.Literal.of(DataType.STRING)),
                    InputDescription.optional("dBridge", Text.of("Bridging distance (m)", "连片距离（米）"), null,
                            InputType.Literal.of(DataType.DOUBLE).withUom("metre").withDefault("8").withRange(0d, 500d)),
                    InputDescription.optional("aMinPlainMu", Text.of("Contiguous threshold, plain (mu)", "平原集中连片阈值（亩）"),
                            null, InputType.Literal.of(DataType.DOUBLE).withDefault("100").withRange(0d, 1e6)),
                    InputDescription.optional("aMinHillyMu", Text.of("Contiguous threshold, hills (mu)", "丘陵集中连片阈值（亩）"),
                            null, InputType.Literal.of(DataType.DOUBLE).withDefault("50").withRange(0d, 1e6)),
                    InputDescription.optional("aFragPlainMu", Text.of("Fragmented threshold, plain (mu)", "平原零星破碎阈值（亩）"),
                            null, InputType.Literal.of(DataType.DOUBLE).withDefault("10").withRange(0d, 1e6)),
                    InputDescription.optional("aFragHillyMu", Text.of("Fragmented threshold, hills (mu)", "丘陵零星破碎阈值（亩）"),
                            null, InputType.Literal.of(DataType.DOUBLE).withDefault("5").withRange(0d, 1e6)),
                    InputDescription.optional("hillyShare", Text.of("Hilly share", "丘陵判定比例"), null,
                            InputType.Literal.of(DataType.DOUBLE).withDefault("0.5").withRange(0d, 1d)),
                    InputDescription.optional("terrain", Text.of("Terrain override", "地形强制"), null,
                            InputType.Literal.oneOf(null, "PLAIN", "HILLY")),
                    InputDescription.optional("parcelGeometry", Text.of("Parcels with geometry", "图斑输出几何"), null,
                            InputType.Literal.of(DataType.BOOLEAN).withDefault("false"))),
            List.of(OutputDescription.complex("region", Text.of("Region indicators and FCI", "区域指标与综合指数"), null,
                            Format.JSON),
                    OutputDescription.complex("patches", Text.of("Patches", "连片斑块"), null, Format.GEOJSON,
                            Format.GML32, Format.GML31),
                    OutputDescription.complex("parcels", Text.of("Parcels with patch and class", "图斑连片归属"), null,
                            Format.GEOJSON, Format.GML32, Format.GML31),
                    OutputDescription.complex("html", Text.of("Printable report", "可打印报告"), null, Format.HTML)),
            Duration.ofMinutes(20));

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs in, ProcessContext context) {
        FarmlandLayers layers = new FarmlandLayers(context, Map.of());
        InputValue.LayerReference ref = in.layers("layer").stream().findFirst().orElse(
                new InputValue.LayerReference(layers.name(LayerKind.RED_LINE), null));
        FeatureType type = context.layerType(ref.layer()).orElseThrow(() -> ProcessException.invalidInput("layer",
                "no published layer " + ref.layer()));
        boolean landUse = ref.layer().equals(layers.name(LayerKind.CULTIVATED_LAND));
        AnalysisZone zone;
        Geometry aoi = null;
        if (!in.features("aoi").isEmpty()) {
            InputValue.Features f = in.features("aoi").get(0);
            List<Geometry> gs = new ArrayList<>();
            f.features().forEach(x -> gs.add(x.geometry()));
            Geometry g = UnaryUnionOp.union(gs);
            zone = AnalysisZone.of(g, f.srid(), type.srid());
            aoi = zone.toZone(g, f.srid());
        } else if (org.gengdi.core.crs.CrsRegistry.get().gkZone(type.srid()).map(z -> z.threeDegree())
                .orElse(false)) {
            zone = new AnalysisZone(type.srid());
        } else {
            throw ProcessException.invalidInput("aoi", "the layer is not in a 3° Gauss-Krüger zone: give an area of "
                    + "interest (or an administrative code) so the zone can be chosen");
        }
        if (in.has("adminCode")) {
            aoi = adminArea(in.string("adminCode").strip(), layers, zone, context);
        }
        context.progress(5, "reading " + ref.layer());
        List<ContiguityOp.Parcel> parcels = new ArrayList<>();
        List<Feature> features = new ArrayList<>();
        PreparedGeometry prepared = aoi == null ? null : PreparedGeometryFactory.prepare(aoi);
        String idField = type.indexOf("YJJBNTTBBH") >= 0 ? "YJJBNTTBBH" : type.indexOf("CBQTBBH") >= 0 ? "CBQTBBH"
                : type.indexOf("BSM") >= 0 ? "BSM" : null;
        try (FeatureCursor c = aoi == null ? context.features(ref, zone.srid())
                : context.features(ref, aoi.getEnvelopeInternal(), zone.srid(), zone.srid())) {
            int n = 0;
            while (c.hasNext()) {
                Feature f = c.next();
                if (++n % 5000 == 0) {
                    context.checkCancelled();
                }
                Geometry g = f.geometry();
                if (g == null || g.isEmpty()) {
                    continue;
                }
                if (landUse) {
                    Object dlbm = f.get("DLBM");
                    if (!LandClass.isCultivated(dlbm == null ? null : dlbm.toString())) {
                        continue;
                    }
                }
                if (prepared != null) {
                    if (!prepared.intersects(g)) {
                        continue;
                    }
                    if (!prepared.covers(g)) {
                        g = Overlay.polygonal(OverlayNGRobust.overlay(g, aoi, OverlayNG.INTERSECTION));
                        if (g.isEmpty() || g.getArea() <= 0) {
                            continue;
                        }
                    }
                }
                Object slope = type.indexOf("GDPDJB") >= 0 ? f.get("GDPDJB") : null;
                parcels.add(new ContiguityOp.Parcel(f.id(), g, slope == null ? null : slope.toString().trim(),
                        EllipsoidalArea.squareMetres(g, zone.srid())));
                features.add(f);
            }
        }
        double aoiArea = aoi != null ? aoi.getArea() : countyArea(layers, zone, context, parcels);
        ContiguityParameters p = new ContiguityParameters(in.doubleValue("dBridge"),
                ContiguityParameters.mu(in.doubleValue("aMinPlainMu")), ContiguityParameters.mu(in.doubleValue(
                "aMinHillyMu")), ContiguityParameters.mu(in.doubleValue("aFragPlainMu")),
                ContiguityParameters.mu(in.doubleValue("aFragHillyMu")), in.doubleValue("hillyShare"),
                in.has("terrain") ? in.string("terrain") : null, ContiguityParameters.defaults().weights());
        context.progress(30, parcels.size() + " parcels; building patches");
        ContiguityOp.Result r = ContiguityOp.compute(parcels, aoiArea, p, context::checkCancelled);
        context.progress(80, "writing the results");
        ObjectNode region = JSON.createObjectNode();
        region.put("layer", ref.layer());
        if (ref.filter() != null) {
            region.put("filter", ref.filter());
        }
        region.put("zone", "EPSG:" + zone.srid());
        region.put("areas", "A_k, A_F, A_AOI and the indicators use planar areas in the zone (as FARMLAND-RULES §C.3 "
                + "and the PostGIS oracle); the *_ellipsoidal figures are CGCS2000 ellipsoidal for reports");
        ContiguityOp.Region g = r.region();
        region.put("CR", round(g.cr())).put("FR", round(g.fr())).put("LPI_F", round(g.lpiF())).put("LPI", round(g.lpi()))
                .put("S_shape", round(g.sShape())).put("NP", g.np()).put("MPS_m2", Areas.round(g.mps(), 2))
                .put("PD_per100ha", round(g.pd())).put("ED_m_per_ha", round(g.ed())).put("AWMSI", round(g.awmsi()))
                .put("FCI", Areas.round(g.fci(), 2)).put("band", g.band());
        Areas.put(region, "farmlandArea", g.farmlandArea());
        Areas.put(region, "aoiArea", g.aoiArea());
        double ell = 0;
        double[] byClass = new double[3];
        for (ContiguityOp.Patch k : r.patches()) {
            ell += k.ellipsoidalArea();
            byClass[k.patchClass().ordinal()] += k.ellipsoidalArea();
        }
        Areas.put(region, "farmlandArea_ellipsoidal", ell);
        Areas.put(region, "contiguous_ellipsoidal", byClass[0]);
        Areas.put(region, "intermediate_ellipsoidal", byClass[1]);
        Areas.put(region, "fragmented_ellipsoidal", byClass[2]);
        region.put("parcels", parcels.size());
        ObjectNode params = region.putObject("parameters");
        params.put("dBridge_m", p.dBridge()).put("aMinPlain_mu", in.doubleValue("aMinPlainMu"))
                .put("aMinHilly_mu", in.doubleValue("aMinHillyMu")).put("aFragPlain_mu", in.doubleValue("aFragPlainMu"))
                .put("aFragHilly_mu", in.doubleValue("aFragHillyMu")).put("hillyShare", p.hillyShare())
                .put("terrainOverride", p.terrainOverride());
        ArrayNode w = params.putArray("weights");
        for (double x : p.weights()) {
            w.add(x);
        }
        long fragmentedParcels = r.parcels().stream().filter(x -> x.patchClass() == ContiguityOp.PatchClass.FRAGMENTED)
                .count();
        region.putArray("findings").add(Findings.toJson(Finding.of("R-CONTIG-FRAG", Severity.INFO, Verdict.INFO,
                "零星破碎图斑 " + fragmentedParcels + " 个，零星破碎率 " + Areas.round(g.fr() * 100, 2) + "% · fragmented "
                        + "parcels and share", Map.of("fragmentedParcels", fragmentedParcels, "FR", round(g.fr())))));
        List<GeoFeature> patchFeatures = new ArrayList<>();
        for (ContiguityOp.Patch k : r.patches()) {
            List<Geometry> gs = new ArrayList<>();
            for (int i : k.members()) {
                gs.add(parcels.get(i).geometry());
            }
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("PATCH", k.id());
            props.put("PARCELS", k.members().size());
            props.put("AREA_M2", Areas.round(k.area(), 2));
            props.put("AREA_MU", Areas.round(k.area() * 15 / 10000, 2));
            props.put("ELLIPSOIDAL_M2", Areas.round(k.ellipsoidalArea(), 2));
            props.put("TERRAIN", k.hilly() ? "HILLY" : "PLAIN");
            props.put("CLASS", k.patchClass().name());
            patchFeatures.add(new GeoFeature("patch." + k.id(), UnaryUnionOp.union(gs), props));
        }
        boolean withGeometry = in.bool("parcelGeometry");
        List<GeoFeature> parcelFeatures = new ArrayList<>();
        for (int i = 0; i < parcels.size(); i++) {
            ContiguityOp.ParcelResult pr = r.parcels().get(i);
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("ID", pr.id());
            if (idField != null) {
                props.put(idField, features.get(i).get(idField));
            }
            props.put("PATCH", pr.patch());
            props.put("CLASS", pr.patchClass().name());
            props.put("SCORE", round(pr.score()));
            parcelFeatures.add(new GeoFeature(pr.id(), withGeometry ? parcels.get(i).geometry() : null, props));
        }
        try {
            return new ProcessOutputs()
                    .put("region", new OutputValue.Document("application/json",
                            JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(region)))
                    .put("patches", new OutputValue.Features(patchFeatures, zone.srid()))
                    .put("parcels", new OutputValue.Features(parcelFeatures, zone.srid()))
                    .put("html", new OutputValue.Document("text/html", html(region, r, patchFeatures).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ProcessException(ProcessException.Kind.FAILED, null, e.toString());
        }
    }

    private static String html(ObjectNode region, ContiguityOp.Result r, List<GeoFeature> patchFeatures) {
        org.gengdi.process.farmland.ReportPage page = new org.gengdi.process.farmland.ReportPage("集中连片度评价报告",
                "Concentrated-contiguity report · layer " + region.path("layer").asText());
        org.gengdi.process.farmland.ReportMap map = new org.gengdi.process.farmland.ReportMap();
        for (GeoFeature f : patchFeatures) {
            Object c = f.properties().get("CLASS");
            java.awt.Color fill = "CONTIGUOUS".equals(c) ? new java.awt.Color(0, 150, 60, 160)
                    : "FRAGMENTED".equals(c) ? new java.awt.Color(220, 40, 40, 170) : new java.awt.Color(240, 180, 0,
                    160);
            map.add(f.geometry(), fill, null, 0);
        }
        page.heading("示意图 Map（绿：集中连片；黄：一般；红：零星破碎）").raw(map.img("patches"));
        List<String[]> rows = new ArrayList<>();
        for (String[] k : new String[][] {{"FCI", "综合指数 FCI"}, {"band", "等级 band"}, {"CR", "集中连片率 CR"},
                {"FR", "零星破碎率 FR"}, {"LPI_F", "最大斑块占比 LPI_F"}, {"LPI", "最大斑块指数 LPI (%)"},
                {"S_shape", "形状规整度 S_shape"}, {"NP", "斑块数 NP"}, {"MPS_m2", "平均斑块面积 MPS (m²)"},
                {"PD_per100ha", "斑块密度 PD (/100 ha)"}, {"ED_m_per_ha", "边缘密度 ED (m/ha)"}, {"AWMSI", "AWMSI"},
                {"parcels", "图斑数 parcels"}}) {
            rows.add(new String[] {k[1], region.path(k[0]).asText()});
        }
        rows.add(new String[] {"耕地面积（平面）A_F", org.gengdi.process.farmland.ReportPage.area(region.path(
                "farmlandArea"))});
        rows.add(new String[] {"评价范围面积 A_AOI", org.gengdi.process.farmland.ReportPage.area(region.path("aoiArea"))});
        rows.add(new String[] {"集中连片（椭球）contiguous", org.gengdi.process.farmland.ReportPage.area(region.path(
                "contiguous_ellipsoidal"))});
        rows.add(new String[] {"零星破碎（椭球）fragmented", org.gengdi.process.farmland.ReportPage.area(region.path(
                "fragmented_ellipsoidal"))});
        page.heading("一、区域指标 Region indicators").table(new String[] {"指标 Indicator", "数值 Value"}, rows);
        List<String[]> params = new ArrayList<>();
        region.path("parameters").fields().forEachRemaining(e -> params.add(new String[] {e.getKey(),
                e.getValue().toString()}));
        page.heading("二、参数 Parameters").table(new String[] {"参数 Parameter", "值 Value"}, params);
        List<String[]> patches = new ArrayList<>();
        r.patches().stream().sorted((a, b) -> Double.compare(b.area(), a.area())).limit(50).forEach(k -> patches.add(
                new String[] {Integer.toString(k.id()), Integer.toString(k.members().size()),
                        Double.toString(Areas.round(k.area(), 2)), k.hilly() ? "丘陵 hilly" : "平原 plain",
                        k.patchClass().name()}));
        page.heading("三、最大的连片斑块 Largest patches (50)").table(new String[] {"斑块 Patch", "图斑数 Parcels",
                "面积 Area (m²)", "地形 Terrain", "等级 Class"}, patches);
        page.heading("四、规则 Rules").findings(region.path("findings"));
        page.paragraph(region.path("areas").asText());
        return page.html();
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Areas.round(v, 6);
    }

    /** The polygon of an administrative code: county (6), township (9) or village (12 digits). */
    private static Geometry adminArea(String code, FarmlandLayers layers, AnalysisZone zone, ProcessContext ctx) {
        LayerKind kind;
        String field;
        switch (code.length()) {
            case 6 -> {
                kind = LayerKind.COUNTY;
                field = "XZQDM";
            }
            case 9 -> {
                kind = LayerKind.TOWNSHIP;
                field = "XZQDM";
            }
            case 12 -> {
                kind = LayerKind.VILLAGE;
                field = "ZLDWDM";
            }
            default -> throw ProcessException.invalidInput("adminCode", "an administrative code has 6, 9 or 12 digits");
        }
        if (!code.matches("[0-9]+")) {
            throw ProcessException.invalidInput("adminCode", "an administrative code is digits only");
        }
        if (!layers.has(kind)) {
            throw ProcessException.invalidInput("adminCode", "the layer " + layers.name(kind) + " is not published");
        }
        List<Geometry> gs = new ArrayList<>();
        String filter = field + " LIKE '" + code + "%'";
        try (FeatureCursor c = ctx.features(new InputValue.LayerReference(layers.name(kind), filter), zone.srid())) {
            while (c.hasNext()) {
                Geometry g = c.next().geometry();
                if (g != null) {
                    gs.add(g);
                }
            }
        }
        if (gs.isEmpty()) {
            throw ProcessException.invalidInput("adminCode", "no " + layers.name(kind) + " area with code " + code);
        }
        return UnaryUnionOp.union(gs);
    }

    /** A_AOI without an area of interest: the county layer's area, else the parcels' bounding box. */
    private static double countyArea(FarmlandLayers layers, AnalysisZone zone, ProcessContext ctx,
                                     List<ContiguityOp.Parcel> parcels) {
        if (layers.has(LayerKind.COUNTY)) {
            double a = 0;
            try (FeatureCursor c = ctx.features(new InputValue.LayerReference(layers.name(LayerKind.COUNTY), null),
                    zone.srid())) {
                while (c.hasNext()) {
                    Geometry g = c.next().geometry();
                    a += g == null ? 0 : g.getArea();
                }
            }
            if (a > 0) {
                return a;
            }
        }
        org.locationtech.jts.geom.Envelope e = new org.locationtech.jts.geom.Envelope();
        parcels.forEach(p -> e.expandToInclude(p.geometry().getEnvelopeInternal()));
        return e.getArea();
    }
}
