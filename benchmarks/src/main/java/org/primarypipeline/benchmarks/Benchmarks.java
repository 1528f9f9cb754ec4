package org.primarypipeline.benchmarks;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pp bench NAME}: each benchmark prints one figure a line as {@code name: value unit}. The
 * benchmarks jar's entry point; the {@code pp} script runs it for {@code bench}, so the product jar
 * carries no benchmark. Each benchmark registers here.
 */
@Command(
        name = "pp bench",
        mixinStandardHelpOptions = true,
        version = "Primary Pipeline 0.1.0",
        description = "Run a benchmark; prints one figure a line as 'name: value unit'.",
        subcommands = {
            CommandLine.HelpCommand.class,
            CyclesBench.class,
            VoteBench.class,
            TallyBench.class,
            OutboxBench.class,
            ReconcileBench.class,
            RecountBench.class,
            BallotsBench.class,
            ImportBench.class,
            ContactsBench.class,
            TurfsBench.class,
            TextingBench.class,
            ReassignBench.class,
            StorageBench.class,
            CampaignBench.class,
        })
public final class Benchmarks implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Benchmarks()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
