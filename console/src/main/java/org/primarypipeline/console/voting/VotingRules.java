package org.primarypipeline.console.voting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.primarypipeline.console.web.i18n.Language;
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
    static VotingRules of(CycleSettings settings, String districtId, Instant cutoff, Language language) {
        VotingRules rules = of(settings, language);
        if (cutoff == null) {
            return rules;
        }
        ZoneId zone;
        try {
            zone = RecipientTimeZones.ofState(districtId);
        } catch (RuntimeException unknownState) {
            zone = ZoneId.of("America/New_York");
        }
        String at = AssistedSteps.format(language)
                .format(cutoff.atZone(zone == null ? ZoneId.of("America/New_York") : zone));
        return new VotingRules(
                rules.policyName(), rules.policyRule(), rules.methodName(), rules.quorum(), rules.recountMargin(), at);
    }

    static VotingRules of(CycleSettings settings, Language language) {
        boolean liquid = settings.policy().equals("liquid");
        return new VotingRules(
                BallotWords.say(language, liquid ? "rules.policy-liquid" : "rules.policy-smartocracy"),
                // the one sentence every round message states too (messages bundles, key flow-rule)
                MessageTexts.flowRule(language.tag(), liquid),
                BallotWords.say(
                        language,
                        switch (settings.method()) {
                            case "plurality" -> "rules.method-plurality";
                            case "schulze" -> "rules.method-schulze";
                            default -> "rules.method-irv";
                        }),
                percent(settings.quorumShare()),
                percent(settings.recountMargin()),
                null);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
