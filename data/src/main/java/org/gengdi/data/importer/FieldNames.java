package org.gengdi.data.importer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LayerCatalogue;

/**
 * How source field names become stored names when a layer takes the source's own schema. Stored names are ASCII
 * identifiers (OGC clients and SQL need them); the original name is kept as the field's title. The rule, in order:
 * <ol>
 *   <li>a name the field mapping gives wins;</li>
 *   <li>an ASCII identifier ({@code [A-Za-z_][A-Za-z0-9_]*}, ≤ 63) is kept as it is, e.g. {@code DLBM};</li>
 *   <li>a name equal to a national field's Chinese title takes that national name, e.g. 地类编码 → {@code DLBM};</li>
 *   <li>any other name with a non-ASCII character becomes {@code F} + its 1-based column number, e.g. 村名 in
 *       column 3 → {@code F3} (title 村名);</li>
 *   <li>other ASCII names have each run of other characters replaced by {@code _}, e.g. {@code AREA-M2} →
 *       {@code AREA_M2}, and get a leading {@code F_} if they start with a digit;</li>
 * </ol>
 * Names that then collide (case-insensitively) with an earlier one, or with the reserved {@code geom} and
 * {@code fid}, get a suffix {@code _2}, {@code _3}, … .
 *
 * <p>The GeoPackage store publishes the columns of GDAL/QGIS tables by rules 2–5 too (the column number being the
 * position among the table's attributes), so a GeoPackage layer served directly and the layer imported from it
 * name their fields alike; the store differs only in never renaming a column that already is an ASCII identifier.
 * The importer itself reads a GeoPackage's columns by their names in the file (地类编码, 村名), as for any format.
 */
public final class FieldNames {
    private static final Map<String, String> NATIONAL_BY_TITLE = new HashMap<>();

    static {
        for (FeatureType t : LayerCatalogue.all(4490)) {
            for (AttributeDef a : t.attributes()) {
                NATIONAL_BY_TITLE.putIfAbsent(a.title(), a.name());
            }
        }
    }

    private final Set<String> used = new HashSet<>(Set.of("GEOM", "FID"));

    /** True for a valid stored name. */
    public static boolean isIdentifier(String s) {
        return s != null && s.matches("[A-Za-z_][A-Za-z0-9_]{0,62}");
    }

    /** The national field name whose Chinese title this is (地类编码 → DLBM), or null. */
    public static String nationalNameForTitle(String title) {
        return title == null ? null : NATIONAL_BY_TITLE.get(title.strip());
    }

    /** The stored name for the source column at {@code position} (1-based); {@code mapped} from a mapping or null. */
    String assign(String sourceName, int position, String mapped) {
        String base;
        if (mapped != null) {
            base = mapped;
        } else if (isIdentifier(sourceName)) {
            base = sourceName;
        } else if (nationalNameForTitle(sourceName) != null) {
            base = nationalNameForTitle(sourceName);
        } else if (!sourceName.chars().allMatch(c -> c < 0x80)) {
            base = "F" + position;
        } else {
            base = sourceName.strip().replaceAll("[^A-Za-z0-9_]+", "_");
            if (base.isEmpty() || base.equals("_")) {
                base = "F" + position;
            } else if (Character.isDigit(base.charAt(0))) {
                base = "F_" + base;
            }
            if (base.length() > 60) {
                base = base.substring(0, 60);
            }
        }
        String name = base;
        for (int n = 2; used.contains(name.toUpperCase(Locale.ROOT)); n++) {
            name = base + "_" + n;
        }
        used.add(name.toUpperCase(Locale.ROOT));
        return name;
    }
}
