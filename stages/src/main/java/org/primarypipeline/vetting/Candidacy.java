package org.primarypipeline.vetting;

import java.time.Instant;

/** A candidate's standing in one cycle: how they came in, where vetting has got to. */
public record Candidacy(
        long id,
        String cycleId,
        long candidateId,
        String fullName,
        String email,
        String source,
        CandidacyStatus status,
        String statusReason,
        boolean pledgeSigned,
        boolean eligibilityConfirmed,
        ReviewChecklist checklist,
        Instant reviewDueAt,
        String phone,
        String photoUrl,
        String statement) {

    /** On the ballot: approved by staff and signed up to the current pledge. */
    public boolean onBallot() {
        return status == CandidacyStatus.APPROVED && pledgeSigned;
    }

    /** Sitting members qualified by taking their seat; everyone else answers the eligibility questions. */
    public boolean eligible() {
        return eligibilityConfirmed || source.equals("SITTING_MEMBER");
    }
}
