package org.primarypipeline.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tells the bench's staff drivers when a cycle's timeline shows a stage entered or its electorate frozen,
 * from one query of the round's timeline every few milliseconds. Each driver used to poll its own cycle
 * every 40 ms: 64 drivers sent about 1,600 queries a second, so the driver's own reading was a share of
 * the processor time the figure charged to the cycles.
 */
final class TimelineWatcher implements AutoCloseable {

    static final long EVERY_MILLIS = 20;

    private final JdbcClient jdbc;
    private final String cyclesOfRound;
    private final Map<String, CompletableFuture<Void>> seen = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-timeline-watcher");
        t.setDaemon(true);
        return t;
    });

    /** Watches the cycles launched in the given round ({@code DISTRICT-round}). */
    TimelineWatcher(JdbcClient jdbc, int round) {
        this.jdbc = jdbc;
        this.cyclesOfRound = "%-" + round;
        var unused = ticks.scheduleWithFixedDelay(this::read, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Completes once the cycle's timeline shows the stage entered. */
    CompletableFuture<Void> stage(String cycleId, String stage) {
        return entry(cycleId + "/STAGE/" + stage);
    }

    /** Completes once the cycle's electorate is frozen: its voting round is open. */
    CompletableFuture<Void> frozen(String cycleId) {
        return entry(cycleId + "/ELECTORATE_FROZEN/VOTING_ROUND");
    }

    private CompletableFuture<Void> entry(String key) {
        return seen.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    private void read() {
        try {
            jdbc.sql("""
                    select cycle_id || '/' || kind || '/' || stage from cycle_event
                    where cycle_id like ? and kind in ('STAGE', 'ELECTORATE_FROZEN')
                    """)
                    .param(cyclesOfRound)
                    .query(String.class)
                    .list()
                    .forEach(key -> entry(key).complete(null));
        } catch (RuntimeException e) {
            // the next tick reads again; a driver waiting too long fails on its own timeout
        }
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}
