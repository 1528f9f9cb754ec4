package org.primarypipeline.campaigns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primarypipeline.core.campaign.CampaignStage;
import org.primarypipeline.core.campaign.ElectionCalendar;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.time.RecipientTimeZones;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.outreach.OutboundMessage;
import org.primarypipeline.outreach.Outbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The campaign's effects. Messages go to the outbox in the same transaction as the change that causes
 * them, keyed by campaign, step and recipient, so a retried activity queues nothing twice.
 */
@Component
public class CampaignActivitiesImpl implements CampaignActivities {

    /** Digests cover the events of the next eight days: a day's overlap, so none falls between two digests. */
    static final Duration DIGEST_AHEAD = Duration.ofDays(8);

    private final CampaignRepository campaigns;
    private final CampaignMessages messages;
    private final LadderSweep ladder;
    private final CycleRepository cycles;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ElectionCalendar calendar;
    private final Clock clock;
    private final CampaignStarter starter;

    @Autowired
    public CampaignActivitiesImpl(
            CampaignRepository campaigns,
            CampaignMessages messages,
            LadderSweep ladder,
            CycleRepository cycles,
            Outbox outbox,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            ObjectProvider<Clock> clock,
            ObjectProvider<ElectionCalendar> calendar,
            CampaignStarter starter) {
        this.campaigns = campaigns;
        this.messages = messages;
        this.ladder = ladder;
        this.cycles = cycles;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        // the shipped calendar unless the context defines one (tests bring the election within weeks)
        this.calendar = calendar.getIfAvailable(ElectionCalendar::shipped);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.starter = starter;
    }

    @Override
    public boolean start(String cycleId, long candidacyId, Long fundraiserId) {
        return starter.start(cycleId, candidacyId, fundraiserId);
    }

    @Override
    public CampaignSchedule open(String cycleId, long candidacyId, Long fundraiserId) {
        CycleRecord cycle = cycles.find(cycleId).orElseThrow(() -> new IllegalArgumentException("no cycle " + cycleId));
        Instant now = clock.instant();
        LocalDate today = now.atZone(RecipientTimeZones.ofDistrictOrEastern(cycle.districtId()))
                .toLocalDate();
        // from tomorrow: a campaign started on election day works toward the next one
        ElectionCalendar.Election election = calendar.next(cycle.districtId(), today.plusDays(1));
        tx.executeWithoutResult(s -> {
            if (campaigns.createOnce(cycleId, cycle.districtId(), candidacyId, fundraiserId, election, now)) {
                cycles.record(
                        cycleId,
                        CycleStage.DONE,
                        "CAMPAIGN_STARTED",
                        "campaign started toward the " + election.kind().name().toLowerCase() + " election on "
                                + election.day(),
                        "system",
                        "campaign-started");
            } else {
                campaigns.countRun(cycleId);
            }
        });
        return campaigns.get(cycleId);
    }

    @Override
    public CampaignSchedule enterStage(String cycleId, CampaignStage stage) {
        campaigns.advance(cycleId, stage, clock.instant());
        return campaigns.get(cycleId);
    }

    @Override
    public int kickoff(String cycleId) {
        return toGroup(cycleId, "campaign-kickoff", Map.of());
    }

    @Override
    public int gotv(String cycleId) {
        return toGroup(cycleId, "campaign-gotv", Map.of());
    }

    @Override
    public int wrapUp(String cycleId) {
        Map<String, Object> results = jdbc.sql("""
                        select count(*) filter (where status = 'REPORTED') as events,
                               coalesce(sum(attended), 0) as attended,
                               coalesce(sum(coalesce(calls_made, 0) + coalesce(doors_knocked, 0) + coalesce(texts_sent, 0)), 0) as contacts,
                               count(distinct host_member_id) filter (where status = 'REPORTED') as hosts
                        from campaign_event where cycle_id = ?
                        """)
                .param(cycleId)
                .query((rs, n) -> Map.<String, Object>of(
                        "events", rs.getLong(1),
                        "attended", rs.getLong(2),
                        "contacts", rs.getLong(3),
                        "hosts", rs.getLong(4)))
                .single();
        return toGroup(cycleId, "campaign-wrap-up", results);
    }

    private int toGroup(String cycleId, String template, Map<String, Object> extra) {
        return tx.execute(s -> {
            List<OutboundMessage> queued = messages.toGroup(messages.campaign(cycleId), template, extra);
            outbox.enqueueAll(queued);
            cycles.record(
                    cycleId,
                    CycleStage.DONE,
                    "CAMPAIGN_"
                            + template.substring("campaign-".length())
                                    .toUpperCase()
                                    .replace('-', '_'),
                    template + " queued for " + queued.size() + " member(s)",
                    "system",
                    template);
            return queued.size();
        });
    }

    @Override
    public int weekly(String cycleId, int week) {
        Instant now = clock.instant();
        int digests = tx.execute(s -> {
            List<OutboundMessage> queued = new ArrayList<>(
                    messages.hostDigests(messages.campaign(cycleId), week, now, now.plus(DIGEST_AHEAD)));
            outbox.enqueueAll(queued);
            return queued.size();
        });
        LadderSweep.Outcome swept = ladder.sweep(cycleId);
        return digests + swept.asks();
    }

    @Override
    public CampaignSchedule extend(String cycleId, int days, String actor, String reason) {
        if (days < 1) {
            throw new IllegalArgumentException("an extension is one day or more");
        }
        campaigns.extend(cycleId, days, actor, reason);
        CampaignSchedule schedule = campaigns.get(cycleId);
        cycles.record(
                cycleId,
                CycleStage.DONE,
                "CAMPAIGN_EXTENDED",
                "campaign extended by " + days + " day(s) by " + actor + ": wrap-up on " + schedule.wrapUpAt()
                        + (reason == null ? "" : " (" + reason + ")"),
                actor,
                "campaign-extended:" + schedule.wrapUpAt());
        return schedule;
    }

    @Override
    public void finish(String cycleId, String endedBy, String reason) {
        tx.executeWithoutResult(s -> {
            campaigns.finish(cycleId, endedBy, reason, clock.instant());
            cycles.record(
                    cycleId,
                    CycleStage.DONE,
                    "CAMPAIGN_ENDED",
                    endedBy == null
                            ? "campaign wrapped up after the election; the group stays"
                            : "campaign ended by " + endedBy + (reason == null ? "" : ": " + reason)
                                    + "; the group stays",
                    endedBy == null ? "system" : endedBy,
                    "campaign-ended");
        });
    }
}
