package org.gengdi.data.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gengdi.core.feature.AttributeDef;
import org.gengdi.core.feature.AttributeType;
import org.gengdi.core.feature.FeatureType;
import org.gengdi.core.feature.GeometryKind;
import org.gengdi.core.layer.LayerKind;

/**
 * Which source column feeds each target field, decided before anything is written. For a given target schema
 * (an existing layer or a kind's national schema) a target field takes, in order: the source field the mapping
 * names for it; the source field of the same name (case-insensitive); the source field named like its Chinese
 * title (地类编码 for DLBM); a source field the shipped 二调→三调 renames map to it (TKXS for KCXS). Mapping
 * entries naming a source field that does not exist, or a target field the layer lacks, are errors; so is a
 * required field with no source.
 */
final class FieldPlan {

    /** Fields without which a national layer is useless to the analyses; other fields may stay empty. */
    private static final Map<LayerKind, List<String>> REQUIRED = new EnumMap<>(LayerKind.class);

    static {
        REQUIRED.put(LayerKind.CULTIVATED_LAND, List.of("DLBM"));
        REQUIRED.put(LayerKind.RED_LINE, List.of("DLBM"));
        REQUIRED.put(LayerKind.RESERVE, List.of("DLBM"));
        REQUIRED.put(LayerKind.COUNTY, List.of("XZQDM"));
        REQUIRED.put(LayerKind.TOWNSHIP, List.of("XZQDM"));
        REQUIRED.put(LayerKind.VILLAGE, List.of("ZLDWDM"));
    }

    final FeatureType target;
    /** Per target attribute, the source column index, or -1 (value stays null). */
    final int[] sourceIndex;
    /** Target field → source field, for the report. */
    final Map<String, String> used;
    /** Source fields not imported (no target field takes them, or the mapping drops them), in source order. */
    final List<String> unmapped;

    private FieldPlan(FeatureType target, int[] sourceIndex, Map<String, String> used, List<String> unmapped) {
        this.target = target;
        this.sourceIndex = sourceIndex;
        this.used = used;
        this.unmapped = unmapped;
    }

    /** The required fields of a layer, by its kind or (for an existing layer) its national name. */
    static List<String> requiredFor(LayerKind kind) {
        return kind == null ? List.of() : REQUIRED.getOrDefault(kind, List.of());
    }

    /** Maps the source onto a fixed target schema. */
    static FieldPlan toSchema(List<SourceField> source, FeatureType target, FieldMapping mapping,
                              FieldMapping renames, List<String> required, String file) {
        checkSourcesExist(source, mapping, file);
        int[] index = new int[target.attributes().size()];
        Arrays.fill(index, -1);
        boolean[] taken = new boolean[source.size()];
        boolean[] dropped = new boolean[source.size()];
        // 1. explicit mapping
        for (Map.Entry<String, String> e : mapping.entries().entrySet()) {
            int s = indexOf(source, e.getKey());
            if (e.getValue().equals(FieldMapping.DROP)) {
                taken[s] = true;
                dropped[s] = true;
                continue;
            }
            int t = target.indexOf(e.getValue());
            if (t < 0) {
                throw new ImportException(mapping.origin() + ": target field " + e.getValue()
                        + " is not a field of layer " + target.name() + " (fields: " + names(target) + ")");
            }
            if (index[t] >= 0) {
                throw new ImportException(mapping.origin() + ": two source fields are mapped to " + e.getValue()
                        + ": " + source.get(index[t]).name() + " and " + source.get(s).name());
            }
            index[t] = s;
            taken[s] = true;
        }
        // 2. same name, 3. Chinese title, 4. default renames — each pass only fills what is still open
        for (int pass = 2; pass <= 4; pass++) {
            for (int t = 0; t < index.length; t++) {
                if (index[t] >= 0) {
                    continue;
                }
                AttributeDef a = target.attributes().get(t);
                for (int s = 0; s < source.size(); s++) {
                    if (taken[s]) {
                        continue;
                    }
                    String n = source.get(s).name();
                    boolean match = switch (pass) {
                        case 2 -> n.equalsIgnoreCase(a.name());
                        case 3 -> n.strip().equals(a.title());
                        default -> renames != null && a.name().equalsIgnoreCase(renames.targetOf(n));
                    };
                    if (match) {
                        index[t] = s;
                        taken[s] = true;
                        break;
                    }
                }
            }
        }
        for (String r : required) {
            int t = target.indexOf(r);
            if (t >= 0 && index[t] < 0) {
                AttributeDef a = target.attributes().get(t);
                throw new ImportException("file " + file + ": layer " + target.name() + " needs field " + a.name()
                        + " (" + a.title() + ") but no source field is named " + a.name() + " or " + a.title()
                        + " or mapped to it; source fields: " + sourceNames(source)
                        + "; add a mapping line '<source field> = " + a.name() + "'");
            }
        }
        Map<String, String> used = new LinkedHashMap<>();
        for (int t = 0; t < index.length; t++) {
            if (index[t] >= 0) {
                used.put(target.attributes().get(t).name(), source.get(index[t]).name());
            }
        }
        List<String> unmapped = new ArrayList<>();
        for (int s = 0; s < source.size(); s++) {
            if (!taken[s] || dropped[s]) { // dropped by the mapping: not imported either, and said so
                unmapped.add(source.get(s).name());
            }
        }
        return new FieldPlan(target, index, used, unmapped);
    }

    /** Builds the target schema from the source's own columns (names per {@link FieldNames}). */
    static FieldPlan fromSource(List<SourceField> source, String layerName, String title, GeometryKind kind,
                                int srid, FieldMapping mapping, String file) {
        checkSourcesExist(source, mapping, file);
        FieldNames names = new FieldNames();
        List<AttributeDef> attrs = new ArrayList<>();
        List<Integer> idx = new ArrayList<>();
        Map<String, String> used = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        Map<String, String> explicitTargets = new LinkedHashMap<>();
        for (int s = 0; s < source.size(); s++) {
            SourceField f = source.get(s);
            String mapped = mapping.targetOf(f.name());
            if (FieldMapping.DROP.equals(mapped)) {
                dropped.add(f.name());
                continue;
            }
            if (mapped != null) {
                String prev = explicitTargets.put(mapped.toUpperCase(Locale.ROOT), f.name());
                if (prev != null) {
                    throw new ImportException(mapping.origin() + ": two source fields are mapped to " + mapped
                            + ": " + prev + " and " + f.name());
                }
            }
            String name = names.assign(f.name(), s + 1, mapped);
            String fieldTitle = name.equals(f.name()) ? name : f.name();
            attrs.add(new AttributeDef(name, f.type(), f.type() == AttributeType.STRING ? f.length() : 0, fieldTitle,
                    false, null));
            idx.add(s);
            used.put(name, f.name());
        }
        FeatureType type = new FeatureType(layerName, title, "geom", kind, srid, attrs);
        return new FieldPlan(type, idx.stream().mapToInt(Integer::intValue).toArray(), used, dropped);
    }

    private static void checkSourcesExist(List<SourceField> source, FieldMapping mapping, String file) {
        for (String s : mapping.entries().keySet()) {
            if (indexOf(source, s) < 0) {
                throw new ImportException(mapping.origin() + ": source field " + s + " does not exist in " + file
                        + " (its fields: " + sourceNames(source) + ")");
            }
        }
    }

    private static int indexOf(List<SourceField> source, String name) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).name().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    private static String sourceNames(List<SourceField> source) {
        return source.isEmpty() ? "none" : source.stream().map(SourceField::name).collect(Collectors.joining(", "));
    }

    private static String names(FeatureType t) {
        return t.attributes().stream().map(AttributeDef::name).collect(Collectors.joining(", "));
    }
}
