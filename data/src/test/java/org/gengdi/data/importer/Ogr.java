package org.gengdi.data.importer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs GDAL's ogr2ogr to make fixtures the way counties make them; tests using it are skipped without GDAL. */
final class Ogr {
    private static final Path OGR2OGR = find();

    private Ogr() {
    }

    private static Path find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "ogr2ogr");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    static void assumeAvailable() {
        assumeTrue(OGR2OGR != null, "ogr2ogr (GDAL) is not installed");
    }

    /** Runs {@code ogr2ogr args…}; fails the test with GDAL's output when it fails. */
    static void ogr2ogr(String... args) {
        assumeAvailable();
        List<String> cmd = new ArrayList<>();
        cmd.add(OGR2OGR.toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("ogr2ogr failed: " + String.join(" ", cmd) + "\n" + out);
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
