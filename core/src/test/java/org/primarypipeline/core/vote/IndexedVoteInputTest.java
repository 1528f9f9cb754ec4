package org.primarypipeline.core.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IndexedVoteInputTest {

    @Test
    void arraysInAnyOrderAreCanonicalised() {
        MemberIds ids = MemberIds.sorted("Ana", "Ben", "Cy", "Dee");
        // Ana: 4 to Cy, 6 to Ben (out of order); ballots Dee then Cy; nominees Y, X.
        IndexedVoteInput scrambled = new IndexedVoteInput(
                ids,
                new int[] {0, 2, 3, 3, 3},
                new int[] {2, 1, 3},
                new byte[] {4, 6, 10},
                new int[] {3, 2},
                new int[] {0, 1, 3},
                new int[] {0, 1, 0},
                List.of("Y", "X"),
                FlowPolicy.SMARTOCRACY,
                TallyMethod.IRV,
                0L);
        VoteInput expected = Votes.of("Ana", "Ben", "Cy", "Dee")
                .proxy("Ana", "Ben", 6)
                .proxy("Ana", "Cy", 4)
                .proxy("Ben", "Dee", 10)
                .ballot("Cy", "X>Y")
                .ballot("Dee", "Y")
                .input();

        assertThat(scrambled.toVoteInput())
                .isEqualTo(IndexedVoteInput.from(expected).toVoteInput());
        assertThat(VoteCount.count(scrambled).rounds())
                .isEqualTo(VoteCount.count(expected).rounds());
    }

    @Test
    void refusesBrokenRulesByMemberName() {
        MemberIds ids = MemberIds.sorted("Ana", "Ben");
        assertThatThrownBy(() -> new IndexedVoteInput(
                        ids,
                        new int[] {0, 1, 1},
                        new int[] {0},
                        new byte[] {10},
                        new int[0],
                        new int[] {0},
                        new int[0],
                        List.of(),
                        null,
                        null,
                        0L))
                .hasMessage("member Ana names themself as a proxy");
        assertThatThrownBy(() -> new IndexedVoteInput(
                        ids,
                        new int[] {0, 0, 0},
                        new int[0],
                        new byte[0],
                        new int[] {1, 1},
                        new int[] {0, 1, 2},
                        new int[] {0, 0},
                        List.of("X"),
                        null,
                        null,
                        0L))
                .hasMessage("member Ben cast more than one ballot");
    }

    @Test
    void numberedIdsSortLikeTheirIndices() {
        MemberIds ids = MemberIds.numbered("m", 1000);
        assertThat(ids.id(7)).isEqualTo("m007");
        assertThat(ids.indexOf("m999")).isEqualTo(999);
        assertThat(ids.indexOf("m1000")).isEqualTo(-1);
        assertThat(ids.indexOf("x007")).isEqualTo(-1);
        assertThat(ids.id(9).compareTo(ids.id(10))).isNegative();
        assertThatThrownBy(() -> MemberIds.sorted("b", "a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void policyAndMethodParseTheirCommandLineSpelling() {
        assertThat(FlowPolicy.parse("Smartocracy")).isEqualTo(FlowPolicy.SMARTOCRACY);
        assertThat(FlowPolicy.parse(" LIQUID ")).isEqualTo(FlowPolicy.LIQUID);
        assertThat(TallyMethod.parse("irv")).isEqualTo(TallyMethod.IRV);
        assertThat(TallyMethod.parse("Schulze")).isEqualTo(TallyMethod.SCHULZE);
        assertThat(TallyMethod.parse("PLURALITY")).isEqualTo(TallyMethod.PLURALITY);
        assertThatThrownBy(() -> FlowPolicy.parse("direct"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smartocracy or liquid");
        assertThatThrownBy(() -> TallyMethod.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("irv, plurality or schulze");
    }
}
