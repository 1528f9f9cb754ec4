package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Follows every member's 10 units through the proxy lists to the ballots that exercise them.
 *
 * <p>A voter absorbs whatever reaches them. A non-voter with proxies passes what reaches them on in
 * their own proportions; one without proxies is a dead end. So the flow is an absorbing Markov chain and
 * the units through the non-voters solve {@code x = s + P^T x}. Its strongly connected components are
 * taken sources first: a lone member passes units on in one step, a leaking cycle is solved by
 * {@link CycleSolver}, and a closed cycle (every share of every member points back inside) keeps what
 * enters it forever, which is reported as unexercised in a cycle.
 */
final class DelegationFlow {

    static final int DENSE_LIMIT = 200;

    private final IndexedVoteInput input;
    private final boolean[] votes;
    private final boolean[] passes;
    private final int denseLimit;

    DelegationFlow(IndexedVoteInput input) {
        this(input, DENSE_LIMIT);
    }

    /** {@code denseLimit}: largest cycle solved by elimination; larger ones are swept. */
    DelegationFlow(IndexedVoteInput input, int denseLimit) {
        this.input = input;
        this.denseLimit = denseLimit;
        int n = input.electorate();
        this.votes = new boolean[n];
        for (int member : input.ballotMember) {
            votes[member] = true;
        }
        this.passes = new boolean[n];
        for (int m = 0; m < n; m++) {
            passes[m] = !votes[m] && input.proxyCount(m) > 0;
        }
    }

    boolean votes(int member) {
        return votes[member];
    }

    /** Neither ballot nor proxy: units reaching this member go no further. */
    boolean isDeadEnd(int member) {
        return !votes[member] && input.proxyCount(member) == 0;
    }

    /** Whether the member's own units leave them for their proxies under the cycle's policy. */
    boolean handsOwnUnitsOn(int member) {
        return input.proxyCount(member) > 0 && (input.policy == FlowPolicy.SMARTOCRACY || !votes[member]);
    }

    /** Every member's own units, followed to their end. */
    FlowSolution resolve() {
        int n = input.electorate();
        double[] inflow = new double[n];
        for (int m = 0; m < n; m++) {
            if (handsOwnUnitsOn(m)) {
                for (int e = input.proxyStart[m]; e < input.proxyStart[m + 1]; e++) {
                    inflow[input.proxyTarget[e]] += input.proxyUnits[e];
                }
            } else {
                inflow[m] += IndexedVoteInput.UNITS_PER_MEMBER;
            }
        }
        return propagate(inflow, null, false);
    }

    /** {@code units} placed at one member, followed to their end; closed cycles reached are itemised. */
    FlowSolution resolveFrom(int member, double units) {
        double[] inflow = new double[input.electorate()];
        inflow[member] = units;
        return propagate(inflow, new int[] {member}, true);
    }

    private FlowSolution propagate(double[] inflow, int[] roots, boolean itemiseTraps) {
        int[] edgeStart = input.proxyStart;
        int[] edgeTarget = input.proxyTarget;
        byte[] edgeUnits = input.proxyUnits;
        StrongComponents groups = StrongComponents.find(edgeStart, edgeTarget, passes, roots);
        CycleSolver cycles = new CycleSolver(input, groups.component, denseLimit);
        List<FlowSolution.Trap> traps = new ArrayList<>();
        double trapped = 0;
        for (int c = groups.count - 1; c >= 0; c--) {
            int from = groups.start[c];
            int to = groups.start[c + 1];
            if (to - from == 1) {
                int u = groups.members[from];
                double units = inflow[u];
                if (units != 0) {
                    for (int e = edgeStart[u]; e < edgeStart[u + 1]; e++) {
                        inflow[edgeTarget[e]] += units * edgeUnits[e] / 10.0;
                    }
                }
            } else if (isClosed(groups, c, from, to)) {
                double units = 0;
                for (int i = from; i < to; i++) {
                    units += inflow[groups.members[i]];
                }
                trapped += units;
                if (itemiseTraps && units > 0) {
                    int[] members = Arrays.copyOfRange(groups.members, from, to);
                    Arrays.sort(members);
                    traps.add(new FlowSolution.Trap(members, units));
                }
            } else {
                cycles.solve(c, groups.members, from, to, inflow);
            }
        }
        double deadEnds = 0;
        for (int m = 0; m < inflow.length; m++) {
            if (isDeadEnd(m)) {
                deadEnds += inflow[m];
            }
        }
        return new FlowSolution(inflow, deadEnds, trapped, traps);
    }

    private boolean isClosed(StrongComponents groups, int c, int from, int to) {
        for (int i = from; i < to; i++) {
            int u = groups.members[i];
            for (int e = input.proxyStart[u]; e < input.proxyStart[u + 1]; e++) {
                if (groups.component[input.proxyTarget[e]] != c) {
                    return false;
                }
            }
        }
        return true;
    }
}
