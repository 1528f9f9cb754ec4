package org.primarypipeline.activities.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way anything in the system asks for an email or SMS: a row in {@code outbox_message}.
 * Callers write it inside their own transaction; the outreach routes deliver it.
 */
@Component
public class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns true when the message is new; a message with the same key is left as it was. */
    public boolean enqueue(OutboundMessage message) {
        return jdbc.sql("""
                        insert into outbox_message (dedup_key, channel, recipient, template, model)
                        values (:key, :channel, :recipient, :template, cast(:model as jsonb))
                        on conflict (dedup_key) do nothing
                        """)
                .param("key", message.dedupKey())
                .param("channel", message.channel().name())
                .param("recipient", message.recipient())
                .param("template", message.template())
                .param("model", toJson(message))
                .update() == 1;
    }

    private static String toJson(OutboundMessage message) {
        try {
            return JSON.writeValueAsString(message.model());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("message model is not serialisable: " + message.dedupKey(), e);
        }
    }
}
