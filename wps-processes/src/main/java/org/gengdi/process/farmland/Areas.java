package org.gengdi.process.farmland;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.gengdi.core.measure.Area;

/** Area presentation per FARMLAND-RULES.md §G.7: sums unrounded, rounded once at output (m² 2, 公顷 4, 亩 2 dp). */
public final class Areas {
    private Areas() {
    }

    public static double round(double v, int digits) {
        if (!Double.isFinite(v)) {
            return v;
        }
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    /** {@code {"m2": …, "ha": …, "mu": …}} of an area in m². */
    public static ObjectNode put(ObjectNode into, String name, double squareMetres) {
        Area a = new Area(squareMetres);
        into.putObject(name).put("m2", round(squareMetres, 2)).put("ha", round(a.hectares(), 4))
                .put("mu", round(a.mu(), 2));
        return into;
    }
}
