package org.primarypipeline.console.cli;

import org.primarypipeline.core.vote.cli.TallyCli;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree of {@code pp}: every capability registers its commands here. */
@Command(
        name = "pp",
        mixinStandardHelpOptions = true,
        version = "Primary Pipeline 0.1.0",
        description = "Primary Pipeline: recruit, choose and fund candidates district by district.%n"
                + "With no command, serves the console, the workers and the webhooks in one process.",
        footer = {"%nRoles (one part each, for a cluster; health at /actuator/health):",
                  "  serve         console, pages, REST API and webhooks",
                  "  worker        Temporal workers, outbox routes, resuming unfinished cycles",
                  "  batch-worker  Spring Batch jobs"},
        subcommands = {
            CommandLine.HelpCommand.class,
            LaunchCommand.class,
            CycleCommand.class,
            ParticipationCommands.Members.class,
            ParticipationCommands.Nominate.class,
            ParticipationCommands.Pledge.class,
            ParticipationCommands.Vote.class,
            TallyCli.class,
            TemplatesCommand.class,
            PrioritizeCommand.class,
            BacktestCommand.class,
            ReconcileCommand.class,
            RecountCommand.class,
            ReceiptsCommand.class,
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
        return new CommandLine(new Commands());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
