package org.gengdi.data.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an import did, for the CLI to print and for logs.
 *
 * @param layer               the layer written
 * @param source              the file read
 * @param format              {@code Shapefile}, {@code GeoJSON} or {@code GeoPackage}
 * @param featuresRead        features read from the source (including skipped ones)
 * @param featuresWritten     features stored
 * @param encoding            the source text encoding, or null for formats that fix it (GeoJSON, GeoPackage)
 * @param encodingDecision    how the encoding was decided (e.g. {@code from dltb.cpg ("936")})
 * @param sourceSrid          EPSG code of the source coordinates
 * @param crsDecision         how it was decided (e.g. {@code from dltb.prj})
 * @param targetSrid          EPSG code stored
 * @param repaired            geometries repaired (with {@code repair})
 * @param repairs             the first repairs, each "feature N (id): what was wrong; what was done"
 * @param skippedNullShapes   features skipped for having no geometry
 * @param skipped             the first skipped features, each "feature N (id)"
 * @param areaSquareMetres    total ellipsoidal (CGCS2000) area of the stored geometries in m², null for
 *                            non-polygon layers
 * @param fields              target field → source field it was filled from
 * @param unmappedSourceFields source fields not imported
 * @param notes               other things worth knowing (CRS detected from eastings, dropped rings, …)
 * @param elapsed             wall time
 */
public record ImportReport(String layer, Path source, String format, long featuresRead, long featuresWritten,
                           String encoding, String encodingDecision, int sourceSrid, String crsDecision,
                           int targetSrid, long repaired, List<String> repairs, long skippedNullShapes,
                           List<String> skipped, Double areaSquareMetres, Map<String, String> fields,
                           List<String> unmappedSourceFields, List<String> notes, Duration elapsed) {

    /** Square metres per 亩 (1 亩 = 10 000 / 15 m², FARMLAND-RULES §B.7). */
    public static final double SQUARE_METRES_PER_MU = 10_000d / 15d;

    public ImportReport {
        repairs = List.copyOf(repairs);
        skipped = List.copyOf(skipped);
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        unmappedSourceFields = List.copyOf(unmappedSourceFields);
        notes = List.copyOf(notes);
    }

    /** The total ellipsoidal area in 亩, null when there is no area. */
    public Double areaMu() {
        return areaSquareMetres == null ? null : areaSquareMetres / SQUARE_METRES_PER_MU;
    }

    /** A few lines for a terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "imported %d features from %s (%s) into layer %s in %.1f s%n",
                featuresWritten, source.getFileName(), format, layer, elapsed.toMillis() / 1000.0));
        if (encoding != null) {
            sb.append("  encoding: ").append(encoding).append(" — ").append(encodingDecision).append('\n');
        }
        sb.append("  CRS: EPSG:").append(sourceSrid).append(" — ").append(crsDecision);
        sb.append(sourceSrid == targetSrid ? "; stored as is" : "; stored in EPSG:" + targetSrid).append('\n');
        if (areaSquareMetres != null) {
            sb.append(String.format(Locale.ROOT, "  ellipsoidal area: %.2f m² = %.4f ha = %.2f 亩%n",
                    areaSquareMetres, areaSquareMetres / 10_000, areaMu()));
        }
        if (repaired > 0) {
            sb.append("  repaired geometries: ").append(repaired).append('\n');
            repairs.forEach(r -> sb.append("    ").append(r).append('\n'));
        }
        if (skippedNullShapes > 0) {
            sb.append("  skipped features without geometry: ").append(skippedNullShapes).append('\n');
            skipped.forEach(r -> sb.append("    ").append(r).append('\n'));
        }
        if (!unmappedSourceFields.isEmpty()) {
            sb.append("  source fields not imported: ").append(String.join(", ", unmappedSourceFields)).append('\n');
        }
        notes.forEach(n -> sb.append("  note: ").append(n).append('\n'));
        return sb.toString();
    }
}
