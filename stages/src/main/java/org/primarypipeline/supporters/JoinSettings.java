package org.primarypipeline.supporters;

import java.time.Duration;
import org.primarypipeline.cycles.Durations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a link to confirm joining stays good, and the limits on requests to join, counted in
 * PostgreSQL as the nomination pages count theirs (no outside service): per network address per hour,
 * and per email or phone per day.
 */
@Component
public class JoinSettings {

    private final Duration confirmTtl;
    private final int perIpPerHour;
    private final int perAddressPerDay;

    public JoinSettings(
            @Value("${pp.join.confirm-ttl:7d}") String confirmTtl,
            @Value("${pp.join.per-ip-per-hour:10}") int perIpPerHour,
            @Value("${pp.join.per-address-per-day:3}") int perAddressPerDay) {
        this.confirmTtl = Durations.parse("pp.join.confirm-ttl", confirmTtl, Duration.ofDays(7));
        this.perIpPerHour = perIpPerHour;
        this.perAddressPerDay = perAddressPerDay;
    }

    public Duration confirmTtl() {
        return confirmTtl;
    }

    public int perIpPerHour() {
        return perIpPerHour;
    }

    public int perAddressPerDay() {
        return perAddressPerDay;
    }
}
