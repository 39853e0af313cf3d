package org.gengdi.server.encode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.gengdi.core.crs.CrsRegistry;
import org.gengdi.core.feature.Feature;
import org.gengdi.core.feature.FeatureCursor;
import org.gengdi.core.feature.FeatureType;

/**
 * Features as a zipped ESRI Shapefile: {@code LAYER.shp}, {@code .shx}, {@code .dbf}, {@code .prj} and {@code .cpg}
 * in one zip, for ArcGIS and the county offices' desktop tools.
 *
 * <p>The {@code .shp} and {@code .shx} headers need the file length and bounding box before the records, and the
 * {@code .dbf} header the record count, so the three files are spooled to a temporary folder first — on disk, never
 * in memory — and then zipped into the stream; the folder is deleted afterwards whatever happens. The {@code .dbf}
 * is UTF-8 and the {@code .cpg} says so; the {@code .prj} is the CRS's WKT from the {@link CrsRegistry}. Coordinates
 * are easting/longitude first, as shapefiles always are. See {@link DbfWriter} for the field types and
 * {@link ShpWriter} for the shapes. Feature ids are not kept: a shapefile's record number is its id.
 */
public final class ShapefileZipEncoder implements FeatureEncoder {
    private final Path tempDir;

    /** Spools to the system temporary folder. */
    public ShapefileZipEncoder() {
        this(null);
    }

    /** Spools to {@code tempDir} ({@code null}: the system temporary folder). */
    public ShapefileZipEncoder(Path tempDir) {
        this.tempDir = tempDir;
    }

    @Override
    public String mimeType() {
        return "application/zip";
    }

    @Override
    public List<String> formatNames() {
        return List.of(mimeType(), "shape-zip", "shapezip", "application/x-zipped-shp", "shp");
    }

    @Override
    public String fileExtension() {
        return "zip";
    }

    @Override
    public void write(FeatureCollectionInfo info, FeatureCursor features, OutputStream out) throws IOException {
        FeatureType type = info.featureType();
        String prj = CrsRegistry.get().byEpsg(info.crs().srid()).wkt();
        Path dir = tempDir == null ? Files.createTempDirectory("gengdi-shp") : Files.createTempDirectory(tempDir,
                "gengdi-shp");
        try {
            Path shp = dir.resolve("shp");
            Path shx = dir.resolve("shx");
            Path dbf = dir.resolve("dbf");
            try (ShpWriter geometries = new ShpWriter(shp, shx, type.geometryKind());
                 DbfWriter table = new DbfWriter(dbf, type.attributes())) {
                Object[] values = new Object[type.attributes().size()];
                while (features.hasNext()) {
                    Feature f = features.next();
                    for (int i = 0; i < values.length; i++) {
                        values[i] = f.value(i);
                    }
                    geometries.add(f.geometry());
                    table.add(values);
                }
            }
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            String name = type.name();
            entry(zip, name + ".shp", shp);
            entry(zip, name + ".shx", shx);
            entry(zip, name + ".dbf", dbf);
            entry(zip, name + ".prj", prj.getBytes(StandardCharsets.US_ASCII));
            entry(zip, name + ".cpg", "UTF-8".getBytes(StandardCharsets.US_ASCII));
            zip.finish(); // not close: the stream is the caller's
            out.flush();
        } finally {
            delete(dir);
        }
    }

    private static void entry(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /** Best effort: a file left in the temporary folder must not hide the exception that is on its way out. */
    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
