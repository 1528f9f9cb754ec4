package org.primarypipeline.campaigns;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.primarypipeline.platform.links.PublicLinks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ladder of engagement, one set-based statement per rule (docs/campaigns.md): SUPPORTER → VOLUNTEER
 * (checked in at an event) → HOST (hosted an event that reported) → ORGANIZER ({@code
 * pp.ladder.organizer-events} reported events in one district, or named by staff), levels only ever rising;
 * hosts of reported events become trusted hosts; and the next asks, each once per person per rule (the
 * {@code ladder_ask} primary key), queued in the outbox in the same transaction as the ask's row. Every
 * rule is idempotent, so a sweep that stops half-way is simply run again: the {@code ladder-sweep} job
 * runs them hourly over every campaign, a campaign's weekly step over its own ({@code cycleId}; null: all).
 */
@Component
public class LadderSweep {

    public static final String ASK_TO_HOST = "ASK_TO_HOST";
    public static final String OFFER_TRAINING = "OFFER_TRAINING";

    /** What one sweep did, rule by rule. */
    public record Outcome(
            int volunteers, int hosts, int organizers, int trustedHosts, int askedToHost, int offeredTraining) {

        public int asks() {
            return askedToHost + offeredTraining;
        }
    }

    private static final String RANK = "array_position(array['SUPPORTER','VOLUNTEER','HOST','ORGANIZER'], %s)";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final CampaignSettings settings;
    private final CampaignMessages messages;
    private final PublicLinks links;
    private final TransactionTemplate tx;
    private final Clock clock;

    public LadderSweep(
            JdbcClient jdbc,
            Outbox outbox,
            CampaignSettings settings,
            CampaignMessages messages,
            PublicLinks links,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.settings = settings;
        this.messages = messages;
        this.links = links;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Outcome sweep(String cycleId) {
        return new Outcome(
                promoteVolunteers(cycleId),
                promoteHosts(cycleId),
                promoteOrganizers(cycleId),
                trustHosts(cycleId),
                askToHost(cycleId),
                offerTraining(cycleId));
    }

    /** SUPPORTER → VOLUNTEER: checked in at an event. */
    public int promoteVolunteers(String cycleId) {
        return promote("""
                select distinct on (r.member_id) r.member_id, e.district_id
                from event_rsvp r join campaign_event e on e.id = r.event_id
                where r.checked_in_at is not null and r.member_id is not null
                  and (cast(:cycle as text) is null or e.cycle_id = :cycle)
                order by r.member_id, r.checked_in_at
                """, "VOLUNTEER", cycleId);
    }

    /** → HOST: hosted an event that reported. */
    public int promoteHosts(String cycleId) {
        return promote("""
                select distinct on (e.host_member_id) e.host_member_id, e.district_id
                from campaign_event e
                where e.status = 'REPORTED' and (cast(:cycle as text) is null or e.cycle_id = :cycle)
                order by e.host_member_id, e.reported_at desc
                """, "HOST", cycleId);
    }

    /** → ORGANIZER of a district: hosted that many reported events there. */
    public int promoteOrganizers(String cycleId) {
        return promote("""
                select distinct on (host_member_id) host_member_id, district_id from (
                    select e.host_member_id, e.district_id, count(*) as n
                    from campaign_event e
                    where e.status = 'REPORTED'
                      and (cast(:cycle as text) is null or e.district_id = (select district_id from campaign where cycle_id = :cycle))
                    group by e.host_member_id, e.district_id
                    having count(*) >= :n) reported
                order by host_member_id, n desc, district_id
                """, "ORGANIZER", cycleId);
    }

    private int promote(String who, String level, String cycleId) {
        String sql = """
                insert into engagement_level (member_id, level, district_id, promoted_at)
                select p.member_id, :level, p.district_id, :now from (%s) p (member_id, district_id)
                on conflict (member_id) do update
                    set level = excluded.level, district_id = excluded.district_id, promoted_at = excluded.promoted_at,
                        named_by = null
                    where %s < %s
                """.formatted(who, RANK.formatted("engagement_level.level"), RANK.formatted("excluded.level"));
        var statement = jdbc.sql(sql)
                .param("level", level)
                .param("now", Timestamp.from(clock.instant()))
                .param("cycle", cycleId);
        if (sql.contains(":n")) {
            statement = statement.param("n", settings.organizerEvents());
        }
        return statement.update();
    }

    /** Hosts of reported events publish at once from now on (the events helper may have marked them first). */
    public int trustHosts(String cycleId) {
        return jdbc.sql("""
                        insert into trusted_host (member_id, reason, marked_at)
                        select distinct e.host_member_id, 'REPORTED_EVENT', cast(:now as timestamptz)
                        from campaign_event e
                        where e.status = 'REPORTED' and (cast(:cycle as text) is null or e.cycle_id = :cycle)
                        on conflict (member_id) do nothing
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("cycle", cycleId)
                .update();
    }

    /** An attendee who has hosted nothing is asked to host after their second attended event. */
    public int askToHost(String cycleId) {
        return tx.execute(s -> {
            List<OutboundMessage> queued = new ArrayList<>();
            Map<String, CampaignMessages.Campaign> campaigns = new HashMap<>();
            jdbc.sql("""
                            with attended as (
                                select r.member_id, max(e.cycle_id) as cycle_id
                                from event_rsvp r join campaign_event e on e.id = r.event_id
                                where r.checked_in_at is not null and r.member_id is not null
                                  and (cast(:cycle as text) is null or e.cycle_id = :cycle)
                                group by r.member_id
                                having count(distinct r.event_id) >= 2
                            ), asked as (
                                insert into ladder_ask (member_id, rule, cycle_id, asked_at)
                                select a.member_id, :rule, a.cycle_id, :now from attended a
                                where not exists (select 1 from campaign_event h where h.host_member_id = a.member_id)
                                on conflict do nothing
                                returning member_id, cycle_id
                            )
                            select a.member_id, a.cycle_id, m.full_name, m.email, m.locale
                            from asked a join member m on m.id = a.member_id
                            where m.email is not null
                            """)
                    .param("cycle", cycleId)
                    .param("rule", ASK_TO_HOST)
                    .param("now", Timestamp.from(clock.instant()))
                    .query((rs, n) -> {
                        Map<String, Object> model = messages.model(
                                campaigns.computeIfAbsent(rs.getString(2), messages::campaign), rs.getString(5));
                        model.put("memberName", rs.getString(3));
                        return OutboundMessage.email(
                                "ladder:" + ASK_TO_HOST + ":member:" + rs.getLong(1),
                                rs.getString(4),
                                "ladder-ask-host",
                                model);
                    })
                    .list()
                    .forEach(queued::add);
            outbox.enqueueAll(queued);
            return queued.size();
        });
    }

    /** A host of a reported event is offered the campaign's next training event, once. */
    public int offerTraining(String cycleId) {
        return tx.execute(s -> {
            List<OutboundMessage> queued = new ArrayList<>();
            Map<String, CampaignMessages.Campaign> campaigns = new HashMap<>();
            jdbc.sql("""
                            with hosts as (
                                select distinct on (e.host_member_id) e.host_member_id as member_id, e.cycle_id
                                from campaign_event e
                                where e.status = 'REPORTED' and (cast(:cycle as text) is null or e.cycle_id = :cycle)
                                  and not exists (select 1 from ladder_ask a where a.member_id = e.host_member_id and a.rule = :rule)
                                order by e.host_member_id, e.reported_at desc
                            ), offers as (
                                select h.member_id, h.cycle_id, t.id as training_id, t.starts_at, t.time_zone, t.title
                                from hosts h join lateral (
                                    select t.id, t.starts_at, t.time_zone, t.title from campaign_event t
                                    where t.cycle_id = h.cycle_id and t.kind = 'TRAINING' and t.status = 'PUBLISHED'
                                      and t.starts_at > :now and t.host_member_id <> h.member_id
                                    order by t.starts_at, t.id limit 1) t on true
                            ), asked as (
                                insert into ladder_ask (member_id, rule, cycle_id, asked_at)
                                select member_id, :rule, cycle_id, :now from offers
                                on conflict do nothing
                                returning member_id
                            )
                            select o.member_id, o.cycle_id, m.full_name, m.email, m.locale, o.training_id, o.starts_at,
                                   o.time_zone, o.title
                            from asked a join offers o on o.member_id = a.member_id join member m on m.id = a.member_id
                            where m.email is not null
                            """)
                    .param("cycle", cycleId)
                    .param("rule", OFFER_TRAINING)
                    .param("now", Timestamp.from(clock.instant()))
                    .query((rs, n) -> {
                        String locale = rs.getString(5);
                        Map<String, Object> model =
                                messages.model(campaigns.computeIfAbsent(rs.getString(2), messages::campaign), locale);
                        model.put("memberName", rs.getString(3));
                        model.put("trainingTitle", rs.getString(9));
                        model.put(
                                "trainingStartsAt",
                                CampaignMessages.when(
                                        rs.getTimestamp(7).toInstant(), ZoneId.of(rs.getString(8)), (String)
                                                model.get("locale")));
                        model.put("trainingUrl", links.url("/events/" + rs.getLong(6)));
                        return OutboundMessage.email(
                                "ladder:" + OFFER_TRAINING + ":member:" + rs.getLong(1),
                                rs.getString(4),
                                "ladder-training-offer",
                                model);
                    })
                    .list()
                    .forEach(queued::add);
            outbox.enqueueAll(queued);
            return queued.size();
        });
    }

    /** Staff name an organizer of a district (whatever their level so far). */
    public void nameOrganizer(long memberId, String districtId, String staff) {
        jdbc.sql("""
                        insert into engagement_level (member_id, level, district_id, named_by, promoted_at)
                        values (:member, 'ORGANIZER', :district, :staff, :now)
                        on conflict (member_id) do update
                            set level = 'ORGANIZER', district_id = excluded.district_id, named_by = excluded.named_by,
                                promoted_at = excluded.promoted_at
                        """)
                .param("member", memberId)
                .param("district", districtId)
                .param("staff", staff)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
