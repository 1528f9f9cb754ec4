package org.primarypipeline.core.priority;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The chance a progressive gets through the first stage: the Democratic primary, or for an
 * independent, the ballot. A logistic curve on a sum of terms, each zero for a district at the
 * reference (see {@link Reference}); docs/prioritization.md gives the formula.
 */
final class PrimaryOdds {

    private PrimaryOdds() {}

    static Odds of(Path path, DistrictFacts facts, DistrictLean lean, SupporterStrength strength, PriorityWeights w) {
        Map<String, Double> terms = new LinkedHashMap<>();
        terms.put("primary.base", Odds.logit(w.primaryBase(path)));
        if (path.throughDemocraticPrimary()) {
            // Deep-blue primary electorates are where progressive challengers have won.
            terms.put("primary.lean", w.lean() * (lean.demShare() - 0.5) * 10);
            Demographics d = facts.demographics();
            if (d != null) {
                double tenfolds =
                        Math.log10(Math.max(d.peoplePerSquareMile(), 1e-3) / Reference.PEOPLE_PER_SQUARE_MILE);
                terms.put("primary.density", w.density() * Math.max(-2, Math.min(2, tenfolds)));
                terms.put(
                        "primary.diversity",
                        w.diversity() * (d.peopleOfColourShare() - Reference.PEOPLE_OF_COLOUR_SHARE) * 10);
                terms.put("primary.education", w.education() * (d.degreeShare() - Reference.DEGREE_SHARE) * 10);
            }
        }
        if ((path == Path.PRIMARY_CHALLENGE || path == Path.ALLY) && facts.member() != null) {
            // Long-serving members are the ones "time for a new generation" campaigns have beaten.
            terms.put("primary.tenure", w.tenure() * Math.min(facts.member().yearsInHouse(), 40) / 10);
            CaucusStanding standing = facts.member().standing();
            if (standing != null) {
                // Crowley, Capuano, Engel, Clay and Lipinski all voted to the right of what their seats elect.
                terms.put("primary.record", w.record() * standing.rightOfSeat() * 10);
            }
        }
        double perThousand = 1000.0 / population(facts);
        terms.put("primary.supporters", w.supporters() * Math.log1p(strength.supporters() * perThousand));
        terms.put("primary.groups", w.groups() * Math.log1p(strength.groupMembers() * perThousand));
        double logit = terms.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Odds(Odds.logistic(logit), terms);
    }

    private static long population(DistrictFacts facts) {
        Demographics d = facts.demographics();
        return d == null || d.population() <= 0 ? Reference.POPULATION : d.population();
    }
}
