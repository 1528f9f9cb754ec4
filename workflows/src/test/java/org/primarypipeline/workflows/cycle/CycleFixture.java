package org.primarypipeline.workflows.cycle;

import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.primarypipeline.certification.CertificationActivities;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.cycles.CycleLedgerActivities;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.fundraising.FundraiserActivities;
import org.primarypipeline.supporters.MemberRepository;
import org.primarypipeline.testing.ActivitiesContext;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.vetting.CandidacyRepository;
import org.primarypipeline.vetting.PledgeRepository;
import org.primarypipeline.vetting.ReviewChecklist;
import org.primarypipeline.vetting.VettingActivities;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.voting.BallotBox;

/**
 * A district cycle under Temporal's time-skipping test server, with the real activities on a real
 * PostgreSQL: the test plays staff, candidates and members.
 */
final class CycleFixture implements AutoCloseable {

    static final CycleSettings SETTINGS =
            CycleSettings.defaults().withPeriods(Duration.ofDays(7), Duration.ofDays(10), Duration.ofDays(5));

    final TestWorkflowEnvironment env;
    final ActivitiesContext activities;
    final WorkflowClient client;

    CycleFixture() {
        activities = ActivitiesContext.start();
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(DistrictCycleWorkflow.TASK_QUEUE);
        worker.registerWorkflowImplementationTypes(
                DistrictCycleWorkflowImpl.class,
                org.primarypipeline.workflows.campaign.CandidateCampaignWorkflowImpl.class);
        worker.registerActivitiesImplementations(
                activities.bean(CycleLedgerActivities.class),
                activities.bean(VettingActivities.class),
                activities.bean(BallotActivities.class),
                activities.bean(CertificationActivities.class),
                activities.bean(FundraiserActivities.class),
                activities.bean(org.primarypipeline.campaigns.CampaignActivities.class));
        env.start();
        client = env.getWorkflowClient();
    }

    /** Records a cycle in PostgreSQL as the launcher does, and starts its workflow. */
    DistrictCycleWorkflow launch(String district, CycleSettings settings) {
        Instant now = Instant.ofEpochMilli(env.currentTimeMillis());
        CycleRecord cycle = activities.bean(CycleRepository.class).create("cd2026", district, settings, "alice", now);
        return start(CyclePlan.fresh(cycle.id(), district, settings, cycle.stageDeadline()));
    }

    DistrictCycleWorkflow start(CyclePlan plan) {
        DistrictCycleWorkflow workflow = client.newWorkflowStub(
                DistrictCycleWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(CyclePlan.workflowId(plan.cycleId()))
                        .setTaskQueue(DistrictCycleWorkflow.TASK_QUEUE)
                        .build());
        WorkflowClient.start(workflow::run, plan);
        return workflow;
    }

    void awaitStage(DistrictCycleWorkflow workflow, CycleStage stage) {
        await().atMost(Duration.ofSeconds(30)).until(() -> workflow.view().stage() == stage);
    }

    CycleRecord record(String cycleId) {
        return activities.bean(CycleRepository.class).find(cycleId).orElseThrow();
    }

    List<Candidacy> candidacies(String cycleId) {
        return activities.bean(CandidacyRepository.class).ofCycle(cycleId);
    }

    /** The candidate signs the current pledge and staff approve them: they are on the ballot. */
    long signAndApprove(DistrictCycleWorkflow workflow, String cycleId, long candidacyId) {
        Candidacy c = activities
                .bean(CandidacyRepository.class)
                .find(cycleId, candidacyId)
                .orElseThrow();
        activities.bean(PledgeRepository.class).signCurrent(c.candidateId(), c.fullName(), "127.0.0.1", "test");
        workflow.review(new VettingDecision(
                candidacyId, VettingDecision.Verdict.APPROVE, null, "alice", ReviewChecklist.COMPLETE));
        return candidacyId;
    }

    /** A nominee entered directly, eligibility checked by staff (the public path is NominationFlowTest's). */
    long nominate(String cycleId, String name, String email) {
        long candidacy = activities.bean(CandidacyRepository.class).nominate(cycleId, name, email, null);
        activities.bean(CandidacyRepository.class).confirmEligibility(candidacy, "{\"checkedBy\":\"staff\"}");
        return candidacy;
    }

    long join(String district, String name) {
        return activities
                .bean(MemberRepository.class)
                .join(district, name, name.toLowerCase().replace(' ', '.') + "@example.org", null);
    }

    void proxies(String district, long member, List<MemberRepository.ProxyChoice> choices) {
        MemberRepository members = activities.bean(MemberRepository.class);
        members.replaceStandingProxies(members.groupOf(member).orElseThrow(), member, choices);
    }

    void vote(String cycleId, long member, Long... ranking) {
        activities.bean(BallotBox.class).cast(cycleId, member, List.of(ranking));
    }

    /** Waits until the voting round has frozen its electorate (ballots are taken from then on). */
    void awaitVotingOpen(String cycleId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> activities
                                .jdbc()
                                .sql(
                                        "select count(*) from cycle_event where cycle_id = ? and kind = 'ELECTORATE_FROZEN'")
                                .param(cycleId)
                                .query(Integer.class)
                                .single()
                        > 0);
    }

    List<String> timelineKinds(String cycleId) {
        return activities.bean(CycleRepository.class).timeline(cycleId).stream()
                .map(e -> e.kind())
                .toList();
    }

    /**
     * With {@code -Dpp.record-histories=DIR}, writes the finished workflow's history as JSON for
     * {@link DistrictCycleReplayTest}: record once per released version, commit the files.
     */
    void recordHistory(String cycleId, String name) {
        recordHistory(client, cycleId, name);
    }

    static void recordHistory(WorkflowClient client, String cycleId, String name) {
        String dir = System.getProperty("pp.record-histories");
        if (dir == null) {
            return;
        }
        try {
            java.nio.file.Path file = java.nio.file.Path.of(dir, name + ".json");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(
                    file, client.fetchHistory(CyclePlan.workflowId(cycleId)).toJson(true));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        env.close();
        activities.close();
    }
}
