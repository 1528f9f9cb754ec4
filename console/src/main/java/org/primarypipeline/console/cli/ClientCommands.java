package org.primarypipeline.console.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The commands that are clients of a serving app. {@code pp} runs them before anything of Spring is
 * loaded (see {@code PrimaryPipeline}): they only need picocli, Jackson and the JDK's HTTP client, so
 * they answer in well under a second and a half instead of the ten a Spring start takes.
 */
@Command(name = "pp", mixinStandardHelpOptions = true, version = "Primary Pipeline 0.1.0")
public final class ClientCommands implements Runnable {

    /** The client commands, registered in both this tree and the full one ({@link Commands}). */
    static final List<Class<?>> TYPES = List.of(
            SessionCommands.Login.class,
            SessionCommands.Logout.class,
            SessionCommands.WhoAmI.class,
            LaunchCommand.class,
            CycleCommand.class,
            CampaignCommand.class,
            ParticipationCommands.Members.class,
            ParticipationCommands.Nominate.class,
            ParticipationCommands.Pledge.class,
            ParticipationCommands.Vote.class,
            ReceiptsCommand.class,
            VerifyCommand.class,
            FinanceCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The client commands' names, as {@code pp} lists them to choose their quick start. */
    public static List<String> names() {
        return TYPES.stream()
                .map(type -> type.getAnnotation(Command.class).name())
                .toList();
    }

    /** True when {@code args} name a client command, so that the fast path may run it. */
    public static boolean handles(String... args) {
        return args.length > 0 && named(args[0]) != null;
    }

    private static Class<?> named(String name) {
        for (Class<?> type : TYPES) {
            if (type.getAnnotation(Command.class).name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /**
     * Runs a client command with the process's own environment and streams. Only the command named is
     * registered: picocli reads every registered command's annotations up front, which is most of the time
     * a client command takes on the client's side.
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new ClientCommands(), factory(ClientContext.fromProcess()));
        cli.addSubcommand(named(args[0]));
        cli.setOut(new PrintWriter(System.out, true, Charset.defaultCharset()));
        cli.setErr(new PrintWriter(System.err, true, Charset.defaultCharset()));
        return cli.execute(args);
    }

    /** Makes commands as picocli would, handing the client ones the given surroundings. */
    static CommandLine.IFactory factory(ClientContext context) {
        CommandLine.IFactory plain = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = plain.create(type);
                if (made instanceof ClientContext.Aware aware) {
                    aware.use(context);
                }
                return made;
            }
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
