package org.primarypipeline.core.audit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * IRV, plurality and Schulze over weighted ballots, written from the published rules (docs/vote.md)
 * in plain decimal arithmetic, for checking a count: not a line is shared with the counting engine.
 * Amounts within 10^-9 of a unit tie; ties are settled as the rules say, by the previous round and then
 * by the draw seeded with the published number.
 */
final class PlainCount {

    static final BigDecimal TIE = new BigDecimal("0.000000001");

    /** One round: units per standing nominee (by index, null when not standing), exhausted, eliminated. */
    record Tally(BigDecimal[] units, BigDecimal exhausted, Integer eliminated) {}

    record Outcome(List<Tally> rounds, Integer winner, boolean decidedByLot) {}

    private final BigDecimal[] weights;
    private final int[][] rankings;
    private final int nominees;
    private final long seed;
    private boolean lot;

    PlainCount(BigDecimal[] weights, int[][] rankings, int nominees, long seed) {
        this.weights = weights;
        this.rankings = rankings;
        this.nominees = nominees;
        this.seed = seed;
    }

    Outcome count(String method, boolean[] standing) {
        lot = false;
        return switch (method) {
            case "plurality" -> plurality(standing.clone());
            case "schulze" -> schulze(standing.clone());
            default -> instantRunoff(standing.clone());
        };
    }

    private Tally firstChoices(boolean[] standing) {
        BigDecimal[] units = new BigDecimal[nominees];
        for (int i = 0; i < nominees; i++) {
            units[i] = standing[i] ? BigDecimal.ZERO : null;
        }
        BigDecimal exhausted = BigDecimal.ZERO;
        for (int b = 0; b < rankings.length; b++) {
            Integer first = null;
            for (int nominee : rankings[b]) {
                if (standing[nominee]) {
                    first = nominee;
                    break;
                }
            }
            if (first == null) {
                exhausted = exhausted.add(weights[b]);
            } else {
                units[first] = units[first].add(weights[b]);
            }
        }
        return new Tally(units, exhausted, null);
    }

    private Outcome instantRunoff(boolean[] standing) {
        List<Tally> rounds = new ArrayList<>();
        Tally previous = null;
        for (int round = 1; ; round++) {
            Tally now = firstChoices(standing);
            BigDecimal continuing = BigDecimal.ZERO;
            int leader = -1;
            int left = 0;
            for (int i = 0; i < nominees; i++) {
                if (standing[i]) {
                    left++;
                    continuing = continuing.add(now.units()[i]);
                    if (leader < 0 || now.units()[i].compareTo(now.units()[leader]) > 0) {
                        leader = i;
                    }
                }
            }
            if (leader < 0 || continuing.signum() == 0) {
                rounds.add(now);
                return new Outcome(rounds, null, lot);
            }
            if (left == 1 || clearlyAbove(now.units()[leader].multiply(BigDecimal.valueOf(2)), continuing)) {
                rounds.add(now);
                return new Outcome(rounds, leader, lot);
            }
            List<Integer> low = fewest(standingOnes(standing), now.units());
            int out;
            if (low.size() == 1) {
                out = low.get(0);
            } else {
                List<Integer> lower = previous == null ? low : fewest(low, previous.units());
                out = lower.size() == 1 ? lower.get(0) : draw(lower, round, now.units()[lower.get(0)]);
            }
            rounds.add(new Tally(now.units(), now.exhausted(), out));
            standing[out] = false;
            previous = now;
        }
    }

    private Outcome plurality(boolean[] standing) {
        Tally now = firstChoices(standing);
        BigDecimal top = BigDecimal.ZERO;
        for (int i = 0; i < nominees; i++) {
            if (standing[i] && now.units()[i].compareTo(top) > 0) {
                top = now.units()[i];
            }
        }
        if (top.signum() == 0) {
            return new Outcome(List.of(now), null, false);
        }
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < nominees; i++) {
            if (standing[i] && tie(now.units()[i], top)) {
                first.add(i);
            }
        }
        int winner = first.size() == 1 ? first.get(0) : draw(first, 1, top);
        return new Outcome(List.of(now), winner, lot);
    }

    private Outcome schulze(boolean[] standing) {
        Tally now = firstChoices(standing);
        BigDecimal[][] prefer = new BigDecimal[nominees][nominees];
        for (BigDecimal[] row : prefer) {
            java.util.Arrays.fill(row, BigDecimal.ZERO);
        }
        for (int b = 0; b < rankings.length; b++) {
            List<Integer> ranked = new ArrayList<>();
            for (int nominee : rankings[b]) {
                if (standing[nominee]) {
                    ranked.add(nominee);
                }
            }
            for (int i = 0; i < ranked.size(); i++) {
                for (int other = 0; other < nominees; other++) {
                    int at = ranked.indexOf(other);
                    if (standing[other] && other != ranked.get(i) && (at < 0 || at > i)) {
                        prefer[ranked.get(i)][other] = prefer[ranked.get(i)][other].add(weights[b]);
                    }
                }
            }
        }
        BigDecimal[][] path = new BigDecimal[nominees][nominees];
        for (int a = 0; a < nominees; a++) {
            for (int c = 0; c < nominees; c++) {
                path[a][c] = a != c && clearlyAbove(prefer[a][c], prefer[c][a]) ? prefer[a][c] : BigDecimal.ZERO;
            }
        }
        for (int via = 0; via < nominees; via++) {
            for (int a = 0; a < nominees; a++) {
                for (int c = 0; c < nominees; c++) {
                    if (a != via && c != via && a != c) {
                        BigDecimal through = path[a][via].min(path[via][c]);
                        if (through.compareTo(path[a][c]) > 0) {
                            path[a][c] = through;
                        }
                    }
                }
            }
        }
        List<Integer> unbeaten = new ArrayList<>();
        boolean carries = false;
        for (int a = 0; a < nominees; a++) {
            if (!standing[a]) {
                continue;
            }
            carries |= now.units()[a].signum() > 0;
            boolean beaten = false;
            for (int c = 0; c < nominees; c++) {
                beaten |= standing[c] && c != a && clearlyAbove(path[c][a], path[a][c]);
            }
            if (!beaten) {
                unbeaten.add(a);
            }
        }
        if (unbeaten.isEmpty() || !carries) {
            return new Outcome(List.of(now), null, false);
        }
        int winner = unbeaten.size() == 1 ? unbeaten.get(0) : draw(unbeaten, 1, BigDecimal.ONE);
        return new Outcome(List.of(now), winner, lot);
    }

    /** The tied nominee the published draw picks; a draw among nominees holding units decides the count. */
    private int draw(List<Integer> tied, int round, BigDecimal held) {
        if (held.signum() > 0) {
            lot = true;
        }
        long z = seed + round * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return tied.get((int) Math.floorMod(z, (long) tied.size()));
    }

    private static List<Integer> standingOnes(boolean[] standing) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < standing.length; i++) {
            if (standing[i]) {
                all.add(i);
            }
        }
        return all;
    }

    private static List<Integer> fewest(List<Integer> among, BigDecimal[] units) {
        BigDecimal least = null;
        for (int i : among) {
            if (least == null || units[i].compareTo(least) < 0) {
                least = units[i];
            }
        }
        List<Integer> low = new ArrayList<>();
        for (int i : among) {
            if (tie(units[i], least)) {
                low.add(i);
            }
        }
        return low;
    }

    static boolean tie(BigDecimal a, BigDecimal b) {
        return a.subtract(b).abs().compareTo(TIE) <= 0;
    }

    private static boolean clearlyAbove(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) > 0 && !tie(a, b);
    }
}
