package org.gengdi.server.encode;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs GDAL's {@code ogrinfo} on a file the encoders wrote; tests using it are skipped where GDAL is missing. */
final class Ogr {
    private Ogr() {
    }

    static void assumeInstalled() {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            found |= Files.isExecutable(Path.of(dir, "ogrinfo"));
        }
        assumeTrue(found, "GDAL (ogrinfo) not installed");
    }

    /** {@code ogrinfo -ro -al <arguments…> <source>}: its standard output; fails on a non-zero exit. */
    static String info(String source, String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("ogrinfo", "-ro", "-al"));
        command.addAll(List.of(arguments));
        command.add(source);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("GDAL_HTTP_TIMEOUT", "1"); // never wait on a schema URL
        pb.environment().put("CPL_DEBUG", "OFF");
        Process p = pb.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("ogrinfo did not finish: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("ogrinfo failed (" + p.exitValue() + "): " + err.join() + out);
        }
        return out + err.join();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
