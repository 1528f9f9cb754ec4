package org.primarypipeline.supporters;

import java.time.Duration;

/** A request for a sign-in link refused for volume: which limit, and when a new request would be taken. */
public final class SignInLimited extends RuntimeException {

    private final Duration retryAfter;
    private final boolean fromNetwork;

    public SignInLimited(boolean fromNetwork, Duration retryAfter) {
        super(fromNetwork ? "too many sign-in requests from this network" : "too many sign-in links to this address");
        this.fromNetwork = fromNetwork;
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** True for the per-network limit, false for the per-address one. */
    public boolean fromNetwork() {
        return fromNetwork;
    }
}
