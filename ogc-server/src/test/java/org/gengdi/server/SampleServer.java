package org.gengdi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the server tests share: a real Gengdi server with a small deterministic sample county (1,500 parcels, the
 * default seed) in a fresh data directory on a random port, and running a real client (GDAL, OWSLib) against it.
 */
public final class SampleServer {
    private SampleServer() {
    }

    /**
     * Starts a server; the caller closes the context.
     *
     * @param name  prefix of the temporary data directory
     * @param extra further {@code --key=value} arguments
     */
    public static ConfigurableApplicationContext start(String name, String... extra) throws IOException {
        Path dataDir = Files.createTempDirectory(name);
        String[] args = new String[3 + extra.length];
        args[0] = "--server.port=0";
        args[1] = "--gengdi.data-dir=" + dataDir;
        args[2] = "--gengdi.sample.parcels=1500";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return GengdiServer.start(args);
    }

    /** {@code http://127.0.0.1:PORT} of a started server. */
    public static String base(ConfigurableApplicationContext ctx) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) ctx).getWebServer().getPort();
    }

    /** Runs a real client with a two-minute limit and returns its output; fails with the output if it fails. */
    public static String run(Path dir, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C.UTF-8");
        pb.environment().put("GDAL_HTTP_TIMEOUT", "30");
        pb.environment().put("CPL_DEBUG", "OFF");
        Path out = Files.createTempFile(dir, "out", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
        return text;
    }
}
