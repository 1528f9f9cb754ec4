package org.primarypipeline.core.priority;

import java.util.OptionalDouble;

/**
 * The general election for one House seat, with fusion-ticket lines already summed per candidate.
 *
 * @param onSameLines false when the district was redrawn after this election, so the result
 *                    belongs to other voters and may only stand in as an approximation
 */
public record HouseResult(
        int year,
        String winner,
        Party winnerParty,
        long demVotes,
        long repVotes,
        Contest contest,
        boolean onSameLines) {

    /** Whether the result says anything about the two parties' strength. */
    public enum Contest {
        CONTESTED,
        /** One candidate on the ballot; Florida does not even count the votes (1 vote recorded). */
        UNCONTESTED,
        /** Several candidates but not one of each major party, e.g. California's D-vs-D top-two. */
        NO_TWO_PARTY_CONTEST
    }

    /** Democratic share of the Democratic and Republican vote, only when both parties ran. */
    public OptionalDouble demTwoPartyShare() {
        if (contest != Contest.CONTESTED) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) demVotes / (demVotes + repVotes));
    }

    /** Florida leaves uncontested races uncounted and the file records a single vote for them. */
    public boolean votesUncounted() {
        return contest == Contest.UNCONTESTED && demVotes + repVotes <= 1;
    }

    public HouseResult onOtherLines() {
        return new HouseResult(year, winner, winnerParty, demVotes, repVotes, contest, false);
    }
}
