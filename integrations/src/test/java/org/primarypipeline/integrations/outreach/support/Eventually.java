package org.primarypipeline.integrations.outreach.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for the routes to reach a state; a generous limit only bounds a broken run, it asserts no speed. */
public final class Eventually {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private Eventually() {}

    public static void until(String what, BooleanSupplier condition) {
        until(what, condition, () -> "");
    }

    public static void until(String what, BooleanSupplier condition, Supplier<String> stateOnFailure) {
        until(what, LIMIT, condition, stateOnFailure);
    }

    /** For waits that include starting a JVM, which on two busy cores can take most of a minute. */
    public static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> stateOnFailure) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " " + stateOnFailure.get());
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
