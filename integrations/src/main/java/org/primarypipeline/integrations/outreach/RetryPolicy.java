package org.primarypipeline.integrations.outreach;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Exponential backoff for transient failures, capped, with a limit on attempts. */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {

    public static RetryPolicy of(OutreachProperties.Retry retry) {
        return new RetryPolicy(retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getMaxAttempts());
    }

    /** When to try again after attempt number {@code attempts} failed; empty once attempts are used up. */
    public Optional<Instant> nextAttempt(int attempts, Instant now) {
        if (attempts >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration backoff = initialBackoff.multipliedBy(1L << doublings);
        return Optional.of(now.plus(backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff));
    }
}
