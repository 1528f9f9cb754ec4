package org.primarypipeline.workflows.cycle;

import java.time.Instant;
import java.util.List;
import org.primarypipeline.core.cycle.CycleSettings;
import org.primarypipeline.core.cycle.CycleStage;

/**
 * Everything a cycle's workflow starts from. A new cycle starts at pledge vetting; a cycle resumed
 * after a restart starts at the stage and deadline PostgreSQL recorded, with the automatic extensions
 * it had already used there.
 */
public record CyclePlan(
        String cycleId,
        String districtId,
        CycleSettings settings,
        CycleStage stage,
        Instant stageDeadline,
        int extensions,
        Long winnerCandidacyId,
        List<String> certifiedBy) {

    public CyclePlan {
        certifiedBy = certifiedBy == null ? List.of() : List.copyOf(certifiedBy);
    }

    public static CyclePlan fresh(String cycleId, String districtId, CycleSettings settings, Instant vettingDeadline) {
        return new CyclePlan(
                cycleId, districtId, settings, CycleStage.PLEDGE_VETTING, vettingDeadline, 0, null, List.of());
    }

    /** The id of the workflow of a cycle: one per (district, cycle), derived from the cycle's id. */
    public static String workflowId(String cycleId) {
        return "district-cycle:" + cycleId;
    }
}
