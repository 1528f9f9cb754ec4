package org.primarypipeline.console.users;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins: refused without looking at the password. */
public class LoginThrottledException extends LockedException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        this("too many failed sign-ins; try again in " + minutes(retryAfter), retryAfter);
    }

    protected LoginThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    private static String minutes(Duration wait) {
        long m = Math.max(1, (wait.toSeconds() + 59) / 60);
        return m + (m == 1 ? " minute" : " minutes");
    }
}
