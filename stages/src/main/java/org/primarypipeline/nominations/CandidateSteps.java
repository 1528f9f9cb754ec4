package org.primarypipeline.nominations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A nominee's or candidate's timeline: what they did (events) and what was sent to them (outbox rows,
 * listed here by step). Each step's message has a dedup key naming the step and the person, so a retried
 * activity or a double-clicked form queues it once.
 */
@Component
public class CandidateSteps {

    /** One line of the timeline, oldest first. */
    public record Entry(Instant at, String kind, String detail, String actor, String messageStatus, Instant sentAt) {
        public boolean message() {
            return messageStatus != null;
        }
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public CandidateSteps(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /** Queues a step's message (once per dedup key) and lists it on the person's timeline. */
    public boolean send(OutboundMessage message, Long nominationId, Long candidacyId, String step) {
        boolean fresh = outbox.enqueue(message);
        jdbc.sql("""
                insert into candidate_message (dedup_key, nomination_id, candidacy_id, step) values (?, ?, ?, ?)
                on conflict (dedup_key) do nothing
                """)
                .params(message.dedupKey(), nominationId, candidacyId, step)
                .update();
        return fresh;
    }

    /** Records what happened; the same dedup key twice records it once. */
    public boolean event(
            Long nominationId, Long candidacyId, String kind, String detail, String actor, String dedupKey) {
        return jdbc.sql("""
                insert into candidate_event (nomination_id, candidacy_id, kind, detail, actor, dedup_key)
                values (?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing
                """)
                        .params(nominationId, candidacyId, kind, detail == null ? "" : detail, actor, dedupKey)
                        .update()
                == 1;
    }

    /** Steps already queued for a candidacy or its nominations (e.g. to stop reminders). */
    public int countSteps(long nominationId, String stepPrefix) {
        return jdbc.sql("select count(*) from candidate_message where nomination_id = ? and step like ?")
                .params(nominationId, stepPrefix + "%")
                .query(Integer.class)
                .single();
    }

    /**
     * Everything about one candidacy, with the nominations that led to it: events and messages by time.
     * A message's time is when it was queued; {@code sentAt} when the mail server took it.
     */
    public List<Entry> timelineOfCandidacy(long candidacyId) {
        List<Entry> entries = timeline(
                "(x.candidacy_id = :c or x.nomination_id in (select id from nomination where candidacy_id = :c))",
                candidacyId);
        // the certification and fundraiser steps are queued by their own activities, under their own keys
        entries.addAll(jdbc.sql("""
                select o.created_at, o.template, o.recipient, o.status, o.sent_at from outbox_message o, candidacy k
                where k.id = :c and (o.dedup_key = 'cycle:' || k.cycle_id || ':certified:candidacy:' || k.id
                   or o.dedup_key in (select 'fundraiser:' || f.id || ':live:candidate:' || k.candidate_id
                                      from fundraiser f where f.cycle_id = k.cycle_id))
                """)
                .param("c", candidacyId)
                .query((rs, n) -> {
                    Timestamp sent = rs.getTimestamp("sent_at");
                    return new Entry(
                            rs.getTimestamp("created_at").toInstant(),
                            "SENT " + rs.getString("template"),
                            rs.getString("template") + " to " + rs.getString("recipient"),
                            "system",
                            rs.getString("status"),
                            sent == null ? null : sent.toInstant());
                })
                .list());
        entries.sort(java.util.Comparator.comparing(Entry::at));
        return entries;
    }

    public List<Entry> timelineOfNomination(long nominationId) {
        return timeline("x.nomination_id = :c", nominationId);
    }

    private List<Entry> timeline(String where, long id) {
        List<Entry> entries = new ArrayList<>();
        entries.addAll(jdbc.sql("select at, kind, detail, actor from candidate_event x where " + where)
                .param("c", id)
                .query((rs, n) -> new Entry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("kind"),
                        rs.getString("detail"),
                        rs.getString("actor"),
                        null,
                        null))
                .list());
        entries.addAll(jdbc.sql("""
                select o.created_at, x.step, o.template, o.recipient, o.status, o.sent_at
                from candidate_message x join outbox_message o on o.dedup_key = x.dedup_key
                where """ + " " + where)
                .param("c", id)
                .query((rs, n) -> {
                    Timestamp sent = rs.getTimestamp("sent_at");
                    return new Entry(
                            rs.getTimestamp("created_at").toInstant(),
                            "SENT " + rs.getString("step"),
                            rs.getString("template") + " to " + rs.getString("recipient"),
                            "system",
                            rs.getString("status"),
                            sent == null ? null : sent.toInstant());
                })
                .list());
        entries.sort(java.util.Comparator.comparing(Entry::at));
        return entries;
    }
}
