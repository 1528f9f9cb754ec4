package org.primarypipeline.core.vote;

import java.math.BigDecimal;

/**
 * The comparison that decided a count and how close it was: for IRV the last two continuing nominees
 * before the final elimination (or the winner and the second in the round a majority was reached), for
 * Schulze the weakest link of the winner's path to its closest rival, for plurality first against
 * second. {@code margin} is in units (zero when the two tied). {@code rival} is
 * null when the winner stood alone. {@code decidedByLot}: a draw between nominees carrying units
 * settled the outcome, so a person must look at the count whatever the margin says.
 */
public record DecisiveComparison(String winner, String rival, int round, BigDecimal margin, boolean decidedByLot) {

    static final DecisiveComparison NONE = new DecisiveComparison(null, null, 0, BigDecimal.ZERO, false);

    static DecisiveComparison of(String winner, String rival, int round, Units lead, Units behind, boolean lot) {
        BigDecimal margin = lead.toBigDecimal().subtract(behind.toBigDecimal());
        return new DecisiveComparison(winner, rival, round, margin.signum() < 0 ? BigDecimal.ZERO : margin, lot);
    }
}
