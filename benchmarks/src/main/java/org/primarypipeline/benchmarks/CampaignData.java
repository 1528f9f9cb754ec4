package org.primarypipeline.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.campaigns.CampaignRepository;
import org.primarypipeline.core.campaign.ElectionCalendar;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.vetting.CandidacyRepository;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data {@code pp bench campaign} sweeps, generated in PostgreSQL in a few set-based statements: one
 * campaign per district (first {@code campaigns} districts of the plan), {@code members} members spread
 * over them, events hosted by a quarter as many hosts as events per district (so some host enough to
 * become organizers), one tenth of them trainings, about half in the past and reported; RSVPs from each
 * district's own members, seven in ten of a reported event's checked in.
 */
final class CampaignData {

    private CampaignData() {}

    static List<String> generate(ActivitiesContext db, int campaigns, int events, int rsvps, int members) {
        JdbcClient jdbc = db.jdbc();
        List<String> districts = jdbc.sql("select id from district where plan_id = 'cd2026' order by id limit ?")
                .param(campaigns)
                .query(String.class)
                .list();
        List<String> cycles = new ArrayList<>();
        LocalDate election = ElectionCalendar.generalOnOrAfter(LocalDate.now(java.time.ZoneOffset.UTC));
        for (String district : districts) {
            CycleRecord cycle = db.bean(CycleRepository.class)
                    .create("cd2026", district, CycleSettings.defaults(), "bench", Instant.now());
            long candidacy = db.bean(CandidacyRepository.class)
                    .nominate(cycle.id(), "Candidate " + district, "candidate." + district + "@example.org", null);
            db.bean(CampaignRepository.class)
                    .createOnce(
                            cycle.id(),
                            district,
                            candidacy,
                            null,
                            new ElectionCalendar.Election(ElectionCalendar.Kind.GENERAL, election),
                            Instant.now());
            cycles.add(cycle.id());
        }
        // the cycles are over: their campaigns run
        jdbc.sql("update cycle set status = 'COMPLETED', stage = 'DONE' where created_by = 'bench'")
                .update();
        int c = districts.size();
        int perDistrict = Math.max(1, members / c);
        int hostsPerDistrict = Math.max(1, events / c / 4);
        jdbc.sql("""
                        create temporary table bench_campaign as
                        select (row_number() over (order by district_id) - 1)::int as i, cycle_id, district_id
                        from campaign
                        """).update();
        jdbc.sql("""
                        insert into member (full_name, email, district_plan_id, district_id)
                        select 'Bench Member ' || g, 'bench.member.' || g || '@example.org', 'cd2026', b.district_id
                        from generate_series(0, :m - 1) g join bench_campaign b on b.i = g % :c
                        """).param("m", perDistrict * c).param("c", c).update();
        jdbc.sql("""
                        create temporary table bench_member as
                        select b.i as district_index,
                               (row_number() over (partition by m.district_id order by m.id) - 1)::int as k, m.id as member_id
                        from member m join bench_campaign b on b.district_id = m.district_id
                        where m.email like 'bench.member.%'
                        """).update();
        jdbc.sql("create index on bench_member (district_index, k)").update();
        jdbc.sql("""
                        insert into campaign_event (cycle_id, district_id, host_member_id, kind, title, starts_at, ends_at,
                                                    time_zone, status, publish_at, reported_at, attended, calls_made, doors_knocked)
                        select b.cycle_id, b.district_id, h.member_id,
                               case when e % 10 = 0 then 'TRAINING'
                                    else (array['PHONE_BANK','CANVASS','TEXT_BANK','HOUSE_PARTY','OTHER'])[1 + e % 5] end,
                               'Bench event ' || e, s.starts, s.starts + interval '2 hours', 'America/New_York',
                               case when e % 10 between 1 and 5 then 'REPORTED' else 'PUBLISHED' end,
                               s.starts - interval '3 days',
                               case when e % 10 between 1 and 5 then s.starts + interval '3 hours' end,
                               case when e % 10 between 1 and 5 then 10 end,
                               case when e % 10 between 1 and 5 then 100 end,
                               case when e % 10 between 1 and 5 then 50 end
                        from generate_series(0, :e - 1) e
                        join bench_campaign b on b.i = e % :c
                        join bench_member h on h.district_index = b.i and h.k = (e / :c) % :hosts
                        cross join lateral (select case when e % 10 between 1 and 5
                                                        then now() - interval '1 day' * (1 + e % 60)
                                                        else now() + interval '1 day' * (1 + e % 60) end as starts) s
                        """)
                .param("e", events)
                .param("c", c)
                .param("hosts", Math.min(hostsPerDistrict, perDistrict))
                .update();
        jdbc.sql("""
                        insert into event_shift (event_id, starts_at, ends_at, capacity)
                        select id, starts_at, ends_at, 50 from campaign_event
                        """).update();
        jdbc.sql("""
                        create temporary table bench_event as
                        select (row_number() over (order by e.id) - 1)::int as idx, e.id, s.id as shift_id, b.i as district_index,
                               e.status, e.starts_at
                        from campaign_event e join event_shift s on s.event_id = e.id
                        join bench_campaign b on b.cycle_id = e.cycle_id
                        """).update();
        jdbc.sql("create index on bench_event (idx)").update();
        int eventCount = jdbc.sql("select count(*) from bench_event")
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into event_rsvp (event_id, shift_id, member_id, full_name, email, status, checked_in_at)
                        select be.id, be.shift_id, m.member_id, 'Bench RSVP ' || r, 'bench.rsvp.' || r || '@example.org',
                               'CONFIRMED', case when be.status = 'REPORTED' and r % 10 < 7 then be.starts_at end
                        from generate_series(0, :r - 1) r
                        join bench_event be on be.idx = r % :e
                        join bench_member m on m.district_index = be.district_index
                                            and m.k = ((r / :e) + be.idx * 7) % :per
                        """)
                .param("r", rsvps)
                .param("e", eventCount)
                .param("per", perDistrict)
                .update();
        jdbc.sql("analyze").update();
        return cycles;
    }

    /** {@code count} events for one campaign, {@code rsvpsEach} RSVPs each (people who are not members). */
    static void eventsFor(JdbcClient jdbc, String cycleId, String district, int count, int rsvpsEach) {
        jdbc.sql("""
                        insert into campaign_event (cycle_id, district_id, host_member_id, kind, title, starts_at, ends_at,
                                                    time_zone, status, publish_at)
                        select :cycle, :district, (select min(id) from member) + e % 20, 'PHONE_BANK', 'History event ' || e,
                               now() + interval '1 hour' * (e * 7), now() + interval '1 hour' * (e * 7 + 2),
                               'America/Denver', 'PUBLISHED', now()
                        from generate_series(0, :n - 1) e
                        """)
                .param("cycle", cycleId)
                .param("district", district)
                .param("n", count)
                .update();
        jdbc.sql("""
                        insert into event_shift (event_id, starts_at, ends_at, capacity)
                        select id, starts_at, ends_at, 50 from campaign_event where cycle_id = ?
                        """).param(cycleId).update();
        jdbc.sql("""
                        insert into event_rsvp (event_id, shift_id, full_name, email, status)
                        select s.event_id, s.id, 'History RSVP ' || s.id || '-' || g,
                               'history.' || s.id || '.' || g || '@example.org', 'CONFIRMED'
                        from event_shift s join campaign_event e on e.id = s.event_id, generate_series(1, :each) g
                        where e.cycle_id = :cycle
                        """).param("each", rsvpsEach).param("cycle", cycleId).update();
    }
}
