package org.gengdi.data.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Source field name → target field name, as given by a county for its files (FARMLAND-RULES §G.9), e.g.
 * {@code TKXS → KCXS} or {@code 地类编码 → DLBM}. Source names match case-insensitively. A target of {@code -} (or
 * JSON {@code null}) drops the source field.
 *
 * <p>Two file forms are read, both UTF-8:
 * <ul>
 *   <li>{@code .properties}-style lines {@code source = TARGET}; {@code #} and {@code !} start comments;</li>
 *   <li>{@code .json}: an object of strings, either flat or under a {@code "fields"} member.</li>
 * </ul>
 */
public final class FieldMapping {

    /** No mapping. */
    public static final FieldMapping NONE = new FieldMapping("no mapping", new LinkedHashMap<>());

    /** The shipped 二调 → 三调 renames (resource {@code mappings/erdiao-to-sandiao.properties}). */
    public static final String DEFAULT_RENAMES = "mappings/erdiao-to-sandiao.properties";

    /** The value that drops a source field. */
    public static final String DROP = "-";

    private final String origin;
    private final Map<String, String> entries;

    private FieldMapping(String origin, Map<String, String> entries) {
        this.origin = origin;
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** A mapping from pairs given in code or on the command line; {@code origin} names it in messages. */
    public static FieldMapping of(String origin, Map<String, String> sourceToTarget) {
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        sourceToTarget.forEach((s, t) -> put(origin, m, seen, s, t));
        return new FieldMapping(origin, m);
    }

    /** Reads a mapping file ({@code .json}, otherwise properties-style lines). */
    public static FieldMapping load(Path file) {
        String origin = "mapping file " + file.getFileName();
        try (InputStream in = Files.newInputStream(file)) {
            return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? json(origin, in) : lines(origin, in);
        } catch (IOException e) {
            throw new ImportException(origin + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** The shipped 二调 → 三调 renames. */
    public static FieldMapping defaultRenames() {
        return resource(DEFAULT_RENAMES);
    }

    /** A mapping shipped on the class path, e.g. {@link #DEFAULT_RENAMES}. */
    public static FieldMapping resource(String name) {
        try (InputStream in = FieldMapping.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return lines("mapping " + name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the mapping came from, for messages (e.g. {@code mapping file county.properties}). */
    public String origin() {
        return origin;
    }

    /** Source name → target name ({@link #DROP} drops), in file order. */
    public Map<String, String> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entry for a source field name, matched case-insensitively, or null. */
    String targetOf(String sourceName) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (e.getKey().equalsIgnoreCase(sourceName)) {
                return e.getValue();
            }
        }
        return null;
    }

    static FieldMapping lines(String origin, InputStream in) throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String s = line.strip();
                if (n == 1 && s.startsWith("\uFEFF")) {
                    s = s.substring(1).strip();
                }
                if (s.isEmpty() || s.startsWith("#") || s.startsWith("!")) {
                    continue;
                }
                int eq = s.indexOf('=');
                int colon = s.indexOf(':');
                int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
                if (sep <= 0) {
                    throw new ImportException(origin + ", line " + n + ": expected 'source = TARGET', got '" + s + "'");
                }
                put(origin + ", line " + n, m, seen, s.substring(0, sep).strip(), s.substring(sep + 1).strip());
            }
        }
        return new FieldMapping(origin, m);
    }

    private static FieldMapping json(String origin, InputStream in) throws IOException {
        JsonNode root;
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            root = new ObjectMapper().readTree(r);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ImportException(origin + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root != null && root.has("fields")) {
            root = root.get("fields");
        }
        if (root == null || !root.isObject()) {
            throw new ImportException(origin + ": expected a JSON object of \"source\": \"TARGET\" pairs");
        }
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isNull() && !v.isTextual()) {
                throw new ImportException(origin + ": the target of \"" + e.getKey() + "\" must be a string or null");
            }
            put(origin, m, seen, e.getKey().strip(), v.isNull() ? DROP : v.asText().strip());
        }
        return new FieldMapping(origin, m);
    }

    private static void put(String where, Map<String, String> m, Map<String, String> seen, String source,
                            String target) {
        if (source == null || source.isEmpty()) {
            throw new ImportException(where + ": empty source field name");
        }
        if (target == null || target.isEmpty()) {
            target = DROP;
        }
        if (!target.equals(DROP) && !FieldNames.isIdentifier(target)) {
            throw new ImportException(where + ": target field '" + target
                    + "' is not an ASCII field name (letters, digits, _; at most 63)");
        }
        String key = source.toUpperCase(Locale.ROOT);
        if (seen.containsKey(key)) {
            throw new ImportException(where + ": source field " + source + " is mapped twice");
        }
        seen.put(key, source);
        m.put(source, target);
    }

    @Override
    public String toString() {
        return origin + entries;
    }
}
