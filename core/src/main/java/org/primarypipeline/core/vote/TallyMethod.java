package org.primarypipeline.core.vote;

import java.util.Locale;

/** How the weighted ballots choose a nominee. */
public enum TallyMethod {
    /** Weighted instant runoff: the default, because it needs nothing but rankings and explains itself round by round. */
    IRV,
    /** First choices only. */
    PLURALITY,
    /** Weighted pairwise comparison, strength by winning votes. */
    SCHULZE;

    /** Accepts {@code irv}, {@code plurality} or {@code schulze} in any case. */
    public static TallyMethod parse(String s) {
        if (s != null) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "irv":
                    return IRV;
                case "plurality":
                    return PLURALITY;
                case "schulze":
                    return SCHULZE;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unknown tally method '" + s + "': expected irv, plurality or schulze");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
