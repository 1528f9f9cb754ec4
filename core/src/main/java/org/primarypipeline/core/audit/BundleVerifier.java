package org.primarypipeline.core.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Re-derives a counted round from its audit bundle alone (docs/audit-bundle.md): follows every member's
 * units through the published proxy edges to the ballots ({@link PlainCascade}), compares each ballot's
 * weight and the unexercised units with the published ones, then counts the published weights by the
 * cycle's method ({@link PlainCount}) and compares every round, the winner and the runner-up. Shares
 * nothing with the counting engine but the bundle's format.
 */
public final class BundleVerifier {

    public static final String FORMAT = "primary-pipeline/audit-bundle/1";

    /** How far a re-derived weight may sit from the published one: rounding, never a real difference. */
    static final BigDecimal WEIGHT_TOLERANCE = new BigDecimal("0.000001");

    private static final int MOST_LISTED = 20;

    /** {@code differences} is empty when verified; {@code summary} is what to print either way. */
    public record Verification(boolean verified, String summary, List<String> differences) {}

    private BundleVerifier() {}

    public static Verification verify(JsonNode bundle) {
        List<String> differences = new ArrayList<>();
        if (!FORMAT.equals(bundle.path("format").asText())) {
            differences.add("not an audit bundle of format " + FORMAT + " (format: "
                    + bundle.path("format").asText("none") + ")");
            return done(differences, "");
        }
        int perMember = bundle.path("unitsPerMember").asInt(10);
        JsonNode members = bundle.path("members");
        int n = members.size();
        Map<String, Integer> index = new HashMap<>();
        for (int m = 0; m < n; m++) {
            if (index.put(members.get(m).path("id").asText(), m) != null) {
                differences.add("pseudonym " + members.get(m).path("id").asText() + " appears twice");
            }
        }
        Map<String, Integer> nominee = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        TreeSet<String> sorted = new TreeSet<>();
        bundle.path("nominees").forEach(x -> sorted.add(x.path("id").asText()));
        Map<String, JsonNode> nomineeRows = new HashMap<>();
        bundle.path("nominees").forEach(x -> nomineeRows.put(x.path("id").asText(), x));
        for (String id : sorted) {
            nominee.put(id, ids.size());
            ids.add(id);
            names.add(nomineeRows.get(id).path("name").asText("#" + id) + " (#" + id + ")");
        }
        boolean[] standing = new boolean[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            standing[i] = nomineeRows.get(ids.get(i)).path("onBallot").asBoolean(true);
        }

        boolean[] voter = new boolean[n];
        int[][] targets = new int[n][];
        int[][] units = new int[n][];
        List<Integer> ballotMembers = new ArrayList<>();
        List<BigDecimal> weights = new ArrayList<>();
        List<int[]> rankings = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            JsonNode member = members.get(m);
            String who = member.path("id").asText();
            JsonNode proxies = member.path("proxies");
            targets[m] = new int[proxies.size()];
            units[m] = new int[proxies.size()];
            int sum = 0;
            for (int e = 0; e < proxies.size(); e++) {
                Integer to = index.get(proxies.get(e).path("to").asText());
                if (to == null || to == m) {
                    differences.add("proxy edge of " + who + " leads to "
                            + proxies.get(e).path("to").asText() + ", who is not another member of the electorate");
                    to = m;
                }
                targets[m][e] = to;
                units[m][e] = proxies.get(e).path("units").asInt();
                sum += units[m][e];
            }
            if (proxies.size() > 0 && sum != perMember) {
                differences.add("the proxy shares of " + who + " sum to " + sum + ", not " + perMember);
            }
            JsonNode ranking = member.path("ranking");
            if (ranking.isArray()) {
                voter[m] = true;
                ballotMembers.add(m);
                weights.add(new BigDecimal(member.path("weight").asText("0")));
                int[] ranked = new int[ranking.size()];
                for (int r = 0; r < ranked.length; r++) {
                    Integer at = nominee.get(ranking.get(r).asText());
                    if (at == null) {
                        differences.add("the ballot of " + who + " ranks "
                                + ranking.get(r).asText() + ", who is not among the nominees");
                        return done(differences, "");
                    }
                    ranked[r] = at;
                }
                rankings.add(ranked);
            }
        }
        if (!differences.isEmpty()) {
            return done(differences, "");
        }

        PlainCascade flow = new PlainCascade(
                voter,
                targets,
                units,
                perMember,
                !"liquid".equals(bundle.path("policy").asText()));
        if (!flow.settled) {
            differences.add("the units did not settle: the proxy edges do not describe a countable flow");
        }
        BigDecimal exercised = BigDecimal.ZERO;
        for (int b = 0; b < ballotMembers.size(); b++) {
            BigDecimal derived = BigDecimal.valueOf(flow.absorbed[ballotMembers.get(b)]);
            exercised = exercised.add(weights.get(b));
            if (derived.subtract(weights.get(b)).abs().compareTo(WEIGHT_TOLERANCE) > 0) {
                differences.add("weight of the ballot of "
                        + members.get(ballotMembers.get(b)).path("id").asText() + ": bundle " + plain(weights.get(b))
                        + ", re-derived " + rounded(derived));
            }
        }
        JsonNode result = bundle.path("result");
        compareAmount(differences, "exercised units", result.path("exercisedUnits"), exercised, BigDecimal.ZERO);
        BigDecimal unexercised = BigDecimal.valueOf(flow.deadEnds + flow.closedCycles);
        compareAmount(differences, "unexercised units", result.path("unexercisedUnits"), unexercised, WEIGHT_TOLERANCE);

        PlainCount count = new PlainCount(
                weights.toArray(BigDecimal[]::new),
                rankings.toArray(int[][]::new),
                ids.size(),
                bundle.path("seed").asLong());
        String method = bundle.path("method").asText("irv");
        PlainCount.Outcome outcome = count.count(method, standing);
        compareRounds(differences, result.path("rounds"), outcome.rounds(), ids, names);
        String winner = outcome.winner() == null ? null : ids.get(outcome.winner());
        compareName(differences, "winner", result.path("winner"), winner, ids, names);
        String runnerUp = null;
        if (outcome.winner() != null) {
            boolean[] without = standing.clone();
            without[outcome.winner()] = false;
            Integer second = count.count(method, without).winner();
            runnerUp = second == null ? null : ids.get(second);
        }
        compareName(differences, "runner-up", result.path("runnerUp"), runnerUp, ids, names);
        if (result.has("decidedByLot") && result.path("decidedByLot").asBoolean() != outcome.decidedByLot()) {
            differences.add("decided by lot: bundle "
                    + result.path("decidedByLot").asBoolean() + ", re-derived " + outcome.decidedByLot());
        }
        String summary = "winner " + label(winner, ids, names) + ", runner-up " + label(runnerUp, ids, names)
                + (outcome.decidedByLot() ? " (decided by lot)" : "") + "; "
                + outcome.rounds().size()
                + " round(s), " + ballotMembers.size() + " ballots of " + n + " members; exercised "
                + plain(exercised) + " units, unexercised " + rounded(unexercised) + " (dead ends "
                + rounded(BigDecimal.valueOf(flow.deadEnds)) + ", closed cycles "
                + rounded(BigDecimal.valueOf(flow.closedCycles)) + "); chain head "
                + bundle.path("chain").path("head").asText() + " ("
                + bundle.path("chain").path("length").asLong()
                + " entries)";
        return done(differences, summary);
    }

    private static void compareRounds(
            List<String> differences,
            JsonNode published,
            List<PlainCount.Tally> derived,
            List<String> ids,
            List<String> names) {
        if (published.size() != derived.size()) {
            differences.add("rounds: bundle " + published.size() + ", re-derived " + derived.size());
        }
        for (int r = 0; r < Math.min(published.size(), derived.size()); r++) {
            JsonNode round = published.get(r);
            PlainCount.Tally tally = derived.get(r);
            String where = "round " + (r + 1);
            Iterator<Map.Entry<String, JsonNode>> fields = round.path("tallies").fields();
            int listed = 0;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                listed++;
                int at = ids.indexOf(f.getKey());
                BigDecimal mine = at < 0 ? null : tally.units()[at];
                if (mine == null) {
                    differences.add(where + ": the bundle has " + label(f.getKey(), ids, names)
                            + " standing, the re-derived count does not");
                } else {
                    compareAmount(
                            differences, where + " units of " + names.get(at), f.getValue(), mine, BigDecimal.ZERO);
                }
            }
            long standing = java.util.Arrays.stream(tally.units())
                    .filter(u -> u != null)
                    .count();
            if (listed != standing) {
                differences.add(where + ": bundle lists " + listed + " nominees standing, re-derived " + standing);
            }
            compareAmount(
                    differences, where + " exhausted", round.path("exhausted"), tally.exhausted(), BigDecimal.ZERO);
            String out = round.path("eliminated").size() == 0
                    ? null
                    : round.path("eliminated").get(0).asText();
            String mine = tally.eliminated() == null ? null : ids.get(tally.eliminated());
            if (!java.util.Objects.equals(out, mine)) {
                differences.add(where + " eliminated: bundle " + label(out, ids, names) + ", re-derived "
                        + label(mine, ids, names));
            }
        }
    }

    private static void compareAmount(
            List<String> differences, String what, JsonNode published, BigDecimal derived, BigDecimal tolerance) {
        if (published.isMissingNode() || published.isNull()) {
            differences.add(what + ": missing from the bundle, re-derived " + rounded(derived));
            return;
        }
        BigDecimal stated = new BigDecimal(published.asText());
        if (stated.subtract(derived).abs().compareTo(tolerance) > 0) {
            differences.add(what + ": bundle " + plain(stated) + ", re-derived "
                    + (tolerance.signum() == 0 ? plain(derived) : rounded(derived)));
        }
    }

    private static void compareName(
            List<String> differences,
            String what,
            JsonNode published,
            String derived,
            List<String> ids,
            List<String> names) {
        String stated = published.isNull() || published.isMissingNode() ? null : published.asText();
        if (!java.util.Objects.equals(stated, derived)) {
            differences.add(
                    what + ": bundle " + label(stated, ids, names) + ", re-derived " + label(derived, ids, names));
        }
    }

    private static String label(String id, List<String> ids, List<String> names) {
        if (id == null) {
            return "none";
        }
        int at = ids.indexOf(id);
        return at < 0 ? "#" + id : names.get(at);
    }

    private static Verification done(List<String> differences, String summary) {
        if (differences.isEmpty()) {
            return new Verification(true, "verified: " + summary, List.of());
        }
        List<String> shown = differences.size() > MOST_LISTED ? differences.subList(0, MOST_LISTED) : differences;
        String text = "DIFFERS: " + String.join("; ", shown)
                + (differences.size() > MOST_LISTED ? "; and " + (differences.size() - MOST_LISTED) + " more" : "");
        return new Verification(false, text, List.copyOf(differences));
    }

    private static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0).toPlainString() : stripped.toPlainString();
    }

    private static String rounded(BigDecimal amount) {
        return plain(amount.setScale(9, java.math.RoundingMode.HALF_EVEN));
    }
}
