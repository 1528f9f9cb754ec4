package org.primarypipeline.workflows.cycle;

import java.time.Instant;
import java.util.List;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;

/**
 * The live state of a cycle's workflow, as the query returns it. {@code recountRunning}: a recount of the
 * round is running, so certifying waits ({@link CycleView#RECOUNT_RUNNING} says why).
 */
public record CycleView(
        String cycleId,
        String districtId,
        CycleStage stage,
        CycleStatus status,
        Instant deadline,
        int automaticExtensions,
        Long winnerCandidacyId,
        List<String> certifiedBy,
        String failureReason,
        Boolean recountMatched,
        boolean recountRunning) {

    /** Why a certification is refused while the round's recount runs: the API's 409 and the console's note. */
    public static final String RECOUNT_RUNNING =
            "the recount of this round has not finished; certify once it has said whether the result stands";
}
