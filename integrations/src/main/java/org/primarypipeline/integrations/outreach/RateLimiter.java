package org.primarypipeline.integrations.outreach;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Spaces sends of one channel and provider evenly, across all worker threads: each caller reserves the
 * next free slot and sleeps until it. Spacing rather than bursts keeps within providers' per-second
 * limits (Twilio queues and then refuses, SMTP relays throttle or greylist).
 */
public final class RateLimiter {

    private final String name;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextFree;

    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    public RateLimiter(String name, double perSecond) {
        this(name, perSecond, System::nanoTime, TimeUnit.NANOSECONDS::sleep);
    }

    public RateLimiter(String name, double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.name = name;
        this.intervalNanos = perSecond <= 0 ? 0 : Math.round(1_000_000_000d / perSecond);
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextFree = nanoTime.getAsLong();
    }

    public String name() {
        return name;
    }

    /** Blocks until this caller may send. */
    public void acquire() throws InterruptedException {
        long wait = reserve();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }

    /** Takes the next slot and returns how long to wait for it, in nanoseconds. */
    synchronized long reserve() {
        if (intervalNanos == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        // an idle limiter does not bank slots: a burst after quiet time is still spaced
        long slot = Math.max(now, nextFree);
        nextFree = slot + intervalNanos;
        return slot - now;
    }
}
