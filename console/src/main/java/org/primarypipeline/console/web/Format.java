package org.primarypipeline.console.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.primarypipeline.core.time.ReadableTimes;

/** How the console writes times (through {@link ReadableTimes}), durations and shares for people (one zone, US English). */
public final class Format {

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM, h:mm:ss a", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);

    private final ZoneId zone;

    public Format(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public String when(Instant at) {
        return ReadableTimes.when(at, zone);
    }

    /** A text written with machine times in it (a timeline detail, a workflow's answer), its times in words. */
    public String text(String written) {
        return ReadableTimes.inText(written, zone);
    }

    /** For long lists (timeline, audit log) whose page already says the zone. */
    public String shortWhen(Instant at) {
        return at == null ? "" : SHORT.format(at.atZone(zone));
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(zone));
    }

    /** As {@link #day(Instant)}, in the reader's language ("lun 7 dic" on a Spanish page). */
    public String day(Instant at, Locale locale) {
        return at == null ? "" : DAY.withLocale(locale).format(at.atZone(zone));
    }

    /** "2 d 3 h left", "45 min left", "overdue by 5 min". */
    public static String timeLeft(Instant deadline, Instant now) {
        if (deadline == null) {
            return "";
        }
        Duration left = Duration.between(now, deadline);
        return left.isNegative() ? "overdue by " + span(left.negated()) : span(left) + " left";
    }

    public static String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = (minutes / 60) % 24;
        long mins = minutes % 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + mins + " min";
        }
        if (minutes > 0) {
            return mins + " min";
        }
        return Math.max(0, d.toSeconds()) + " s";
    }

    public static String percent(double share) {
        return String.format(Locale.US, "%.1f%%", share * 100);
    }
}
