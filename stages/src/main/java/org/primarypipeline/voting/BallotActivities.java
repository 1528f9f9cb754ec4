package org.primarypipeline.voting;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/**
 * Effects of the voting round. Each works on the whole group in PostgreSQL in one call, so a cycle's
 * workflow history stays the same size whatever the group's size.
 */
@ActivityInterface
public interface BallotActivities {

    /** Freezes the electorate, publishes the tie-break seed and queues every member's ballot link. */
    VotingOpened openVoting(String cycleId);

    /**
     * Closes the nomination window and, when anyone is on the ballot, opens the voting round, in one
     * transaction: the nominees on the ballot are told (when {@code announce}), the round's stage entry
     * closing at {@code closes} is written, and {@link #openVoting} runs; then the nominees hear that voting
     * is open. With nobody on the ballot nothing is written and the answer's {@code opened} is null.
     */
    RoundOpening closeNominationsAndOpenVoting(String cycleId, Instant closes, String detail, boolean announce);

    /**
     * Closes the round: seals its receipt chain at the current head under the append's lock; nothing is
     * appended after. Sealing a sealed round returns its seal.
     */
    BallotSeal seal(String cycleId, String actor, String reason);

    /** Opens a sealed round again for its automatic extension; the seal stays on record. */
    void reopen(String cycleId, String reason);

    /**
     * The reminder {@code pp.vote.reminder-before} ahead of the close: queued to the electorate members who
     * have not voted and whose units reach no ballot; returns how many were queued. Once per member and deadline.
     */
    int remind(String cycleId);

    /** Seals the round if it is not yet, counts the sealed ballots with the cycle's policy and method and stores the result. */
    TallySummary tally(String cycleId);
}
