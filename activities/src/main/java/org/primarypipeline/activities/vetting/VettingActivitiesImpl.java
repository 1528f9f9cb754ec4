package org.primarypipeline.activities.vetting;

import io.temporal.failure.ApplicationFailure;
import org.primarypipeline.activities.cycle.CycleRepository;
import org.primarypipeline.core.cycle.CycleStage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
public class VettingActivitiesImpl implements VettingActivities {

    /** Failure type of staff actions that can never succeed: retrying them changes nothing. */
    public static final String REFUSED = "Refused";

    private final CandidacyRepository candidacies;
    private final CycleRepository cycles;

    public VettingActivitiesImpl(CandidacyRepository candidacies, CycleRepository cycles) {
        this.candidacies = candidacies;
        this.cycles = cycles;
    }

    @Override
    @Transactional
    public int inviteSittingMembers(String cycleId) {
        int invited = candidacies.inviteSittingMembers(cycleId);
        for (Candidacy c : candidacies.ofCycle(cycleId)) {
            if (c.source().equals("SITTING_MEMBER")) {
                cycles.record(cycleId, CycleStage.PLEDGE_VETTING, "INVITED",
                        c.fullName() + " (sitting member) invited to sign the pledge", "system", "invited:" + c.id());
            }
        }
        return invited;
    }

    @Override
    @Transactional
    public void review(String cycleId, VettingDecision decision) {
        Candidacy candidacy = candidacies.find(cycleId, decision.candidacyId()).orElseThrow(() -> refused(
                "candidacy " + decision.candidacyId() + " is not part of cycle " + cycleId));
        if (candidacy.status() == CandidacyStatus.WITHDRAWN) {
            throw refused(candidacy.fullName() + " has withdrawn");
        }
        CandidacyStatus next = switch (decision.verdict()) {
            case APPROVE -> {
                if (!candidacy.pledgeSigned()) {
                    throw refused(candidacy.fullName() + " has not signed the current pledge; approve after they sign");
                }
                yield CandidacyStatus.APPROVED;
            }
            case REJECT -> CandidacyStatus.REJECTED;
            case REQUEST_INFO -> CandidacyStatus.INFO_REQUESTED;
        };
        candidacies.setStatus(candidacy.id(), next, decision.reason());
        String stage = cycles.find(cycleId).map(c -> c.stage().name()).orElse(CycleStage.PLEDGE_VETTING.name());
        cycles.record(cycleId, CycleStage.valueOf(stage), "VETTING_" + next,
                candidacy.fullName() + ": " + next.name().toLowerCase().replace('_', ' ')
                        + (decision.reason() == null ? "" : " (" + decision.reason() + ")"),
                decision.actor(), "vetting:" + candidacy.id() + ":" + next + ":" + decision.actor());
    }

    @Override
    @Transactional
    public void withdraw(String cycleId, long candidacyId, String actor) {
        Candidacy candidacy = candidacies.find(cycleId, candidacyId).orElseThrow(() -> refused(
                "candidacy " + candidacyId + " is not part of cycle " + cycleId));
        candidacies.setStatus(candidacyId, CandidacyStatus.WITHDRAWN, "withdrawn, recorded by " + actor);
        String stage = cycles.find(cycleId).map(c -> c.stage().name()).orElse(CycleStage.PLEDGE_VETTING.name());
        cycles.record(cycleId, CycleStage.valueOf(stage), "WITHDRAWN", candidacy.fullName() + " withdrew",
                actor, "withdrawn:" + candidacyId);
    }

    @Override
    public int countBallotNominees(String cycleId) {
        return candidacies.ballot(cycleId).size();
    }

    static ApplicationFailure refused(String message) {
        return ApplicationFailure.newNonRetryableFailure(message, REFUSED);
    }
}
