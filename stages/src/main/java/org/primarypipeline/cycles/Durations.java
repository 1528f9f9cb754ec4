package org.primarypipeline.cycles;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern WINDOW =
            Pattern.compile("([0-9]+)\\s*(min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|m|mo|months?)?");

    /**
     * A cycle's window or extension as staff type it: the unit must be plain, so {@code 1m} (a minute or
     * a month?) and a bare {@code 14} are refused with a sentence saying what to write; {@code 30 min},
     * {@code 36h}, {@code 2 days}, {@code 3 weeks} and ISO-8601 ({@code P14D}, {@code PT30M}) are read.
     * Blank means the fallback.
     */
    public static Duration window(String name, String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String typed = text.trim();
        String label = name == null ? "This window" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
        if (typed.toUpperCase(Locale.ROOT).startsWith("P")) {
            try {
                return Duration.parse(typed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        label + ": “" + typed + "” is not an ISO-8601 duration such as P14D or PT30M.");
            }
        }
        Matcher m = WINDOW.matcher(typed.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    label + ": “" + typed + "” is not a duration; write e.g. 14 days, 36 h or 30 min.");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2);
        if (unit == null) {
            throw new IllegalArgumentException(
                    label + ": “" + typed + "” has no unit; write " + n + " days, " + n + " h or " + n + " min.");
        }
        if (unit.equals("m") || unit.startsWith("mo")) {
            throw new IllegalArgumentException(label + ": “" + typed + "” could mean minutes or months; write " + n
                    + " min, or " + (30 * n) + " days for " + n + (n == 1 ? " month." : " months."));
        }
        return switch (unit.charAt(0)) {
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            case 'w' -> Duration.ofDays(7 * n);
            default -> Duration.ofMinutes(n);
        };
    }
}
