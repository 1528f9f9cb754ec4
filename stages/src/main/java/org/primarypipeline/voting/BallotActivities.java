package org.primarypipeline.voting;

import io.temporal.activity.ActivityInterface;

/**
 * Effects of the voting round. Each works on the whole group in PostgreSQL in one call, so a cycle's
 * workflow history stays the same size whatever the group's size.
 */
@ActivityInterface
public interface BallotActivities {

    /** Freezes the electorate, publishes the tie-break seed and queues every member's ballot link. */
    VotingOpened openVoting(String cycleId);

    /** Counts the ballots with the cycle's policy and method and stores the result. */
    TallySummary tally(String cycleId);
}
