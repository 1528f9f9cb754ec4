package org.primarypipeline.workflows.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowStub;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.campaigns.LadderSweep;
import org.primarypipeline.core.campaign.CampaignStage;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.ReviewChecklist;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.voting.BallotBox;
import org.primarypipeline.workflows.campaign.CampaignAction;
import org.primarypipeline.workflows.campaign.CampaignOutcome;
import org.primarypipeline.workflows.campaign.CampaignPlan;
import org.primarypipeline.workflows.campaign.CandidateCampaignWorkflow;
import org.primarypipeline.workflows.cycle.JourneyFixture.Mail;

/**
 * Issue 22's acceptance for the campaign (items 1 and 4), in Temporal's time-skipping environment with
 * the real activities on PostgreSQL and the outbox delivered by the real Camel routes to GreenMail: a
 * certified cycle starts its winner's campaign; a volunteer's events publish after the review window,
 * members RSVP and attend, the host reports; the weekly step's ladder promotes the host, asks an
 * attendee to host and offers the host the training, each once; staff extend the campaign; it reaches
 * get out the vote and wraps up with its results. A second campaign is ended by staff.
 *
 * <p>Events, RSVPs, check-ins and reports are written by {@link EventsStandIn}: it stands in for the
 * {@code events} helper's command classes and EventWorkflow (issue 22, item 2), which this branch does
 * not have; it writes the rows those would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CandidateCampaignTest {

    private JourneyFixture fx;

    @BeforeAll
    void start() {
        fx = new JourneyFixture();
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aCertifiedCycleStartsTheCampaignWhichOrganizesClimbsTheLadderAndWrapsUp() {
        String district = "CO-04";
        String id = district + "-1";
        DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
        long sitting = approveSittingMember(cycle, id);
        cycle.closeWindow(StaffAction.by("alice"));
        awaitStage(cycle, CycleStage.NOMINATION_WINDOW);
        long hana = join(district, "Hana Host");
        long ari = join(district, "Ari Attendee");
        long bo = join(district, "Bo Attendee");
        long tess = join(district, "Tess Trainer");
        fx.jdbc().sql("update member set locale = 'es' where id = ?").param(bo).update();
        certify(cycle, id, hana, sitting);

        assertThat(WorkflowStub.fromTyped(cycle).getResult(CycleOutcome.class).status())
                .as("the cycle ends as before")
                .isEqualTo(CycleStatus.COMPLETED);
        fx.recordHistory(id, "campaign-start");
        CandidateCampaignWorkflow campaign = campaign(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> stageOf(id) == CampaignStage.ORGANIZING);
        assertThat(campaign.view().electionKind())
                .as("the fixture's calendar: Colorado's primary, 26 weeks away")
                .isEqualTo("PRIMARY");
        assertThat(awaitSubject("hana.host@example.org", "The campaign for").subject())
                .isEqualTo("The campaign for " + winnerName(id) + " in CO-04 has begun");
        assertThat(awaitSubject("bo.attendee@example.org", "Empezó").subject()).startsWith("Empezó la campaña de");
        assertThat(awaitSubject("hana.host@example.org", "The campaign for").text())
                .contains("https://pp.example.org/events/new");

        // a volunteer proposes three events, a staff-trusted host a training (standing in for the events helper)
        EventsStandIn events = new EventsStandIn(fx);
        Instant t0 = now();
        long e1 = events.propose(id, hana, "PHONE_BANK", "Phone bank at Hana's", t0.plus(Duration.ofDays(2)), false);
        long e2 = events.propose(id, hana, "CANVASS", "Canvass on Elm Street", t0.plus(Duration.ofDays(4)), false);
        long e3 = events.propose(id, hana, "HOUSE_PARTY", "House party", t0.plus(Duration.ofDays(10)), false);
        long training = events.propose(id, tess, "TRAINING", "Hosts' training", t0.plus(Duration.ofDays(20)), true);
        assertThat(events.status(e1)).isEqualTo("IN_REVIEW");
        fx.env.sleep(Duration.ofHours(25));
        assertThat(events.publishDue())
                .as("the review window passed without an objection")
                .isEqualTo(3);
        assertThat(events.status(training)).isEqualTo("PUBLISHED");
        events.rsvp(e1, ari);
        events.rsvp(e1, bo);
        events.rsvp(e2, ari);
        events.rsvp(e3, bo);

        fx.env.sleep(Duration.ofDays(1).plusHours(2));
        events.checkIn(e1, ari);
        events.checkIn(e1, bo);
        events.report(e1, 2, 40, 0);
        fx.env.sleep(Duration.ofDays(2));
        events.checkIn(e2, ari);
        events.report(e2, 1, 0, 25);

        // the weekly step: Hana's digest, and the ladder
        fx.env.sleep(Duration.between(now(), t0.plus(Duration.ofDays(7)).plus(Duration.ofMinutes(5))));
        Mail digest = awaitSubject("hana.host@example.org", "Your events this week");
        assertThat(digest.text()).contains("House party", "1 / 10", "/events/" + e3 + "/host");
        assertThat(awaitSubject("ari.attendee@example.org", "Will you host an event")
                        .text())
                .contains("two events");
        Mail offer = awaitSubject("hana.host@example.org", "Thank you for hosting");
        assertThat(offer.text()).contains("Hosts' training", "https://pp.example.org/events/" + training);
        assertThat(level(hana)).isEqualTo("HOST");
        assertThat(level(ari)).isEqualTo("VOLUNTEER");
        assertThat(level(bo)).isEqualTo("VOLUNTEER");
        assertThat(level(tess)).isNull();
        assertThat(fx.jdbc()
                        .sql("select reason from trusted_host where member_id = ?")
                        .param(hana)
                        .query(String.class)
                        .single())
                .isEqualTo("REPORTED_EVENT");
        // Bo attended once: not asked yet; a second sweep asks nobody twice
        assertThat(asks(bo)).isEmpty();
        assertThat(asks(ari)).containsExactly(LadderSweep.ASK_TO_HOST);
        assertThat(asks(hana)).containsExactly(LadderSweep.OFFER_TRAINING);
        assertThat(fx.bean(LadderSweep.class).sweep(null).asks()).isZero();

        // staff extend the campaign by three days: the wrap-up moves
        Instant wrapUp = campaign.view().wrapUpAt();
        campaign.extend(CampaignAction.extend("alice", 3, "results take a while"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> campaign.view().wrapUpAt().equals(wrapUp.plus(Duration.ofDays(3))));

        // get out the vote, 10 days before election day
        Instant gotv = campaign.view().gotvFrom();
        fx.env.sleep(Duration.between(now(), gotv).plusMinutes(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> stageOf(id) == CampaignStage.GOTV);
        assertThat(awaitSubject("ari.attendee@example.org", "Get out the vote").text())
                .contains("The primary is on");

        // election day, then the wrap-up three days later than planned
        fx.env.sleep(Duration.between(now(), campaign.view().wrapUpAt()).plusMinutes(5));
        CampaignOutcome outcome = WorkflowStub.fromTyped(campaign).getResult(CampaignOutcome.class);
        assertThat(outcome.endedBy()).isNull();
        assertThat(outcome.weeks()).isGreaterThan(25);
        assertThat(stageOf(id)).isEqualTo(CampaignStage.ENDED);
        assertThat(awaitSubject("bo.attendee@example.org", "Gracias de parte de la campaña")
                        .text())
                .contains("2 eventos de 1 anfitriones, 3 asistentes, 65 llamadas");
        assertThat(fx.jdbc()
                        .sql("select runs from campaign where cycle_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("months of weeks: the history continued as new at least once")
                .isGreaterThan(1);
        assertThat(fx.client.fetchHistory(CampaignPlan.workflowId(id)).getEvents())
                .as("the last run's history")
                .hasSizeLessThan(400);

        // each campaign message arrived once per member
        await().atMost(Duration.ofSeconds(30)).until(fx::outboxSettled);
        for (String to : List.of("hana.host@example.org", "ari.attendee@example.org", "tess.trainer@example.org")) {
            assertThat(fx.mailsTo(to).stream().filter(m -> m.subject().startsWith("The campaign for")))
                    .hasSize(1);
            assertThat(fx.mailsTo(to).stream().filter(m -> m.subject().startsWith("Get out the vote")))
                    .hasSize(1);
            assertThat(fx.mailsTo(to).stream().filter(m -> m.subject().startsWith("Thank you from the campaign")))
                    .hasSize(1);
        }
        assertThat(fx.mailsTo("ari.attendee@example.org").stream()
                        .filter(m -> m.subject().startsWith("Will you host")))
                .hasSize(1);
        assertThat(timeline(id))
                .containsSubsequence(
                        "FUNDRAISER_LAUNCHED",
                        "COMPLETED",
                        "CAMPAIGN_STARTED",
                        "CAMPAIGN_KICKOFF",
                        "CAMPAIGN_EXTENDED",
                        "CAMPAIGN_GOTV",
                        "CAMPAIGN_WRAP_UP",
                        "CAMPAIGN_ENDED");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void staffCanEndACampaignEarlyAndItStillWrapsUp() {
        String district = "CO-05";
        String id = district + "-1";
        DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
        long sitting = approveSittingMember(cycle, id);
        cycle.closeWindow(StaffAction.by("alice"));
        awaitStage(cycle, CycleStage.NOMINATION_WINDOW);
        long member = join(district, "Cam Member");
        certify(cycle, id, member, sitting);
        CandidateCampaignWorkflow campaign = campaign(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> stageOf(id) == CampaignStage.ORGANIZING);
        campaign.end(CampaignAction.end("bob", "the candidate withdrew"));
        // no timer to wait for: the wrap-up follows the signal at once
        await().atMost(Duration.ofSeconds(30)).until(() -> stageOf(id) == CampaignStage.ENDED);
        assertThat(fx.jdbc()
                        .sql("select stage || ' ' || ended_by || ' ' || end_reason from campaign where cycle_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("ENDED bob the candidate withdrew");
        assertThat(awaitSubject("cam.member@example.org", "Thank you from the campaign")
                        .text())
                .contains("0 events held");
    }

    // ---- the cycle up to certification ----

    private long approveSittingMember(DistrictCycleWorkflow cycle, String id) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !fx.bean(CandidacyRepository.class).ofCycle(id).isEmpty());
        Candidacy sitting = fx.bean(CandidacyRepository.class).ofCycle(id).get(0);
        fx.bean(PledgeRepository.class).signCurrent(sitting.candidateId(), sitting.fullName(), "127.0.0.1", "staff");
        cycle.review(new VettingDecision(
                sitting.id(), VettingDecision.Verdict.APPROVE, null, "alice", ReviewChecklist.COMPLETE));
        return sitting.id();
    }

    private void certify(DistrictCycleWorkflow cycle, String id, long voter, long winner) {
        cycle.closeWindow(StaffAction.by("alice"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx.jdbc()
                                .sql(
                                        "select count(*) from cycle_event where cycle_id = ? and kind = 'ELECTORATE_FROZEN'")
                                .param(id)
                                .query(Integer.class)
                                .single()
                        > 0);
        fx.bean(BallotBox.class).cast(id, voter, List.of(winner));
        cycle.closeWindow(StaffAction.by("alice"));
        awaitStage(cycle, CycleStage.CERTIFICATION);
        cycle.certify(StaffAction.by("alice"));
        cycle.certify(StaffAction.by("bob"));
    }

    private void awaitStage(DistrictCycleWorkflow cycle, CycleStage stage) {
        await().atMost(Duration.ofSeconds(30)).until(() -> cycle.view().stage() == stage);
    }

    private long join(String district, String name) {
        return fx.bean(MemberRepository.class)
                .join(district, name, name.toLowerCase().replace(' ', '.') + "@example.org", null);
    }

    // ---- the campaign ----

    private CandidateCampaignWorkflow campaign(String cycleId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx.jdbc()
                                .sql("select count(*) from campaign where cycle_id = ?")
                                .param(cycleId)
                                .query(Integer.class)
                                .single()
                        > 0);
        return fx.client.newWorkflowStub(CandidateCampaignWorkflow.class, CampaignPlan.workflowId(cycleId));
    }

    private CampaignStage stageOf(String cycleId) {
        return CampaignStage.valueOf(fx.jdbc()
                .sql("select stage from campaign where cycle_id = ?")
                .param(cycleId)
                .query(String.class)
                .single());
    }

    private String winnerName(String cycleId) {
        return fx.jdbc().sql("""
                        select d.full_name from campaign c join candidacy k on k.id = c.candidacy_id
                        join candidate d on d.id = k.candidate_id where c.cycle_id = ?
                        """).param(cycleId).query(String.class).single();
    }

    private String level(long member) {
        return fx.jdbc()
                .sql("select level from engagement_level where member_id = ?")
                .param(member)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private List<String> asks(long member) {
        return fx.jdbc()
                .sql("select rule from ladder_ask where member_id = ? order by rule")
                .param(member)
                .query(String.class)
                .list();
    }

    private List<String> timeline(String cycleId) {
        return fx.jdbc()
                .sql("select kind from cycle_event where cycle_id = ? order by id")
                .param(cycleId)
                .query(String.class)
                .list();
    }

    private Mail awaitSubject(String to, String prefix) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> fx.mailsTo(to).stream().anyMatch(m -> m.subject().startsWith(prefix)));
        return fx.mailsTo(to).stream()
                .filter(m -> m.subject().startsWith(prefix))
                .findFirst()
                .orElseThrow();
    }

    private Instant now() {
        return Instant.ofEpochMilli(fx.env.currentTimeMillis());
    }

    /**
     * STANDS IN for the {@code events} helper's command classes and EventWorkflow (not on this branch):
     * writes the rows a proposal, the review window's publication, an RSVP, a check-in and a report write,
     * so the campaign and the ladder can be tested against them. Replace with the real commands once merged.
     */
    static final class EventsStandIn {
        private final JourneyFixture fx;

        EventsStandIn(JourneyFixture fx) {
            this.fx = fx;
        }

        long propose(String cycleId, long host, String kind, String title, Instant starts, boolean trusted) {
            Instant now = Instant.ofEpochMilli(fx.env.currentTimeMillis());
            if (trusted) {
                fx.jdbc()
                        .sql(
                                "insert into trusted_host (member_id, reason, marked_by) values (?, 'STAFF', 'alice') on conflict do nothing")
                        .param(host)
                        .update();
            }
            long event = fx.jdbc()
                    .sql("""
                            insert into campaign_event (cycle_id, district_id, host_member_id, kind, title, starts_at, ends_at,
                                                        time_zone, zip, status, publish_at)
                            select c.cycle_id, c.district_id, :host, :kind, :title, :starts, :ends, 'America/Denver', '80521',
                                   :status, :publish
                            from campaign c where c.cycle_id = :cycle
                            returning id
                            """)
                    .param("host", host)
                    .param("kind", kind)
                    .param("title", title)
                    .param("starts", Timestamp.from(starts))
                    .param("ends", Timestamp.from(starts.plus(Duration.ofHours(2))))
                    .param("status", trusted ? "PUBLISHED" : "IN_REVIEW")
                    .param("publish", Timestamp.from(trusted ? now : now.plus(Duration.ofHours(24))))
                    .param("cycle", cycleId)
                    .query(Long.class)
                    .single();
            fx.jdbc()
                    .sql("insert into event_shift (event_id, starts_at, ends_at, capacity) values (?, ?, ?, 10)")
                    .params(event, Timestamp.from(starts), Timestamp.from(starts.plus(Duration.ofHours(2))))
                    .update();
            return event;
        }

        /** What EventWorkflow does when the review window closes without an objection. */
        int publishDue() {
            return fx.jdbc()
                    .sql(
                            "update campaign_event set status = 'PUBLISHED' where status = 'IN_REVIEW' and publish_at <= ?")
                    .param(Timestamp.from(Instant.ofEpochMilli(fx.env.currentTimeMillis())))
                    .update();
        }

        String status(long event) {
            return fx.jdbc()
                    .sql("select status from campaign_event where id = ?")
                    .param(event)
                    .query(String.class)
                    .single();
        }

        void rsvp(long event, long member) {
            fx.jdbc().sql("""
                            insert into event_rsvp (event_id, shift_id, member_id, full_name, email, locale, status)
                            select s.event_id, s.id, m.id, m.full_name, m.email, m.locale, 'CONFIRMED'
                            from event_shift s, member m where s.event_id = ? and m.id = ?
                            """).params(event, member).update();
        }

        void checkIn(long event, long member) {
            fx.jdbc()
                    .sql("update event_rsvp set checked_in_at = ? where event_id = ? and member_id = ?")
                    .params(Timestamp.from(Instant.ofEpochMilli(fx.env.currentTimeMillis())), event, member)
                    .update();
        }

        void report(long event, int attended, int calls, int doors) {
            fx.jdbc()
                    .sql("""
                            update campaign_event set status = 'REPORTED', attended = ?, calls_made = ?, doors_knocked = ?,
                                   reported_at = ? where id = ?
                            """)
                    .params(
                            attended,
                            calls,
                            doors,
                            Timestamp.from(Instant.ofEpochMilli(fx.env.currentTimeMillis())),
                            event)
                    .update();
        }
    }
}
