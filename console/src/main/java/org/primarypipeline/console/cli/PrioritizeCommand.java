package org.primarypipeline.console.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.primarypipeline.core.priority.PrioritizeCli;
import org.primarypipeline.core.priority.PriorityWeights;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp prioritize [--top N] [--weights k=v,...]}: the districts of the 2026 lines ranked by
 * expected progressive wins per $1M, from the bundled public data (no supporter counts). With
 * {@code --weights}, the ranking under those weights and how it moved against the defaults.
 */
@Command(
        name = "prioritize",
        mixinStandardHelpOptions = true,
        description = "Rank the 435 districts by bang for the buck, with path and reason.")
public final class PrioritizeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--top",
            defaultValue = "20",
            description = "How many districts to show (default ${DEFAULT-VALUE}).")
    int top;

    @Option(
            names = "--weights",
            paramLabel = "k=v,...",
            description = "Weights to change from their defaults, e.g. cost=0.5,valueFlip=1.5 "
                    + "(see docs/prioritization.md); prints the difference against the defaults.")
    String weights;

    @Override
    public Integer call() {
        if (top < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--top must be at least 1");
        }
        // Core prints to a PrintStream; capture it so the output goes wherever picocli's out points.
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        if (weights == null || weights.isBlank()) {
            PrioritizeCli.printTop(top, out);
        } else {
            PriorityWeights parsed;
            try {
                parsed = PriorityWeights.parse(weights);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            PrioritizeCli.printTopWithDiff(top, parsed, out);
        }
        spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
