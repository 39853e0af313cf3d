package org.gengdi.server;

import org.gengdi.server.cli.GengdiCommand;
import picocli.CommandLine;

/** The {@code gengdi} command: {@code serve}, {@code sample}, {@code import}, {@code layers}. */
public final class Gengdi {
    private Gengdi() {
    }

    public static void main(String[] args) {
        int code = GengdiCommand.commandLine().execute(args);
        if (code != 0 || !GengdiCommand.keepsRunning(args)) {
            System.exit(code);
        }
    }
}
