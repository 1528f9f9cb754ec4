package org.primarypipeline.core.vote;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A reference solution of the delegation flow in exact rationals, built differently from the engine on
 * purpose: no strongly connected components. Non-voters who can reach no ballot and no dead end keep
 * whatever reaches them (cycles); for the rest, {@code x = s + Q^T x} is solved by Gauss-Jordan
 * elimination over fractions. Only for small electorates.
 */
final class ExactFlow {

    record Outcome(Fraction[] arrival, Fraction deadEnds, Fraction cycles) {}

    private ExactFlow() {}

    /** @param proxies rows of {member, proxy, units} */
    static Outcome solve(int n, List<int[]> proxies, boolean[] votes, FlowPolicy policy) {
        List<List<int[]>> out = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            out.add(new ArrayList<>());
        }
        for (int[] row : proxies) {
            out.get(row[0]).add(row);
        }
        boolean[] passes = new boolean[n];
        for (int m = 0; m < n; m++) {
            passes[m] = !votes[m] && !out.get(m).isEmpty();
        }
        Fraction[] s = new Fraction[n];
        java.util.Arrays.fill(s, Fraction.ZERO);
        for (int m = 0; m < n; m++) {
            boolean handsOn = !out.get(m).isEmpty() && (policy == FlowPolicy.SMARTOCRACY || !votes[m]);
            if (handsOn) {
                for (int[] row : out.get(m)) {
                    s[row[1]] = s[row[1]].plus(Fraction.of(row[2]));
                }
            } else {
                s[m] = s[m].plus(Fraction.of(10));
            }
        }

        // Members passing units on who can still reach a ballot or a dead end.
        boolean[] leaks = new boolean[n];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int m = 0; m < n; m++) {
            if (!passes[m]) {
                queue.add(m);
            }
        }
        boolean[] reached = new boolean[n];
        for (int m : queue) {
            reached[m] = true;
        }
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int[] row : proxies) {
                int u = row[0];
                if (row[1] == v && passes[u] && !reached[u]) {
                    reached[u] = true;
                    leaks[u] = true;
                    queue.add(u);
                }
            }
        }
        int[] position = new int[n];
        List<Integer> unknowns = new ArrayList<>();
        for (int m = 0; m < n; m++) {
            position[m] = leaks[m] ? unknowns.size() : -1;
            if (leaks[m]) {
                unknowns.add(m);
            }
        }
        int k = unknowns.size();
        Fraction[][] a = new Fraction[k][k + 1];
        for (int i = 0; i < k; i++) {
            java.util.Arrays.fill(a[i], Fraction.ZERO);
            a[i][i] = Fraction.ONE;
            a[i][k] = s[unknowns.get(i)];
        }
        for (int u : unknowns) {
            for (int[] row : out.get(u)) {
                if (leaks[row[1]]) {
                    a[position[row[1]]][position[u]] = a[position[row[1]]][position[u]].minus(Fraction.of(row[2], 10));
                }
            }
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            while (a[pivot][col].isZero()) {
                pivot++;
            }
            Fraction[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            Fraction diagonal = a[col][col];
            for (int j = col; j <= k; j++) {
                a[col][j] = a[col][j].dividedBy(diagonal);
            }
            for (int row = 0; row < k; row++) {
                if (row != col && !a[row][col].isZero()) {
                    Fraction factor = a[row][col];
                    for (int j = col; j <= k; j++) {
                        a[row][j] = a[row][j].minus(factor.times(a[col][j]));
                    }
                }
            }
        }
        Fraction[] arrival = s.clone();
        for (int u : unknowns) {
            Fraction through = a[position[u]][k];
            for (int[] row : out.get(u)) {
                if (!leaks[row[1]]) {
                    arrival[row[1]] = arrival[row[1]].plus(through.times(Fraction.of(row[2], 10)));
                }
            }
        }
        Fraction deadEnds = Fraction.ZERO;
        Fraction cycles = Fraction.ZERO;
        for (int m = 0; m < n; m++) {
            if (!votes[m] && out.get(m).isEmpty()) {
                deadEnds = deadEnds.plus(arrival[m]);
            } else if (passes[m] && !leaks[m]) {
                cycles = cycles.plus(arrival[m]);
            }
        }
        return new Outcome(arrival, deadEnds, cycles);
    }
}
