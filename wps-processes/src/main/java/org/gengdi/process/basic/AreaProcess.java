package org.gengdi.process.basic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.measure.Area;
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

/**
 * {@code gengdi:Area}: the ellipsoidal CGCS2000 area of input geometries and/or of a published layer's features,
 * in m², 亩 and 公顷. Per-feature areas are returned for input geometries (a layer reference is summed only: a whole
 * layer can hold tens of thousands of parcels).
 */
public final class AreaProcess implements GengdiProcess {
    public static final String ID = "gengdi:Area";
    /** The largest geometry input accepted. */
    public static final long MAX_INPUT_BYTES = 64L << 20;

    private static final ProcessDescription DESCRIPTION = new ProcessDescription(ID, "1.0.0",
            Text.of("Ellipsoidal area", "椭球面积"),
            Text.of("Ellipsoidal area on the CGCS2000 ellipsoid of the input geometries and/or the features of a"
                            + " published layer, in square metres, mu and hectares (1 mu = 10000/15 m²).",
                    "计算输入图形或已发布图层要素在 CGCS2000 椭球面上的面积，单位平方米、亩、公顷（1 亩 = 10000/15 平方米）。"),
            List.of("area", "面积", "CGCS2000", "亩"),
            List.of(new InputDescription("geometry", Text.of("Geometries", "图形"),
                            Text.of("Polygons or features (GeoJSON, GML 3.2/3.1.1 or WKT).",
                                    "面状图形或要素（GeoJSON、GML、WKT）。"),
                            InputType.Complex.geometries(MAX_INPUT_BYTES), 0, 100),
                    new InputDescription("layer", Text.of("Layer", "图层"),
                            Text.of("A published layer with an optional CQL2 filter; its features are summed.",
                                    "已发布图层（可带 CQL2 过滤条件），累计其要素面积。"),
                            new InputType.LayerReference(List.of()), 0, 1)),
            List.of(OutputDescription.literal("area", Text.of("Area (m²)", "面积（平方米）"), null, DataType.DOUBLE,
                            "m2"),
                    OutputDescription.literal("areaMu", Text.of("Area (mu)", "面积（亩）"), null, DataType.DOUBLE, "mu"),
                    OutputDescription.literal("areaHa", Text.of("Area (ha)", "面积（公顷）"), null, DataType.DOUBLE,
                            "ha"),
                    OutputDescription.literal("count", Text.of("Features measured", "要素个数"), null,
                            DataType.INTEGER, null),
                    OutputDescription.complex("features", Text.of("Input features with their areas",
                                    "带面积的输入要素"),
                            Text.of("Each input geometry with AREA_M2 and AREA_MU.", "每个输入图形及其面积。"),
                            Format.GEOJSON, Format.GML32, Format.GML31)),
            Duration.ofMinutes(10));

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        if (!inputs.has("geometry") && !inputs.has("layer")) {
            throw ProcessException.invalidInput("geometry", "give a geometry input, a layer input, or both");
        }
        Area total = Area.ZERO;
        long count = 0;
        List<GeoFeature> measured = new ArrayList<>();
        int srid = 4490;
        for (InputValue.Features value : inputs.features("geometry")) {
            srid = value.srid();
            for (GeoFeature f : value.features()) {
                context.checkCancelled();
                Area a = f.geometry() == null ? Area.ZERO : Area.of(f.geometry(), value.srid());
                total = total.plus(a);
                count++;
                Map<String, Object> props = new LinkedHashMap<>(f.properties());
                props.put("AREA_M2", round(a.squareMetres(), 2));
                props.put("AREA_MU", round(a.mu(), 4));
                measured.add(new GeoFeature(f.id(), f.geometry(), props));
            }
        }
        for (InputValue.LayerReference ref : inputs.layers("layer")) {
            context.progress(5, "reading " + ref.layer());
            try (FeatureCursor cursor = context.features(ref, 0)) {
                while (cursor.hasNext()) {
                    Feature f = cursor.next();
                    if (f.geometry() != null) {
                        total = total.plus(Area.of(f.geometry(), f.type().srid()));
                    }
                    if (++count % 1000 == 0) {
                        context.checkCancelled();
                        context.progress(50, count + " features of " + ref.layer() + " measured");
                    }
                }
            }
        }
        return new ProcessOutputs()
                .literal("area", round(total.squareMetres(), 2))
                .literal("areaMu", round(total.mu(), 4))
                .literal("areaHa", round(total.hectares(), 6))
                .literal("count", count)
                .put("features", new OutputValue.Features(measured, srid));
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
