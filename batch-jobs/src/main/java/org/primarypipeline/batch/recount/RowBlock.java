package org.primarypipeline.batch.recount;

import org.primarypipeline.voting.VoteRowSet;

/**
 * A run of COPY rows of one row set. Items are blocks rather than single rows because a million-member
 * recount reads over four million rows, and Spring Batch's bookkeeping per item would then cost more
 * than reading them.
 */
record RowBlock(VoteRowSet set, byte[][] lines, int count) {}
