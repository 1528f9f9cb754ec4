package org.primarypipeline.core.vote;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a tally method decided: its rounds, the winner (null when no ballot carries any units), the ties
 * it had to break, the comparison that decided it, and for pairwise methods the matrix
 * {@code pairwise[a][b]} = units preferring a to b.
 */
record Tabulation(
        List<Round> rounds,
        String winner,
        List<TieBreak.Note> tieBreaks,
        Map<String, Map<String, BigDecimal>> pairwise,
        DecisiveComparison decisive) {}
