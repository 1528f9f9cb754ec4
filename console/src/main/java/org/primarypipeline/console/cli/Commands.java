package org.primarypipeline.console.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.primarypipeline.core.vote.cli.TallyCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The command tree of {@code pp}: every capability registers its commands here. */
@Command(
        name = "pp",
        mixinStandardHelpOptions = true,
        version = "Primary Pipeline 0.1.0",
        description = "Primary Pipeline: recruit, choose and fund candidates district by district.%n"
                + "With no command, serves the console, the workers and the webhooks in one process.",
        footer = {
            "%nClient commands (login, logout, whoami, launch, cycle, members, nominate, pledge,",
            "vote, receipts) call the serving app's API as the account of pp login; no Spring.",
            "PP_URL: the app's address (default: the port file in the data directory);",
            "PP_TOKEN: a token to use instead of the stored one. See docs/cli.md.",
            "verify needs no account: it counts a round again from its audit bundle, without Spring.",
            "Every other command runs on this machine.",
            "%nRoles (one part each, for a cluster; health at /actuator/health):",
            "  serve         console, pages, REST API and webhooks",
            "  worker        Temporal workers, outbox routes, resuming unfinished cycles",
            "  batch-worker  Spring Batch jobs"
        },
        subcommands = {
            HelpTopics.class,
            TallyCli.class,
            TemplatesCommand.class,
            PrioritizeCommand.class,
            BacktestCommand.class,
            ReconcileCommand.class,
            RecountCommand.class,
            ImportSupportersCommand.class,
            ContactsCommand.class,
            AssignDistrictsCommand.class,
            InvitationsCommand.class,
            UsersCommand.class,
            Commands.SeparateJar.class,
        })
public final class Commands implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static CommandLine commandLine() {
        return commandLine(ClientContext.fromProcess());
    }

    /** The whole tree; client commands (see {@link ClientCommands}) read their surroundings from {@code context}. */
    public static CommandLine commandLine(ClientContext context) {
        CommandLine cli = new CommandLine(new Commands(), ClientCommands.factory(context));
        ClientCommands.TYPES.forEach(cli::addSubcommand);
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code pp bench NAME}: the benchmarks are a jar of their own (the {@code benchmarks} module), which
     * the {@code pp} script runs instead of this one, so the product carries no benchmark and no data
     * generator. Listed here so that help shows the command; reached only when this jar is run directly.
     */
    @Command(
            name = "bench",
            description = "Run a benchmark; prints one figure a line as 'name: value unit'."
                    + " (the benchmarks jar, see docs/benchmarks.md)")
    static final class SeparateJar implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "0..1", description = "The benchmark: cycles, vote, outbox, ...")
        String name;

        @CommandLine.Unmatched
        List<String> options;

        @Override
        public Integer call() {
            spec.commandLine()
                    .getErr()
                    .println("pp bench: the benchmarks are not in this jar; from a source checkout"
                            + " run ./pp bench NAME (it builds benchmarks/target/primary-pipeline-benchmarks.jar).");
            return 1;
        }
    }
}
