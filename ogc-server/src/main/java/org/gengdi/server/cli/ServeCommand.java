package org.gengdi.server.cli;

import java.util.ArrayList;
import java.util.List;
import org.gengdi.server.GengdiServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code gengdi serve}: starts the HTTP server (generating the sample county on the first start). */
@Command(name = "serve", description = "Start the OGC server (default: embedded GeoPackage with the sample county).")
final class ServeCommand implements Runnable {
    @Option(names = "--port", description = "HTTP port (default 8080 or $PORT)")
    Integer port;

    @Option(names = "--store", description = "geopackage or postgis")
    String store;

    @Option(names = "--data-dir")
    String dataDir;

    @Option(names = "--postgis-url")
    String postgisUrl;

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Override
    public void run() {
        List<String> args = new ArrayList<>(springArgs);
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (store != null) {
            args.add("--gengdi.store=" + store);
        }
        if (dataDir != null) {
            args.add("--gengdi.data-dir=" + dataDir);
        }
        if (postgisUrl != null) {
            args.add("--gengdi.postgis.url=" + postgisUrl);
            if (store == null) {
                args.add("--gengdi.store=postgis");
            }
        }
        GengdiServer.start(args.toArray(String[]::new));
    }
}
