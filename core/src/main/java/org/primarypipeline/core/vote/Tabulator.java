package org.primarypipeline.core.vote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A tally method: from weighted ballots to a winner. */
interface Tabulator {

    Tabulation tabulate(WeightedBallots ballots, TieBreak ties);

    static Tabulator of(TallyMethod method) {
        switch (method) {
            case PLURALITY:
                return new Plurality();
            case SCHULZE:
                return new Schulze();
            case IRV:
            default:
                return new InstantRunoff();
        }
    }

    /**
     * Each ballot's weight on its first choice still standing; the last slot collects ballots with none.
     * {@code cursor}, if given, receives each ballot's position of that choice (-1 when exhausted).
     */
    static UnitSums firstChoices(WeightedBallots ballots, boolean[] standing, int[] cursor) {
        int k = ballots.nomineeCount();
        UnitSums tally = new UnitSums(k + 1);
        for (int b = 0; b < ballots.count; b++) {
            int at = ballots.nextStanding(b, ballots.rankingStart[b], standing);
            if (cursor != null) {
                cursor[b] = at;
            }
            tally.add(at < 0 ? k : ballots.rankingNominee[at], ballots.whole[b], ballots.pico[b]);
        }
        return tally;
    }

    static Round round(
            WeightedBallots ballots, Units[] tallies, boolean[] standing, Units exhausted, List<String> eliminated) {
        Map<String, BigDecimal> byName = new TreeMap<>();
        for (int i = 0; i < standing.length; i++) {
            if (standing[i]) {
                byName.put(ballots.nominees.get(i), tallies[i].toBigDecimal());
            }
        }
        return new Round(byName, exhausted.toBigDecimal(), eliminated);
    }

    static List<Integer> standingIndices(boolean[] standing) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < standing.length; i++) {
            if (standing[i]) {
                indices.add(i);
            }
        }
        return indices;
    }

    static Units[] snapshot(UnitSums sums, int slots) {
        Units[] values = new Units[slots];
        for (int i = 0; i < slots; i++) {
            values[i] = sums.get(i);
        }
        return values;
    }
}
