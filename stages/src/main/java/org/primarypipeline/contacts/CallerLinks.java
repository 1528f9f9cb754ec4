package org.primarypipeline.contacts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time event links for guest callers, and the sessions they open. A link is made for one named guest
 * at one phone-bank event; following it once opens a session limited to the event's campaign's call page
 * until the link's expiry (the event's end and a few hours). Only SHA-256 hashes of the link's token and
 * of the session's key are stored. A guest is never a member: nothing here writes {@code member} rows.
 */
@Repository
public class CallerLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a link is now. */
    public enum State {
        VALID,
        USED,
        EXPIRED,
        UNKNOWN
    }

    /** A link as the event's host sees it in the list (never its token). */
    public record Link(long id, String callerName, Instant expiresAt, Instant usedAt) {}

    /** A link looked at: its state, and its campaign when it is one. */
    public record Peek(State state, String cycleId) {}

    /** A followed link: the session's key for the guest's cookie when {@code state} is VALID. */
    public record Opened(
            State state, long linkId, String cycleId, String callerName, String sessionKey, Instant until) {}

    /** A link just made: its token, shown once and never stored. */
    public record Made(long id, String token) {}

    /** A live guest session. */
    public record Session(long id, String cycleId, String callerName, String formKey) {}

    private final JdbcClient jdbc;

    public CallerLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes a link; returns its token (stored only as a hash) and the row's id. */
    public Made create(long eventId, String cycleId, String callerName, Instant expiresAt, String createdBy) {
        String token = random(24);
        long id = jdbc.sql("""
                insert into caller_link (event_id, cycle_id, token_hash, caller_name, expires_at, created_by)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(eventId, cycleId, hash(token), callerName, Timestamp.from(expiresAt), createdBy)
                .query(Long.class)
                .single();
        return new Made(id, token);
    }

    /** The links made for an event, newest first. */
    public List<Link> of(long eventId) {
        return jdbc.sql("""
                select id, caller_name, expires_at, used_at from caller_link where event_id = ?
                order by id desc limit 200""")
                .param(eventId)
                .query((rs, n) -> new Link(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** What the link is, without spending it (a mail scanner's GET changes nothing). */
    public Peek peek(String token) {
        if (!wellFormed(token)) {
            return new Peek(State.UNKNOWN, null);
        }
        return jdbc.sql(
                        "select used_at is not null, expires_at <= now(), cycle_id from caller_link where token_hash = ?")
                .param(hash(token))
                .query((rs, n) -> new Peek(
                        rs.getBoolean(1) ? State.USED : rs.getBoolean(2) ? State.EXPIRED : State.VALID,
                        rs.getString(3)))
                .optional()
                .orElse(new Peek(State.UNKNOWN, null));
    }

    /** Spends the link (once, whoever races) and opens the guest's session until the link's expiry. */
    @Transactional
    public Opened open(String token) {
        if (!wellFormed(token)) {
            return new Opened(State.UNKNOWN, 0, null, null, null, null);
        }
        Optional<Object[]> spent = jdbc.sql("""
                update caller_link set used_at = now()
                where token_hash = ? and used_at is null and expires_at > now()
                returning id, cycle_id, caller_name, expires_at""")
                .param(hash(token))
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant()
                })
                .optional();
        if (spent.isEmpty()) {
            Peek p = peek(token);
            return new Opened(p.state() == State.VALID ? State.USED : p.state(), 0, null, null, null, null);
        }
        Object[] s = spent.get();
        String key = random(32);
        jdbc.sql("""
                insert into caller_session (link_id, cycle_id, caller_name, key_hash, form_key, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(s[0], s[1], s[2], hash(key), random(16), Timestamp.from((Instant) s[3]))
                .update();
        return new Opened(State.VALID, (Long) s[0], (String) s[1], (String) s[2], key, (Instant) s[3]);
    }

    /** The live guest session of a cookie's key; empty when ended, expired or unknown. */
    public Optional<Session> find(String key) {
        if (key == null || key.isBlank() || key.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id, cycle_id, caller_name, form_key from caller_session
                where key_hash = ? and ended_at is null and expires_at > now()""")
                .param(hash(key))
                .query((rs, n) -> new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    private static boolean wellFormed(String token) {
        return token != null && !token.isBlank() && token.length() <= 64;
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
