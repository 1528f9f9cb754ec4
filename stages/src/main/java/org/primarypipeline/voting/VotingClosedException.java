package org.primarypipeline.voting;

import java.time.Instant;

/**
 * A ballot refused because its round is over: sealed (closed early or at the deadline) or past its
 * deadline. Decided under the chain's lock, so no ballot slips in beside the seal.
 */
public class VotingClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient Instant closedAt;

    public VotingClosedException(String cycleId, Instant closedAt) {
        super("voting in cycle " + cycleId + " closed at " + closedAt);
        this.closedAt = closedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
