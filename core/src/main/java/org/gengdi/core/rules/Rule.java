package org.gengdi.core.rules;

import java.util.List;
import java.util.Objects;

/**
 * One rule of the catalogue.
 *
 * @param id         e.g. {@code R-BAL-QTY}
 * @param severities the severities it can have (several when it depends on the case, e.g. HARD for ESR overlap
 *                   and WARN for other ecological conflicts)
 * @param processes  the process keys that apply it (OCC, CON, PLAN, RES, SUP, KPI)
 * @param source     the regulation article(s), e.g. {@code M2025 Art.13}
 * @param title      the rule in one English line
 * @param original   the short Chinese phrase it comes from
 */
public record Rule(String id, List<Severity> severities, List<String> processes, String source, String title,
                   String original) {
    public Rule {
        Objects.requireNonNull(id, "id");
        severities = List.copyOf(severities);
        processes = List.copyOf(processes);
    }
}
