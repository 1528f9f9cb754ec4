package org.primarypipeline.core.priority;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chance the progressive nominee (or the independent) wins the general election: a logistic
 * curve on the expected Democratic margin in points, built from the district's lean and adjusted
 * for the House result, incumbency, the national environment and the kind of candidate.
 */
final class GeneralOdds {

    private GeneralOdds() {}

    static Odds of(Path path, DistrictFacts facts, DistrictLean lean, PriorityWeights w) {
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("general.lean", lean.marginPoints());
        HouseResult house = facts.lastHouse();
        if (lean.presidential()
                && house != null
                && house.onSameLines()
                && house.demTwoPartyShare().isPresent()) {
            // House candidates run ahead of or behind the top of the ticket; part of that persists.
            double houseMargin = (2 * house.demTwoPartyShare().getAsDouble() - 1) * 100;
            terms.put("general.house", w.house() * (houseMargin - lean.marginPoints()));
        }
        if (path != Path.PRIMARY_CHALLENGE
                && path != Path.OPEN_DEMOCRATIC_SEAT
                && !facts.isOpenSeat()
                && facts.member() != null
                && facts.member().party() == Party.REPUBLICAN) {
            terms.put("general.incumbency", -w.incumbency());
        }
        terms.put("general.environment", w.environment());
        if (path == Path.INDEPENDENT) {
            double partisan = terms.getOrDefault("general.lean", 0.0) + terms.getOrDefault("general.house", 0.0);
            double ceiling = (2 * w.independentCeiling() - 1) * 100;
            // Above the ceiling Democrats field their own nominee and an independent splits the vote.
            terms.put("general.ceiling", Math.min(0, ceiling - partisan));
            terms.put("general.nominee", w.independentAppeal());
        } else {
            terms.put("general.nominee", -w.progressivePenalty());
        }
        double margin = terms.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Odds(Odds.logistic(margin / w.marginScale()), terms);
    }
}
