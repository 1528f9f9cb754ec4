package org.primarypipeline.core.supporter;

import java.util.Locale;

/** What a row says about messaging on one channel; most lists leave it blank. */
public enum ConsentFlag {
    YES,
    NO,
    UNKNOWN;

    public static ConsentFlag parse(String raw, String column) {
        if (raw == null || raw.isBlank()) {
            return UNKNOWN;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "t", "1", "opt-in", "opted-in", "opt_in", "subscribed" -> YES;
            case "no", "n", "false", "f", "0", "opt-out", "opted-out", "opt_out", "unsubscribed" -> NO;
            default -> throw new InvalidField(column + " is not yes or no: '" + raw.strip() + "'");
        };
    }
}
