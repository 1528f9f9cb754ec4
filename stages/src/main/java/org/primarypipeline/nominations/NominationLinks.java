package org.primarypipeline.nominations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The links nominators (confirm) and nominees (accept and sign) are sent, on the ballot links' pattern:
 * a random 256-bit token of which only the SHA-256 is stored, good once and until it expires. Opening a
 * link only shows a page (mail scanners fetch links); the form post spends it.
 */
@Repository
public class NominationLinks {

    public enum Purpose {
        CONFIRM,
        ACCEPT
    }

    public enum State {
        VALID,
        UNKNOWN,
        USED,
        EXPIRED
    }

    public record Check(State state, Long nominationId) {
        public boolean valid() {
            return state == State.VALID;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    public NominationLinks(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A new token for the nomination; the caller puts it in a URL and never stores it. */
    public String issue(long nominationId, Purpose purpose, Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql(
                        "insert into nomination_link (token_hash, nomination_id, purpose, issued_at, expires_at) values (?, ?, ?, ?, ?)")
                .params(hash(token), nominationId, purpose.name(), Timestamp.from(now), Timestamp.from(now.plus(ttl)))
                .update();
        return token;
    }

    /** What the link would do, without spending it. */
    public Check peek(String token, Purpose purpose) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return new Check(State.UNKNOWN, null);
        }
        record Row(long nominationId, Timestamp expires, Timestamp used) {}
        Optional<Row> row = jdbc.sql(
                        "select nomination_id, expires_at, used_at from nomination_link where token_hash = ? and purpose = ?")
                .params(hash(token), purpose.name())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2), rs.getTimestamp(3)))
                .optional();
        if (row.isEmpty()) {
            return new Check(State.UNKNOWN, null);
        }
        if (row.get().used() != null) {
            return new Check(State.USED, row.get().nominationId());
        }
        if (!row.get().expires().toInstant().isAfter(clock.instant())) {
            return new Check(State.EXPIRED, row.get().nominationId());
        }
        return new Check(State.VALID, row.get().nominationId());
    }

    /** Spends the link if it is still good; of two racing posts one wins. */
    public Check spend(String token, Purpose purpose) {
        Check check = peek(token, purpose);
        if (!check.valid()) {
            return check;
        }
        int spent = jdbc.sql("update nomination_link set used_at = ? where token_hash = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), hash(token))
                .update();
        return spent == 1 ? check : new Check(State.USED, check.nominationId());
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
