package org.primarypipeline.console;

import org.primarypipeline.console.cli.ClientCommands;
import org.primarypipeline.console.cli.CommandLineEntry;

/**
 * The one entry point: {@code pp COMMAND ...}. With no command it serves the console, workers and
 * webhooks; commands that need no database or server (such as {@code tally}) never start Spring.
 * Client commands ({@code pp cycle status}, ...) are dispatched first, before the full command tree
 * is built: building it loads the Spring-wired commands' classes, which alone costs about a second.
 */
public final class PrimaryPipeline {

    private PrimaryPipeline() {}

    public static void main(String[] args) {
        if (ClientCommands.handles(args)) {
            System.exit(ClientCommands.run(args));
        }
        int exit = new CommandLineEntry().run(args);
        if (exit != CommandLineEntry.KEEP_SERVING) {
            System.exit(exit);
        }
    }
}
