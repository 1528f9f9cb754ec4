package org.primarypipeline.core.vote;

import java.util.Objects;
import java.util.Set;

/** Counts a vote: validates the input, follows the units to the ballots, tallies them. */
public final class VoteCount {

    private VoteCount() {}

    /** @throws InvalidVoteInputException naming the member and the rule broken */
    public static VoteResult count(VoteInput input) {
        return countExcluding(input, Set.of());
    }

    /** Counts as if {@code withdrawnNominees} were struck from every ballot (ballots left empty are exhausted). */
    public static VoteResult countExcluding(VoteInput input, Set<String> withdrawnNominees) {
        return countExcluding(IndexedVoteInput.from(input), withdrawnNominees);
    }

    public static VoteResult count(IndexedVoteInput input) {
        return countExcluding(input, Set.of());
    }

    public static VoteResult countExcluding(IndexedVoteInput input, Set<String> withdrawnNominees) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(withdrawnNominees, "withdrawnNominees");
        DelegationFlow flow = new DelegationFlow(input);
        FlowSolution solution = flow.resolve();
        WeightedBallots ballots = WeightedBallots.of(input, solution.arrival(), withdrawnNominees);
        Tabulator tabulator = Tabulator.of(input.method);
        Tabulation tabulation = tabulator.tabulate(ballots, new TieBreak(input.seed, input.nominees));
        String runnerUp = null;
        if (tabulation.winner() != null) {
            WeightedBallots withoutWinner = ballots.without(input.nominees.indexOf(tabulation.winner()));
            runnerUp = tabulator
                    .tabulate(withoutWinner, new TieBreak(input.seed, input.nominees))
                    .winner();
        }
        return new VoteResult(input, flow, solution, ballots, tabulation, runnerUp, withdrawnNominees);
    }
}
