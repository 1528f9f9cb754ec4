package org.primarypipeline.integrations.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Runs on a hand-moved clock: the waits are computed, not slept. */
class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Long> slept = new ArrayList<>();

    private RateLimiter limiter(double perSecond) {
        return new RateLimiter("email/smtp", perSecond, now::get, nanos -> {
            slept.add(nanos);
            now.addAndGet(nanos);
        });
    }

    @Test
    void sendsAreSpacedEvenlyAtTheConfiguredRate() throws InterruptedException {
        RateLimiter fourPerSecond = limiter(4);
        for (int i = 0; i < 5; i++) {
            fourPerSecond.acquire();
        }
        assertThat(slept).containsExactly(250_000_000L, 250_000_000L, 250_000_000L, 250_000_000L);
    }

    @Test
    void callersArrivingTogetherQueueBehindEachOther() {
        RateLimiter tenPerSecond = limiter(10);
        assertThat(tenPerSecond.reserve()).isZero();
        assertThat(tenPerSecond.reserve()).isEqualTo(100_000_000L);
        assertThat(tenPerSecond.reserve()).isEqualTo(200_000_000L);
    }

    @Test
    void idleTimeIsNotBankedForABurst() {
        RateLimiter twoPerSecond = limiter(2);
        twoPerSecond.reserve();
        now.addAndGet(60_000_000_000L);
        assertThat(twoPerSecond.reserve()).isZero();
        assertThat(twoPerSecond.reserve()).isEqualTo(500_000_000L);
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter unlimited = limiter(0);
        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.reserve()).isZero();
        }
    }
}
