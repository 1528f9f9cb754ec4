package org.primarypipeline.vetting;

import io.temporal.activity.ActivityInterface;
import java.time.Instant;

/** Effects of pledge vetting and of the nomination window's vetting. */
@ActivityInterface
public interface VettingActivities {

    /** Invites the district's sitting member to sign the pledge; returns how many candidacies exist. */
    int inviteSittingMembers(String cycleId);

    /** Records a staff decision and tells the candidate; refuses one about a candidacy not in the cycle or not ready for it. */
    void review(String cycleId, VettingDecision decision);

    /** Takes a candidate off the ballot at their request; recorded, never deleted. */
    void withdraw(String cycleId, long candidacyId, String actor);

    /** How many candidacies are on the ballot now (approved and signed up to the current pledge). */
    int countBallotNominees(String cycleId);

    /**
     * The periodic check of a window, as of the workflow's {@code now}: reminders due to nominees who
     * have not accepted, and reviews past their deadline escalated to the staff on duty. Each message
     * once, however often it runs. Returns how many messages it queued.
     */
    int sweep(String cycleId, Instant now);

    /** Tells every candidate on the ballot about this moment of the cycle (once each). */
    int announce(String cycleId, CandidateStep step);

    /**
     * Opens pledge vetting in one step: the stage's entry on the timeline (as the ledger's enter-stage step
     * writes it) and the invitations ({@link #inviteSittingMembers}). Returns how many candidacies exist.
     */
    int openPledgeVetting(String cycleId, Instant deadline, int extensions, String detail);

    /**
     * Closes the nomination window in one step: counts the nominees on the ballot ({@link
     * #countBallotNominees}) and, when there are any and {@code announce} is set, tells them they are on
     * it ({@link #announce} with {@link CandidateStep#ON_BALLOT}). Returns the count.
     */
    int closeNominations(String cycleId, boolean announce);
}
