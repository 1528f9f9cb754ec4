package org.primarypipeline.workflows.campaign;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.primarypipeline.campaigns.CampaignActivities;
import org.primarypipeline.campaigns.CampaignSchedule;
import org.primarypipeline.core.campaign.CampaignStage;

/**
 * The campaign as a business process: a few lines per stage, the weeks as durable timers. Every effect
 * (messages, digests, the ladder, the row in PostgreSQL) is an activity over the whole campaign, so a
 * week costs the same dozen history events however many events and volunteers it has; a run whose
 * history grows past {@link #HISTORY_LIMIT} continues as new with what it must hand on.
 */
public class CandidateCampaignWorkflowImpl implements CandidateCampaignWorkflow {

    static final Duration WEEK = Duration.ofDays(7);

    /**
     * About twenty weeks of history per run (a week is a dozen events); the next run starts from
     * PostgreSQL's record of the campaign and what this run hands on in its {@link CampaignPlan}.
     */
    static final int HISTORY_LIMIT = 250;

    private static final RetryOptions RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofMinutes(1))
            .build();

    private final CampaignActivities campaign = Workflow.newActivityStub(
            CampaignActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(10))
                    .setRetryOptions(RETRY)
                    .build());

    /** A weekly step that keeps failing must not hold the campaign: a few tries, then next week's. */
    private final CampaignActivities weekly = Workflow.newActivityStub(
            CampaignActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(30))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2)
                            .setMaximumAttempts(3)
                            .build())
                    .build());

    private CampaignPlan plan;
    private CampaignSchedule schedule;
    private int week;
    private Instant nextDigest;
    private boolean endRequested;
    private String endedBy;
    private String endReason;
    private final List<CampaignAction> extensions = new ArrayList<>();

    @Override
    public CampaignOutcome run(CampaignPlan plan) {
        this.plan = plan;
        this.week = plan.week();
        if (plan.endedBy() != null) {
            endRequested = true;
            endedBy = plan.endedBy();
            endReason = plan.endReason();
        }
        String id = plan.cycleId();
        schedule = campaign.open(id, plan.candidacyId(), plan.fundraiserId());
        nextDigest = plan.nextDigest() != null ? plan.nextDigest() : now().plus(WEEK);
        while (true) {
            CampaignStage stage = schedule.stage();
            if (endRequested && stage.ordinal() < CampaignStage.WRAP_UP.ordinal()) {
                schedule = campaign.enterStage(id, CampaignStage.WRAP_UP);
                continue;
            }
            if (stage == CampaignStage.KICKOFF) {
                campaign.kickoff(id);
                schedule = campaign.enterStage(id, CampaignStage.ORGANIZING);
            } else if (stage == CampaignStage.ORGANIZING) {
                if (!waitFor(() -> schedule.gotvFrom())) {
                    return continueAsNew();
                }
                if (!endRequested) {
                    campaign.gotv(id);
                    schedule = campaign.enterStage(id, CampaignStage.GOTV);
                }
            } else if (stage == CampaignStage.GOTV) {
                if (!waitFor(() -> schedule.electionStarts())) {
                    return continueAsNew();
                }
                if (!endRequested) {
                    schedule = campaign.enterStage(id, CampaignStage.ELECTION);
                }
            } else if (stage == CampaignStage.ELECTION) {
                if (!waitFor(() -> schedule.wrapUpAt())) {
                    return continueAsNew();
                }
                schedule = campaign.enterStage(id, CampaignStage.WRAP_UP);
            } else if (stage == CampaignStage.WRAP_UP) {
                campaign.wrapUp(id);
                campaign.finish(id, endedBy, endReason);
                schedule = campaign.enterStage(id, CampaignStage.ENDED);
            } else {
                return new CampaignOutcome(id, week, endedBy, endReason);
            }
        }
    }

    @Override
    public CampaignView view() {
        return new CampaignView(
                plan.cycleId(),
                schedule == null ? null : schedule.stage(),
                schedule == null ? null : schedule.electionKind(),
                schedule == null ? null : schedule.electionDay(),
                schedule == null ? null : schedule.gotvFrom(),
                schedule == null ? null : schedule.wrapUpAt(),
                week,
                endRequested);
    }

    @Override
    public void end(CampaignAction action) {
        if (!endRequested) {
            endRequested = true;
            endedBy = action.actor();
            endReason = action.reason();
        }
    }

    @Override
    public void extend(CampaignAction action) {
        extensions.add(action);
    }

    /**
     * Waits until {@code until} (read again after every extension), an end, or a history long enough to
     * continue as new (false). Every {@link #WEEK} on the way: the week's digests and the ladder sweep.
     */
    private boolean waitFor(Supplier<Instant> until) {
        while (!endRequested) {
            applyExtensions();
            Instant now = now();
            Instant target = until.get();
            if (!now.isBefore(target)) {
                return true;
            }
            if (!now.isBefore(nextDigest)) {
                week++;
                nextDigest = nextDigest.plus(WEEK);
                try {
                    weekly.weekly(plan.cycleId(), week);
                } catch (ActivityFailure failed) {
                    // digests are keyed by week and the ladder is idempotent: next week's step catches up
                }
                if (Workflow.getInfo().getHistoryLength() > HISTORY_LIMIT
                        || Workflow.getInfo().isContinueAsNewSuggested()) {
                    applyExtensions();
                    return false;
                }
                continue;
            }
            Instant wake = target.isBefore(nextDigest) ? target : nextDigest;
            Workflow.await(Duration.between(now, wake), () -> endRequested || !extensions.isEmpty());
        }
        return true;
    }

    private void applyExtensions() {
        while (!extensions.isEmpty()) {
            CampaignAction action = extensions.remove(0);
            schedule = campaign.extend(plan.cycleId(), action.days(), action.actor(), action.reason());
        }
    }

    private CampaignOutcome continueAsNew() {
        Workflow.continueAsNew(new CampaignPlan(
                plan.cycleId(), plan.candidacyId(), plan.fundraiserId(), week, nextDigest, endedBy, endReason));
        throw new IllegalStateException("unreachable: continue-as-new does not return");
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }
}
