package org.primarypipeline.console.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.primarypipeline.core.priority.BacktestCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp backtest --year 2018}: scores a past election's districts with only the data published
 * before it and prints how well the score ranked the seats that changed party, one figure a line
 * ({@code backtest.auc: 0.50}); with {@code --primaries} also how it ranked the seats where a challenger
 * beat the sitting Democrat or a progressive won an open Democratic primary ({@code backtest.primary_auc}).
 */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        description = "Backtest the district prioritization on a past election; prints one figure a line.")
public final class BacktestCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--year", required = true, description = "Election year, an even year 2014-2024 (e.g. 2018, 2022).")
    int year;

    @Option(
            names = "--primaries",
            description = "Also score the primary part against the Democratic incumbents beaten in primaries"
                    + " and the open Democratic primaries won by a progressive (2018-2024):"
                    + " backtest.primary_auc, backtest.primary_precision_at_20.")
    boolean primaries;

    @Override
    public Integer call() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = BacktestCli.run(year, primaries, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        (exit == 0 ? spec.commandLine().getOut() : spec.commandLine().getErr())
                .print(bytes.toString(StandardCharsets.UTF_8));
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return exit;
    }
}
