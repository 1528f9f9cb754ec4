package org.primarypipeline.nominations;

import java.time.Duration;
import org.primarypipeline.cycles.Durations;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** How long links last, how often nominees are reminded, how quickly staff decide, and the spam limits. */
@Component
public class NominationSettings {

    private final PublicLinks links;
    private final Duration confirmTtl;
    private final Duration acceptTtl;
    private final Duration reviewPeriod;
    private final Duration reminderInterval;
    private final int maxReminders;
    private final int perIpPerHour;
    private final int perAddressPerDay;

    public NominationSettings(
            PublicLinks links,
            @Value("${pp.nomination.confirm-ttl:2d}") String confirmTtl,
            @Value("${pp.nomination.accept-ttl:14d}") String acceptTtl,
            @Value("${pp.vetting.review-period:3d}") String reviewPeriod,
            @Value("${pp.nomination.reminder-interval:3d}") String reminderInterval,
            @Value("${pp.nomination.max-reminders:2}") int maxReminders,
            @Value("${pp.nomination.per-ip-per-hour:5}") int perIpPerHour,
            @Value("${pp.nomination.per-address-per-day:3}") int perAddressPerDay) {
        this.links = links;
        this.confirmTtl = Durations.parse("pp.nomination.confirm-ttl", confirmTtl, Duration.ofDays(2));
        this.acceptTtl = Durations.parse("pp.nomination.accept-ttl", acceptTtl, Duration.ofDays(14));
        this.reviewPeriod = Durations.parse("pp.vetting.review-period", reviewPeriod, Duration.ofDays(3));
        this.reminderInterval =
                Durations.parse("pp.nomination.reminder-interval", reminderInterval, Duration.ofDays(3));
        this.maxReminders = maxReminders;
        this.perIpPerHour = perIpPerHour;
        this.perAddressPerDay = perAddressPerDay;
    }

    public String url(String path) {
        return links.url(path);
    }

    public Duration confirmTtl() {
        return confirmTtl;
    }

    public Duration acceptTtl() {
        return acceptTtl;
    }

    public Duration reviewPeriod() {
        return reviewPeriod;
    }

    public Duration reminderInterval() {
        return reminderInterval;
    }

    public int maxReminders() {
        return maxReminders;
    }

    public int perIpPerHour() {
        return perIpPerHour;
    }

    public int perAddressPerDay() {
        return perAddressPerDay;
    }
}
