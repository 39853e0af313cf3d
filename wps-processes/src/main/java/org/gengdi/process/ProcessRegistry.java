package org.gengdi.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gengdi.process.basic.AreaProcess;
import org.gengdi.process.basic.BufferProcess;
import org.gengdi.process.basic.WaitProcess;
import org.gengdi.process.contiguity.ContiguityScoreProcess;
import org.gengdi.process.occupation.OccupationAnalysisProcess;
import org.gengdi.process.plan.AdjustmentPlanValidationProcess;
import org.gengdi.process.reserve.ReserveCandidatesProcess;

/** The processes a server offers, by id, in a stable order. */
public final class ProcessRegistry {
    private final Map<String, GengdiProcess> processes = new LinkedHashMap<>();

    public ProcessRegistry(List<GengdiProcess> list) {
        for (GengdiProcess p : list) {
            if (processes.put(p.description().id(), p) != null) {
                throw new IllegalArgumentException("two processes named " + p.description().id());
            }
        }
    }

    /** The shipped processes; {@code diagnostic} adds {@code gengdi:Wait}. */
    public static ProcessRegistry standard(boolean diagnostic) {
        List<GengdiProcess> list = new ArrayList<>(List.of(new AreaProcess(), new BufferProcess()));
        list.add(new OccupationAnalysisProcess());
        list.add(new ContiguityScoreProcess());
        list.add(new ReserveCandidatesProcess());
        list.add(new AdjustmentPlanValidationProcess());
        if (diagnostic) {
            list.add(new WaitProcess());
        }
        return new ProcessRegistry(list);
    }

    public List<GengdiProcess> all() {
        return List.copyOf(processes.values());
    }

    public Optional<GengdiProcess> find(String id) {
        return Optional.ofNullable(processes.get(id));
    }
}
