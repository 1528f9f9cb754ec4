package org.primarypipeline.outreach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way anything in the system asks for an email or SMS: a row in {@code outbox_message}.
 * Callers write it inside their own transaction; the outreach routes deliver it.
 *
 * <p>A message to an address that has opted out (see {@link ConsentRegistry} for the rules) is still
 * written, as SUPPRESSED, so that its key stays taken and staff can see why nothing went out; the
 * entries it marked secret are dropped at once, since it will never be sent.
 */
@Component
public class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keeps one statement's JSON parameter to a few megabytes. */
    private static final int CHUNK = 2_000;

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns true when the message is new; a message with the same key is left as it was. */
    public boolean enqueue(OutboundMessage message) {
        return enqueueAll(List.of(message)) == 1;
    }

    /**
     * Which of these keys are taken already: a sender that must do something costly per message (issue a
     * single-use link, say) asks first, so a retried activity does it once.
     */
    public Set<String> taken(List<String> dedupKeys) {
        if (dedupKeys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select dedup_key from outbox_message where dedup_key = any(?::text[])")
                .param(dedupKeys.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /**
     * Queues many messages in a few statements (a reminder to a whole district, say); returns how many
     * were new. Messages whose keys are already taken are left as they were.
     */
    public int enqueueAll(List<OutboundMessage> messages) {
        int added = 0;
        for (int from = 0; from < messages.size(); from += CHUNK) {
            List<OutboundMessage> chunk = messages.subList(from, Math.min(messages.size(), from + CHUNK));
            added += jdbc.sql("""
                            insert into outbox_message (dedup_key, channel, recipient, template, model, transactional,
                                                        recipient_zone, next_attempt_at, status, last_error)
                            select r.dedup_key, r.channel, r.recipient, r.template,
                                   case when blocked.yes then %s else r.model end, r.transactional,
                                   r.recipient_zone, coalesce(r.not_before, now()),
                                   case when blocked.yes then 'SUPPRESSED' else 'PENDING' end,
                                   case when blocked.yes then 'recipient had opted out when the message was queued' end
                            from jsonb_to_recordset(cast(:rows as jsonb)) as r (dedup_key text, channel text,
                                     recipient text, template text, model jsonb, transactional boolean,
                                     recipient_zone text, not_before timestamptz)
                            cross join lateral (select exists (
                                select 1 from consent k
                                where k.channel = r.channel and k.address = r.recipient and k.opted_out
                                  and (r.channel = 'SMS' or not r.transactional)) as yes) blocked
                            on conflict (dedup_key) do nothing
                            """.formatted(OutboxSecrets.scrubbed("r.model")))
                    .param("rows", toJson(chunk))
                    .update();
        }
        return added;
    }

    private static String toJson(List<OutboundMessage> messages) {
        List<Map<String, Object>> rows = new ArrayList<>(messages.size());
        for (OutboundMessage message : messages) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("dedup_key", message.dedupKey());
            row.put("channel", message.channel().name());
            row.put("recipient", Addresses.normalize(message.channel(), message.recipient()));
            row.put("template", message.template());
            row.put("model", message.model());
            row.put("transactional", message.transactional());
            row.put(
                    "recipient_zone",
                    message.recipientZone() == null
                            ? null
                            : message.recipientZone().getId());
            row.put(
                    "not_before",
                    message.notBefore() == null ? null : message.notBefore().toString());
            rows.add(row);
        }
        try {
            return JSON.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a message model is not serialisable", e);
        }
    }
}
