package org.primarypipeline.supporters;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.primarypipeline.core.supporter.EmailAddresses;
import org.primarypipeline.core.supporter.InvalidField;
import org.primarypipeline.core.supporter.PhoneNumbers;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links by which a member signs in to their home page. A request names an email or phone; when
 * it is a confirmed member's, a link goes there (random 128-bit token, only its SHA-256 kept, good once
 * for {@link MemberSignInSettings#linkTtl()}). Whether it was a member's is never told: the answer is the
 * same, and the limits count every request to an address alike. Following the link opens a
 * {@link MemberSessions session}.
 */
@Service
public class MemberSignIns {

    public static final String TEMPLATE = "member-sign-in";
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum State {
        VALID,
        UNKNOWN,
        USED,
        EXPIRED
    }

    /** What a link would do, before it is spent; {@code locale} is the member's language. */
    public record Pending(State state, String locale) {}

    /** A link followed: the session opened (null unless VALID). */
    public record Opened(State state, Long memberId, String sessionKey, String locale) {}

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final PublicLinks links;
    private final MemberSessions sessions;
    private final MemberSignInSettings settings;

    public MemberSignIns(
            JdbcClient jdbc, Outbox outbox, PublicLinks links, MemberSessions sessions, MemberSignInSettings settings) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.links = links;
        this.sessions = sessions;
        this.settings = settings;
    }

    /**
     * Takes a request for a link to {@code raw} (an email or a phone). Refused with {@link RefusedFields}
     * (field {@code address}) when it is neither, {@link SignInLimited} past the limits; otherwise the
     * same whether or not a member has that address.
     */
    @Transactional
    public void request(String raw, String ip) {
        String address;
        Channel channel;
        try {
            if (raw != null && raw.contains("@")) {
                address = EmailAddresses.normalize(raw);
                channel = Channel.EMAIL;
            } else {
                address = PhoneNumbers.toE164(raw);
                channel = Channel.SMS;
            }
        } catch (InvalidField e) {
            address = null;
            channel = null;
        }
        if (address == null || raw.length() > JoinForm.MAX_EMAIL) {
            throw new RefusedFields(Map.of("address", "not an email address or a US phone number"));
        }
        limit(ip == null ? "" : ip, address);
        Optional<Member> member = member(channel, address);
        String token = member.isPresent() ? token() : null;
        Instant expires = Instant.now().plus(settings.linkTtl());
        long id = jdbc.sql("""
                insert into member_sign_in (token_hash, member_id, address, channel, requested_ip, expires_at)
                values (?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        token == null ? null : JoinRequests.hash(token),
                        member.map(Member::id).orElse(null),
                        address,
                        channel.name(),
                        ip == null ? "" : ip,
                        Timestamp.from(expires))
                .query(Long.class)
                .single();
        if (member.isEmpty()) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fullName", member.get().fullName());
        model.put("signInUrl", links.url("/me/sign-in/" + token));
        model.put("minutes", settings.linkTtl().toMinutes());
        model.put("locale", member.get().locale());
        outbox.enqueue(new OutboundMessage("member-sign-in:" + id, channel, address, TEMPLATE, model)
                .asTransactional()
                .withSecrets("signInUrl"));
    }

    /** What the link would do, without spending it. */
    public Pending peek(String token) {
        return row(token, false).map(r -> new Pending(r.state(), r.locale())).orElse(new Pending(State.UNKNOWN, "en"));
    }

    /** Spends the link and opens the member's session; of two presses at once, one opens and one is USED. */
    @Transactional
    public Opened exchange(String token) {
        Optional<Row> found = row(token, true);
        if (found.isEmpty()) {
            return new Opened(State.UNKNOWN, null, null, "en");
        }
        Row r = found.get();
        if (r.state() != State.VALID) {
            return new Opened(r.state(), null, null, r.locale());
        }
        jdbc.sql("update member_sign_in set used_at = now() where id = ?")
                .param(r.id())
                .update();
        return new Opened(State.VALID, r.memberId(), sessions.open(r.memberId()), r.locale());
    }

    private record Member(long id, String fullName, String locale) {}

    /** A member whose joining was confirmed (link, invitation, vouched list or staff), by email or phone. */
    private Optional<Member> member(Channel channel, String address) {
        return jdbc.sql("select id, full_name, locale from member where "
                        + (channel == Channel.EMAIL ? "lower(email) = ?" : "phone = ?")
                        + " and joined_via is not null and joined_via <> 'UNCONFIRMED' order by id limit 1")
                .param(address)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    private record Row(long id, State state, long memberId, String locale) {}

    private Optional<Row> row(String token, boolean lock) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select s.id, s.member_id, m.locale, s.used_at is not null, s.expires_at <= now()
                from member_sign_in s join member m on m.id = s.member_id
                where s.token_hash = ?""" + (lock ? " for update of s" : ""))
                .param(JoinRequests.hash(token))
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getBoolean(4) ? State.USED : rs.getBoolean(5) ? State.EXPIRED : State.VALID,
                        rs.getLong(2),
                        rs.getString(3)))
                .optional();
    }

    /** Serialises requests from one network address and to one address, so the counts are exact. */
    private void limit(String ip, String address) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('sign-in-ip:' || ?))")
                .param(ip)
                .query(Object.class)
                .list();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('sign-in-to:' || ?))")
                .param(address)
                .query(Object.class)
                .list();
        Duration fromIp = wait("requested_ip = ?", ip, settings.perIpPerHour());
        if (fromIp != null) {
            throw new SignInLimited(true, fromIp);
        }
        Duration toAddress = wait("address = ?", address, settings.perAddressPerHour());
        if (toAddress != null) {
            throw new SignInLimited(false, toAddress);
        }
    }

    /** Null when under the hour's limit, else how long until the oldest request of the hour leaves it. */
    private Duration wait(String where, String value, int limit) {
        Duration hour = Duration.ofHours(1);
        return jdbc.sql("select count(*), min(requested_at) from member_sign_in where " + where
                        + " and requested_at > now() - interval '1 hour'")
                .param(value)
                .query((rs, n) -> {
                    if (rs.getInt(1) < limit) {
                        return Optional.<Duration>empty();
                    }
                    Duration left = Duration.between(
                            Instant.now(), rs.getTimestamp(2).toInstant().plus(hour));
                    return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
                })
                .single()
                .orElse(null);
    }

    static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
