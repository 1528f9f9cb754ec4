package org.primarypipeline.workflows.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.campaigns.LadderSweep;
import org.primarypipeline.campaigns.events.EventKind;
import org.primarypipeline.campaigns.events.EventStore;
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
import org.primarypipeline.workflows.events.EventWorkflow;

/**
 * Issue 22's acceptance for the campaign (items 1 and 4), in Temporal's time-skipping environment with
 * the real activities on PostgreSQL and the outbox delivered by the real Camel routes to GreenMail: a
 * certified cycle starts its winner's campaign; a volunteer's events publish after the review window,
 * members RSVP and attend, the host reports; the weekly step's ladder promotes the host, asks an
 * attendee to host and offers the host the training, each once; staff extend the campaign; it reaches
 * get out the vote and wraps up with its results. A second campaign is ended by staff.
 *
 * <p>Events run their own {@link EventWorkflow}s (review window, reminders, follow-up); proposals,
 * RSVPs, check-ins and reports are written through {@link EventStore} as the console's commands do.
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

        // a volunteer proposes three events (in review for 24 hours; the phone bank three days out, so its
        // day-before reminder falls after the window), a staff-trusted host a training
        // (published at once); each runs its own EventWorkflow
        Instant t0 = now();
        long e1 = propose(id, hana, EventKind.PHONE_BANK, "Phone bank at Hana's", t0.plus(Duration.ofDays(3)));
        long e2 = propose(id, hana, EventKind.CANVASS, "Canvass on Elm Street", t0.plus(Duration.ofDays(4)));
        long e3 = propose(id, hana, EventKind.HOUSE_PARTY, "House party", t0.plus(Duration.ofDays(10)));
        events().markTrusted(tess, "STAFF", "alice");
        long training = propose(id, tess, EventKind.TRAINING, "Hosts' training", t0.plus(Duration.ofDays(20)));
        assertThat(eventStatus(e1)).isEqualTo("IN_REVIEW");
        assertThat(eventStatus(training)).isEqualTo("PUBLISHED");
        fx.env.sleep(Duration.ofHours(25));
        await().atMost(Duration.ofSeconds(30))
                .alias("the review window passed without an objection")
                .until(() -> List.of(e1, e2, e3).stream().allMatch(e -> "PUBLISHED".equals(eventStatus(e))));
        long ariAtE1 = rsvp(e1, ari);
        long boAtE1 = rsvp(e1, bo);
        long cyAtE1 = events().addRsvp(e1, shiftOf(e1), null, "Cy Caller", null, "+17205550143", "en", null);
        events().confirm(cyAtE1, now());
        long ariAtE2 = rsvp(e2, ari);
        rsvp(e3, bo);

        // both reminders of the phone bank: email a day before, SMS two hours before
        fx.env.sleep(Duration.between(now(), t0.plus(Duration.ofDays(3)).minus(Duration.ofMinutes(90))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox("event:" + e1 + ":reminder-email:%") == 2
                        && outbox("event:" + e1 + ":reminder-sms:%") == 1);
        assertThat(awaitSubject("ari.attendee@example.org", "Reminder: Phone bank at Hana's")
                        .to())
                .isEqualTo("ari.attendee@example.org");
        // Hana checks them in and reports after the event
        events().checkIn(e1, ariAtE1, now());
        events().checkIn(e1, boAtE1, now());
        fx.env.sleep(Duration.ofHours(4));
        report(e1, 2, 40, 0);
        fx.env.sleep(Duration.between(now(), t0.plus(Duration.ofDays(4)).plus(Duration.ofHours(3))));
        events().checkIn(e2, ariAtE2, now());
        report(e2, 1, 0, 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> outbox("event:" + e2 + ":follow-up:%") == 1);

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

        // each event reminder went out once, though half a year of timers passed since
        assertThat(outbox("event:" + e1 + ":reminder-email:%")).isEqualTo(2);
        assertThat(outbox("event:" + e1 + ":reminder-sms:%")).isEqualTo(1);
        assertThat(outbox("event:" + e2 + ":reminder-email:%")).isEqualTo(1);
        assertThat(fx.mailsTo("ari.attendee@example.org").stream()
                        .filter(m -> m.subject().startsWith("Reminder: Phone bank at Hana's")))
                .hasSize(1);
        assertThat(outbox("event:" + e1 + ":follow-up:%"))
                .as("both attendees asked to host")
                .isEqualTo(2);

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

    // ---- events, as the console's commands write them ----

    private EventStore events() {
        return fx.bean(EventStore.class);
    }

    /**
     * As {@code ProposeEvent}: a trusted host's event publishes at once, anyone else's after the review
     * window ({@code pp.events.review-hours}, 24); then its workflow starts.
     */
    private long propose(String cycleId, long host, EventKind kind, String title, Instant starts) {
        boolean trusted = events().trusted(host);
        Instant ends = starts.plus(Duration.ofHours(2));
        long event = events().create(
                        new EventStore.NewEvent(
                                cycleId,
                                cycleId.substring(0, cycleId.lastIndexOf('-')),
                                host,
                                kind,
                                title,
                                "Bring a phone.",
                                starts,
                                ends,
                                ZoneId.of("America/Denver"),
                                "Hana's living room",
                                "1 Elm St, Fort Collins",
                                "80521",
                                40.58,
                                -105.08,
                                null,
                                List.of(new EventStore.NewShift(starts, ends, 10))),
                        trusted ? "PUBLISHED" : "IN_REVIEW",
                        trusted ? now() : now().plus(Duration.ofHours(24)));
        EventWorkflow workflow = fx.client.newWorkflowStub(
                EventWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(EventWorkflow.workflowId(event))
                        .setTaskQueue(EventWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(workflow::run, event);
        return event;
    }

    private long shiftOf(long event) {
        return events().shifts(event).get(0).id();
    }

    /** A member's RSVP to the event's shift, confirmed by its link. */
    private long rsvp(long event, long member) {
        var m = fx.jdbc()
                .sql("select full_name, email, locale from member where id = ?")
                .param(member)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        long rsvp = events().addRsvp(event, shiftOf(event), member, m[0], m[1], null, m[2], null);
        events().confirm(rsvp, now());
        return rsvp;
    }

    /** As {@code ReportEvent}: the host's report, and the event's workflow told (its follow-up goes out). */
    private void report(long event, int attended, int calls, int doors) {
        events().report(event, attended, calls, doors, 0, now());
        fx.client
                .newWorkflowStub(EventWorkflow.class, EventWorkflow.workflowId(event))
                .reported();
    }

    private String eventStatus(long event) {
        return fx.jdbc()
                .sql("select status from campaign_event where id = ?")
                .param(event)
                .query(String.class)
                .single();
    }

    private int outbox(String keyPattern) {
        return fx.jdbc()
                .sql("select count(*) from outbox_message where dedup_key like ?")
                .param(keyPattern)
                .query(Integer.class)
                .single();
    }
}
