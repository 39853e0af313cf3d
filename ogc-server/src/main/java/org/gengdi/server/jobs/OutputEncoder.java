package org.gengdi.server.jobs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.task.JobOutput;
import org.gengdi.process.Format;
import org.gengdi.process.GeoFeature;
import org.gengdi.process.OutputDescription;
import org.gengdi.process.OutputValue;
import org.gengdi.process.ProcessException;
import org.gengdi.server.encode.FeatureCollectionInfo;
import org.gengdi.server.encode.FeatureEncoder;
import org.gengdi.server.encode.GeoJsonEncoder;
import org.gengdi.server.encode.GmlEncoder;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;

/**
 * Encodes a process's output values in the format each output was asked for, with the same streaming encoders WFS
 * uses (GeoJSON, GML 3.2 / 3.1.1), or as WKT; literals become their text.
 */
final class OutputEncoder {
    /** The media type of a literal's text. */
    static final String TEXT = "text/plain";
    private static final GeometryFactory GF = new GeometryFactory();

    private OutputEncoder() {
    }

    /** The format an output request names (its default when {@code null}), or an input error. */
    static Format format(OutputDescription d, String mediaType) {
        if (d.isLiteral()) {
            return null;
        }
        if (mediaType == null || mediaType.isBlank()) {
            return d.formats().get(0);
        }
        Format f = Format.find(d.formats(), mediaType);
        if (f == null) {
            throw ProcessException.invalidInput(d.id(), "output " + d.id() + " cannot be given as " + mediaType
                    + "; it can be " + d.formats().stream().map(Format::mediaType).toList());
        }
        return f;
    }

    static JobOutput encode(OutputDescription d, OutputValue value, Format format) {
        if (value instanceof OutputValue.Literal l) {
            return new JobOutput(d.id(), TEXT, String.valueOf(l.value()).getBytes(StandardCharsets.UTF_8));
        }
        if (value instanceof OutputValue.Document doc) {
            return new JobOutput(d.id(), doc.mediaType(), doc.content());
        }
        OutputValue.Features f = (OutputValue.Features) value;
        if (format == null) {
            throw new ProcessException(ProcessException.Kind.FAILED, d.id(), "output " + d.id()
                    + " is literal but the process produced features");
        }
        return new JobOutput(d.id(), format.mediaType(), features(d.id(), f, format));
    }

    private static byte[] features(String id, OutputValue.Features f, Format format) {
        if (format == Format.WKT) {
            Geometry[] gs = f.features().stream().map(GeoFeature::geometry).filter(g -> g != null)
                    .toArray(Geometry[]::new);
            Geometry g = gs.length == 1 ? gs[0] : GF.createGeometryCollection(gs);
            return new WKTWriter(2).write(g).getBytes(StandardCharsets.UTF_8);
        }
        boolean gml = format != Format.GEOJSON;
        FeatureType type = typeOf(id, f, gml);
        FeatureEncoder encoder = format == Format.GML32 ? GmlEncoder.gml32()
                : format == Format.GML31 ? GmlEncoder.gml311() : new GeoJsonEncoder();
        FeatureCollectionInfo info = new FeatureCollectionInfo(type,
                CrsRegistry.get().parse(gml ? CrsRegistry.get().urn(f.srid()) : "EPSG:" + f.srid()),
                (long) f.features().size(), (long) f.features().size(), null, null, null, null, null, null,
                CrsRegistry.get().gkZone(f.srid()).isPresent() || f.srid() == 3857 ? 3 : 9, false, null);
        List<Feature> features = new ArrayList<>(f.features().size());
        int n = 0;
        for (GeoFeature g : f.features()) {
            Object[] values = new Object[type.attributes().size()];
            for (int i = 0; i < values.length; i++) {
                AttributeDef a = type.attributes().get(i);
                Object v = g.properties().get(a.name());
                values[i] = v == null ? null : a.type() == AttributeType.STRING ? String.valueOf(v)
                        : a.type().coerce(v);
            }
            features.add(new Feature(type, g.id() == null ? type.name() + "." + (++n) : g.id(), g.geometry(),
                    values));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            encoder.write(info, FeatureCursor.of(features), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A feature type covering the properties of all features (a type per name: the first non-null value's). */
    private static FeatureType typeOf(String id, OutputValue.Features f, boolean xmlNames) {
        Map<String, AttributeType> types = new LinkedHashMap<>();
        for (GeoFeature g : f.features()) {
            g.properties().forEach((k, v) -> {
                if (xmlNames && !k.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                    return; // not an XML element name: GML cannot carry it
                }
                AttributeType t = v instanceof Long || v instanceof Integer ? AttributeType.LONG
                        : v instanceof Number ? AttributeType.DOUBLE
                        : v instanceof Boolean ? AttributeType.BOOLEAN : v == null ? null : AttributeType.STRING;
                AttributeType old = types.get(k);
                if (old == null) {
                    types.put(k, t);
                } else if (t != null && t != old) {
                    types.put(k, old.isNumeric() && t.isNumeric() ? AttributeType.DOUBLE : AttributeType.STRING);
                }
            });
        }
        List<AttributeDef> attrs = new ArrayList<>();
        types.forEach((k, t) -> attrs.add(AttributeDef.of(k, t == null ? AttributeType.STRING : t, k)));
        String name = id.replaceAll("[^A-Za-z0-9_]", "_");
        if (!name.matches("[A-Za-z_].*")) {
            name = "output_" + name;
        }
        return new FeatureType(name.length() > 63 ? name.substring(0, 63) : name, id, "geometry",
                GeometryKind.GEOMETRY, f.srid(), attrs);
    }
}
