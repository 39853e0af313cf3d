package org.gengdi.core.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of FARMLAND-RULES.md §A.13, read from {@code rules.tsv} beside this class. Processes cite rules only
 * through it, so an unknown id is a programming error caught by the tests.
 */
public final class RuleCatalogue {
    private static final RuleCatalogue INSTANCE = load();
    private final Map<String, Rule> rules;

    private RuleCatalogue(Map<String, Rule> rules) {
        this.rules = rules;
    }

    public static RuleCatalogue get() {
        return INSTANCE;
    }

    /** The rule of an id; an unknown id is a bug. */
    public Rule rule(String id) {
        Rule r = rules.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no rule " + id + " in the catalogue");
        }
        return r;
    }

    public Collection<Rule> all() {
        return rules.values();
    }

    private static RuleCatalogue load() {
        Map<String, Rule> out = new LinkedHashMap<>();
        try (InputStream in = RuleCatalogue.class.getResourceAsStream("rules.tsv")) {
            if (in == null) {
                throw new IllegalStateException("rules.tsv is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                if (f.length != 6) {
                    throw new IllegalStateException("rules.tsv: 6 columns expected: " + line);
                }
                List<Severity> sev = new ArrayList<>();
                for (String s : f[1].split("/")) {
                    sev.add(Severity.valueOf(s.strip()));
                }
                List<String> proc = f[2].equals("-") ? List.of() : Arrays.asList(f[2].split(" "));
                if (out.put(f[0], new Rule(f[0], sev, proc, f[3], f[4], f[5])) != null) {
                    throw new IllegalStateException("rules.tsv: duplicate " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleCatalogue(java.util.Collections.unmodifiableMap(out));
    }
}
