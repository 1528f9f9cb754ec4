package org.primarypipeline.core.priority;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.primarypipeline.core.money.Money;

/**
 * What one competitive campaign in the district is expected to cost, in whole dollars: a share of
 * what all House candidates there spent in past cycles, or of what they have already raised this
 * cycle when that is more.
 *
 * @param basis how the figure was reached, for staff
 */
record ExpectedCost(long dollars, String basis, List<String> gaps) {

    static ExpectedCost of(DistrictFacts facts, PriorityWeights w) {
        List<String> gaps = new ArrayList<>();
        OptionalDouble past = facts.raceMoney().stream()
                .filter(m -> m.complete() && m.cycle() < facts.electionYear())
                .mapToLong(RaceMoney::disbursementsDollars)
                .average();
        OptionalDouble running = facts.raceMoney().stream()
                .filter(m -> !m.complete() || m.cycle() >= facts.electionYear())
                .mapToDouble(RaceMoney::receiptsDollars)
                .max();
        double race;
        String basis;
        if (past.isEmpty() && running.isEmpty()) {
            race = w.fallbackRaceDollars();
            basis = "no FEC figures; a median district's race assumed";
            gaps.add(Gaps.NO_FEC + ": median race spending of 2022-2024 assumed");
        } else if (running.isPresent() && running.getAsDouble() > past.orElse(0)) {
            race = running.getAsDouble();
            basis = String.format(Locale.ROOT, "raised so far this cycle %s", Money.approximate(race));
        } else {
            race = past.getAsDouble();
            basis = String.format(Locale.ROOT, "past races spent %s a cycle", Money.approximate(race));
        }
        long expected = Math.round(Math.max(w.minCostDollars(), w.costShare() * race));
        return new ExpectedCost(expected, basis, gaps);
    }
}
