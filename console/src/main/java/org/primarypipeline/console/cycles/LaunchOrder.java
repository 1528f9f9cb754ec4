package org.primarypipeline.console.cycles;

import java.math.BigDecimal;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.Durations;

/**
 * What staff fill in to launch a cycle, as typed (the REST body and the launch form alike). It is read
 * only after the role check, so someone without the right learns nothing from validation messages.
 */
public record LaunchOrder(
        String district,
        String vettingPeriod,
        String nominationPeriod,
        String votingPeriod,
        String policy,
        String method,
        BigDecimal quorum,
        BigDecimal recountMargin,
        Long fundraiserGoalCents) {

    public CycleSettings settings() {
        if (district == null || district.isBlank()) {
            throw new IllegalArgumentException("district is required, e.g. TX-07");
        }
        CycleSettings d = CycleSettings.defaults();
        return new CycleSettings(
                Durations.window("vetting period", vettingPeriod, d.vettingPeriod()),
                Durations.window("nomination period", nominationPeriod, d.nominationPeriod()),
                Durations.window("voting period", votingPeriod, d.votingPeriod()),
                blankToNull(policy),
                blankToNull(method),
                quorum,
                recountMargin,
                fundraiserGoalCents == null ? d.fundraiserGoalCents() : fundraiserGoalCents);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
