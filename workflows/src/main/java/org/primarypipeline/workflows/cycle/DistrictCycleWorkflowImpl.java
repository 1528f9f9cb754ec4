package org.primarypipeline.workflows.cycle;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.primarypipeline.campaigns.CampaignActivities;
import org.primarypipeline.certification.CertificationActivities;
import org.primarypipeline.certification.RecountOutcome;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.cycles.CycleLedgerActivities;
import org.primarypipeline.fundraising.FundraiserActivities;
import org.primarypipeline.vetting.CandidateStep;
import org.primarypipeline.vetting.VettingActivities;
import org.primarypipeline.vetting.VettingActivitiesImpl;
import org.primarypipeline.vetting.VettingDecision;
import org.primarypipeline.voting.BallotActivities;
import org.primarypipeline.voting.BallotSeal;
import org.primarypipeline.voting.RoundOpening;
import org.primarypipeline.voting.TallySummary;
import org.primarypipeline.voting.VotingOpened;
import org.primarypipeline.workflows.campaign.CampaignPlan;
import org.primarypipeline.workflows.campaign.CandidateCampaignWorkflow;

/**
 * The cycle as a business process: a few lines per stage, windows as durable timers, staff actions as
 * updates that change fields or call an activity. Nothing here touches the clock, the network or the
 * database except through Temporal.
 */
public class DistrictCycleWorkflowImpl implements DistrictCycleWorkflow {

    /** Staff mistakes (unknown candidacy, unsigned pledge) fail at once; everything else is retried. */
    private static final RetryOptions RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2)
            .setMaximumInterval(Duration.ofMinutes(1))
            .setDoNotRetry(VettingActivitiesImpl.REFUSED)
            .build();

    /**
     * How often an open vetting window checks for reminders due and reviews overdue: one timer and one
     * short activity per period keeps a ten-day window's history to a few dozen events.
     */
    static final Duration SWEEP_EVERY = Duration.ofHours(12);

    /**
     * Cycles started from this version record one version marker, which stands for the five changes below,
     * instead of one marker for each of them: four fewer history events and commands a cycle. Cycles
     * started before it find no marker of this name, get {@link Workflow#DEFAULT_VERSION} and ask for the
     * five as they recorded them. From the same version, opening pledge vetting (its stage entry and the
     * invitations) and closing the nomination window (the count and the on-ballot announcement) are one
     * local step each instead of two.
     */
    private static final String ONE_MARKER = "one-version-marker";

    /**
     * Version 2 of {@link #ONE_MARKER}: closing the nomination window and opening the voting round (the
     * count on the ballot, its announcement, the round's stage entry, the frozen electorate and the ballot
     * links, the voting-open announcement) are one queued activity in one transaction, instead of three
     * local steps and a queued one; and the winner's campaign starts by activity ({@link
     * #CANDIDATE_CAMPAIGN} version 2) without a marker of its own. Still one marker: its version says which.
     */
    private static final int VOTING_IN_ONE_STEP = 2;

    /** Cycles started before the candidates' steps existed replay without them. */
    private static final String CANDIDATE_STEPS = "candidate-steps";

    /**
     * Cycles started before approvals had a table of their own note an approval on the timeline only
     * (its key naming the winner); from this version the ledger's approve activity writes the row too.
     */
    private static final String APPROVAL_ROWS = "approval-rows";

    /**
     * Cycles started before sealed rounds noted an early close only; from this version closing the voting
     * round seals its receipt chain first (an activity in the close handler) and the automatic extension
     * reopens it.
     */
    private static final String SEALED_ROUNDS = "sealed-rounds";

    /**
     * Cycles started before round reminders wait out the voting window in one timer; from this version the
     * window also wakes {@code pp.vote.reminder-before} ahead of its close to remind members whose units
     * reach no ballot (an activity; its effects are the outbox's).
     */
    private static final String ROUND_REMINDERS = "round-reminders";

    /**
     * Cycles started before the short steps ran as local activities call every step through the server's
     * activity queue; from this version the ledger's writes and the vetting steps (one short, idempotent
     * transaction each, keyed for retries) run in the worker beside the workflow task that calls them, so a
     * staff action is answered after one workflow task instead of three and a stage change costs no queue
     * round trip. Bulk work (opening the vote, the count, the recount, the fundraiser) stays on the queue.
     */
    private static final String LOCAL_STEPS = "local-steps";

    /**
     * Cycles started before campaigns end when the fundraiser is launched. Version 1 also started the
     * winner's {@link CandidateCampaignWorkflow} ({@code campaign:{cycleId}}) as a child workflow the cycle
     * abandoned when it ended; kept so those histories replay. Version 2 starts it through an activity
     * ({@link CampaignActivities#start}: the {@code WorkflowClient}, a workflow of its own, "already
     * started" a success) after recording the cycle completed. A campaign has no reason to be the child of a
     * cycle that ends the day it starts, and an abandoned child stopped the time-skipping test server's
     * clock for good once its parent had closed (temporalio/sdk-java#2392, #2642).
     */
    private static final String CANDIDATE_CAMPAIGN = "candidate-campaign";

    /** {@link #CANDIDATE_CAMPAIGN}'s versions. */
    private static final int CAMPAIGN_AS_CHILD = 1;

    private static final int CAMPAIGN_BY_ACTIVITY = 2;

    private static ActivityOptions within(Duration startToClose) {
        return ActivityOptions.newBuilder()
                .setStartToCloseTimeout(startToClose)
                .setRetryOptions(RETRY)
                .build();
    }

    private static LocalActivityOptions locally(Duration startToClose) {
        return LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(startToClose)
                .setRetryOptions(RETRY)
                .build();
    }

    private final CycleLedgerActivities queuedLedger =
            Workflow.newActivityStub(CycleLedgerActivities.class, within(Duration.ofSeconds(30)));
    private final VettingActivities queuedVetting =
            Workflow.newActivityStub(VettingActivities.class, within(Duration.ofSeconds(30)));
    private final CycleLedgerActivities localLedger =
            Workflow.newLocalActivityStub(CycleLedgerActivities.class, locally(Duration.ofSeconds(30)));
    private final VettingActivities localVetting =
            Workflow.newLocalActivityStub(VettingActivities.class, locally(Duration.ofSeconds(30)));
    /** The stubs this run calls its short steps through: queued or local (see {@link #LOCAL_STEPS}). */
    private CycleLedgerActivities ledger = queuedLedger;

    private VettingActivities vetting = queuedVetting;
    /** A sweep that keeps failing must not hold the window open: a few tries, then the next sweep tries again. */
    private final VettingActivities sweeps = Workflow.newActivityStub(
            VettingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(1))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2)
                            .setMaximumAttempts(3)
                            .build())
                    .build());

    private final BallotActivities ballots =
            Workflow.newActivityStub(BallotActivities.class, within(Duration.ofMinutes(30)));
    /** A reminder that keeps failing must not hold up the vote: a few tries, then voting goes on without it. */
    private final BallotActivities reminders = Workflow.newActivityStub(
            BallotActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(10))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2)
                            .setMaximumAttempts(3)
                            .build())
                    .build());

    private final CertificationActivities certification =
            Workflow.newActivityStub(CertificationActivities.class, within(Duration.ofMinutes(30)));
    private final FundraiserActivities fundraiser =
            Workflow.newActivityStub(FundraiserActivities.class, within(Duration.ofMinutes(5)));
    private final CampaignActivities campaigns =
            Workflow.newActivityStub(CampaignActivities.class, within(Duration.ofMinutes(1)));

    private CyclePlan plan;
    private CycleSettings settings;
    private CycleStage stage;
    private CycleStatus status = CycleStatus.RUNNING;
    private Instant deadline;
    private int automaticExtensions;
    private boolean windowChanged;
    private boolean closeRequested;
    private boolean cancelRequested;
    private String cancelReason;
    private Long winner;
    private Boolean recountMatched;
    /** A recount (the automatic one, or one staff asked for) is running: no approval until it has said. */
    private boolean recountRunning;

    private String failureReason;
    private final List<String> certifiedBy = new ArrayList<>();
    /** Whether this run sends the candidates' steps and sweeps its vetting windows (see {@link #CANDIDATE_STEPS}). */
    private boolean candidateSteps;
    /** Whether this run opens pledge vetting and closes nominations in one step each (see {@link #ONE_MARKER}). */
    private boolean oneStepWindows;
    /** Whether this run closes nominations and opens the vote in one activity (see {@link #VOTING_IN_ONE_STEP}). */
    private boolean votingInOneStep;
    /** The round the nomination window's close opened, for the voting stage to take up; null otherwise. */
    private VotingOpened votingOpened;
    /** Whether this run records approvals through the ledger's approve activity (see {@link #APPROVAL_ROWS}). */
    private boolean approvalRows;
    /** Whether this run seals the voting round when it closes early (see {@link #SEALED_ROUNDS}). */
    private boolean sealedRounds;
    /** Whether this run reminds members before voting closes (see {@link #ROUND_REMINDERS}). */
    private boolean roundReminders;
    /** How this run starts the winner's campaign after the launch, if it does (see {@link #CANDIDATE_CAMPAIGN}). */
    private int candidateCampaign;
    /** How long before the close the reminder goes out, as the opening activity said; null: no reminder. */
    private Duration remindBefore;
    /** The close the last reminder was sent (or skipped) for; a changed deadline earns a new one. */
    private Instant remindedFor;

    @Override
    public CycleOutcome run(CyclePlan plan) {
        // asked once, first: a version check later in the run would interleave differently with update
        // handlers than the histories recorded before it, and those must replay unchanged
        // with the one marker, the five below are implied and not asked (|| does not evaluate them)
        int oneMarker = Workflow.getVersion(ONE_MARKER, Workflow.DEFAULT_VERSION, VOTING_IN_ONE_STEP);
        this.oneStepWindows = oneMarker >= 1;
        this.votingInOneStep = oneMarker >= VOTING_IN_ONE_STEP;
        this.candidateSteps = oneStepWindows || Workflow.getVersion(CANDIDATE_STEPS, Workflow.DEFAULT_VERSION, 1) >= 1;
        this.approvalRows = oneStepWindows || Workflow.getVersion(APPROVAL_ROWS, Workflow.DEFAULT_VERSION, 1) >= 1;
        this.sealedRounds = oneStepWindows || Workflow.getVersion(SEALED_ROUNDS, Workflow.DEFAULT_VERSION, 1) >= 1;
        this.roundReminders = oneStepWindows || Workflow.getVersion(ROUND_REMINDERS, Workflow.DEFAULT_VERSION, 1) >= 1;
        if (oneStepWindows || Workflow.getVersion(LOCAL_STEPS, Workflow.DEFAULT_VERSION, 1) >= 1) {
            this.ledger = localLedger;
            this.vetting = localVetting;
        }
        // from version 2 of the one marker, the campaign's start by activity is implied too
        this.candidateCampaign = votingInOneStep
                ? CAMPAIGN_BY_ACTIVITY
                : Workflow.getVersion(CANDIDATE_CAMPAIGN, Workflow.DEFAULT_VERSION, CAMPAIGN_BY_ACTIVITY);
        this.plan = plan;
        this.settings = plan.settings();
        this.stage = plan.stage();
        this.deadline = plan.stageDeadline();
        this.automaticExtensions = plan.extensions();
        this.winner = plan.winnerCandidacyId();
        this.certifiedBy.addAll(plan.certifiedBy());
        Long fundraiserId = null;
        while (status == CycleStatus.RUNNING) {
            if (cancelRequested) {
                return cancelled();
            }
            switch (stage) {
                case PLEDGE_VETTING -> {
                    if (oneStepWindows) {
                        setWindow();
                        vetting.openPledgeVetting(
                                plan.cycleId(),
                                deadline,
                                automaticExtensions,
                                windowDetail("invitations to sign the pledge go out"));
                    } else {
                        openWindow("invitations to sign the pledge go out");
                        vetting.inviteSittingMembers(plan.cycleId());
                    }
                    awaitWindow();
                    advanceTo(CycleStage.NOMINATION_WINDOW);
                }
                case NOMINATION_WINDOW -> {
                    openWindow("anyone may put themselves or someone else forward");
                    awaitWindow();
                    if (cancelRequested) {
                        continue;
                    }
                    if (votingInOneStep) {
                        Instant closes = now().plus(settings.periodOf(CycleStage.VOTING_ROUND));
                        RoundOpening opening = ballots.closeNominationsAndOpenVoting(
                                plan.cycleId(),
                                closes,
                                CycleStage.VOTING_ROUND.title() + ": voting is open; closes at " + closes,
                                candidateSteps());
                        if (opening.onBallot() > 0) {
                            advanceTo(CycleStage.VOTING_ROUND);
                            deadline = closes;
                            votingOpened = opening.opened();
                        } else if (!extendAutomatically("no vetted nominee yet")) {
                            fail("no vetted nominee when the nomination window closed, even after one extension");
                        }
                        continue;
                    }
                    int onBallot = oneStepWindows
                            ? vetting.closeNominations(plan.cycleId(), candidateSteps())
                            : vetting.countBallotNominees(plan.cycleId());
                    if (onBallot > 0) {
                        if (!oneStepWindows && candidateSteps()) {
                            vetting.announce(plan.cycleId(), CandidateStep.ON_BALLOT);
                        }
                        advanceTo(CycleStage.VOTING_ROUND);
                    } else if (!extendAutomatically("no vetted nominee yet")) {
                        fail("no vetted nominee when the nomination window closed, even after one extension");
                    }
                }
                case VOTING_ROUND -> {
                    VotingOpened opened = votingOpened;
                    votingOpened = null;
                    if (opened == null) {
                        // a cycle resumed in its voting round, a round extended, or a run before the one step
                        openWindow("voting is open");
                        opened = ballots.openVoting(plan.cycleId());
                        if (candidateSteps()) {
                            vetting.announce(plan.cycleId(), CandidateStep.VOTING_OPEN);
                        }
                    }
                    remindBefore = roundReminders ? opened.remindBefore() : null;
                    awaitWindow();
                    if (cancelRequested) {
                        continue;
                    }
                    TallySummary tally = ballots.tally(plan.cycleId());
                    if (!tally.quorumMet()) {
                        if (!extendAutomatically("quorum not met")) {
                            fail("quorum not met: " + tally.exercisedUnits() + " of " + tally.totalUnits()
                                    + " units exercised, even after one extension");
                        }
                    } else if (!tally.hasWinner()) {
                        fail("the count found no winner");
                    } else {
                        winner = tally.winnerCandidacyId();
                        if (candidateSteps()) {
                            vetting.announce(plan.cycleId(), CandidateStep.RESULT);
                        }
                        advanceTo(CycleStage.CERTIFICATION);
                        // a count settled by a draw is recounted whatever its margin
                        if (tally.decidedByLot()
                                || tally.marginShare()
                                        < settings.recountMargin().doubleValue()) {
                            // the stage is certification already, so staff see the result; approvals wait
                            // for the recount (update handlers run while the activity does)
                            recountRunning = true;
                            try {
                                recountMatched = certification
                                        .recount(plan.cycleId(), "system")
                                        .matches();
                            } finally {
                                recountRunning = false;
                            }
                        }
                    }
                }
                case CERTIFICATION -> {
                    enter(null, "staff check the result; two different staff members certify the winner");
                    Workflow.await(() -> certifiedBy.size() >= 2 || cancelRequested || status != CycleStatus.RUNNING);
                    if (status == CycleStatus.RUNNING && !cancelRequested) {
                        certification.certify(plan.cycleId(), winner, List.copyOf(certifiedBy));
                        advanceTo(CycleStage.FUNDRAISER_LAUNCH);
                    }
                }
                case FUNDRAISER_LAUNCH -> {
                    enter(null, "the certified candidate's fundraiser is created and announced");
                    fundraiserId = fundraiser.launch(plan.cycleId(), winner);
                    if (cancelRequested) {
                        continue;
                    }
                    if (candidateCampaign == CAMPAIGN_AS_CHILD) {
                        startCampaignAsChild(winner, fundraiserId);
                    }
                    stage = CycleStage.DONE;
                    status = CycleStatus.COMPLETED;
                    ledger.finish(plan.cycleId(), CycleStatus.COMPLETED, "fundraiser launched");
                    if (candidateCampaign >= CAMPAIGN_BY_ACTIVITY) {
                        // the cycle is recorded as completed first: the campaign's timeline follows it
                        campaigns.start(plan.cycleId(), winner, fundraiserId);
                    }
                }
                case DONE -> status = CycleStatus.COMPLETED;
            }
        }
        // handlers may still be running an activity when the main line ends
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (status == CycleStatus.CANCELLED) {
            return new CycleOutcome(status, winner, fundraiserId, cancelReason);
        }
        return new CycleOutcome(status, winner, fundraiserId, failureReason);
    }

    @Override
    public CycleView view() {
        return new CycleView(
                plan.cycleId(),
                plan.districtId(),
                stage,
                status,
                deadline,
                automaticExtensions,
                winner,
                List.copyOf(certifiedBy),
                status == CycleStatus.CANCELLED ? cancelReason : failureReason,
                recountMatched,
                recountRunning);
    }

    // ---- staff actions ----

    @Override
    public void validateReview(VettingDecision decision) {
        requireRunning();
        if (stage != CycleStage.PLEDGE_VETTING && stage != CycleStage.NOMINATION_WINDOW) {
            throw new IllegalStateException(
                    "vetting decisions are taken in pledge vetting or the nomination window, not in "
                            + stage.title().toLowerCase());
        }
    }

    @Override
    public String review(VettingDecision decision) {
        try {
            vetting.review(plan.cycleId(), decision);
        } catch (ActivityFailure failure) {
            throw refusal(failure);
        }
        return "recorded: " + decision.verdict().name().toLowerCase() + " candidacy " + decision.candidacyId();
    }

    @Override
    public void validateExtend(StaffAction action) {
        requireWindow();
        if (action.extension() != null
                && (action.extension().isNegative() || action.extension().isZero())) {
            throw new IllegalArgumentException("an extension must be a positive duration");
        }
    }

    @Override
    public String extend(StaffAction action) {
        Duration by = action.extension() == null ? settings.periodOf(stage) : action.extension();
        deadline = deadline.plus(by);
        windowChanged = true;
        ledger.enterStage(
                plan.cycleId(),
                stage,
                deadline,
                automaticExtensions,
                stage.title() + " extended by " + action.actor() + " to " + deadline + reason(action));
        return stage.title() + " now closes at " + deadline;
    }

    @Override
    public void validateCloseWindow(StaffAction action) {
        requireWindow();
    }

    @Override
    public String closeWindow(StaffAction action) {
        // the run moves on to the next stage while the note is written, so the answer names the
        // window that was closed, not the one open by the time the note returns
        CycleStage closed = stage;
        String answer = closed.title() + " closed early";
        if (sealedRounds && closed == CycleStage.VOTING_ROUND) {
            // sealed in PostgreSQL before the close is answered: from here on every ballot is refused
            BallotSeal seal = ballots.seal(
                    plan.cycleId(),
                    action.actor(),
                    "closed early by " + action.actor()
                            + (action.reason() == null || action.reason().isBlank() ? "" : ": " + action.reason()));
            answer = "Voting closed at " + seal.sealedAt() + "; receipt chain sealed at " + seal.chainLength()
                    + " entries, head " + seal.headHash();
        }
        closeRequested = true;
        ledger.note(
                plan.cycleId(),
                closed,
                "CLOSED_EARLY",
                closed.title() + " closed early" + reason(action),
                action.actor(),
                "closed-early:" + closed + ":" + Workflow.currentTimeMillis());
        return answer;
    }

    @Override
    public void validateRecount(StaffAction action) {
        requireRunning();
        if (stage != CycleStage.CERTIFICATION) {
            throw new IllegalStateException("a recount is run in certification; the cycle is in "
                    + stage.title().toLowerCase());
        }
    }

    @Override
    public String recount(StaffAction action) {
        recountRunning = true;
        try {
            RecountOutcome outcome = certification.recount(plan.cycleId(), action.actor());
            recountMatched = outcome.matches();
            return outcome.detail();
        } finally {
            recountRunning = false;
        }
    }

    @Override
    public void validateCertify(StaffAction action) {
        requireRunning();
        if (stage != CycleStage.CERTIFICATION) {
            throw new IllegalStateException("only a cycle in certification can be certified; this one is in "
                    + stage.title().toLowerCase());
        }
        if (recountRunning) {
            throw new IllegalStateException(CycleView.RECOUNT_RUNNING);
        }
        if (Boolean.FALSE.equals(recountMatched)) {
            throw new IllegalStateException(
                    "the recount did not match the stored result; investigate before certifying");
        }
        if (certifiedBy.contains(action.actor())) {
            throw new IllegalStateException(
                    action.actor() + " has already approved; a second, different staff member must certify");
        }
    }

    @Override
    public String certify(StaffAction action) {
        // noted before it counts, so the certification it may complete is always written after it
        String detail = "approval " + (certifiedBy.size() + 1) + " of 2 by " + action.actor();
        if (approvalRows) {
            ledger.approve(plan.cycleId(), stage, winner, action.actor(), detail);
        } else {
            ledger.note(
                    plan.cycleId(),
                    stage,
                    "CERTIFY_APPROVAL",
                    detail,
                    action.actor(),
                    "certify:" + winner + ":" + action.actor());
        }
        certifiedBy.add(action.actor());
        return certifiedBy.size() >= 2 ? "certified" : "approval 1 of 2 recorded; a second staff member must certify";
    }

    @Override
    public void validateWithdraw(Withdrawal withdrawal) {
        requireRunning();
        if (stage == CycleStage.FUNDRAISER_LAUNCH || stage == CycleStage.DONE) {
            throw new IllegalStateException(
                    "the fundraiser is already launching; a withdrawal now is handled by staff outside the cycle");
        }
    }

    @Override
    public String withdraw(Withdrawal withdrawal) {
        if (stage == CycleStage.CERTIFICATION && winner != null && winner == withdrawal.candidacyId()) {
            winner = certification.replaceWithdrawnWinner(plan.cycleId(), withdrawal.candidacyId(), withdrawal.actor());
            certifiedBy.clear();
            recountMatched = null;
            if (winner == null) {
                fail("the winner withdrew and no other nominee remains on the ballots");
                return "winner withdrew; nobody remains, the cycle failed";
            }
            return "winner withdrew; runner-up candidacy " + winner + " now awaits certification";
        }
        try {
            vetting.withdraw(plan.cycleId(), withdrawal.candidacyId(), withdrawal.actor());
        } catch (ActivityFailure failure) {
            throw refusal(failure);
        }
        return "candidacy " + withdrawal.candidacyId() + " withdrawn";
    }

    @Override
    public void validateCancel(StaffAction action) {
        requireRunning();
        if (action.reason() == null || action.reason().isBlank()) {
            throw new IllegalArgumentException("say why the cycle is cancelled");
        }
    }

    @Override
    public String cancel(StaffAction action) {
        cancelRequested = true;
        cancelReason = "cancelled by " + action.actor() + ": " + action.reason();
        return "cancelling";
    }

    // ---- the stage machinery ----

    /**
     * Version 1 of {@link #CANDIDATE_CAMPAIGN}, kept for the histories it recorded: starts the winner's
     * campaign as a child the cycle abandons when it ends, and waits only until the server has started it.
     */
    private void startCampaignAsChild(long candidacyId, long fundraiserId) {
        CandidateCampaignWorkflow campaign = Workflow.newChildWorkflowStub(
                CandidateCampaignWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(CampaignPlan.workflowId(plan.cycleId()))
                        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                        .build());
        Async.function(campaign::run, CampaignPlan.fresh(plan.cycleId(), candidacyId, fundraiserId));
        try {
            Workflow.getWorkflowExecution(campaign).get();
        } catch (ChildWorkflowFailure alreadyRunning) {
            // started before this run (a resumed cycle): the campaign goes on by itself
        }
    }

    private void openWindow(String detail) {
        setWindow();
        ledger.enterStage(plan.cycleId(), stage, deadline, automaticExtensions, windowDetail(detail));
    }

    /** The window's close: a stage resumed with its deadline keeps it, a stage just entered gets its period. */
    private void setWindow() {
        if (deadline == null) {
            deadline = now().plus(settings.periodOf(stage));
        }
    }

    /** How an open window's entry reads on the timeline. */
    private String windowDetail(String detail) {
        return stage.title() + ": " + detail + "; closes at " + deadline;
    }

    private void enter(Instant stageDeadline, String detail) {
        ledger.enterStage(plan.cycleId(), stage, stageDeadline, automaticExtensions, stage.title() + ": " + detail);
    }

    /**
     * Waits for the window's deadline, an early close, a cancel or a changed deadline. Vetting windows
     * also wake every {@link #SWEEP_EVERY} to send reminders and escalate overdue reviews.
     */
    private void awaitWindow() {
        boolean sweeping =
                (stage == CycleStage.PLEDGE_VETTING || stage == CycleStage.NOMINATION_WINDOW) && candidateSteps();
        boolean reminding = stage == CycleStage.VOTING_ROUND && remindBefore != null;
        if (reminding && Duration.between(now(), deadline).compareTo(remindBefore) <= 0) {
            remindedFor = deadline; // a window this short: the ballot link that just went out is the reminder
        }
        while (!closeRequested && !cancelRequested) {
            Duration left = Duration.between(now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            windowChanged = false;
            Duration wait = sweeping && left.compareTo(SWEEP_EVERY) > 0 ? SWEEP_EVERY : left;
            if (reminding && !deadline.equals(remindedFor)) {
                Duration untilReminder = left.minus(remindBefore);
                if (untilReminder.isNegative() || untilReminder.isZero()) {
                    remindedFor = deadline;
                    try {
                        reminders.remind(plan.cycleId());
                    } catch (ActivityFailure failed) {
                        // a reminder is a courtesy: the vote goes on without it
                    }
                    continue;
                }
                wait = untilReminder.compareTo(wait) < 0 ? untilReminder : wait;
            }
            boolean woken = Workflow.await(wait, () -> closeRequested || cancelRequested || windowChanged);
            if (!woken && sweeping && now().isBefore(deadline)) {
                try {
                    sweeps.sweep(plan.cycleId(), now());
                } catch (ActivityFailure failed) {
                    // reminders and escalations are idempotent: the next sweep sends what this one could not
                }
            }
        }
        closeRequested = false;
    }

    private boolean candidateSteps() {
        return candidateSteps;
    }

    /** The one automatic extension a window gets when it closes without what it needs. */
    private boolean extendAutomatically(String why) {
        if (automaticExtensions >= 1) {
            return false;
        }
        automaticExtensions++;
        if (sealedRounds && stage == CycleStage.VOTING_ROUND) {
            ballots.reopen(plan.cycleId(), why);
        }
        deadline = now().plus(settings.periodOf(stage));
        ledger.enterStage(
                plan.cycleId(),
                stage,
                deadline,
                automaticExtensions,
                stage.title() + " extended once automatically (" + why + ") to " + deadline);
        return true;
    }

    private void advanceTo(CycleStage next) {
        stage = next;
        deadline = null;
        automaticExtensions = 0;
    }

    private void fail(String reason) {
        failureReason = reason;
        status = CycleStatus.FAILED;
        ledger.finish(plan.cycleId(), CycleStatus.FAILED, reason);
    }

    private CycleOutcome cancelled() {
        status = CycleStatus.CANCELLED;
        fundraiser.deactivate(plan.cycleId(), cancelReason);
        ledger.finish(plan.cycleId(), CycleStatus.CANCELLED, cancelReason);
        Workflow.await(Workflow::isEveryHandlerFinished);
        return new CycleOutcome(status, winner, null, cancelReason);
    }

    private void requireRunning() {
        if (status != CycleStatus.RUNNING || cancelRequested) {
            throw new IllegalStateException("cycle " + plan.cycleId() + " is no longer running ("
                    + (cancelRequested ? "cancelled" : status.name().toLowerCase()) + ")");
        }
    }

    private void requireWindow() {
        requireRunning();
        if (stage != CycleStage.PLEDGE_VETTING
                && stage != CycleStage.NOMINATION_WINDOW
                && stage != CycleStage.VOTING_ROUND) {
            throw new IllegalStateException(stage.title() + " has no window to extend or close");
        }
        if (deadline == null) {
            throw new IllegalStateException("the window of " + stage.title().toLowerCase() + " is not open yet");
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    private static String reason(StaffAction action) {
        return action.reason() == null || action.reason().isBlank() ? "" : " (" + action.reason() + ")";
    }

    /** Hands a refused staff action back to the caller as the update's failure, with the activity's reason. */
    private static ApplicationFailure refusal(ActivityFailure failure) {
        String message =
                failure.getCause() instanceof ApplicationFailure app ? app.getOriginalMessage() : failure.getMessage();
        return ApplicationFailure.newNonRetryableFailure(message, VettingActivitiesImpl.REFUSED);
    }
}
