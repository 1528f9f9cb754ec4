package org.primarypipeline.console.startup;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether the start-up data (the district plan and House members) is loaded. Until it is, readiness
 * says OUT_OF_SERVICE (health component {@code startupData}) and requests wait for it ({@link StartupGate}),
 * so that a join in the first seconds is not refused for want of a district.
 */
@Component("startupData")
public class StartupData implements HealthIndicator {

    private final CountDownLatch loaded = new CountDownLatch(1);

    public void markLoaded() {
        loaded.countDown();
    }

    public boolean isLoaded() {
        return loaded.getCount() == 0;
    }

    /** Waits at most {@code patience}; true once loaded. */
    public boolean await(Duration patience) throws InterruptedException {
        return loaded.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        return isLoaded()
                ? Health.up().build()
                : Health.outOfService()
                        .withDetail("loading", "the district plan and House members")
                        .build();
    }
}
