package org.primarypipeline.console;

import java.util.Arrays;
import org.primarypipeline.console.cli.ClientCommands;
import org.primarypipeline.console.cli.CommandLineEntry;
import org.primarypipeline.core.vote.cli.TallyCli;

/**
 * The one entry point: {@code pp COMMAND ...}. With no command it serves the console, workers and
 * webhooks; commands that need no database or server (such as {@code tally}) never start Spring.
 * Client commands ({@code pp cycle status}, ...) are dispatched first, before the full command tree
 * is built: building it loads the Spring-wired commands' classes, which alone costs about a second.
 */
public final class PrimaryPipeline {

    /** Counted on the client's small classpath too (see the {@code pp} script): it needs only core. */
    public static final String TALLY = "tally";

    private PrimaryPipeline() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(TALLY)) {
            System.exit(TallyCli.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        if (ClientCommands.handles(args)) {
            System.exit(ClientCommands.run(args));
        }
        int exit = new CommandLineEntry().run(args);
        if (exit != CommandLineEntry.KEEP_SERVING) {
            System.exit(exit);
        }
    }
}
