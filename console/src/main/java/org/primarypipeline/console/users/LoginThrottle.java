package org.primarypipeline.console.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after too many failures for one account name, or from one address, within
 * the window, further attempts are refused without checking the password until the oldest failure
 * leaves the window. Counting per name stops a slow attack on one account from many addresses;
 * counting per address stops one machine trying many names.
 *
 * <p>Kept in memory: one app serves the console, and a restart forgetting a few minutes of failures
 * is acceptable. A deployment with several console instances behind a balancer would count per
 * instance (so the effective limit is multiplied); it would need a shared store.
 */
@Component
public class LoginThrottle {

    private static final int MAX_TRACKED_KEYS = 50_000;

    private final Clock clock;
    private final int perName;
    private final int perAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(
            Clock clock,
            @Value("${pp.console.login.max-failures-per-name:5}") int perName,
            @Value("${pp.console.login.max-failures-per-address:30}") int perAddress,
            @Value("${pp.console.login.failure-window:15m}") Duration window) {
        this.clock = clock;
        this.perName = perName;
        this.perAddress = perAddress;
        this.window = window;
    }

    /** How long the caller must wait before another attempt, if it must. */
    public Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Optional<Duration> byName = wait(nameKey(username), perName, now);
        Optional<Duration> byAddress = address == null ? Optional.empty() : wait(addressKey(address), perAddress, now);
        if (byName.isPresent() && byAddress.isPresent()) {
            return Optional.of(byName.get().compareTo(byAddress.get()) > 0 ? byName.get() : byAddress.get());
        }
        return byName.isPresent() ? byName : byAddress;
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.entrySet().removeIf(e -> expired(e.getValue(), now));
        }
        add(nameKey(username), now);
        if (address != null) {
            add(addressKey(address), now);
        }
    }

    /** A correct password clears the account's count (the address's stays: it may be guessing others). */
    public void succeeded(String username) {
        failures.remove(nameKey(username));
    }

    private Optional<Duration> wait(String key, int limit, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return Optional.empty();
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
        }
    }

    private void add(String key, Instant now) {
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
        }
    }

    private void prune(Deque<Instant> times, Instant now) {
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.pollFirst();
        }
    }

    private boolean expired(Deque<Instant> times, Instant now) {
        synchronized (times) {
            prune(times, now);
            return times.isEmpty();
        }
    }

    private static String nameKey(String username) {
        return "name:" + (username == null ? "" : username.trim().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "addr:" + address;
    }
}
