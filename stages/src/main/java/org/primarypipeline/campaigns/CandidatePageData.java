package org.primarypipeline.campaigns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the public candidate page ({@code /c/{cycleId}}) and the toolkit show of a chosen candidate: who
 * they are, the pledge they signed, their fundraiser and the campaign's upcoming published events. The
 * candidacy is the campaign's, or before the campaign row exists, the fundraiser's (launched for the
 * certified winner).
 */
@Component
public class CandidatePageData {

    /** The candidate and their race. */
    public record Candidate(
            String cycleId,
            String districtId,
            long candidacyId,
            String fullName,
            String statement,
            String photoUrl,
            String pledgeTitle,
            String pledgePrinciples,
            Long fundraiserId,
            String stage) {}

    /** A published event still to come, with the places left across its shifts. */
    public record Upcoming(
            long id,
            String kind,
            String title,
            Instant startsAt,
            String timeZone,
            String place,
            boolean online,
            long placesLeft) {}

    private final JdbcClient jdbc;

    public CandidatePageData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Candidate> candidate(String cycleId) {
        return jdbc.sql("""
                select c.id as cycle_id, c.district_id, k.id as candidacy_id, p.full_name, p.statement, p.photo_url,
                       v.title as pledge_title, v.principles, f.id as fundraiser_id, m.stage
                from cycle c
                left join campaign m on m.cycle_id = c.id
                left join fundraiser f on f.cycle_id = c.id
                join candidacy k on k.id = coalesce(m.candidacy_id, f.candidacy_id)
                join candidate p on p.id = k.candidate_id
                left join lateral (
                    select pv.title, pv.principles from pledge_signature s join pledge_version pv on pv.id = s.pledge_version_id
                    where s.candidate_id = p.id and s.withdrawn_at is null order by pv.version desc limit 1) v on true
                where c.id = ?
                """)
                .param(cycleId)
                .query((rs, n) -> new Candidate(
                        rs.getString("cycle_id"),
                        rs.getString("district_id"),
                        rs.getLong("candidacy_id"),
                        rs.getString("full_name"),
                        rs.getString("statement"),
                        rs.getString("photo_url"),
                        rs.getString("pledge_title"),
                        rs.getString("principles"),
                        (Long) rs.getObject("fundraiser_id"),
                        rs.getString("stage")))
                .optional();
    }

    /** The next published events of the campaign, soonest first. */
    public List<Upcoming> upcoming(String cycleId, Instant now, int limit) {
        return jdbc.sql("""
                select e.id, e.kind, e.title, e.starts_at, e.time_zone, coalesce(e.location_name, e.zip, '') as place,
                       e.video_url is not null as online,
                       coalesce((select sum(s.capacity) from event_shift s where s.event_id = e.id), 0)
                       - (select count(*) from event_rsvp r where r.event_id = e.id and r.status <> 'CANCELLED') as places_left
                from campaign_event e
                where e.cycle_id = ? and e.status = 'PUBLISHED' and e.ends_at > ?
                order by e.starts_at, e.id limit ?
                """)
                .params(cycleId, java.sql.Timestamp.from(now), limit)
                .query((rs, n) -> new Upcoming(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("title"),
                        rs.getTimestamp("starts_at").toInstant(),
                        rs.getString("time_zone"),
                        rs.getString("place"),
                        rs.getBoolean("online"),
                        Math.max(0, rs.getLong("places_left"))))
                .list();
    }

    /** A race in the district with a chosen candidate (a campaign, or a fundraiser launched for them). */
    public record Race(String cycleId, String candidate) {}

    public List<Race> racesIn(String districtId) {
        return jdbc.sql("""
                select c.id, p.full_name from cycle c
                left join campaign m on m.cycle_id = c.id
                left join fundraiser f on f.cycle_id = c.id
                join candidacy k on k.id = coalesce(m.candidacy_id, f.candidacy_id)
                join candidate p on p.id = k.candidate_id
                where c.district_id = ? and (m.ended_at is null) order by c.created_at desc limit 3
                """)
                .param(districtId)
                .query((rs, n) -> new Race(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** The cycle a fundraiser raises for, for the old fundraiser address's redirect. */
    public Optional<String> cycleOfFundraiser(long fundraiserId) {
        return jdbc.sql("select cycle_id from fundraiser where id = ?")
                .param(fundraiserId)
                .query(String.class)
                .optional();
    }
}
