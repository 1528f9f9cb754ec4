package org.primarypipeline.contacts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every attempt to reach a contact, on any channel: the row results and exports are read from. */
@Repository
public class ContactAttempts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One attempt; {@code clientAttemptId} (made by the page) makes a resend of the same attempt change nothing. */
    public record Attempt(
            String cycleId,
            long contactId,
            Universe.Channel channel,
            ContactResult result,
            Map<String, String> answers,
            String notes,
            Long packetId,
            Long volunteerMemberId,
            String volunteer,
            String clientAttemptId) {}

    /** Attempts of one day, channel and volunteer. */
    public record DailyCount(LocalDate day, String channel, String volunteer, long attempts, long talked) {}

    /** One volunteer's attempts of one day, by channel (the volunteer's name when a member). */
    public record VolunteerDay(LocalDate day, String volunteer, long calls, long texts, long doors, long talked) {}

    /** One row of the export. */
    public record Row(
            long id,
            Instant at,
            String channel,
            String result,
            long contactId,
            String fullName,
            String phone,
            String email,
            String districtId,
            String precinct,
            String volunteer,
            String answers,
            String notes) {}

    private final JdbcClient jdbc;

    public ContactAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the attempt; false when one with the same client attempt id is already there. */
    public boolean record(Attempt a) {
        return record(a, null);
    }

    /** Writes the attempt made on a canvassing turf; false when its client attempt id is already there. */
    public boolean record(Attempt a, Long turfId) {
        return jdbc.sql("""
                        insert into contact_attempt (cycle_id, contact_id, channel, result, answers, notes, packet_id,
                            volunteer_member_id, volunteer, client_attempt_id, turf_id)
                        values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?)
                        on conflict (client_attempt_id) do nothing""")
                        .params(
                                a.cycleId(),
                                a.contactId(),
                                a.channel().name(),
                                a.result().name(),
                                json(a.answers()),
                                a.notes(),
                                a.packetId(),
                                a.volunteerMemberId(),
                                a.volunteer(),
                                a.clientAttemptId(),
                                turfId)
                        .update()
                > 0;
    }

    public List<DailyCount> daily(String cycleId) {
        return jdbc.sql("""
                        select (created_at at time zone 'UTC')::date, channel, volunteer, count(*),
                               count(*) filter (where result = 'TALKED')
                        from contact_attempt where cycle_id = ? group by 1, 2, 3 order by 1, 2, 3""")
                .param(cycleId)
                .query((rs, n) -> new DailyCount(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }

    /** The last {@code days} days' attempts by day and volunteer, newest day first, at most {@code limit} rows. */
    public List<VolunteerDay> byDayAndVolunteer(String cycleId, int days, int limit) {
        return jdbc.sql("""
                        select (a.created_at at time zone 'UTC')::date, coalesce(m.full_name, a.volunteer),
                               count(*) filter (where a.channel = 'PHONE'), count(*) filter (where a.channel = 'SMS'),
                               count(*) filter (where a.channel = 'DOOR'), count(*) filter (where a.result = 'TALKED')
                        from contact_attempt a left join member m on m.id = a.volunteer_member_id
                        where a.cycle_id = ? and a.created_at > now() - make_interval(days => ?)
                        group by 1, 2 order by 1 desc, 2 limit ?""")
                .params(cycleId, days, limit)
                .query((rs, n) -> new VolunteerDay(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    /** Survey totals: question, answer, how many gave it. */
    public List<String[]> surveyTotals(String cycleId) {
        return jdbc.sql("""
                        select q.key, q.value, count(*) from contact_attempt a, jsonb_each_text(a.answers) q
                        where a.cycle_id = ? group by 1, 2 order by 1, 3 desc""")
                .param(cycleId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))})
                .list();
    }

    /** Every attempt of the campaign, oldest first, one at a time (an export may be large). */
    public void export(String cycleId, Consumer<Row> each) {
        jdbc.sql("""
                        select a.id, a.created_at, a.channel, a.result, a.contact_id, c.full_name, c.phone, c.email,
                               c.district_id, c.precinct, a.volunteer, a.answers::text, a.notes
                        from contact_attempt a join contact c on c.id = a.contact_id
                        where a.cycle_id = ? order by a.id""").param(cycleId).query(rs -> {
            each.accept(new Row(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getString(13)));
        });
    }

    private static String json(Map<String, String> answers) {
        try {
            return JSON.writeValueAsString(answers == null ? Map.of() : answers);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
