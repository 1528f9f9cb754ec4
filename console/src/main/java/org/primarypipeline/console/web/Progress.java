package org.primarypipeline.console.web;

import java.time.Duration;
import java.time.Instant;

/**
 * A long job as people want to see it: how many of how many, how many failed, and when it should be
 * done at the rate so far. The ETA is left empty until there is a rate to go by.
 */
public record Progress(String key, String label, long done, long failed, long total, String eta) {

    public static Progress of(
            String key,
            String label,
            long done,
            long failed,
            long total,
            Instant started,
            Instant lastDone,
            Instant now) {
        long remaining = Math.max(0, total - done - failed);
        String eta;
        if (remaining == 0) {
            eta = "finished";
        } else if (done == 0 || started == null || lastDone == null || !lastDone.isAfter(started)) {
            eta = "estimating (no rate yet)";
        } else {
            double perSecond = done / (Duration.between(started, lastDone).toMillis() / 1000.0);
            long seconds = (long) Math.ceil(remaining / perSecond);
            eta = "about " + Format.span(Duration.ofSeconds(seconds)) + " left";
        }
        return new Progress(key, label, done, failed, total, eta);
    }

    public long percent() {
        return total == 0 ? 100 : Math.round(100.0 * (done + failed) / total);
    }

    public boolean hasFailed() {
        return failed > 0;
    }

    public long processed() {
        return done + failed;
    }
}
