package org.gengdi.process.occupation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gengdi.core.rules.Finding;

/** Findings as JSON: rule id, severity, verdict, message, rule text and source, values, parcels at fault. */
public final class Findings {
    private Findings() {
    }

    public static ObjectNode toJson(Finding f) {
        ObjectNode o = OccupationOp.JSON.createObjectNode();
        o.put("rule", f.rule().id());
        o.put("severity", f.severity().name());
        o.put("verdict", f.verdict().name());
        o.put("message", f.message());
        o.put("ruleText", f.rule().title());
        o.put("original", f.rule().original());
        o.put("source", f.rule().source());
        ObjectNode v = o.putObject("values");
        f.values().forEach((k, x) -> v.set(k, OccupationOp.JSON.valueToTree(x)));
        ArrayNode p = o.putArray("parcels");
        f.parcels().forEach(p::add);
        return o;
    }
}
