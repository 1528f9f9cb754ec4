package org.primarypipeline.certification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.primarypipeline.core.vote.InvalidVoteInputException;
import org.primarypipeline.core.vote.VoteResult;
import org.primarypipeline.voting.BallotActivitiesImpl;
import org.primarypipeline.voting.BallotActivitiesImpl.ResultDocument;
import org.primarypipeline.voting.CycleCounter;
import org.primarypipeline.voting.ReceiptChain;
import org.primarypipeline.voting.VoteRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks of a recount, over rows already read (all five {@link org.primarypipeline.voting.VoteRowSet}s):
 * the receipt chain against the ballot rows, then a fresh count compared with the stored result,
 * ballot weight by ballot weight, round by round. Every difference names the rows involved; lists are
 * cut at {@value #LISTED} entries, with their full count beside them.
 */
@Component
public class RecountVerifier {

    static final int LISTED = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CycleCounter counter;
    private final JdbcClient jdbc;

    public RecountVerifier(CycleCounter counter, JdbcClient jdbc) {
        this.counter = counter;
        this.jdbc = jdbc;
    }

    private record Findings(Map<String, Object> details, List<String> problems) {}

    record Stored(
            String method,
            String policy,
            long seed,
            int electorate,
            BigDecimal exercised,
            BigDecimal total,
            boolean quorumMet,
            Long winner,
            Long runnerUp,
            String result,
            String chainHead,
            Long chainLength,
            Integer ballots,
            String electoratePrint,
            String proxiesPrint) {}

    public RecountFindings verify(String cycleId, VoteRows rows) {
        return verify(cycleId, rows, null);
    }

    /**
     * As {@link #verify(String, VoteRows)}, with the ballots already checked against their receipts
     * elsewhere (by member-id range, in partitions of the recount job); {@code null} checks them here.
     */
    public RecountFindings verify(String cycleId, VoteRows rows, ReceiptMatch receiptMatch) {
        Optional<Stored> found = stored(cycleId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "rows",
                Map.of(
                        "electorate",
                        rows.electorateCount(),
                        "proxies",
                        rows.proxyCount(),
                        "ballots",
                        rows.ballotCount(),
                        "receipts",
                        rows.chainLength(),
                        "weights",
                        rows.weightCount()));
        if (found.isEmpty()) {
            return new RecountFindings(
                    false, "no stored result to compare with: cycle " + cycleId + " has not been counted", details);
        }
        Stored stored = found.get();
        List<String> problems = new ArrayList<>();

        // hashing a quarter of a million receipts and counting a million members are independent
        CompletableFuture<Findings> chain =
                CompletableFuture.supplyAsync(() -> checkChain(cycleId, rows, stored, receiptMatch), runnable -> {
                    Thread thread = new Thread(runnable, "recount-chain-" + cycleId);
                    thread.setDaemon(true);
                    thread.start();
                });
        CycleCounter.Count count = null;
        try {
            count = counter.count(cycleId, rows);
        } catch (InvalidVoteInputException e) {
            details.put(
                    "input",
                    Map.of(
                            "problem",
                            e.problem().name(),
                            "member",
                            String.valueOf(e.memberId()),
                            "ids",
                            e.ids(),
                            "message",
                            e.getMessage()));
            problems.add("the rows cannot be counted: " + e.getMessage());
        }
        Findings chainFindings = chain.join();
        problems.addAll(0, chainFindings.problems());
        details.putAll(chainFindings.details());
        checkSeal(cycleId, stored, details, problems);
        List<Long> outside = rows.ballotsOutsideElectorate();
        if (!outside.isEmpty()) {
            details.put("ballotsOutsideElectorate", listed(outside));
            problems.add(outside.size() + " ballot row(s) of members outside the frozen electorate (members "
                    + preview(outside) + ")");
        }
        if (!Objects.equals(stored.electoratePrint(), rows.electoratePrint())) {
            details.put(
                    "electorate",
                    Map.of("stored", String.valueOf(stored.electoratePrint()), "recounted", rows.electoratePrint()));
            problems.add("the frozen electorate rows changed since the count (" + stored.electorate()
                    + " members then, " + rows.electorateCount() + " now)");
        }
        if (!Objects.equals(stored.proxiesPrint(), rows.proxiesPrint())) {
            details.put(
                    "proxies",
                    Map.of("stored", String.valueOf(stored.proxiesPrint()), "recounted", rows.proxiesPrint()));
            problems.add("the frozen proxy rows changed since the count (" + rows.proxyCount() + " rows now); "
                    + "the weights below name the ballots this moved");
        }
        if (count != null) {
            compareWeights(count.result(), count.input().ballotCount(), rows, details, problems);
            compareResult(count, stored, details, problems);
        }

        boolean matches = problems.isEmpty();
        String summary;
        if (matches) {
            VoteResult result = count.result();
            summary = "recount matches: winner " + count.names().apply(result.winner())
                    + (result.decidedByLot() ? " (decided by lot)" : "") + ", "
                    + result.rounds().size() + " round(s), "
                    + rows.ballotCount() + " ballots of " + rows.electorateCount() + " members, weights of all "
                    + rows.weightCount() + " ballots equal; receipt chain intact, head " + stored.chainHead()
                    + " (" + rows.chainLength() + " entries)";
        } else {
            summary = "RECOUNT DIFFERS from the stored result: " + String.join("; ", problems);
        }
        details.put("problems", problems);
        return new RecountFindings(matches, summary, details);
    }

    /**
     * The rows above are read up to the seal; the seal itself must be the chain the result was counted
     * from, and nothing may have been appended after it (the app refuses to; a trigger refuses to; only
     * someone who disabled the trigger could have).
     */
    private void checkSeal(String cycleId, Stored stored, Map<String, Object> details, List<String> problems) {
        record Seal(long length, String head, String sealedAt, long after, Long firstAfter) {}
        Optional<Seal> seal = jdbc.sql("""
                        select s.chain_length, s.head_hash, s.sealed_at::text,
                               (select count(*) from ballot_receipt r where r.cycle_id = s.cycle_id and r.seq > s.chain_length),
                               (select min(seq) from ballot_receipt r where r.cycle_id = s.cycle_id and r.seq > s.chain_length)
                        from ballot_seal s where s.cycle_id = ? and s.reopened_at is null
                        """)
                .param(cycleId)
                .query((rs, n) -> new Seal(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), (Long)
                        rs.getObject(5, Long.class)))
                .optional();
        if (seal.isEmpty()) {
            return;
        }
        Seal s = seal.get();
        details.put(
                "seal",
                Map.of("length", s.length(), "head", s.head(), "sealedAt", s.sealedAt(), "appendedAfter", s.after()));
        if (!s.head().equals(stored.chainHead())
                || stored.chainLength() == null
                || stored.chainLength() != s.length()) {
            problems.add("the round was sealed at " + s.sealedAt() + " with " + s.length() + " entries, head "
                    + s.head() + ", but the result was counted from " + stored.chainLength() + " entries, head "
                    + stored.chainHead());
        }
        if (s.after() > 0) {
            problems.add(s.after() + " receipt entr" + (s.after() == 1 ? "y" : "ies")
                    + " appended after the round was sealed at " + s.sealedAt() + " (from seq " + s.firstAfter()
                    + "); not counted");
        }
    }

    private Optional<Stored> stored(String cycleId) {
        return jdbc.sql("""
                select method, policy, seed, electorate, exercised_units, total_units, quorum_met, winner, runner_up,
                       result::text, chain_head, chain_length, ballots, electorate_print, proxies_print
                from cycle_result where cycle_id = ?
                """)
                .param(cycleId)
                .query((rs, n) -> new Stored(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getInt(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBoolean(7),
                        (Long) rs.getObject(8, Long.class),
                        (Long) rs.getObject(9, Long.class),
                        rs.getString(10),
                        rs.getString(11),
                        (Long) rs.getObject(12, Long.class),
                        (Integer) rs.getObject(13, Integer.class),
                        rs.getString(14),
                        rs.getString(15)))
                .optional();
    }

    /**
     * The chain must run 1, 2, 3... with each entry naming the receipt before it; each ballot row must
     * carry its member's latest receipt, and that receipt must hash from the row's ranking. A ballot row
     * edited after it was stored fails the hash; one deleted leaves a latest entry with no row; one
     * slipped in has no entry at all.
     */
    private static Findings checkChain(String cycleId, VoteRows rows, Stored stored, ReceiptMatch receiptMatch) {
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int n = rows.chainLength();
        Integer[] order = new Integer[n];
        for (int e = 0; e < n; e++) {
            order[e] = e;
        }
        Arrays.sort(order, (a, b) -> Long.compare(rows.chainSeq(a), rows.chainSeq(b)));
        List<Long> broken = new ArrayList<>();
        List<Long> gaps = new ArrayList<>();
        String previous = ReceiptChain.GENESIS;
        for (int i = 0; i < n; i++) {
            int e = order[i];
            long seq = rows.chainSeq(e);
            if (seq != i + 1 && gaps.size() < LISTED) {
                gaps.add(seq);
            }
            if (!previous.equals(rows.chainPrevious(e))) {
                broken.add(seq);
            }
            previous = rows.chainReceipt(e);
        }
        ReceiptMatch match = receiptMatch != null ? receiptMatch : ReceiptMatch.check(cycleId, rows);
        List<Long> changed = match.changed();
        List<Long> deleted = match.deleted();
        List<Long> unreceipted = match.unreceipted();
        String head = n == 0 ? ReceiptChain.GENESIS : rows.chainReceipt(order[n - 1]);
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("length", n);
        chain.put("head", head);
        chain.put("storedHead", stored.chainHead());
        chain.put("storedLength", stored.chainLength());
        chain.put("brokenAtSeq", listed(broken));
        chain.put("outOfSequence", gaps);
        details.put("chain", chain);
        Map<String, Object> ballots = new LinkedHashMap<>();
        ballots.put("changed", listed(changed));
        ballots.put("deleted", listed(deleted));
        ballots.put("unreceipted", listed(unreceipted));
        details.put("ballots", ballots);
        if (match.changedCount() > 0) {
            problems.add(match.changedCount() + " ballot row(s) no longer match their receipt: changed after they "
                    + "were cast (members " + preview(changed, match.changedCount()) + ")");
        }
        if (match.deletedCount() > 0) {
            problems.add(match.deletedCount() + " ballot row(s) deleted: the chain holds a counted receipt with no "
                    + "ballot (members " + preview(deleted, match.deletedCount()) + ")");
        }
        if (match.unreceiptedCount() > 0) {
            problems.add(match.unreceiptedCount() + " ballot row(s) with no receipt in the chain (members "
                    + preview(unreceipted, match.unreceiptedCount()) + ")");
        }
        if (!broken.isEmpty() || !gaps.isEmpty()) {
            problems.add("the receipt chain is broken at seq " + preview(broken.isEmpty() ? gaps : broken));
        }
        if (!head.equals(stored.chainHead()) || stored.chainLength() == null || stored.chainLength() != n) {
            problems.add("the receipt chain's head " + head + " (" + n + " entries) is not the published "
                    + stored.chainHead() + " (" + stored.chainLength() + " entries)");
        }
        return new Findings(details, problems);
    }

    /**
     * Stored weight by stored weight, looked up in the count; only when the two sets of ballots differ in
     * size are the count's weights walked for ballots with no stored weight (a quarter of a million
     * strings and decimals saved on the usual path).
     */
    private static void compareWeights(
            VoteResult result,
            int recountedBallots,
            VoteRows rows,
            Map<String, Object> details,
            List<String> problems) {
        List<Map<String, Object>> differing = new ArrayList<>();
        int count = 0;
        int matched = 0;
        for (int w = 0; w < rows.weightCount(); w++) {
            long member = rows.weightMember(w);
            BigDecimal recounted = result.weight(Long.toString(member));
            BigDecimal before = rows.weight(w);
            if (recounted != null) {
                matched++;
            }
            if (recounted == null || before.compareTo(recounted) != 0) {
                count++;
                if (differing.size() < LISTED) {
                    differing.add(difference(member, before, recounted));
                }
            }
        }
        if (matched != recountedBallots) {
            Set<Long> storedMembers = new HashSet<>();
            for (int w = 0; w < rows.weightCount(); w++) {
                storedMembers.add(rows.weightMember(w));
            }
            for (Map.Entry<String, BigDecimal> weight : result.weights().entrySet()) {
                long member = Long.parseLong(weight.getKey());
                if (!storedMembers.contains(member)) {
                    count++;
                    if (differing.size() < LISTED) {
                        differing.add(difference(member, null, weight.getValue()));
                    }
                }
            }
        }
        details.put("weights", Map.of("differing", differing, "differingCount", count));
        if (count > 0) {
            problems.add(count + " ballot weight(s) differ from the stored result (members "
                    + preview(
                            differing.stream().map(d -> (Long) d.get("member")).toList()) + ")");
        }
    }

    private static Map<String, Object> difference(long member, BigDecimal stored, BigDecimal recounted) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("member", member);
        d.put("stored", stored == null ? null : stored.toPlainString());
        d.put("recounted", recounted == null ? null : recounted.toPlainString());
        return d;
    }

    private static void compareResult(
            CycleCounter.Count count, Stored stored, Map<String, Object> details, List<String> problems) {
        VoteResult result = count.result();
        List<String> differences = new ArrayList<>();
        var settings = count.cycle().settings();
        boolean quorum = result.quorumMet(settings.quorumShare());
        Long winner = quorum && result.winner() != null ? Long.valueOf(result.winner()) : null;
        Long runnerUp = quorum && result.runnerUp() != null ? Long.valueOf(result.runnerUp()) : null;
        differ(differences, "winner", stored.winner(), winner);
        differ(differences, "runner-up", stored.runnerUp(), runnerUp);
        differ(differences, "quorum met", stored.quorumMet(), quorum);
        differ(differences, "seed", stored.seed(), count.input().seed());
        differ(differences, "method", stored.method(), settings.method());
        differ(differences, "policy", stored.policy(), settings.policy());
        differ(differences, "electorate", stored.electorate(), result.electorate());
        differ(differences, "ballots", stored.ballots(), count.input().ballotCount());
        if (stored.exercised().compareTo(result.exercisedUnits()) != 0) {
            differences.add("exercised units: stored " + stored.exercised().toPlainString() + ", recounted "
                    + result.exercisedUnits().toPlainString());
        }
        if (stored.total().compareTo(result.totalUnits()) != 0) {
            differences.add("total units: stored " + stored.total().toPlainString() + ", recounted "
                    + result.totalUnits().toPlainString());
        }
        try {
            JsonNode before = JSON.readTree(stored.result());
            JsonNode after = JSON.readTree(ResultDocument.of(result, count.offBallot(), count.names()));
            diff("", before, after, differences);
        } catch (JsonProcessingException e) {
            differences.add("the stored result document is unreadable: " + e.getOriginalMessage());
        }
        details.put(
                "result",
                Map.of(
                        "differences",
                        differences.size() > LISTED ? differences.subList(0, LISTED) : differences,
                        "rounds",
                        result.rounds().size(),
                        "winner",
                        count.names().apply(result.winner()),
                        "margin",
                        BallotActivitiesImpl.margin(result)));
        if (!differences.isEmpty()) {
            problems.add("the count differs: "
                    + String.join(", ", differences.subList(0, Math.min(5, differences.size())))
                    + (differences.size() > 5 ? " and " + (differences.size() - 5) + " more" : ""));
        }
    }

    private static final Set<String> ADDED_LATER =
            Set.of("decisive", "decidedByLot", "unexercisedDeadEnds", "unexercisedCycles");

    private static void differ(List<String> differences, String what, Object stored, Object recounted) {
        if (!Objects.equals(stored, recounted)) {
            differences.add(what + ": stored " + stored + ", recounted " + recounted);
        }
    }

    /** Field by field, rounds element by element: "rounds[2].tallies.12: stored 40.5, recounted 39.5". */
    private static void diff(String path, JsonNode before, JsonNode after, List<String> out) {
        if (out.size() > LISTED) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                // the tie note is for people (names may be corrected); results stored before the decisive
                // comparison was recorded lack it, and that alone is no difference in the count
                if (path.isEmpty() && (name.equals("tieNote") || (!before.has(name) && ADDED_LATER.contains(name)))) {
                    continue;
                }
                diff(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), out);
            }
        } else if (before != null
                && after != null
                && before.isArray()
                && after.isArray()
                && !path.equals("offBallot")) {
            if (before.size() != after.size()) {
                out.add(path + ": stored " + before.size() + " entries, recounted " + after.size());
            }
            Iterator<JsonNode> b = before.elements();
            Iterator<JsonNode> a = after.elements();
            int i = 0;
            while (b.hasNext() && a.hasNext()) {
                diff(path + "[" + (i + 1) + "]", b.next(), a.next(), out);
                i++;
            }
        } else if (!Objects.equals(before, after)) {
            out.add(path + ": stored " + text(before) + ", recounted " + text(after));
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "none" : node.isTextual() ? node.asText() : node.toString();
    }

    private static List<Long> listed(List<Long> ids) {
        return ids.size() > LISTED ? ids.subList(0, LISTED) : ids;
    }

    private static String preview(List<Long> ids) {
        return preview(ids, ids.size());
    }

    /** The first ten of {@code total} ids, of which {@code ids} holds the first ones. */
    private static String preview(List<Long> ids, long total) {
        List<String> shown = ids.stream().limit(10).map(String::valueOf).toList();
        return String.join(", ", shown) + (total > 10 ? " and " + (total - 10) + " more" : "");
    }
}
