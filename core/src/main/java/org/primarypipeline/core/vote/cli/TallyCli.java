package org.primarypipeline.core.vote.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.InvalidVoteInputException;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.Round;
import org.primarypipeline.core.vote.TallyMethod;
import org.primarypipeline.core.vote.VoteCount;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.core.vote.VoteResult;

/**
 * {@code pp tally}: counts a vote from three CSV files and prints the result, as a round-by-round report
 * or (with {@code --json}) as one JSON object. Input it refuses is reported on stderr as file, line and
 * reason, with exit code 2 and nothing on stdout, so a script never mistakes a refusal for a result.
 */
public final class TallyCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_INPUT = 2;
    public static final String USAGE = "usage: pp tally --members FILE --proxies FILE --ballots FILE"
            + " [--policy smartocracy|liquid] [--method irv|plurality|schulze] [--seed S] [--quorum SHARE] [--json]";

    static final List<String> MEMBERS_HEADER = List.of("member_id");
    static final List<String> PROXIES_HEADER = List.of("member_id", "proxy_id", "units");
    static final List<String> BALLOTS_HEADER = List.of("member_id", "ranking");

    /** The command's options; {@code policy} and {@code method} as typed, checked by {@link #run(Options, PrintStream, PrintStream)}. */
    public record Options(Path members, Path proxies, Path ballots, String policy, String method, long seed,
                          BigDecimal quorum, boolean json) {

        public Options(Path members, Path proxies, Path ballots, String policy, String method, long seed, boolean json) {
            this(members, proxies, ballots, policy, method, seed, VoteResult.DEFAULT_QUORUM, json);
        }
    }

    private TallyCli() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tally: " + e.getMessage());
            err.println(USAGE);
            return EXIT_BAD_INPUT;
        }
        return run(options, out, err);
    }

    public static int run(Options options, PrintStream out, PrintStream err) {
        FlowPolicy policy;
        TallyMethod method;
        BigDecimal quorum = options.quorum() == null ? VoteResult.DEFAULT_QUORUM : options.quorum();
        try {
            policy = options.policy() == null ? FlowPolicy.SMARTOCRACY : FlowPolicy.parse(options.policy());
            method = options.method() == null ? TallyMethod.IRV : TallyMethod.parse(options.method());
            if (quorum.signum() < 0 || quorum.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("--quorum must be a share between 0 and 1, not " + quorum);
            }
            if (options.members() == null || options.proxies() == null || options.ballots() == null) {
                throw new IllegalArgumentException("--members, --proxies and --ballots are required");
            }
        } catch (IllegalArgumentException e) {
            err.println("tally: " + e.getMessage());
            err.println(USAGE);
            return EXIT_BAD_INPUT;
        }
        String printed;
        try {
            CsvTable members = CsvTable.read(options.members(), MEMBERS_HEADER);
            CsvTable proxies = CsvTable.read(options.proxies(), PROXIES_HEADER);
            CsvTable ballots = CsvTable.read(options.ballots(), BALLOTS_HEADER);
            VoteInput input = new VoteInput(memberIds(members), proxyShares(proxies), ballots(ballots), policy, method,
                    options.seed());
            VoteResult result;
            try {
                result = VoteCount.count(input);
            } catch (InvalidVoteInputException e) {
                throw locate(e, members, proxies, ballots);
            }
            printed = options.json() ? JsonWriter.write(json(result, quorum)) + System.lineSeparator()
                    : TallyReport.render(result, quorum);
        } catch (BadInputException e) {
            err.println("tally: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        out.print(printed);
        out.flush();
        return EXIT_OK;
    }

    static Options parse(String[] args) {
        Path members = null;
        Path proxies = null;
        Path ballots = null;
        String policy = null;
        String method = null;
        long seed = 0;
        BigDecimal quorum = VoteResult.DEFAULT_QUORUM;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                value = arg.substring(equals + 1);
                arg = arg.substring(0, equals);
            }
            if (arg.equals("--json")) {
                if (value != null) {
                    throw new IllegalArgumentException("--json takes no value");
                }
                json = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                value = args[++i];
            }
            switch (arg) {
                case "--members":
                    members = Path.of(value);
                    break;
                case "--proxies":
                    proxies = Path.of(value);
                    break;
                case "--ballots":
                    ballots = Path.of(value);
                    break;
                case "--policy":
                    policy = value;
                    break;
                case "--method":
                    method = value;
                    break;
                case "--seed":
                    try {
                        seed = Long.parseLong(value.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--seed must be a whole number, not '" + value + "'");
                    }
                    break;
                case "--quorum":
                    try {
                        quorum = new BigDecimal(value.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--quorum must be a share such as 0.20, not '" + value + "'");
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        if (members == null || proxies == null || ballots == null) {
            throw new IllegalArgumentException("--members, --proxies and --ballots are required");
        }
        return new Options(members, proxies, ballots, policy, method, seed, quorum, json);
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
            ballots.add(new Ballot(member, ranking(row.field(1))));
        }
        return ballots;
    }

    /** {@code Ana>Ben>Cy}; a blank field is an empty ranking, refused by the count with its reason. */
    static List<String> ranking(String field) {
        if (field.isBlank()) {
            return List.of();
        }
        return Arrays.stream(field.split(">", -1)).map(String::trim).toList();
    }

    private static String required(CsvTable table, CsvTable.Row row, int field, String name) throws BadInputException {
        String value = row.field(field).trim();
        if (value.isEmpty()) {
            throw new BadInputException(table.file, row.line(), "blank " + name);
        }
        return value;
    }

    /** Points a refusal from the count at the row that caused it. */
    private static BadInputException locate(InvalidVoteInputException e, CsvTable members, CsvTable proxies,
                                            CsvTable ballots) {
        String member = e.memberId();
        String other = e.ids().isEmpty() ? null : e.ids().get(0);
        Predicate<CsvTable.Row> byMember = row -> row.field(0).trim().equals(member);
        Predicate<CsvTable.Row> byShare = byMember.and(row -> row.field(1).trim().equals(other));
        switch (e.problem()) {
            case BLANK_MEMBER:
            case DUPLICATE_MEMBER:
                return at(members, byMember, e.problem() == InvalidVoteInputException.Problem.DUPLICATE_MEMBER ? 2 : 1, e);
            case UNKNOWN_DELEGATOR:
            case UNKNOWN_PROXY:
            case PROXY_TO_SELF:
                return at(proxies, byShare, 1, e);
            case UNITS_NOT_POSITIVE:
                return at(proxies, byShare.and(row -> Integer.parseInt(row.field(2).trim()) <= 0), 1, e);
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
                return at(ballots, byMember.and(row -> ranking(row.field(1)).stream().filter(other::equals).count() > 1),
                        1, e);
            case UNKNOWN_VOTER:
            default:
                return at(ballots, byMember, 1, e);
        }
    }

    /** The {@code nth} row matching, or failing that the first, or no line at all. */
    private static BadInputException at(CsvTable table, Predicate<CsvTable.Row> matches, int nth,
                                        InvalidVoteInputException e) {
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

    static Map<String, Object> json(VoteResult result, BigDecimal quorum) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("electorate", BigDecimal.valueOf(result.electorate()));
        json.put("totalUnits", result.totalUnits());
        json.put("exercisedUnits", result.exercisedUnits());
        json.put("unexercisedUnits", result.unexercisedUnits());
        json.put("unexercisedDeadEnds", result.unexercisedDeadEnds());
        json.put("unexercisedCycles", result.unexercisedCycles());
        json.put("weights", result.weights());
        List<Object> rounds = new ArrayList<>();
        for (Round round : result.rounds()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("tallies", round.tallies());
            entry.put("exhausted", round.exhausted());
            entry.put("eliminated", round.eliminated());
            rounds.add(entry);
        }
        json.put("rounds", rounds);
        json.put("winner", result.winner());
        json.put("runnerUp", result.runnerUp());
        json.put("tieBreak", result.tieBreak());
        json.put("policy", result.policy().id());
        json.put("method", result.method().id());
        json.put("seed", BigDecimal.valueOf(result.seed()));
        json.put("quorum", quorum.setScale(Math.max(2, quorum.scale()), RoundingMode.UNNECESSARY));
        json.put("quorumMet", result.quorumMet(quorum));
        if (!result.pairwise().isEmpty()) {
            json.put("pairwise", result.pairwise());
        }
        return json;
    }
}
