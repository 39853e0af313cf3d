package org.gengdi.core.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A rule applied to one case: the rule, the severity that applied, the verdict, a message, the measured values
 * behind it and the parcels at fault.
 *
 * @param rule     the rule (from {@link RuleCatalogue})
 * @param severity the severity that applied here
 * @param verdict  the outcome
 * @param message  what was found, in Chinese and English
 * @param values   measured values (name → number or text), in order
 * @param parcels  ids of the parcels at fault (empty when none or not parcel-level)
 */
public record Finding(Rule rule, Severity severity, Verdict verdict, String message, Map<String, Object> values,
                      List<String> parcels) {
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
        parcels = parcels == null ? List.of() : List.copyOf(parcels);
        if (severity == null) {
            severity = rule.severities().get(0);
        }
    }

    /** A finding of a catalogued rule. */
    public static Finding of(String ruleId, Severity severity, Verdict verdict, String message,
                             Map<String, Object> values) {
        return new Finding(RuleCatalogue.get().rule(ruleId), severity, verdict, message, values, List.of());
    }

    public Finding withParcels(List<String> ids) {
        return new Finding(rule, severity, verdict, message, values, ids);
    }
}
