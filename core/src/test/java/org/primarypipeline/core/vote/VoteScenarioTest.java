package org.primarypipeline.core.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VoteScenarioTest {

    @Test
    void generatesTheAskedShapeWithDeadEndsAndCycles() {
        IndexedVoteInput input = VoteScenario.generate(50_000, 3, 0.25, 10, 42L);
        assertThat(input.electorate()).isEqualTo(50_000);
        assertThat(input.proxyRowCount() / 50_000.0).isCloseTo(3.0, within(0.15));
        assertThat(input.ballotCount() / 50_000.0).isCloseTo(0.25, within(0.02));
        assertThat(input.nominees()).hasSize(10).startsWith("nominee-01");

        VoteResult result = VoteCount.count(input);
        assertThat(result.unexercisedDeadEnds()).isPositive();
        assertThat(result.unexercisedCycles()).isPositive();
        assertThat(result.exercisedUnits().add(result.unexercisedUnits()))
                .isCloseTo(result.totalUnits(), within(new BigDecimal("1e-9").multiply(BigDecimal.valueOf(50_000))));
        assertThat(result.winner()).isNotNull();
    }

    @Test
    void sameArgumentsSameElectorateSameCount() {
        VoteResult first = VoteCount.count(VoteScenario.generate(5_000, 3, 0.25, 6, 9L));
        VoteResult second = VoteCount.count(VoteScenario.generate(5_000, 3, 0.25, 6, 9L));
        assertThat(second.weights()).isEqualTo(first.weights());
        assertThat(second.rounds()).isEqualTo(first.rounds());
    }

    @Test
    void theStringFormOfAScenarioCountsTheSame() {
        IndexedVoteInput input = VoteScenario.generate(3_000, 3, 0.25, 5, 3L);
        VoteResult indexed = VoteCount.count(input);
        VoteResult strings = VoteCount.count(input.toVoteInput());
        assertThat(strings.weights()).isEqualTo(indexed.weights());
        assertThat(strings.rounds()).isEqualTo(indexed.rounds());
        assertThat(strings.unexercisedCycles()).isEqualTo(indexed.unexercisedCycles());
    }
}
