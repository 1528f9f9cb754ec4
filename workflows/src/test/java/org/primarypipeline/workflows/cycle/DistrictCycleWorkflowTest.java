package org.primarypipeline.workflows.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CertificationApprovals;
import org.primarypipeline.cycles.CycleLedgerActivities;
import org.primarypipeline.supporters.MemberRepository.ProxyChoice;
import org.primarypipeline.vetting.CandidacyStatus;
import org.primarypipeline.vetting.VettingDecision;

/**
 * Every stage and every edge path of a district cycle, in Temporal's time-skipping environment with
 * the real activities on PostgreSQL. Each test takes its own district so cycles never collide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DistrictCycleWorkflowTest {

    private CycleFixture fx;

    @BeforeAll
    void start() {
        fx = new CycleFixture();
    }

    @AfterAll
    void stop() {
        fx.close();
    }

    @Test
    void aCycleRunsThroughAllFiveStagesToALaunchedFundraiser() {
        String district = "TX-07";
        DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
        String id = district + "-1";
        fx.awaitStage(cycle, CycleStage.PLEDGE_VETTING);
        long sitting = awaitSittingMember(id);
        fx.signAndApprove(cycle, id, sitting);

        // the vetting window closes on its timer
        fx.env.sleep(Duration.ofDays(7).plusMinutes(1));
        fx.awaitStage(cycle, CycleStage.NOMINATION_WINDOW);
        long nominee = fx.nominate(id, "Ana Ortiz", "ana@example.org");
        fx.signAndApprove(cycle, id, nominee);
        long ana = fx.join(district, "Member One");
        long ben = fx.join(district, "Member Two");
        long cy = fx.join(district, "Member Three");
        fx.join(district, "Member Four");
        // Cy trusts Ben with all ten units
        fx.proxies(district, cy, List.of(new ProxyChoice(ben, 10)));
        fx.env.sleep(Duration.ofDays(10).plusMinutes(1));

        fx.awaitStage(cycle, CycleStage.VOTING_ROUND);
        fx.awaitVotingOpen(id);
        fx.vote(id, ana, sitting, nominee);
        fx.vote(id, ben, nominee);
        fx.env.sleep(Duration.ofDays(2));
        assertThat(reminders(id)).as("three days before the close: not yet").isEmpty();
        fx.env.sleep(Duration.ofDays(3).plusMinutes(1));

        fx.awaitStage(cycle, CycleStage.CERTIFICATION);
        // 48 hours before the close: only Member Four, whose units reached no ballot (Cy's reach Ben's)
        assertThat(reminders(id)).containsExactly("member.four@example.org");
        assertThat(cycle.view().winnerCandidacyId()).isEqualTo(nominee);
        assertThat(cycle.certify(StaffAction.by("alice"))).contains("1 of 2");
        assertThatThrownBy(() -> cycle.certify(StaffAction.by("alice")))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("second, different staff member");
        assertThat(cycle.certify(StaffAction.by("bob"))).isEqualTo("certified");

        CycleOutcome outcome = WorkflowStub.fromTyped(cycle).getResult(CycleOutcome.class);
        fx.recordHistory(id, "all-five-stages");
        assertThat(outcome.status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(outcome.winnerCandidacyId()).isEqualTo(nominee);
        assertThat(outcome.fundraiserId()).isNotNull();
        assertThat(fx.record(id).status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(fx.timelineKinds(id))
                .containsSubsequence(
                        "LAUNCHED",
                        "STAGE",
                        "INVITED",
                        "VETTING_APPROVED",
                        "STAGE",
                        "VETTING_APPROVED",
                        "STAGE",
                        "ELECTORATE_FROZEN",
                        "TALLIED",
                        "STAGE",
                        "CERTIFY_APPROVAL",
                        "CERTIFY_APPROVAL",
                        "CERTIFIED",
                        "STAGE",
                        "FUNDRAISER_LAUNCHED",
                        "COMPLETED");
        // Cy's 10 units went to Ben's ballot: 20 of 30 units for Ana Ortiz, 10 for the sitting member
        assertThat(fx.activities
                        .jdbc()
                        .sql("select exercised_units from cycle_result where cycle_id = ?")
                        .param(id)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("30");
    }

    private List<String> reminders(String cycleId) {
        return fx.activities
                .jdbc()
                .sql("select recipient from outbox_message where template = 'voting-reminder' and dedup_key like ?")
                .param("cycle:" + cycleId + ":voting-reminder:%")
                .query(String.class)
                .list();
    }

    @Test
    void noVettedNomineeExtendsTheWindowOnceThenFailsWithAReason() {
        String district = "VT-01";
        DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
        String id = district + "-1";
        fx.awaitStage(cycle, CycleStage.PLEDGE_VETTING);
        cycle.closeWindow(StaffAction.by("alice", "nobody signed"));
        fx.awaitStage(cycle, CycleStage.NOMINATION_WINDOW);
        fx.env.sleep(Duration.ofDays(10).plusMinutes(1));
        awaitAutomaticExtension(cycle);
        fx.env.sleep(Duration.ofDays(10).plusMinutes(1));

        CycleOutcome outcome = WorkflowStub.fromTyped(cycle).getResult(CycleOutcome.class);
        assertThat(outcome.status()).isEqualTo(CycleStatus.FAILED);
        assertThat(outcome.reason()).contains("no vetted nominee");
        assertThat(fx.record(id).status()).isEqualTo(CycleStatus.FAILED);
        assertThat(fx.record(id).failureReason()).contains("even after one extension");
    }

    @Test
    void quorumNotMetExtendsVotingOnceThenFails() {
        String district = "WY-01";
        DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
        String id = district + "-1";
        long sitting = awaitSittingMember(id);
        fx.signAndApprove(cycle, id, sitting);
        for (int i = 0; i < 10; i++) {
            fx.join(district, "Wyoming Member " + i);
        }
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(cycle, CycleStage.NOMINATION_WINDOW);
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(cycle, CycleStage.VOTING_ROUND);
        fx.awaitVotingOpen(id);
        long voter = fx.activities
                .jdbc()
                .sql("select min(member_id) from electorate where cycle_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        fx.vote(id, voter, sitting); // 10 of 100 units: under the 20% quorum
        fx.env.sleep(Duration.ofDays(5).plusMinutes(1));
        awaitAutomaticExtension(cycle);
        assertThat(cycle.view().stage()).isEqualTo(CycleStage.VOTING_ROUND);
        fx.env.sleep(Duration.ofDays(5).plusMinutes(1));

        CycleOutcome outcome = WorkflowStub.fromTyped(cycle).getResult(CycleOutcome.class);
        fx.recordHistory(id, "quorum-not-met");
        assertThat(outcome.status()).isEqualTo(CycleStatus.FAILED);
        assertThat(outcome.reason()).contains("quorum not met").contains("10").contains("100");
    }

    @Test
    void aWinnerWhoWithdrawsBeforeLaunchIsReplacedByTheRunnerUpFromTheSameBallots() {
        String district = "NY-14";
        DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
        String id = district + "-1";
        long sitting = awaitSittingMember(id);
        fx.signAndApprove(cycle, id, sitting);
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(cycle, CycleStage.NOMINATION_WINDOW);
        long challenger = fx.nominate(id, "Bea Challenger", "bea@example.org");
        fx.signAndApprove(cycle, id, challenger);
        long m1 = fx.join(district, "Queens One");
        long m2 = fx.join(district, "Queens Two");
        long m3 = fx.join(district, "Queens Three");
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitVotingOpen(id);
        fx.vote(id, m1, sitting, challenger);
        fx.vote(id, m2, sitting);
        fx.vote(id, m3, challenger, sitting);
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(cycle, CycleStage.CERTIFICATION);
        assertThat(cycle.view().winnerCandidacyId()).isEqualTo(sitting);
        cycle.certify(StaffAction.by("alice"));

        assertThat(cycle.withdraw(new Withdrawal(sitting, "bob"))).contains("runner-up");
        assertThat(cycle.view().winnerCandidacyId()).isEqualTo(challenger);
        assertThat(cycle.view().certifiedBy()).isEmpty();
        cycle.certify(StaffAction.by("alice"));
        cycle.certify(StaffAction.by("bob"));

        CycleOutcome outcome = WorkflowStub.fromTyped(cycle).getResult(CycleOutcome.class);
        fx.recordHistory(id, "winner-withdraws");
        assertThat(outcome.status()).isEqualTo(CycleStatus.COMPLETED);
        assertThat(outcome.winnerCandidacyId()).isEqualTo(challenger);
        assertThat(fx.timelineKinds(id)).contains("WITHDRAWN", "RUNNER_UP_PROMOTED");
        // each approval is a row; the withdrawn winner's approval stays on record but no longer counts
        assertThat(fx.activities
                        .jdbc()
                        .sql("select winner || ':' || actor from certification_approval "
                                + "where cycle_id = ? order by id")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly(sitting + ":alice", challenger + ":alice", challenger + ":bob");
        CertificationApprovals approvals = fx.activities.bean(CertificationApprovals.class);
        assertThat(approvals.standing(id))
                .isEqualTo(new CertificationApprovals.Standing(challenger, List.of("alice", "bob")));
        // a retried approval, and one noted the way workflows from before the table note it, add nothing twice
        CycleLedgerActivities ledger = fx.activities.bean(CycleLedgerActivities.class);
        ledger.approve(id, CycleStage.CERTIFICATION, challenger, "bob", "approval 2 of 2 by bob");
        ledger.note(
                id,
                CycleStage.CERTIFICATION,
                "CERTIFY_APPROVAL",
                "approval 3 of 2 by carol",
                "carol",
                "certify:" + challenger + ":carol");
        ledger.note(
                id,
                CycleStage.CERTIFICATION,
                "CERTIFY_APPROVAL",
                "approval 3 of 2 by carol",
                "carol",
                "certify:" + challenger + ":carol");
        assertThat(approvals.standing(id).approvers()).containsExactly("alice", "bob", "carol");
        assertThat(fx.activities
                        .jdbc()
                        .sql("select winner from cycle_result where cycle_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(challenger);
        assertThat(fx.activities
                        .jdbc()
                        .sql("select candidacy_id from fundraiser where cycle_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(challenger);
    }

    /**
     * The round: the last two level at 30 units each and the seeded draw picks. The round after
     * the draw shows the winner alone (a 50% "final margin" under the old rule, so no recount ran and
     * the timeline said "winner 4"); the decisive comparison is the tie itself.
     */
    @Test
    void aTieBetweenTheLastTwoDecidedByLotGoesToARecountWithNames() {
        TiedRound round = tiedRound("PA-03", "Bea Challenger", "bea@example.org", "Philly", 6);
        DistrictCycleWorkflow cycle = round.cycle();
        String id = round.id();
        long sitting = round.sitting();
        long challenger = round.challenger();
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(cycle, CycleStage.CERTIFICATION);

        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> fx.timelineKinds(id).contains("RECOUNT_MATCHED"));
        long winner = cycle.view().winnerCandidacyId();
        String winnerName = winner == challenger
                ? "Bea Challenger"
                : fx.candidacies(id).get(0).fullName();
        String loserName = winner == challenger ? fx.candidacies(id).get(0).fullName() : "Bea Challenger";
        var jdbc = fx.activities.jdbc();
        String tallied = jdbc.sql("select detail from cycle_event where cycle_id = ? and kind = 'TALLIED'")
                .param(id)
                .query(String.class)
                .single();
        assertThat(tallied)
                .contains("decided by lot", "margin 0.0%", winnerName, loserName)
                .doesNotContain("winner " + winner + ";", sitting + " and " + challenger);
        assertThat(jdbc.sql("select margin_share from cycle_result where cycle_id = ?")
                        .param(id)
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0");
        assertThat(jdbc.sql("select result ->> 'tieNote' from cycle_result where cycle_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .contains("tied for last place with 30 units", winnerName, loserName);
        assertThat(jdbc.sql("select summary from recount_report where cycle_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .startsWith("recount matches: winner " + winnerName + " (decided by lot)");
        cycle.cancel(StaffAction.by("alice", "test over"));
    }

    /**
     * The automatic recount runs after the stage has become certification (staff see the result), and
     * approvals are refused, with the reason, until it has said whether the result stands. The recount
     * is held here by a lock on its report table.
     */
    @Test
    void noApprovalIsTakenWhileTheAutomaticRecountRuns() throws Exception {
        // a tie: decided by lot, so recounted whatever the margin setting
        TiedRound round = tiedRound("FL-05", "Flo Challenger", "flo@example.org", "Tampa", 4);
        DistrictCycleWorkflow cycle = round.cycle();
        String id = round.id();
        try (java.sql.Connection hold =
                fx.activities.bean(javax.sql.DataSource.class).getConnection()) {
            hold.setAutoCommit(false);
            try (var statement = hold.createStatement()) {
                statement.execute("lock table recount_report in share mode");
            }
            cycle.closeWindow(StaffAction.by("alice"));
            fx.awaitStage(cycle, CycleStage.CERTIFICATION);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> cycle.view().recountRunning());
            assertThatThrownBy(() -> cycle.certify(StaffAction.by("alice")))
                    .isInstanceOf(WorkflowUpdateException.class)
                    .rootCause()
                    .hasMessageContaining(CycleView.RECOUNT_RUNNING);
            assertThat(cycle.view().certifiedBy()).isEmpty();
            hold.rollback();
        }
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> fx.timelineKinds(id).contains("RECOUNT_MATCHED"));
        assertThat(cycle.view().recountRunning()).isFalse();
        assertThat(cycle.certify(StaffAction.by("alice"))).contains("1 of 2");
        cycle.cancel(StaffAction.by("alice", "test over"));
    }

    @Test
    void staffCanCancelAtEveryStage() {
        String[] districts = {"CA-12", "CA-13", "CA-15", "CA-16"};
        CycleStage[] stages = {
            CycleStage.PLEDGE_VETTING, CycleStage.NOMINATION_WINDOW, CycleStage.VOTING_ROUND, CycleStage.CERTIFICATION
        };
        for (int i = 0; i < stages.length; i++) {
            String district = districts[i];
            String id = district + "-1";
            DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
            long sitting = awaitSittingMember(id);
            fx.signAndApprove(cycle, id, sitting);
            long member = fx.join(district, "Member of " + district);
            driveTo(cycle, id, stages[i], member, sitting);

            cycle.cancel(StaffAction.by("alice", "district group asked to stop"));
            CycleOutcome outcome = WorkflowStub.fromTyped(cycle).getResult(CycleOutcome.class);
            assertThat(outcome.status()).as("cancel in %s", stages[i]).isEqualTo(CycleStatus.CANCELLED);
            assertThat(fx.record(id).status()).isEqualTo(CycleStatus.CANCELLED);
            assertThat(fx.record(id).failureReason()).contains("district group asked to stop");
        }
    }

    @Test
    void staffMistakesAreRefusedWithAClearReasonAndChangeNothing() {
        String district = "OR-03";
        DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
        String id = district + "-1";
        long sitting = awaitSittingMember(id);

        assertThatThrownBy(() ->
                        cycle.review(new VettingDecision(sitting, VettingDecision.Verdict.APPROVE, null, "alice")))
                .isInstanceOf(WorkflowUpdateException.class)
                .rootCause()
                .hasMessageContaining("has not signed the current pledge");
        assertThatThrownBy(() ->
                        cycle.review(new VettingDecision(999_999, VettingDecision.Verdict.APPROVE, null, "alice")))
                .rootCause()
                .hasMessageContaining("is not part of cycle");
        assertThatThrownBy(() -> cycle.certify(StaffAction.by("alice")))
                .rootCause()
                .hasMessageContaining("only a cycle in certification");
        assertThatThrownBy(() -> cycle.cancel(StaffAction.by("alice")))
                .rootCause()
                .hasMessageContaining("say why");
        assertThat(fx.candidacies(id))
                .singleElement()
                .extracting(c -> c.status())
                .isEqualTo(CandidacyStatus.INVITED);

        cycle.review(new VettingDecision(sitting, VettingDecision.Verdict.REQUEST_INFO, "references please", "alice"));
        assertThat(fx.candidacies(id))
                .singleElement()
                .extracting(c -> c.status())
                .isEqualTo(CandidacyStatus.INFO_REQUESTED);
        cycle.review(new VettingDecision(sitting, VettingDecision.Verdict.REJECT, "did not answer", "alice"));
        assertThat(fx.candidacies(id))
                .singleElement()
                .extracting(c -> c.status())
                .isEqualTo(CandidacyStatus.REJECTED);

        String extended = cycle.extend(new StaffAction("alice", "holiday", Duration.ofDays(3)));
        assertThat(extended).contains("now closes at");
        assertThat(fx.record(id).stageDeadline()).isEqualTo(cycle.view().deadline());
        cycle.cancel(StaffAction.by("alice", "test over"));
    }

    @Test
    void aCycleResumedFromTheRecordedStageKeepsItsDeadlineAndBallots() {
        String district = "MA-07";
        DistrictCycleWorkflow first = fx.launch(district, CycleFixture.SETTINGS);
        String id = district + "-1";
        long sitting = awaitSittingMember(id);
        fx.signAndApprove(first, id, sitting);
        long member = fx.join(district, "Boston One");
        first.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(first, CycleStage.NOMINATION_WINDOW);
        first.closeWindow(StaffAction.by("alice"));
        fx.awaitVotingOpen(id);
        fx.vote(id, member, sitting);
        var recorded = fx.record(id);
        assertThat(recorded.stage()).isEqualTo(CycleStage.VOTING_ROUND);

        // the in-process server forgets the workflow; PostgreSQL still has the stage, deadline and ballot
        WorkflowStub.fromTyped(first).terminate("simulated restart of the in-process server");
        DistrictCycleWorkflow resumed = fx.client.newWorkflowStub(
                DistrictCycleWorkflow.class,
                io.temporal.client.WorkflowOptions.newBuilder()
                        .setWorkflowId(CyclePlan.workflowId(id) + ":resumed")
                        .setTaskQueue(DistrictCycleWorkflow.TASK_QUEUE)
                        .build());
        io.temporal.client.WorkflowClient.start(
                resumed::run,
                new CyclePlan(
                        id,
                        district,
                        recorded.settings(),
                        recorded.stage(),
                        recorded.stageDeadline(),
                        recorded.extensions(),
                        null,
                        List.of()));
        fx.awaitStage(resumed, CycleStage.VOTING_ROUND);
        assertThat(resumed.view().deadline()).isEqualTo(recorded.stageDeadline());
        fx.env.sleep(Duration.ofDays(5).plusMinutes(1));
        fx.awaitStage(resumed, CycleStage.CERTIFICATION);
        assertThat(resumed.view().winnerCandidacyId()).isEqualTo(sitting);
        resumed.cancel(StaffAction.by("alice", "test over"));
    }

    /** A cycle whose round is tied between the sitting member and one challenger, every ballot cast. */
    private record TiedRound(DistrictCycleWorkflow cycle, String id, long sitting, long challenger) {}

    /**
     * Launches a cycle in {@code district}, approves the sitting member and a challenger, and has
     * {@code voters} new members (an even number) split their votes evenly: the round's window is still
     * open.
     */
    private TiedRound tiedRound(
            String district, String challengerName, String challengerEmail, String memberPrefix, int voters) {
        DistrictCycleWorkflow cycle = fx.launch(district, CycleFixture.SETTINGS);
        String id = district + "-1";
        long sitting = awaitSittingMember(id);
        fx.signAndApprove(cycle, id, sitting);
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(cycle, CycleStage.NOMINATION_WINDOW);
        long challenger = fx.nominate(id, challengerName, challengerEmail);
        fx.signAndApprove(cycle, id, challenger);
        List<Long> members = new java.util.ArrayList<>();
        for (int i = 1; i <= voters; i++) {
            members.add(fx.join(district, memberPrefix + " " + i));
        }
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitVotingOpen(id);
        for (int i = 0; i < voters; i++) {
            fx.vote(id, members.get(i), i < voters / 2 ? sitting : challenger);
        }
        return new TiedRound(cycle, id, sitting, challenger);
    }

    private void driveTo(DistrictCycleWorkflow cycle, String id, CycleStage stage, long member, long nominee) {
        if (stage == CycleStage.PLEDGE_VETTING) {
            fx.awaitStage(cycle, stage);
            return;
        }
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(cycle, CycleStage.NOMINATION_WINDOW);
        if (stage == CycleStage.NOMINATION_WINDOW) {
            return;
        }
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitVotingOpen(id);
        if (stage == CycleStage.VOTING_ROUND) {
            return;
        }
        fx.vote(id, member, nominee);
        cycle.closeWindow(StaffAction.by("alice"));
        fx.awaitStage(cycle, CycleStage.CERTIFICATION);
    }

    private long awaitSittingMember(String cycleId) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> !fx.candidacies(cycleId).isEmpty());
        return fx.candidacies(cycleId).get(0).id();
    }

    private void awaitAutomaticExtension(DistrictCycleWorkflow cycle) {
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> cycle.view().automaticExtensions() == 1);
    }
}
