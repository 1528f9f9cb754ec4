package org.primarypipeline.core.vote;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One round of a count: the units behind each nominee still standing (by name), the units on exhausted
 * ballots so far (every ranked nominee gone), and who was eliminated at the end of the round.
 */
public record Round(Map<String, BigDecimal> tallies, BigDecimal exhausted, List<String> eliminated) {

    public Round {
        tallies = Collections.unmodifiableMap(new TreeMap<>(tallies));
        eliminated = List.copyOf(eliminated);
    }
}
