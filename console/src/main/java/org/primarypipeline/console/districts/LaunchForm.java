package org.primarypipeline.console.districts;

import java.math.BigDecimal;
import org.primarypipeline.console.cycles.LaunchOrder;

/** The launch form's fields as typed, so a refused form comes back filled in. */
public record LaunchForm(
        String vettingPeriod,
        String nominationPeriod,
        String votingPeriod,
        String policy,
        String method,
        String quorumPercent,
        String recountMarginPercent,
        String goalDollars) {

    static LaunchForm defaults() {
        return new LaunchForm("14d", "14d", "14d", "smartocracy", "irv", "20", "5", "50000");
    }

    LaunchOrder order(String district) {
        return new LaunchOrder(
                district,
                vettingPeriod,
                nominationPeriod,
                votingPeriod,
                policy,
                method,
                share("quorum", quorumPercent),
                share("recount margin", recountMarginPercent),
                cents(goalDollars));
    }

    private static BigDecimal share(String name, String percent) {
        if (percent == null || percent.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(percent.trim()).movePointLeft(2);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a percentage, e.g. 20");
        }
    }

    private static Long cents(String dollars) {
        if (dollars == null || dollars.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(dollars.trim().replace(",", "").replace("$", ""))
                    .movePointRight(2)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("fundraiser goal must be an amount in dollars, e.g. 50000");
        }
    }
}
