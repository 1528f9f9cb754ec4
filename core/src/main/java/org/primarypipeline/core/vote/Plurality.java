package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Most weight on first choices wins, in a single round; a tie for first is settled by lot. */
final class Plurality implements Tabulator {

    @Override
    public Tabulation tabulate(WeightedBallots ballots, TieBreak ties) {
        int k = ballots.nomineeCount();
        boolean[] standing = ballots.standing();
        Units[] current = Tabulator.snapshot(Tabulator.firstChoices(ballots, standing, null), k + 1);
        Round round = Tabulator.round(ballots, current, standing, current[k], List.of());
        Units top = Units.ZERO;
        for (int i = 0; i < k; i++) {
            if (standing[i] && current[i].compareTo(top) > 0) {
                top = current[i];
            }
        }
        String winner = null;
        DecisiveComparison decisive = DecisiveComparison.NONE;
        if (!top.isZero()) {
            List<Integer> tied = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                if (standing[i] && current[i].ties(top)) {
                    tied.add(i);
                }
            }
            int chosen = tied.size() == 1
                    ? tied.get(0)
                    : ties.drawWinner(tied, "for first place with " + current[tied.get(0)].display() + " units", 1);
            winner = ballots.nominees.get(chosen);
            int second = -1;
            for (int i = 0; i < k; i++) {
                if (standing[i] && i != chosen && (second < 0 || current[i].compareTo(current[second]) > 0)) {
                    second = i;
                }
            }
            decisive = second < 0
                    ? DecisiveComparison.of(winner, null, 1, current[chosen], Units.ZERO, ties.decidedByLot())
                    : DecisiveComparison.of(
                            winner,
                            ballots.nominees.get(second),
                            1,
                            current[chosen],
                            current[second],
                            ties.decidedByLot());
        }
        return new Tabulation(List.of(round), winner, ties.decisions(), Map.of(), decisive);
    }
}
