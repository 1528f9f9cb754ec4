package org.primarypipeline.integrations.outreach;

import java.time.Clock;
import java.time.Instant;

/**
 * The time the senders go by: due rows, claim timeouts, quiet hours. The application's {@link Clock}
 * bean if it has exactly one, so tests can move time forward instead of waiting for it.
 */
public record OutreachClock(Clock clock) {

    public Instant now() {
        return clock.instant();
    }
}
