package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Settles ties (amounts within 10^-9 of a unit): for elimination, the fewest units in the previous round
 * goes; failing that, and for first place, lots drawn from the published seed. Every settlement is
 * written down in words, because a count decided by lot must say so. The words are kept as notes that
 * name nominees only when read, so that people read names where the engine knows candidacy ids.
 */
final class TieBreak {

    /** One settled tie, in words, with nominees named by {@code name}. */
    interface Note {
        String describe(UnaryOperator<String> name);
    }

    private final long seed;
    private final List<String> nominees;
    private final List<Note> decisions = new ArrayList<>();
    private boolean decidedByLot;

    TieBreak(long seed, List<String> nominees) {
        this.seed = seed;
        this.nominees = nominees;
    }

    List<Note> decisions() {
        return List.copyOf(decisions);
    }

    /**
     * Whether a draw chose between nominees that carried units. A draw among nominees holding nothing
     * cannot change the outcome (each is eliminated in turn and no ballot moves), so it does not count.
     */
    boolean decidedByLot() {
        return decidedByLot;
    }

    /** The nominee to eliminate among {@code candidates} (ascending indices) in round {@code round}. */
    int eliminate(List<Integer> candidates, Units[] current, Units[] previous, int round) {
        List<Integer> tied = fewest(candidates, current);
        if (tied.size() == 1) {
            return tied.get(0);
        }
        List<Integer> allTied = List.copyOf(tied);
        String amount = current[tied.get(0)].display();
        if (previous != null) {
            List<Integer> stillTied = fewest(tied, previous);
            String before = previous[stillTied.get(0)].display();
            if (stillTied.size() == 1) {
                int loser = stillTied.get(0);
                decisions.add(name -> tie(round, allTied, amount, name) + "; " + name.apply(nominees.get(loser))
                        + " had the fewest in round " + (round - 1) + " (" + before + ") and was eliminated");
                return loser;
            }
            boolean same = stillTied.size() == tied.size();
            List<Integer> narrowed = List.copyOf(stillTied);
            int loser = draw(narrowed, round, current);
            decisions.add(name -> tie(round, allTied, amount, name) + "; "
                    + (same ? "still tied" : names(narrowed, name) + " tied") + " in round " + (round - 1)
                    + " with " + before + " units; a draw seeded with " + seed + " eliminated "
                    + name.apply(nominees.get(loser)));
            return loser;
        }
        int loser = draw(allTied, round, current);
        decisions.add(name -> tie(round, allTied, amount, name) + "; a draw seeded with " + seed + " eliminated "
                + name.apply(nominees.get(loser)));
        return loser;
    }

    /** The winner among nominees tied for first place, by lot. */
    int drawWinner(List<Integer> tied, String how, int round) {
        int winner = tied.get(SeededDraw.pick(seed, round, tied.size()));
        List<Integer> among = List.copyOf(tied);
        decidedByLot = true;
        decisions.add(name -> names(among, name) + " tied " + how + "; a draw seeded with " + seed + " chose "
                + name.apply(nominees.get(winner)));
        return winner;
    }

    private int draw(List<Integer> tied, int round, Units[] current) {
        if (!current[tied.get(0)].isZero()) {
            decidedByLot = true;
        }
        return tied.get(SeededDraw.pick(seed, round, tied.size()));
    }

    private String tie(int round, List<Integer> tied, String amount, UnaryOperator<String> name) {
        return "round " + round + ": " + names(tied, name) + " tied for last place with " + amount + " units";
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

    private String names(List<Integer> indices, UnaryOperator<String> name) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indices.size(); i++) {
            if (i > 0) {
                text.append(i == indices.size() - 1 ? " and " : ", ");
            }
            text.append(name.apply(nominees.get(indices.get(i))));
        }
        return text.toString();
    }
}
