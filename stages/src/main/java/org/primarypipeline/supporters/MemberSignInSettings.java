package org.primarypipeline.supporters;

import java.time.Duration;
import org.primarypipeline.cycles.Durations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How members sign in without a password: how long a one-time link stays good, the limits on asking
 * for one (per network address per hour, per email or phone per hour), and how long a member's
 * session lasts (idle, and at most).
 */
@Component
public class MemberSignInSettings {

    private final Duration linkTtl;
    private final int perIpPerHour;
    private final int perAddressPerHour;
    private final Duration sessionIdle;
    private final Duration sessionMax;

    public MemberSignInSettings(
            @Value("${pp.members.sign-in-link-ttl:15m}") String linkTtl,
            @Value("${pp.members.sign-in-per-ip-per-hour:10}") int perIpPerHour,
            @Value("${pp.members.sign-in-per-address-per-hour:3}") int perAddressPerHour,
            @Value("${pp.members.session-idle:60m}") String sessionIdle,
            @Value("${pp.members.session-max:12h}") String sessionMax) {
        this.linkTtl = Durations.parse("pp.members.sign-in-link-ttl", linkTtl, Duration.ofMinutes(15));
        this.perIpPerHour = perIpPerHour;
        this.perAddressPerHour = perAddressPerHour;
        this.sessionIdle = Durations.parse("pp.members.session-idle", sessionIdle, Duration.ofHours(1));
        this.sessionMax = Durations.parse("pp.members.session-max", sessionMax, Duration.ofHours(12));
    }

    public Duration linkTtl() {
        return linkTtl;
    }

    public int perIpPerHour() {
        return perIpPerHour;
    }

    public int perAddressPerHour() {
        return perAddressPerHour;
    }

    public Duration sessionIdle() {
        return sessionIdle;
    }

    public Duration sessionMax() {
        return sessionMax;
    }
}
