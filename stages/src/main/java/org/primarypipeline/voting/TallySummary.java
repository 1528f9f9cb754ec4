package org.primarypipeline.voting;

/**
 * What the workflow needs to know of a count: whether quorum held, who won, who came second, and how
 * close it was (the margin at the decisive comparison as a share of exercised units), and whether a
 * draw decided it: such a count always goes to a recount.
 */
public record TallySummary(
        int electorate,
        String exercisedUnits,
        String totalUnits,
        boolean quorumMet,
        Long winnerCandidacyId,
        Long runnerUpCandidacyId,
        double marginShare,
        int ballots,
        boolean decidedByLot) {

    public boolean hasWinner() {
        return winnerCandidacyId != null;
    }
}
