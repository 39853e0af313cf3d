package org.gengdi.store.geopackage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.layer.LayerCatalogue;

/**
 * The published names of tables and columns written by other tools (GDAL, QGIS) whose names are not ASCII
 * identifiers, which layer and attribute names must be. Nothing is left out: such a table or column is published
 * under a generated name, its original name kept as the title, and the store reads and filters it by its SQL name.
 *
 * <p>Columns follow the rule of the importer's {@code FieldNames}, so a file read here and the layer imported from
 * it name their fields alike. A column keeps its name when it is an ASCII identifier
 * ({@code [A-Za-z_][A-Za-z0-9_]*}, at most 63); otherwise, in order:
 * <ol>
 *   <li>a name equal to a national field's Chinese title takes that national name (地类编码 → {@code DLBM});</li>
 *   <li>a name with a non-ASCII character becomes {@code F} + its 1-based position among the layer's attributes
 *       (the primary key and the geometry column not counted), e.g. 村名 as the second attribute → {@code F2};</li>
 *   <li>another ASCII name has each run of other characters replaced by {@code _} (and {@code F_} in front of a
 *       leading digit): {@code AREA-M2} → {@code AREA_M2}, {@code 2023 area} → {@code F_2023_area}.</li>
 * </ol>
 * A generated name that is already taken, case-insensitively, by a column of the table (which keep their names),
 * by an earlier generated name, by the published geometry name or by {@code fid}/{@code geom}, gets a suffix
 * {@code _2}, {@code _3}, … . A geometry column whose name is not an identifier is published as {@code geom}
 * (suffixed likewise if a column has that name).
 *
 * <p>Tables: a feature table whose name is not an ASCII identifier is published as the ASCII part of its name (runs
 * of other characters become {@code _}; {@code L} when none is left, {@code L_} before a leading digit, at most 40
 * characters) followed by {@code _} and the eight hex digits of the CRC-32 of its UTF-8 name: 永久基本农田 →
 * {@code L_} + 8 hex digits, {@code DLTB-2023} → {@code DLTB_2023_} + 8 hex digits. The name thus depends on the
 * table's name alone and stays the same when other layers come and go. A name taken by another table of the file is
 * suffixed {@code _2}, {@code _3}, … (tables taken in name order).
 */
final class ForeignNames {
    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final Map<String, String> NATIONAL_BY_TITLE = new HashMap<>();

    static {
        for (FeatureType t : LayerCatalogue.all(4490)) {
            for (AttributeDef a : t.attributes()) {
                NATIONAL_BY_TITLE.putIfAbsent(a.title(), a.name());
            }
        }
    }

    private ForeignNames() {
    }

    static boolean isIdentifier(String s) {
        return s != null && IDENTIFIER.matcher(s).matches();
    }

    /**
     * The published name of the geometry column.
     *
     * @param tableColumns every column of the table
     */
    static String geometryName(String geometryColumn, Collection<String> tableColumns) {
        if (isIdentifier(geometryColumn)) {
            return geometryColumn;
        }
        Set<String> used = upper(tableColumns.stream().filter(ForeignNames::isIdentifier).toList());
        return unique("geom", used);
    }

    /**
     * The published names of a table's attribute columns, in their order.
     *
     * @param attributeColumns the SQL names of the columns read as attributes, in table order
     * @param tableColumns     every column of the table (primary key and geometry included)
     * @param geometryName     the published geometry name
     */
    static List<String> attributeNames(List<String> attributeColumns, Collection<String> tableColumns,
                                       String geometryName) {
        Set<String> used = upper(tableColumns.stream().filter(ForeignNames::isIdentifier).toList());
        used.add(geometryName.toUpperCase(Locale.ROOT));
        used.add("FID");
        used.add("GEOM");
        List<String> out = new ArrayList<>(attributeColumns.size());
        for (int i = 0; i < attributeColumns.size(); i++) {
            String col = attributeColumns.get(i);
            if (isIdentifier(col)) {
                out.add(col);
                continue;
            }
            String name = unique(base(col, i + 1), used);
            used.add(name.toUpperCase(Locale.ROOT));
            out.add(name);
        }
        return out;
    }

    private static String base(String col, int position) {
        String national = NATIONAL_BY_TITLE.get(col.strip());
        if (national != null) {
            return national;
        }
        if (!col.chars().allMatch(ch -> ch < 0x80)) {
            return "F" + position;
        }
        String base = col.strip().replaceAll("[^A-Za-z0-9_]+", "_");
        if (base.isEmpty() || base.equals("_")) {
            return "F" + position;
        }
        if (Character.isDigit(base.charAt(0))) {
            base = "F_" + base;
        }
        return base.length() > 60 ? base.substring(0, 60) : base;
    }

    /**
     * The published name of every feature table, keyed by its SQL name.
     *
     * @param featureTables the feature tables
     * @param allNames      every table, view and index name of the file (the names a generated name must avoid)
     */
    static Map<String, String> layerNames(List<String> featureTables, Collection<String> allNames) {
        Set<String> used = upper(allNames.stream().filter(ForeignNames::isIdentifier).toList());
        Map<String, String> out = new LinkedHashMap<>();
        List<String> generated = new ArrayList<>();
        for (String t : featureTables) {
            if (isIdentifier(t)) {
                out.put(t, t);
            } else {
                generated.add(t);
            }
        }
        generated.sort(null);
        for (String t : generated) {
            String name = unique(tableBase(t), used);
            used.add(name.toUpperCase(Locale.ROOT));
            out.put(t, name);
        }
        return out;
    }

    private static String tableBase(String table) {
        String ascii = table.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (ascii.length() > 40) {
            ascii = ascii.substring(0, 40);
        }
        if (ascii.isEmpty()) {
            ascii = "L";
        } else if (Character.isDigit(ascii.charAt(0))) {
            ascii = "L_" + ascii;
        }
        CRC32 crc = new CRC32();
        crc.update(table.getBytes(StandardCharsets.UTF_8));
        return ascii + "_" + String.format(Locale.ROOT, "%08x", crc.getValue());
    }

    private static String unique(String base, Set<String> used) {
        String name = base;
        for (int n = 2; used.contains(name.toUpperCase(Locale.ROOT)); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static Set<String> upper(Collection<String> names) {
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(n.toUpperCase(Locale.ROOT)));
        return out;
    }
}
