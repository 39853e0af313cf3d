package org.gengdi.server.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gengdi.core.store.FeatureStore;
import org.gengdi.core.task.JobOutput;
import org.gengdi.process.GengdiProcess;
import org.gengdi.process.InputDescription;
import org.gengdi.process.InputType;
import org.gengdi.process.ProcessException;
import org.gengdi.process.ProcessRegistry;
import org.gengdi.server.config.StoreFactory;
import org.gengdi.server.jobs.ExecuteRequest;
import org.gengdi.server.jobs.ExecuteRequest.RawInput;
import org.gengdi.server.jobs.JobException;
import org.gengdi.server.jobs.ProcessEngine;
import org.gengdi.server.jobs.ProcessingSettings;
import org.gengdi.server.ows.PublishedLayers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code gengdi analyse PROCESS --input value …}: runs a process on the store's published layers from the command
 * line, for batch users, with the same input checks and outputs as WPS and OGC API Processes. A complex input is
 * a file (its format from the extension: .geojson/.json, .gml/.xml, .wkt); every output is written into
 * {@code --out} as {@code <output>.<ext>}.
 */
@Command(name = "analyse", aliases = "analyze", description = "Run an analysis on the store's layers, e.g. "
        + "`gengdi analyse occupation --footprint road.geojson --width 60 --projectCategory GENERAL`. Processes: "
        + "occupation, contiguity, plan, reserve, area, buffer (or the full id, e.g. gengdi:Area).")
final class AnalyseCommand implements Callable<Integer> {
    private static final Map<String, String> ALIASES = Map.of("occupation", "gengdi:OccupationAnalysis",
            "contiguity", "gengdi:ContiguityScore", "plan", "gengdi:AdjustmentPlanValidation",
            "reserve", "gengdi:ReserveCandidates", "area", "gengdi:Area", "buffer", "gengdi:Buffer");

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Parameters(index = "0", description = "the process: occupation, contiguity, plan, reserve, area, buffer or an id")
    String process;

    @Option(names = "--out", description = "directory for the outputs (default: the current directory)")
    Path out = Path.of(".");

    @Unmatched
    List<String> inputs = new ArrayList<>();

    @Override
    public Integer call() {
        String id = ALIASES.getOrDefault(process.toLowerCase(Locale.ROOT), process);
        ProcessRegistry registry = ProcessRegistry.standard(false);
        GengdiProcess p = registry.find(id).orElse(null);
        if (p == null) {
            System.err.println("gengdi analyse: no process '" + process + "'; the processes are "
                    + registry.all().stream().map(x -> x.description().id()).toList());
            return 2;
        }
        Map<String, List<RawInput>> raw;
        try {
            raw = inputs(p);
        } catch (IllegalArgumentException e) {
            System.err.println("gengdi analyse: " + e.getMessage());
            return 2;
        }
        try (FeatureStore store = StoreFactory.open(storeOptions.settings(false, 50_000, 0));
             ProcessEngine engine = new ProcessEngine(registry, null, new PublishedLayers(store),
                     ProcessingSettings.defaults("cli"))) {
            ProcessEngine.Result result = engine.execute(engine.prepare(new ExecuteRequest(id, raw, List.of(),
                    Map.of()), null));
            Files.createDirectories(out);
            for (JobOutput o : result.outputs()) {
                Path file = out.resolve(o.outputId() + "." + extension(o.mediaType()));
                Files.write(file, o.data());
                System.out.printf("%-12s %-24s %,12d bytes  %s%n", o.outputId(), o.mediaType(), o.data().length, file);
            }
            return 0;
        } catch (ProcessException | JobException e) {
            System.err.println("gengdi analyse: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code --name value} or {@code --name=value}; complex inputs name a file. */
    private Map<String, List<RawInput>> inputs(GengdiProcess p) {
        Map<String, List<RawInput>> raw = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            String a = inputs.get(i);
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            String name;
            String value;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(2, eq);
                value = a.substring(eq + 1);
            } else {
                name = a.substring(2);
                if (i + 1 >= inputs.size()) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = inputs.get(++i);
            }
            InputDescription d = p.description().input(name).orElseThrow(() -> new IllegalArgumentException(
                    p.description().id() + " has no input '" + name + "'; its inputs are "
                            + p.description().inputs().stream().map(InputDescription::id).toList()));
            raw.computeIfAbsent(name, k -> new ArrayList<>()).add(value(d, value));
        }
        return raw;
    }

    private static RawInput value(InputDescription d, String value) {
        if (d.type() instanceof InputType.Complex) {
            Path file = Path.of(value);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("--" + d.id() + ": no file " + value);
            }
            try {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                String type = name.endsWith(".gml") || name.endsWith(".xml") ? "application/gml+xml; version=3.2"
                        : name.endsWith(".wkt") ? "application/wkt" : "application/geo+json";
                return new RawInput.Complex(type, Files.readString(file));
            } catch (IOException e) {
                throw new IllegalArgumentException("--" + d.id() + ": cannot read " + value + ": " + e.getMessage());
            }
        }
        if (d.type() instanceof InputType.LayerReference) {
            int q = value.indexOf('?');
            return q < 0 ? new RawInput.Layer(value, null) : new RawInput.Layer(value.substring(0, q),
                    value.substring(q + 1));
        }
        return new RawInput.Literal(value, null);
    }

    private static String extension(String mediaType) {
        String t = mediaType.toLowerCase(Locale.ROOT);
        if (t.contains("geo+json")) {
            return "geojson";
        }
        if (t.contains("json")) {
            return "json";
        }
        if (t.contains("html")) {
            return "html";
        }
        if (t.contains("gml") || t.contains("xml")) {
            return "gml";
        }
        if (t.contains("wkt")) {
            return "wkt";
        }
        return "txt";
    }
}
