package org.primarypipeline.supporters;

import java.time.Duration;

/** A request to join refused for volume: the limit, in a sentence, and when a new request would be taken. */
public final class JoinLimited extends RuntimeException {

    private final Duration retryAfter;

    public JoinLimited(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
