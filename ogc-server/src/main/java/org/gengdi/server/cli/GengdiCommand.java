package org.gengdi.server.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code gengdi} command and its sub-commands. */
@Command(name = "gengdi", mixinStandardHelpOptions = true, version = "gengdi 0.1.0",
        description = "耕地 Gengdi — OGC services and analyses for farmland protection.",
        subcommands = {ServeCommand.class, SampleCommand.class, ImportCommand.class, LayersCommand.class,
                AnalyseCommand.class,
                CommandLine.HelpCommand.class})
public final class GengdiCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: bad data gives one clear line on stderr, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GengdiCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            err.println("gengdi: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            if (System.getenv("GENGDI_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    /** True when the command starts a server that keeps running after {@code execute} returns. */
    public static boolean keepsRunning(String[] args) {
        for (String a : args) {
            if (a.startsWith("-")) {
                continue;
            }
            return a.equals("serve");
        }
        return false;
    }
}
