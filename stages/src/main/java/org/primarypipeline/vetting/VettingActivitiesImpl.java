package org.primarypipeline.vetting;

import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.district.DistrictId;
import org.primarypipeline.core.priority.DeclaredCandidates;
import org.primarypipeline.cycles.CycleRepository;
import org.primarypipeline.nominations.CandidateSteps;
import org.primarypipeline.nominations.NominationSettings;
import org.primarypipeline.nominations.Nominations;
import org.primarypipeline.outreach.OutboundMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class VettingActivitiesImpl implements VettingActivities {

    /** Failure type of staff actions that can never succeed: retrying them changes nothing. */
    public static final String REFUSED = "Refused";

    private final CandidacyRepository candidacies;
    private final CycleRepository cycles;
    private final CandidateSteps steps;
    private final Nominations nominations;
    private final ReviewEscalations escalations;
    private final CandidateAnnouncements announcements;
    private final NominationSettings settings;
    private final Clock clock;

    public VettingActivitiesImpl(
            CandidacyRepository candidacies,
            CycleRepository cycles,
            CandidateSteps steps,
            Nominations nominations,
            ReviewEscalations escalations,
            CandidateAnnouncements announcements,
            NominationSettings settings,
            ObjectProvider<Clock> clock) {
        this.candidacies = candidacies;
        this.cycles = cycles;
        this.steps = steps;
        this.nominations = nominations;
        this.escalations = escalations;
        this.announcements = announcements;
        this.settings = settings;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    @Transactional
    public int inviteSittingMembers(String cycleId) {
        int invited = candidacies.inviteSittingMembers(cycleId);
        // the activity keeps its name (recorded histories call it); it invites the declared candidates too
        String district = cycles.districtOf(cycleId).orElse(null);
        if (district != null) {
            invited += candidacies.inviteDeclared(cycleId, DeclaredCandidates.running(DistrictId.parse(district)));
        }
        // one statement for every invitation's timeline entry (keyed by candidacy, so a retry writes none twice)
        candidacies.noteInvitations(cycleId);
        return invited;
    }

    @Override
    @Transactional
    public void review(String cycleId, VettingDecision decision) {
        Candidacy candidacy = candidacies
                .find(cycleId, decision.candidacyId())
                .orElseThrow(() -> refused("candidacy " + decision.candidacyId() + " is not part of cycle " + cycleId));
        if (candidacy.status() == CandidacyStatus.WITHDRAWN) {
            throw refused(candidacy.fullName() + " has withdrawn");
        }
        ReviewChecklist checklist = candidacy.checklist().and(decision.checklist());
        CandidacyStatus next = switch (decision.verdict()) {
            case APPROVE -> {
                if (!candidacy.pledgeSigned()) {
                    throw refused(candidacy.fullName() + " has not signed the current pledge; approve after they sign");
                }
                if (!candidacy.eligible()) {
                    throw refused(candidacy.fullName()
                            + " has not confirmed their eligibility (age, citizenship, residence)");
                }
                if (!checklist.complete()) {
                    throw refused("the review checklist is not complete for " + candidacy.fullName() + ": still to do: "
                            + checklist.missing());
                }
                yield CandidacyStatus.APPROVED;
            }
            case REJECT -> CandidacyStatus.REJECTED;
            case REQUEST_INFO -> CandidacyStatus.INFO_REQUESTED;
        };
        candidacies.tick(candidacy.id(), decision.checklist());
        candidacies.setStatus(candidacy.id(), next, decision.reason());
        // a request for information restarts the clock for the next decision; a final decision stops it
        candidacies.setReviewDue(
                candidacy.id(),
                next == CandidacyStatus.INFO_REQUESTED ? clock.instant().plus(settings.reviewPeriod()) : null);
        CycleStage stage = cycles.stageOf(cycleId).orElse(CycleStage.PLEDGE_VETTING);
        String call = callId();
        cycles.record(
                cycleId,
                stage,
                "VETTING_" + next,
                candidacy.fullName() + ": " + next.name().toLowerCase().replace('_', ' ')
                        + (decision.reason() == null ? "" : " (" + decision.reason() + ")"),
                decision.actor(),
                "vetting:" + candidacy.id() + ":" + next + ":" + decision.actor() + ":" + call);
        steps.event(
                null,
                candidacy.id(),
                "VETTING_" + next,
                decision.reason() == null ? "" : decision.reason(),
                decision.actor(),
                "candidacy:" + candidacy.id() + ":vetting:" + call);
        if (candidacy.email() != null) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("candidateName", candidacy.fullName());
            model.put("districtId", district(cycleId));
            model.put("approved", next == CandidacyStatus.APPROVED);
            model.put("rejected", next == CandidacyStatus.REJECTED);
            model.put("infoRequested", next == CandidacyStatus.INFO_REQUESTED);
            model.put("reason", decision.reason() == null ? "" : decision.reason());
            steps.send(
                    OutboundMessage.email(
                                    "candidacy:" + candidacy.id() + ":vetting-outcome:" + call,
                                    candidacy.email(),
                                    "vetting-outcome",
                                    model)
                            .asTransactional(),
                    null,
                    candidacy.id(),
                    "vetting-outcome");
        }
    }

    @Override
    @Transactional
    public void withdraw(String cycleId, long candidacyId, String actor) {
        Candidacy candidacy = candidacies
                .find(cycleId, candidacyId)
                .orElseThrow(() -> refused("candidacy " + candidacyId + " is not part of cycle " + cycleId));
        candidacies.setStatus(candidacyId, CandidacyStatus.WITHDRAWN, "withdrawn, recorded by " + actor);
        candidacies.setReviewDue(candidacyId, null);
        CycleStage stage = cycles.stageOf(cycleId).orElse(CycleStage.PLEDGE_VETTING);
        cycles.record(
                cycleId, stage, "WITHDRAWN", candidacy.fullName() + " withdrew", actor, "withdrawn:" + candidacyId);
        steps.event(
                null,
                candidacyId,
                "WITHDRAWN",
                "withdrawal recorded by " + actor,
                actor,
                "candidacy:" + candidacyId + ":withdrawn");
    }

    @Override
    public int countBallotNominees(String cycleId) {
        return candidacies.ballot(cycleId).size();
    }

    @Override
    @Transactional
    public int sweep(String cycleId, Instant now) {
        return nominations.remind(cycleId, now) + escalations.escalate(cycleId, now);
    }

    @Override
    @Transactional
    public int announce(String cycleId, CandidateStep step) {
        return announcements.announce(cycleId, step);
    }

    @Override
    @Transactional
    public int openPledgeVetting(String cycleId, Instant deadline, int extensions, String detail) {
        CycleStage stage = CycleStage.PLEDGE_VETTING;
        cycles.enterStage(
                cycleId, stage, deadline, extensions, detail, CycleRepository.stageKey(stage, extensions, deadline));
        return inviteSittingMembers(cycleId);
    }

    @Override
    @Transactional
    public int closeNominations(String cycleId, boolean announce) {
        int onBallot = countBallotNominees(cycleId);
        if (onBallot > 0 && announce) {
            announcements.announce(cycleId, CandidateStep.ON_BALLOT);
        }
        return onBallot;
    }

    static String district(String cycleId) {
        return cycleId.substring(0, cycleId.lastIndexOf('-'));
    }

    static ApplicationFailure refused(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, REFUSED);
    }

    /** Stable across retries of one activity call, so a retried decision tells the candidate once. */
    private static String callId() {
        try {
            var info = io.temporal.activity.Activity.getExecutionContext().getInfo();
            return info.getWorkflowId() + ":" + info.getActivityId();
        } catch (IllegalStateException | NullPointerException notInAnActivity) {
            return java.util.UUID.randomUUID().toString();
        }
    }
}
