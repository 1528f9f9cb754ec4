package org.primarypipeline.console.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Parameters;

/**
 * {@code pp help [COMMAND [SUBCOMMAND...]]}: the help of the command named, however deep
 * ({@code pp help pledge sign}), where picocli's own help command stops at the first name.
 */
@Command(
        name = "help",
        helpCommand = true,
        description = "Show the help of a command and its subcommands, e.g. pp help pledge sign.")
final class HelpTopics implements CommandLine.IHelpCommandInitializable2, Runnable {

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, e.g. pledge sign.")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;
    private PrintWriter err;

    @Override
    public void init(
            CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter outWriter, PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
        this.err = errWriter;
    }

    @Override
    public void run() {
        CommandLine target = self.getParent();
        for (String name : path) {
            CommandLine next = target.getSubcommands().get(name);
            if (next == null) {
                err.println("there is no command \"" + String.join(" ", path) + "\"; pp help lists them");
                err.flush();
                return;
            }
            target = next;
        }
        target.usage(out, colors);
        out.flush();
    }
}
