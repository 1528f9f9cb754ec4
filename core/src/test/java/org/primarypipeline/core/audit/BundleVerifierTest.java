package org.primarypipeline.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.primarypipeline.core.vote.Ballot;
import org.primarypipeline.core.vote.FlowPolicy;
import org.primarypipeline.core.vote.ProxyShare;
import org.primarypipeline.core.vote.Round;
import org.primarypipeline.core.vote.TallyMethod;
import org.primarypipeline.core.vote.VoteCount;
import org.primarypipeline.core.vote.VoteInput;
import org.primarypipeline.core.vote.VoteResult;
import org.primarypipeline.core.vote.VoteScenario;

/**
 * The plain re-count agrees with the engine on generated rounds (proxy chains, dead ends, closed and
 * leaking cycles, every method and policy) and on ties settled by lot, and a tampered bundle is named.
 */
class BundleVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> rounds() {
        List<Arguments> all = new ArrayList<>();
        for (TallyMethod method : TallyMethod.values()) {
            for (FlowPolicy policy : FlowPolicy.values()) {
                for (long seed = 1; seed <= 3; seed++) {
                    all.add(Arguments.of(method, policy, seed));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("rounds")
    void thePlainRecountAgreesWithTheEngine(TallyMethod method, FlowPolicy policy, long seed) {
        VoteInput input = VoteScenario.generate(3_000, 2.5, 0.3, 6, seed)
                .with(policy, method, seed * 7919)
                .toVoteInput();
        ObjectNode bundle = bundle(input, VoteCount.countExcluding(input, Set.of("nominee-02")), Set.of("nominee-02"));

        BundleVerifier.Verification v = BundleVerifier.verify(bundle);
        assertThat(v.differences()).isEmpty();
        assertThat(v.summary()).startsWith("verified: winner ");
    }

    @Test
    void aTieSettledByLotIsReDerivedWithTheSameDraw() {
        for (long seed = 0; seed < 8; seed++) {
            VoteInput input = voters(3, "A", 3, "B", 1, "C").withSeed(seed);
            VoteResult result = VoteCount.count(input);
            assertThat(result.decidedByLot()).isTrue();
            BundleVerifier.Verification v = BundleVerifier.verify(bundle(input, result, Set.of()));
            assertThat(v.differences()).isEmpty();
            assertThat(v.summary()).contains("(decided by lot)");
        }
    }

    @Test
    void aChangedRankingIsNamed() {
        VoteInput input = voters(4, "A", 3, "B", 2, "C>B");
        ObjectNode bundle = bundle(input, VoteCount.count(input), Set.of());
        ArrayNode members = (ArrayNode) bundle.get("members");
        ObjectNode c1 = null;
        for (var m : members) {
            if (m.get("id").asText().equals("C1")) {
                c1 = (ObjectNode) m;
            }
        }
        c1.putArray("ranking").add("C").add("A");

        BundleVerifier.Verification v = BundleVerifier.verify(bundle);
        assertThat(v.verified()).isFalse();
        assertThat(v.summary())
                .startsWith("DIFFERS: ")
                .contains("round 2 units of A (#A): bundle 40, re-derived 50")
                .contains("winner: bundle B (#B), re-derived A (#A)");
    }

    @Test
    void aMovedProxyEdgeShowsInTheWeights() {
        List<String> members = List.of("m1", "m2", "m3", "m4");
        VoteInput input = new VoteInput(
                members,
                List.of(new ProxyShare("m3", "m1", 10)),
                List.of(new Ballot("m1", List.of("A")), new Ballot("m2", List.of("B"))),
                FlowPolicy.SMARTOCRACY,
                TallyMethod.IRV,
                1);
        ObjectNode bundle = bundle(input, VoteCount.count(input), Set.of());
        for (var m : bundle.get("members")) {
            if (m.get("id").asText().equals("m3")) {
                ((ObjectNode) m.get("proxies").get(0)).put("to", "m2");
            }
        }
        BundleVerifier.Verification v = BundleVerifier.verify(bundle);
        assertThat(v.differences())
                .contains("weight of the ballot of m1: bundle 20, re-derived 10")
                .contains("weight of the ballot of m2: bundle 10, re-derived 20");
    }

    @Test
    void aFileThatIsNoBundleIsRefusedInWords() throws IOException {
        Path file = Files.createTempFile("not-a-bundle", ".json");
        Files.writeString(file, "{\"hello\":1}");
        assertThat(BundleVerifier.verify(JSON.readTree(file.toFile())).summary())
                .startsWith("DIFFERS: not an audit bundle of format");
    }

    private static VoteInput voters(Object... groups) {
        List<String> members = new ArrayList<>();
        List<Ballot> ballots = new ArrayList<>();
        for (int g = 0; g < groups.length; g += 2) {
            int count = (Integer) groups[g];
            String ranking = (String) groups[g + 1];
            for (int i = 1; i <= count; i++) {
                String id = ranking.charAt(0) + Integer.toString(i);
                members.add(id);
                ballots.add(new Ballot(id, List.of(ranking.split(">"))));
            }
        }
        return new VoteInput(members, List.of(), ballots, FlowPolicy.SMARTOCRACY, TallyMethod.IRV, 0);
    }

    /** The bundle as the app publishes it, here with member ids standing in for pseudonyms. */
    static ObjectNode bundle(VoteInput input, VoteResult result, Set<String> withdrawn) {
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("format", BundleVerifier.FORMAT);
        bundle.put("method", input.method().id());
        bundle.put("policy", input.policy().name().toLowerCase(java.util.Locale.ROOT));
        bundle.put("seed", input.seed());
        bundle.put("unitsPerMember", 10);
        bundle.putObject("chain")
                .put("head", "0".repeat(64))
                .put("length", input.ballots().size());
        Set<String> nominees = new TreeSet<>();
        input.ballots().forEach(b -> nominees.addAll(b.ranking()));
        ArrayNode listed = bundle.putArray("nominees");
        nominees.forEach(
                id -> listed.addObject().put("id", id).put("name", id).put("onBallot", !withdrawn.contains(id)));
        Map<String, List<ProxyShare>> proxies = new HashMap<>();
        input.proxies()
                .forEach(p -> proxies.computeIfAbsent(p.memberId(), k -> new ArrayList<>())
                        .add(p));
        Map<String, List<String>> rankings = new HashMap<>();
        input.ballots().forEach(b -> rankings.put(b.memberId(), b.ranking()));
        ArrayNode members = bundle.putArray("members");
        for (String id : input.members()) {
            ObjectNode m = members.addObject().put("id", id);
            if (rankings.containsKey(id)) {
                rankings.get(id).forEach(m.putArray("ranking")::add);
                m.put("weight", result.weight(id).toPlainString());
            } else {
                m.putNull("ranking");
                m.putNull("weight");
            }
            ArrayNode edges = m.putArray("proxies");
            proxies.getOrDefault(id, List.of())
                    .forEach(p -> edges.addObject().put("to", p.proxyId()).put("units", p.units()));
        }
        ObjectNode doc = bundle.putObject("result");
        doc.put("exercisedUnits", result.exercisedUnits().toPlainString());
        doc.put("unexercisedUnits", result.unexercisedUnits().toPlainString());
        doc.put("winner", result.winner());
        doc.put("runnerUp", result.runnerUp());
        doc.put("decidedByLot", result.decidedByLot());
        ArrayNode rounds = doc.putArray("rounds");
        for (Round r : result.rounds()) {
            ObjectNode round = rounds.addObject();
            ObjectNode tallies = round.putObject("tallies");
            r.tallies().forEach((k, v) -> tallies.put(k, v.toPlainString()));
            round.put("exhausted", r.exhausted().toPlainString());
            r.eliminated().forEach(round.putArray("eliminated")::add);
        }
        return bundle;
    }
}
