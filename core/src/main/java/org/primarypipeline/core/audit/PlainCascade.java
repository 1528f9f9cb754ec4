package org.primarypipeline.core.audit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The Smartocratic cascade written the plain way, for checking a published count: every member's 10
 * units are pushed along the proxy edges, step by step, until they rest on a ballot, at a member with
 * neither ballot nor proxies (a dead end), or inside a group of non-voters from which no edge leads
 * out (a closed cycle). It shares nothing with the counting engine, which solves the same flow exactly
 * as a linear system; the two must agree to well within a millionth of a unit.
 */
final class PlainCascade {

    /** Units still moving below this (in total) are negligible: far under the comparison tolerance. */
    private static final double SETTLED = 1e-11;

    private static final int MOST_STEPS = 1_000_000;

    final double[] absorbed;
    double deadEnds;
    double closedCycles;
    final boolean settled;

    /**
     * @param voter     whether each member cast a ballot
     * @param targets   each member's proxies (member indices)
     * @param units     each member's shares, out of {@code perMember}
     * @param smartocracy a voter who names proxies hands them their own units (liquid: keeps them)
     */
    PlainCascade(boolean[] voter, int[][] targets, int[][] units, int perMember, boolean smartocracy) {
        int n = voter.length;
        absorbed = new double[n];
        boolean[] passes = new boolean[n];
        for (int m = 0; m < n; m++) {
            passes[m] = !voter[m] && targets[m].length > 0;
        }
        boolean[] trapped = trapped(passes, targets);

        double[] moving = new double[n];
        for (int m = 0; m < n; m++) {
            boolean handsOn = targets[m].length > 0 && (smartocracy || !voter[m]);
            if (handsOn) {
                share(m, perMember, targets, units, perMember, moving);
            } else {
                moving[m] += perMember;
            }
        }
        int steps = 0;
        double inFlight;
        do {
            double[] next = new double[n];
            inFlight = 0;
            for (int m = 0; m < n; m++) {
                double u = moving[m];
                if (u == 0) {
                    continue;
                }
                if (voter[m]) {
                    absorbed[m] += u;
                } else if (!passes[m]) {
                    deadEnds += u;
                } else if (trapped[m]) {
                    closedCycles += u;
                } else {
                    share(m, u, targets, units, perMember, next);
                    inFlight += u;
                }
            }
            moving = next;
        } while (inFlight > SETTLED && ++steps < MOST_STEPS);
        settled = inFlight <= SETTLED;
    }

    private static void share(int m, double amount, int[][] targets, int[][] units, int perMember, double[] into) {
        for (int e = 0; e < targets[m].length; e++) {
            into[targets[m][e]] += amount * units[m][e] / perMember;
        }
    }

    /** Passing members from which no chain of edges reaches anyone who does not pass units on. */
    private static boolean[] trapped(boolean[] passes, int[][] targets) {
        int n = passes.length;
        int[] inDegree = new int[n];
        for (int m = 0; m < n; m++) {
            if (passes[m]) {
                for (int t : targets[m]) {
                    inDegree[t]++;
                }
            }
        }
        int[][] from = new int[n][];
        for (int m = 0; m < n; m++) {
            from[m] = new int[inDegree[m]];
        }
        int[] filled = new int[n];
        for (int m = 0; m < n; m++) {
            if (passes[m]) {
                for (int t : targets[m]) {
                    from[t][filled[t]++] = m;
                }
            }
        }
        boolean[] reachesOut = new boolean[n];
        Deque<Integer> queue = new ArrayDeque<>();
        for (int m = 0; m < n; m++) {
            if (!passes[m]) {
                reachesOut[m] = true;
                queue.add(m);
            }
        }
        while (!queue.isEmpty()) {
            int x = queue.poll();
            for (int p : from[x]) {
                if (!reachesOut[p]) {
                    reachesOut[p] = true;
                    queue.add(p);
                }
            }
        }
        boolean[] trapped = new boolean[n];
        for (int m = 0; m < n; m++) {
            trapped[m] = passes[m] && !reachesOut[m];
        }
        return trapped;
    }
}
