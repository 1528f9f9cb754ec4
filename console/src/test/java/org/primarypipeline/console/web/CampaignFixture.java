package org.primarypipeline.console.web;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A chosen candidate's campaign written straight to PostgreSQL, as the campaign and events helpers'
 * workflows will: a completed cycle in the district, the winner's candidacy with a signed pledge, the
 * campaign row, and published events with one shift each. Districts GA-01 to GA-12 are this suite's.
 */
final class CampaignFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(900);

    final JdbcClient jdbc;
    final String cycleId;
    final String districtId;
    final long hostMemberId;

    CampaignFixture(JdbcClient jdbc, String districtId, String candidate, String hostName) {
        this.jdbc = jdbc;
        this.districtId = districtId;
        int sequence = SEQUENCE.incrementAndGet();
        this.cycleId = districtId + "-" + sequence;
        String plan = jdbc.sql("select id from district_plan where is_current")
                .query(String.class)
                .single();
        jdbc.sql("""
                insert into cycle (id, plan_id, district_id, sequence, status, stage, settings, created_by)
                values (?, ?, ?, ?, 'COMPLETED', 'DONE', cast(? as jsonb), 'test')
                """).params(cycleId, plan, districtId, sequence, settings()).update();
        long candidateId = jdbc.sql("insert into candidate (full_name, statement) values (?, ?) returning id")
                .params(candidate, candidate + " will hold town halls in every county of " + districtId + ".")
                .query(Long.class)
                .single();
        long candidacyId =
                jdbc.sql("""
                insert into candidacy (cycle_id, candidate_id, source, status) values (?, ?, 'DECLARED', 'APPROVED') returning id
                """).params(cycleId, candidateId).query(Long.class).single();
        jdbc.sql("""
                insert into pledge_signature (pledge_version_id, candidate_id, typed_name)
                select id, ?, ? from pledge_version order by version desc limit 1
                """).params(candidateId, candidate).update();
        jdbc.sql("insert into campaign (cycle_id, district_id, candidacy_id, stage) values (?, ?, ?, 'ORGANIZING')")
                .params(cycleId, districtId, candidacyId)
                .update();
        hostMemberId = member(hostName);
    }

    /** Settings the app can read back (a cycle row with unreadable settings breaks every cycle listing). */
    static String settings() {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                    .writeValueAsString(org.primarypipeline.core.cycle.CycleSettings.defaults());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    long member(String name) {
        return jdbc.sql("insert into member (full_name, email) values (?, ?) returning id")
                .params(name, name.toLowerCase().replace(' ', '.') + "." + cycleId.toLowerCase() + "@example.org")
                .query(Long.class)
                .single();
    }

    /** A published event starting {@code in} from now, with one shift; returns {event id, shift id}. */
    long[] event(String title, String kind, Duration in, String status) {
        Instant starts = Instant.now().plus(in);
        long event = jdbc.sql("""
                insert into campaign_event (cycle_id, district_id, host_member_id, kind, title, starts_at, ends_at, time_zone,
                                            location_name, zip, status, publish_at)
                values (?, ?, ?, ?, ?, ?, ?, 'America/New_York', 'Public library', '30303', ?, now()) returning id
                """)
                .params(
                        cycleId,
                        districtId,
                        hostMemberId,
                        kind,
                        title,
                        Timestamp.from(starts),
                        Timestamp.from(starts.plus(Duration.ofHours(3))),
                        status)
                .query(Long.class)
                .single();
        long shift = jdbc.sql("""
                insert into event_shift (event_id, starts_at, ends_at, capacity) values (?, ?, ?, 10) returning id
                """)
                .params(event, Timestamp.from(starts), Timestamp.from(starts.plus(Duration.ofHours(3))))
                .query(Long.class)
                .single();
        return new long[] {event, shift};
    }

    /** An RSVP as the events helper's page writes it (until its command lands on main). */
    long rsvp(long[] event, String name, String email) {
        return jdbc.sql("""
                insert into event_rsvp (event_id, shift_id, full_name, email, status) values (?, ?, ?, ?, 'CONFIRMED') returning id
                """)
                .params(event[0], event[1], name, email)
                .query(Long.class)
                .single();
    }
}
