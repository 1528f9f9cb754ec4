package org.primarypipeline.console.cycles;

import java.math.BigDecimal;
import java.time.Duration;
import org.primarypipeline.core.cycle.CycleSettings;
import org.springframework.boot.convert.DurationStyle;

/**
 * What staff fill in to launch a cycle, as typed (the REST body and the launch form alike). It is read
 * only after the role check, so someone without the right learns nothing from validation messages.
 */
public record LaunchOrder(String district, String vettingPeriod, String nominationPeriod, String votingPeriod,
                          String policy, String method, BigDecimal quorum, BigDecimal recountMargin,
                          Long fundraiserGoalCents) {

    public CycleSettings settings() {
        if (district == null || district.isBlank()) {
            throw new IllegalArgumentException("district is required, e.g. TX-07");
        }
        CycleSettings d = CycleSettings.defaults();
        return new CycleSettings(period("vetting period", vettingPeriod, d.vettingPeriod()),
                period("nomination period", nominationPeriod, d.nominationPeriod()),
                period("voting period", votingPeriod, d.votingPeriod()),
                blankToNull(policy), blankToNull(method), quorum, recountMargin,
                fundraiserGoalCents == null ? d.fundraiserGoalCents() : fundraiserGoalCents);
    }

    /** Reads 14d, 36h, 90m or ISO-8601 (P14D); blank means the fallback. */
    public static Duration period(String name, String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException((name == null ? "" : name + ": ") + "not a duration: '" + text
                    + "' (write e.g. 14d, 36h, 90m or P14D)");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
