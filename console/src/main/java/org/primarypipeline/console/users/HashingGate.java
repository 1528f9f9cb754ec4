package org.primarypipeline.console.users;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds how many Argon2id password checks run at once (each holds 16 MiB and a core for about 50 ms):
 * a burst of sign-ins waits briefly for a turn and is otherwise told to try again, instead of every
 * request thread hashing at once and pushing the process out of heap. Sized by
 * {@code pp.security.max-concurrent-hashes} (default twice the cores).
 */
@Component
public class HashingGate {

    private final Semaphore turns;
    private final Duration wait;

    public HashingGate(
            @Value("${pp.security.max-concurrent-hashes:0}") int maxConcurrent,
            @Value("${pp.security.hash-wait:2s}") Duration wait) {
        int permits =
                maxConcurrent > 0 ? maxConcurrent : 2 * Runtime.getRuntime().availableProcessors();
        this.turns = new Semaphore(permits, true);
        this.wait = wait;
    }

    /** Runs the check when a turn comes within the wait; otherwise {@link HashingBusyException}. */
    public <T> T check(Supplier<T> passwordCheck) {
        boolean got;
        try {
            got = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new HashingBusyException();
        }
        if (!got) {
            throw new HashingBusyException();
        }
        try {
            return passwordCheck.get();
        } finally {
            turns.release();
        }
    }
}
