package org.primarypipeline.core.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VoteResultTest {

    @Test
    void quorumIsAShareOfAllUnitsExercised() {
        // 10 members, 2 voting on their own units: 20 of 100 units exercised.
        VoteResult result = Votes.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")
                .ballot("a", "X")
                .ballot("b", "Y")
                .count();
        assertThat(result.totalUnits()).isEqualByComparingTo("100");
        assertThat(result.exercisedUnits()).isEqualByComparingTo("20");
        assertThat(result.quorumMet()).isTrue();
        assertThat(result.quorumMet(new BigDecimal("0.20"))).isTrue();
        assertThat(result.quorumMet(new BigDecimal("0.21"))).isFalse();
        assertThat(result.quorumMet(BigDecimal.ZERO)).isTrue();
        assertThatThrownBy(() -> result.quorumMet(new BigDecimal("1.5"))).isInstanceOf(IllegalArgumentException.class);

        VoteResult thin = Votes.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")
                .ballot("a", "X")
                .count();
        assertThat(thin.quorumMet()).isFalse();
    }

    @Test
    void describesTheCount() {
        VoteResult result = Votes.of("Ana", "Ben")
                .ballot("Ana", "X")
                .policy(FlowPolicy.LIQUID)
                .method(TallyMethod.PLURALITY)
                .seed(99)
                .count();
        assertThat(result.electorate()).isEqualTo(2);
        assertThat(result.policy()).isEqualTo(FlowPolicy.LIQUID);
        assertThat(result.method()).isEqualTo(TallyMethod.PLURALITY);
        assertThat(result.seed()).isEqualTo(99);
        assertThat(result.nominees()).containsExactly("X");
        assertThat(result.weight("Ana")).isEqualByComparingTo("10");
        assertThat(result.weight("Ben")).isNull();
        assertThat(result.pairwise()).isEmpty();
    }

    @Test
    void anEmptyElectorateOrBallotCountsToNoWinner() {
        VoteResult empty =
                VoteCount.count(new VoteInput(java.util.List.of(), java.util.List.of(), java.util.List.of()));
        assertThat(empty.winner()).isNull();
        assertThat(empty.totalUnits()).isEqualByComparingTo("0");
        assertThat(empty.weights()).isEmpty();

        VoteResult allWithdrawn =
                VoteCount.countExcluding(Votes.of("Ana").ballot("Ana", "X").input(), java.util.Set.of("X"));
        assertThat(allWithdrawn.winner()).isNull();
        assertThat(allWithdrawn.rounds().get(0).exhausted()).isEqualByComparingTo("10");
    }

    @Test
    void explainingAStrangerIsRefused() {
        VoteResult result = Votes.of("Ana").ballot("Ana", "X").count();
        assertThatThrownBy(() -> result.explain("Zed")).hasMessageContaining("Zed");
    }

    @Test
    void explainsUnitsSplitBetweenABallotAndADeadEnd() {
        VoteResult result = Votes.of("Ana", "Ben", "Cy", "Dee")
                .proxy("Ana", "Ben", 6)
                .proxy("Ana", "Cy", 4)
                .proxy("Cy", "Dee", 10)
                .ballot("Ben", "X")
                .count();
        assertThat(result.explain("Ana"))
                .isEqualTo("your 10 units: 6 reached Ben's ballot,"
                        + " 4 went unexercised at a dead end through Cy (Dee neither voted nor named a proxy)");
    }

    @Test
    void aStringInputAndItsIndexedFormCountAlike() {
        VoteInput input = Votes.of("Ana", "Ben", "Cy", "Dee")
                .proxy("Ana", "Ben", 6)
                .proxy("Ana", "Cy", 4)
                .proxy("Ben", "Dee", 10)
                .ballot("Cy", "X>Y")
                .ballot("Dee", "Y")
                .input();
        IndexedVoteInput indexed = IndexedVoteInput.from(input);
        VoteResult fromStrings = VoteCount.count(input);
        VoteResult fromIndices = VoteCount.count(indexed);
        VoteResult roundTrip = VoteCount.count(indexed.toVoteInput());
        assertThat(fromIndices.weights()).isEqualTo(fromStrings.weights()).isEqualTo(roundTrip.weights());
        assertThat(fromIndices.rounds()).isEqualTo(fromStrings.rounds()).isEqualTo(roundTrip.rounds());
    }
}
