package org.primarypipeline.console.cli;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/** Periods typed by staff: {@code 14d}, {@code 36h}, {@code 90m}, {@code 45s} or ISO-8601 ({@code P14D}). */
final class Durations {

    private Durations() {
    }

    static Duration parse(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (write e.g. 14d, 36h, 90m or P14D)");
        }
    }
}
