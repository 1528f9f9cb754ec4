package org.primarypipeline.integrations.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Local hours during which no SMS goes out (default 21:00 to 08:00, the TCPA's calling hours), counted
 * in the recipient's zone. A recipient of unknown zone gets only the hours that are outside the window
 * in every continental US zone, 11:00 to 21:00 Eastern by default.
 */
public final class QuietHours {

    static final List<ZoneId> CONTINENTAL = List.of(
            ZoneId.of("America/New_York"),
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"),
            ZoneId.of("America/Los_Angeles"));

    private final LocalTime start;
    private final LocalTime end;

    public QuietHours(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    public boolean isQuiet(Instant now, ZoneId zone) {
        if (zone == null) {
            return CONTINENTAL.stream().anyMatch(z -> isQuiet(now, z));
        }
        if (start.equals(end)) {
            return false;
        }
        LocalTime local = now.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** The first instant at or after {@code now} that is outside the quiet window for this recipient. */
    public Instant nextAllowed(Instant now, ZoneId zone) {
        if (zone == null) {
            Instant t = now;
            // each step moves to the end of one zone's window; four zones settle in a few rounds
            for (int round = 0; round < 8; round++) {
                boolean moved = false;
                for (ZoneId z : CONTINENTAL) {
                    if (isQuiet(t, z)) {
                        t = nextAllowed(t, z);
                        moved = true;
                    }
                }
                if (!moved) {
                    return t;
                }
            }
            return t;
        }
        if (!isQuiet(now, zone)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        // in a window that wraps midnight, the evening part ends tomorrow morning
        if (start.isAfter(end) && !local.toLocalTime().isBefore(start)) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, end, zone).toInstant();
    }
}
