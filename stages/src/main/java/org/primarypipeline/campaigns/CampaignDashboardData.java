package org.primarypipeline.campaigns;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign dashboard's figures, each one set-based query over the campaign's events, shifts, RSVPs,
 * levels, attribution and goals. Read by the console's {@code /campaigns/{cycleId}} page.
 */
@Component
public class CampaignDashboardData {

    public record Campaign(String cycleId, String districtId, String candidate, String stage, Long fundraiserId) {}

    public record Shifts(long shifts, long capacity, long filled, long attended) {}

    public record Contacts(long calls, long doors, long texts) {

        public long total() {
            return calls + doors + texts;
        }
    }

    public record EventRow(
            long id,
            String title,
            String kind,
            String status,
            Instant startsAt,
            String host,
            long rsvps,
            long viaRefcode) {}

    public record RefcodeRow(String code, String member, long joins, long rsvps, long donations, long donatedCents) {}

    public record Week(LocalDate starts, long rsvps, long events, long contacts) {}

    public record Host(String name, long events, long attended, long contacts) {}

    public record Goal(String metric, long target, long reached) {}

    /** Goal metrics in the order the page shows them (campaign_goal's check). */
    public static final List<String> METRICS =
            List.of("EVENTS", "SHIFTS_FILLED", "ATTENDED", "HOSTS", "CONTACTS", "DONATIONS_CENTS");

    private final JdbcClient jdbc;

    public CampaignDashboardData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Campaign> campaign(String cycleId) {
        return jdbc.sql("""
                select m.cycle_id, m.district_id, p.full_name, m.stage, f.id
                from campaign m join candidacy k on k.id = m.candidacy_id join candidate p on p.id = k.candidate_id
                left join fundraiser f on f.cycle_id = m.cycle_id
                where m.cycle_id = ?
                """)
                .param(cycleId)
                .query((rs, n) -> new Campaign(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), (Long) rs.getObject(5)))
                .optional();
    }

    public Map<String, Long> eventsByStatus(String cycleId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String s : List.of("IN_REVIEW", "PUBLISHED", "OBJECTED", "CANCELLED", "REPORTED")) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) from campaign_event where cycle_id = ? group by status")
                .param(cycleId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    public Shifts shifts(String cycleId) {
        return jdbc.sql("""
                select (select count(*) from event_shift s join campaign_event e on e.id = s.event_id where e.cycle_id = :c),
                       (select coalesce(sum(s.capacity), 0) from event_shift s join campaign_event e on e.id = s.event_id where e.cycle_id = :c),
                       count(*) filter (where r.status <> 'CANCELLED'),
                       count(*) filter (where r.checked_in_at is not null)
                from event_rsvp r join campaign_event e on e.id = r.event_id where e.cycle_id = :c
                """)
                .param("c", cycleId)
                .query((rs, n) -> new Shifts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /** People around the campaign (the district group's members, hosts and attendees) by level. */
    public Map<String, Long> peopleByLevel(String cycleId, String districtId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String l : List.of("SUPPORTER", "VOLUNTEER", "HOST", "ORGANIZER")) {
            counts.put(l, 0L);
        }
        jdbc.sql("""
                with people as (
                    select gm.member_id from group_membership gm join district_group g on g.id = gm.group_id
                    where g.district_id = :d and gm.left_at is null
                    union select r.member_id from event_rsvp r join campaign_event e on e.id = r.event_id
                    where e.cycle_id = :c and r.member_id is not null
                    union select e.host_member_id from campaign_event e where e.cycle_id = :c)
                select coalesce(l.level, 'SUPPORTER'), count(*) from people p left join engagement_level l on l.member_id = p.member_id
                group by 1
                """).param("c", cycleId).param("d", districtId).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    public Contacts contacts(String cycleId) {
        return jdbc.sql("""
                select coalesce(sum(calls_made), 0), coalesce(sum(doors_knocked), 0), coalesce(sum(texts_sent), 0)
                from campaign_event where cycle_id = ? and status = 'REPORTED'
                """)
                .param(cycleId)
                .query((rs, n) -> new Contacts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    public List<EventRow> events(String cycleId, int limit) {
        return jdbc.sql("""
                select e.id, e.title, e.kind, e.status, e.starts_at, h.full_name,
                       (select count(*) from event_rsvp r where r.event_id = e.id and r.status <> 'CANCELLED'),
                       (select count(*) from event_rsvp r join attribution a on a.subject_kind = 'RSVP' and a.subject_id = r.id
                        where r.event_id = e.id and r.status <> 'CANCELLED')
                from campaign_event e join member h on h.id = e.host_member_id
                where e.cycle_id = ? order by e.starts_at desc, e.id desc limit ?
                """)
                .params(cycleId, limit)
                .query((rs, n) -> new EventRow(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getLong(7),
                        rs.getLong(8)))
                .list();
    }

    /** What each share code brought to this campaign, by last touch (first touch when there is no last). */
    public List<RefcodeRow> byRefcode(String cycleId, int limit) {
        return jdbc.sql("""
                select r.code, m.full_name,
                       count(*) filter (where a.subject_kind = 'JOIN'), count(*) filter (where a.subject_kind = 'RSVP'),
                       count(*) filter (where a.subject_kind = 'DONATION'),
                       coalesce(sum(d.amount_cents) filter (where d.status = 'SUCCEEDED'), 0) as cents
                from attribution a join refcode r on r.code = coalesce(a.last_refcode, a.first_refcode)
                join member m on m.id = r.member_id
                left join donation d on a.subject_kind = 'DONATION' and d.id = a.subject_id
                where a.cycle_id = ?
                group by r.code, m.full_name order by cents desc, count(*) desc, r.code limit ?
                """)
                .params(cycleId, limit)
                .query((rs, n) -> new RefcodeRow(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    /** The last {@code weeks} weeks (Monday first, UTC), oldest first, with the empty weeks too. */
    public List<Week> weekly(String cycleId, Instant now, int weeks) {
        return jdbc.sql("""
                with w as (select generate_series(date_trunc('week', cast(:now as timestamptz) at time zone 'UTC') - (:n - 1) * interval '1 week',
                                                  date_trunc('week', cast(:now as timestamptz) at time zone 'UTC'), interval '1 week') as starts)
                select cast(w.starts as date),
                       (select count(*) from event_rsvp r join campaign_event e on e.id = r.event_id
                        where e.cycle_id = :c and r.created_at at time zone 'UTC' >= w.starts
                          and r.created_at at time zone 'UTC' < w.starts + interval '1 week'),
                       (select count(*) from campaign_event e where e.cycle_id = :c and e.status in ('PUBLISHED', 'REPORTED')
                          and e.starts_at at time zone 'UTC' >= w.starts and e.starts_at at time zone 'UTC' < w.starts + interval '1 week'),
                       (select coalesce(sum(coalesce(calls_made, 0) + coalesce(doors_knocked, 0) + coalesce(texts_sent, 0)), 0)
                        from campaign_event e where e.cycle_id = :c and e.status = 'REPORTED'
                          and e.starts_at at time zone 'UTC' >= w.starts and e.starts_at at time zone 'UTC' < w.starts + interval '1 week')
                from w order by w.starts
                """)
                .param("now", Timestamp.from(now))
                .param("n", weeks)
                .param("c", cycleId)
                .query((rs, n) -> new Week(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public List<Host> hosts(String cycleId, int limit) {
        return jdbc.sql("""
                select m.full_name, count(*), coalesce(sum(e.attended), 0),
                       coalesce(sum(coalesce(e.calls_made, 0) + coalesce(e.doors_knocked, 0) + coalesce(e.texts_sent, 0)), 0)
                from campaign_event e join member m on m.id = e.host_member_id
                where e.cycle_id = ? and e.status in ('PUBLISHED', 'REPORTED')
                group by m.id, m.full_name order by 3 desc, 2 desc, m.full_name limit ?
                """)
                .params(cycleId, limit)
                .query((rs, n) -> new Host(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The staff-set goals with how far each has come. */
    public List<Goal> goals(String cycleId) {
        return jdbc.sql("""
                select g.metric, g.target, case g.metric
                  when 'EVENTS' then (select count(*) from campaign_event e where e.cycle_id = g.cycle_id and e.status in ('PUBLISHED', 'REPORTED'))
                  when 'SHIFTS_FILLED' then (select count(*) from event_rsvp r join campaign_event e on e.id = r.event_id
                                             where e.cycle_id = g.cycle_id and r.status <> 'CANCELLED')
                  when 'ATTENDED' then (select count(*) from event_rsvp r join campaign_event e on e.id = r.event_id
                                        where e.cycle_id = g.cycle_id and r.checked_in_at is not null)
                  when 'HOSTS' then (select count(distinct e.host_member_id) from campaign_event e
                                     where e.cycle_id = g.cycle_id and e.status in ('PUBLISHED', 'REPORTED'))
                  when 'CONTACTS' then (select coalesce(sum(coalesce(calls_made, 0) + coalesce(doors_knocked, 0) + coalesce(texts_sent, 0)), 0)
                                        from campaign_event e where e.cycle_id = g.cycle_id and e.status = 'REPORTED')
                  else (select coalesce(sum(d.amount_cents), 0) from donation d join fundraiser f on f.id = d.fundraiser_id
                        where f.cycle_id = g.cycle_id and d.status = 'SUCCEEDED') end
                from campaign_goal g where g.cycle_id = ?
                order by array_position(array['EVENTS','SHIFTS_FILLED','ATTENDED','HOSTS','CONTACTS','DONATIONS_CENTS'], g.metric)
                """)
                .param(cycleId)
                .query((rs, n) -> new Goal(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Sets (or replaces) one goal; the command class checks who may. */
    public void setGoal(String cycleId, String metric, long target, String setBy) {
        jdbc.sql("""
                insert into campaign_goal (cycle_id, metric, target, set_by) values (?, ?, ?, ?)
                on conflict (cycle_id, metric) do update set target = excluded.target, set_by = excluded.set_by, set_at = now()
                """).params(cycleId, metric, target, setBy).update();
    }

    /** A campaign in the list; {@link #list} takes null districts for all of them. */
    public record Listed(String cycleId, String districtId, String candidate, String stage, long events, long rsvps) {}

    public List<Listed> list(List<String> districts) {
        return jdbc.sql("""
                select m.cycle_id, m.district_id, p.full_name, m.stage,
                       (select count(*) from campaign_event e where e.cycle_id = m.cycle_id),
                       (select count(*) from event_rsvp r join campaign_event e on e.id = r.event_id
                        where e.cycle_id = m.cycle_id and r.status <> 'CANCELLED')
                from campaign m join candidacy k on k.id = m.candidacy_id join candidate p on p.id = k.candidate_id
                where cast(:all as boolean) or m.district_id = any(cast(:districts as text[]))
                order by m.ended_at is not null, m.district_id, m.cycle_id limit 500
                """)
                .param("all", districts == null)
                .param("districts", districts == null ? new String[0] : districts.toArray(new String[0]))
                .query((rs, n) -> new Listed(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getLong(6)))
                .list();
    }

    /** The district of a campaign, for the access check before anything else is read. */
    public Optional<String> districtOf(String cycleId) {
        return jdbc.sql("select district_id from campaign where cycle_id = ?")
                .param(cycleId)
                .query(String.class)
                .optional();
    }

    /** A volunteer of the campaign's district to write to. */
    public record Volunteer(long memberId, String fullName, String email, String locale) {}

    /**
     * The district's volunteers with an email address: members who reached a level above supporter in
     * the district, attended or signed up for one of its campaigns' events, or hosted one. Consent is the
     * outbox's to respect.
     */
    public List<Volunteer> volunteers(String districtId) {
        return jdbc.sql("""
                with v as (
                    select member_id from engagement_level where district_id = :d and level <> 'SUPPORTER'
                    union select r.member_id from event_rsvp r join campaign_event e on e.id = r.event_id
                    where e.district_id = :d and r.member_id is not null and r.status <> 'CANCELLED'
                    union select host_member_id from campaign_event where district_id = :d)
                select m.id, m.full_name, m.email, m.locale from v join member m on m.id = v.member_id
                where m.email is not null order by m.id
                """)
                .param("d", districtId)
                .query((rs, n) -> new Volunteer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }
}
