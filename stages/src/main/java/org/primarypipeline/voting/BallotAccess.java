package org.primarypipeline.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.primarypipeline.cycles.Durations;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a member reaches their ballot: a link with a random 256-bit token, good once, exchanged for a
 * short session scoped to that member and cycle. Only SHA-256 hashes of tokens and session keys are
 * stored. A link works while it is unused, younger than {@code pp.ballot.link-ttl} and the cycle is in
 * its voting round before its deadline (an extended round keeps links working); a session lasts
 * {@code pp.ballot.session-ttl}, and casting from it needs the round still open.
 */
@Repository
public class BallotAccess {

    /** Fresh links a member may ask for per cycle, on top of the one sent when voting opened. */
    public static final int MAX_FRESH_LINKS = 5;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    /** What happened to a link: it opened a session, or why not. */
    public enum LinkState {
        OPENED,
        UNKNOWN,
        USED,
        EXPIRED,
        ROUND_CLOSED
    }

    public record Exchange(LinkState state, Session session, String sessionKey) {}

    public record Session(String cycleId, long memberId, String formKey, Instant expiresAt) {}

    /** A link to send: the member, where to, and the URL carrying the token (never stored). */
    public record Link(long memberId, String memberName, String address, boolean email, String url) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PublicLinks links;
    private final Duration linkTtl;
    private final Duration sessionTtl;

    public BallotAccess(
            JdbcClient jdbc,
            ObjectProvider<Clock> clock,
            PublicLinks links,
            @Value("${pp.ballot.link-ttl:180d}") String linkTtl,
            @Value("${pp.ballot.session-ttl:2h}") String sessionTtl) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.links = links;
        this.linkTtl = Durations.parse("pp.ballot.link-ttl", linkTtl, Duration.ofDays(180));
        this.sessionTtl = Durations.parse("pp.ballot.session-ttl", sessionTtl, Duration.ofHours(2));
    }

    /**
     * Issues one link to each electorate member who has none yet for this cycle (email where known,
     * else SMS). A retried or resumed opening therefore sends nobody a second link.
     */
    @Transactional
    public List<Link> issueOpeningLinks(String cycleId) {
        List<Recipient> recipients = jdbc.sql("""
                select m.id, m.full_name, m.email, m.phone from electorate e join member m on m.id = e.member_id
                where e.cycle_id = ? and (m.email is not null or m.phone is not null)
                  and not exists (select 1 from ballot_access a where a.cycle_id = e.cycle_id and a.member_id = e.member_id)
                order by m.id
                """)
                .param(cycleId)
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return issue(cycleId, recipients);
    }

    /**
     * One more link each for these electorate members, for the reminder before the close: the opening
     * link may be spent or lost, and only a token's hash is kept, so a reminder cannot repeat it.
     */
    @Transactional
    public List<Link> issueReminderLinks(String cycleId, List<Long> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        List<Recipient> recipients = jdbc.sql("""
                select m.id, m.full_name, m.email, m.phone from electorate e join member m on m.id = e.member_id
                where e.cycle_id = ? and e.member_id = any(?::bigint[]) and (m.email is not null or m.phone is not null)
                order by m.id
                """)
                .params(cycleId, memberIds.toArray(Long[]::new))
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
        return issue(cycleId, recipients);
    }

    private record Recipient(long id, String name, String email, String phone) {}

    /** A new link for each recipient; only the tokens' hashes are stored, 5,000 rows a statement. */
    private List<Link> issue(String cycleId, List<Recipient> recipients) {
        List<Link> links = new ArrayList<>(recipients.size());
        List<String> hashes = new ArrayList<>();
        List<Long> members = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        for (Recipient r : recipients) {
            String token = newSecret();
            boolean email = r.email() != null;
            links.add(new Link(r.id(), r.name(), email ? r.email() : r.phone(), email, url(token)));
            hashes.add(HexFormat.of().formatHex(sha256(token)));
            members.add(r.id());
            channels.add(email ? "EMAIL" : "SMS");
            if (hashes.size() == 5_000) {
                store(cycleId, hashes, members, channels);
            }
        }
        store(cycleId, hashes, members, channels);
        return links;
    }

    /**
     * A fresh link for the electorate member with this email or phone, if the round is open and they
     * have not used up their fresh links; empty otherwise (the caller answers the same either way, so
     * the form cannot be used to find out who is a member).
     */
    @Transactional
    public Optional<Link> issueFreshLink(String cycleId, String address) {
        if (address == null || address.isBlank() || !roundOpen(cycleId)) {
            return Optional.empty();
        }
        String normalized = address.strip();
        Optional<Recipient> recipient = jdbc.sql("""
                select m.id, m.full_name, m.email, m.phone from electorate e join member m on m.id = e.member_id
                where e.cycle_id = ? and (lower(m.email) = lower(?) or m.phone = ?)
                """)
                .params(cycleId, normalized, normalized)
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (recipient.isEmpty()) {
            return Optional.empty();
        }
        Recipient r = recipient.get();
        // parallel requests for one member queue here, so each counts the links the others stored
        jdbc.sql("select 1 from electorate where cycle_id = ? and member_id = ? for update")
                .params(cycleId, r.id())
                .query(Integer.class)
                .list();
        int issued = jdbc.sql("select count(*) from ballot_access where cycle_id = ? and member_id = ?")
                .params(cycleId, r.id())
                .query(Integer.class)
                .single();
        if (issued > MAX_FRESH_LINKS) {
            return Optional.empty();
        }
        boolean email = r.email() != null && r.email().equalsIgnoreCase(normalized);
        String token = newSecret();
        store(
                cycleId,
                new ArrayList<>(List.of(HexFormat.of().formatHex(sha256(token)))),
                new ArrayList<>(List.of(r.id())),
                new ArrayList<>(List.of(email ? "EMAIL" : "SMS")));
        return Optional.of(new Link(r.id(), r.name(), email ? r.email() : r.phone(), email, url(token)));
    }

    /** How many links this member has had for the cycle (the opening one included). */
    public int linksIssued(String cycleId, long memberId) {
        return jdbc.sql("select count(*) from ballot_access where cycle_id = ? and member_id = ?")
                .params(cycleId, memberId)
                .query(Integer.class)
                .single();
    }

    /** What a link would do, without spending it (mail scanners fetch links; only a form post spends one). */
    public Exchange peek(String token) {
        return state(token, false);
    }

    /** Spends the link and opens a session, or says why it cannot. */
    @Transactional
    public Exchange exchange(String token) {
        return state(token, true);
    }

    private Exchange state(String token, boolean spend) {
        if (token == null || token.length() != 43) {
            return new Exchange(LinkState.UNKNOWN, null, null);
        }
        record Row(String cycleId, long memberId, Instant expiresAt, boolean used) {}
        Optional<Row> row = jdbc.sql("select cycle_id, member_id, expires_at, used_at is not null from ballot_access "
                        + "where token_hash = ?" + (spend ? " for update" : ""))
                .param(sha256(token))
                .query((rs, n) -> new Row(
                        rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
                .optional();
        if (row.isEmpty()) {
            return new Exchange(LinkState.UNKNOWN, null, null);
        }
        Row r = row.get();
        Instant now = clock.instant();
        if (r.used()) {
            return new Exchange(LinkState.USED, new Session(r.cycleId(), r.memberId(), null, null), null);
        }
        if (!roundOpen(r.cycleId())) {
            return new Exchange(LinkState.ROUND_CLOSED, new Session(r.cycleId(), r.memberId(), null, null), null);
        }
        if (!now.isBefore(r.expiresAt())) {
            return new Exchange(LinkState.EXPIRED, new Session(r.cycleId(), r.memberId(), null, null), null);
        }
        if (!spend) {
            return new Exchange(LinkState.OPENED, new Session(r.cycleId(), r.memberId(), null, null), null);
        }
        jdbc.sql("update ballot_access set used_at = ? where token_hash = ?")
                .params(Timestamp.from(now), sha256(token))
                .update();
        String key = newSecret();
        String formKey = newSecret();
        Instant expires = now.plus(sessionTtl);
        jdbc.sql("insert into ballot_session (session_hash, cycle_id, member_id, form_key, created_at, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(sha256(key), r.cycleId(), r.memberId(), formKey, Timestamp.from(now), Timestamp.from(expires))
                .update();
        return new Exchange(LinkState.OPENED, new Session(r.cycleId(), r.memberId(), formKey, expires), key);
    }

    /** The live session for this cookie value and cycle, if any. */
    public Optional<Session> session(String cycleId, String key) {
        if (key == null || key.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select cycle_id, member_id, form_key, expires_at from ballot_session
                where session_hash = ? and cycle_id = ? and expires_at > ?
                """)
                .params(sha256(key), cycleId, Timestamp.from(clock.instant()))
                .query((rs, n) -> new Session(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Ends a session (the member signs out of their ballot). */
    public void close(String key) {
        if (key != null) {
            jdbc.sql("delete from ballot_session where session_hash = ?")
                    .param(sha256(key))
                    .update();
        }
    }

    /** Whether ballots are taken now: the cycle runs, is in its voting round, and its deadline is ahead. */
    public boolean roundOpen(String cycleId) {
        return jdbc.sql("""
                select count(*) from cycle where id = ? and status = 'RUNNING' and stage = 'VOTING_ROUND'
                  and (stage_deadline is null or stage_deadline > ?)
                """)
                        .params(cycleId, Timestamp.from(clock.instant()))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Duration sessionTtl() {
        return sessionTtl;
    }

    private void store(String cycleId, List<String> hashes, List<Long> members, List<String> channels) {
        if (hashes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("""
                insert into ballot_access (token_hash, cycle_id, member_id, channel, issued_at, expires_at)
                select decode(h, 'hex'), ?, m, c, ?, ? from unnest(?::text[], ?::bigint[], ?::text[]) as t (h, m, c)
                """)
                .params(
                        cycleId,
                        Timestamp.from(now),
                        Timestamp.from(now.plus(linkTtl)),
                        hashes.toArray(String[]::new),
                        members.toArray(Long[]::new),
                        channels.toArray(String[]::new))
                .update();
        hashes.clear();
        members.clear();
        channels.clear();
    }

    private String url(String token) {
        return links.url("/ballot/open/" + token);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
