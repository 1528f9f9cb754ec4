package org.primarypipeline.console.voting;

import java.util.List;
import org.primarypipeline.console.web.PublicPage;

/** The public results page's model: what the template reads, already in words and numbers. */
final class ResultsPageModels {

    private ResultsPageModels() {}

    /** One nominee's bar in a round: units, their share of the round's widest bar, the change since. */
    record Bar(String name, String units, int width, String change, boolean out) {}

    record Round(int number, List<Bar> bars, String exhausted, String eliminated, boolean anyEliminated) {}

    /** Where the electorate's units went: to a ballot, or nowhere and why. */
    record Turnout(
            int electorate,
            int ballots,
            String total,
            String exercised,
            String exercisedShare,
            int exercisedWidth,
            String unexercised,
            String deadEnds,
            String cycles,
            boolean byCause) {}

    record Chain(String head, long length, int counted) {}

    /**
     * @param state one of counted, certified, failed, cancelled, pending (not counted yet)
     * @param quorumMissed the round was counted but too few took part
     */
    record Page(
            String title,
            String cycleId,
            String districtId,
            String state,
            boolean counted,
            boolean certified,
            boolean failed,
            boolean cancelled,
            boolean pending,
            boolean quorumMissed,
            String winner,
            boolean noWinner,
            boolean decidedByLot,
            List<Round> rounds,
            Turnout turnout,
            Chain chain,
            String checkAction,
            String auditBundle)
            implements PublicPage {}
}
