package org.gengdi.process.basic;

import java.time.Duration;
import java.util.List;
import org.gengdi.process.DataType;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.process.OutputDescription;
import org.gengdi.process.ProcessContext;
import org.gengdi.process.ProcessDescription;
import org.gengdi.process.ProcessInputs;
import org.gengdi.process.ProcessOutputs;
import org.gengdi.process.Text;

/**
 * {@code gengdi:Wait}: waits a number of seconds, reporting progress and honouring cancellation. A diagnostic for
 * job-engine tests and benchmarks; published only when {@code gengdi.processes.diagnostic=true}.
 */
public final class WaitProcess implements GengdiProcess {
    public static final String ID = "gengdi:Wait";

    private static final ProcessDescription DESCRIPTION = new ProcessDescription(ID, "1.0.0",
            Text.of("Wait (diagnostic)", "等待（诊断）"),
            Text.of("Waits the given seconds; for testing job handling.", "等待指定秒数，用于测试作业处理。"),
            List.of("diagnostic"),
            List.of(InputDescription.required("seconds", Text.of("Seconds", "秒"), null,
                    InputType.Literal.of(DataType.DOUBLE).withUom("s").withRange(0d, 600d))),
            List.of(OutputDescription.literal("waited", Text.of("Seconds waited", "已等待秒数"), null, DataType.DOUBLE,
                    "s")),
            Duration.ofMinutes(11));

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessOutputs execute(ProcessInputs inputs, ProcessContext context) {
        double seconds = inputs.doubleValue("seconds");
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            context.checkCancelled();
            long left = end - System.nanoTime();
            try {
                Thread.sleep(Math.max(0, Math.min(50, left / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                context.checkCancelled();
                break;
            }
            context.progress((int) Math.min(99, 100 * (System.nanoTime() - start) / Math.max(1, end - start)),
                    "waiting");
        }
        return new ProcessOutputs().literal("waited", (System.nanoTime() - start) / 1e9);
    }
}
