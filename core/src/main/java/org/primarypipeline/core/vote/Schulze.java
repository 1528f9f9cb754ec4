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
        // before[a][b]: the nominee preceding b on the strongest path from a, to find its weakest link.
        int[][] before = new int[k][k];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                strength[a][b] = a != b && d[a][b].clearlyExceeds(d[b][a]) ? d[a][b] : Units.ZERO;
                before[a][b] = a;
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
                        before[a][b] = before[via][b];
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
        DecisiveComparison decisive = DecisiveComparison.NONE;
        if (!unbeaten.isEmpty() && !ballotsCarryNothing(first, standing)) {
            int chosen = unbeaten.size() == 1 ? unbeaten.get(0) : ties.drawWinner(unbeaten, "as Schulze winners", 1);
            winner = ballots.nominees.get(chosen);
            decisive = weakestLink(ballots, standing, first, d, strength, before, chosen, ties.decidedByLot());
        }
        return new Tabulation(
                List.of(round), winner, ties.decisions(), Collections.unmodifiableMap(pairwise), decisive);
    }

    /**
     * Over every rival, the winner's strongest path to them; on each path the weakest link (fewest
     * winning votes, then the smaller margin) is what a few ballots would have to overturn. The closest of
     * those links decides, with its margin. A rival the winner does not beat along any path (a tie settled
     * by lot) has margin zero.
     */
    private static DecisiveComparison weakestLink(
            WeightedBallots ballots,
            boolean[] standing,
            Units[] first,
            Units[][] d,
            Units[][] strength,
            int[][] before,
            int winner,
            boolean lot) {
        String name = ballots.nominees.get(winner);
        int closestRival = -1;
        Units closestFor = Units.ZERO;
        Units closestAgainst = Units.ZERO;
        BigDecimal closestMargin = null;
        for (int rival = 0; rival < standing.length; rival++) {
            if (!standing[rival] || rival == winner) {
                continue;
            }
            Units linkFor = Units.ZERO;
            Units linkAgainst = Units.ZERO;
            if (!strength[winner][rival].isZero()) {
                int weakFrom = -1;
                int weakTo = -1;
                for (int to = rival; to != winner; to = before[winner][to]) {
                    int from = before[winner][to];
                    if (weakFrom < 0 || weaker(d, from, to, weakFrom, weakTo)) {
                        weakFrom = from;
                        weakTo = to;
                    }
                }
                linkFor = d[weakFrom][weakTo];
                linkAgainst = d[weakTo][weakFrom];
            }
            BigDecimal margin = linkFor.toBigDecimal().subtract(linkAgainst.toBigDecimal());
            if (closestMargin == null || margin.compareTo(closestMargin) < 0) {
                closestRival = rival;
                closestMargin = margin;
                closestFor = linkFor;
                closestAgainst = linkAgainst;
            }
        }
        if (closestRival < 0) {
            return DecisiveComparison.of(name, null, 1, first[winner], Units.ZERO, lot);
        }
        return DecisiveComparison.of(name, ballots.nominees.get(closestRival), 1, closestFor, closestAgainst, lot);
    }

    private static boolean weaker(Units[][] d, int from, int to, int weakFrom, int weakTo) {
        int byVotes = d[from][to].compareTo(d[weakFrom][weakTo]);
        if (byVotes != 0) {
            return byVotes < 0;
        }
        return d[from][to]
                        .toBigDecimal()
                        .subtract(d[to][from].toBigDecimal())
                        .compareTo(d[weakFrom][weakTo].toBigDecimal().subtract(d[weakTo][weakFrom].toBigDecimal()))
                < 0;
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
