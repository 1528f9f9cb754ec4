package org.primarypipeline.core.vote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The outcome of a count: how the units flowed (exercised by ballots, lost at dead ends, lost in closed
 * cycles), the weight of every ballot, the rounds and the winner. All amounts are units with 12 decimal
 * places; tallies are exact sums of the published weights, so the books can be re-added by hand.
 */
public final class VoteResult {

    /** Unless the group decides otherwise, a count stands when a fifth of all units were exercised. */
    public static final BigDecimal DEFAULT_QUORUM = new BigDecimal("0.20");

    private final IndexedVoteInput input;
    private final DelegationFlow flow;
    private final WeightedBallots ballots;
    private final BigDecimal exercisedUnits;
    private final BigDecimal unexercisedDeadEnds;
    private final BigDecimal unexercisedCycles;
    private final Tabulation tabulation;
    private final String runnerUp;
    private final Set<String> withdrawnNominees;
    private volatile Map<String, BigDecimal> weights;

    VoteResult(
            IndexedVoteInput input,
            DelegationFlow flow,
            FlowSolution solution,
            WeightedBallots ballots,
            Tabulation tabulation,
            String runnerUp,
            Set<String> withdrawnNominees) {
        this.input = input;
        this.flow = flow;
        this.ballots = ballots;
        this.exercisedUnits = ballots.total().toBigDecimal();
        this.unexercisedDeadEnds = Units.of(solution.deadEnds()).toBigDecimal();
        this.unexercisedCycles = Units.of(solution.cycles()).toBigDecimal();
        this.tabulation = tabulation;
        this.runnerUp = runnerUp;
        this.withdrawnNominees = Set.copyOf(withdrawnNominees);
    }

    public int electorate() {
        return input.electorate();
    }

    public BigDecimal totalUnits() {
        return BigDecimal.valueOf((long) IndexedVoteInput.UNITS_PER_MEMBER * input.electorate())
                .setScale(Units.SCALE);
    }

    /** The sum of the ballot weights. */
    public BigDecimal exercisedUnits() {
        return exercisedUnits;
    }

    public BigDecimal unexercisedUnits() {
        return unexercisedDeadEnds.add(unexercisedCycles);
    }

    /** Units that reached a member with neither ballot nor proxy. */
    public BigDecimal unexercisedDeadEnds() {
        return unexercisedDeadEnds;
    }

    /** Units caught circulating among non-voters who name only each other. */
    public BigDecimal unexercisedCycles() {
        return unexercisedCycles;
    }

    /** Ballot-casting member id to the units their ballot exercised, in id order. Built on first use. */
    public Map<String, BigDecimal> weights() {
        Map<String, BigDecimal> built = weights;
        if (built == null) {
            Map<String, BigDecimal> byMember = new LinkedHashMap<>();
            for (int b = 0; b < ballots.count; b++) {
                byMember.put(
                        input.members.id(input.ballotMember[b]),
                        ballots.weight(b).toBigDecimal());
            }
            built = Collections.unmodifiableMap(byMember);
            weights = built;
        }
        return built;
    }

    /** The units {@code memberId}'s ballot exercised, or null if they cast none. */
    public BigDecimal weight(String memberId) {
        int member = input.members.indexOf(memberId);
        int ballot = member < 0 ? -1 : Arrays.binarySearch(input.ballotMember, member);
        return ballot < 0 ? null : ballots.weight(ballot).toBigDecimal();
    }

    public List<Round> rounds() {
        return tabulation.rounds();
    }

    /** Null when no ballot carries any units (or every nominee was withdrawn). */
    public String winner() {
        return tabulation.winner();
    }

    /** The winner of the same ballots with the winner withdrawn: who steps up if the winner steps aside. */
    public String runnerUp() {
        return runnerUp;
    }

    /** Null, or how the ties that decided this count were settled, in order, separated by "; ". */
    public String tieBreak() {
        return tieBreak(UnaryOperator.identity());
    }

    /** As {@link #tieBreak()}, each nominee written as {@code name} gives it (a person's name for an id). */
    public String tieBreak(UnaryOperator<String> name) {
        List<String> decisions = tieBreaks(name);
        return decisions.isEmpty() ? null : String.join("; ", decisions);
    }

    public List<String> tieBreaks() {
        return tieBreaks(UnaryOperator.identity());
    }

    public List<String> tieBreaks(UnaryOperator<String> name) {
        return tabulation.tieBreaks().stream().map(note -> note.describe(name)).toList();
    }

    /** The comparison that decided the count, and its margin in units. */
    public DecisiveComparison decisive() {
        return tabulation.decisive();
    }

    /** Whether a draw settled the outcome: such a count always goes to a recount and to staff. */
    public boolean decidedByLot() {
        return tabulation.decisive().decidedByLot();
    }

    /** The decisive comparison's margin as a share of exercised units (0 when nothing was exercised). */
    public BigDecimal marginShare() {
        if (exercisedUnits.signum() == 0 || winner() == null) {
            return BigDecimal.ZERO;
        }
        return tabulation.decisive().margin().divide(exercisedUnits, 9, RoundingMode.HALF_EVEN);
    }

    /** For Schulze, units preferring the row nominee to the column nominee; empty for other methods. */
    public Map<String, Map<String, BigDecimal>> pairwise() {
        return tabulation.pairwise();
    }

    /** Whether exercised units are at least {@code share} (0 to 1) of all units. */
    public boolean quorumMet(BigDecimal share) {
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("quorum share must be between 0 and 1: " + share);
        }
        return exercisedUnits.compareTo(totalUnits().multiply(share)) >= 0;
    }

    public boolean quorumMet() {
        return quorumMet(DEFAULT_QUORUM);
    }

    /** Where {@code memberId}'s own 10 units went, in words. */
    public String explain(String memberId) {
        int member = input.members.indexOf(memberId);
        if (member < 0) {
            throw new IllegalArgumentException("member " + memberId + " is not in the electorate");
        }
        int ballot = Arrays.binarySearch(input.ballotMember, member);
        return FlowExplanation.explain(input, flow, member, ballot < 0 ? Units.ZERO : ballots.weight(ballot));
    }

    public FlowPolicy policy() {
        return input.policy;
    }

    public TallyMethod method() {
        return input.method;
    }

    public long seed() {
        return input.seed;
    }

    /** All nominees ranked on any ballot, in name order, withdrawn ones included. */
    public List<String> nominees() {
        return input.nominees;
    }

    public Set<String> withdrawnNominees() {
        return withdrawnNominees;
    }
}
