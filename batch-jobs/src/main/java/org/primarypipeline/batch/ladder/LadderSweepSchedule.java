package org.primarypipeline.batch.ladder;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The ladder sweep every hour ({@code pp.ladder.every}, default 1h; {@code pp.ladder.hourly=false} turns it
 * off), first one interval after the app is ready. Each run is keyed by its hour, so two app instances
 * sweeping the same hour share one job instance.
 */
@Component
@ConditionalOnProperty(name = "pp.ladder.hourly", havingValue = "true", matchIfMissing = true)
public class LadderSweepSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LadderSweepSchedule.class);

    private final LadderSweeps sweeps;
    private final Duration every;
    private final Clock clock;
    private ScheduledExecutorService timer;

    public LadderSweepSchedule(
            LadderSweeps sweeps, @Value("${pp.ladder.every:1h}") Duration every, ObjectProvider<Clock> clock) {
        this.sweeps = sweeps;
        this.every = every;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void ready() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ladder-sweep");
            t.setDaemon(true);
            return t;
        });
        // sweep() catches what it throws, so the schedule never stops on a failure
        var unused =
                timer.scheduleWithFixedDelay(this::sweep, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            long hour = clock.millis() / Duration.ofHours(1).toMillis();
            log.debug("ladder sweep for hour {}: {}", hour, sweeps.run(hour));
        } catch (RuntimeException e) {
            log.warn("ladder sweep failed; the next one runs it again: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        // the timer starts once the app is ready (see ready())
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
