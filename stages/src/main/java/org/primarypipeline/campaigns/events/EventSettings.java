package org.primarypipeline.campaigns.events;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The events' settings: {@code pp.events.review-hours} (24: how long a proposal by someone not yet a
 * trusted host waits for staff or the district's organizer to object before it is published), {@code
 * pp.events.invite-miles} (15: members of neighbouring districts whose ZIP centroid lies this close to
 * the event are invited too), and when the reminders go ({@code pp.events.email-reminder-before}, 24 h;
 * {@code pp.events.sms-reminder-before}, 2 h).
 */
@Component
public class EventSettings {

    private final Duration review;
    private final double inviteMiles;
    private final Duration emailBefore;
    private final Duration smsBefore;

    public EventSettings(
            @Value("${pp.events.review-hours:24}") long reviewHours,
            @Value("${pp.events.invite-miles:15}") double inviteMiles,
            @Value("${pp.events.email-reminder-before:24h}") String emailBefore,
            @Value("${pp.events.sms-reminder-before:2h}") String smsBefore) {
        this.review = Duration.ofHours(reviewHours);
        this.inviteMiles = inviteMiles;
        this.emailBefore = duration(emailBefore);
        this.smsBefore = duration(smsBefore);
    }

    /**
     * {@code 90m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT2H}): read here, since the stages' own Spring
     * context (tests, batch jobs) has no Boot conversion service.
     */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            case 'd' -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }

    public Duration review() {
        return review;
    }

    public double inviteMiles() {
        return inviteMiles;
    }

    public Duration emailBefore() {
        return emailBefore;
    }

    public Duration smsBefore() {
        return smsBefore;
    }
}
