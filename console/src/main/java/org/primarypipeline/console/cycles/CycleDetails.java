package org.primarypipeline.console.cycles;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.primarypipeline.cycles.CycleEvent;
import org.primarypipeline.cycles.CycleRecord;
import org.primarypipeline.vetting.Candidacy;
import org.primarypipeline.workflows.cycle.CycleView;

/**
 * One cycle as the API shows it: the record, the live workflow state (null when Temporal does not know
 * it), candidacies, the stored result, the timeline.
 */
public record CycleDetails(
        CycleRecord cycle,
        CycleView live,
        List<Candidacy> candidacies,
        StoredResult result,
        List<CycleEvent> timeline) {

    /** The stored result's figures under their column names, the rounds as the stored JSON text. */
    public record StoredResult(
            Long winner,
            @JsonProperty("runner_up") Long runnerUp,
            @JsonProperty("quorum_met") boolean quorumMet,
            @JsonProperty("exercised_units") BigDecimal exercisedUnits,
            @JsonProperty("total_units") BigDecimal totalUnits,
            @JsonProperty("margin_share") BigDecimal marginShare,
            String rounds) {}
}
