package org.primarypipeline.console.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree of {@code pp}: every capability registers its commands here. */
@Command(
        name = "pp",
        mixinStandardHelpOptions = true,
        version = "Primary Pipeline 0.1.0",
        description = "Primary Pipeline: recruit, choose and fund candidates district by district.%n"
                + "With no command, serves the console, the workers and the webhooks in one process.",
        footer = {"%nClient commands (login, logout, whoami, launch, cycle, members, nominate, pledge,",
                  "vote, receipts) call the serving app's API as the account of pp login; no Spring.",
                  "PP_URL: the app's address (default: the port file in the data directory);",
                  "PP_TOKEN: a token to use instead of the stored one. See docs/cli.md.",
                  "Every other command runs on this machine.",
                  "%nRoles (one part each, for a cluster; health at /actuator/health):",
                  "  serve         console, pages, REST API and webhooks",
                  "  worker        Temporal workers, outbox routes, resuming unfinished cycles",
                  "  batch-worker  Spring Batch jobs"},
        subcommands = {
            CommandLine.HelpCommand.class,
            TallyCommand.class,
            TemplatesCommand.class,
            PrioritizeCommand.class,
            BacktestCommand.class,
            ReconcileCommand.class,
            RecountCommand.class,
            ImportSupportersCommand.class,
            AssignDistrictsCommand.class,
            InvitationsCommand.class,
            UsersCommand.class,
            BenchCommand.class,
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
}
