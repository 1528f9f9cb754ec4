package org.primarypipeline.contacts;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calls the app placed through Twilio Voice for a volunteer (their phone first, then bridged to the
 * contact), with the status Twilio reported for each leg. The attempt the volunteer saves points at the
 * latest such call ({@code contact_attempt.bridged_call_id}, set by {@link PhoneBanks#record}).
 */
@Repository
public class BridgedCalls {

    /** A call as the call page shows it. */
    public record Bridged(long id, String status, String contactStatus) {}

    private final JdbcClient jdbc;

    public BridgedCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long start(String cycleId, long packetId, long contactId, String caller, String volunteerPhone) {
        return jdbc.sql("""
                insert into bridged_call (cycle_id, packet_id, contact_id, caller, volunteer_phone)
                values (?, ?, ?, ?, ?) returning id""")
                .params(cycleId, packetId, contactId, caller, volunteerPhone)
                .query(Long.class)
                .single();
    }

    /** Twilio took the call: its CallSid. */
    public void placed(long id, String callSid, String status) {
        jdbc.sql("update bridged_call set call_sid = ?, status = ?, updated_at = now() where id = ?")
                .params(callSid, status == null ? "queued" : status, id)
                .update();
    }

    /** Twilio refused the call. */
    public void failed(long id, String error) {
        jdbc.sql("update bridged_call set status = 'failed', error = ?, updated_at = now() where id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, id)
                .update();
    }

    /**
     * A status callback: the volunteer's leg ({@code contactLeg} false, the call we created, matched by its
     * CallSid) or the contact's (the {@code <Dial>}'s number). False when no such call is known.
     */
    public boolean status(long id, String callSid, boolean contactLeg, String status, Integer durationSeconds) {
        String kept = status == null ? "unknown" : status.length() > 40 ? status.substring(0, 40) : status;
        if (contactLeg) {
            return jdbc.sql("update bridged_call set contact_status = ?, updated_at = now() where id = ?")
                            .params(kept, id)
                            .update()
                    == 1;
        }
        return jdbc.sql("""
                        update bridged_call set status = ?, duration_seconds = coalesce(?, duration_seconds),
                            updated_at = now()
                        where id = ? and (call_sid = ? or call_sid is null)""").params(kept, durationSeconds, id, callSid).update() == 1;
    }

    /** The caller's latest call to the contact, if any. */
    public Optional<Bridged> latest(String caller, long contactId) {
        return jdbc.sql("""
                select id, status, contact_status from bridged_call where caller = ? and contact_id = ?
                order by id desc limit 1""")
                .params(caller, contactId)
                .query((rs, n) -> new Bridged(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
