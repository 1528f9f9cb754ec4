package org.primarypipeline.integrations.outreach.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicReference;

/** Time the tests move by hand: backoffs, claim timeouts and quiet hours pass without waiting for them. */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;

    public MutableClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /** Starts a little ahead of the database's clock, so rows enqueued with now() are due at once. */
    public static MutableClock aheadOfRealTime() {
        // PostgreSQL keeps microseconds; a clock finer than that could never equal what it wrote
        return new MutableClock(Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    /** Moves forward to the next time the wall clock in {@code zone} shows {@code local}. */
    public Instant advanceToNext(LocalTime local, ZoneId zone) {
        ZonedDateTime current = instant().atZone(zone);
        ZonedDateTime target = current.with(local);
        if (!target.isAfter(current)) {
            target = target.plusDays(1);
        }
        now.set(target.toInstant());
        return target.toInstant();
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the outreach senders work in UTC instants");
    }
}
