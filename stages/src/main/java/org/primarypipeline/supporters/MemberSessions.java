package org.primarypipeline.supporters;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Members' sessions, opened by a followed sign-in link. The cookie carries a random 256-bit key of which
 * only the SHA-256 is stored; a session ends when the member signs out, after
 * {@link MemberSignInSettings#sessionIdle()} unused, and at most {@link MemberSignInSettings#sessionMax()}
 * after it opened. These sessions are the members' pages' own: the console never reads them.
 */
@Repository
public class MemberSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A live session: whose it is, and the key its forms carry. */
    public record Session(long id, long memberId, String formKey) {}

    private final JdbcClient jdbc;
    private final MemberSignInSettings settings;

    public MemberSessions(JdbcClient jdbc, MemberSignInSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** Opens a session for the member; returns the key for their cookie (never stored). */
    public String open(long memberId) {
        String key = random(32);
        jdbc.sql("""
                insert into member_session (key_hash, member_id, form_key, expires_at) values (?, ?, ?, ?)
                """)
                .params(
                        JoinRequests.hash(key),
                        memberId,
                        random(16),
                        Timestamp.from(Instant.now().plus(settings.sessionMax())))
                .update();
        return key;
    }

    /** The live session of a cookie's key, marked as just used; empty when ended, idle too long or unknown. */
    public Optional<Session> find(String key) {
        if (key == null || key.isBlank() || key.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update member_session set last_seen_at = now()
                where key_hash = ? and ended_at is null and expires_at > now()
                  and last_seen_at > now() - make_interval(secs => ?)
                returning id, member_id, form_key
                """)
                .params(JoinRequests.hash(key), (double) settings.sessionIdle().toSeconds())
                .query((rs, n) -> new Session(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional();
    }

    /** Ends the session of this key (signing out); returns whose it was. */
    public Optional<Long> end(String key) {
        if (key == null || key.isBlank() || key.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                update member_session set ended_at = now() where key_hash = ? and ended_at is null returning member_id
                """).param(JoinRequests.hash(key)).query(Long.class).optional();
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
