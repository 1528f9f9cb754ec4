package org.primarypipeline.console.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pp bench NAME}: each benchmark prints one figure a line as {@code name: value unit}.
 * Benchmarks live in {@code org.primarypipeline.console.bench} and register here.
 */
@Command(name = "bench", description = "Run a benchmark; prints one figure a line as 'name: value unit'.",
        subcommands = {
            org.primarypipeline.console.bench.CyclesBench.class,
            org.primarypipeline.console.bench.VoteBench.class,
            org.primarypipeline.console.bench.OutboxBench.class,
            org.primarypipeline.console.bench.ReconcileBench.class,
            org.primarypipeline.console.bench.RecountBench.class,
            org.primarypipeline.console.bench.ImportBench.class,
            org.primarypipeline.console.bench.ReassignBench.class,
            org.primarypipeline.console.bench.StorageBench.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
