package org.primarypipeline.console.voting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.primarypipeline.templates.MessageTexts;

/** How a cycle's vote works, in the words of the ballot page's "How this vote works". */
record VotingRules(
        String policyName,
        String policyRule,
        String methodName,
        String quorum,
        String recountMargin,
        String electorateCutoff) {

    /** The rules with who may vote: members who had joined by the round's cut-off, in the district's time. */
    static VotingRules of(CycleSettings settings, String districtId, Instant cutoff) {
        VotingRules rules = of(settings);
        if (cutoff == null) {
            return rules;
        }
        ZoneId zone;
        try {
            zone = RecipientTimeZones.ofState(districtId);
        } catch (RuntimeException unknownState) {
            zone = ZoneId.of("America/New_York");
        }
        String at = DateTimeFormatter.ofPattern("EEE, MMM d, yyyy, h:mm a z", Locale.US)
                .format(cutoff.atZone(zone == null ? ZoneId.of("America/New_York") : zone));
        return new VotingRules(
                rules.policyName(), rules.policyRule(), rules.methodName(), rules.quorum(), rules.recountMargin(), at);
    }

    static VotingRules of(CycleSettings settings) {
        boolean liquid = settings.policy().equals("liquid");
        return new VotingRules(
                liquid ? "liquid democracy" : "smartocracy",
                // the one sentence every round message states too (messages bundles, key flow-rule)
                MessageTexts.flowRule("en", liquid),
                switch (settings.method()) {
                    case "plurality" -> "plurality (first choices only)";
                    case "schulze" -> "the Schulze method (pairwise comparison)";
                    default ->
                        "instant runoff (the nominee with the fewest units is eliminated, round by round, "
                                + "until one has a majority)";
                },
                percent(settings.quorumShare()),
                percent(settings.recountMargin()),
                null);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
