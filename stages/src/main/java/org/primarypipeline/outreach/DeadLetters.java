package org.primarypipeline.outreach;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What staff see of messages that could not be sent, and how they send one again after fixing its cause. */
@Component
public class DeadLetters {

    private final JdbcClient jdbc;

    public DeadLetters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Most recent first. */
    public List<DeadLetter> list(int limit) {
        return page(null, limit, 0);
    }

    /** One page of dead letters, most recent first, optionally of one channel only. */
    public List<DeadLetter> page(Channel channel, int limit, int offset) {
        return jdbc.sql("""
                        select id, dedup_key, channel, recipient, template, attempts, dead_reason, created_at, dead_at
                        from outbox_message where status = 'DEAD' and (cast(:channel as text) is null or channel = :channel)
                        order by dead_at desc, id desc limit :limit offset :offset
                        """)
                .param("channel", channel == null ? null : channel.name())
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new DeadLetter(
                        rs.getLong("id"),
                        rs.getString("dedup_key"),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getString("recipient"),
                        rs.getString("template"),
                        rs.getInt("attempts"),
                        rs.getString("dead_reason"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("dead_at").toInstant()))
                .list();
    }

    public int count() {
        return count(null);
    }

    public int count(Channel channel) {
        return jdbc.sql("""
                        select count(*) from outbox_message
                        where status = 'DEAD' and (cast(:channel as text) is null or channel = :channel)
                        """)
                .param("channel", channel == null ? null : channel.name())
                .query(Integer.class)
                .single();
    }

    /**
     * Puts a dead letter back in the queue with a fresh attempt count; false if it was not dead, or if
     * it lost its single-use link when it died (sending it again would send a message without its link).
     */
    public boolean requeue(long id) {
        return jdbc.sql("""
                        update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = now(),
                               dead_reason = null, dead_at = null, last_error = 'requeued by staff after: ' || dead_reason
                        where id = :id and status = 'DEAD' and model -> :scrubbed is null
                        """)
                        .param("id", id)
                        .param("scrubbed", OutboxSecrets.SCRUBBED)
                        .update()
                == 1;
    }

    /** Whether this message's single-use link was dropped when it died (the member asks for a fresh one). */
    public boolean lostItsSecrets(long id) {
        return jdbc.sql("select count(*) from outbox_message where id = :id and model -> :scrubbed is not null")
                        .param("id", id)
                        .param("scrubbed", OutboxSecrets.SCRUBBED)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public record DeadLetter(
            long id,
            String dedupKey,
            Channel channel,
            String recipient,
            String template,
            int attempts,
            String reason,
            Instant createdAt,
            Instant deadAt) {}
}
