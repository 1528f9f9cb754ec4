package org.primarypipeline.console.config;

import io.temporal.internal.testservice.TestServicesStarter;
import java.lang.reflect.Field;
import java.util.LinkedList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the in-process Temporal server's record of time-skipping lock events.
 *
 * <p>The test server's {@code SelfAdvancingTimerImpl} appends an event to a {@code LinkedList} every time
 * a request locks or unlocks time skipping, and removes only the events of handle-based locks, each by a
 * scan from the list's head. Every workflow task, activity and update adds events that are never removed
 * (temporal-test-server 1.38.0), so over a serving app's life the list grows without bound and every
 * mutation of every workflow scans all of it under the server's one timer lock: the 435-cycle benchmark
 * spent 14% of its processor time in that scan, and the app leaked memory for as long as it served. The
 * events are diagnostics only (the lock count is kept apart), so the most recent thousand are kept.
 */
final class TimerLockEvents {

    /** Enough recent events to read in a diagnostic, few enough to scan in microseconds. */
    static final int KEPT = 1_000;

    private static final Logger log = LoggerFactory.getLogger(TimerLockEvents.class);

    private TimerLockEvents() {}

    /**
     * Replaces the server's event list with a bounded one; returns whether it could. A server of another
     * version, laid out otherwise, is left as it is (and {@code EmbeddedTemporalServerTest} says whether it
     * still needs this).
     */
    static boolean bound(TestServicesStarter services) {
        try {
            Object timer = field(services.getClass(), "selfAdvancingTimer").get(services);
            field(timer.getClass(), "lockEvents").set(timer, new Recent());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn(
                    "the in-process Temporal server's timer is not laid out as in temporal-test-server 1.38.0; "
                            + "its lock events are kept unbounded",
                    e);
            return false;
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    /**
     * Only the last {@link #KEPT} events; an event already dropped counts as removed. A {@code LinkedList}
     * because the server's field is declared as one.
     */
    @SuppressWarnings("JdkObsolete")
    static final class Recent extends LinkedList<Object> {

        @Override
        public boolean add(Object event) {
            super.add(event);
            if (size() > KEPT) {
                removeFirst();
            }
            return true;
        }

        @Override
        public boolean remove(Object event) {
            // a handle's event is usually among the latest: look from the end
            removeLastOccurrence(event);
            return true;
        }
    }
}
