package org.gengdi.process.basic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.crs.CrsTransform;
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
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;

/**
 * {@code gengdi:Buffer}: buffers geometries by a distance in metres on the ground. Geometries in a Gauss-Krüger CRS
 * are buffered where they are; others are buffered in the CGCS2000 3-degree zone of their centre and transformed
 * back, so a distance means metres anywhere in China.
 */
public final class BufferProcess implements GengdiProcess {
    public static final String ID = "gengdi:Buffer";
    public static final long MAX_INPUT_BYTES = 32L << 20;
    /** The farthest buffer distance: beyond a few km a GK zone's scale error grows. */
    public static final double MAX_DISTANCE = 50_000;

    private static final ProcessDescription DESCRIPTION = new ProcessDescription(ID, "1.0.0",
            Text.of("Buffer in metres", "缓冲区（米）"),
            Text.of("Buffers geometries by a distance in metres on the ground (negative shrinks polygons).",
                    "按地面距离（米）生成缓冲区，负值向内收缩面。"),
            List.of("buffer", "缓冲区"),
            List.of(new InputDescription("geometry", Text.of("Geometries", "图形"), null,
                            InputType.Complex.geometries(MAX_INPUT_BYTES), 1, 1),
                    InputDescription.required("distance", Text.of("Distance (m)", "距离（米）"), null,
                            InputType.Literal.of(DataType.DOUBLE).withUom("metre")
                                    .withRange(-MAX_DISTANCE, MAX_DISTANCE)),
                    InputDescription.optional("quadrantSegments", Text.of("Segments per quarter circle",
                                    "四分之一圆弧段数"), null,
                            InputType.Literal.of(DataType.INTEGER).withDefault("8").withRange(1d, 64d))),
            List.of(OutputDescription.complex("buffer", Text.of("Buffered geometries", "缓冲区图形"), null,
                    Format.GEOJSON, Format.GML32, Format.GML31, Format.WKT)),
            Duration.ofMinutes(5));

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        double distance = inputs.doubleValue("distance");
        int segments = (int) inputs.longValue("quadrantSegments");
        InputValue.Features in = inputs.features("geometry").stream().findFirst()
                .orElseThrow(() -> ProcessException.invalidInput("geometry", "input geometry is missing"));
        CrsRegistry crs = CrsRegistry.get();
        boolean metric = crs.gkZone(in.srid()).isPresent();
        List<GeoFeature> out = new ArrayList<>();
        int done = 0;
        for (GeoFeature f : in.features()) {
            context.checkCancelled();
            Geometry g = f.geometry();
            Geometry b;
            if (g == null) {
                b = null;
            } else if (metric) {
                b = buffer(g, distance, segments);
            } else {
                Point centre = crs.transform(in.srid(), 4490).transform(g.getEnvelope()).getCentroid();
                int zone;
                try {
                    zone = crs.gk3ZoneSrid(centre.getX(), false);
                } catch (RuntimeException e) {
                    throw ProcessException.invalidInput("geometry", "geometry " + (done + 1)
                            + " lies outside the CGCS2000 Gauss-Krüger zones of China: " + e.getMessage());
                }
                CrsTransform there = crs.transform(in.srid(), zone);
                CrsTransform back = crs.transform(zone, in.srid());
                b = back.transform(buffer(there.transform(g), distance, segments));
            }
            out.add(new GeoFeature(f.id(), b, f.properties()));
            context.progress((int) (100L * ++done / in.features().size()), done + " buffered");
        }
        return new ProcessOutputs().put("buffer", new OutputValue.Features(out, in.srid()));
    }

    private static Geometry buffer(Geometry g, double distance, int segments) {
        BufferParameters p = new BufferParameters(segments);
        return BufferOp.bufferOp(g, distance, p);
    }
}
