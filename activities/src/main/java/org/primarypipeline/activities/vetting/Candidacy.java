package org.primarypipeline.activities.vetting;

/** A candidate's standing in one cycle: how they came in, where vetting has got to. */
public record Candidacy(long id, String cycleId, long candidateId, String fullName, String email, String source,
                        CandidacyStatus status, String statusReason, boolean pledgeSigned) {

    /** On the ballot: approved by staff and signed up to the current pledge. */
    public boolean onBallot() {
        return status == CandidacyStatus.APPROVED && pledgeSigned;
    }
}
