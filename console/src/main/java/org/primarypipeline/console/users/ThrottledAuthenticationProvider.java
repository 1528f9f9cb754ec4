package org.primarypipeline.console.users;

import org.primarypipeline.console.audit.AuditEntry.Outcome;
import org.primarypipeline.console.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Puts the {@link LoginThrottle} in front of the password check, for the login form and HTTP Basic
 * alike: an attempt is reserved before its password is hashed, and the hash waits for a turn at the
 * {@link HashingGate}. Failed sign-ins are written to the audit log; attempts refused by the throttle
 * or the gate are not written one by one: that would let a guesser fill the log.
 */
public class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwordCheck;
    private final LoginThrottle throttle;
    private final HashingGate gate;
    private final AuditLog audit;

    public ThrottledAuthenticationProvider(
            AuthenticationProvider passwordCheck, LoginThrottle throttle, HashingGate gate, AuditLog audit) {
        this.passwordCheck = passwordCheck;
        this.throttle = throttle;
        this.gate = gate;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        LoginThrottle.Reservation reservation = throttle.reserve(name, address);
        LoginThrottle.Attempt reserved =
                reservation.granted().orElseThrow(() -> new LoginThrottledException(reservation.retryAfter()));
        try {
            Authentication done = gate.check(() -> passwordCheck.authenticate(attempt));
            throttle.succeeded(reserved);
            return done;
        } catch (HashingBusyException busy) {
            throttle.notChecked(reserved);
            throw busy;
        } catch (AuthenticationException refused) {
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
