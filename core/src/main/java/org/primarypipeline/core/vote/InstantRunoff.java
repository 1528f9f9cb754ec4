package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Weighted instant runoff. Each round every continuing ballot counts its full weight for its highest
 * ranked nominee still standing; a nominee with more than half of the continuing weight wins, otherwise
 * the one with the least is eliminated and its ballots move on. Ballots with no nominee left are
 * exhausted and stop counting toward the majority.
 */
final class InstantRunoff implements Tabulator {

    @Override
    public Tabulation tabulate(WeightedBallots ballots, TieBreak ties) {
        int k = ballots.nomineeCount();
        boolean[] standing = ballots.standing();
        int[] cursor = new int[ballots.count];
        UnitSums tally = Tabulator.firstChoices(ballots, standing, cursor);
        List<Round> rounds = new ArrayList<>();
        Units[] previous = null;
        String winner = null;
        DecisiveComparison decisive = DecisiveComparison.NONE;
        int lastEliminated = -1;
        for (int round = 1; ; round++) {
            Units[] current = Tabulator.snapshot(tally, k + 1);
            Units continuing = Units.ZERO;
            int leader = -1;
            int left = 0;
            for (int i = 0; i < k; i++) {
                if (standing[i]) {
                    left++;
                    continuing = continuing.plus(current[i]);
                    if (leader < 0 || current[i].compareTo(current[leader]) > 0) {
                        leader = i;
                    }
                }
            }
            if (continuing.isZero()) {
                rounds.add(Tabulator.round(ballots, current, standing, current[k], List.of()));
                break;
            }
            // Half-and-half within the tie tolerance is no majority: rounding must not decide a count.
            if (left == 1 || current[leader].twice().clearlyExceeds(continuing)) {
                rounds.add(Tabulator.round(ballots, current, standing, current[k], List.of()));
                winner = ballots.nominees.get(leader);
                decisive = decisive(ballots, standing, current, previous, leader, lastEliminated, round, ties);
                break;
            }
            int loser = ties.eliminate(Tabulator.standingIndices(standing), current, previous, round);
            rounds.add(Tabulator.round(ballots, current, standing, current[k], List.of(ballots.nominees.get(loser))));
            standing[loser] = false;
            lastEliminated = loser;
            tally.clear(loser);
            for (int b = 0; b < ballots.count; b++) {
                int at = cursor[b];
                if (at >= 0 && ballots.rankingNominee[at] == loser) {
                    int next = ballots.nextStanding(b, at + 1, standing);
                    cursor[b] = next;
                    tally.add(next < 0 ? k : ballots.rankingNominee[next], ballots.whole[b], ballots.pico[b]);
                }
            }
            previous = current;
        }
        return new Tabulation(rounds, winner, ties.decisions(), Map.of(), decisive);
    }

    /**
     * A winner with rivals still standing is compared with the strongest of them in that round. A winner
     * left alone got there by the final elimination, so the decisive comparison is the round before it:
     * the winner against the nominee then eliminated, which is the tie a draw settled when there was one.
     */
    private static DecisiveComparison decisive(
            WeightedBallots ballots,
            boolean[] standing,
            Units[] current,
            Units[] previous,
            int leader,
            int lastEliminated,
            int round,
            TieBreak ties) {
        String winner = ballots.nominees.get(leader);
        int second = -1;
        for (int i = 0; i < standing.length; i++) {
            if (standing[i] && i != leader && (second < 0 || current[i].compareTo(current[second]) > 0)) {
                second = i;
            }
        }
        if (second >= 0) {
            return DecisiveComparison.of(
                    winner, ballots.nominees.get(second), round, current[leader], current[second], ties.decidedByLot());
        }
        if (previous == null || lastEliminated < 0) {
            return DecisiveComparison.of(winner, null, round, current[leader], Units.ZERO, ties.decidedByLot());
        }
        return DecisiveComparison.of(
                winner,
                ballots.nominees.get(lastEliminated),
                round - 1,
                previous[leader],
                previous[lastEliminated],
                ties.decidedByLot());
    }
}
