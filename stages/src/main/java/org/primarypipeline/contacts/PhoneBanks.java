package org.primarypipeline.contacts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Call packets and the leases that keep two callers off the same contact. A caller leases the next open
 * contact of the packet ({@code FOR UPDATE SKIP LOCKED}: concurrent callers each lock a different row and
 * never wait for one another) for {@code ttl}; a lease that expires (the caller closed the page) is taken
 * by the next caller. Recording a result ends the contact's place in the packet for good, so nobody is
 * called twice from one packet.
 */
@Repository
public class PhoneBanks {

    private final JdbcClient jdbc;
    private final ContactAttempts attempts;

    public PhoneBanks(JdbcClient jdbc, ContactAttempts attempts) {
        this.jdbc = jdbc;
        this.attempts = attempts;
    }

    /** Builds a packet from who the universe holds now; returns its id and how many contacts it got. */
    @Transactional
    public long[] build(Universe universe, String name, String script, List<String> questions, String by) {
        long id = jdbc.sql("""
                        insert into call_packet (cycle_id, universe_id, name, script, questions, created_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(universe.cycleId(), universe.id(), name, script, questions.toArray(String[]::new), by)
                .query(Long.class)
                .single();
        int added = Universes.bind(
                        jdbc.sql(
                                "insert into packet_contact (packet_id, contact_id) select :packet, c.id from contact c where "
                                        + Universes.MEMBERS),
                        universe)
                .param("packet", id)
                .update();
        return new long[] {id, added};
    }

    /** The campaign's newest open packet, the one {@code /me/call/{campaign}} serves. */
    public Optional<CallPacket> openPacket(String cycleId) {
        return jdbc.sql("select * from call_packet where cycle_id = ? and status = 'OPEN' order by id desc limit 1")
                .param(cycleId)
                .query(PhoneBanks::map)
                .optional();
    }

    public Optional<CallPacket> packet(long id) {
        return jdbc.sql("select * from call_packet where id = ?")
                .param(id)
                .query(PhoneBanks::map)
                .optional();
    }

    /**
     * The contact this caller holds, or the next free one, leased to them until now + {@code ttl}. Opt-outs
     * and do-not-calls recorded after the packet was built are skipped here too. Empty when the packet is done.
     */
    @Transactional
    public Optional<Contact> lease(long packetId, String caller, Duration ttl) {
        Optional<Long> contactId = jdbc.sql("""
                        with next as (
                            select pc.packet_id, pc.contact_id
                            from packet_contact pc join contact c on c.id = pc.contact_id
                            where pc.packet_id = :packet and pc.done_at is null
                              and (pc.lease_until is null or pc.lease_until < now() or pc.leased_to = :caller)
                              and not exists (select 1 from consent k
                                              where k.channel = 'SMS' and k.address = c.phone and k.opted_out)
                              and not exists (select 1 from do_not_call d where d.phone = c.phone)
                            order by (pc.leased_to is not distinct from :caller) desc, pc.contact_id
                            limit 1
                            for update of pc skip locked)
                        update packet_contact p set leased_to = :caller, lease_until = now() + make_interval(secs => :ttl)
                        from next where p.packet_id = next.packet_id and p.contact_id = next.contact_id
                        returning p.contact_id""")
                .param("packet", packetId)
                .param("caller", caller)
                .param("ttl", (double) ttl.toSeconds())
                .query(Long.class)
                .optional();
        return contactId.flatMap(this::contact);
    }

    /** Whether the caller holds the contact now (or held it and nobody took it since). */
    public boolean holds(long packetId, long contactId, String caller) {
        return jdbc.sql("""
                        select count(*) > 0 from packet_contact where packet_id = ? and contact_id = ? and done_at is null
                        and (leased_to = ? or lease_until is null or lease_until < now())""")
                .params(packetId, contactId, caller)
                .query(Boolean.class)
                .single();
    }

    /**
     * Records the call and closes the contact's place in the packet, in one transaction; a DO_NOT_CALL puts the
     * phone on the list every campaign reads. Returns false when the caller no longer holds the contact (it was
     * done, or leased by someone else after the lease expired): nothing is written then.
     */
    @Transactional
    public boolean record(
            CallPacket packet,
            long contactId,
            String caller,
            Long memberId,
            ContactResult result,
            Map<String, String> answers,
            String notes,
            String clientAttemptId) {
        return record(packet, contactId, caller, memberId, null, null, result, answers, notes, clientAttemptId);
    }

    /** As above, for a guest caller too: their session ({@code caller_session}) and name go on the attempt. */
    @Transactional
    public boolean record(
            CallPacket packet,
            long contactId,
            String caller,
            Long memberId,
            Long guestSessionId,
            String guestName,
            ContactResult result,
            Map<String, String> answers,
            String notes,
            String clientAttemptId) {
        int closed = jdbc.sql("""
                        update packet_contact set done_at = now(), leased_to = :caller, lease_until = null
                        where packet_id = :packet and contact_id = :contact and done_at is null
                          and (leased_to = :caller or lease_until is null or lease_until < now())""")
                .param("packet", packet.id())
                .param("contact", contactId)
                .param("caller", caller)
                .update();
        if (closed == 0) {
            return false;
        }
        attempts.record(new ContactAttempts.Attempt(
                packet.cycleId(),
                contactId,
                Universe.Channel.PHONE,
                result,
                answers,
                notes,
                packet.id(),
                memberId,
                caller,
                clientAttemptId));
        jdbc.sql("""
                        update contact_attempt set bridged_call_id = (
                            select max(b.id) from bridged_call b
                            where b.packet_id = :packet and b.contact_id = :contact and b.caller = :caller)
                        where packet_id = :packet and contact_id = :contact and volunteer = :caller
                          and bridged_call_id is null""")
                .param("packet", packet.id())
                .param("contact", contactId)
                .param("caller", caller)
                .update();
        if (guestSessionId != null) {
            jdbc.sql("""
                            update contact_attempt set caller_session_id = ?, caller_name = ?
                            where packet_id = ? and contact_id = ? and volunteer = ? and caller_session_id is null""")
                    .params(guestSessionId, guestName, packet.id(), contactId, caller)
                    .update();
        }
        if (result == ContactResult.DO_NOT_CALL) {
            doNotCall(contactId, caller);
        }
        return true;
    }

    /** Puts the contact's phone on the list every campaign's calls leave out. */
    public void doNotCall(long contactId, String recordedBy) {
        jdbc.sql("""
                        insert into do_not_call (phone, cycle_id, recorded_by)
                        select phone, cycle_id, ? from contact where id = ? and phone is not null
                        on conflict (phone) do nothing""").params(recordedBy, contactId).update();
    }

    /** How many of the packet's contacts are done and how many are left. */
    public long[] progress(long packetId) {
        return jdbc.sql("""
                        select count(*) filter (where done_at is not null), count(*) filter (where done_at is null)
                        from packet_contact where packet_id = ?""")
                .param(packetId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    public Optional<Contact> contact(long id) {
        return jdbc.sql("select * from contact where id = ?")
                .param(id)
                .query(PhoneBanks::contact)
                .optional();
    }

    static Contact contact(ResultSet rs, int n) throws SQLException {
        Array tags = rs.getArray("tags");
        return new Contact(
                rs.getLong("id"),
                rs.getString("cycle_id"),
                rs.getString("full_name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("street"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("zip"),
                rs.getString("district_id"),
                rs.getString("precinct"),
                rs.getString("party"),
                (Integer) rs.getObject("age"),
                tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()));
    }

    private static CallPacket map(ResultSet rs, int n) throws SQLException {
        Array q = rs.getArray("questions");
        return new CallPacket(
                rs.getLong("id"),
                rs.getString("cycle_id"),
                rs.getLong("universe_id"),
                rs.getString("name"),
                rs.getString("script"),
                q == null ? List.of() : Arrays.asList((String[]) q.getArray()),
                rs.getString("status"));
    }
}
