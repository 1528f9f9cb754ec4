package org.primarypipeline.core.vote;

/**
 * Resolves a leaking cycle: a strongly connected group of non-voters that pass units around among
 * themselves while some of their shares point outside. Everything entering such a group eventually
 * leaves it (an absorbing chain has no other fate for transient states), so the question is only how
 * the outflow splits; that is the linear system {@code x = b + Q^T x} over the group, {@code x} being the
 * units passing through each member and {@code Q} the in-group shares.
 *
 * <p>Small groups, the realistic case, are solved exactly up to rounding by Gaussian elimination. Large
 * ones are swept in discovery order, pushing each member's pending units along its shares, until what
 * is still circulating is below {@link #TOLERANCE} of what entered. Either way the outflow is then
 * rescaled to equal the inflow, so no unit is created or lost by the arithmetic.
 */
final class CycleSolver {

    static final double TOLERANCE = 1e-13;
    private static final int MAX_SWEEPS = 1_000_000;

    private final int[] edgeStart;
    private final int[] edgeTarget;
    private final byte[] edgeUnits;
    private final int[] component;
    private final int denseLimit;
    private final int[] local;

    CycleSolver(IndexedVoteInput input, int[] component, int denseLimit) {
        this.edgeStart = input.proxyStart;
        this.edgeTarget = input.proxyTarget;
        this.edgeUnits = input.proxyUnits;
        this.component = component;
        this.denseLimit = denseLimit;
        this.local = new int[component.length];
    }

    /**
     * Spreads the units that entered group {@code c} ({@code inflow} of its members) to the members its
     * shares point to outside the group.
     */
    void solve(int c, int[] members, int from, int to, double[] inflow) {
        double entering = 0;
        for (int i = from; i < to; i++) {
            entering += inflow[members[i]];
        }
        if (entering == 0) {
            return;
        }
        double[] x = to - from <= denseLimit
                ? eliminate(c, members, from, to, inflow)
                : sweep(c, members, from, to, inflow, entering);
        double leaving = 0;
        for (int i = from; i < to; i++) {
            leaving += x[i - from] * outsideUnits(c, members[i]) / 10.0;
        }
        if (!(leaving > 0)) {
            throw new IllegalStateException("a leaking cycle of " + (to - from) + " members let nothing out");
        }
        double scale = entering / leaving;
        for (int i = from; i < to; i++) {
            int u = members[i];
            double passing = x[i - from] * scale;
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                int t = edgeTarget[e];
                if (component[t] != c) {
                    inflow[t] += passing * edgeUnits[e] / 10.0;
                }
            }
        }
    }

    private int outsideUnits(int c, int u) {
        int units = 0;
        for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
            if (component[edgeTarget[e]] != c) {
                units += edgeUnits[e];
            }
        }
        return units;
    }

    private double[] eliminate(int c, int[] members, int from, int to, double[] inflow) {
        int k = to - from;
        for (int i = 0; i < k; i++) {
            local[members[from + i]] = i;
        }
        double[][] a = new double[k][k];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            int u = members[from + i];
            a[i][i] += 1.0;
            b[i] = inflow[u];
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                int t = edgeTarget[e];
                if (component[t] == c) {
                    a[local[t]][i] -= edgeUnits[e] / 10.0;
                }
            }
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int row = col + 1; row < k; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swapRow = a[col];
            a[col] = a[pivot];
            a[pivot] = swapRow;
            double swapB = b[col];
            b[col] = b[pivot];
            b[pivot] = swapB;
            double diagonal = a[col][col];
            for (int row = col + 1; row < k; row++) {
                double factor = a[row][col] / diagonal;
                if (factor != 0) {
                    double[] target = a[row];
                    double[] source = a[col];
                    for (int j = col; j < k; j++) {
                        target[j] -= factor * source[j];
                    }
                    b[row] -= factor * b[col];
                }
            }
        }
        double[] x = new double[k];
        for (int row = k - 1; row >= 0; row--) {
            double sum = b[row];
            for (int j = row + 1; j < k; j++) {
                sum -= a[row][j] * x[j];
            }
            // Rounding can leave a hair below zero where the true value is zero; units are never negative.
            x[row] = Math.max(0.0, sum / a[row][row]);
        }
        return x;
    }

    private double[] sweep(int c, int[] members, int from, int to, double[] inflow, double entering) {
        int k = to - from;
        // A compact copy, renumbered in discovery order: the members of a large cycle are scattered over the
        // whole electorate's arrays, and a hundred sweeps of cache misses cost more than the copy.
        int[] order = new int[k];
        int internal = 0;
        for (int i = 0; i < k; i++) {
            int u = members[to - 1 - i];
            order[i] = u;
            local[u] = i;
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                internal += component[edgeTarget[e]] == c ? 1 : 0;
            }
        }
        int[] start = new int[k + 1];
        int[] target = new int[internal];
        double[] share = new double[internal];
        double[] pending = new double[k];
        double[] through = new double[k];
        int at = 0;
        for (int i = 0; i < k; i++) {
            int u = order[i];
            pending[i] = inflow[u];
            for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                int t = edgeTarget[e];
                if (component[t] == c) {
                    target[at] = local[t];
                    share[at] = edgeUnits[e] / 10.0;
                    at++;
                }
            }
            start[i + 1] = at;
        }
        double remaining = entering;
        int sweeps = 0;
        while (remaining > TOLERANCE * entering) {
            if (++sweeps > MAX_SWEEPS) {
                throw new IllegalStateException("delegation flow did not settle in a cycle of " + k + " members after "
                        + MAX_SWEEPS + " sweeps");
            }
            // Discovery order follows the shares, so one sweep carries units a long way round the group.
            for (int i = 0; i < k; i++) {
                double units = pending[i];
                if (units == 0) {
                    continue;
                }
                pending[i] = 0;
                through[i] += units;
                for (int a = start[i]; a < start[i + 1]; a++) {
                    pending[target[a]] += units * share[a];
                }
            }
            remaining = 0;
            for (int i = 0; i < k; i++) {
                remaining += pending[i];
            }
        }
        double[] x = new double[k];
        for (int i = 0; i < k; i++) {
            x[to - 1 - i - from] = through[i] + pending[i];
        }
        return x;
    }
}
