package org.primarypipeline.integrations.outreach.sms;

import java.util.Locale;
import java.util.Set;

/**
 * The keywords an SMS reply can be, as Twilio and US carriers read them: the whole message, any case,
 * surrounding spaces ignored. "Stop texting me about this" is not STOP to the carrier, so it is not to
 * us either (staff read such replies); OPTOUT and REVOKE follow the FCC's 2025 revocation rule.
 */
public enum InboundKeyword {
    OPT_OUT,
    OPT_IN,
    HELP;

    private static final Set<String> OPT_OUT_WORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "REVOKE");
    private static final Set<String> OPT_IN_WORDS = Set.of("START", "UNSTOP", "YES");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    /** The keyword this message is, or null for an ordinary reply. */
    public static InboundKeyword of(String body) {
        String word = body == null ? "" : body.strip().toUpperCase(Locale.ROOT);
        if (OPT_OUT_WORDS.contains(word)) {
            return OPT_OUT;
        }
        if (OPT_IN_WORDS.contains(word)) {
            return OPT_IN;
        }
        return HELP_WORDS.contains(word) ? HELP : null;
    }

    /** Twilio's OptOutType parameter (STOP, START, HELP), sent when Twilio acted on the keyword itself. */
    public static InboundKeyword ofOptOutType(String optOutType) {
        if (optOutType == null || optOutType.isBlank()) {
            return null;
        }
        return switch (optOutType.strip().toUpperCase(Locale.ROOT)) {
            case "STOP" -> OPT_OUT;
            case "START" -> OPT_IN;
            case "HELP" -> HELP;
            default -> null;
        };
    }
}
