package org.primarypipeline.core.vote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The flow rules, each on an electorate small enough to work by hand. */
class DelegationFlowTest {

    @Test
    void smartocracyHandsAVotersOwnUnitsToTheirProxyWhileLiquidLetsThemKeepThem() {
        // Ana votes Y but names Ben; Ben votes X; Cy votes Y.
        Votes votes = Votes.of("Ana", "Ben", "Cy")
                .proxy("Ana", "Ben", 10)
                .ballot("Ana", "Y")
                .ballot("Ben", "X")
                .ballot("Cy", "Y");

        VoteResult smartocracy = votes.policy(FlowPolicy.SMARTOCRACY).count();
        assertThat(smartocracy.weights()).containsExactly(entry("Ana", "0"), entry("Ben", "20"), entry("Cy", "10"));
        assertThat(smartocracy.winner()).isEqualTo("X");

        VoteResult liquid = votes.policy(FlowPolicy.LIQUID).count();
        assertThat(liquid.weights()).containsExactly(entry("Ana", "10"), entry("Ben", "10"), entry("Cy", "10"));
        assertThat(liquid.winner()).isEqualTo("Y");
        assertThat(liquid.exercisedUnits()).isEqualByComparingTo("30");
    }

    @Test
    void unitsCascadeThroughANonVoterInTheirProportions() {
        // Ana stays home, 6 to Ben and 4 to Cy; Ben stays home and names Dee.
        VoteResult result = Votes.of("Ana", "Ben", "Cy", "Dee")
                .proxy("Ana", "Ben", 6)
                .proxy("Ana", "Cy", 4)
                .proxy("Ben", "Dee", 10)
                .ballot("Cy", "X")
                .ballot("Dee", "Y")
                .count();

        assertThat(result.weights()).containsExactly(entry("Cy", "14"), entry("Dee", "26"));
        assertThat(result.unexercisedUnits()).isEqualByComparingTo("0");
        assertThat(result.explain("Ana"))
                .isEqualTo("your 10 units: 6 reached Dee's ballot through Ben, 4 reached Cy's ballot");
    }

    @Test
    void unitsReachingANonVoterWithoutProxiesAreLostAtADeadEnd() {
        VoteResult result = Votes.of("Ana", "Ben", "Cy")
                .proxy("Ana", "Ben", 10)
                .ballot("Cy", "X")
                .count();

        assertThat(result.weights()).containsExactly(entry("Cy", "10"));
        assertThat(result.unexercisedDeadEnds()).isEqualByComparingTo("20");
        assertThat(result.unexercisedCycles()).isEqualByComparingTo("0");
        assertThat(result.unexercisedUnits()).isEqualByComparingTo("20");
        assertThat(result.explain("Ana"))
                .isEqualTo("your 10 units: 10 went unexercised: Ben neither voted nor named a proxy");
        assertThat(result.explain("Ben"))
                .isEqualTo("your 10 units: 10 went unexercised: you neither voted nor named a proxy");
    }

    @Test
    void aClosedCycleOfNonVotersKeepsEverythingThatEntersIt() {
        // Ana and Ben name only each other and stay home; Cy votes but, under smartocracy, hands Ana her units.
        VoteResult result = Votes.of("Ana", "Ben", "Cy", "Dee")
                .proxy("Ana", "Ben", 10)
                .proxy("Ben", "Ana", 10)
                .proxy("Cy", "Ana", 10)
                .ballot("Cy", "X")
                .ballot("Dee", "Y")
                .count();

        assertThat(result.weights()).containsExactly(entry("Cy", "0"), entry("Dee", "10"));
        assertThat(result.unexercisedCycles()).isEqualByComparingTo("30");
        assertThat(result.unexercisedDeadEnds()).isEqualByComparingTo("0");
        assertThat(result.explain("Cy"))
                .isEqualTo("your 10 units: 10 went unexercised in a cycle through Ana"
                        + " (Ana and Ben name only each other and none voted); your ballot carries 0 units"
                        + " (only what reached you: under smartocracy your own went to your proxies)");
    }

    @Test
    void aLeakingCycleSendsAllItsUnitsOnInTheProportionsOfTheAbsorbingChain() {
        // Ana: 8 to Ben, 2 to Dee. Ben: 5 to Ana, 5 to Cy. Through Ana x = 5 + x/2... solved by hand:
        // x(Ana) = 15, x(Ben) = 20, so Cy gets 5 + 10 + 20/2 = 25 and Dee 10 + 2 + 15/5 = 15.
        VoteResult result = Votes.of("Ana", "Ben", "Cy", "Dee")
                .proxy("Ana", "Ben", 8)
                .proxy("Ana", "Dee", 2)
                .proxy("Ben", "Ana", 5)
                .proxy("Ben", "Cy", 5)
                .ballot("Cy", "X")
                .ballot("Dee", "Y")
                .count();

        assertThat(result.weights()).containsExactly(entry("Cy", "25"), entry("Dee", "15"));
        assertThat(result.unexercisedUnits()).isEqualByComparingTo("0");
        assertThat(result.explain("Ana"))
                .isEqualTo("your 10 units: 6.666666666667 reached Cy's ballot through Ben,"
                        + " 1.333333333333 reached Dee's ballot through Ben, 2 reached Dee's ballot");
    }

    @Test
    void aVoterWithoutProxiesExercisesTheirOwnUnitsUnderEitherPolicy() {
        for (FlowPolicy policy : FlowPolicy.values()) {
            VoteResult result =
                    Votes.of("Ana").ballot("Ana", "X").policy(policy).count();
            assertThat(result.weights()).containsExactly(entry("Ana", "10"));
            assertThat(result.explain("Ana"))
                    .isEqualTo("your 10 units: 10 reached your ballot; your ballot carries 10 units");
        }
    }

    @Test
    void unitsCanComeBackToTheirOwnersBallot() {
        // Smartocracy: Ana votes and names Ben, who stays home and names Ana back.
        VoteResult result = Votes.of("Ana", "Ben")
                .proxy("Ana", "Ben", 10)
                .proxy("Ben", "Ana", 10)
                .ballot("Ana", "X")
                .count();

        assertThat(result.weights()).containsExactly(entry("Ana", "20"));
        assertThat(result.explain("Ana")).startsWith("your 10 units: 10 came back to your own ballot through Ben;");
    }

    @Test
    void weightsCarryTwelveDecimalPlacesRoundedHalfEven() {
        // The Ana-Ben cycle keeps 4/10 of what circulates, so thirds appear: with Eve's 10 entering at Ana,
        // x(Ana) = 15 + x(Ben)/2 and x(Ben) = 8 + 8x(Ana)/10 give x(Ana) = 95/3, x(Ben) = 100/3;
        // Cy gets 5 + 10 + 50/3 = 95/3, Dee 2 + 10 + 19/3 = 55/3.
        VoteResult result = Votes.of("Ana", "Ben", "Cy", "Dee", "Eve")
                .proxy("Ana", "Ben", 8)
                .proxy("Ana", "Dee", 2)
                .proxy("Ben", "Ana", 5)
                .proxy("Ben", "Cy", 5)
                .proxy("Eve", "Ana", 10)
                .ballot("Cy", "X")
                .ballot("Dee", "Y")
                .count();

        assertThat(result.weights()).containsExactly(entry("Cy", "31.666666666667"), entry("Dee", "18.333333333333"));
        assertThat(result.weights().get("Cy").scale()).isEqualTo(12);
        assertThat(result.exercisedUnits()).isEqualByComparingTo("50");
    }

    static java.util.Map.Entry<String, BigDecimal> entry(String member, String units) {
        return java.util.Map.entry(member, new BigDecimal(units).setScale(12));
    }
}
