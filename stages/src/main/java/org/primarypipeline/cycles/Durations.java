package org.primarypipeline.cycles;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * The one reader of durations that people type: cycle periods and extensions (console, REST, CLI), the
 * CLI's intervals and the links' lifetimes in the settings. {@code 14d}, {@code 36h}, {@code 90m},
 * {@code 45s} or ISO-8601 ({@code P14D}), as Spring Boot reads durations in its own settings.
 */
public final class Durations {

    private Durations() {}

    /** Blank means the fallback. */
    public static Duration parse(String text, Duration fallback) {
        return parse(null, text, fallback);
    }

    /** As {@link #parse(String, Duration)}; a refusal starts with {@code name}, the field or setting read. */
    public static Duration parse(String name, String text, Duration fallback) {
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
}
