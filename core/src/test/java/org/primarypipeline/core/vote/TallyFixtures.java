package org.primarypipeline.core.vote;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The hand-worked ballots that more than one tally test counts, and the units they are measured in. */
final class TallyFixtures {

    private TallyFixtures() {}

    /** 5 X, 4 Y, 2 Z>Y, 1 Z, 2 W: plurality picks X, IRV picks Y once Z's second choices arrive. */
    static Votes spoiler() {
        return Votes.of()
                .voters("x", 5, "X")
                .voters("y", 4, "Y")
                .voters("zy", 2, "Z>Y")
                .voters("z", 1, "Z")
                .voters("w", 2, "W");
    }

    /** Centre squeeze: C is everyone's second choice and beats X 50-40 and Y 60-30, but has the fewest firsts. */
    static Votes centreSqueeze() {
        return Votes.of().voters("x", 4, "X>C").voters("y", 3, "Y>C").voters("c", 2, "C>X");
    }

    static BigDecimal units(String amount) {
        return new BigDecimal(amount).setScale(Units.SCALE);
    }

    static Round round(Map<String, String> tallies, String exhausted, String... eliminated) {
        Map<String, BigDecimal> units = new TreeMap<>();
        tallies.forEach((nominee, amount) -> units.put(nominee, units(amount)));
        return new Round(units, units(exhausted), List.of(eliminated));
    }
}
