package org.primarypipeline.certification;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Effects of the certification stage. */
@ActivityInterface
public interface CertificationActivities {

    /** Re-derives the result from the stored electorate, proxy and ballot rows and compares it. */
    RecountOutcome recount(String cycleId, String actor);

    /**
     * The certified-to-be winner withdrew: takes them off the ballot and makes the runner-up from the
     * same ballots the winner. Returns the new winner's candidacy id, or null if nobody is left.
     */
    Long replaceWithdrawnWinner(String cycleId, long withdrawnCandidacyId, String actor);

    /** Records the certification by two different staff members and tells the candidate. */
    void certify(String cycleId, long candidacyId, List<String> approvers);
}
