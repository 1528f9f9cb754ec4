package org.primarypipeline.console;

import org.primarypipeline.console.cli.CommandLineEntry;

/**
 * The one entry point: {@code pp COMMAND ...}. With no command it serves the console, workers and
 * webhooks; commands that need no database or server (such as {@code tally}) never start Spring.
 */
public final class PrimaryPipeline {

    private PrimaryPipeline() {
    }

    public static void main(String[] args) {
        int exit = new CommandLineEntry().run(args);
        if (exit != CommandLineEntry.KEEP_SERVING) {
            System.exit(exit);
        }
    }
}
