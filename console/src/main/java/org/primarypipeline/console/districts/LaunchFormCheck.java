package org.primarypipeline.console.districts;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.Durations;

/**
 * Every problem of a launch form at once, each a sentence about the field as its label names it, so
 * four bad fields take one submit. The launch command checks again; this is what staff read.
 */
final class LaunchFormCheck {

    /** Per field, what is wrong with it (null when it is fine). */
    record Problems(
            String vettingPeriod,
            String nominationPeriod,
            String votingPeriod,
            String policy,
            String method,
            String quorumPercent,
            String recountMarginPercent,
            String goalDollars) {

        static final Problems NONE = new Problems(null, null, null, null, null, null, null, null);

        List<String> all() {
            List<String> out = new ArrayList<>();
            for (String p : new String[] {
                vettingPeriod,
                nominationPeriod,
                votingPeriod,
                policy,
                method,
                quorumPercent,
                recountMarginPercent,
                goalDollars
            }) {
                if (p != null) {
                    out.add(p);
                }
            }
            return out;
        }

        /** A refusal of the launch command, put beside the field it names (see {@link LaunchPages#fieldOf}). */
        static Problems about(String field, String sentence) {
            return new Problems(
                    field.equals("vettingPeriod") ? sentence : null,
                    field.equals("nominationPeriod") ? sentence : null,
                    field.equals("votingPeriod") ? sentence : null,
                    field.equals("policy") ? sentence : null,
                    field.equals("method") ? sentence : null,
                    field.equals("quorumPercent") ? sentence : null,
                    field.equals("recountMarginPercent") ? sentence : null,
                    field.equals("goalDollars") ? sentence : null);
        }
    }

    private LaunchFormCheck() {}

    static Problems check(LaunchForm f) {
        return new Problems(
                window("Pledge vetting", f.vettingPeriod()),
                window("Nomination window", f.nominationPeriod()),
                window("Voting round", f.votingPeriod()),
                oneOf("Flow policy", f.policy(), "smartocracy", "liquid"),
                oneOf("Tally method", f.method(), "irv", "plurality", "schulze"),
                percent("Quorum", f.quorumPercent(), "20"),
                percent("The recount margin", f.recountMarginPercent(), "5"),
                dollars(f.goalDollars()));
    }

    private static String window(String label, String typed) {
        try {
            Duration d = Durations.window(label, typed, Duration.ofDays(14));
            if (d.isZero() || d.isNegative()) {
                return label + ": a window must last at least a minute.";
            }
            if (d.compareTo(CycleSettings.LONGEST_WINDOW) > 0) {
                return label + ": a window lasts at most 180 days; “" + typed.trim() + "” is " + d.toDays() + " days.";
            }
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String oneOf(String label, String typed, String... allowed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(typed.trim())) {
                return null;
            }
        }
        return label + ": choose one of the listed options.";
    }

    private static String percent(String label, String typed, String example) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        BigDecimal p;
        try {
            p = new BigDecimal(typed.trim().replace("%", "").trim());
        } catch (NumberFormatException e) {
            return label + ": “" + typed.trim() + "” is not a number; give a percentage such as " + example + ".";
        }
        if (p.signum() < 0 || p.compareTo(BigDecimal.valueOf(100)) > 0) {
            return label + ": " + p.toPlainString()
                    + "% is not a share of all units; give a percentage from 0 to 100, such as " + example + ".";
        }
        return null;
    }

    private static String dollars(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(typed.trim().replace(",", "").replace("$", ""));
            if (d.signum() < 0) {
                return "Fundraiser goal: a goal cannot be negative.";
            }
            d.movePointRight(2).longValueExact();
            return null;
        } catch (NumberFormatException | ArithmeticException e) {
            return "Fundraiser goal: “" + typed.trim() + "” is not an amount in dollars; write e.g. 50000 or $50,000.";
        }
    }
}
