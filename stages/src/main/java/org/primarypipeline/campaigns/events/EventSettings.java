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
            @Value("${pp.events.email-reminder-before:24h}") Duration emailBefore,
            @Value("${pp.events.sms-reminder-before:2h}") Duration smsBefore) {
        this.review = Duration.ofHours(reviewHours);
        this.inviteMiles = inviteMiles;
        this.emailBefore = emailBefore;
        this.smsBefore = smsBefore;
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
