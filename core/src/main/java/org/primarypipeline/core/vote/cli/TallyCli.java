package org.primarypipeline.core.vote.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.InvalidVoteInputException;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.TallyMethod;
import org.primarypipeline.core.vote.VoteCount;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.core.vote.VoteResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pp tally}: counts a vote from three CSV files and prints the result, as a round-by-round report
 * or (with {@code --json}) as one JSON object. Plain Java (no Spring), so it starts fast. Input it refuses
 * is reported on stderr as file, line and reason, with exit code 2 and nothing on stdout, so a script
 * never mistakes a refusal for a result.
 */
@Command(
        name = "tally",
        mixinStandardHelpOptions = true,
        description = "Count a vote: follow members' units through their proxies to the ballots, then tally.%n"
                + "Refused input is reported as file, line and reason on stderr, with exit code 2.")
public final class TallyCli implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 2;

    static final List<String> MEMBERS_HEADER = List.of("member_id");
    static final List<String> PROXIES_HEADER = List.of("member_id", "proxy_id", "units");
    static final List<String> BALLOTS_HEADER = List.of("member_id", "ranking");

    @Option(names = "--members", required = true, paramLabel = "FILE", description = "CSV with header member_id.")
    Path members;

    @Option(
            names = "--proxies",
            required = true,
            paramLabel = "FILE",
            description = "CSV with header member_id,proxy_id,units; each member's units sum to 10.")
    Path proxies;

    @Option(
            names = "--ballots",
            required = true,
            paramLabel = "FILE",
            description = "CSV with header member_id,ranking; ranking like Ana>Ben>Cy.")
    Path ballots;

    @Option(
            names = "--policy",
            defaultValue = "smartocracy",
            paramLabel = "smartocracy|liquid",
            description = "Flow policy (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(
            names = "--method",
            defaultValue = "irv",
            paramLabel = "irv|plurality|schulze",
            description = "Tally method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(
            names = "--seed",
            defaultValue = "0",
            paramLabel = "S",
            description = "The value published when the round opened; settles ties drawn by lot.")
    long seed;

    @Option(
            names = "--quorum",
            defaultValue = "0.20",
            paramLabel = "SHARE",
            description = "Share of all units that must be exercised (default: ${DEFAULT-VALUE}).")
    BigDecimal quorum;

    @Option(names = "--json", description = "Print one JSON object instead of the report.")
    boolean json;

    @Spec
    CommandSpec spec;

    /**
     * {@code pp tally ARGS} on its own: the {@code pp} script starts it on a small classpath, with no
     * Spring and no fat-jar loader, since a count needs neither.
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new TallyCli());
        cli.setCommandName("pp tally");
        cli.setOut(new PrintWriter(System.out, false, Charset.defaultCharset()));
        cli.setErr(new PrintWriter(System.err, true, Charset.defaultCharset()));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FlowPolicy flow;
        TallyMethod tally;
        try {
            flow = FlowPolicy.parse(policy);
            tally = TallyMethod.parse(method);
            if (quorum.signum() < 0 || quorum.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("--quorum must be a share between 0 and 1, not " + quorum);
            }
        } catch (IllegalArgumentException e) {
            err.println("tally: " + e.getMessage());
            spec.commandLine().usage(err);
            err.flush();
            return EXIT_BAD_INPUT;
        }
        Counted counted;
        try {
            counted = countPlainFiles(flow, tally);
            if (counted == null) {
                counted = countCarefully(flow, tally);
            }
        } catch (BadInputException e) {
            err.println("tally: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
        if (json) {
            try {
                TallyJson.writeTo(out, counted.result(), quorum, counted.setAside());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.println();
        } else {
            out.print(TallyReport.render(counted.result(), quorum, counted.setAside()));
        }
        out.flush();
        return EXIT_OK;
    }

    private record Counted(VoteResult result, int setAside) {}

    /** The one-pass reading every valid input takes; null when the files need {@link #countCarefully}. */
    private Counted countPlainFiles(FlowPolicy flow, TallyMethod tally) {
        try {
            PlainTallyFiles.Read read = PlainTallyFiles.read(members, proxies, ballots, flow, tally, seed);
            return new Counted(VoteCount.count(read.input()), read.setAside());
        } catch (PlainTallyFiles.NotPlain | InvalidVoteInputException e) {
            return null;
        }
    }

    /** Reads the files row by row, keeping each row's line, so that a refusal names file, line and reason. */
    private Counted countCarefully(FlowPolicy flow, TallyMethod tally) throws BadInputException {
        CsvTable memberRows = CsvTable.read(members, MEMBERS_HEADER);
        CsvTable proxyRows = CsvTable.read(proxies, PROXIES_HEADER);
        CsvTable ballotRows = CsvTable.read(ballots, BALLOTS_HEADER);
        List<Ballot> cast = ballots(ballotRows);
        VoteInput input = new VoteInput(memberIds(memberRows), proxyShares(proxyRows), cast, flow, tally, seed);
        try {
            return new Counted(VoteCount.count(input), ballotRows.rows.size() - cast.size());
        } catch (InvalidVoteInputException e) {
            throw locate(e, memberRows, proxyRows, ballotRows);
        }
    }

    private static List<String> memberIds(CsvTable table) throws BadInputException {
        List<String> ids = new ArrayList<>(table.rows.size());
        for (CsvTable.Row row : table.rows) {
            ids.add(required(table, row, 0, "member_id"));
        }
        return ids;
    }

    private static List<ProxyShare> proxyShares(CsvTable table) throws BadInputException {
        List<ProxyShare> shares = new ArrayList<>(table.rows.size());
        for (CsvTable.Row row : table.rows) {
            String member = required(table, row, 0, "member_id");
            String proxy = required(table, row, 1, "proxy_id");
            String units = required(table, row, 2, "units");
            try {
                shares.add(new ProxyShare(member, proxy, Integer.parseInt(units)));
            } catch (NumberFormatException e) {
                throw new BadInputException(table.file, row.line(), "units '" + units + "' is not a whole number");
            }
        }
        return shares;
    }

    private static List<Ballot> ballots(CsvTable table) throws BadInputException {
        List<Ballot> ballots = new ArrayList<>(table.rows.size());
        for (CsvTable.Row row : table.rows) {
            String member = required(table, row, 0, "member_id");
            List<String> positions = ranking(row.field(1));
            if (!RankingField.setAside(row.field(1), positions)) {
                ballots.add(new Ballot(member, positions));
            }
        }
        return ballots;
    }

    /** {@code Ana>Ben>Cy}, read by {@link RankingField}; a blank field is refused by the count with its reason. */
    static List<String> ranking(String field) {
        return RankingField.positions(field);
    }

    private static String required(CsvTable table, CsvTable.Row row, int field, String name) throws BadInputException {
        String value = row.field(field).trim();
        if (value.isEmpty()) {
            throw new BadInputException(table.file, row.line(), "blank " + name);
        }
        return value;
    }

    /** Points a refusal from the count at the row that caused it. */
    private static BadInputException locate(
            InvalidVoteInputException e, CsvTable members, CsvTable proxies, CsvTable ballots) {
        String member = e.memberId();
        String other = e.ids().isEmpty() ? null : e.ids().get(0);
        Predicate<CsvTable.Row> byMember = row -> row.field(0).trim().equals(member);
        Predicate<CsvTable.Row> byShare =
                byMember.and(row -> row.field(1).trim().equals(other));
        switch (e.problem()) {
            case BLANK_MEMBER:
            case DUPLICATE_MEMBER:
                return at(
                        members,
                        byMember,
                        e.problem() == InvalidVoteInputException.Problem.DUPLICATE_MEMBER ? 2 : 1,
                        e);
            case UNKNOWN_DELEGATOR:
            case UNKNOWN_PROXY:
            case PROXY_TO_SELF:
                return at(proxies, byShare, 1, e);
            case UNITS_NOT_POSITIVE:
                return at(
                        proxies,
                        byShare.and(row -> Integer.parseInt(row.field(2).trim()) <= 0),
                        1,
                        e);
            case DUPLICATE_PROXY:
                return at(proxies, byShare, 2, e);
            case TOO_MANY_PROXIES:
                return at(proxies, byMember, 11, e);
            case UNITS_NOT_TEN:
                return at(proxies, byMember, 1, e);
            case DUPLICATE_BALLOT:
                return at(ballots, byMember, 2, e);
            case EMPTY_RANKING:
                return at(ballots, byMember.and(row -> row.field(1).isBlank()), 1, e);
            case BLANK_NOMINEE:
                return at(ballots, byMember.and(row -> ranking(row.field(1)).contains("")), 1, e);
            case REPEATED_NOMINEE:
                return at(
                        ballots,
                        byMember.and(row -> ranking(row.field(1)).stream()
                                        .filter(other::equals)
                                        .count()
                                > 1),
                        1,
                        e);
            case UNKNOWN_VOTER:
            default:
                return at(ballots, byMember, 1, e);
        }
    }

    /** The {@code nth} row matching, or failing that the first, or no line at all. */
    private static BadInputException at(
            CsvTable table, Predicate<CsvTable.Row> matches, int nth, InvalidVoteInputException e) {
        int seen = 0;
        int first = 0;
        for (CsvTable.Row row : table.rows) {
            if (matches.test(row)) {
                seen++;
                first = first == 0 ? row.line() : first;
                if (seen == nth) {
                    return new BadInputException(table.file, row.line(), e.getMessage());
                }
            }
        }
        return new BadInputException(table.file, first, e.getMessage());
    }
}
