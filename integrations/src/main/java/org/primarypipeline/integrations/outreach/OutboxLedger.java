package org.primarypipeline.integrations.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.primarypipeline.outreach.Channel;
import org.primarypipeline.outreach.OutboxSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The senders' side of {@code outbox_message}: claiming due rows and writing down what became of them.
 * Every write after a claim accepts a row that the reaper has meanwhile put back to PENDING, because
 * the slow sender's word about its own send is still the truth.
 */
@Component
public class OutboxLedger {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MODEL = new TypeReference<>() {};

    private final JdbcClient jdbc;

    public OutboxLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes up to {@code limit} due rows of one channel, oldest due first. SKIP LOCKED lets several
     * senders (threads or processes) claim side by side without waiting on, or double-taking, each other's rows.
     */
    public List<ClaimedMessage> claim(Channel channel, int limit, Instant now, String claimant) {
        return jdbc.sql("""
                        update outbox_message m
                        set status = 'SENDING', claimed_at = :now, claimed_by = :claimant, attempts = m.attempts + 1
                        where m.id in (select id from outbox_message
                                       where status = 'PENDING' and channel = :channel and next_attempt_at <= :now
                                       order by next_attempt_at, id
                                       limit :limit
                                       for update skip locked)
                        returning m.id, m.dedup_key, m.channel, m.recipient, m.template, m.model::text as model,
                                  m.transactional, m.recipient_zone, m.attempts, m.unsubscribe_token
                        """)
                .param("now", Timestamp.from(now))
                .param("claimant", claimant)
                .param("channel", channel.name())
                .param("limit", limit)
                .query(OutboxLedger::claimed)
                .list();
    }

    /** The stored model once sent: the entries marked secret (OutboundMessage.withSecrets) are dropped. */
    public static final String WITHOUT_SECRETS =
            "(model - array(select jsonb_array_elements_text(coalesce(model -> '_secrets', '[]'::jsonb)))) - '_secrets'";

    public void sent(long id, String messageId, String providerMessageId, Instant now) {
        jdbc.sql("""
                        update outbox_message
                        set status = 'SENT', sent_at = :now, last_error = null, model = %s,
                            message_id = coalesce(:messageId, message_id),
                            provider_message_id = coalesce(:providerId, provider_message_id)
                        where id = :id and status in ('SENDING', 'PENDING')
                        """.formatted(WITHOUT_SECRETS))
                .param("id", id)
                .param("now", Timestamp.from(now))
                .param("messageId", messageId)
                .param("providerId", providerMessageId)
                .update();
    }

    /** A transient failure: the row waits until {@code at}. */
    public void retryLater(long id, Instant at, String error) {
        jdbc.sql("""
                        update outbox_message set status = 'PENDING', next_attempt_at = :at, last_error = :error,
                               claimed_at = null, claimed_by = null
                        where id = :id and status in ('SENDING', 'PENDING')
                        """)
                .param("id", id)
                .param("at", Timestamp.from(at))
                .param("error", error)
                .update();
    }

    /** A message that will never be sent keeps no single-use link either. */
    public void deadLetter(long id, String reason, Instant now) {
        jdbc.sql("""
                        update outbox_message set status = 'DEAD', dead_reason = :reason, dead_at = :now,
                               last_error = :reason, claimed_at = null, claimed_by = null, model = %s
                        where id = :id and status in ('SENDING', 'PENDING')
                        """.formatted(OutboxSecrets.scrubbed("model")))
                .param("id", id)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    public void suppress(long id, String reason) {
        jdbc.sql("""
                        update outbox_message set status = 'SUPPRESSED', last_error = :reason, claimed_at = null,
                               claimed_by = null, model = %s
                        where id = :id and status in ('SENDING', 'PENDING')
                        """.formatted(OutboxSecrets.scrubbed("model")))
                .param("id", id)
                .param("reason", reason)
                .update();
    }

    /** Holds rows back without counting the claim as an attempt (quiet hours are nobody's failure). */
    public void defer(Collection<Long> ids, Instant until, String why) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update outbox_message set status = 'PENDING', next_attempt_at = :until, last_error = :why,
                               attempts = greatest(attempts - 1, 0), claimed_at = null, claimed_by = null
                        where id in (:ids) and status in ('SENDING', 'PENDING')
                        """)
                .param("ids", List.copyOf(ids))
                .param("until", Timestamp.from(until))
                .param("why", why)
                .update();
    }

    /**
     * Returns rows claimed before {@code claimedBefore} and never settled to PENDING: their sender
     * died. Some of them may have reached the provider already; sending them again is the price of
     * never losing one (email carries the same Message-ID the second time).
     */
    public int reclaimOrphans(Instant claimedBefore) {
        return jdbc.sql("""
                        update outbox_message set status = 'PENDING',
                               last_error = 'sender stopped while sending (claimed by ' || coalesce(claimed_by, '?')
                                            || ' at ' || claimed_at || '); sending again',
                               claimed_at = null, claimed_by = null
                        where status = 'SENDING' and claimed_at < :before
                        """).param("before", Timestamp.from(claimedBefore)).update();
    }

    private static ClaimedMessage claimed(ResultSet rs, int row) throws SQLException {
        String zone = rs.getString("recipient_zone");
        return new ClaimedMessage(
                rs.getLong("id"),
                rs.getString("dedup_key"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"),
                rs.getString("template"),
                model(rs.getString("model")),
                rs.getBoolean("transactional"),
                zone == null ? null : ZoneId.of(zone),
                rs.getInt("attempts"),
                rs.getObject("unsubscribe_token", UUID.class));
    }

    private static Map<String, Object> model(String json) {
        try {
            return JSON.readValue(json, MODEL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox model is not a JSON object: " + json, e);
        }
    }
}
