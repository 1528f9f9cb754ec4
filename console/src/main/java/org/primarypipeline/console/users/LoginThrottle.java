package org.primarypipeline.console.users;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: no more than so many attempts per account name, and per client address,
 * within the window. Counting per name stops a slow attack on one account from many addresses; counting
 * per address stops one machine trying many names.
 *
 * <p>An attempt is <em>reserved</em> before its password is hashed, in one statement that counts and
 * checks at once (PostgreSQL locks the row for the upsert), so 200 guesses arriving together get at
 * most the limit of hashes between them. A correct password releases the reservation; a wrong one
 * keeps it as a failure. The counts are in PostgreSQL, so every serve replica shares them.
 */
@Component
public class LoginThrottle {

    private static final int SWEEP_EVERY = 500;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perName;
    private final int perAddress;
    private final Duration window;
    private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);

    public LoginThrottle(
            JdbcClient jdbc,
            Clock clock,
            @Value("${pp.console.login.max-failures-per-name:5}") int perName,
            @Value("${pp.console.login.max-failures-per-address:30}") int perAddress,
            @Value("${pp.console.login.failure-window:15m}") Duration window) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perName = perName;
        this.perAddress = perAddress;
        this.window = window;
    }

    /**
     * A reserved attempt. A wrong password leaves it counted as a failure; {@link #succeeded} and
     * {@link #notChecked} give it back.
     */
    public record Attempt(String nameKey, String addressKey) {}

    /**
     * Reserves one attempt for this name and address, or says how long to wait when either is at its
     * limit (and then reserves nothing).
     */
    public Reservation reserve(String username, String address) {
        sweepNowAndThen();
        Instant now = clock.instant();
        String name = nameKey(username);
        if (!take(name, perName, now)) {
            return new Reservation(null, retryAfter(name, now));
        }
        if (address != null) {
            String addr = addressKey(address);
            if (!take(addr, perAddress, now)) {
                giveBack(name);
                return new Reservation(null, retryAfter(addr, now));
            }
            return new Reservation(new Attempt(name, addr), Duration.ZERO);
        }
        return new Reservation(new Attempt(name, null), Duration.ZERO);
    }

    /** Either an attempt to make, or how long to wait. */
    public record Reservation(Attempt attempt, Duration retryAfter) {

        public Optional<Attempt> granted() {
            return Optional.ofNullable(attempt);
        }
    }

    /** A correct password clears the account's count and gives back the address's reservation. */
    public void succeeded(Attempt attempt) {
        jdbc.sql("delete from login_attempt where key = ?")
                .param(attempt.nameKey())
                .update();
        giveBackAddress(attempt);
    }

    /** The password was never checked (the server was too busy): the attempt does not count. */
    public void notChecked(Attempt attempt) {
        giveBack(attempt.nameKey());
        giveBackAddress(attempt);
    }

    private void giveBackAddress(Attempt attempt) {
        if (attempt.addressKey() != null) {
            giveBack(attempt.addressKey());
        }
    }

    /** One statement: counts the attempt if, and only if, the key is under its limit (or its window passed). */
    private boolean take(String key, int limit, Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp windowOpenedAfter = Timestamp.from(now.minus(window));
        return jdbc.sql("""
                        insert into login_attempt (key, attempts, window_start) values (:key, 1, :now)
                        on conflict (key) do update set
                            attempts = case when login_attempt.window_start <= :expired then 1
                                            else login_attempt.attempts + 1 end,
                            window_start = case when login_attempt.window_start <= :expired then :now
                                                else login_attempt.window_start end
                        where login_attempt.window_start <= :expired or login_attempt.attempts < :limit
                        returning attempts
                        """)
                .param("key", key)
                .param("now", at)
                .param("expired", windowOpenedAfter)
                .param("limit", limit)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    private void giveBack(String key) {
        jdbc.sql("update login_attempt set attempts = attempts - 1 where key = ? and attempts > 0")
                .param(key)
                .update();
    }

    private Duration retryAfter(String key, Instant now) {
        Instant opened = jdbc.sql("select window_start from login_attempt where key = ?")
                .param(key)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(now);
        Duration wait = Duration.between(now, opened.plus(window));
        return wait.isNegative() ? Duration.ofSeconds(1) : wait;
    }

    /** Rows whose window has passed count for nothing; an attacker's made-up names are dropped with them. */
    private void sweepNowAndThen() {
        if (untilSweep.decrementAndGet() > 0) {
            return;
        }
        untilSweep.set(SWEEP_EVERY);
        jdbc.sql("delete from login_attempt where window_start <= ?")
                .param(Timestamp.from(clock.instant().minus(window)))
                .update();
    }

    private static String nameKey(String username) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        return "name:" + (name.length() > 200 ? name.substring(0, 200) : name);
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
