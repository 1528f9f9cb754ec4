package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.List;

/**
 * Settles ties (amounts within 10^-9 of a unit): for elimination, the fewest units in the previous round
 * goes; failing that, and for first place, lots drawn from the published seed. Every settlement is
 * written down in words, because a count decided by lot must say so.
 */
final class TieBreak {

    private final long seed;
    private final List<String> nominees;
    private final List<String> decisions = new ArrayList<>();

    TieBreak(long seed, List<String> nominees) {
        this.seed = seed;
        this.nominees = nominees;
    }

    List<String> decisions() {
        return List.copyOf(decisions);
    }

    /** The nominee to eliminate among {@code candidates} (ascending indices) in round {@code round}. */
    int eliminate(List<Integer> candidates, Units[] current, Units[] previous, int round) {
        List<Integer> tied = fewest(candidates, current);
        if (tied.size() == 1) {
            return tied.get(0);
        }
        String tie = "round " + round + ": " + names(tied) + " tied for last place with "
                + current[tied.get(0)].display() + " units";
        if (previous != null) {
            List<Integer> stillTied = fewest(tied, previous);
            if (stillTied.size() == 1) {
                int loser = stillTied.get(0);
                decisions.add(tie + "; " + nominees.get(loser) + " had the fewest in round " + (round - 1) + " ("
                        + previous[loser].display() + ") and was eliminated");
                return loser;
            }
            tie += "; " + (stillTied.size() == tied.size() ? "still tied" : names(stillTied) + " tied") + " in round "
                    + (round - 1) + " with " + previous[stillTied.get(0)].display() + " units";
            tied = stillTied;
        }
        int loser = tied.get(SeededDraw.pick(seed, round, tied.size()));
        decisions.add(tie + "; a draw seeded with " + seed + " eliminated " + nominees.get(loser));
        return loser;
    }

    /** The winner among nominees tied for first place, by lot. */
    int drawWinner(List<Integer> tied, String how, int round) {
        int winner = tied.get(SeededDraw.pick(seed, round, tied.size()));
        decisions.add(names(tied) + " tied " + how + "; a draw seeded with " + seed + " chose " + nominees.get(winner));
        return winner;
    }

    private static List<Integer> fewest(List<Integer> candidates, Units[] amounts) {
        Units low = null;
        for (int c : candidates) {
            if (low == null || amounts[c].compareTo(low) < 0) {
                low = amounts[c];
            }
        }
        List<Integer> tied = new ArrayList<>();
        for (int c : candidates) {
            if (amounts[c].ties(low)) {
                tied.add(c);
            }
        }
        return tied;
    }

    private String names(List<Integer> indices) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indices.size(); i++) {
            if (i > 0) {
                text.append(i == indices.size() - 1 ? " and " : ", ");
            }
            text.append(nominees.get(indices.get(i)));
        }
        return text.toString();
    }
}
