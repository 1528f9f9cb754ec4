package org.primarypipeline.integrations.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final Instant now = Instant.parse("2026-03-04T12:00:00Z");
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(5), 6);

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        assertThat(policy.nextAttempt(1, now)).contains(now.plusSeconds(30));
        assertThat(policy.nextAttempt(2, now)).contains(now.plusSeconds(60));
        assertThat(policy.nextAttempt(3, now)).contains(now.plusSeconds(120));
        assertThat(policy.nextAttempt(4, now)).contains(now.plusSeconds(240));
        assertThat(policy.nextAttempt(5, now)).contains(now.plusSeconds(300));
    }

    @Test
    void noFurtherAttemptOnceTheyAreUsedUp() {
        assertThat(policy.nextAttempt(6, now)).isEmpty();
        assertThat(policy.nextAttempt(60, now)).isEmpty();
    }

    @Test
    void aHugeAttemptCountDoesNotOverflowTheBackoff() {
        RetryPolicy patient = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 1000);
        assertThat(patient.nextAttempt(500, now)).contains(now.plus(Duration.ofHours(1)));
    }
}
