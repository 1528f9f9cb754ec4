package org.primarypipeline.voting;

/**
 * What the workflow needs to know of a count: whether quorum held, who won, who came second, and how
 * close it was (final-round margin as a share of exercised units).
 */
public record TallySummary(
        int electorate,
        String exercisedUnits,
        String totalUnits,
        boolean quorumMet,
        Long winnerCandidacyId,
        Long runnerUpCandidacyId,
        double marginShare,
        int ballots) {

    public boolean hasWinner() {
        return winnerCandidacyId != null;
    }
}
