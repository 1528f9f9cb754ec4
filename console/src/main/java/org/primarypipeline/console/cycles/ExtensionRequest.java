package org.primarypipeline.console.cycles;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.cycles.Durations;
import org.primarypipeline.nominations.RefusedField;

/**
 * The extend form's two fields checked together, so a bad length and an overlong reason are both said
 * on one submit, each beside its field ({@link RefusedField#fields()}: extension, reason).
 */
final class ExtensionRequest {

    /** The reason is written to the timeline and the audit log: a note, not a letter. */
    static final int LONGEST_REASON = 500;

    private ExtensionRequest() {}

    /** How long to extend by (null: one more full period of the stage); every problem at once. */
    static Duration check(String extension, String reason) {
        Map<String, String> problems = new LinkedHashMap<>();
        Duration by = null;
        try {
            by = Durations.window("extension", extension, null);
            if (by != null && (by.isZero() || by.isNegative())) {
                problems.put("extension", "an extension must last at least a minute");
            }
        } catch (IllegalArgumentException e) {
            problems.put("extension", e.getMessage());
        }
        int length = reason == null ? 0 : reason.strip().length();
        if (length > LONGEST_REASON) {
            problems.put(
                    "reason",
                    "a reason is at most " + LONGEST_REASON + " characters; this one has " + length + "; shorten it");
        }
        if (!problems.isEmpty()) {
            throw new RefusedField(problems);
        }
        return by;
    }
}
