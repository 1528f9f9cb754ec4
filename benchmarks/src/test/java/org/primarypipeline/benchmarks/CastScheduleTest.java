package org.primarypipeline.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How {@code pp bench ballots} counts double submits processed twice (issue #18): by what the server
 * stored (an answer showing a secret), and only when no other ballot of the member was stored between
 * the two posts.
 */
class CastScheduleTest {

    @Test
    void twoStoredPostsInARowAreProcessedTwice() {
        // member 7: a double submit stored as 10 and 11, nothing else of theirs in between
        List<long[]> stored = List.of(new long[] {7, 10}, new long[] {7, 11}, new long[] {8, 12});
        assertThat(CastSchedule.processedTwice(stored, List.<long[]>of(new long[] {7, 10, 11})))
                .isEqualTo(1);
    }

    @Test
    void anotherBallotOfTheMemberBetweenThePostsIsNotADuplicate() {
        // member 7's other ballot (12) landed between the two posts (10 and 14); member 8's ballot (13) is not theirs
        List<long[]> stored = List.of(
                new long[] {7, 10}, new long[] {8, 11}, new long[] {7, 12}, new long[] {8, 13}, new long[] {7, 14});
        assertThat(CastSchedule.processedTwice(stored, List.<long[]>of(new long[] {7, 10, 14})))
                .isZero();
        assertThat(CastSchedule.processedTwice(stored, List.<long[]>of(new long[] {8, 11, 13})))
                .isEqualTo(1);
    }

    @Test
    void aDoubleSubmitWithOnlyOneStoredPostIsNotCounted() {
        assertThat(CastSchedule.processedTwice(List.<long[]>of(new long[] {7, 10}), List.of()))
                .isZero();
    }
}
