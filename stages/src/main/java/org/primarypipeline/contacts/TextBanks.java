package org.primarypipeline.contacts;

import java.sql.Array;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer-to-peer texting. A texter takes the next N contacts of a bank's universe nobody holds yet (dynamic
 * assignment: {@code FOR UPDATE SKIP LOCKED} over the contacts, the primary key of {@code text_assignment} as
 * the guarantee), sends each initial message with one click (one outbox row per contact, its dedup key
 * {@code p2p:{bank}:{contact}:initial}, so a second click sends nothing), and reads the replies the Twilio
 * inbound route stored ({@code inbound_sms}) in a conversation. Anyone whose number opted out (a STOP on any
 * campaign, recorded once in the consent registry) is never handed out, and the outbox suppresses a message
 * to a number that opted out between assignment and send.
 */
@Repository
public class TextBanks {

    public record TextBank(
            long id,
            String cycleId,
            long universeId,
            String name,
            String initialMessage,
            List<String> canned,
            List<String> questions) {}

    /** A contact held by a texter; {@code sentAt} null until the initial message was sent. */
    public record Assignment(long contactId, String fullName, String phone, Instant sentAt) {}

    /** One message of a conversation, either way. */
    public record Message(Instant at, boolean fromContact, String body) {}

    private final JdbcClient jdbc;
    private final Universes universes;
    private final Outbox outbox;
    /** Per bank, the highest contact id this process has handed out: where the next take starts looking. */
    private final ConcurrentMap<Long, Hint> hints = new ConcurrentHashMap<>();

    public TextBanks(JdbcClient jdbc, Universes universes, Outbox outbox) {
        this.jdbc = jdbc;
        this.universes = universes;
        this.outbox = outbox;
    }

    public long create(Universe universe, String name, String initialMessage, List<String> canned, String by) {
        return create(universe, name, initialMessage, canned, List.of(), by);
    }

    /** A bank whose texters record the answers to {@code questions} (survey) with each conversation's result. */
    public long create(
            Universe universe,
            String name,
            String initialMessage,
            List<String> canned,
            List<String> questions,
            String by) {
        return jdbc.sql("""
                        insert into text_bank (cycle_id, universe_id, name, initial_message, canned, questions, created_by)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        universe.cycleId(),
                        universe.id(),
                        name,
                        initialMessage,
                        canned.toArray(String[]::new),
                        questions.toArray(String[]::new),
                        by)
                .query(Long.class)
                .single();
    }

    public Optional<TextBank> openBank(String cycleId) {
        return jdbc.sql("select * from text_bank where cycle_id = ? and status = 'OPEN' order by id desc limit 1")
                .param(cycleId)
                .query((rs, n) -> {
                    Array canned = rs.getArray("canned");
                    Array questions = rs.getArray("questions");
                    return new TextBank(
                            rs.getLong("id"),
                            rs.getString("cycle_id"),
                            rs.getLong("universe_id"),
                            rs.getString("name"),
                            rs.getString("initial_message"),
                            Arrays.asList((String[]) canned.getArray()),
                            Arrays.asList((String[]) questions.getArray()));
                })
                .optional();
    }

    /**
     * Hands the texter up to {@code n} contacts nobody holds in this bank; returns how many they got.
     *
     * <p>Contacts are handed out in id order, so the scan starts after the highest id this process has handed
     * out in the bank (a hint, not a guarantee): without it every take walks past every contact already handed
     * out, and in a 200,000-contact bank a take costs a scan of up to 200,000 rows (220 ms against 1 ms). When
     * that scan comes up short the take looks again from the first contact, at most every {@link #RESCAN} per
     * bank, and so finds anyone the hint stepped over (a take that rolled back, an opt-out withdrawn, a contact
     * whose last attempt aged out of "not contacted in N days"). A contact imported later has a higher id and
     * is found at once. The primary key of {@code text_assignment} still decides: nobody is handed out twice.
     */
    @Transactional
    public int take(TextBank bank, long texterMemberId, int n) {
        Universe universe = universes.find(bank.universeId()).orElseThrow();
        Hint hint = hints.computeIfAbsent(bank.id(), id -> new Hint());
        long from = hint.through.get();
        List<Long> taken = new ArrayList<>(takeAfter(bank, universe, texterMemberId, n, from));
        if (taken.size() < n) {
            // a take that committed while this statement ran is not in its snapshot: the contacts it handed
            // out were locked, then free, and lost here on conflict, so a texter could come away with nothing
            // while contacts remained; the next statement sees that take and goes past what it holds
            taken.addAll(takeAfter(bank, universe, texterMemberId, n - taken.size(), from));
        }
        if (taken.size() < n && from > 0 && hint.rescanDue()) {
            taken.addAll(takeAfter(bank, universe, texterMemberId, n - taken.size(), 0));
        }
        taken.stream()
                .mapToLong(Long::longValue)
                .max()
                .ifPresent(last -> hint.through.accumulateAndGet(last, Math::max));
        return taken.size();
    }

    /** How often, at most, a short take looks again from a bank's first contact. */
    static final Duration RESCAN = Duration.ofSeconds(10);

    /** Where the next take of a bank starts looking, and when one last looked from its first contact. */
    private static final class Hint {
        final AtomicLong through = new AtomicLong();
        final AtomicLong rescannedAt = new AtomicLong(Long.MIN_VALUE / 2);

        boolean rescanDue() {
            long now = System.nanoTime();
            long last = rescannedAt.get();
            return now - last >= RESCAN.toNanos() && rescannedAt.compareAndSet(last, now);
        }
    }

    private List<Long> takeAfter(TextBank bank, Universe universe, long texterMemberId, int n, long after) {
        return Universes.bind(jdbc.sql("""
                                insert into text_assignment (bank_id, contact_id, texter_member_id, phone)
                                select :bank, id, :texter, phone from (
                                    select c.id, c.phone from contact c
                                    where c.id > :after and """ + " " + Universes.MEMBERS + """
                                      and not exists (select 1 from text_assignment t
                                                      where t.bank_id = :bank and t.contact_id = c.id
                                                        and t.contact_id > :after)
                                    order by c.id limit :n
                                    for update of c skip locked) next
                                on conflict (bank_id, contact_id) do nothing
                                returning contact_id"""), universe)
                .param("bank", bank.id())
                .param("texter", texterMemberId)
                .param("n", n)
                .param("after", after)
                .query(Long.class)
                .list();
    }

    public List<Assignment> assignments(long bankId, long texterMemberId) {
        return jdbc.sql("""
                        select t.contact_id, c.full_name, t.phone, t.sent_at from text_assignment t
                        join contact c on c.id = t.contact_id
                        where t.bank_id = ? and t.texter_member_id = ? order by t.sent_at nulls first, t.contact_id""")
                .params(bankId, texterMemberId)
                .query((rs, n) -> new Assignment(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** The contacts the texter holds whose first text is still to send (the texter's queue), in id order. */
    public List<Assignment> waiting(long bankId, long texterMemberId) {
        return jdbc.sql("""
                        select t.contact_id, c.full_name, t.phone from text_assignment t
                        join contact c on c.id = t.contact_id
                        where t.bank_id = ? and t.texter_member_id = ? and t.sent_at is null order by t.contact_id""")
                .params(bankId, texterMemberId)
                .query((rs, n) -> new Assignment(rs.getLong(1), rs.getString(2), rs.getString(3), null))
                .list();
    }

    /**
     * Sends the initial message to one contact the texter holds: one outbox row, sent once however often this
     * is called. False when the texter does not hold the contact.
     */
    @Transactional
    public boolean sendInitial(TextBank bank, long contactId, long texterMemberId, String body) {
        String[] to = jdbc.sql("""
                        update text_assignment t set sent_at = coalesce(sent_at, now())
                        where bank_id = ? and contact_id = ? and texter_member_id = ?
                        returning phone, (select coalesce(left(c.district_id, 2), c.state) from contact c
                                          where c.id = t.contact_id)""")
                .params(bank.id(), contactId, texterMemberId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .orElse(null);
        if (to == null) {
            return false;
        }
        // quiet hours are counted in the contact's state (their district's, else their address's)
        OutboundMessage message = OutboundMessage.sms(
                "p2p:" + bank.id() + ":" + contactId + ":initial", to[0], "p2p-text", Map.of("body", body));
        outbox.enqueue(to[1] == null ? message : message.inState(to[1]));
        return true;
    }

    /** A reply from the texter in a conversation they hold; {@code key} (made by the page) sends it once. */
    @Transactional
    public boolean reply(TextBank bank, long contactId, long texterMemberId, String body, String key) {
        String phone = jdbc.sql("""
                        select phone from text_assignment where bank_id = ? and contact_id = ? and texter_member_id = ?
                        and sent_at is not null""")
                .params(bank.id(), contactId, texterMemberId)
                .query(String.class)
                .optional()
                .orElse(null);
        if (phone == null) {
            return false;
        }
        String outboxKey = "p2p:" + bank.id() + ":" + contactId + ":reply:" + key;
        int added = jdbc.sql("""
                        insert into text_reply (bank_id, contact_id, texter_member_id, body, outbox_key)
                        values (?, ?, ?, ?, ?) on conflict (outbox_key) do nothing""")
                .params(bank.id(), contactId, texterMemberId, body, outboxKey)
                .update();
        if (added > 0) {
            outbox.enqueue(OutboundMessage.sms(outboxKey, phone, "p2p-text", Map.of("body", body)));
        }
        return true;
    }

    /** The conversation: the initial message, the texter's replies, and what the contact sent since. */
    public List<Message> conversation(TextBank bank, long contactId) {
        List<Message> all = new ArrayList<>();
        jdbc.sql(
                        "select sent_at, phone from text_assignment where bank_id = ? and contact_id = ? and sent_at is not null")
                .params(bank.id(), contactId)
                .query(rs -> {
                    Instant sent = rs.getTimestamp(1).toInstant();
                    String body = jdbc.sql("select model ->> 'body' from outbox_message where dedup_key = ?")
                            .param("p2p:" + bank.id() + ":" + contactId + ":initial")
                            .query(String.class)
                            .optional()
                            .orElse(bank.initialMessage());
                    all.add(new Message(sent, false, body));
                    jdbc.sql("""
                                    select received_at, body from inbound_sms
                                    where from_number = ? and received_at >= ? order by received_at""")
                            .params(rs.getString(2), rs.getTimestamp(1))
                            .query((r, n) -> new Message(r.getTimestamp(1).toInstant(), true, r.getString(2)))
                            .list()
                            .forEach(all::add);
                });
        jdbc.sql("select sent_at, body from text_reply where bank_id = ? and contact_id = ?")
                .params(bank.id(), contactId)
                .query((rs, n) -> new Message(rs.getTimestamp(1).toInstant(), false, rs.getString(2)))
                .list()
                .forEach(all::add);
        all.sort(Comparator.comparing(Message::at));
        return all;
    }
}
