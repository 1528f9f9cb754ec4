package org.primarypipeline.console.cycles;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.List;
import org.primarypipeline.core.cycle.CycleStage;
import org.primarypipeline.core.cycle.CycleStatus;
import org.primarypipeline.vetting.CandidacyStatus;

/**
 * What an auditor needs to judge a cycle action, kept as the audit entry's state before and after: the
 * recorded cycle, the live workflow (absent when Temporal does not know it) and the candidacy touched.
 */
record CycleSnapshot(
        CycleStatus status,
        CycleStage stage,
        Instant stageDeadline,
        int extensions,
        @JsonUnwrapped Live live,
        @JsonUnwrapped Touched touched) {

    record Live(
            CycleStage liveStage,
            Instant liveDeadline,
            Long winnerCandidacyId,
            List<String> certifiedBy,
            Boolean recountMatched) {}

    record Touched(long candidacy, String candidate, CandidacyStatus candidacyStatus) {}
}
