package org.primarypipeline.core.vote;

import java.util.List;
import java.util.Set;

/**
 * The ballots as the tally sees them: rankings of nominee indices, each ballot with its weight in exact
 * units, and the nominees withdrawn from this count (skipped wherever they are ranked).
 */
final class WeightedBallots {

    final int count;
    final long[] whole;
    final long[] pico;
    final int[] rankingStart;
    final int[] rankingNominee;
    final List<String> nominees;
    final boolean[] withdrawn;

    private WeightedBallots(
            int count,
            long[] whole,
            long[] pico,
            int[] rankingStart,
            int[] rankingNominee,
            List<String> nominees,
            boolean[] withdrawn) {
        this.count = count;
        this.whole = whole;
        this.pico = pico;
        this.rankingStart = rankingStart;
        this.rankingNominee = rankingNominee;
        this.nominees = nominees;
        this.withdrawn = withdrawn;
    }

    /** Each ballot weighed by the units that reached its member; withdrawn names not on any ballot are ignored. */
    static WeightedBallots of(IndexedVoteInput input, double[] arrival, Set<String> withdrawnNominees) {
        int count = input.ballotCount();
        long[] whole = new long[count];
        long[] pico = new long[count];
        for (int b = 0; b < count; b++) {
            Units weight = Units.of(arrival[input.ballotMember[b]]);
            whole[b] = weight.whole();
            pico[b] = weight.pico();
        }
        boolean[] withdrawn = new boolean[input.nominees.size()];
        for (int i = 0; i < withdrawn.length; i++) {
            withdrawn[i] = withdrawnNominees.contains(input.nominees.get(i));
        }
        return new WeightedBallots(
                count, whole, pico, input.rankingStart, input.rankingNominee, input.nominees, withdrawn);
    }

    /** The same ballots with one more nominee withdrawn, as when a winner steps aside. */
    WeightedBallots without(int nominee) {
        boolean[] more = withdrawn.clone();
        more[nominee] = true;
        return new WeightedBallots(count, whole, pico, rankingStart, rankingNominee, nominees, more);
    }

    int nomineeCount() {
        return nominees.size();
    }

    Units weight(int ballot) {
        return new Units(whole[ballot], pico[ballot]);
    }

    Units total() {
        UnitSums sum = new UnitSums(1);
        for (int b = 0; b < count; b++) {
            sum.add(0, whole[b], pico[b]);
        }
        return sum.get(0);
    }

    /** The position in the ballot's ranking of its first choice at or after {@code from} still standing, or -1. */
    int nextStanding(int ballot, int from, boolean[] standing) {
        for (int r = from; r < rankingStart[ballot + 1]; r++) {
            if (standing[rankingNominee[r]]) {
                return r;
            }
        }
        return -1;
    }

    boolean[] standing() {
        boolean[] standing = new boolean[withdrawn.length];
        for (int i = 0; i < standing.length; i++) {
            standing[i] = !withdrawn[i];
        }
        return standing;
    }
}
