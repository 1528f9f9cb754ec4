package org.primarypipeline.core.vote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tells one member where their own 10 units went, proxy by proxy, in the words a member would use:
 * "your 10 units: 6 reached Ana's ballot through Ben, 4 went unexercised in a cycle through Cy (...)".
 */
final class FlowExplanation {

    /** A member whose units spread over many ballots hears about the largest few. */
    private static final int BALLOTS_NAMED = 3;

    private static final int CYCLE_MEMBERS_NAMED = 5;

    private FlowExplanation() {}

    static String explain(IndexedVoteInput input, DelegationFlow flow, int member, Units ballotWeight) {
        MemberIds ids = input.members;
        List<String> clauses = new ArrayList<>();
        if (!flow.handsOwnUnitsOn(member)) {
            clauses.add(
                    flow.votes(member)
                            ? "10 reached your ballot"
                            : "10 went unexercised: you neither voted nor named a proxy");
        } else {
            for (int e = input.proxyStart[member]; e < input.proxyStart[member + 1]; e++) {
                int proxy = input.proxyTarget[e];
                FlowSolution solution = flow.resolveFrom(proxy, input.proxyUnits[e]);
                describe(solution, member, proxy, ids, flow, clauses);
            }
        }
        StringBuilder text = new StringBuilder("your 10 units: ").append(String.join(", ", clauses));
        if (flow.votes(member)) {
            text.append("; your ballot carries ").append(ballotWeight.display()).append(" units");
            if (flow.handsOwnUnitsOn(member)) {
                text.append(" (only what reached you: under smartocracy your own went to your proxies)");
            }
        }
        return text.toString();
    }

    private static void describe(
            FlowSolution solution, int member, int proxy, MemberIds ids, DelegationFlow flow, List<String> clauses) {
        String through = ids.id(proxy);
        double[] arrival = solution.arrival();
        List<Amount> ballots = new ArrayList<>();
        List<Amount> deadEnds = new ArrayList<>();
        for (int m = 0; m < arrival.length; m++) {
            if (arrival[m] > 0 && flow.votes(m)) {
                ballots.add(new Amount(m, Units.of(arrival[m])));
            } else if (arrival[m] > 0 && flow.isDeadEnd(m)) {
                deadEnds.add(new Amount(m, Units.of(arrival[m])));
            }
        }
        Comparator<Amount> largestFirst =
                Comparator.comparing(Amount::units).reversed().thenComparingInt(Amount::member);
        ballots.sort(largestFirst);
        deadEnds.sort(largestFirst);
        for (int i = 0; i < ballots.size(); i++) {
            Amount reached = ballots.get(i);
            if (reached.units().isZero()) {
                continue;
            }
            if (i == BALLOTS_NAMED && ballots.size() > BALLOTS_NAMED + 1) {
                Units rest = Units.ZERO;
                for (Amount other : ballots.subList(i, ballots.size())) {
                    rest = rest.plus(other.units());
                }
                clauses.add(rest.display() + " reached " + (ballots.size() - i) + " other ballots through " + through);
                break;
            }
            String amount = reached.units().display();
            if (reached.member() == proxy) {
                clauses.add(amount + " reached " + through + "'s ballot");
            } else if (reached.member() == member) {
                clauses.add(amount + " came back to your own ballot through " + through);
            } else {
                clauses.add(amount + " reached " + ids.id(reached.member()) + "'s ballot through " + through);
            }
        }
        Units lostAtDeadEnds = Units.ZERO;
        for (Amount lost : deadEnds) {
            lostAtDeadEnds = lostAtDeadEnds.plus(lost.units());
        }
        if (!lostAtDeadEnds.isZero()) {
            String amount = lostAtDeadEnds.display();
            if (deadEnds.size() == 1 && deadEnds.get(0).member() == proxy) {
                clauses.add(amount + " went unexercised: " + through + " neither voted nor named a proxy");
            } else if (deadEnds.size() == 1) {
                clauses.add(amount + " went unexercised at a dead end through " + through + " ("
                        + ids.id(deadEnds.get(0).member()) + " neither voted nor named a proxy)");
            } else {
                clauses.add(amount + " went unexercised at " + deadEnds.size() + " dead ends through " + through
                        + " (members who neither voted nor named a proxy)");
            }
        }
        Units trapped = Units.ZERO;
        for (FlowSolution.Trap trap : solution.traps()) {
            trapped = trapped.plus(Units.of(trap.units()));
        }
        if (!trapped.isZero()) {
            List<FlowSolution.Trap> traps = solution.traps();
            clauses.add(trapped.display() + " went unexercised in "
                    + (traps.size() == 1 ? "a cycle" : traps.size() + " cycles") + " through " + through + " ("
                    + (traps.size() == 1
                            ? cycleMembers(traps.get(0).members(), ids) + " name only each other and none voted"
                            : "non-voters who name only each other")
                    + ")");
        }
    }

    private static String cycleMembers(int[] members, MemberIds ids) {
        if (members.length > CYCLE_MEMBERS_NAMED) {
            return members.length + " members";
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < members.length; i++) {
            if (i > 0) {
                names.append(i == members.length - 1 ? " and " : ", ");
            }
            names.append(ids.id(members[i]));
        }
        return names.toString();
    }

    private record Amount(int member, Units units) {}
}
