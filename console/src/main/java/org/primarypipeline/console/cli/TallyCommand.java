package org.primarypipeline.console.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.primarypipeline.core.vote.cli.TallyCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pp tally}: counts a vote from CSV files. Plain Java (no Spring), so it starts fast; the counting,
 * the checks on the files and the output all live in core's {@link TallyCli}.
 */
@Command(name = "tally", mixinStandardHelpOptions = true,
        description = "Count a vote: follow members' units through their proxies to the ballots, then tally.%n"
                + "Refused input is reported as file, line and reason on stderr, with exit code 2.")
public final class TallyCommand implements Callable<Integer> {

    @Option(names = "--members", required = true, paramLabel = "FILE", description = "CSV with header member_id.")
    Path members;

    @Option(names = "--proxies", required = true, paramLabel = "FILE",
            description = "CSV with header member_id,proxy_id,units; each member's units sum to 10.")
    Path proxies;

    @Option(names = "--ballots", required = true, paramLabel = "FILE",
            description = "CSV with header member_id,ranking; ranking like Ana>Ben>Cy.")
    Path ballots;

    @Option(names = "--policy", defaultValue = "smartocracy", paramLabel = "smartocracy|liquid",
            description = "Flow policy (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--method", defaultValue = "irv", paramLabel = "irv|plurality|schulze",
            description = "Tally method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "The value published when the round opened; settles ties drawn by lot.")
    long seed;

    @Option(names = "--quorum", defaultValue = "0.20", paramLabel = "SHARE",
            description = "Share of all units that must be exercised (default: ${DEFAULT-VALUE}).")
    BigDecimal quorum;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    boolean json;

    @Override
    public Integer call() {
        return TallyCli.run(new TallyCli.Options(members, proxies, ballots, policy, method, seed, quorum, json),
                System.out, System.err);
    }
}
