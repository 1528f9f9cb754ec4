package org.primarypipeline.core.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine against exact rational arithmetic, and its invariances, on many seeded random electorates. */
class FlowPropertyTest {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-9");
    private static final String[] NOMINEES = {"X", "Y", "Z"};

    /** A random electorate: short proxy lists among few members makes chains, cycles and dead ends common. */
    private static final class RandomVote {
        final int n;
        final List<int[]> proxies = new ArrayList<>();
        final boolean[] votes;
        final List<List<String>> rankings = new ArrayList<>();
        final FlowPolicy policy;

        RandomVote(long seed) {
            Random random = new Random(seed);
            n = 2 + random.nextInt(14);
            votes = new boolean[n];
            double voting = random.nextBoolean() ? 0.2 : 0.5;
            policy = random.nextBoolean() ? FlowPolicy.SMARTOCRACY : FlowPolicy.LIQUID;
            for (int m = 0; m < n; m++) {
                votes[m] = random.nextDouble() < voting;
                List<String> ranking = new ArrayList<>(List.of(NOMINEES));
                Collections.shuffle(ranking, random);
                rankings.add(ranking.subList(0, 1 + random.nextInt(3)));
                if (random.nextDouble() < 0.15) {
                    continue;
                }
                List<Integer> others = new ArrayList<>();
                for (int o = 0; o < n; o++) {
                    if (o != m) {
                        others.add(o);
                    }
                }
                Collections.shuffle(others, random);
                // Single proxies make closed knots of non-voters common enough to test well.
                int count = random.nextDouble() < 0.4 ? 1 : 1 + random.nextInt(Math.min(4, others.size()));
                int left = 10;
                for (int i = 0; i < count; i++) {
                    int units = i == count - 1 ? left : 1 + random.nextInt(left - (count - 1 - i));
                    proxies.add(new int[] {m, others.get(i), units});
                    left -= units;
                }
            }
        }

        static String id(int m) {
            return String.format("m%02d", m);
        }

        VoteInput input(Random shuffle) {
            List<String> members = new ArrayList<>();
            List<ProxyShare> shares = new ArrayList<>();
            List<Ballot> ballots = new ArrayList<>();
            for (int m = 0; m < n; m++) {
                members.add(id(m));
                if (votes[m]) {
                    ballots.add(new Ballot(id(m), rankings.get(m)));
                }
            }
            for (int[] row : proxies) {
                shares.add(new ProxyShare(id(row[0]), id(row[1]), row[2]));
            }
            if (shuffle != null) {
                Collections.shuffle(members, shuffle);
                Collections.shuffle(shares, shuffle);
                Collections.shuffle(ballots, shuffle);
            }
            return new VoteInput(members, shares, ballots, policy, TallyMethod.IRV, 7L);
        }
    }

    @Test
    void weightsDeadEndsAndCyclesMatchTheExactRationalSolution() {
        int withDeadEnds = 0;
        int withClosedCycles = 0;
        int withLeakingCycles = 0;
        for (long seed = 1; seed <= 400; seed++) {
            RandomVote vote = new RandomVote(seed);
            ExactFlow.Outcome exact = ExactFlow.solve(vote.n, vote.proxies, vote.votes, vote.policy);
            VoteResult result = VoteCount.count(vote.input(null));
            withDeadEnds += exact.deadEnds().isZero() ? 0 : 1;
            withClosedCycles += exact.cycles().isZero() ? 0 : 1;
            withLeakingCycles += hasLeakingCycle(IndexedVoteInput.from(vote.input(null))) ? 1 : 0;
            for (int m = 0; m < vote.n; m++) {
                if (vote.votes[m]) {
                    assertThat(result.weight(RandomVote.id(m)))
                            .as("seed %d, member %d", seed, m)
                            .isCloseTo(exact.arrival()[m].toBigDecimal(), within(TOLERANCE));
                }
            }
            assertThat(result.unexercisedDeadEnds())
                    .as("seed %d dead ends", seed)
                    .isCloseTo(exact.deadEnds().toBigDecimal(), within(TOLERANCE));
            assertThat(result.unexercisedCycles())
                    .as("seed %d cycles", seed)
                    .isCloseTo(exact.cycles().toBigDecimal(), within(TOLERANCE));
        }
        assertThat(withDeadEnds).as("electorates with dead ends").isGreaterThan(100);
        assertThat(withClosedCycles).as("electorates with closed cycles").isGreaterThan(40);
        assertThat(withLeakingCycles).as("electorates with leaking cycles").isGreaterThan(50);
    }

    private static boolean hasLeakingCycle(IndexedVoteInput input) {
        int n = input.electorate();
        boolean[] passes = new boolean[n];
        for (int m = 0; m < n; m++) {
            passes[m] = input.proxyCount(m) > 0 && java.util.Arrays.binarySearch(input.ballotMember, m) < 0;
        }
        StrongComponents groups = StrongComponents.find(input.proxyStart, input.proxyTarget, passes, null);
        for (int c = 0; c < groups.count; c++) {
            if (groups.start[c + 1] - groups.start[c] < 2) {
                continue;
            }
            for (int i = groups.start[c]; i < groups.start[c + 1]; i++) {
                int u = groups.members[i];
                for (int e = input.proxyStart[u]; e < input.proxyStart[u + 1]; e++) {
                    if (groups.component[input.proxyTarget[e]] != c) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Test
    void theSweepingSolverForLargeCyclesAgreesWithTheExactSolutionToo() {
        for (long seed = 1; seed <= 200; seed++) {
            RandomVote vote = new RandomVote(seed);
            ExactFlow.Outcome exact = ExactFlow.solve(vote.n, vote.proxies, vote.votes, vote.policy);
            IndexedVoteInput input = IndexedVoteInput.from(vote.input(null));
            FlowSolution swept = new DelegationFlow(input, 0).resolve();
            for (int m = 0; m < vote.n; m++) {
                if (vote.votes[m] || input.proxyCount(m) == 0) {
                    assertThat(swept.arrival()[m])
                            .as("seed %d, member %d", seed, m)
                            .isCloseTo(exact.arrival()[m].toBigDecimal().doubleValue(), within(1e-9));
                }
            }
            assertThat(swept.cycles()).isCloseTo(exact.cycles().toBigDecimal().doubleValue(), within(1e-9));
        }
    }

    @Test
    void unitsAreConservedAndTheBooksBalance() {
        for (long seed = 1; seed <= 400; seed++) {
            RandomVote vote = new RandomVote(seed);
            VoteResult result = VoteCount.count(vote.input(null));
            BigDecimal weights = result.weights().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(weights).isEqualByComparingTo(result.exercisedUnits());
            assertThat(weights.add(result.unexercisedUnits()))
                    .as("seed %d", seed)
                    .isCloseTo(
                            BigDecimal.valueOf(10L * vote.n), within(TOLERANCE.multiply(BigDecimal.valueOf(vote.n))));
            Round first = result.rounds().get(0);
            BigDecimal firstRound = first.tallies().values().stream().reduce(first.exhausted(), BigDecimal::add);
            assertThat(firstRound)
                    .as("tallies are exact sums of the weights")
                    .isEqualByComparingTo(result.exercisedUnits());
        }
    }

    @Test
    void rowOrderChangesNothing() {
        for (long seed = 1; seed <= 150; seed++) {
            RandomVote vote = new RandomVote(seed);
            VoteResult sorted = VoteCount.count(vote.input(null));
            VoteResult shuffled = VoteCount.count(vote.input(new Random(seed * 31)));
            assertThat(shuffled.weights()).isEqualTo(sorted.weights());
            assertThat(List.copyOf(shuffled.weights().keySet()))
                    .isEqualTo(List.copyOf(sorted.weights().keySet()));
            assertThat(shuffled.rounds()).isEqualTo(sorted.rounds());
            assertThat(shuffled.winner()).isEqualTo(sorted.winner());
            assertThat(shuffled.runnerUp()).isEqualTo(sorted.runnerUp());
            assertThat(shuffled.tieBreak()).isEqualTo(sorted.tieBreak());
            assertThat(shuffled.unexercisedDeadEnds()).isEqualTo(sorted.unexercisedDeadEnds());
            assertThat(shuffled.unexercisedCycles()).isEqualTo(sorted.unexercisedCycles());
        }
    }

    @Test
    void aSelfLoopIsRefusedWhereverItAppears() {
        for (long seed = 1; seed <= 50; seed++) {
            RandomVote vote = new RandomVote(seed);
            VoteInput input = vote.input(null);
            List<ProxyShare> shares = new ArrayList<>();
            for (ProxyShare share : input.proxies()) {
                if (!share.memberId().equals("m00")) {
                    shares.add(share);
                }
            }
            shares.add(new ProxyShare("m00", "m00", 10));
            Collections.shuffle(shares, new Random(seed));
            VoteInput looped = new VoteInput(input.members(), shares, input.ballots());
            assertThatThrownBy(() -> VoteCount.count(looped))
                    .isInstanceOfSatisfying(InvalidVoteInputException.class, e -> {
                        assertThat(e.problem()).isEqualTo(InvalidVoteInputException.Problem.PROXY_TO_SELF);
                        assertThat(e.memberId()).isEqualTo("m00");
                    });
        }
    }

    @Test
    void largeCyclesSweptAndEliminatedAgree() {
        // Chapters of a generated electorate form cycles of hundreds of members; solve them both ways.
        IndexedVoteInput input = VoteScenario.generate(20_000, 3, 0.25, 4, 11L);
        FlowSolution eliminated = new DelegationFlow(input, 2_000).resolve();
        FlowSolution swept = new DelegationFlow(input, 0).resolve();
        for (int m = 0; m < input.electorate(); m++) {
            if (input.proxyCount(m) == 0 || java.util.Arrays.binarySearch(input.ballotMember, m) >= 0) {
                assertThat(swept.arrival()[m]).isCloseTo(eliminated.arrival()[m], within(1e-9));
            }
        }
        assertThat(swept.cycles()).isCloseTo(eliminated.cycles(), within(1e-9));
        assertThat(swept.deadEnds()).isCloseTo(eliminated.deadEnds(), within(1e-9));
    }
}
