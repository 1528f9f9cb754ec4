package org.primarypipeline.core.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.primarypipeline.core.vote.TallyFixtures.centreSqueeze;
import static org.primarypipeline.core.vote.TallyFixtures.round;
import static org.primarypipeline.core.vote.TallyFixtures.spoiler;
import static org.primarypipeline.core.vote.TallyFixtures.units;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IRV, plurality and Schulze on ballots of 10 units each, worked by hand. */
class TallyMethodsTest {

    @Test
    void instantRunoffReportsExhaustedBallotsRoundByRound() {
        VoteResult result = spoiler().count();

        assertThat(result.rounds())
                .containsExactly(
                        round(Map.of("W", "20", "X", "50", "Y", "40", "Z", "30"), "0", "W"),
                        round(Map.of("X", "50", "Y", "40", "Z", "30"), "20", "Z"),
                        round(Map.of("X", "50", "Y", "60"), "30"));
        assertThat(result.winner()).isEqualTo("Y");
        assertThat(result.tieBreak()).isNull();
    }

    @Test
    void theRunnerUpWinsTheSameBallotsWithTheWinnerWithdrawn() {
        VoteResult result = spoiler().count();
        assertThat(result.runnerUp()).isEqualTo("X");

        VoteResult withoutY = VoteCount.countExcluding(spoiler().input(), java.util.Set.of("Y"));
        assertThat(withoutY.winner()).isEqualTo("X");
        assertThat(withoutY.withdrawnNominees()).containsExactly("Y");
        // The four Y-only ballots exhaust at once; Z>Y ballots now rank Z alone.
        assertThat(withoutY.rounds().get(0)).isEqualTo(round(Map.of("W", "20", "X", "50", "Z", "30"), "40", "W"));
        assertThat(withoutY.weights()).isEqualTo(result.weights());
    }

    @Test
    void pluralityCountsFirstChoicesOnly() {
        VoteResult result = spoiler().method(TallyMethod.PLURALITY).count();

        assertThat(result.rounds()).containsExactly(round(Map.of("W", "20", "X", "50", "Y", "40", "Z", "30"), "0"));
        assertThat(result.winner()).isEqualTo("X");
        assertThat(result.runnerUp()).isEqualTo("Y");
    }

    @Test
    void schulzeElectsTheNomineeWhoBeatsEveryOtherHeadToHead() {
        Votes votes = centreSqueeze();

        VoteResult schulze = votes.method(TallyMethod.SCHULZE).count();
        assertThat(schulze.winner()).isEqualTo("C");
        assertThat(schulze.pairwise().get("C")).containsEntry("X", units("50")).containsEntry("Y", units("60"));
        assertThat(schulze.pairwise().get("X")).containsEntry("C", units("40")).containsEntry("Y", units("60"));
        assertThat(schulze.runnerUp()).isEqualTo("X");
        assertThat(schulze.rounds()).containsExactly(round(Map.of("C", "20", "X", "40", "Y", "30"), "0"));

        assertThat(votes.method(TallyMethod.IRV).count().winner()).isEqualTo("X");
    }

    @Test
    void schulzeFollowsTheStrongestPathsThroughACycle() {
        // A beats B 50-20, B beats C 50-20, C beats A 40-30: A's path to C (50 via B) outweighs C's 40.
        VoteResult result = Votes.of()
                .voters("abc", 3, "A>B>C")
                .voters("bca", 2, "B>C>A")
                .voters("cab", 2, "C>A>B")
                .method(TallyMethod.SCHULZE)
                .count();
        assertThat(result.winner()).isEqualTo("A");
        assertThat(result.pairwise().get("C").get("A")).isEqualByComparingTo("40");
        assertThat(result.tieBreak()).isNull();
    }

    @Test
    void aTieForLastIsBrokenByTheFewestUnitsInThePreviousRound() {
        // Round 2: Brooks and Chen both hold 30; in round 1 Chen had 20 to Brooks's 30.
        VoteResult result = Votes.of()
                .voters("a", 6, "Alvarez")
                .voters("b", 3, "Brooks")
                .voters("c", 2, "Chen>Alvarez")
                .voters("d", 1, "Diaz>Chen")
                .count();

        assertThat(result.rounds())
                .containsExactly(
                        round(Map.of("Alvarez", "60", "Brooks", "30", "Chen", "20", "Diaz", "10"), "0", "Diaz"),
                        round(Map.of("Alvarez", "60", "Brooks", "30", "Chen", "30"), "0", "Chen"),
                        round(Map.of("Alvarez", "80", "Brooks", "30"), "10"));
        assertThat(result.winner()).isEqualTo("Alvarez");
        assertThat(result.tieBreak())
                .isEqualTo("round 2: Brooks and Chen tied for last place with 30 units;"
                        + " Chen had the fewest in round 1 (20) and was eliminated");
    }

    @Test
    void aTieWithNoEarlierRoundToLookAtIsDrawnFromThePublishedSeed() {
        Votes votes = Votes.of()
                .voters("a", 3, "Alvarez")
                .voters("d", 2, "Diaz")
                .voters("b", 1, "Brooks")
                .voters("c", 1, "Chen");
        List<String> tied = List.of("Brooks", "Chen");
        boolean sawEach0 = false;
        boolean sawEach1 = false;
        for (long seed = 0; seed < 12; seed++) {
            VoteResult result = votes.seed(seed).count();
            String loser = tied.get(documentedDraw(seed, 1, tied.size()));
            sawEach0 |= loser.equals("Brooks");
            sawEach1 |= loser.equals("Chen");
            assertThat(result.rounds().get(0).eliminated()).containsExactly(loser);
            assertThat(result.tieBreak())
                    .isEqualTo("round 1: Brooks and Chen tied for last place with 10 units;" + " a draw seeded with "
                            + seed + " eliminated " + loser);
            assertThat(result.winner()).isEqualTo("Alvarez");
        }
        assertThat(sawEach0 && sawEach1)
                .as("different seeds draw different lots")
                .isTrue();
    }

    @Test
    void aTieStillLevelInThePreviousRoundGoesToTheDraw() {
        // Round 1 eliminates Eve alone; Brooks and Chen are level in rounds 1 and 2.
        VoteResult result = Votes.of()
                .voters("a", 4, "Alvarez")
                .voters("b", 2, "Brooks")
                .voters("c", 2, "Chen")
                .voters("d", 3, "Diaz")
                .voters("e", 1, "Eve")
                .seed(5)
                .count();
        String loser = List.of("Brooks", "Chen").get(documentedDraw(5, 2, 2));
        assertThat(result.rounds().get(1).eliminated()).containsExactly(loser);
        assertThat(result.tieBreak())
                .isEqualTo("round 2: Brooks and Chen tied for last place with 20 units;"
                        + " still tied in round 1 with 20 units; a draw seeded with 5 eliminated " + loser);
    }

    @Test
    void aPluralityTieForFirstIsDrawnAndRecorded() {
        VoteResult result = Votes.of()
                .voters("a", 2, "Alvarez")
                .voters("b", 2, "Brooks")
                .method(TallyMethod.PLURALITY)
                .seed(3)
                .count();
        String winner = List.of("Alvarez", "Brooks").get(documentedDraw(3, 1, 2));
        assertThat(result.winner()).isEqualTo(winner);
        assertThat(result.tieBreak())
                .isEqualTo("Alvarez and Brooks tied for first place with 20 units;" + " a draw seeded with 3 chose "
                        + winner);
    }

    @Test
    void noBallotCarryingUnitsMeansNoWinner() {
        // Both voters hand their units into a closed cycle.
        VoteResult result = Votes.of("Ana", "Ben", "Cy", "Dee")
                .proxy("Ana", "Ben", 10)
                .proxy("Ben", "Ana", 10)
                .proxy("Cy", "Ana", 10)
                .proxy("Dee", "Ben", 10)
                .ballot("Cy", "X")
                .ballot("Dee", "Y")
                .count();
        assertThat(result.winner()).isNull();
        assertThat(result.runnerUp()).isNull();
        assertThat(result.rounds()).hasSize(1);
        for (TallyMethod method : TallyMethod.values()) {
            assertThat(VoteCount.count(Votes.of("Ana", "Ben", "Cy", "Dee")
                                    .proxy("Ana", "Ben", 10)
                                    .proxy("Ben", "Ana", 10)
                                    .proxy("Cy", "Ana", 10)
                                    .proxy("Dee", "Ben", 10)
                                    .ballot("Cy", "X")
                                    .ballot("Dee", "Y")
                                    .input()
                                    .withMethod(method))
                            .winner())
                    .isNull();
        }
    }

    @Test
    void anEvenSplitIsNoMajorityEvenWhenRoundingLeansOneWay() {
        // Thirds: X gets 50/3 + 50/3 rounded up, Y the same rounded down, a picounit apart, within the tie tolerance.
        VoteResult result = Votes.of("Ana", "Ben", "Cy", "Dee", "Eve")
                .proxy("Ana", "Cy", 5)
                .proxy("Ana", "Dee", 5)
                .proxy("Cy", "Ana", 5)
                .proxy("Cy", "Eve", 5)
                .ballot("Dee", "X")
                .ballot("Eve", "Y")
                .ballot("Ben", "Z")
                .count();
        Round first = result.rounds().get(0);
        assertThat(first.tallies().get("X"))
                .isEqualByComparingTo(first.tallies().get("Y"));
        assertThat(result.rounds()).hasSizeGreaterThan(1);
        assertThat(result.tieBreak()).contains("tied for last place");
    }

    /** The draw as published in {@link SeededDraw}'s documentation, written out independently. */
    private static int documentedDraw(long seed, int round, int tied) {
        long z = seed + round * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, (long) tied);
    }
}
