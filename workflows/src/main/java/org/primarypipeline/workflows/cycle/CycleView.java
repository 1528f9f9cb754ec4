package org.primarypipeline.workflows.cycle;

import java.time.Instant;
import java.util.List;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;

/** The live state of a cycle's workflow, as the query returns it. */
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
        Boolean recountMatched) {}
