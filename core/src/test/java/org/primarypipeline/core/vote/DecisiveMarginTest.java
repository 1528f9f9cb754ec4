package org.primarypipeline.core.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.primarypipeline.core.vote.TallyFixtures.centreSqueeze;
import static org.primarypipeline.core.vote.TallyFixtures.spoiler;
import static org.primarypipeline.core.vote.TallyFixtures.units;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The margin that decides the automatic recount is the one at the decisive comparison, and a count
 * settled by a draw says so, whatever the later rounds look like.
 */
class DecisiveMarginTest {

    private static final Map<String, String> PEOPLE = Map.of("3", "Ana Ruiz", "4", "Ben Ode", "5", "Cy Park");

    /** The round: the last two level at 30 units each, the draw picks; the next round is one-sided. */
    private static Votes lastTwoTied(long seed) {
        return Votes.of()
                .voters("a", 3, "3")
                .voters("b", 3, "4")
                .voters("c", 1, "5")
                .seed(seed);
    }

    @Test
    void irvLastTwoTiedIsDecidedByLotWithNoMargin() {
        VoteResult result = lastTwoTied(7).count();

        // The round after the draw shows the winner alone: the old final-round margin read 50%.
        assertThat(result.rounds()).hasSize(3);
        assertThat(result.rounds().get(0).eliminated()).containsExactly("5");
        assertThat(result.rounds().get(1).tallies())
                .containsEntry("3", new BigDecimal("30.000000000000"))
                .containsEntry("4", new BigDecimal("30.000000000000"));
        assertThat(result.decidedByLot()).isTrue();
        assertThat(result.marginShare()).isEqualByComparingTo("0");
        DecisiveComparison decisive = result.decisive();
        assertThat(decisive.round()).isEqualTo(2);
        assertThat(java.util.Set.of(decisive.winner(), decisive.rival())).containsExactlyInAnyOrder("3", "4");
        assertThat(decisive.winner()).isEqualTo(result.winner());
        assertThat(result.tieBreak(PEOPLE::get))
                .startsWith("round 2: Ana Ruiz and Ben Ode tied for last place with 30 units;")
                .doesNotContain(" 3 ", " 4 ");
    }

    @Test
    void irvMajorityIsMeasuredBetweenTheWinnerAndTheSecondInThatRound() {
        // the final round is Y 60 against X 50, 30 exhausted
        VoteResult result = spoiler().count();
        assertThat(result.winner()).isEqualTo("Y");
        assertThat(result.decisive()).isEqualTo(new DecisiveComparison("Y", "X", 3, units("10"), false));
        assertThat(result.marginShare())
                .isEqualByComparingTo(
                        new BigDecimal("10").divide(new BigDecimal("140"), 9, java.math.RoundingMode.HALF_EVEN));
        assertThat(result.decidedByLot()).isFalse();
    }

    @Test
    void aDrawAmongNomineesWithNothingDoesNotDecideTheCount() {
        // Zed and Zoe have no first choice: drawing which goes first moves no ballot. Ana and Ben then
        // finish level at 30; Ben had fewer in the round before, so the rules (not a draw) eliminate him.
        VoteResult result = Votes.of()
                .voters("a", 3, "Ana>Zed")
                .voters("b", 2, "Ben>Zoe")
                .voters("c", 1, "Cy>Ben")
                .count();
        assertThat(result.tieBreak()).contains("tied for last place with 0 units");
        assertThat(result.winner()).isEqualTo("Ana");
        assertThat(result.decidedByLot()).isFalse();
        assertThat(result.decisive()).isEqualTo(new DecisiveComparison("Ana", "Ben", 4, units("0"), false));
        assertThat(result.marginShare()).isEqualByComparingTo("0");
    }

    @Test
    void pluralityComparesFirstWithSecond() {
        VoteResult result = Votes.of()
                .voters("x", 5, "X")
                .voters("y", 4, "Y")
                .voters("z", 1, "Z")
                .method(TallyMethod.PLURALITY)
                .count();
        assertThat(result.decisive()).isEqualTo(new DecisiveComparison("X", "Y", 1, units("10"), false));
        assertThat(result.marginShare()).isEqualByComparingTo("0.1");
    }

    @Test
    void aPluralityTieForFirstIsDecidedByLot() {
        VoteResult result = Votes.of()
                .voters("a", 2, "3")
                .voters("b", 2, "4")
                .method(TallyMethod.PLURALITY)
                .seed(3)
                .count();
        assertThat(result.decidedByLot()).isTrue();
        assertThat(result.marginShare()).isEqualByComparingTo("0");
        assertThat(result.tieBreak(PEOPLE::get)).startsWith("Ana Ruiz and Ben Ode tied for first place");
    }

    @Test
    void schulzeTakesTheWeakestLinkOfTheWinnersClosestPath() {
        // C beats X 50-40 and Y 60-30: the closest comparison is C over X by 10 of 90 units.
        VoteResult result = centreSqueeze().method(TallyMethod.SCHULZE).count();
        assertThat(result.winner()).isEqualTo("C");
        assertThat(result.decisive()).isEqualTo(new DecisiveComparison("C", "X", 1, units("10"), false));
        assertThat(result.marginShare())
                .isEqualByComparingTo(
                        new BigDecimal("10").divide(new BigDecimal("90"), 9, java.math.RoundingMode.HALF_EVEN));
    }

    @Test
    void schulzeFollowsThePathToFindItsWeakestLink() {
        // A beats B 80-40; B beats C 70-40; A and C are level at 60: A reaches C only through B, and that
        // path's weakest link, B over C, is 30 units.
        VoteResult result = Votes.of()
                .voters("abc", 5, "A>B>C")
                .voters("bca", 2, "B>C>A")
                .voters("cab", 2, "C>A>B")
                .voters("cba", 2, "C>B>A")
                .voters("a", 1, "A")
                .method(TallyMethod.SCHULZE)
                .count();
        assertThat(result.pairwise().get("A").get("C")).isEqualByComparingTo("60");
        assertThat(result.pairwise().get("C").get("A")).isEqualByComparingTo("60");
        assertThat(result.pairwise().get("B").get("C")).isEqualByComparingTo("70");
        assertThat(result.winner()).isEqualTo("A");
        assertThat(result.decisive()).isEqualTo(new DecisiveComparison("A", "C", 1, units("30"), false));
    }

    @Test
    void aSchulzeTieIsDecidedByLot() {
        VoteResult result = Votes.of()
                .voters("a", 2, "3>4")
                .voters("b", 2, "4>3")
                .method(TallyMethod.SCHULZE)
                .count();
        assertThat(result.decidedByLot()).isTrue();
        assertThat(result.marginShare()).isEqualByComparingTo("0");
    }
}
