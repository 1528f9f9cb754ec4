package org.primarypipeline.voting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assisted ballots ({@code assisted_ballot}): what staff entered for a member who asked for help, pending
 * until the member answers by the link sent to them. Nothing here touches the receipt chain; a confirmed
 * entry is cast by the caller through the member's own command and its chain entry noted here. Only the
 * SHA-256 of a link's 128-bit token is kept.
 */
@Repository
public class AssistedBallots {

    private static final SecureRandom RANDOM = new SecureRandom();

    public enum State {
        PENDING,
        CONFIRMED,
        VOIDED,
        REPLACED
    }

    /** Which proxy list a confirmed entry replaces: the standing one, or this cycle's only. */
    public enum Scope {
        STANDING,
        CYCLE
    }

    /** An entry; {@code ranking} or {@code proxies} is null when the entry names none. */
    public record Entry(
            long id,
            String cycleId,
            long memberId,
            List<Long> ranking,
            List<ProxyChoice> proxies,
            Scope scope,
            String enteredBy,
            Instant enteredAt,
            String note,
            Channel channel,
            State state,
            Instant answeredAt,
            Long receiptSeq) {}

    /**
     * An entry just stored, the token of its link (never stored) and where to send it; {@code replaced}
     * the id of the pending entry it replaced, or null.
     */
    /** {@code locale} the member's language ({@code member.locale}), for the message that asks them. */
    public record Entered(Entry entry, String token, String address, String memberName, Long replaced, String locale) {}

    private final JdbcClient jdbc;

    public AssistedBallots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a pending entry for the member, replacing the one still awaiting their answer, if any. The
     * link goes to the member's email, else their phone.
     *
     * @throws IllegalArgumentException when the member has neither, so could not confirm
     */
    @Transactional
    public Entered enter(
            String cycleId,
            long memberId,
            List<Long> ranking,
            List<ProxyChoice> proxies,
            Scope scope,
            String enteredBy,
            String note) {
        record Contact(String name, String email, String phone, String locale) {}
        Contact contact = jdbc.sql("select full_name, email, phone, locale from member where id = ?")
                .param(memberId)
                .query((rs, n) -> new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("there is no member " + memberId));
        if (contact.email() == null && contact.phone() == null) {
            throw new IllegalArgumentException("member " + memberId
                    + " has no email or phone to confirm an assisted ballot with; they can vote from their own link");
        }
        Long replaced = jdbc.sql("""
                update assisted_ballot set state = 'REPLACED', answered_at = now()
                where cycle_id = ? and member_id = ? and state = 'PENDING' returning id""")
                .params(cycleId, memberId)
                .query(Long.class)
                .optional()
                .orElse(null);
        Channel channel = contact.email() != null ? Channel.EMAIL : Channel.SMS;
        String token = token();
        long id = jdbc.sql("""
                insert into assisted_ballot (cycle_id, member_id, ranking, proxies, proxy_scope, entered_by,
                                             request_note, token_hash, channel)
                values (?, ?, cast(? as bigint[]), cast(? as jsonb), ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        cycleId,
                        memberId,
                        ranking == null
                                ? null
                                : "{" + ranking.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}",
                        proxies == null ? null : json(proxies),
                        proxies == null ? null : scope.name(),
                        enteredBy,
                        note == null ? "" : note,
                        hash(token),
                        channel.name())
                .query(Long.class)
                .single();
        return new Entered(
                find(id).orElseThrow(),
                token,
                channel == Channel.EMAIL ? contact.email() : contact.phone(),
                contact.name(),
                replaced,
                contact.locale() == null ? "en" : contact.locale());
    }

    /** The entry a link points to, without answering it. */
    public Optional<Entry> byToken(String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where token_hash = ?")
                .param(hash(token))
                .query(this::entry)
                .optional();
    }

    /**
     * The entry {@code id}, locked for its answer, if {@code token} is its own link's: another member's
     * token finds nothing. Of two answers at once the second waits here and then sees the first's state.
     */
    public Optional<Entry> lockForAnswer(long id, String token) {
        if (!wellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where id = ? and token_hash = ? for update")
                .params(id, hash(token))
                .query(this::entry)
                .optional();
    }

    /** The one transition the table allows: a pending entry answered (the trigger checks the rest). */
    public void answer(long id, State state, Long receiptSeq) {
        jdbc.sql("update assisted_ballot set state = ?, answered_at = now(), receipt_seq = ? where id = ?"
                        + " and state = 'PENDING'")
                .params(state.name(), receiptSeq, id)
                .update();
    }

    public Optional<Entry> find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(this::entry).optional();
    }

    /** The member's entries in the cycle, oldest first: for that member's own ballot page. */
    public List<Entry> of(String cycleId, long memberId) {
        return jdbc.sql(SELECT + " where cycle_id = ? and member_id = ? order by id")
                .params(cycleId, memberId)
                .query(this::entry)
                .list();
    }

    private static final String SELECT = """
            select id, cycle_id, member_id, ranking, proxy_scope, entered_by, entered_at, request_note, channel,
                   state, answered_at, receipt_seq,
                   (select string_agg((e ->> 'proxyMemberId') || ':' || (e ->> 'units'), ',' order by o)
                    from jsonb_array_elements(proxies) with ordinality as p(e, o)) as proxy_list,
                   proxies is not null as has_proxies
            from assisted_ballot""";

    private Entry entry(ResultSet rs, int n) throws SQLException {
        Array ranking = rs.getArray("ranking");
        List<Long> ranks = ranking == null ? null : Arrays.asList((Long[]) ranking.getArray());
        String proxyList = rs.getString("proxy_list");
        List<ProxyChoice> proxies = !rs.getBoolean("has_proxies")
                ? null
                : proxyList == null
                        ? List.of()
                        : Arrays.stream(proxyList.split(","))
                                .map(p -> p.split(":"))
                                .map(p -> new ProxyChoice(Long.parseLong(p[0]), Integer.parseInt(p[1])))
                                .toList();
        String scope = rs.getString("proxy_scope");
        Timestamp answered = rs.getTimestamp("answered_at");
        return new Entry(
                rs.getLong("id"),
                rs.getString("cycle_id"),
                rs.getLong("member_id"),
                ranks == null ? null : List.copyOf(ranks),
                proxies,
                scope == null ? null : Scope.valueOf(scope),
                rs.getString("entered_by"),
                rs.getTimestamp("entered_at").toInstant(),
                rs.getString("request_note"),
                Channel.valueOf(rs.getString("channel")),
                State.valueOf(rs.getString("state")),
                answered == null ? null : answered.toInstant(),
                (Long) rs.getObject("receipt_seq"));
    }

    private static String json(List<ProxyChoice> proxies) {
        return proxies.stream()
                .map(p -> "{\"proxyMemberId\": " + p.proxyMemberId() + ", \"units\": " + p.units() + "}")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 22;
    }

    private static String token() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
