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
                break;
            }
            int loser = ties.eliminate(Tabulator.standingIndices(standing), current, previous, round);
            rounds.add(Tabulator.round(ballots, current, standing, current[k], List.of(ballots.nominees.get(loser))));
            standing[loser] = false;
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
        return new Tabulation(rounds, winner, ties.decisions(), Map.of());
    }
}
