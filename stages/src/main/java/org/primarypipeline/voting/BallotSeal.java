package org.primarypipeline.voting;

import java.time.Instant;

/**
 * The sealed receipt chain of a closed round: the count, the recount and the receipt check read entries
 * 1 to {@code chainLength}, whose last receipt is {@code headHash}; nothing is appended after it.
 */
public record BallotSeal(
        String cycleId, int sealNo, long chainLength, String headHash, Instant sealedAt, String reason, String actor) {}
