package org.gengdi.server.config;

import java.io.PrintStream;
import org.gengdi.core.task.ProgressListener;

/** A one-line text progress bar on a terminal stream, used by the CLI and the first-start sample generation. */
public final class ProgressBar implements ProgressListener {
    private final PrintStream out;
    private final boolean interactive;
    private String stage = "";
    private long lastPrint;
    private int lastPercent = -1;

    public ProgressBar(PrintStream out) {
        this.out = out;
        this.interactive = System.console() != null;
    }

    @Override
    public synchronized void progress(String stageName, long done, long total) {
        long now = System.nanoTime();
        int percent = total > 0 ? (int) Math.min(100, done * 100 / total) : -1;
        boolean stageChanged = !stageName.equals(stage);
        if (!stageChanged && percent == lastPercent && now - lastPrint < 200_000_000L) {
            return;
        }
        if (!interactive && !stageChanged && percent != 100 && (percent < 0 || percent / 25 == lastPercent / 25)) {
            lastPercent = percent;
            return; // in logs, print each stage at 0/25/50/75/100 % only
        }
        stage = stageName;
        lastPrint = now;
        lastPercent = percent;
        String bar;
        if (total > 0) {
            int filled = percent * 30 / 100;
            bar = String.format("%-22s [%s%s] %3d%% %,d/%,d", stageName, "#".repeat(filled), ".".repeat(30 - filled),
                    percent, done, total);
        } else {
            bar = String.format("%-22s %,d", stageName, done);
        }
        out.print(interactive ? "\r" + bar : bar + "\n");
        if (interactive && percent == 100) {
            out.print("\n");
        }
        out.flush();
    }
}
