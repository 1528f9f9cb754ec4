package org.primarypipeline.outreach;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one record of who may be messaged where, written by SMS keywords (STOP, START), email
 * unsubscribe links and carrier refusals, and read by the outbox at enqueue and by the senders right
 * before each send. Keyed by channel and normalised address ({@link Addresses}).
 *
 * <p>Rules: an SMS opt-out stops every SMS to that number, transactional or not (carriers enforce
 * this anyway, and a message they block counts against the sender). An email unsubscribe stops
 * non-transactional email only; ballot links and receipts still go. An opt-out on one channel does not
 * touch the other: STOP is a keyword about texts.
 */
@Component
public class ConsentRegistry {

    private final JdbcClient jdbc;

    public ConsentRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns true when this changed the address's state (a repeated STOP changes nothing and logs nothing). */
    public boolean optOut(Channel channel, String address, String source, String evidence) {
        return record(channel, address, true, source, evidence);
    }

    public boolean optIn(Channel channel, String address, String source, String evidence) {
        return record(channel, address, false, source, evidence);
    }

    public boolean isOptedOut(Channel channel, String address) {
        return jdbc.sql(
                        "select coalesce((select opted_out from consent where channel = :channel and address = :address), false)")
                .param("channel", channel.name())
                .param("address", Addresses.normalize(channel, address))
                .query(Boolean.class)
                .single();
    }

    /** Whether a message of this kind may go to this address now. */
    public boolean allows(Channel channel, String address, boolean transactional) {
        if (channel == Channel.EMAIL && transactional) {
            return true;
        }
        return !isOptedOut(channel, address);
    }

    public Optional<ConsentRecord> find(Channel channel, String address) {
        return jdbc.sql(
                        "select opted_out, source, evidence, changed_at from consent where channel = :channel and address = :address")
                .param("channel", channel.name())
                .param("address", Addresses.normalize(channel, address))
                .query((rs, n) -> new ConsentRecord(
                        channel,
                        Addresses.normalize(channel, address),
                        rs.getBoolean("opted_out"),
                        rs.getString("source"),
                        rs.getString("evidence"),
                        rs.getTimestamp("changed_at").toInstant()))
                .optional();
    }

    private boolean record(Channel channel, String address, boolean optedOut, String source, String evidence) {
        return jdbc.sql("""
                        with changed as (
                            insert into consent (channel, address, opted_out, source, evidence)
                            values (:channel, :address, :optedOut, :source, :evidence)
                            on conflict (channel, address) do update
                                set opted_out = excluded.opted_out, source = excluded.source,
                                    evidence = excluded.evidence, changed_at = now()
                                where consent.opted_out is distinct from excluded.opted_out
                            returning channel, address, opted_out, source, evidence
                        )
                        insert into consent_event (channel, address, opted_out, source, evidence)
                        select channel, address, opted_out, source, evidence from changed
                        """)
                        .param("channel", channel.name())
                        .param("address", Addresses.normalize(channel, address))
                        .param("optedOut", optedOut)
                        .param("source", source)
                        .param("evidence", evidence)
                        .update()
                == 1;
    }

    /** The current consent of one address; no record means never opted out. */
    public record ConsentRecord(
            Channel channel, String address, boolean optedOut, String source, String evidence, Instant changedAt) {}
}
