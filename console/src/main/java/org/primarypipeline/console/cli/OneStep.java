package org.primarypipeline.console.cli;

import java.util.concurrent.Callable;
import org.primarypipeline.console.cycles.UnknownCycleException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that does one thing and prints what it did; bad input (or a step the rules refuse) prints
 * the reason and exits 2, storing nothing.
 */
abstract class OneStep implements Callable<Integer>, ApplicationCommand {

    @Spec
    CommandSpec spec;

    abstract String perform();

    @Override
    public Integer call() {
        try {
            spec.commandLine().getOut().println(perform());
            return 0;
        } catch (IllegalArgumentException | IllegalStateException | UnknownCycleException e) {
            spec.commandLine().getErr().println("refused: " + e.getMessage());
            return 2;
        }
    }
}
