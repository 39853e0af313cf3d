package org.gengdi.data.importer;

import org.gengdi.core.task.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gengdi.core.crs.CrsTransform;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.layer.LayerCatalogue;
import org.gengdi.core.layer.LayerKind;
import org.gengdi.core.store.FeatureSource;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.store.LayerWriter;
import org.gengdi.core.store.StoreException;
import org.locationtech.jts.geom.Geometry;

/**
 * Imports one county file into a layer of a {@link FeatureStore}, all or nothing: {@code gengdi import}'s engine.
 *
 * <p>Steps: open the source ({@link SourceReader}: Shapefile, GeoJSON or GeoPackage) and decide its encoding and
 * CRS; choose the target schema — a kind's national schema ({@link LayerCatalogue}), else the existing layer's,
 * else the source's own ({@link FieldNames}); resolve the field mapping ({@link FieldPlan}) — all before anything
 * is written. Then every feature is checked (validity, geometry kind, values coerced to the field types, strings
 * no longer than the field), reprojected to the target CRS and written through one
 * {@link FeatureStore#write(FeatureType, boolean)} transaction. Any problem rolls the transaction back, so the
 * store is left exactly as it was, and is reported as an {@link ImportException} naming file, feature and field.
 * Data problems (invalid geometry, bad values) are collected over the whole file, up to
 * {@link ImportRequest#maxProblems()}, so one run shows what to fix.
 *
 * <p>Strings longer than the target field are an error, not truncated: a cut-off parcel number or village name
 * would be a silent data change. Geometries are validated in the source CRS (the messages give coordinates the
 * user can find in the file) and then reprojected.
 */
public final class LayerImporter {
    private static final int PROGRESS_EVERY = 100;

    private final FeatureStore store;

    public LayerImporter(FeatureStore store) {
        this.store = store;
    }

    /** Imports with no progress reporting. */
    public ImportReport run(ImportRequest request) {
        return run(request, ProgressListener.NONE);
    }

    /**
     * Imports the request's file; on success the layer holds exactly the file's features.
     *
     * @throws ImportException for anything that stops the import; the store is then unchanged
     */
    public ImportReport run(ImportRequest request, ProgressListener progress) {
        long started = System.nanoTime();
        if (!Files.isRegularFile(request.source())) {
            throw new ImportException("file " + request.source() + ": no such file");
        }
        try (SourceReader reader = open(request)) {
            return new Run(request, reader, progress).execute(started);
        }
    }

    /** Opens the reader for a file by its extension. */
    static SourceReader open(ImportRequest request) {
        Path file = request.source();
        String ext = extension(file);
        return switch (ext) {
            case "shp" -> new ShapefileReader(file, request.sourceSrid(), request.encoding());
            case "dbf", "shx", "prj", "cpg" -> {
                Path shp = ShapefileReader.sibling(file, "shp");
                if (shp == null) {
                    throw new ImportException("file " + file.getFileName() + ": the .shp next to it is missing");
                }
                yield new ShapefileReader(shp, request.sourceSrid(), request.encoding());
            }
            case "geojson", "json" -> new GeoJsonReader(file, request.sourceSrid());
            case "gpkg" -> new GeoPackageReader(file, request.sourceLayer(), request.sourceSrid());
            default -> throw new ImportException("file " + file.getFileName() + ": unknown format ." + ext
                    + "; Gengdi imports Shapefile (.shp), GeoJSON (.geojson, .json) and GeoPackage (.gpkg); "
                    + "convert others with ogr2ogr (see the README)");
        };
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** One import: the decisions made before writing, then the pass over the features. */
    private final class Run {
        private final ImportRequest request;
        private final SourceReader reader;
        private final ProgressListener progress;
        private final String file;
        private final List<String> problems = new ArrayList<>();
        private final List<String> repairs = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private long problemCount;
        private long repaired;
        private long skippedCount;

        Run(ImportRequest request, SourceReader reader, ProgressListener progress) {
            this.request = request;
            this.reader = reader;
            this.progress = progress;
            this.file = reader.fileName();
        }

        ImportReport execute(long started) {
            int sourceSrid = reader.crs().srid();
            String layerName = layerName();
            Optional<FeatureSource> existing = store.source(layerName);
            if (existing.isPresent() && !request.replace()) {
                throw new ImportException("layer " + layerName + " already exists; import with replace to "
                        + "replace it");
            }
            FieldPlan plan = plan(layerName, existing, sourceSrid);
            FeatureType type = plan.target;
            int targetSrid = type.srid();
            CrsTransform toTarget = sourceSrid == targetSrid ? null : transform(sourceSrid, targetSrid);
            checkKinds(type);

            long total = reader.featureCount();
            long read = 0;
            double area = 0;
            boolean polygonal = type.geometryKind() == GeometryKind.MULTIPOLYGON
                    || type.geometryKind() == GeometryKind.POLYGON;
            try (LayerWriter writer = store.write(type, request.replace())) {
                for (Iterator<SourceFeature> it = reader.features(); it.hasNext(); ) {
                    SourceFeature f = it.next();
                    read++;
                    if (read % PROGRESS_EVERY == 0) {
                        progress.progress("import", read, total);
                    }
                    Feature out = convert(f, plan, toTarget);
                    if (out == null) {
                        continue;
                    }
                    if (polygonal) {
                        area += areaOf(out.geometry(), targetSrid, f);
                    }
                    if (problemCount == 0) {
                        add(writer, out, f);
                    }
                }
                progress.progress("import", read, total);
                if (problemCount > 0) {
                    throw ImportException.of(file, problems, problemCount);
                }
                if (writer.count() == 0 && read > 0) {
                    throw new ImportException("file " + file + ": none of its " + read + " features has a geometry; "
                            + "nothing imported");
                }
                long written = writer.count();
                writer.commit();
                notes.addAll(0, reader.notes());
                var enc = reader.encoding();
                return new ImportReport(type.name(), request.source(), reader.format(), read, written,
                        enc == null ? null : enc.charset(), enc == null ? null : enc.how(), sourceSrid,
                        reader.crs().how(), targetSrid, repaired, repairs, skippedCount, skipped,
                        polygonal ? area : null, plan.used, plan.unmapped, notes,
                        Duration.ofNanos(System.nanoTime() - started));
            } catch (StoreException e) {
                throw new ImportException("store " + store.description() + ": " + e.getMessage()
                        + "; nothing imported", e);
            }
        }

        private String layerName() {
            if (request.layerName() != null) {
                if (!FieldNames.isIdentifier(request.layerName())) {
                    throw new ImportException("layer name '" + request.layerName() + "' is not an ASCII name "
                            + "(letters, digits, _; at most 63)");
                }
                return request.layerName();
            }
            if (request.kind() != null) {
                return request.kind().layerName();
            }
            String base = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            String name = base.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
            if (name.isEmpty()) {
                throw new ImportException("file " + file + ": cannot make a layer name from the file name; "
                        + "give one with --layer");
            }
            return Character.isDigit(name.charAt(0)) ? "L_" + name : name.length() > 63 ? name.substring(0, 63)
                    : name;
        }

        private FieldPlan plan(String layerName, Optional<FeatureSource> existing, int sourceSrid) {
            FieldMapping renames = request.defaultRenames() ? FieldMapping.defaultRenames() : null;
            Integer targetSrid = request.targetSrid();
            if (targetSrid != null) {
                CrsSupport.require(targetSrid, "--target-srid");
            }
            LayerKind kind = request.kind();
            if (kind != null) {
                FeatureType t = LayerCatalogue.type(kind, targetSrid != null ? targetSrid : sourceSrid);
                if (!t.name().equals(layerName)) {
                    t = t.renamed(layerName, t.title());
                }
                return FieldPlan.toSchema(reader.fields(), t, request.mapping(), renames,
                        FieldPlan.requiredFor(kind), file);
            }
            if (existing.isPresent()) {
                FeatureType t = existing.get().schema();
                if (targetSrid != null && targetSrid != t.srid()) {
                    t = t.withSrid(targetSrid);
                }
                return FieldPlan.toSchema(reader.fields(), t, request.mapping(), renames,
                        FieldPlan.requiredFor(LayerCatalogue.kindOf(layerName).orElse(null)), file);
            }
            String title = file.contains(".") ? file.substring(0, file.lastIndexOf('.')) : file;
            return FieldPlan.fromSource(reader.fields(), layerName, title, reader.geometryKind(),
                    targetSrid != null ? targetSrid : sourceSrid, request.mapping(), file);
        }

        private CrsTransform transform(int from, int to) {
            try {
                return CrsSupport.transform(from, to);
            } catch (IllegalArgumentException e) {
                throw new ImportException("cannot transform EPSG:" + from + " to EPSG:" + to + ": " + e.getMessage());
            }
        }

        /** A source that declares a geometry kind the layer can never take fails before reading. */
        private void checkKinds(FeatureType type) {
            GeometryKind src = reader.geometryKind();
            GeometryKind dst = type.geometryKind();
            if (src == GeometryKind.GEOMETRY || dst == GeometryKind.GEOMETRY || reader.featureCount() == 0) {
                return;
            }
            if (dimension(src) != dimension(dst)) {
                throw new ImportException("file " + file + " holds " + src.ogcName() + " geometries but layer "
                        + type.name() + " takes " + dst.ogcName());
            }
        }

        private int dimension(GeometryKind k) {
            return switch (k) {
                case POINT, MULTIPOINT -> 0;
                case LINESTRING, MULTILINESTRING -> 1;
                case POLYGON, MULTIPOLYGON -> 2;
                default -> -1;
            };
        }

        /** The feature to store, or null when skipped or faulty (the problem is recorded). */
        private Feature convert(SourceFeature f, FieldPlan plan, CrsTransform toTarget) {
            FeatureType type = plan.target;
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) {
                skippedCount++;
                if (skipped.size() < request.maxProblems()) {
                    skipped.add(ImportException.where(null, f.row(), f.id(), null));
                }
                return null;
            }
            GeometryCheck.Outcome checked = GeometryCheck.check(g, type.geometryKind(), request.repair());
            if (checked.problem() != null) {
                problem(f, null, checked.problem());
            } else if (checked.repair() != null) {
                repaired++;
                if (repairs.size() < request.maxProblems()) {
                    repairs.add(ImportException.where(null, f.row(), f.id(), null) + ": " + checked.repair());
                }
            }
            Object[] values = new Object[type.attributes().size()];
            for (int i = 0; i < values.length; i++) {
                int s = plan.sourceIndex[i];
                if (s < 0) {
                    continue;
                }
                AttributeDef a = type.attributes().get(i);
                String sourceName = reader.fields().get(s).name();
                try {
                    values[i] = value(f.values()[s], a);
                } catch (IllegalArgumentException e) {
                    problem(f, sourceName.equalsIgnoreCase(a.name()) ? a.name()
                            : a.name() + " (source " + sourceName + ")", e.getMessage());
                }
            }
            if (checked.problem() != null || problemCount > 0) {
                return null;
            }
            Geometry out = checked.geometry();
            if (toTarget != null) {
                try {
                    out = toTarget.transform(out);
                } catch (RuntimeException e) {
                    problem(f, null, "cannot transform to EPSG:" + type.srid() + ": " + e.getMessage());
                    return null;
                }
            }
            out.setSRID(type.srid());
            return new Feature(type, null, out, values);
        }

        /** A source value as the target field's type; rejects strings longer than the field. */
        private Object value(Object raw, AttributeDef a) {
            if (raw == null) {
                return null;
            }
            if (raw instanceof String s && s.isBlank() && a.type() != AttributeType.STRING) {
                return null;
            }
            if (a.type() == AttributeType.STRING && raw instanceof Double d && d == Math.rint(d)
                    && Math.abs(d) < 1e15) {
                raw = (long) d.doubleValue(); // 2.0 from a numeric column becomes "2", as a county means it
            }
            Object v;
            try {
                v = a.type().coerce(raw);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("value " + quote(raw) + " is not a valid "
                        + a.type().name().toLowerCase(Locale.ROOT));
            }
            if (v instanceof String s && a.length() > 0 && s.codePointCount(0, s.length()) > a.length()) {
                throw new IllegalArgumentException("value " + quote(s) + " has " + s.codePointCount(0, s.length())
                        + " characters, more than the field's " + a.length());
            }
            return v;
        }

        private double areaOf(Geometry g, int srid, SourceFeature f) {
            try {
                return CrsSupport.area(g, srid);
            } catch (RuntimeException e) {
                problem(f, null, "cannot compute the ellipsoidal area: " + e.getMessage());
                return 0;
            }
        }

        private void add(LayerWriter writer, Feature out, SourceFeature f) {
            try {
                writer.add(out);
            } catch (StoreException e) {
                if (e.kind() == StoreException.Kind.INVALID_DATA) {
                    problem(f, null, "the store refused it: " + e.getMessage());
                } else {
                    throw e;
                }
            }
        }

        private void problem(SourceFeature f, String field, String what) {
            problemCount++;
            if (problems.size() < request.maxProblems()) {
                problems.add(ImportException.where(null, f.row(), f.id(), field) + ": " + what);
            }
        }

        private String quote(Object v) {
            String s = String.valueOf(v);
            return v instanceof String ? "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'" : s;
        }
    }
}
