package org.primarypipeline.console.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import org.primarypipeline.console.ConsoleApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Parses {@code pp COMMAND ...} with picocli and runs the chosen command. A command that implements
 * {@link ApplicationCommand} is run inside a Spring context without the web server (database,
 * Temporal client, batch jobs wired); every other command runs as plain Java and starts fast.
 */
public final class CommandLineEntry {

    /** Returned when no command was given: the console is serving and the JVM must stay up. */
    public static final int KEEP_SERVING = Integer.MIN_VALUE;

    /** The parts of the app that a cluster runs as separate processes. */
    public static final List<String> ROLES = List.of("serve", "worker", "batch-worker");

    private final PrintWriter out;
    private final PrintWriter err;
    private final ClientContext context;

    public CommandLineEntry() {
        this(
                new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()));
    }

    public CommandLineEntry(PrintWriter out, PrintWriter err) {
        this(out, err, ClientContext.fromProcess());
    }

    /** {@code context}: what client commands read instead of the process's environment (tests). */
    public CommandLineEntry(PrintWriter out, PrintWriter err, ClientContext context) {
        this.out = out;
        this.err = err;
        this.context = context;
    }

    public int run(String... args) {
        if (args.length == 0) {
            serve(null, args);
            return KEEP_SERVING;
        }
        if (ROLES.contains(args[0])) {
            serve(args[0], List.of(args).subList(1, args.length).toArray(String[]::new));
            return KEEP_SERVING;
        }
        CommandLine cli = Commands.commandLine(context);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionStrategy(this::execute);
        return cli.execute(args);
    }

    private int execute(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Object command = leaf.commandSpec().userObject();
        if (command instanceof ApplicationCommand) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class)
                    .web(WebApplicationType.NONE)
                    .profiles("cli")
                    .logStartupInfo(false)
                    .run(springArguments())) {
                context.getAutowireCapableBeanFactory().autowireBean(command);
                return new CommandLine.RunLast().execute(parsed);
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Spring properties given as {@code --spring.x=y}-style arguments are not ours; none are passed on. */
    private static String[] springArguments() {
        return new String[0];
    }

    /**
     * With no role everything runs in one process (a single machine). A role runs one part, sized
     * separately on a cluster: {@code serve} (console, pages, REST, webhooks), {@code worker} (Temporal
     * workers, outbox routes, resuming cycles), {@code batch-worker} (Spring Batch jobs). Each keeps
     * the actuator's health and readiness endpoints.
     */
    private static void serve(String role, String[] args) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(ConsoleApplication.class);
        if (role != null) {
            app.profiles(role);
        }
        app.run(args);
    }
}
