package org.primarypipeline.core.vote;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Weighted Schulze. {@code d[a][b]} is the weight of ballots ranking a above b (a ranked nominee is
 * above every unranked one). A defeat of b by a is as strong as the weight preferring a (winning votes);
 * the strongest paths decide, and a nominee no one beats along them wins. Its single round lists first
 * choices, for information; the decision is in the pairwise matrix.
 */
final class Schulze implements Tabulator {

    @Override
    public Tabulation tabulate(WeightedBallots ballots, TieBreak ties) {
        int k = ballots.nomineeCount();
        boolean[] standing = ballots.standing();
        Units[] first = Tabulator.snapshot(Tabulator.firstChoices(ballots, standing, null), k + 1);
        Round round = Tabulator.round(ballots, first, standing, first[k], List.of());
        Units[][] d = preferences(ballots, standing);

        Units[][] strength = new Units[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                strength[a][b] = a != b && d[a][b].clearlyExceeds(d[b][a]) ? d[a][b] : Units.ZERO;
            }
        }
        for (int via = 0; via < k; via++) {
            for (int a = 0; a < k; a++) {
                if (a == via) {
                    continue;
                }
                for (int b = 0; b < k; b++) {
                    if (b == a || b == via) {
                        continue;
                    }
                    Units through = min(strength[a][via], strength[via][b]);
                    if (through.compareTo(strength[a][b]) > 0) {
                        strength[a][b] = through;
                    }
                }
            }
        }

        Map<String, Map<String, BigDecimal>> pairwise = new TreeMap<>();
        List<Integer> unbeaten = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            if (!standing[a]) {
                continue;
            }
            Map<String, BigDecimal> row = new TreeMap<>();
            boolean beaten = false;
            for (int b = 0; b < k; b++) {
                if (b != a && standing[b]) {
                    row.put(ballots.nominees.get(b), d[a][b].toBigDecimal());
                    beaten |= strength[b][a].clearlyExceeds(strength[a][b]);
                }
            }
            pairwise.put(ballots.nominees.get(a), Collections.unmodifiableMap(row));
            if (!beaten) {
                unbeaten.add(a);
            }
        }
        String winner = null;
        if (!unbeaten.isEmpty() && !ballotsCarryNothing(first, standing)) {
            int chosen = unbeaten.size() == 1 ? unbeaten.get(0) : ties.drawWinner(unbeaten, "as Schulze winners", 1);
            winner = ballots.nominees.get(chosen);
        }
        return new Tabulation(List.of(round), winner, ties.decisions(), Collections.unmodifiableMap(pairwise));
    }

    private static Units[][] preferences(WeightedBallots ballots, boolean[] standing) {
        int k = ballots.nomineeCount();
        UnitSums sums = new UnitSums(k * k);
        int[] position = new int[k];
        Arrays.fill(position, Integer.MAX_VALUE);
        int[] order = new int[k];
        for (int b = 0; b < ballots.count; b++) {
            long whole = ballots.whole[b];
            long pico = ballots.pico[b];
            if (whole == 0 && pico == 0) {
                continue;
            }
            int length = 0;
            for (int r = ballots.rankingStart[b]; r < ballots.rankingStart[b + 1]; r++) {
                int nominee = ballots.rankingNominee[r];
                if (standing[nominee]) {
                    position[nominee] = length;
                    order[length++] = nominee;
                }
            }
            for (int i = 0; i < length; i++) {
                int above = order[i];
                for (int below = 0; below < k; below++) {
                    // Unranked nominees sit at MAX_VALUE, below every ranked one.
                    if (standing[below] && position[below] > i) {
                        sums.add(above * k + below, whole, pico);
                    }
                }
            }
            for (int i = 0; i < length; i++) {
                position[order[i]] = Integer.MAX_VALUE;
            }
        }
        Units[][] d = new Units[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                d[a][b] = sums.get(a * k + b);
            }
        }
        return d;
    }

    private static boolean ballotsCarryNothing(Units[] first, boolean[] standing) {
        for (int i = 0; i < standing.length; i++) {
            if (standing[i] && !first[i].isZero()) {
                return false;
            }
        }
        return true;
    }

    private static Units min(Units a, Units b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
