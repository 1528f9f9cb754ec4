package org.primarypipeline.console.users;

import java.time.Duration;
import java.util.Optional;
import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of the password check, for the login form and HTTP Basic
 * alike, and writes failed sign-ins to the audit log. Attempts refused by the throttle are not
 * written one by one: that would let a guesser fill the log.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public ThrottledAuthenticationProvider(
            AuthenticationProvider passwordCheck, LoginThrottle throttle, AuditLog audit) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        Optional<Duration> wait = throttle.blocked(name, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication done = passwordCheck.authenticate(attempt);
            throttle.succeeded(name);
            return done;
        } catch (AuthenticationException refused) {
            throttle.failed(name, address);
            String actor = name.length() > 100 ? name.substring(0, 100) : name;
            audit.record(
                    actor.isBlank() ? "anonymous" : actor,
                    null,
                    "login",
                    "",
                    Outcome.DENIED,
                    "sign-in refused: " + refused.getMessage(),
                    null,
                    null);
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
