package org.primarypipeline.console.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A client-side command with its picocli spec and its surroundings (environment, streams, config
 * directory), which {@link ClientCommands#factory} hands in so tests can run it in-process.
 */
abstract class ContextCommand implements Callable<Integer>, ClientContext.Aware {

    @Spec
    CommandSpec spec;

    /** {@code pp pledge sign --help} shows the subcommand's help rather than asking for its parameters. */
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help and exit.")
    boolean help;

    /** Replaced by {@link ClientCommands#factory}'s; a command made otherwise reads the process's own. */
    ClientContext context = ClientContext.fromProcess();

    @Override
    public void use(ClientContext given) {
        this.context = given;
    }
}
